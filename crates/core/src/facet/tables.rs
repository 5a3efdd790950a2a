//! [`FacetTables`]: the part of the facet index that the compiler computes and the
//! bundle stores (its byte layout is fingerprinted with the bundle's format version).

use serde::Serialize;

use super::index::{
    display_ranks, facet_values, key_order, mention_document, FoldedNames, Lists, NO_SENTENCE,
};
use crate::index::format::{get_varint, put_varint};
use crate::lazy::Blob;
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
    /// Per document, its `(entity, sentence)` pairs, sorted and distinct, as varints: how
    /// many, then for each the entity (as the difference from the entity of the pair before:
    /// small numbers, which compress, as the default corpus's bundle is part of the page's
    /// size budget) and the sentence ([`NO_SENTENCE`] outside every sentence). Read in place
    /// (`FacetIndex::doc_mentions`): at 100,000 articles, decoded at start into three lists
    /// and then a list of pairs per document, they held 11.6 MB of the heap natively.
    pub(super) mentions: Blob,
    /// Each value's position in display order (folded label, label, key), the values
    /// in the order `facet_values` lists them.
    pub(super) value_ranks: Vec<u32>,
    /// Per facet (in [`Facet::ALL`](super::Facet::ALL) order), how many of `key_ids` are its.
    pub(super) key_counts: Vec<u32>,
    /// Per facet, its value ids sorted by key; of values with the same key, the first.
    pub(super) key_ids: Vec<u32>,
}

crate::wire::decode_struct!(FacetTables {
    mentions,
    value_ranks,
    key_counts,
    key_ids
});

/// Appends one document's `(entity, sentence)` pairs, sorted and distinct, as
/// [`FacetTables::mentions`] holds them.
pub(super) fn put_mentions(out: &mut Vec<u8>, row: &[(EntityId, u32)]) {
    put_varint(out, row.len() as u32);
    let mut last = 0;
    for &(entity, sentence) in row {
        put_varint(out, entity - last);
        put_varint(out, sentence);
        last = entity;
    }
}

/// Reads into `row` the pairs [`put_mentions`] wrote at `*at` in `bytes`, advancing `*at`;
/// `None` when they do not decode, are not sorted and distinct, or name an entity from
/// `entities` on.
pub(super) fn get_mentions(
    bytes: &[u8],
    at: &mut usize,
    entities: usize,
    row: &mut Vec<(EntityId, u32)>,
) -> Option<()> {
    row.clear();
    let mut last: (EntityId, Option<u32>) = (0, None);
    for _ in 0..get_varint(bytes, at)? {
        let delta = get_varint(bytes, at)?;
        let pair = (last.0.checked_add(delta)?, Some(get_varint(bytes, at)?));
        if pair.0 as usize >= entities || (delta == 0 && pair.1 <= last.1) {
            return None;
        }
        row.push((pair.0, pair.1?));
        last = pair;
    }
    Some(())
}

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
        let mut mentions = Vec::new();
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
            put_mentions(&mut mentions, &row);
        }
        tables.mentions = mentions.into();
        let values = facet_values(corpus);
        tables.value_ranks = display_ranks(&values, &FoldedNames::of(&values, corpus));
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
        assert!(tables.mentions.len() > 20, "{tables:?}");
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
        // Each document's pairs, decoded, changed by `change`, and written again.
        fn rows(t: &mut FacetTables, change: fn(&mut Vec<Vec<(EntityId, u32)>>)) {
            let (mut at, mut rows) = (0, Vec::new());
            while at < t.mentions.len() {
                let mut row = Vec::new();
                get_mentions(&t.mentions, &mut at, usize::MAX, &mut row).unwrap();
                rows.push(row);
            }
            change(&mut rows);
            let mut bytes = Vec::new();
            rows.iter().for_each(|row| put_mentions(&mut bytes, row));
            t.mentions = bytes.into();
        }
        let misfit = "the mention table does not fit the documents";
        check(|t| rows(t, |rows| rows.truncate(1)), misfit);
        check(|t| rows(t, |rows| rows.push(Vec::new())), misfit);
        check(|t| rows(t, |rows| rows[0].push((999, 0))), misfit);
        check(|t| rows(t, |rows| rows[0].swap(0, 1)), misfit);
        check(|t| rows(t, |rows| rows[0][1] = rows[0][0]), misfit);
        // Bytes that do not decode: a pair cut short, or bytes after the last document.
        let cut =
            |t: &mut FacetTables| t.mentions = t.mentions[..t.mentions.len() - 1].to_vec().into();
        check(cut, misfit);
        check(
            |t| t.mentions = [&t.mentions[..], &[0]].concat().into(),
            misfit,
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
