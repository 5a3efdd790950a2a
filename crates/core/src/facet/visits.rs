//! Which visits the timeline shows under the current query and filters.
//!
//! Rule: a visit shows when at least one of its evidence documents is a hit of the
//! query and passes the facet filters (people, organisations, places, sources,
//! years), and, when a date range is set, the visit's own dates (start to end, at
//! their precision) overlap the range. The range applies to when the visit took
//! place, not to when its articles were published: a trip in September reported in
//! October is inside a September brush. Undated visits are not dropped by a date
//! range: they have no place on the time axis and stay in the timeline's list of
//! undated visits, still subject to the query and the facets.

use super::index::FacetIndex;
use super::Filters;
use crate::model::{DocId, Visit};

impl FacetIndex {
    /// A predicate telling whether a visit shows (see the module rule), resolved
    /// once. `is_hit` says whether a document matches the text query (pass
    /// `|_| true` for an empty query): not [`FacetIndex::allowed`], which would
    /// also hold the articles' publication dates to the range.
    pub fn visit_filter<'a>(
        &'a self,
        filters: &Filters,
        is_hit: impl Fn(DocId) -> bool + 'a,
    ) -> impl Fn(&Visit) -> bool + 'a {
        let selection = self.resolve(filters);
        move |visit: &Visit| {
            let in_range = match (visit.date, visit.date_end) {
                _ if !selection.range.is_set() => true,
                (None, _) => true,
                (Some(start), end) => {
                    let end = end.unwrap_or(start);
                    let first = start.first_day().min(end.first_day());
                    let last = start.last_day().max(end.last_day());
                    selection.range.overlaps_days(first, last)
                }
            };
            in_range
                && visit.evidence.iter().any(|evidence| {
                    let doc = evidence.source.doc;
                    (doc as usize) < self.doc_count()
                        && is_hit(doc)
                        && self.failed_facets(doc, &selection) == 0
                })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_corpus::{filters, sample_corpus};
    use super::*;

    /// Which visits show for the documents hit by the query (letters, "*" for all)
    /// under the filters of a URL query.
    fn check(hits: &str, url_query: &str, expect: &str) {
        let corpus = sample_corpus();
        let index = FacetIndex::build(&corpus);
        let filters = filters(url_query);
        let is_hit = |doc: DocId| {
            let id = corpus.documents[doc as usize].id.as_ref();
            hits == "*" || hits.split(' ').any(|hit| hit == id)
        };
        let shows = index.visit_filter(&filters, is_hit);
        let shown: Vec<&str> = corpus
            .visits
            .iter()
            .filter(|visit| shows(visit))
            .map(|visit| visit.id.as_ref())
            .collect();
        assert_eq!(shown.join(" "), expect, "hits {hits:?}, {url_query}");
    }

    #[test]
    fn visits_follow_their_evidence_documents() {
        check(
            "*",
            "",
            "zarif-moscow ansari-moscow lavrov-geneva rahmani-undated borisov-tehran",
        );
        check("b d", "", "zarif-moscow lavrov-geneva");
        check("*", "person=zarif", "zarif-moscow lavrov-geneva");
        check(
            "*",
            "place=moscow&source=Tehran Times",
            "zarif-moscow ansari-moscow borisov-tehran",
        );
        // Any one evidence document suffices: rahmani-undated has e (undated) and c (2016).
        check("*", "year=2016&person=rahmani", "rahmani-undated");
        check("c", "", "rahmani-undated");
        check("a b", "person=lavrov", "zarif-moscow");
        check(
            "a b",
            "person=nobody",
            "zarif-moscow ansari-moscow borisov-tehran",
        );
    }

    #[test]
    fn date_range_applies_to_the_visit_dates() {
        // ansari-moscow is 2016-09-12..14, zarif-moscow 2016-09, lavrov-geneva
        // 2017-01-05, borisov-tehran 2016-08; rahmani-undated has no date.
        check(
            "*",
            "from=2016-09-13&to=2016-09-13",
            "zarif-moscow ansari-moscow rahmani-undated",
        );
        check(
            "*",
            "from=2016-09-15&to=2016-09-30",
            "zarif-moscow rahmani-undated",
        );
        check(
            "*",
            "from=2016-09-01&to=2016-09-11",
            "zarif-moscow rahmani-undated",
        );
        check("*", "from=2016-10", "lavrov-geneva rahmani-undated");
        // borisov-tehran shows although its article (a, 2016-09-14) is outside the range.
        check("*", "to=2016-08", "rahmani-undated borisov-tehran");
        check("*", "to=2016-08&person=zarif", "");
        check("d e", "from=2016", "lavrov-geneva rahmani-undated");
        check("d", "from=2016&person=rahmani", "");
    }
}
