//! A quick native timing of the search engine, for working on it by hand
//! (the project's benchmark is `cargo xtask bench`).
//!
//! Reads documents as JSON lines `{"id", "title", "text"}` from standard
//! input (the core never opens files, so neither does its example), builds the
//! index, round-trips it through the bundle, then times every query below and
//! every prefix of it as if typed key by key:
//!
//! ```text
//! cargo run --release -p communique-core --example search_bench < docs.jsonl
//! ```

use std::io::BufRead;
use std::time::{Duration, Instant};

use communique_core::{bundle, query, Body, Corpus, Document, SearchIndex, SearchOptions, Span};
use unicode_segmentation::UnicodeSegmentation;

/// Queries as typed: words, phrases, exclusions, typos, names.
const QUERIES: &[&str] = &[
    "iran",
    "oil prices",
    "prime minister",
    "\"prime minister\"",
    "nuclear talks -iraq",
    "goverment",
    "negoitaitons",
    "tony blair election",
    "\"world cup\" final",
    "microsoft software",
    "stocks fall",
    "bush kerry debate",
    "champions league",
    "a",
    "the",
    "united nations security council",
    "mobile phone",
    "interest rates bank",
    "palestinian israeli ceasefire",
    "film awards oscar",
];

/// One document of the input.
#[derive(serde::Deserialize)]
struct Line {
    id: String,
    title: String,
    text: String,
}

/// A document with sentence spans from UAX #29 (the compiler refines these).
fn document(line: Line) -> Document {
    let sentences = line
        .text
        .split_sentence_bound_indices()
        .filter_map(|(start, sentence)| {
            let trimmed = sentence.trim_end();
            let lead = trimmed.len() - trimmed.trim_start().len();
            (lead < trimmed.len()).then(|| Span::new(start + lead, start + trimmed.len()))
        })
        .collect();
    Document {
        id: line.id.into(),
        title: line.title.into(),
        body: Body {
            text: line.text,
            sentences,
            ..Body::default()
        }
        .into(),
        ..Default::default()
    }
}

/// The `p`-th percentile of sorted durations.
fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut documents = Vec::new();
    for (n, line) in std::io::stdin().lock().lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Line =
            serde_json::from_str(&line).map_err(|e| format!("stdin: line {}: {e}", n + 1))?;
        documents.push(document(parsed));
    }

    let started = Instant::now();
    let index = SearchIndex::build(&documents);
    let built = started.elapsed();
    let stats = index.stats();
    let text_bytes: usize = documents.iter().map(|d| d.text.len() + d.title.len()).sum();
    let corpus = Corpus {
        documents: documents.into(),
        index,
        ..Default::default()
    };
    let bytes = bundle::encode(&corpus);
    let started = Instant::now();
    let corpus = bundle::decode(&bytes)?;
    let decoded = started.elapsed();
    println!("documents {}, text {} bytes", stats.documents, text_bytes);
    println!(
        "index build {built:?}, bundle decode {decoded:?}, bundle {} bytes",
        bytes.len()
    );
    println!("{stats:#?}");

    // Every prefix of every query, as typed, then the whole query plus a space.
    let mut typed: Vec<String> = Vec::new();
    for q in QUERIES {
        for (i, _) in q.char_indices().skip(1) {
            typed.push(q[..i].to_string());
        }
        typed.push(q.to_string());
        typed.push(format!("{q} "));
    }
    let options = SearchOptions::default();
    let mut times = Vec::new();
    let mut slowest = (Duration::ZERO, String::new());
    for round in 0..3 {
        for text in &typed {
            let started = Instant::now();
            let hits = corpus
                .index
                .search(&corpus.documents, &query::parse(text), &options);
            let took = started.elapsed();
            std::hint::black_box(hits);
            if round > 0 {
                times.push(took);
                if took > slowest.0 {
                    slowest = (took, text.clone());
                }
            }
        }
    }
    times.sort();
    println!(
        "{} searches: p50 {:?}, p95 {:?}, max {:?} ({:?})",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        slowest.0,
        slowest.1
    );
    for q in QUERIES {
        let parsed = query::parse(&format!("{q} "));
        let started = Instant::now();
        let hits = corpus.index.search(&corpus.documents, &parsed, &options);
        let took = started.elapsed();
        let top = hits
            .first()
            .map_or("-", |h| corpus.documents[h.doc as usize].title.as_ref());
        println!(
            "{q:>34}: {:>5} hits in {took:>10.2?}; top: {top}",
            hits.len()
        );
    }
    Ok(())
}
