//! `communique-bench CORPUS QUERIES [--runs N]`: native measurements of the compiler and the
//! query engine on a large corpus, printed one figure a line (run by `cargo xtask bench`).
//!
//! Measures: the time `communique_compiler::compile_dir` takes on the folder; the size of the
//! bundle (`communique_core::bundle::encode`), how long the page's start takes to open it
//! (`bundle::open_in_place`) and the compiler's reader to decode all of it; search latency,
//! parse plus search, over every query in the file: one warm-up pass, then each query's median
//! of `--runs` passes, summarised across queries; a keystroke's work in the core, step by step,
//! over every prefix of the queries; and the heap that opening the bundle keeps, part by part
//! (counted by this binary's allocator). Speed is never asserted here or in tests: it depends
//! on the machine.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use communique_core::lazy::Source;
use communique_core::query::{self, SearchOptions, SortOrder};
use communique_core::{bundle, Corpus, FacetIndex, Filters};

use communique_bench::queries::read_queries;
use communique_bench::stats::{ms, targets, verdict, Summary};

/// The process's allocator, counting the bytes it holds, so that the bench can say what
/// opening a bundle keeps on the heap and which part keeps it.
struct Counting;

/// Bytes [`Counting`] holds now.
static HELD: AtomicUsize = AtomicUsize::new(0);

/// The most bytes [`Counting`] has held at once since it was last set to [`HELD`].
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// Notes that [`Counting`] holds `held` bytes now.
fn note_peak(held: usize) {
    PEAK.fetch_max(held, Ordering::Relaxed);
}

// SAFETY: every call is the system allocator's, with the same arguments; the counter is
// only arithmetic on the side.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note_peak(HELD.fetch_add(layout.size(), Ordering::Relaxed) + layout.size());
        // SAFETY: the caller's contract is `GlobalAlloc::alloc`'s, passed on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        if !moved.is_null() {
            note_peak(HELD.fetch_add(new_size, Ordering::Relaxed) + new_size);
            HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Megabytes, to one decimal.
fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// Timed passes over the queries unless `--runs` says otherwise.
const DEFAULT_RUNS: usize = 5;

/// The parsed command line.
#[derive(Debug, PartialEq)]
struct Options {
    corpus: PathBuf,
    queries: PathBuf,
    runs: usize,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&args).and_then(|options| run(&options)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    const USAGE: &str = "usage: communique-bench CORPUS_FOLDER QUERIES_FILE [--runs N]";
    let mut positional = Vec::new();
    let mut runs = DEFAULT_RUNS;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--runs" {
            let value = args.next().ok_or(USAGE)?;
            runs = value
                .parse()
                .ok()
                .filter(|runs| *runs > 0)
                .ok_or_else(|| format!("--runs expects a positive number, not {value:?}"))?;
        } else if arg.starts_with("--") {
            return Err(format!("unknown option {arg:?}\n{USAGE}"));
        } else {
            positional.push(PathBuf::from(arg));
        }
    }
    match <[PathBuf; 2]>::try_from(positional) {
        Ok([corpus, queries]) => Ok(Options {
            corpus,
            queries,
            runs,
        }),
        Err(_) => Err(USAGE.to_string()),
    }
}

fn run(options: &Options) -> Result<(), String> {
    let queries = read_queries(&options.queries)?;
    println!("bench corpus: {}", options.corpus.display());

    let started = Instant::now();
    let corpus =
        communique_compiler::compile_dir(&options.corpus).map_err(|err| err.to_string())?;
    let compile_time = started.elapsed();
    let skipped = corpus
        .report
        .files
        .iter()
        .filter(|file| file.skipped.is_some())
        .count();
    let messages: usize = corpus
        .report
        .files
        .iter()
        .map(|file| file.messages.len())
        .sum();
    println!(
        "  compile: {} documents from {} files ({skipped} skipped, {messages} messages) in {:.2} s",
        corpus.documents.len(),
        corpus.report.files.len(),
        compile_time.as_secs_f64()
    );
    println!(
        "  {}",
        verdict(
            &format!(
                "compile <= {} s",
                targets::compile(corpus.documents.len()).as_secs()
            ),
            compile_time <= targets::compile(corpus.documents.len())
        )
    );
    let text_bytes: usize = corpus.documents.iter().map(|doc| doc.text.len()).sum();
    println!(
        "  entities: {}, visits: {}, clean text: {} bytes",
        corpus.entities.len(),
        corpus.visits.len(),
        text_bytes
    );

    let started = Instant::now();
    let bytes = bundle::encode(&corpus);
    let encode_time = started.elapsed();
    // Bytes that live as long as the program, as the page's bundle does (embedded in its
    // WASM), so that names are borrowed from them as there (`wire.rs`).
    let bytes: &'static [u8] = Vec::leak(bytes);
    let source = Source::Static(bytes);
    let held_before = HELD.load(Ordering::Relaxed);
    PEAK.store(held_before, Ordering::Relaxed);
    let started = Instant::now();
    let (in_place, facets) =
        bundle::open_in_place(&source).map_err(|err| format!("the bundle does not open: {err}"))?;
    let open_time = started.elapsed();
    let held_open = HELD.load(Ordering::Relaxed) - held_before;
    let peak_open = PEAK.load(Ordering::Relaxed) - held_before;
    let started = Instant::now();
    bundle::decode(bytes).map_err(|err| format!("the bundle does not decode: {err}"))?;
    let decode_time = started.elapsed();
    println!(
        "  bundle: {} bytes (encode {}; open in place, as the page starts, {}; decode all, as the compiler reads it, {})",
        bytes.len(),
        ms(encode_time),
        ms(open_time),
        ms(decode_time)
    );

    // Searched as the page searches: texts read in place when first needed.
    let timings = time_searches(&in_place, &queries, options.runs);
    let summary = Summary::of(&timings.per_query).ok_or("no queries to time")?;
    println!(
        "  native search ({} queries, each the median of {} runs, parse + search): {summary}",
        queries.len(),
        options.runs,
    );
    println!(
        "  slowest query: {:?} (median {}, {} hits)",
        timings.slowest.0,
        ms(timings.slowest.1),
        timings.slowest.2
    );
    let empty = timings.hit_counts.iter().filter(|hits| **hits == 0).count();
    println!("  queries with no hits: {empty} of {}", queries.len());

    let held_typing = HELD.load(Ordering::Relaxed);
    PEAK.store(held_typing, Ordering::Relaxed);
    let steps = time_keystrokes(&in_place, &facets, &queries);
    let kept = HELD.load(Ordering::Relaxed).saturating_sub(held_typing);
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(held_typing);
    println!(
        "  a keystroke's work natively (every prefix of every query, as typed, no filters; \
         the page adds its DOM work):"
    );
    for (name, samples) in &steps {
        if let Some(summary) = Summary::of(samples) {
            println!("    {name}: {summary}");
        }
    }
    // What the page's memory grows by while typing: a WASM's memory never shrinks, so the
    // most held at once counts as well as what is kept (the articles of the rows read).
    println!(
        "  heap while typing those keystrokes: {} kept after them, at most {} more at once",
        mb(kept),
        mb(peak)
    );

    // What opening kept, part by part, in a copy opened afresh (the searches above read
    // texts into the first): each part's bytes are what dropping it gives back (texts,
    // mentions and posting lists stay in the bundle's bytes until read).
    drop((in_place, facets));
    let (fresh, fresh_facets) =
        bundle::open_in_place(&source).map_err(|err| format!("the bundle does not open: {err}"))?;
    let parts = held_parts(fresh, fresh_facets);
    let listed: Vec<String> = parts
        .iter()
        .map(|(name, bytes)| format!("{name} {}", mb(*bytes)))
        .collect();
    println!(
        "  heap kept by opening in place (before any search): {} for a bundle of {} ({:.1}×), \
         at most {} at once while opening: {}",
        mb(held_open),
        mb(bytes.len()),
        held_open as f64 / bytes.len() as f64,
        mb(peak_open),
        listed.join(", ")
    );
    Ok(())
}

/// The heap each part of an opened corpus holds, measured by dropping the parts in turn.
fn held_parts(corpus: Corpus, facets: FacetIndex) -> Vec<(&'static str, usize)> {
    let Corpus {
        meta,
        documents,
        entities,
        visits,
        report,
        index,
    } = corpus;
    let mut parts = Vec::new();
    let mut drop_part = |name, part: Box<dyn std::any::Any>| {
        let before = HELD.load(Ordering::Relaxed);
        drop(part);
        parts.push((name, before.saturating_sub(HELD.load(Ordering::Relaxed))));
    };
    drop_part("facet index", Box::new(facets));
    drop_part("search index", Box::new(index));
    drop_part("documents", Box::new(documents));
    drop_part("entities", Box::new(entities));
    drop_part("visits", Box::new(visits));
    drop_part("report and the rest", Box::new((meta, report)));
    parts
}

/// Times, for every prefix of every query as the search box sees it while typing, each step
/// of the work the page does per keystroke (`src/state.rs`, `src/bundle.rs`): the search
/// (every match, unranked), the result rows on screen in order, the timeline's visits, the facet counts, and the passages and
/// entities of the first rows on screen. Named samples in that order, then their sum.
fn time_keystrokes(
    corpus: &Corpus,
    facets: &FacetIndex,
    queries: &[String],
) -> Vec<(&'static str, Vec<Duration>)> {
    /// The rows the page draws before any "show more" (`RESULTS_PAGE` in `src/state.rs`).
    const ROWS_ON_SCREEN: usize = 10;
    let filters = Filters::default();
    let names = [
        "search",
        "rows",
        "visits",
        "facet counts",
        "rows on screen",
        "all",
    ];
    let mut samples: Vec<Vec<Duration>> = vec![Vec::new(); names.len()];
    let prefixes = queries.iter().flat_map(|text| {
        text.char_indices()
            .map(|(at, c)| &text[..at + c.len_utf8()])
            .filter(|prefix| !prefix.trim().is_empty())
    });
    for prefix in prefixes {
        let mut times = [Duration::ZERO; 5];
        let mut lap = {
            let mut started = Instant::now();
            move |slot: &mut Duration| {
                *slot = started.elapsed();
                started = Instant::now();
            }
        };
        let query = query::parse(prefix);
        let ranking = corpus.index.matches(&corpus.documents, &query);
        lap(&mut times[0]);
        // Relevance order, no filters: the hits, the rows on screen in order.
        let rows = std::hint::black_box(ranking.ranked(|_| true, ROWS_ON_SCREEN));
        lap(&mut times[1]);
        let mut hit = vec![false; corpus.documents.len()];
        for doc in ranking.docs() {
            hit[doc as usize] = true;
        }
        let shows = facets.visit_filter(&filters, |doc| hit[doc as usize]);
        std::hint::black_box(corpus.visits.iter().filter(|visit| shows(visit)).count());
        lap(&mut times[2]);
        std::hint::black_box(facets.counts(ranking.docs(), &filters));
        lap(&mut times[3]);
        for &doc in rows.iter().take(ROWS_ON_SCREEN) {
            let document = &corpus.documents[doc as usize];
            std::hint::black_box(corpus.index.title_highlights(document, &query));
            std::hint::black_box(corpus.index.snippets(document, &query));
            // The row's entity links: the five it mentions most, each by name, kind and
            // latest role or country (`ResultEntities`, `EntityLink`).
            let mut top: Vec<(u32, u32)> = facets.doc_entities(doc).collect();
            top.sort_by_key(|&(entity, n)| (std::cmp::Reverse(n), entity));
            for &(entity, _) in top.iter().take(5) {
                let entity = &corpus.entities[entity as usize];
                std::hint::black_box((&entity.name, entity.roles.last(), &entity.country));
            }
        }
        lap(&mut times[4]);
        for (slot, time) in samples.iter_mut().zip(times) {
            slot.push(time);
        }
        samples[5].push(times.iter().sum());
    }
    names.into_iter().zip(samples).collect()
}

/// What timing the queries found.
struct Timings {
    /// Each query's median time over the runs, in file order (a median per query, so that a
    /// moment when the machine was busy elsewhere does not count as a slow query).
    per_query: Vec<Duration>,
    /// Hits of each query, in file order.
    hit_counts: Vec<usize>,
    /// The query with the slowest median, that median, and its hit count.
    slowest: (String, Duration, usize),
}

fn time_searches(corpus: &Corpus, queries: &[String], runs: usize) -> Timings {
    let options = SearchOptions {
        sort: SortOrder::Relevance,
        ..SearchOptions::default()
    };
    let search = |text: &str| {
        let parsed = query::parse(text);
        corpus
            .index
            .search(&corpus.documents, &parsed, &options)
            .len()
    };
    // Warm-up: first touches of the index pay for page faults and cache misses.
    let hit_counts: Vec<usize> = queries.iter().map(|text| search(text)).collect();
    let mut per_query = vec![Vec::with_capacity(runs); queries.len()];
    for _ in 0..runs {
        for (i, text) in queries.iter().enumerate() {
            let started = Instant::now();
            std::hint::black_box(search(text));
            per_query[i].push(started.elapsed());
        }
    }
    let medians: Vec<Duration> = per_query
        .iter()
        .map(|samples| Summary::of(samples).map_or(Duration::ZERO, |summary| summary.median))
        .collect();
    let slowest = medians
        .iter()
        .enumerate()
        .max_by_key(|(_, median)| **median)
        .map(|(i, median)| (queries[i].clone(), *median, hit_counts[i]))
        .unwrap_or_default();
    Timings {
        per_query: medians,
        hit_counts,
        slowest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(args: &str, expect: Result<Options, &str>) {
        let args: Vec<String> = args.split_whitespace().map(String::from).collect();
        assert_eq!(parse_args(&args), expect.map_err(String::from), "{args:?}");
    }

    #[test]
    fn parses_the_command_line() {
        let options = |runs| Options {
            corpus: "corpus".into(),
            queries: "q.txt".into(),
            runs,
        };
        check("corpus q.txt", Ok(options(DEFAULT_RUNS)));
        check("corpus --runs 2 q.txt", Ok(options(2)));
        check(
            "corpus q.txt --runs 0",
            Err("--runs expects a positive number, not \"0\""),
        );
        check(
            "corpus",
            Err("usage: communique-bench CORPUS_FOLDER QUERIES_FILE [--runs N]"),
        );
    }

    #[test]
    fn searches_the_default_corpus() {
        let corpus_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let corpus = communique_compiler::compile_dir(&corpus_dir).unwrap();
        let queries = vec!["Russia".to_string(), "zzzzqqqq".to_string()];
        let timings = time_searches(&corpus, &queries, 1);
        assert_eq!(timings.per_query.len(), 2);
        assert!(timings.hit_counts[0] > 0, "{:?}", timings.hit_counts);
        assert_eq!(timings.hit_counts[1], 0);
    }
}
