//! A quick native timing of the facet module on a synthetic corpus of the size the
//! explorer aims at, for working on it by hand (the project's benchmark is
//! `cargo xtask bench`):
//!
//! ```text
//! cargo run --release -p communique-core --example facet_bench [DOCS]
//! ```
//!
//! The corpus is made up, deterministically: DOCS articles (default 10,000) of 20
//! sentences with 2 mentions each, over 30,000 entities drawn with a skew (a few
//! very frequent, most rare, as in news), 40 sources, dates over twenty years at
//! mixed precision, one article in twenty undated. Times: building the tables (the compiler) and
//! assembling the index from them (what the page does at load), counting every facet over all articles with and without
//! filters (what each keystroke costs), and co-mentions of the most frequent entity.
//! CPU time is read from Linux's `/proc/thread-self/schedstat` (this example is
//! native; the core itself never reads files).

use std::time::{Duration, Instant};

use communique_core::facet::{DateRange, Facet, FacetIndex, FacetTables, Filters};
use communique_core::{Body, Corpus, Document, Entity, EntityKind, PartialDate, SourceRef, Span};

/// Sentences per article.
const SENTENCES: usize = 20;
/// Mentions per sentence.
const MENTIONS_PER_SENTENCE: usize = 2;
/// Bytes per sentence of the (blank) article text.
const SENTENCE_BYTES: usize = 60;
/// Distinct entities.
const ENTITIES: usize = 30_000;
/// Timed repetitions of each query-time measurement.
const RUNS: u32 = 20;

/// A small deterministic generator (64-bit LCG), so that runs compare.
struct Lcg(u64);

impl Lcg {
    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }

    /// An entity index skewed towards small ones (cube of a uniform number).
    fn skewed(&mut self, n: usize) -> usize {
        let u = self.below(1 << 20) as f64 / f64::from(1 << 20);
        ((u * u * u) * n as f64) as usize
    }
}

/// The synthetic corpus described in the file comment.
fn corpus(docs: usize) -> Corpus {
    let mut random = Lcg(42);
    let kinds = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
    ];
    let mut entities: Vec<Entity> = (0..ENTITIES)
        .map(|i| {
            let kind = kinds[i % 3];
            Entity {
                id: format!("{}/entity-{i}", kind.as_str()).into(),
                name: format!("Entity Nümber {i}").into(),
                kind,
                aliases: vec![format!("E{i}")],
                roles: Vec::new(),
                country: None,
                lat: None,
                lon: None,
                mentions: Vec::new().into(),
            }
        })
        .collect();
    let mut documents = Vec::with_capacity(docs);
    for doc in 0..docs {
        let text = " ".repeat(SENTENCES * SENTENCE_BYTES);
        let sentences: Vec<Span> = (0..SENTENCES)
            .map(|s| Span::new(s * SENTENCE_BYTES, (s + 1) * SENTENCE_BYTES - 1))
            .collect();
        for sentence in &sentences {
            for m in 0..MENTIONS_PER_SENTENCE {
                let entity = random.skewed(ENTITIES);
                let start = sentence.start as usize + m * 20;
                entities[entity].mentions.push(SourceRef {
                    doc: doc as u32,
                    span: Span::new(start, start + 10),
                });
            }
        }
        let year = 2004 + random.below(21) as i32;
        let date = match random.below(20) {
            0 => None,
            1 => Some(PartialDate::y(year)),
            2..=4 => Some(PartialDate::ym(year, 1 + random.below(12) as u8)),
            _ => Some(PartialDate::ymd(
                year,
                1 + random.below(12) as u8,
                1 + random.below(28) as u8,
            )),
        };
        documents.push(Document {
            id: format!("doc-{doc}").into(),
            title: format!("Article {doc}").into(),
            date,
            source: Some(format!("Source {}", random.below(40)).into()),
            body: Body {
                text,
                sentences,
                ..Body::default()
            }
            .into(),
            ..Document::default()
        });
    }
    Corpus {
        documents: documents.into(),
        entities: entities.into(),
        ..Corpus::default()
    }
}

/// Nanoseconds this thread has run on a CPU (Linux `schedstat`), so that a loaded
/// machine (other builds on the same cores) does not inflate the figures; `None`
/// where the file is missing.
fn cpu_nanos() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Per run of `work` over `RUNS` runs: the median wall time and the mean CPU time.
fn time(mut work: impl FnMut()) -> (Duration, Option<Duration>) {
    let cpu_before = cpu_nanos();
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed()
        })
        .collect();
    let cpu = cpu_before
        .zip(cpu_nanos())
        .map(|(before, after)| Duration::from_nanos((after - before) / u64::from(RUNS)));
    times.sort();
    (times[times.len() / 2], cpu)
}

/// Prints one measurement: CPU time per run (what the work costs), then the
/// median wall time (what it cost on this machine under its current load).
fn report(what: &str, (wall, cpu): (Duration, Option<Duration>)) {
    let cpu = cpu.map_or("?".to_owned(), |cpu| format!("{:.2}", ms(cpu)));
    println!(
        "{what}: {cpu} ms CPU, {:.2} ms wall (median of {RUNS})",
        ms(wall)
    );
}

fn main() {
    let docs = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(10_000);
    let corpus = corpus(docs);
    let mentions: usize = corpus.entities.iter().map(|e| e.mentions.len()).sum();
    println!(
        "synthetic corpus: {docs} documents, {} entities, {mentions} mentions",
        corpus.entities.len()
    );

    report(
        "FacetTables::build (the compiler)",
        time(|| {
            std::hint::black_box(FacetTables::build(&corpus));
        }),
    );
    let tables = FacetTables::build(&corpus);
    report(
        "FacetIndex::assemble (the page at load)",
        time(|| {
            std::hint::black_box(FacetIndex::assemble(&corpus, tables.clone()).ok());
        }),
    );
    let index = FacetIndex::build(&corpus);
    let all = 0..docs as u32;

    let none = Filters::default();
    report(
        "counts, all documents, no filter",
        time(|| {
            std::hint::black_box(index.counts(all.clone(), &none));
        }),
    );

    let mut filters = Filters::default();
    for key in ["person/entity-0", "person/entity-3"] {
        filters.insert(Facet::People, key);
    }
    filters.insert(Facet::Places, "place/entity-2");
    filters.insert(Facet::Years, "2016");
    filters.insert(Facet::Years, "2017");
    filters.dates = DateRange::new(Some(PartialDate::ym(2016, 3)), None);
    let matching = index.counts(all.clone(), &filters).matching;
    report(
        &format!("counts, all documents, 2 people + 1 place + 2 years + range ({matching} match)"),
        time(|| {
            std::hint::black_box(index.counts(all.clone(), &filters));
        }),
    );
    let allowed = index.allowed(&filters);
    report(
        "allowed() over all documents",
        time(|| {
            std::hint::black_box(all.clone().filter(|&doc| allowed(doc)).count());
        }),
    );
    report(
        "search_values(People, \"nümber 12\")",
        time(|| {
            std::hint::black_box(index.search_values(&corpus, Facet::People, "nümber 12"));
        }),
    );
    report(
        &format!(
            "co_mentioned(most frequent entity, 20) over its {} mentions",
            corpus.entities[0].mentions.len()
        ),
        time(|| {
            std::hint::black_box(index.co_mentioned(0, 20));
        }),
    );
}

/// Milliseconds of a duration.
fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
