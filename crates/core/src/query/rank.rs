//! Ranking: BM25F over the title and body fields, match classes (exact,
//! prefix, typo) that rank above any score, and the final sort.
//!
//! BM25F: a term's occurrences in each field are length-normalised per field,
//! weighted (title [`TITLE_WEIGHT`] times the body) and summed into one
//! pseudo-frequency before the usual BM25 saturation; so a title match beats a
//! body match of equal rarity, yet a term repeated in both still saturates.

use super::SortOrder;
use crate::documents::Documents;
use crate::index::SearchIndex;
use crate::model::DocId;

/// BM25 term-frequency saturation: 0 counts any occurrence once, larger values
/// let repetition count longer (1.2 is the usual choice).
const K1: f32 = 1.2;
/// BM25 length normalisation: 0 ignores document length, 1 divides fully by it.
const B: f32 = 0.75;
/// How many body occurrences one title occurrence is worth (1 = same as body).
pub(crate) const TITLE_WEIGHT: f32 = 3.0;

/// How a query word met a document's term; lower is better and is summed
/// over a query's words into a document's tier, ranked before any score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum MatchClass {
    /// The word's own stem (or a phrase).
    Exact = 0,
    /// A longer term starting with the word being typed.
    Prefix = 1,
    /// One edit away.
    OneTypo = 2,
    /// Two edits away.
    TwoTypos = 3,
}

impl MatchClass {
    /// The class of a typo match `distance` edits away.
    pub(crate) fn typo(distance: u8) -> MatchClass {
        if distance <= 1 {
            MatchClass::OneTypo
        } else {
            MatchClass::TwoTypos
        }
    }
}

/// Inverse document frequency of a term found in `df` of `n` documents (never negative).
pub(crate) fn idf(n: usize, df: usize) -> f32 {
    let (n, df) = (n as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// BM25F score of a term (or phrase) with inverse document frequency `idf`
/// occurring `title_tf` times in the title and `body_tf` times in the body of `doc`.
pub(crate) fn bm25f(index: &SearchIndex, doc: DocId, title_tf: u32, body_tf: u32, idf: f32) -> f32 {
    let (avg_title, avg_body) = index.avg_lens();
    let norm = |len: u32, avg: f32| 1.0 - B + B * len as f32 / avg;
    let tf = TITLE_WEIGHT * title_tf as f32 / norm(index.title_len(doc), avg_title)
        + body_tf as f32 / norm(index.body_len(doc), avg_body);
    idf * tf * (K1 + 1.0) / (tf + K1)
}

/// A matching document before ranking.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Scored {
    /// The document.
    pub doc: DocId,
    /// Sum of the match classes of its query words (0: all exact).
    pub tier: u32,
    /// Sum of BM25F scores of its query words.
    pub bm25: f32,
}

/// A hit's place in the relevance order as one `u128`: (tier, BM25's bits inverted, document).
/// BM25 is never negative, and the bits of floats that are not order as their values, so
/// comparing keys compares hits as the rule says, with no comparator to call. At 100,000
/// articles a comparator sort of a broad query's hits was the largest part of a keystroke in
/// the page. The document is the low 32 bits.
fn key(hit: &Scored) -> u128 {
    // Zero for a score that is not positive (never, but NaN must have a place).
    let bm25 = if hit.bm25 > 0.0 {
        hit.bm25.to_bits()
    } else {
        0
    };
    (u128::from(hit.tier) << 64) | (u128::from(!bm25) << 32) | u128::from(hit.doc)
}

/// Sorts scored documents in place by `order`: relevance is (tier, BM25 descending,
/// document order), sorted as [`key`]s; newest is (date descending, undated last, then
/// relevance), sorted by date alone with the shared stable sort, which keeps relevance's
/// order within a day.
pub(crate) fn sort(hits: &mut [Scored], docs: &Documents, order: SortOrder) {
    let mut keys: Vec<u128> = hits.iter().map(key).collect();
    keys.sort_unstable();
    for (hit, key) in hits.iter_mut().zip(keys) {
        *hit = Scored {
            doc: key as u32,
            tier: (key >> 64) as u32,
            bm25: f32::from_bits(!((key >> 32) as u32)),
        };
    }
    if order == SortOrder::Newest {
        crate::sort::sort_by_key(hits, |hit| {
            std::cmp::Reverse(docs.date(hit.doc as usize).map(|date| date.first_day()))
        });
    }
}

/// Every document a query matches, in no order yet, each with its place in the relevance
/// order: what a keystroke needs before knowing how many rows it shows
/// ([`SearchIndex::matches`](crate::SearchIndex::matches)). The facet counts and the timeline
/// read the documents in any order; the result list asks for the first rows in order
/// ([`Ranking::ranked`]), which at 100,000 articles spares sorting the tens of thousands of
/// hits of a query's first letters (tantivy's top-documents collector does the same).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ranking {
    /// One key per document: its relevance [`key`], or for a query that lists every document
    /// (nothing positive to rank by) its place in the newest-first listing, over the document.
    keys: Vec<u128>,
}

impl Ranking {
    /// The ranking of `hits`; `listing` if they are already in order (a listing, newest first).
    pub(crate) fn new(hits: &[Scored], listing: bool) -> Ranking {
        let keys = if listing {
            let place = |i: usize, hit: &Scored| ((i as u128) << 32) | u128::from(hit.doc);
            hits.iter()
                .enumerate()
                .map(|(i, hit)| place(i, hit))
                .collect()
        } else {
            hits.iter().map(key).collect()
        };
        Ranking { keys }
    }

    /// How many documents matched.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether none did.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The documents that matched, in no particular order.
    pub fn docs(&self) -> impl Iterator<Item = DocId> + '_ {
        self.keys.iter().map(|&key| key as DocId)
    }

    /// The matched documents that `keep` lets through: the first `first` of them in the
    /// relevance order, the rest after them in no particular order.
    pub fn ranked(&self, keep: impl Fn(DocId) -> bool, first: usize) -> Vec<DocId> {
        let mut keys: Vec<u128> = self
            .keys
            .iter()
            .copied()
            .filter(|&key| keep(key as DocId))
            .collect();
        // Where the sharded layout can be read, the first rows are picked out in linear time
        // and only they are sorted; one bundle sorts them all, since its corpus is small and
        // the default site's bytes are kept for its features.
        #[cfg(feature = "shards")]
        let keys_to_sort = if first < keys.len() {
            let (before, _, _) = keys.select_nth_unstable(first);
            before
        } else {
            &mut keys[..]
        };
        #[cfg(not(feature = "shards"))]
        let keys_to_sort = {
            let _ = first;
            &mut keys[..]
        };
        keys_to_sort.sort_unstable();
        keys.into_iter().map(|key| key as DocId).collect()
    }
}

/// The displayed score: a higher integer part for a better tier, plus BM25
/// relative to the best BM25 among the hits (in `0..=1`).
pub(crate) fn display_score(hit: &Scored, worst_tier: u32, best_bm25: f32) -> f32 {
    let fraction = if best_bm25 > 0.0 {
        hit.bm25 / best_bm25
    } else {
        0.0
    };
    (worst_tier - hit.tier) as f32 + fraction.min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartialDate;

    /// Sorts `(doc, tier, bm25)` triples of dated/undated documents and compares the doc order.
    fn check(
        order: SortOrder,
        dates: &[Option<PartialDate>],
        hits: &[(u32, u32, f32)],
        expect: &[u32],
    ) {
        let docs: Vec<crate::model::Document> = dates
            .iter()
            .map(|&date| crate::model::Document {
                date,
                ..Default::default()
            })
            .collect();
        let mut scored: Vec<Scored> = hits
            .iter()
            .map(|&(doc, tier, bm25)| Scored { doc, tier, bm25 })
            .collect();
        sort(&mut scored, &docs.into(), order);
        let got: Vec<u32> = scored.iter().map(|s| s.doc).collect();
        assert_eq!(got, expect, "{order:?}");
    }

    #[test]
    fn relevance_ranks_tier_before_score() {
        let dates = [None, None, None, None];
        check(
            SortOrder::Relevance,
            &dates,
            &[(0, 2, 9.0), (1, 0, 1.0), (2, 0, 3.0), (3, 1, 5.0)],
            &[2, 1, 3, 0],
        );
    }

    #[test]
    fn newest_puts_undated_last() {
        let dates = [
            None,
            Some(PartialDate::ymd(2016, 9, 14)),
            Some(PartialDate::ym(2017, 1)),
            Some(PartialDate::ymd(2016, 9, 14)),
        ];
        let hits = [(0, 0, 9.0), (1, 0, 1.0), (2, 1, 1.0), (3, 0, 2.0)];
        check(SortOrder::Newest, &dates, &hits, &[2, 3, 1, 0]);
    }

    #[test]
    fn keys_order_hits_as_the_rule_does() {
        // Hits with ties in tier, in score and in date, against the rule compared directly.
        let mut state = 7u32;
        let mut next = |below: u32| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (state >> 16) % below
        };
        let dates: Vec<Option<PartialDate>> = (0..300)
            .map(|_| match next(4) {
                0 => None,
                _ => Some(PartialDate::ymd(
                    2015 + next(3) as i32,
                    1 + next(2) as u8,
                    1,
                )),
            })
            .collect();
        let hits: Vec<(u32, u32, f32)> = (0..300)
            .map(|doc| (doc, next(3), [0.0, 0.5, 1.25, 7.0, 1e-3][next(5) as usize]))
            .collect();
        let by_rule = |a: &(u32, u32, f32), b: &(u32, u32, f32)| {
            a.1.cmp(&b.1)
                .then(b.2.partial_cmp(&a.2).unwrap())
                .then(a.0.cmp(&b.0))
        };
        let mut relevance = hits.clone();
        relevance.sort_by(by_rule);
        let relevance: Vec<u32> = relevance.iter().map(|hit| hit.0).collect();
        check(SortOrder::Relevance, &dates, &hits, &relevance);
        let day = |doc: u32| dates[doc as usize].map(|date| date.first_day());
        let mut newest = hits.clone();
        newest.sort_by(|a, b| match (day(a.0), day(b.0)) {
            (Some(x), Some(y)) => y.cmp(&x).then_with(|| by_rule(a, b)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => by_rule(a, b),
        });
        let newest: Vec<u32> = newest.iter().map(|hit| hit.0).collect();
        check(SortOrder::Newest, &dates, &hits, &newest);
        // The scores come back as they went in.
        let mut scored: Vec<Scored> = hits
            .iter()
            .map(|&(doc, tier, bm25)| Scored { doc, tier, bm25 })
            .collect();
        let no_dates: Vec<crate::model::Document> = vec![Default::default(); 300];
        sort(&mut scored, &no_dates.into(), SortOrder::Relevance);
        for hit in scored {
            assert_eq!(
                (hit.tier, hit.bm25),
                (hits[hit.doc as usize].1, hits[hit.doc as usize].2)
            );
        }
    }

    #[test]
    fn idf_falls_with_document_frequency() {
        assert!(idf(100, 1) > idf(100, 10));
        assert!(idf(100, 10) > idf(100, 100));
        assert!(idf(100, 100) > 0.0);
    }
}
