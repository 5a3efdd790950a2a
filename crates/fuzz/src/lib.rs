//! What each fuzz target does with its input, kept here (not in `fuzz/`) so that the inputs
//! that once found a bug, saved in `fuzz/regressions/<target>/`, are replayed by `cargo test`
//! on stable Rust without a fuzzer.
//!
//! Targets:
//! - [`query`]: the input as a query typed into the search box: parse, search under every
//!   order, snippets and highlights of the first hits, facet counts, over the default corpus;
//! - [`compile`]: the input as a folder of articles (a `.txt`, a `.jsonl`, a `corpus.toml`, or
//!   several files cut at `0xFF` bytes), compiled end to end; the bundle written from the result
//!   must read back equal;
//! - [`bundle`]: the input as bundle bytes, read in place as the page reads them: the reader
//!   must refuse or accept, and what it accepts must search, show and count, never panic.
//!
//! A panic anywhere is the bug a fuzzer reports; a slow input (over the fuzzer's time limit)
//! is a hang.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use communique_core::facet::{FacetIndex, Filters};
use communique_core::lazy::Source;
use communique_core::{bundle, Corpus, SearchOptions, SortOrder};

/// The names of the targets, as `cargo xtask fuzz` and `fuzz/` know them.
pub const TARGETS: [&str; 3] = ["query", "compile", "bundle"];

/// Runs target `name` on `data`; false for an unknown name.
pub fn run(name: &str, data: &[u8]) -> bool {
    match name {
        "query" => query(data),
        "compile" => compile(data),
        "bundle" => bundle(data),
        _ => return false,
    }
    true
}

/// The default corpus (`corpus/` at the repository's root), compiled once.
fn default_corpus() -> &'static (Corpus, FacetIndex) {
    static CORPUS: OnceLock<(Corpus, FacetIndex)> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let corpus = communique_compiler::compile_dir(&dir)
            .unwrap_or_else(|e| panic!("the default corpus must compile: {e}"));
        let facets = FacetIndex::build(&corpus);
        (corpus, facets)
    })
}

/// The default corpus's bundle bytes: the bundle target's seed.
pub fn default_bundle() -> Vec<u8> {
    bundle::encode(&default_corpus().0)
}

/// The query target.
pub fn query(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (corpus, facets) = default_corpus();
    let query = communique_core::parse(&text);
    for sort in SortOrder::ALL {
        let options = SearchOptions {
            sort,
            ..SearchOptions::default()
        };
        let hits = corpus.index.search(&corpus.documents, &query, &options);
        for hit in hits.iter().take(3) {
            let doc = &corpus.documents[hit.doc as usize];
            let text_len = doc.text.len() as u32;
            for span in corpus.index.highlights(doc, &query) {
                assert!(span.start < span.end && span.end <= text_len, "{span:?}");
            }
            corpus.index.snippets(doc, &query);
            corpus.index.title_highlights(doc, &query);
        }
        facets.counts(hits.iter().map(|h| h.doc), &Filters::default());
    }
}

/// The compile target.
pub fn compile(data: &[u8]) {
    let dir = scratch_dir();
    for (name, bytes) in files_of(data) {
        std::fs::write(dir.join(name), bytes).expect("the scratch folder is writable");
    }
    if let Ok(corpus) = communique_compiler::compile_dir(&dir) {
        let bytes = bundle::encode(&corpus);
        let back = bundle::decode(&bytes).expect("a bundle just written reads back");
        assert!(
            back == corpus,
            "the bundle read back differs from the corpus written"
        );
        let (in_place, _) = bundle::open_in_place(&Source::Shared(Arc::from(bytes)))
            .expect("a bundle just written reads back in place");
        assert!(
            in_place == corpus,
            "the bundle read in place differs from the corpus written"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The bundle target.
pub fn bundle(data: &[u8]) {
    if let Ok((corpus, facets)) = bundle::open_in_place(&Source::Shared(Arc::from(data))) {
        // What reads must be usable: a search over it with its passages (which read the
        // texts in place), and the facet index assembled from its stored tables, must not
        // panic either.
        let query = communique_core::parse("iran moscow");
        let hits = corpus
            .index
            .search(&corpus.documents, &query, &SearchOptions::default());
        for hit in &hits {
            corpus
                .index
                .snippets(&corpus.documents[hit.doc as usize], &query);
        }
        facets.counts(hits.iter().map(|hit| hit.doc), &Filters::default());
        for doc in 0..corpus.documents.len() as u32 {
            facets.doc_entities(doc).for_each(drop);
        }
        for entity in 0..corpus.entities.len().min(8) as u32 {
            facets.co_mentioned(entity, 5);
        }
    }
}

/// The files an input stands for: its first byte picks the shape, the rest is content.
fn files_of(data: &[u8]) -> Vec<(String, &[u8])> {
    let Some((&shape, rest)) = data.split_first() else {
        return Vec::new();
    };
    const NAMES: [&str; 4] = ["article.txt", "articles.jsonl", "corpus.toml", "notes.md"];
    match shape % 4 {
        0 => vec![(NAMES[0].into(), rest)],
        1 => vec![(NAMES[1].into(), rest)],
        // Settings with one plain article beside them.
        2 => vec![
            (NAMES[2].into(), rest),
            (
                "a.txt".into(),
                b"Title\n\nMOSCOW - A minister arrived in Tehran on Monday.".as_slice(),
            ),
        ],
        // Several files, cut at 0xFF, their kinds taken in turn.
        _ => rest
            .split(|&b| b == 0xFF)
            .enumerate()
            .map(|(i, part)| (format!("{i}-{}", NAMES[i % NAMES.len()]), part))
            .collect(),
    }
}

/// A fresh, empty folder for one compile.
fn scratch_dir() -> PathBuf {
    static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("communique-fuzz-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the temporary folder is writable");
    dir
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Replays every saved input of every target: the seeds (`fuzz/seeds/<target>/`) and the
    /// inputs that once found a bug (`fuzz/regressions/<target>/`), so a bug once found stays fixed.
    #[test]
    fn saved_inputs_pass() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
        let mut replayed = 0;
        for (folder, target) in ["seeds", "regressions"]
            .into_iter()
            .flat_map(|folder| TARGETS.map(|target| (folder, target)))
        {
            let Ok(entries) = std::fs::read_dir(root.join(folder).join(target)) else {
                continue;
            };
            for entry in entries.flatten() {
                let data = std::fs::read(entry.path()).expect("a regression input is readable");
                assert!(run(target, &data));
                replayed += 1;
            }
        }
        // The folders are part of the repository: at least the seeds are there.
        assert!(replayed > 0, "no inputs found under {}", root.display());
    }

    #[test]
    fn the_default_bundle_reads_back_the_same_decoded_and_in_place() {
        let bytes = default_bundle();
        let decoded = bundle::open(&bytes).unwrap();
        let in_place = bundle::open_in_place(&Source::Shared(Arc::from(bytes))).unwrap();
        assert!(
            decoded == in_place,
            "every document, posting list and mention"
        );
    }

    #[test]
    fn every_target_takes_odd_input() {
        for target in TARGETS {
            for data in [
                &b""[..],
                b"\xff\xfe",
                b"\"unclosed",
                b"\x03a\xffb\xff{\"id\":1}",
            ] {
                assert!(run(target, data), "{target}");
            }
        }
        assert!(!run("nothing", b""));
    }

    #[test]
    fn inputs_become_files_by_their_first_byte() {
        assert!(files_of(b"").is_empty());
        assert_eq!(
            files_of(b"\x00hi"),
            [("article.txt".to_string(), &b"hi"[..])]
        );
        let several = files_of(b"\x03a\xffb");
        assert_eq!(several.len(), 2);
        assert_eq!(several[1].0, "1-articles.jsonl");
    }
}
