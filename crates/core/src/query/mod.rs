//! The query engine: search-box text → [`Query`] (`parse`) → matching
//! documents (`eval`, with typo tolerance from `fuzzy`) → ranked [`Hit`]s
//! (`rank`, BM25F with the title above the body) → passages with every
//! matched word highlighted (`snippet`).
//!
//! Matching rules, in the order they rank:
//! 1. every positive word must match, as its stem ("visits" finds "visited");
//! 2. the last word, while still being typed (no space after it), also
//!    matches terms that start with it, ranked below exact matches (from
//!    two letters on: a lone letter being typed is ignored);
//! 3. a word of 5+ letters also matches terms 1 edit away, 9+ letters 2
//!    edits away (insertion, deletion, substitution or swap of neighbours),
//!    ranked below exact and prefix matches; a word still being typed does
//!    so only when it completes to nothing;
//! 4. `"quoted phrases"` match their words in order and exactly; `-word` and
//!    `-"phrase"` leave out the documents they match;
//! 5. a hyphenated pair matches its joined spelling and back ("cease-fire",
//!    "ceasefire"), as the index stores both.
//!
//! Cost, measured on 9,825 news articles (AG News test set and BBC News,
//! 6.8 MB of text; Nov 2026, a shared 2-core machine under heavy load, CPU
//! time per call, ranges over runs): the bench's 243 queries take p50
//! 0.5–0.6 ms, p95 1.05–1.3 ms in WebAssembly (V8, `opt-level = "z"`), and
//! every prefix of 20 queries typed key by key p50 0.6–0.9 ms, p95 1.4–2.0 ms;
//! natively about half that
//! (`examples/search_bench.rs` times it natively, wall clock). Per search
//! the work is: a typo scan of the dictionary by length bucket, decoding
//! the lists of the query's terms, and reading the one or two sentences
//! shown for each of the first [`SNIPPET_HITS`] hits.
//!
//! Invariant: everything here reads a [`SearchIndex`] and the documents; it
//! never fails and never panics on what a user types.

mod eval;
mod fuzzy;
mod parse;
mod rank;
mod resolve;
mod snippet;

pub use parse::{parse, Clause, Query, QueryWord};
pub use rank::Ranking;
pub use snippet::SNIPPET_HITS;

use crate::model::{DocId, Span};

#[cfg(doc)]
use crate::SearchIndex;

/// The order of search results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortOrder {
    /// Best match first: exactness, then BM25 score.
    #[default]
    Relevance,
    /// Publication date, newest first; undated documents last.
    Newest,
}

impl SortOrder {
    /// Every order, in the order a choice of them lists them.
    pub const ALL: [SortOrder; 2] = [SortOrder::Relevance, SortOrder::Newest];

    /// The order's stable name (the app's `sort` URL parameter).
    pub fn name(self) -> &'static str {
        match self {
            SortOrder::Relevance => "relevance",
            SortOrder::Newest => "newest",
        }
    }

    /// The order a name stands for; unknown names fall back to relevance.
    pub fn from_name(name: &str) -> SortOrder {
        SortOrder::ALL
            .into_iter()
            .find(|order| order.name() == name)
            .unwrap_or_default()
    }
}

/// How to run a search: the order, and which documents may be returned.
#[derive(Clone, Copy, Default)]
pub struct SearchOptions<'a> {
    /// The order of the hits.
    pub sort: SortOrder,
    /// Only documents for which this returns `true` are returned (facet and
    /// date filters); `None` allows every document.
    pub allowed: Option<&'a dyn Fn(DocId) -> bool>,
    /// Hits only, no passages: for a caller that asks [`SearchIndex::snippets`]
    /// for the few rows it shows, or needs no passages at all (counts, the timeline).
    pub bare: bool,
}

impl std::fmt::Debug for SearchOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchOptions")
            .field("sort", &self.sort)
            .field("allowed", &self.allowed.map(|_| "filter"))
            .field("bare", &self.bare)
            .finish()
    }
}

/// One matching document.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The document.
    pub doc: DocId,
    /// Relevance, higher is better; the integer part ranks exact above prefix
    /// above typo matches, the fraction is BM25 relative to the best hit.
    /// 0 for an empty query.
    pub score: f32,
    /// The best one or two passages with matched words highlighted; filled
    /// for the first [`SNIPPET_HITS`] hits, empty after them (ask
    /// [`SearchIndex::snippets`] when those come on screen).
    pub snippets: Vec<Snippet>,
}

/// A passage of a document, with the matched words in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The passage: whole sentences, or a window of a very long one, in `doc.text`.
    pub span: Span,
    /// Matched words inside `span`, in `doc.text` offsets, sorted, not overlapping.
    pub highlights: Vec<Span>,
}
