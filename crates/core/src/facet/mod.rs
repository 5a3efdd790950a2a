//! Filters, disjunctive facet counts and entity statistics: the facet panel, the
//! timeline brush and the entity pages of the app all ask this module.
//!
//! The main types:
//! - [`Filters`]: what the user selected (people, organisations, places, sources,
//!   years, a date range); plain values, no corpus needed (their URL form is the
//!   app's, in `src/url.rs`).
//! - [`FacetIndex`]: assembled once at start-up from a [`Corpus`](crate::Corpus) and
//!   the [`FacetTables`] its bundle stores ([`FacetIndex::assemble`]; natively,
//!   [`FacetIndex::build`] computes both); answers whether a document passes the filters
//!   ([`FacetIndex::allowed`], the predicate handed to the search engine), counts
//!   facet values over a query's hits ([`FacetIndex::counts`]), finds values in a
//!   long facet ([`FacetIndex::search_values`]), filters visits for the timeline
//!   ([`FacetIndex::visit_filter`]) and gives entity statistics
//!   ([`FacetIndex::co_mentioned`], [`entity_documents`]).
//!
//! Semantics, in one place:
//! - OR within a facet, AND across facets: a document passes when, for every facet
//!   with a selection, it has at least one of the selected values; and, when a date
//!   range is set, its date (at any precision) overlaps the range.
//! - Counts are disjunctive: the count of a value in facet F is the number of hit
//!   documents that pass every filter *except F's own* and have that value, so a
//!   count says how many results there would be with that value added to (or
//!   alone in) the selection of F.
//! - A selected value that the corpus does not have at all (an entity id not in
//!   `Corpus::entities`, a source or year no document has) is kept in the
//!   [`Filters`] and in the URL, but ignored when matching, so a link made against
//!   another version of a corpus degrades to a broader result instead of nothing;
//!   [`FacetIndex::unknown_values`] lists such values for a notice.
//!
//! The flow of one search, from the URL to the panel:
//!
//! ```
//! use communique_core::facet::{Facet, FacetIndex, Filters};
//! use communique_core::{Body, Corpus, Document, Entity, EntityKind, PartialDate, SourceRef, Span};
//!
//! let article = |year: i32, text: &str| Document {
//!     date: Some(PartialDate::y(year)),
//!     body: Body {
//!         text: text.into(),
//!         sentences: vec![Span::new(0, text.len())],
//!         ..Body::default()
//!     }
//!     .into(),
//!     ..Document::default()
//! };
//! let person = |name: &str, mentions: &[(u32, usize)]| Entity {
//!     id: format!("person/{}", name.to_lowercase()).into(),
//!     name: name.to_string().into(),
//!     kind: EntityKind::Person,
//!     aliases: Vec::new(),
//!     roles: Vec::new(),
//!     country: None,
//!     lat: None,
//!     lon: None,
//!     mentions: mentions
//!         .iter()
//!         .map(|&(doc, at)| SourceRef { doc, span: Span::new(at, at + name.len()) })
//!         .collect(),
//! };
//! let corpus = Corpus {
//!     documents: vec![article(2016, "Zarif met Lavrov."), article(2017, "Zarif spoke.")].into(),
//!     entities: vec![person("Zarif", &[(0, 0), (1, 0)]), person("Lavrov", &[(0, 10)])].into(),
//!     ..Corpus::default()
//! };
//! let facets = FacetIndex::build(&corpus); // once, at load
//!
//! // What `?q=zarif&person=lavrov&year=2016` selects (the app reads the URL).
//! let mut filters = Filters::default();
//! filters.insert(Facet::People, "person/lavrov");
//! filters.insert(Facet::Years, "2016");
//! // The query's hits before filtering: here both articles mention Zarif.
//! let hits = [0, 1];
//! // The result list: the hits that pass the filters (the search engine's `allowed`).
//! let allowed = facets.allowed(&filters);
//! assert_eq!(hits.iter().copied().filter(|&doc| allowed(doc)).collect::<Vec<_>>(), [0]);
//! // The panel: people are counted under the other filters (year 2016) only, so
//! // Zarif shows what adding him to the selection would give.
//! let counts = facets.counts(hits, &filters);
//! let people = &counts.get(Facet::People).values;
//! assert_eq!((&*people[0].label, people[0].count, people[0].selected), ("Lavrov", 1, true));
//! assert_eq!((&*people[1].label, people[1].count, people[1].selected), ("Zarif", 1, false));
//! // Years are counted under `person=lavrov`: 2017 has no Lavrov.
//! let years = &counts.get(Facet::Years).values;
//! assert_eq!(years.iter().map(|v| (&*v.key, v.count)).collect::<Vec<_>>(), [("2016", 1)]);
//! ```
//!
//! Invariant: pure functions over the corpus; no IO, no browser types. Nothing
//! here panics on inconsistent input (a mention pointing past the documents, a
//! hit id out of range): such items are skipped.

mod counts;
mod filters;
mod fold;
mod index;
mod set;
mod stats;
mod tables;
#[cfg(test)]
pub(crate) mod test_corpus;
mod visits;

pub use counts::{FacetCounts, FacetValue, FacetValues};
pub use filters::{DateRange, Filters, UNDATED_KEY};
pub(crate) use index::NO_SENTENCE;
pub use index::{Chip, FacetChoice, FacetIndex};
pub use set::SortedSet;
pub use stats::{entity_documents, CoMention, EntityDocument, EntityDocuments, MentionSentence};
pub use tables::FacetTables;

use crate::model::EntityKind;

/// One column of the facet panel; also the URL parameter that carries its values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    /// People (entity ids of kind [`EntityKind::Person`]).
    People,
    /// Organisations (entity ids of kind [`EntityKind::Organization`]).
    Organizations,
    /// Places (entity ids of kind [`EntityKind::Place`]).
    Places,
    /// The outlet or agency of a document ([`Document::source`](crate::Document::source)).
    Sources,
    /// The publication year of a document, or [`UNDATED_KEY`] for undated ones.
    Years,
}

impl Facet {
    /// Every facet, in the order the panel shows them.
    pub const ALL: [Facet; 5] = [
        Facet::People,
        Facet::Organizations,
        Facet::Places,
        Facet::Sources,
        Facet::Years,
    ];

    /// The URL query parameter of this facet: `person`, `org`, `place`, `source`, `year`.
    pub fn param(self) -> &'static str {
        match self {
            Facet::People => "person",
            Facet::Organizations => "org",
            Facet::Places => "place",
            Facet::Sources => "source",
            Facet::Years => "year",
        }
    }

    /// The facet whose URL parameter is `param`, if any.
    pub fn from_param(param: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|facet| facet.param() == param)
    }

    /// The heading shown above the facet's values.
    pub fn label(self) -> &'static str {
        match self {
            Facet::People => "People",
            Facet::Organizations => "Organisations",
            Facet::Places => "Places",
            Facet::Sources => "Sources",
            Facet::Years => "Years",
        }
    }

    /// The facet that holds entities of `kind`.
    pub fn of_kind(kind: EntityKind) -> Facet {
        match kind {
            EntityKind::Person => Facet::People,
            EntityKind::Organization => Facet::Organizations,
            EntityKind::Place => Facet::Places,
        }
    }

    /// The kind of entity this facet holds; `None` for sources and years.
    pub fn entity_kind(self) -> Option<EntityKind> {
        match self {
            Facet::People => Some(EntityKind::Person),
            Facet::Organizations => Some(EntityKind::Organization),
            Facet::Places => Some(EntityKind::Place),
            Facet::Sources | Facet::Years => None,
        }
    }

    /// Position in [`Facet::ALL`], for per-facet arrays and bit masks.
    fn slot(self) -> usize {
        self as usize
    }

    /// A one-bit mask for this facet.
    fn bit(self) -> u8 {
        1 << self.slot()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(param: &str, expect: Option<(Facet, Option<EntityKind>)>) {
        let got = Facet::from_param(param).map(|facet| (facet, facet.entity_kind()));
        assert_eq!(got, expect, "{param}");
        if let Some((facet, kind)) = got {
            assert_eq!(facet.param(), param);
            assert_eq!(Facet::ALL[facet.slot()], facet);
            if let Some(kind) = kind {
                assert_eq!(Facet::of_kind(kind), facet);
            }
        }
    }

    #[test]
    fn facets_round_trip_through_their_parameter() {
        check("person", Some((Facet::People, Some(EntityKind::Person))));
        check(
            "org",
            Some((Facet::Organizations, Some(EntityKind::Organization))),
        );
        check("place", Some((Facet::Places, Some(EntityKind::Place))));
        check("source", Some((Facet::Sources, None)));
        check("year", Some((Facet::Years, None)));
        check("q", None);
        check("Person", None);
    }
}
