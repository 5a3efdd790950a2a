//! [`FacetIndex`]: per-document facet values, assembled at start-up from the corpus and
//! the [`FacetTables`] its bundle carries, and the matching of documents against [`Filters`].
//!
//! Every facet value of the corpus gets a dense value id: ids `0..entities` are
//! the entity ids themselves (so no table maps one to the other), then the
//! sources, then the years and "undated". A document is a sorted list of value
//! ids plus its day range; filters are resolved once into sorted value ids per
//! facet, so checking a document is a few binary searches.
//!
//! What sorts (every mention into its document and sentence, value names into
//! display order) is computed by the compiler ([`FacetTables::build`]); what is
//! linear in documents is derived at load ([`FacetIndex::assemble`]), so the
//! bundle does not carry it twice. `examples/facet_bench.rs` times both.

use std::sync::OnceLock;

use super::filters::{DateRange, Filters, UNDATED_KEY};
use super::fold::{fold_name, fold_name_into};
use super::tables::{get_mentions, FacetTables};
use super::Facet;
use crate::lazy::Blob;
use crate::model::{DocId, Document, EntityId, PartialDate, SourceRef, Text};
use crate::Corpus;

/// Sentence number recorded for a mention that lies outside every sentence.
pub(crate) const NO_SENTENCE: u32 = u32::MAX;

/// The document a mention points into, if the mention is sound: the document
/// exists and the span is a slice of its text (in bounds, on character
/// boundaries), so that nothing downstream can panic slicing it. A corrupt
/// bundle's other mentions still count.
pub(super) fn mention_document(corpus: &Corpus, mention: SourceRef) -> Option<&Document> {
    corpus
        .documents
        .get(mention.doc as usize)
        .filter(|document| document.text.get(mention.span.range()).is_some())
}

/// One value of a facet as offered by [`FacetIndex::search_values`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetChoice {
    /// The key to put in [`Filters`] (entity id, source name, year or [`UNDATED_KEY`]).
    pub key: Text,
    /// The text to show (entity name, source name, year, "Undated").
    pub label: Text,
    /// How many documents of the whole corpus have this value.
    pub documents: u32,
}

/// An active filter value, for its removable chip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chip {
    /// The facet it belongs to (remove it with [`Filters::remove`]).
    pub facet: Facet,
    /// The key in [`Filters`].
    pub key: String,
    /// The text to show: the value's name, or the key itself when unknown.
    pub label: String,
    /// Whether the corpus has the value; an unknown one is ignored when matching,
    /// and its chip should say so.
    pub known: bool,
}

/// A facet value: which facet, what to store and show, what to match a search on.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct ValueInfo {
    /// The facet it belongs to.
    pub(super) facet: Facet,
    /// Key in [`Filters`] and in URLs. An entity's is its id, which a bundle in the program
    /// lends (`model::Text`), so that counts hand it out without copying; so are outlets' and
    /// years', copied once each (few). As `Arc<str>`, every entity's id and name were copied
    /// at start: 90,000 allocations at 100,000 articles.
    pub(super) key: Text,
    /// Display text, likewise.
    pub(super) label: Text,
    /// Documents of the corpus with this value.
    pub(super) documents: u32,
    /// Position in display order (folded label, label, key) among all values, so
    /// that sorting by name compares numbers.
    pub(super) rank: u32,
}

impl ValueInfo {
    /// A value of `facet`, not yet counted nor ranked.
    fn new(facet: Facet, key: Text, label: Text) -> ValueInfo {
        ValueInfo {
            facet,
            key,
            label,
            documents: 0,
            rank: 0,
        }
    }
}

/// The folded names of every value, end to end in one string (a few allocations
/// for the whole corpus, not a few per value): what the find box matches.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct FoldedNames {
    /// Each value's folded label, then its folded aliases, each ended by a
    /// newline, which no folded needle contains, so no match spans two names.
    text: String,
    /// Value `i`'s names are `text[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    /// Where value `i`'s folded label ends (its first name).
    label_ends: Vec<u32>,
    /// Scratch space for folding one word.
    word: String,
}

impl FoldedNames {
    /// The folded names of `values`, the facet values of `corpus` ([`facet_values`]): each
    /// entity's name and aliases, then each other value's label.
    pub(super) fn of(values: &[ValueInfo], corpus: &Corpus) -> FoldedNames {
        let mut names = FoldedNames::default();
        corpus
            .entities
            .each(|entity| names.push(&entity.name, &entity.aliases));
        for value in values.iter().skip(corpus.entities.len()) {
            names.push(&value.label, &[]);
        }
        names
    }

    /// Appends the names of the next value: its label, then its aliases.
    fn push<'n>(&mut self, label: &str, aliases: impl IntoIterator<Item = &'n String>) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        fold_name_into(label, &mut self.text, &mut self.word);
        self.label_ends.push(self.text.len() as u32);
        self.text.push('\n');
        for alias in aliases {
            fold_name_into(alias, &mut self.text, &mut self.word);
            self.text.push('\n');
        }
        self.starts.push(self.text.len() as u32);
    }

    /// Every folded name of value `id`, newline-separated.
    fn names(&self, id: u32) -> &str {
        &self.text[self.starts[id as usize] as usize..self.starts[id as usize + 1] as usize]
    }

    /// The folded label of value `id`.
    fn label(&self, id: u32) -> &str {
        &self.text[self.starts[id as usize] as usize..self.label_ends[id as usize] as usize]
    }
}

/// A list of lists in two vectors (compressed rows): one allocation, not one per
/// row, and rows that lie next to each other in memory.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Lists<T> {
    /// Row `i` is `items[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    /// The rows, end to end.
    items: Vec<T>,
}

impl<T: Copy> Lists<T> {
    /// No rows yet, with room for `rows` rows of `items` items in all.
    fn with_capacity(rows: usize, items: usize) -> Lists<T> {
        let mut starts = Vec::with_capacity(rows + 1);
        starts.push(0);
        Lists {
            starts,
            items: Vec::with_capacity(items + 2 * rows),
        }
    }

    /// Appends a row.
    fn push_row(&mut self, row: impl IntoIterator<Item = T>) {
        self.items.extend(row);
        self.starts.push(self.items.len() as u32);
    }

    /// `rows` rows filled from the `(row, item)` pairs that `pairs` reports, each
    /// row in report order: a counting sort, calling `pairs` twice (once to size
    /// the rows, once to place the items). Plain loops in `pairs` rather than an
    /// iterator chain: chained `flat_map`s cost more than the work at `opt-level = "z"`.
    pub(super) fn from_pairs(rows: usize, pairs: impl Fn(&mut dyn FnMut(usize, T))) -> Lists<T>
    where
        T: Default,
    {
        let mut starts = vec![0u32; rows + 1];
        pairs(&mut |row, _| starts[row + 1] += 1);
        for row in 0..rows {
            starts[row + 1] += starts[row];
        }
        let mut items = vec![T::default(); starts[rows] as usize];
        let mut next = starts.clone();
        pairs(&mut |row, item| {
            items[next[row] as usize] = item;
            next[row] += 1;
        });
        Lists { starts, items }
    }

    /// Row `i`; empty when `i` is out of range.
    pub(super) fn get(&self, i: usize) -> &[T] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&start), Some(&end)) => &self.items[start as usize..end as usize],
            _ => &[],
        }
    }

    /// Mutable row `i` (in range).
    pub(super) fn get_mut(&mut self, i: usize) -> &mut [T] {
        let (start, end) = (self.starts[i] as usize, self.starts[i + 1] as usize);
        &mut self.items[start..end]
    }
}

/// Every facet value of a corpus, not yet counted nor ranked: entities first (value id =
/// entity id), then sources and years in their natural order, then "undated".
pub(super) fn facet_values(corpus: &Corpus) -> Vec<ValueInfo> {
    let documents = &corpus.documents;
    // Read from the documents' columns: decoding each document here would keep them all.
    let sources = distinct_sorted(
        documents
            .sources_and_dates()
            .filter_map(|(source, _)| source)
            .filter(|source| !source.is_empty()),
    );
    let years = distinct_sorted(
        documents
            .sources_and_dates()
            .filter_map(|(_, date)| date.map(|d| d.year)),
    );
    let undated = documents
        .sources_and_dates()
        .any(|(_, date)| date.is_none());
    // Room for every value at once: grown past the entities, the list was copied whole.
    let mut values = Vec::with_capacity(
        corpus.entities.len() + sources.len() + years.len() + usize::from(undated),
    );
    // Only the fields the values keep (id, name, kind), which a bundle in the program lends:
    // where entities are read when asked, each is decoded that far for this and not kept.
    corpus.entities.labels(|entity| {
        values.push(ValueInfo::new(
            Facet::of_kind(entity.kind),
            entity.id,
            entity.name,
        ));
    });
    let mut add = |facet: Facet, key: &str, label: &str| {
        values.push(ValueInfo::new(
            facet,
            key.to_owned().into(),
            label.to_owned().into(),
        ));
    };
    for source in sources {
        add(Facet::Sources, source, source);
    }
    for year in years {
        let year = year.to_string();
        add(Facet::Years, &year, &year);
    }
    if undated {
        add(Facet::Years, UNDATED_KEY, "Undated");
    }
    values
}

/// How many distinct items [`distinct_sorted`] keeps sorted as it goes.
const FEW_DISTINCT: usize = 64;

/// The distinct items of `items`, sorted. Each item is looked up in the distinct ones found so
/// far: a corpus has few outlets and years, and sorting one of each per document took 95 ms of
/// the page's start at 100,000 articles. Items beyond the first [`FEW_DISTINCT`] distinct ones
/// are sorted at the end, so many distinct ones cost a sort, never a quadratic insertion.
fn distinct_sorted<T: Ord>(items: impl Iterator<Item = T>) -> Vec<T> {
    let (mut distinct, mut rest) = (Vec::new(), Vec::new());
    for item in items {
        match distinct.binary_search(&item) {
            Ok(_) => {}
            Err(at) if distinct.len() < FEW_DISTINCT => distinct.insert(at, item),
            Err(_) => rest.push(item),
        }
    }
    if !rest.is_empty() {
        distinct.append(&mut rest);
        crate::sort::sort(&mut distinct);
        distinct.dedup();
    }
    distinct
}

/// Each value's position in display order (folded label, label, key).
pub(super) fn display_ranks(values: &[ValueInfo], names: &FoldedNames) -> Vec<u32> {
    let mut order: Vec<(&str, &str, &str, u32)> = values
        .iter()
        .enumerate()
        .map(|(id, value)| {
            (
                names.label(id as u32),
                &*value.label,
                &*value.key,
                id as u32,
            )
        })
        .collect();
    crate::sort::sort(&mut order);
    let mut ranks = vec![0; values.len()];
    for (rank, &(_, _, _, id)) in order.iter().enumerate() {
        ranks[id as usize] = rank as u32;
    }
    ranks
}

/// Per facet (in [`Facet::ALL`] order), its value ids sorted by key; of values with
/// the same key, the first.
pub(super) fn key_order(values: &[ValueInfo]) -> [Vec<u32>; 5] {
    let mut by_key: [Vec<u32>; 5] = Default::default();
    for (id, value) in values.iter().enumerate() {
        by_key[value.facet.slot()].push(id as u32);
    }
    for ids in &mut by_key {
        // Stable, so the first value of a key stays first and survives dedup.
        crate::sort::sort_by_key(ids, |&id| &*values[id as usize].key);
        ids.dedup_by(|a, b| values[*a as usize].key == values[*b as usize].key);
    }
    by_key
}

/// The id among `ids` (sorted by key, as in [`FacetIndex::by_key`]) of the
/// value whose key is `key`.
fn find_key(values: &[ValueInfo], ids: &[u32], key: &str) -> Option<u32> {
    let at = ids
        .binary_search_by(|&id| (*values[id as usize].key).cmp(key))
        .ok()?;
    Some(ids[at])
}

/// Facet values of every document and entity co-occurrence data, for filtering,
/// disjunctive counts and entity statistics. Build once per corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct FacetIndex {
    /// Every facet value; the first ones, one per entity, have the entity ids.
    pub(super) values: Vec<ValueInfo>,
    /// Every value id in display order (by rank), so that ranking a query's counts is a
    /// walk in this order and a counting sort by count, not a comparison sort per keystroke.
    pub(super) by_rank: Vec<u32>,
    /// The folded names of every value, for the find box, folded when it first asks: folded at
    /// start, with the entities' aliases decoded for them, they were a third of opening a
    /// head (natively 4-7 of 18-25 ms on the 9.8k bench corpus).
    names: OnceLock<FoldedNames>,
    /// Per facet (in [`Facet::ALL`] order), its value ids sorted by key, for
    /// [`find_key`]; of values with the same key, the first.
    by_key: [Vec<u32>; 5],
    /// Per document: its value ids, sorted.
    pub(super) doc_values: Lists<u32>,
    /// Per document: its date, `None` when undated. The days it may denote are worked out
    /// when a date range asks: kept as two day numbers, they took twice the memory (2.4 MB
    /// at 100,000 articles).
    doc_dates: Vec<Option<PartialDate>>,
    /// Per document, `(entity, sentence index)` of every mention, sorted, deduplicated, as
    /// the bundle holds them ([`FacetTables::mentions`]), read in place.
    mentions: Blob,
    /// Where each document's pairs start in `mentions`, and where the last one ends.
    mention_starts: Vec<u32>,
    /// How many of the values are entities (the corpus's entities).
    entity_count: usize,
    /// Per entity: the documents that mention it, sorted; derived from `doc_values` when an
    /// entity page first asks ([`FacetIndex::entity_docs`]), which a search never does. At
    /// 100,000 articles it is 4 MB, and a pass over every document at start.
    entity_docs: OnceLock<Lists<DocId>>,
}

/// Filters resolved to value ids: what matching actually compares.
#[derive(Clone, Debug, Default)]
pub(super) struct Selection {
    /// Per facet, the selected value ids that exist in the corpus, sorted.
    selected: [Vec<u32>; 5],
    /// The date range, possibly unset.
    pub(super) range: DateRange,
}

impl Selection {
    /// Whether value `id` of `facet` is selected.
    pub(super) fn contains(&self, facet: Facet, id: u32) -> bool {
        self.selected[facet.slot()].binary_search(&id).is_ok()
    }
}

impl FacetIndex {
    /// Builds the facet index of `corpus` from scratch: [`FacetTables::build`], then
    /// [`FacetIndex::assemble`]. The page assembles the tables stored in its bundle instead.
    pub fn build(corpus: &Corpus) -> FacetIndex {
        match FacetIndex::assemble(corpus, FacetTables::build(corpus)) {
            Ok(index) => index,
            // The tables were computed from this very corpus.
            Err(why) => unreachable!("facet tables of a corpus fit it: {why}"),
        }
    }

    /// The facet index of `corpus` from its precomputed `tables`, after checking that
    /// they fit it (lengths, ids in range, rows sorted), so that a damaged bundle is
    /// refused here rather than panicking later; linear in documents and mentions, plus
    /// sorting the values by name and by key.
    pub fn assemble(corpus: &Corpus, tables: FacetTables) -> Result<FacetIndex, &'static str> {
        let documents = &corpus.documents;
        let entity_count = corpus.entities.len();
        let mut values = facet_values(corpus);
        let FacetTables {
            mentions,
            value_ranks,
            key_counts,
            key_ids,
        } = tables;
        // Ranks: one per value, each rank once.
        let mut ranked = vec![false; values.len()];
        if value_ranks.len() != values.len() {
            return Err("the display order does not fit the values");
        }
        let mut by_rank = vec![0; values.len()];
        for (id, (value, rank)) in values.iter_mut().zip(value_ranks).enumerate() {
            match ranked.get_mut(rank as usize) {
                Some(seen @ false) => *seen = true,
                _ => return Err("the display order does not fit the values"),
            }
            value.rank = rank;
            by_rank[rank as usize] = id as u32;
        }
        // Key order: per facet, its own values, keys strictly rising.
        const UNSORTED: &str = "the key order does not fit the values";
        if key_counts.len() != 5 || key_counts.iter().sum::<u32>() as usize != key_ids.len() {
            return Err(UNSORTED);
        }
        let mut by_key: [Vec<u32>; 5] = Default::default();
        let mut ids = key_ids.into_iter();
        for (slot, count) in key_counts.into_iter().enumerate() {
            let mut last: Option<&str> = None;
            for id in ids.by_ref().take(count as usize) {
                let value = values.get(id as usize).ok_or(UNSORTED)?;
                if value.facet.slot() != slot || last.is_some_and(|last| last >= &*value.key) {
                    return Err(UNSORTED);
                }
                last = Some(&value.key);
                by_key[slot].push(id);
            }
        }

        const MISFIT: &str = "the mention table does not fit the documents";
        // Years by number, so that no document formats its year to look it up.
        let mut year_ids: Vec<(i32, u32)> = by_key[Facet::Years.slot()]
            .iter()
            .filter_map(|&id| Some((values[id as usize].key.parse().ok()?, id)))
            .collect();
        crate::sort::sort(&mut year_ids);
        // Each document's entities are among its pairs, two bytes each at least, then its outlet
        // and year: room for all of them at once, the rest given back once they are known.
        // Grown as they came, the values of 100,000 articles took up to twice their room.
        let mut doc_values = Lists::with_capacity(documents.len(), mentions.len() / 2);
        let mut doc_dates = Vec::with_capacity(documents.len());
        let mut mention_starts = Vec::with_capacity(documents.len() + 1);
        let (mut at, mut row) = (0, Vec::new());
        for (doc, (source, date)) in documents.sources_and_dates().enumerate() {
            mention_starts.push(at as u32);
            get_mentions(&mentions, &mut at, entity_count, &mut row).ok_or(MISFIT)?;
            let entities = row.chunk_by(|a, b| a.0 == b.0).map(|run| run[0].0);
            let source =
                source.and_then(|source| find_key(&values, &by_key[Facet::Sources.slot()], source));
            let year = match date {
                Some(date) => year_ids
                    .binary_search_by_key(&date.year, |&(year, _)| year)
                    .ok()
                    .map(|at| year_ids[at].1),
                None => find_key(&values, &by_key[Facet::Years.slot()], UNDATED_KEY),
            };
            doc_values.push_row(entities.chain(source.into_iter().chain(year)));
            for &value in doc_values.get(doc) {
                values[value as usize].documents += 1;
            }
            doc_dates.push(date);
        }

        if at != mentions.len() {
            return Err(MISFIT);
        }
        mention_starts.push(at as u32);
        doc_values.items.shrink_to_fit();
        Ok(FacetIndex {
            values,
            by_rank,
            names: OnceLock::new(),
            by_key,
            doc_values,
            doc_dates,
            mentions,
            mention_starts,
            entity_count,
            entity_docs: OnceLock::new(),
        })
    }

    /// Number of entities indexed (the corpus's entities).
    pub(super) fn entity_count(&self) -> usize {
        self.entity_count
    }

    /// The documents that mention `entity`, sorted.
    pub(super) fn entity_docs(&self, entity: EntityId) -> &[DocId] {
        let entity_docs = self.entity_docs.get_or_init(|| {
            Lists::from_pairs(self.entity_count, |add| {
                for doc in 0..self.doc_count() {
                    for &value in self.doc_values.get(doc) {
                        if (value as usize) < self.entity_count {
                            add(value as usize, doc as DocId);
                        }
                    }
                }
            })
        });
        entity_docs.get(entity as usize)
    }

    /// Number of documents indexed (the corpus's documents).
    pub fn doc_count(&self) -> usize {
        self.doc_dates.len()
    }

    /// The entities document `doc` mentions, by id, each once with the number of its
    /// sentences that mention it (none for an unknown document): read from the index, not
    /// by asking every entity of the corpus, nor reading a mention list (which the sharded
    /// layout keeps in shards).
    pub fn doc_entities(&self, doc: DocId) -> impl Iterator<Item = (EntityId, u32)> {
        let row = self.doc_mentions(doc);
        let entities: Vec<(EntityId, u32)> = row
            .chunk_by(|a, b| a.0 == b.0)
            .map(|run| (run[0].0, run.len() as u32))
            .collect();
        entities.into_iter()
    }

    /// Document `doc`'s `(entity, sentence index)` pairs, sorted and distinct (none for an
    /// unknown document), decoded from the bundle's bytes, which `assemble` checked.
    pub(crate) fn doc_mentions(&self, doc: DocId) -> Vec<(EntityId, u32)> {
        let mut row = Vec::new();
        if let Some(&start) = self.mention_starts.get(doc as usize) {
            let at = &mut (start as usize);
            get_mentions(&self.mentions, at, self.entity_count, &mut row);
        }
        row
    }

    /// Whether document `doc` passes `filters` (false for an id out of range).
    /// To test many documents, resolve once with [`FacetIndex::allowed`].
    pub fn matches(&self, doc: DocId, filters: &Filters) -> bool {
        self.passes(doc, &self.resolve(filters))
    }

    /// A predicate telling whether a document passes `filters`, resolved once: the
    /// `allowed` of the search engine's options (pass `None` there instead when
    /// [`Filters::is_empty`], to skip the calls).
    pub fn allowed(&self, filters: &Filters) -> impl Fn(DocId) -> bool + '_ {
        let selection = self.resolve(filters);
        move |doc| self.passes(doc, &selection)
    }

    /// Every document that passes `filters`, in id order: the result list when the
    /// query is empty ("browse by filter alone").
    pub fn matching_docs(&self, filters: &Filters) -> Vec<DocId> {
        let allowed = self.allowed(filters);
        (0..self.doc_count() as DocId)
            .filter(|&doc| allowed(doc))
            .collect()
    }

    /// The selected values that the corpus does not have at all, which matching
    /// ignores (see the module docs): for a notice, or to drop them.
    pub fn unknown_values(&self, filters: &Filters) -> Vec<(Facet, String)> {
        Facet::ALL
            .into_iter()
            .flat_map(|facet| {
                filters
                    .keys(facet)
                    .into_iter()
                    .filter(move |key| self.value_id(facet, key).is_none())
                    .map(move |key| (facet, key))
            })
            .collect()
    }

    /// One chip per selected value, facet by facet in [`Facet::ALL`] order (the
    /// date range has its own chip: [`DateRange::label`]).
    pub fn chips(&self, filters: &Filters) -> Vec<Chip> {
        let mut chips = Vec::new();
        for facet in Facet::ALL {
            for key in filters.keys(facet) {
                let label = self.label(facet, &key);
                chips.push(Chip {
                    facet,
                    known: label.is_some(),
                    label: label.unwrap_or(&key).to_owned(),
                    key,
                });
            }
        }
        chips
    }

    /// The display text of a value (entity name, source, year, "Undated"), for
    /// chips; `None` for a value the corpus does not have.
    pub fn label(&self, facet: Facet, key: &str) -> Option<&str> {
        self.value_id(facet, key)
            .map(|id| &*self.values[id as usize].label)
    }

    /// The entity with this id (`person/…`, `organization/…`, `place/…`), if any.
    pub fn entity_by_id(&self, id: &str) -> Option<EntityId> {
        [Facet::People, Facet::Organizations, Facet::Places]
            .into_iter()
            .find_map(|facet| self.value_id(facet, id))
    }

    /// Every value of `facet` in the corpus whose name (or, for entities, an alias)
    /// contains `needle`, ignoring case and diacritics; most frequent first, then
    /// by name. An empty needle gives every value.
    /// `corpus` is the one the index was built of.
    pub fn search_values(&self, corpus: &Corpus, facet: Facet, needle: &str) -> Vec<FacetChoice> {
        let needle = fold_name(needle);
        let names = self.names(corpus);
        let mut found: Vec<u32> = (0..self.values.len() as u32)
            .filter(|&id| self.values[id as usize].facet == facet)
            .filter(|&id| names.names(id).contains(&needle))
            .collect();
        crate::sort::sort_by_key(&mut found, |&id| {
            let value = &self.values[id as usize];
            (std::cmp::Reverse(value.documents), value.rank)
        });
        found
            .into_iter()
            .map(|id| {
                let value = &self.values[id as usize];
                FacetChoice {
                    key: value.key.clone(),
                    label: value.label.clone(),
                    documents: value.documents,
                }
            })
            .collect()
    }

    /// Whether the value `key` of `facet` contains `needle` (already folded) in its
    /// name or an alias; unknown values never do. `corpus` is the one the index was built of.
    pub(super) fn key_contains(
        &self,
        corpus: &Corpus,
        facet: Facet,
        key: &str,
        needle: &str,
    ) -> bool {
        self.value_id(facet, key)
            .is_some_and(|id| self.names(corpus).names(id).contains(needle))
    }

    /// The folded names of every value (see [`FacetIndex::names`]'s field), of `corpus`.
    fn names(&self, corpus: &Corpus) -> &FoldedNames {
        self.names
            .get_or_init(|| FoldedNames::of(&self.values, corpus))
    }

    /// The value id of `key` in `facet`.
    pub(super) fn value_id(&self, facet: Facet, key: &str) -> Option<u32> {
        find_key(&self.values, &self.by_key[facet.slot()], key)
    }

    /// Resolves filters to value ids, dropping unknown values.
    pub(super) fn resolve(&self, filters: &Filters) -> Selection {
        let mut selection = Selection {
            range: filters.dates,
            ..Selection::default()
        };
        for facet in Facet::ALL {
            let ids = &mut selection.selected[facet.slot()];
            ids.extend(
                filters
                    .keys(facet)
                    .iter()
                    .filter_map(|key| self.value_id(facet, key)),
            );
            crate::sort::sort(ids);
        }
        selection
    }

    /// Whether `doc` passes every filter of `selection`.
    pub(super) fn passes(&self, doc: DocId, selection: &Selection) -> bool {
        (doc as usize) < self.doc_count()
            && self.failed_facets(doc, selection) == 0
            && self.in_range(doc, selection)
    }

    /// Bit mask of the facets whose selection `doc` has none of.
    pub(super) fn failed_facets(&self, doc: DocId, selection: &Selection) -> u8 {
        let values = self.doc_values.get(doc as usize);
        let mut failed = 0;
        for facet in Facet::ALL {
            let selected = &selection.selected[facet.slot()];
            if !selected.is_empty() && !selected.iter().any(|v| values.binary_search(v).is_ok()) {
                failed |= facet.bit();
            }
        }
        failed
    }

    /// Whether `doc`'s date overlaps the selection's date range (always, when unset).
    pub(super) fn in_range(&self, doc: DocId, selection: &Selection) -> bool {
        !selection.range.is_set()
            || self
                .doc_dates
                .get(doc as usize)
                .copied()
                .flatten()
                .is_some_and(|date| {
                    (selection.range).overlaps_days(date.first_day(), date.last_day())
                })
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_corpus::{describe_keys, filters, sample_corpus};
    use super::*;

    #[test]
    fn distinct_items_come_sorted_however_many() {
        // Few distinct items, then more than are kept sorted as they come, in a scrambled order.
        for (len, distinct) in [
            (0, 1),
            (1, 1),
            (50, 3),
            (500, 12),
            (500, 64),
            (5000, 65),
            (5000, 900),
        ] {
            let items: Vec<u32> = (0..len).map(|i| (i * 7919 + 13) % distinct).collect();
            let mut expected = items.clone();
            expected.sort();
            expected.dedup();
            assert_eq!(
                distinct_sorted(items.into_iter()),
                expected,
                "{len} of {distinct}"
            );
        }
        let names = ["Tass", "IRNA", "Tass", "", "AP", "IRNA"];
        assert_eq!(
            distinct_sorted(names.into_iter()),
            ["", "AP", "IRNA", "Tass"]
        );
    }

    /// Checks which documents (by id) pass the filters of a URL query.
    fn check(url_query: &str, expect_docs: &str, expect_unknown: &str) {
        let corpus = sample_corpus();
        let index = FacetIndex::build(&corpus);
        let filters = filters(url_query);
        let docs: Vec<&str> = index
            .matching_docs(&filters)
            .into_iter()
            .map(|doc| corpus.documents[doc as usize].id.as_ref())
            .collect();
        assert_eq!(docs.join(" "), expect_docs, "{url_query}");
        for doc in 0..corpus.documents.len() as DocId + 2 {
            assert_eq!(
                index.matches(doc, &filters),
                docs.contains(&corpus.documents.get(doc as usize).map_or("", |d| &*d.id)),
                "{url_query}: doc {doc}"
            );
        }
        assert_eq!(
            describe_keys(&index.unknown_values(&filters)),
            expect_unknown,
            "{url_query}"
        );
    }

    #[test]
    fn doc_entities_are_the_entities_that_mention_the_document_with_their_sentences() {
        let corpus = sample_corpus();
        let index = FacetIndex::build(&corpus);
        for doc in 0..corpus.documents.len() as DocId + 2 {
            let expect: Vec<(EntityId, u32)> = (0..corpus.entities.len() as EntityId)
                .filter_map(|e| {
                    let mentions = crate::mentions::mentions_of(&corpus.entities[e as usize], doc);
                    let document = corpus.documents.get(doc as usize)?;
                    let mut sentences: Vec<Option<usize>> = mentions
                        .iter()
                        .map(|m| document.sentence_at(m.span.start))
                        .collect();
                    sentences.dedup();
                    (!mentions.is_empty()).then_some((e, sentences.len() as u32))
                })
                .collect();
            assert_eq!(
                index.doc_entities(doc).collect::<Vec<_>>(),
                expect,
                "doc {doc}"
            );
        }
        assert!(index.doc_entities(0).count() > 1);
        // Jalali Nasab is named in two sentences of document a.
        assert!(index.doc_entities(0).any(|(_, sentences)| sentences == 2));
    }

    #[test]
    fn or_within_a_facet_and_across_facets() {
        check("", "a b c d e", "");
        check("person=zarif", "b d", "");
        check("person=zarif&person=jalali-nasab", "a b d", "");
        check("place=moscow", "a b", "");
        check("person=zarif&place=moscow", "b", "");
        check("person=zarif&person=jalali-nasab&place=moscow", "a b", "");
        check("org=united-nations", "d e", "");
        check("person=lavrov&org=united-nations&source=IRNA", "", "");
        check("source=IRNA", "c e", "");
        check("source=IRNA&source=Tehran Times", "a b c e", "");
        check("year=2016", "a b c", "");
        check("year=undated", "e", "");
        check("year=2017&year=undated", "d e", "");
        check("year=undated&person=rahmani", "e", "");
    }

    #[test]
    fn date_range_keeps_overlapping_dated_documents() {
        // a is 2016-09-14, b 2016-09, c 2016, d 2017-01-05, e undated.
        check("from=2016-09-14&to=2016-09-14", "a b c", "");
        check("from=2016-09-15&to=2016-09-30", "b c", "");
        check("from=2016-10", "c d", "");
        check("to=2016-08", "c", "");
        check("from=2017", "d", "");
        check("from=2018", "", "");
        check("from=2016-09&place=moscow", "a b", "");
    }

    #[test]
    fn unknown_values_are_kept_but_ignored() {
        check("person=nobody", "a b c d e", "person=person/nobody");
        check("person=nobody&person=zarif", "b d", "person=person/nobody");
        check(
            "source=Reuters&year=1999&place=moscow",
            "a b",
            "source=Reuters year=1999",
        );
    }

    #[test]
    fn chips_name_every_selected_value() {
        let index = FacetIndex::build(&sample_corpus());
        let filters = filters("year=undated&person=rahmani&person=nobody&source=IRNA&from=2016");
        let chips: Vec<String> = index
            .chips(&filters)
            .into_iter()
            .map(|chip| {
                let unknown = if chip.known { "" } else { " (unknown)" };
                format!(
                    "{}:{}={}{unknown}",
                    chip.facet.param(),
                    chip.key,
                    chip.label
                )
            })
            .collect();
        assert_eq!(
            chips,
            [
                "person:person/nobody=person/nobody (unknown)",
                "person:person/rahmani=Rahmani",
                "source:IRNA=IRNA",
                "year:undated=Undated",
            ]
        );
    }

    #[test]
    fn labels_and_entity_lookup() {
        let index = FacetIndex::build(&sample_corpus());
        assert_eq!(
            index.label(Facet::People, "person/rahmani"),
            Some("Rahmani")
        );
        assert_eq!(index.label(Facet::Years, UNDATED_KEY), Some("Undated"));
        assert_eq!(index.label(Facet::Sources, "IRNA"), Some("IRNA"));
        assert_eq!(index.label(Facet::Places, "person/rahmani"), None);
        let moscow = index.entity_by_id("place/moscow").unwrap();
        assert_eq!(&*index.values[moscow as usize].label, "Moscow");
        assert_eq!(index.entity_by_id("moscow"), None);
    }

    fn check_search(facet: Facet, needle: &str, expect: &str) {
        let corpus = sample_corpus();
        let index = FacetIndex::build(&corpus);
        let found: Vec<String> = index
            .search_values(&corpus, facet, needle)
            .into_iter()
            .map(|choice| format!("{} {}", choice.label, choice.documents))
            .collect();
        assert_eq!(found.join(", "), expect, "{facet:?} {needle:?}");
    }

    #[test]
    fn names_are_folded_when_the_find_box_first_asks() {
        let corpus = sample_corpus();
        let index = FacetIndex::build(&corpus);
        assert!(index.names.get().is_none(), "names folded at start");
        assert_eq!(index.search_values(&corpus, Facet::People, "rahm").len(), 1);
        assert!(index.names.get().is_some());
    }

    #[test]
    fn search_values_folds_case_and_diacritics() {
        // "Rahmani" has the alias "Rāhmānī"; both spellings find him.
        check_search(Facet::People, "RĀHMĀ", "Rahmani 2");
        check_search(Facet::People, "rahmani", "Rahmani 2");
        check_search(Facet::People, "rahm", "Rahmani 2");
        check_search(Facet::People, "ov", "Lavrov 3, Borisov 1");
        check_search(Facet::Places, "  MOS ", "Moscow 2");
        check_search(Facet::Sources, "times", "Tehran Times 2");
        check_search(Facet::Years, "", "2016 3, 2017 1, Undated 1");
        check_search(Facet::Organizations, "zzz", "");
    }
}
