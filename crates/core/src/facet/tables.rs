//! [`FacetTables`]: the part of the facet index that the compiler computes and the
//! bundle stores (its byte layout is fingerprinted with the bundle's format version).

use serde::Serialize;

use super::index::{display_ranks, facet_values, key_order, mention_document, Lists, NO_SENTENCE};
use crate::model::EntityId;
use crate::Corpus;

/// The part of a [`FacetIndex`] that takes time to compute, computed by the compiler
/// and stored in the bundle after the corpus (`bundle.rs`), so that the page only
/// checks and assembles it: which entities each document's sentences mention, which
/// takes every mention bucketed by document, placed in its sentence and sorted; and
/// the values (entities, sources, years) in display order and in key order, two sorts
/// of every value by strings. The rest of the index is derived at load
/// ([`FacetIndex::assemble`]), linear in documents and values.
///
/// Storing the two orders took 5 ms off the start at 9,700 articles (natively; the page's
/// first load runs unoptimised WebAssembly, several times slower), and made the default
/// site smaller: the page no longer carries the sorting code, which outweighs the
/// orders of its few values.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FacetTables {
    /// Per document, how many `(entity, sentence)` pairs it has below.
    pub(super) mention_counts: Vec<u32>,
    /// The entity of each pair, document after document, each document's pairs
    /// sorted and distinct; within a document, as the difference from the entity
    /// of the pair before (small numbers, which compress: the bundle of the
    /// default corpus is part of the page's size budget).
    pub(super) mention_entities: Vec<EntityId>,
    /// The sentence of each pair ([`NO_SENTENCE`] outside every sentence).
    pub(super) mention_sentences: Vec<u32>,
    /// Each value's position in display order (folded label, label, key), the values
    /// in the order `facet_values` lists them.
    pub(super) value_ranks: Vec<u32>,
    /// Per facet (in [`Facet::ALL`](super::Facet::ALL) order), how many of `key_ids` are its.
    pub(super) key_counts: Vec<u32>,
    /// Per facet, its value ids sorted by key; of values with the same key, the first.
    pub(super) key_ids: Vec<u32>,
}

crate::wire::decode_struct!(FacetTables {
    mention_counts,
    mention_entities,
    mention_sentences,
    value_ranks,
    key_counts,
    key_ids
});

impl FacetTables {
    /// Computes the tables of `corpus`: linear in the number of mentions, plus
    /// sorting each document's few mentions.
    pub fn build(corpus: &Corpus) -> FacetTables {
        let documents = &corpus.documents;
        // Mentions bucketed by document, so that each document's sentences are read
        // once, in order, instead of a binary search per mention in random documents.
        let mut by_doc: Lists<(u32, EntityId)> = Lists::from_pairs(documents.len(), |add| {
            for (entity, e) in corpus.entities.iter().enumerate() {
                for mention in &e.mentions {
                    if mention_document(corpus, *mention).is_some() {
                        add(
                            mention.doc as usize,
                            (mention.span.start, entity as EntityId),
                        );
                    }
                }
            }
        });
        let mut tables = FacetTables::default();
        let mut row: Vec<(EntityId, u32)> = Vec::new();
        for (doc, document) in documents.iter().enumerate() {
            let bucket = by_doc.get_mut(doc);
            crate::sort::sort(bucket);
            row.clear();
            // The same rule as `Document::sentence_at`, walked along sorted offsets.
            let sentences = &document.sentences;
            let mut next = 0;
            for &(offset, entity) in bucket.iter() {
                while next < sentences.len() && sentences[next].end <= offset {
                    next += 1;
                }
                let inside = next < sentences.len() && sentences[next].start <= offset;
                row.push((entity, if inside { next as u32 } else { NO_SENTENCE }));
            }
            crate::sort::sort(&mut row);
            row.dedup();
            tables.mention_counts.push(row.len() as u32);
            let mut last = 0;
            for &(entity, sentence) in &row {
                tables.mention_entities.push(entity - last);
                tables.mention_sentences.push(sentence);
                last = entity;
            }
        }
        let (values, names) = facet_values(corpus);
        tables.value_ranks = display_ranks(&values, &names);
        for ids in key_order(&values) {
            tables.key_counts.push(ids.len() as u32);
            tables.key_ids.extend(ids);
        }
        tables
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_corpus::sample_corpus;
    use super::*;
    use crate::bundle;
    use crate::facet::FacetIndex;

    #[test]
    fn the_page_assembles_from_the_bundle_the_index_built_from_scratch() {
        let corpus = sample_corpus();
        let (decoded, facets) = bundle::open(&bundle::encode(&corpus)).unwrap();
        assert_eq!(decoded, corpus);
        assert_eq!(facets, FacetIndex::build(&corpus));
        let tables = FacetTables::build(&corpus);
        assert!(tables.mention_entities.len() > 10, "{tables:?}");
    }

    /// Damages a copy of the sample's tables with `damage` and says what `assemble` answers.
    fn damaged(damage: impl FnOnce(&mut FacetTables)) -> Result<(), &'static str> {
        let corpus = sample_corpus();
        let mut tables = FacetTables::build(&corpus);
        damage(&mut tables);
        FacetIndex::assemble(&corpus, tables).map(|_| ())
    }

    #[test]
    fn tables_that_do_not_fit_the_corpus_are_refused_with_the_reason() {
        assert_eq!(damaged(|_| {}), Ok(()));
        let check = |damage: fn(&mut FacetTables), expect: &str| {
            assert_eq!(damaged(damage), Err(expect));
        };
        check(
            |t| t.mention_counts[0] += 1,
            "the mention table does not fit the documents",
        );
        check(
            |t| t.mention_sentences.truncate(1),
            "the mention table does not fit the documents",
        );
        check(
            |t| t.mention_entities[3] = 999,
            "the mention table does not fit the documents",
        );
        check(
            |t| t.mention_sentences.swap(0, 1),
            "the mention table does not fit the documents",
        );
        check(
            |t| t.value_ranks[1] = t.value_ranks[0],
            "the display order does not fit the values",
        );
        check(
            |t| {
                t.value_ranks.pop();
            },
            "the display order does not fit the values",
        );
        check(
            |t| t.key_ids.swap(0, 1),
            "the key order does not fit the values",
        );
        check(
            |t| t.key_counts[0] += 1,
            "the key order does not fit the values",
        );
        check(
            |t| t.key_ids[0] = 9_999,
            "the key order does not fit the values",
        );
    }

    #[test]
    fn a_bundle_cut_anywhere_in_its_tables_is_refused() {
        let corpus = sample_corpus();
        let bytes = bundle::encode(&corpus);
        let tables_len = postcard::to_allocvec(&FacetTables::build(&corpus))
            .unwrap()
            .len();
        for cut in bytes.len() - tables_len..bytes.len() {
            assert!(
                bundle::open(&bytes[..cut]).is_err(),
                "cut at {cut} of {}",
                bytes.len()
            );
        }
    }
}
