//! Disjunctive facet counts over a query's hits: what the facet panel shows next
//! to each value.
//!
//! The count of a value in facet F is the number of hit documents that pass every
//! filter except F's own selection (and the date range, which is no facet and
//! always applies) and have the value. With nothing selected in F that is "how many
//! results have this value"; with something selected it is "how many results
//! this value would add", since values within a facet are ORed. One pass over the
//! hits: a document that fails no facet counts for all its values, one that fails
//! exactly one facet counts only for that facet's values, any other for none.

use super::fold::fold_name;
use super::index::{FacetIndex, Selection};
use super::{Facet, Filters};
use crate::model::{DocId, Text};
use crate::Corpus;

/// The facet panel's numbers for one query and one set of filters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCounts {
    /// How many hits pass every filter: the length of the filtered result list.
    pub matching: u32,
    /// One entry per facet, in [`Facet::ALL`] order.
    pub facets: Vec<FacetValues>,
}

impl FacetCounts {
    /// The values of one facet.
    pub fn get(&self, facet: Facet) -> &FacetValues {
        &self.facets[facet.slot()]
    }
}

/// The counted values of one facet, most frequent first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValues {
    /// Which facet.
    pub facet: Facet,
    /// Values with a non-zero count, plus every selected value the corpus has
    /// (even at zero, so it can be deselected); by count descending, then name.
    pub values: Vec<FacetValue>,
}

impl FacetValues {
    /// The values whose name (or an entity's alias) contains `needle`, ignoring
    /// case and diacritics, in list order: the "find a value" box of a long facet. `index` is
    /// the facet index of `corpus`.
    pub fn find<'a>(
        &'a self,
        index: &FacetIndex,
        corpus: &Corpus,
        needle: &str,
    ) -> Vec<&'a FacetValue> {
        let needle = fold_name(needle);
        self.values
            .iter()
            .filter(|value| index.key_contains(corpus, self.facet, &value.key, &needle))
            .collect()
    }
}

/// One value of a facet with its count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    /// The key to toggle in [`Filters`] (entity id, source, year or `undated`): an entity's
    /// borrowed from the bundle in the program, as the index holds it (counting copies no
    /// entity's strings).
    pub key: Text,
    /// The text to show, likewise.
    pub label: Text,
    /// Hits that would pass with this value selected in its facet (see the module docs).
    pub count: u32,
    /// Whether the value is selected (a checked box).
    pub selected: bool,
}

impl FacetIndex {
    /// Counts facet values over `hits`, the documents matching the text query
    /// *before* filtering (every document for an empty query), under `filters`.
    ///
    /// Use with the search engine: the result list is the search with
    /// `allowed: Some(&facets.allowed(&filters))` (so its snippets go to the
    /// results shown); the hits to count are those of the same query without
    /// `allowed` (when [`Filters::is_empty`], the same list). Their number
    /// after filtering is [`FacetCounts::matching`]. Ids out of range and
    /// repeated ids are skipped; selected values the corpus lacks are left out
    /// (see [`FacetIndex::unknown_values`]).
    pub fn counts(&self, hits: impl IntoIterator<Item = DocId>, filters: &Filters) -> FacetCounts {
        let selection = self.resolve(filters);
        #[cfg(feature = "shards")]
        let hits = {
            let mut hit = vec![false; self.doc_count()];
            let mut distinct = 0;
            for doc in hits {
                if let Some(hit) = hit.get_mut(doc as usize) {
                    distinct += usize::from(!*hit);
                    *hit = true;
                }
            }
            if filters.is_empty() && 2 * distinct > hit.len() {
                return self.counts_of_most(&hit, distinct as u32);
            }
            (0..hit.len() as DocId).filter(move |&doc| hit[doc as usize])
        };
        let mut counts = vec![0u32; self.values.len()];
        let mut seen = vec![false; self.doc_count()];
        let mut matching = 0;
        for doc in hits {
            match seen.get_mut(doc as usize) {
                Some(seen) if !*seen => *seen = true,
                _ => continue,
            }
            if !self.in_range(doc, &selection) {
                continue;
            }
            let failed = self.failed_facets(doc, &selection);
            if failed == 0 {
                matching += 1;
            } else if !failed.is_power_of_two() {
                continue;
            }
            for &value in self.doc_values.get(doc as usize) {
                if failed == 0 || self.values[value as usize].facet.bit() == failed {
                    counts[value as usize] += 1;
                }
            }
        }
        self.ranked(&counts, &selection, matching)
    }

    /// [`FacetIndex::counts`] under no filter of the documents `hit` marks, `matching` of them,
    /// more than half the corpus: each value's number of documents less its number among the
    /// documents not hit, which are fewer to read. Typing a query's first letters into a large
    /// corpus hits most of it: at 100,000 articles, counting the hits' values took 10–14 ms of
    /// a keystroke at the 95th percentile, natively. Only where the sharded layout can be read,
    /// for the large corpora it is for (the default site's bytes are kept for its features).
    #[cfg(feature = "shards")]
    fn counts_of_most(&self, hit: &[bool], matching: u32) -> FacetCounts {
        let mut counts: Vec<u32> = self.values.iter().map(|value| value.documents).collect();
        for doc in (0..hit.len()).filter(|&doc| !hit[doc]) {
            for &value in self.doc_values.get(doc) {
                let count = &mut counts[value as usize];
                *count = count.saturating_sub(1);
            }
        }
        self.ranked(&counts, &Selection::default(), matching)
    }

    /// [`FacetIndex::counts`] over every document under no filter, what the overview
    /// shows first, without reading any document: each value's count is then its number
    /// of documents, known since load. At 9,700 articles the count took 26 ms of the
    /// page's first load (unoptimised WebAssembly).
    pub fn totals(&self) -> FacetCounts {
        let counts: Vec<u32> = self.values.iter().map(|value| value.documents).collect();
        self.ranked(&counts, &Selection::default(), self.doc_count() as u32)
    }

    /// Each facet's values that have a count or are selected, by count then name: the values
    /// taken in name order (`by_rank`), then put in count order by [`by_count`], which keeps
    /// that order among equal counts (a broad query at 100,000 articles ranks some 20,000
    /// values on every keystroke).
    fn ranked(&self, counts: &[u32], selection: &Selection, matching: u32) -> FacetCounts {
        let mut facets: Vec<FacetValues> = Facet::ALL
            .into_iter()
            .map(|facet| FacetValues {
                facet,
                values: Vec::new(),
            })
            .collect();
        let mut ids: [Vec<u32>; 5] = Default::default();
        for &id in &self.by_rank {
            let facet = self.values[id as usize].facet;
            if counts[id as usize] > 0 || selection.contains(facet, id) {
                ids[facet.slot()].push(id);
            }
        }
        for (facet_ids, out) in ids.iter().zip(&mut facets) {
            out.values = by_count(facet_ids, counts)
                .into_iter()
                .map(|id| {
                    let info = &self.values[id as usize];
                    FacetValue {
                        key: info.key.clone(),
                        label: info.label.clone(),
                        count: counts[id as usize],
                        selected: selection.contains(info.facet, id),
                    }
                })
                .collect();
        }
        FacetCounts { matching, facets }
    }
}

/// `ids` by `counts[id]`, largest first, keeping their order among equal counts: a counting
/// sort, linear in the ids and the largest count. A comparison sort (`crate::sort`) of a
/// broad query's values was most of a keystroke's work in the core (facet counts took 2.8 ms
/// of 3.1 at the 95th percentile on the bench corpus, natively; 1.0 ms since); this costs 160
/// bytes of the default site, gzipped.
fn by_count(ids: &[u32], counts: &[u32]) -> Vec<u32> {
    let largest = ids.iter().map(|&id| counts[id as usize]).max().unwrap_or(0);
    // Counted from the largest down: ends[largest - c] is where the ids counted c end.
    let mut ends = vec![0u32; largest as usize + 1];
    for &id in ids {
        ends[(largest - counts[id as usize]) as usize] += 1;
    }
    let mut sum = 0;
    for end in &mut ends {
        sum += *end;
        *end = sum;
    }
    // Filled from the back, so that equal counts keep their order.
    let mut out = vec![0u32; ids.len()];
    for &id in ids.iter().rev() {
        let end = &mut ends[(largest - counts[id as usize]) as usize];
        *end -= 1;
        out[*end as usize] = id;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_corpus::{filters, sample_corpus};
    use super::*;

    #[test]
    fn orders_by_count_keeping_the_given_order_among_equals() {
        // Against a stable sort by descending count.
        let counts: Vec<u32> = (0..200u32).map(|id| (id * 37 + 11) % 9).collect();
        for take in [0, 1, 2, 7, 200] {
            let ids: Vec<u32> = (0..take).map(|i| (i * 71) % 200).collect();
            let mut expected = ids.clone();
            expected.sort_by_key(|&id| std::cmp::Reverse(counts[id as usize]));
            assert_eq!(by_count(&ids, &counts), expected, "{take} ids");
        }
    }

    /// Counts over the hits (document ids as letters, "*" for all) under the filters
    /// of a URL query; `expect` lists `facet: label count, …` per non-empty facet,
    /// a selected value marked `[x]`, then `= matching`.
    fn check(hits: &str, url_query: &str, expect: &str) {
        let corpus = sample_corpus();
        let index = FacetIndex::build(&corpus);
        let hits: Vec<DocId> = corpus
            .documents
            .iter()
            .enumerate()
            .filter(|(_, doc)| hits == "*" || hits.split(' ').any(|id| id == doc.id))
            .map(|(doc, _)| doc as DocId)
            .collect();
        let filters = filters(url_query);
        let counts = index.counts(hits.iter().copied(), &filters);
        let mut lines: Vec<String> = counts
            .facets
            .iter()
            .filter(|facet| !facet.values.is_empty())
            .map(|facet| {
                let values: Vec<String> = facet
                    .values
                    .iter()
                    .map(|value| {
                        let mark = if value.selected { "[x]" } else { "" };
                        format!("{}{mark} {}", value.label, value.count)
                    })
                    .collect();
                format!("{}: {}", facet.facet.param(), values.join(", "))
            })
            .collect();
        lines.push(format!("= {}", counts.matching));
        assert_eq!(
            lines.join("\n"),
            expect.trim(),
            "hits {hits:?}, {url_query}"
        );
        let allowed = index.allowed(&filters);
        let passing = hits.iter().filter(|&&doc| allowed(doc)).count();
        assert_eq!(counts.matching as usize, passing, "{url_query}");
        if hits.len() == corpus.documents.len() && filters.is_empty() {
            assert_eq!(
                index.totals(),
                counts,
                "totals are the counts of every document"
            );
        }
    }

    #[test]
    fn counts_of_any_hits_are_the_hits_values_counted_one_by_one() {
        // Every set of the five documents, and more than half of them in particular, which
        // the sharded build counts as all documents less the others.
        let corpus = sample_corpus();
        let index = FacetIndex::build(&corpus);
        let docs = corpus.documents.len();
        for set in 0u32..1 << docs {
            let hits: Vec<DocId> = (0..docs as DocId).filter(|d| set & (1 << d) != 0).collect();
            let mut expect = vec![0u32; index.values.len()];
            for &doc in &hits {
                for &value in index.doc_values.get(doc as usize) {
                    expect[value as usize] += 1;
                }
            }
            let counts = index.counts(hits.iter().copied(), &Filters::default());
            assert_eq!(counts.matching as usize, hits.len(), "{hits:?}");
            let mut got = vec![0u32; index.values.len()];
            for value in counts.facets.iter().flat_map(|facet| &facet.values) {
                let id = (0..index.values.len())
                    .find(|&id| index.values[id].key == value.key)
                    .unwrap();
                got[id] = value.count;
            }
            assert_eq!(got, expect, "{hits:?}");
        }
    }

    #[test]
    fn counts_without_filters_are_plain_frequencies() {
        check(
            "*",
            "",
            "
person: Lavrov 3, Rahmani 2, Zarif 2, Borisov 1, Jalali Nasab 1, Petrenko 1
org: United Nations 2
place: Iran 2, Moscow 2, Geneva 1, Russia 1, Tehran 1
source: IRNA 2, Tehran Times 2
year: 2016 3, 2017 1, Undated 1
= 5",
        );
        check(
            "b d",
            "",
            "
person: Lavrov 2, Zarif 2
org: United Nations 1
place: Geneva 1, Moscow 1
source: Tehran Times 1
year: 2016 1, 2017 1
= 2",
        );
    }

    #[test]
    fn selecting_a_value_keeps_its_siblings_counts() {
        // Zarif is in b and d; the people counts still show what each other person
        // would add (OR), the other facets narrow to b and d (AND).
        check(
            "*",
            "person=zarif",
            "
person: Lavrov 3, Rahmani 2, Zarif[x] 2, Borisov 1, Jalali Nasab 1, Petrenko 1
org: United Nations 1
place: Geneva 1, Moscow 1
source: Tehran Times 1
year: 2016 1, 2017 1
= 2",
        );
        // Two facets: each facet's counts apply the other's filter only.
        check(
            "*",
            "person=zarif&place=moscow",
            "
person: Borisov 1, Jalali Nasab 1, Lavrov 1, Petrenko 1, Zarif[x] 1
place: Geneva 1, Moscow[x] 1
source: Tehran Times 1
year: 2016 1
= 1",
        );
        check(
            "*",
            "source=IRNA&year=2016",
            "
person: Lavrov 1, Rahmani 1
place: Iran 1, Tehran 1
source: Tehran Times 2, IRNA[x] 1
year: 2016[x] 1, Undated 1
= 1",
        );
    }

    #[test]
    fn selected_values_stay_listed_at_zero() {
        check(
            "a",
            "person=zarif&year=undated",
            "
person: Zarif[x] 0
year: Undated[x] 0
= 0",
        );
        // Unknown values are not listed: matching ignores them.
        check(
            "c",
            "person=nobody",
            "
person: Lavrov 1, Rahmani 1
place: Iran 1, Tehran 1
source: IRNA 1
year: 2016 1
= 1",
        );
    }

    #[test]
    fn date_range_applies_to_every_facet() {
        check(
            "*",
            "from=2016-10&person=lavrov",
            "
person: Lavrov[x] 2, Rahmani 1, Zarif 1
org: United Nations 1
place: Geneva 1, Iran 1, Tehran 1
source: IRNA 1
year: 2016 1, 2017 1
= 2",
        );
    }

    /// Compares `counts` with its definition, computed the slow way through
    /// `matches`: for each facet F and each value v of F, the hits that pass the
    /// filters with F cleared and that pass a filter selecting v alone.
    fn check_against_definition(hits: &[DocId], url_query: &str) {
        let corpus = sample_corpus();
        let index = FacetIndex::build(&corpus);
        let filters = filters(url_query);
        let counts = index.counts(hits.iter().copied(), &filters);
        for facet in Facet::ALL {
            let mut others = filters.clone();
            for key in filters.keys(facet) {
                others.remove(facet, &key);
            }
            let mut expected: Vec<(String, u32)> = index
                .search_values(&corpus, facet, "")
                .into_iter()
                .map(|choice| {
                    let mut alone = Filters::default();
                    alone.insert(facet, &choice.key);
                    let count = hits
                        .iter()
                        .filter(|&&doc| index.matches(doc, &others) && index.matches(doc, &alone))
                        .count();
                    (choice.key.to_string(), count as u32)
                })
                .filter(|(key, count)| *count > 0 || filters.contains(facet, key))
                .collect();
            expected.sort();
            let mut got: Vec<(String, u32)> = counts
                .get(facet)
                .values
                .iter()
                .map(|value| (value.key.to_string(), value.count))
                .collect();
            got.sort();
            assert_eq!(got, expected, "{facet:?} for hits {hits:?}, {url_query}");
        }
    }

    #[test]
    fn counts_agree_with_their_definition() {
        let queries = [
            "",
            "person=zarif",
            "person=zarif&person=rahmani",
            "person=lavrov&place=moscow",
            "person=lavrov&place=moscow&place=geneva&source=Tehran Times",
            "org=united-nations&year=undated",
            "year=2016&year=2017&source=IRNA",
            "from=2016-09-10&to=2016-12&person=lavrov",
            "to=2016&place=iran&person=nobody",
        ];
        let hit_sets: [&[DocId]; 4] = [&[0, 1, 2, 3, 4], &[1, 3], &[0, 2, 4], &[]];
        for url_query in queries {
            for hits in hit_sets {
                check_against_definition(hits, url_query);
            }
        }
    }

    #[test]
    fn repeated_and_foreign_hit_ids_are_skipped() {
        let corpus = sample_corpus();
        let index = FacetIndex::build(&corpus);
        let once = index.counts([0, 1], &Filters::default());
        assert_eq!(index.counts([0, 1, 0, 99, 1], &Filters::default()), once);
        assert_eq!(once.matching, 2);
    }

    #[test]
    fn find_filters_counted_values() {
        let corpus = sample_corpus();
        let index = FacetIndex::build(&corpus);
        let counts = index.counts(0..5, &Filters::default());
        let found: Vec<&str> = counts
            .get(Facet::People)
            .find(&index, &corpus, "RAHMANI")
            .iter()
            .map(|value| &*value.label)
            .collect();
        assert_eq!(found, ["Rahmani"]);
        assert_eq!(counts.get(Facet::Places).find(&index, &corpus, "").len(), 5);
        assert!(counts
            .get(Facet::Years)
            .find(&index, &corpus, "1999")
            .is_empty());
    }
}
