//! The app's only data access: the compiled corpus embedded at build time, and
//! the searches over it, shaped for the page.
//!
//! Invariant: nothing else in `src/` decodes the bundle or calls the search
//! engine; pages and components get documents and [`ResultRow`]s from here.

use std::sync::OnceLock;

use communique_core::query::{self, SearchOptions, Snippet, SortOrder};
use communique_core::{bundle, Corpus, DocId, Document, Span};

use crate::state::Sort;

/// The bundle bytes written by `build.rs`.
static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The decoded corpus, decoded once on first use.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| match bundle::decode(BUNDLE) {
        Ok(corpus) => corpus,
        // build.rs writes the bundle with the same core crate, so this only
        // happens if the build itself is broken; say so loudly.
        Err(err) => panic!("embedded corpus unreadable: {err}"),
    })
}

/// The document with this id, and its index, if the corpus has it.
pub fn document(id: &str) -> Option<(DocId, &'static Document)> {
    let documents = &corpus().documents;
    // Documents are sorted by id (see `Corpus::documents`), but a linear scan
    // stays correct should a bundle ever break that promise.
    let index = match documents.binary_search_by(|d| d.id.as_str().cmp(id)) {
        Ok(index) => index,
        Err(_) => documents.iter().position(|d| d.id == id)?,
    };
    Some((index as DocId, &documents[index]))
}

/// One search result: the document and the passages the search found.
#[derive(Clone, Debug, PartialEq)]
pub struct ResultRow {
    /// The matching document.
    pub doc: DocId,
    /// Passages around the best matches; empty for hits past the first
    /// [`query::SNIPPET_HITS`], whose passages [`row_details`] finds on demand.
    pub snippets: Vec<Snippet>,
}

impl ResultRow {
    /// The document this row shows.
    pub fn document(&self) -> &'static Document {
        &corpus().documents[self.doc as usize]
    }
}

fn sort_order(sort: Sort) -> SortOrder {
    match sort {
        Sort::Relevance => SortOrder::Relevance,
        Sort::Newest => SortOrder::Newest,
    }
}

/// Parses `text` and searches the whole corpus; the number of hits. This is
/// the work the in-browser benchmark times (see `bench.rs`).
pub fn count_hits(text: &str) -> usize {
    let corpus = corpus();
    let query = query::parse(text);
    let options = SearchOptions::default();
    corpus
        .index
        .search(&corpus.documents, &query, &options)
        .len()
}

/// Every document matching `text`, in `sort` order. An empty query matches
/// nothing (the page shows the overview instead).
pub fn search(text: &str, sort: Sort) -> Vec<ResultRow> {
    let corpus = corpus();
    let query = query::parse(text);
    if query.is_empty() {
        return Vec::new();
    }
    let options = SearchOptions {
        sort: sort_order(sort),
        allowed: None,
    };
    corpus
        .index
        .search(&corpus.documents, &query, &options)
        .into_iter()
        .map(|hit| ResultRow {
            doc: hit.doc,
            snippets: hit.snippets,
        })
        .collect()
}

/// What a result shows beyond its document: the matches of `text` in the
/// title, and the row's passages (found now if the search left them out).
/// Asked only for the rows on screen, so a broad query stays cheap.
pub fn row_details(row: &ResultRow, text: &str) -> (Vec<Span>, Vec<Snippet>) {
    let index = &corpus().index;
    let doc = row.document();
    let query = query::parse(text);
    let snippets = if row.snippets.is_empty() {
        index.snippets(doc, &query)
    } else {
        row.snippets.clone()
    };
    (index.title_highlights(doc, &query), snippets)
}

/// The matches of `text` in one document: `(in its body, in its title)`.
pub fn matches_in(doc: &Document, text: &str) -> (Vec<Span>, Vec<Span>) {
    let index = &corpus().index;
    let query = query::parse(text);
    if query.is_empty() {
        return (Vec::new(), Vec::new());
    }
    (
        index.highlights(doc, &query),
        index.title_highlights(doc, &query),
    )
}
