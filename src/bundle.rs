//! The app's only data access: the compiled corpus embedded at build time, and
//! the searches over it, shaped for the page.
//!
//! Invariant: nothing else in `src/` decodes the bundle or calls the search
//! engine; pages and components get documents and [`ResultRow`]s from here.

use std::sync::OnceLock;

use communique_core::facet::{FacetCounts, FacetIndex, Filters};
use communique_core::mentions;
use communique_core::query::{self, SearchOptions, Snippet, SortOrder};
use communique_core::{bundle, Corpus, DocId, Document, Entity, EntityId, EntityKind, Span, Visit};

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

/// The facet index of the corpus (filters, counts, entity statistics), built
/// once on first use.
pub fn facets() -> &'static FacetIndex {
    static FACETS: OnceLock<FacetIndex> = OnceLock::new();
    FACETS.get_or_init(|| FacetIndex::build(corpus()))
}

/// Every document matching `text` and passing `filters`, in `sort` order. An
/// empty query with filters lists every document that passes them (browsing
/// by filter alone, newest first unless sorted otherwise); an empty query
/// without filters matches nothing (the page shows the overview instead).
pub fn search(text: &str, sort: SortOrder, filters: &Filters) -> Vec<ResultRow> {
    let corpus = corpus();
    let query = query::parse(text);
    if query.is_empty() {
        if filters.is_empty() {
            return Vec::new();
        }
        let mut docs = facets().matching_docs(filters);
        // With nothing to rank by relevance, the newest article comes first.
        communique_core::sort::sort_by_key(&mut docs, |&doc| {
            std::cmp::Reverse(corpus.documents[doc as usize].date.map(|d| d.last_day()))
        });
        return docs
            .into_iter()
            .map(|doc| ResultRow {
                doc,
                snippets: Vec::new(),
            })
            .collect();
    }
    let allowed = facets().allowed(filters);
    let options = SearchOptions {
        sort,
        allowed: (!filters.is_empty()).then_some(&allowed as &dyn Fn(DocId) -> bool),
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

/// The visits the timeline shows for `text` under `filters`: those with an
/// evidence document that the query hits (every document for an empty query)
/// and the filters pass, dated within the range (see core's `visit_filter`).
pub fn visits(text: &str, filters: &Filters) -> Vec<&'static Visit> {
    let corpus = corpus();
    let query = query::parse(text);
    let hits: Option<Vec<bool>> = (!query.is_empty()).then(|| {
        let mut hit = vec![false; corpus.documents.len()];
        for found in corpus
            .index
            .search(&corpus.documents, &query, &SearchOptions::default())
        {
            if let Some(slot) = hit.get_mut(found.doc as usize) {
                *slot = true;
            }
        }
        hit
    });
    let is_hit = |doc: DocId| {
        hits.as_ref()
            .is_none_or(|hit| hit.get(doc as usize).copied().unwrap_or(false))
    };
    let shows = facets().visit_filter(filters, is_hit);
    corpus.visits.iter().filter(|visit| shows(visit)).collect()
}

/// The facet panel's counts for `text` under `filters`: over the query's hits
/// before filtering (every document for an empty query), so each count says
/// what selecting that value would give (see core's `facet` module).
pub fn facet_counts(text: &str, filters: &Filters) -> FacetCounts {
    let corpus = corpus();
    let query = query::parse(text);
    if query.is_empty() {
        return facets().counts(0..corpus.documents.len() as DocId, filters);
    }
    let hits = corpus
        .index
        .search(&corpus.documents, &query, &SearchOptions::default());
    facets().counts(hits.iter().map(|hit| hit.doc), filters)
}

/// The entity with this id (`person/…`), and its index, if the corpus has it.
pub fn entity(id: &str) -> Option<(EntityId, &'static Entity)> {
    let index = facets().entity_by_id(id)?;
    Some((index, corpus().entities.get(index as usize)?))
}

/// One entity mention in a document, for the reader to mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where the mention is in the document text.
    pub span: Span,
    /// The entity mentioned.
    pub entity: EntityId,
    /// Its kind (for the mark's style).
    pub kind: EntityKind,
}

/// The entity mentions of document `doc`, in text order and never overlapping
/// (of nested mentions the longest wins, as "Iranian Foreign Ministry" over
/// "Iran"); spans that are not a slice of the text are skipped.
pub fn mentions_in(doc: DocId) -> Vec<Mention> {
    let corpus = corpus();
    let found = mentions::mentions_in(&corpus.documents, &corpus.entities, doc);
    let mut out: Vec<Mention> = Vec::with_capacity(found.len());
    for mention in found {
        if out
            .last()
            .is_none_or(|last| last.span.end <= mention.span.start)
        {
            out.push(Mention {
                span: mention.span,
                entity: mention.entity,
                kind: corpus.entities[mention.entity as usize].kind,
            });
        }
    }
    out
}

/// The entities document `doc` mentions most, most mentions first, at most `limit`.
pub fn top_entities(doc: DocId, limit: usize) -> Vec<EntityId> {
    let mut counts: Vec<(EntityId, usize)> = corpus()
        .entities
        .iter()
        .enumerate()
        .map(|(index, entity)| (index as EntityId, mentions::mentions_of(entity, doc).len()))
        .filter(|&(_, n)| n > 0)
        .collect();
    communique_core::sort::sort_by_key(&mut counts, |&(index, n)| (std::cmp::Reverse(n), index));
    counts
        .into_iter()
        .take(limit)
        .map(|(index, _)| index)
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
