//! The app's only data access: the compiled corpus embedded at build time, and
//! the searches over it, shaped for the page.
//!
//! Invariant: nothing else in `src/` decodes the bundle or calls the search
//! engine; pages and components get documents and [`ResultRow`]s from here.

use std::sync::{Arc, OnceLock};

use communique_core::facet::{FacetCounts, FacetIndex, Filters};
use communique_core::lazy::Source;
use communique_core::mentions;
use communique_core::query::{self, Query, Ranking, Snippet, SortOrder};
use communique_core::{bundle, Corpus, DocId, Document, Entity, EntityId, EntityKind, Span, Visit};

/// The bundle bytes written by `build.rs`.
static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The corpus and its facet index, opened once on first use: metadata and facet
/// tables decoded, texts, sentences and mentions read from `BUNDLE` when first used
/// (or from the shards beside the app, for a large corpus: `shards.rs`).
fn opened() -> &'static bundle::Opened {
    static OPENED: OnceLock<bundle::Opened> = OnceLock::new();
    OPENED.get_or_init(|| match bundle::open_layout(&Source::Static(BUNDLE)) {
        Ok(opened) => opened,
        // build.rs writes the bundle with the same core crate, so this only
        // happens if the build itself is broken; say so loudly.
        Err(err) => panic!("embedded corpus unreadable: {err}"),
    })
}

/// The decoded corpus. Reading it subscribes the reading view to the arrival of the
/// shards it reads (`shards.rs`; nothing for a corpus in one bundle).
pub fn corpus() -> &'static Corpus {
    crate::shards::track();
    &opened().corpus
}

/// The shards of a large corpus, in the head's order.
#[cfg(feature = "sharded")]
pub fn shards() -> &'static [Arc<communique_core::shard::Shard>] {
    &opened().shards
}

/// The document with this id, and its index, if the corpus has it.
pub fn document(id: &str) -> Option<(DocId, &'static Document)> {
    let documents = &corpus().documents;
    let index = documents.find(id)?;
    Some((index as DocId, &documents[index]))
}

/// One search result: a matching document. Its passages are found only when it
/// comes on screen ([`row_details`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ResultRow {
    /// The matching document.
    pub doc: DocId,
}

impl ResultRow {
    /// The document this row shows.
    pub fn document(&self) -> &'static Document {
        &corpus().documents[self.doc as usize]
    }
}

/// A query prepared once per keystroke: parsed, and searched once for every
/// document it matches, ranked only as far as asked, with no passages read. The results, the
/// facet counts, the timeline and the rows on screen all read this; none
/// parses or searches again (tantivy's Query → Weight, once per query).
#[derive(Clone)]
pub struct Found(Arc<(Query, Option<Ranking>)>);

impl PartialEq for Found {
    /// Two preparations are one if they are the same allocation: a memo of
    /// `Found` changes exactly when the query text does.
    fn eq(&self, other: &Found) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Found {
    /// The parsed query.
    pub fn query(&self) -> &Query {
        &self.0 .0
    }

    /// The matching documents, ranked when asked; `None` for an empty query.
    pub fn ranking(&self) -> Option<&Ranking> {
        self.0 .1.as_ref()
    }
}

/// Parses `text` and finds every document it matches (see [`Found`]).
pub fn find(text: &str) -> Found {
    let corpus = corpus();
    let query = query::parse(text);
    let ranking = (!query.is_empty()).then(|| corpus.index.matches(&corpus.documents, &query));
    Found(Arc::new((query, ranking)))
}

/// Prepares the search index's lookup tables now, if no search has (see
/// `SearchIndex::prepare`): what the first search would otherwise wait for.
#[cfg(feature = "sharded")]
pub fn prepare_search() {
    opened().corpus.index.prepare();
}

/// Prepares `text` as a keystroke does; the number of hits. This is the work
/// the in-browser benchmark times (see `bench.rs`).
pub fn count_hits(text: &str) -> usize {
    find(text).ranking().map_or(0, Ranking::len)
}

/// The facet index of the corpus (filters, counts, entity statistics), assembled
/// from the tables the compiler stored in the bundle.
pub fn facets() -> &'static FacetIndex {
    &opened().facets
}

/// Every document `found` matches that passes `filters`, in `sort` order as far as the first
/// `shown` (the rows on screen; the rest only count). An empty query with filters lists every
/// document that passes them (browsing by filter alone, newest first unless sorted
/// otherwise); an empty query without filters matches nothing (the page shows the overview
/// instead).
pub fn search(found: &Found, sort: SortOrder, filters: &Filters, shown: usize) -> Vec<ResultRow> {
    let corpus = corpus();
    let mut docs = match found.ranking() {
        None if filters.is_empty() => return Vec::new(),
        None => facets().matching_docs(filters),
        Some(ranking) => {
            let allowed = facets().allowed(filters);
            let keep: &dyn Fn(DocId) -> bool = match filters.is_empty() {
                true => &|_| true,
                false => &allowed,
            };
            // By date, every row is ordered by relevance first, which orders a day's rows.
            let first = if sort == SortOrder::Newest {
                usize::MAX
            } else {
                shown
            };
            ranking.ranked(keep, first)
        }
    };
    // With nothing to rank by relevance, the newest article comes first (by the
    // last day its date may denote, as the overview lists them); sorted by date,
    // results go by the first day, as core's ranking does. The sort is stable, so
    // relevance still orders a day's results. One sort call for both: each call
    // compiles the sort anew into the WASM.
    let listing = found.ranking().is_none();
    if listing || sort == SortOrder::Newest {
        communique_core::sort::sort_by_key(&mut docs, |&doc| {
            let date = corpus.documents.date(doc as usize);
            std::cmp::Reverse(date.map(|d| if listing { d.last_day() } else { d.first_day() }))
        });
    }
    docs.into_iter().map(|doc| ResultRow { doc }).collect()
}

/// The visits the timeline shows for `found` under `filters`: those with an
/// evidence document that the query hits (every document for an empty query)
/// and the filters pass, dated within the range (see core's `visit_filter`).
pub fn visits(found: &Found, filters: &Filters) -> Vec<&'static Visit> {
    let corpus = corpus();
    let hits: Option<Vec<bool>> = found.ranking().map(|ranking| {
        let mut hit = vec![false; corpus.documents.len()];
        for doc in ranking.docs() {
            if let Some(slot) = hit.get_mut(doc as usize) {
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

/// The facet panel's counts for `found` under `filters`: over the query's hits
/// before filtering (every document for an empty query), so each count says
/// what selecting that value would give (see core's `facet` module).
pub fn facet_counts(found: &Found, filters: &Filters) -> FacetCounts {
    match found.ranking() {
        None if filters.is_empty() => facets().totals(),
        None => facets().counts(0..corpus().documents.len() as DocId, filters),
        Some(ranking) => facets().counts(ranking.docs(), filters),
    }
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
    // In the sharded layout, only the entities the facet index lists for the document: each
    // mention list read may be a shard fetched (`mentions::mentions_in`). In one bundle every
    // list is in memory, and asking the facet index cost the default site 234 bytes.
    #[cfg(feature = "sharded")]
    let candidates = facets().doc_entities(doc).map(|(entity, _)| entity);
    #[cfg(not(feature = "sharded"))]
    let candidates = 0..corpus.entities.len() as EntityId;
    let found = mentions::mentions_in(&corpus.documents, &corpus.entities, candidates, doc);
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

/// The entities document `doc` mentions in the most sentences, most first, at most `limit`.
pub fn top_entities(doc: DocId, limit: usize) -> Vec<EntityId> {
    // From the facet index alone: a result row asks this on every keystroke, a large
    // corpus has tens of thousands of entities, and the sharded layout keeps mention
    // lists in shards that a row would otherwise fetch.
    let mut counts: Vec<(EntityId, u32)> = facets().doc_entities(doc).collect();
    communique_core::sort::sort_by_key(&mut counts, |&(index, n)| (std::cmp::Reverse(n), index));
    counts
        .into_iter()
        .take(limit)
        .map(|(index, _)| index)
        .collect()
}

/// What a result shows beyond its document: the matches of the query in the
/// title, and the row's passages. Asked only for the rows on screen, so a
/// broad query stays cheap.
pub fn row_details(row: &ResultRow, found: &Found) -> (Vec<Span>, Vec<Snippet>) {
    let index = &corpus().index;
    let doc = row.document();
    let query = found.query();
    if query.is_empty() {
        return (Vec::new(), Vec::new());
    }
    (
        index.title_highlights(doc, query),
        index.snippets(doc, query),
    )
}

/// The matches of the query in one document: `(in its body, in its title)`.
pub fn matches_in(doc: &Document, found: &Found) -> (Vec<Span>, Vec<Span>) {
    let index = &corpus().index;
    let query = found.query();
    if query.is_empty() {
        return (Vec::new(), Vec::new());
    }
    (
        index.highlights(doc, query),
        index.title_highlights(doc, query),
    )
}
