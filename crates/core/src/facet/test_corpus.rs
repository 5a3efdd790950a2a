//! A small hand-made corpus and helpers shared by the facet tests.
//!
//! Mentions are found by the builder (every occurrence of an entity's name or
//! aliases, longest first), so a test reads like the articles it is about.

use std::collections::BTreeMap;

use super::{DateRange, Facet, Filters};
use crate::model::{
    Body, Document, Entity, EntityKind, Evidence, PartialDate, SourceRef, Span, Visit, VisitStatus,
};
use crate::Corpus;

/// Builds a [`Corpus`] from article texts and entity names.
#[derive(Default)]
pub(crate) struct CorpusBuilder {
    /// The corpus so far (entities without mentions until `build`).
    corpus: Corpus,
    /// Its documents so far.
    documents: Vec<Document>,
}

impl CorpusBuilder {
    /// Adds a document; `date` is ISO at any precision or empty, `source` may be
    /// empty; sentences are separated by ". ".
    pub(crate) fn doc(mut self, id: &str, date: &str, source: &str, text: &str) -> Self {
        let mut sentences = Vec::new();
        let mut start = 0;
        for (at, _) in text.match_indices(". ") {
            sentences.push(Span::new(start, at + 1));
            start = at + 2;
        }
        sentences.push(Span::new(start, text.len()));
        self.documents.push(Document {
            id: id.to_owned().into(),
            title: id.to_uppercase().into(),
            date: PartialDate::parse_iso(date),
            source: (!source.is_empty()).then(|| source.to_owned().into()),
            body: Body {
                text: text.to_owned(),
                paragraphs: vec![Span::new(0, text.len())],
                sentences,
                ..Body::default()
            }
            .into(),
            ..Document::default()
        });
        self
    }

    /// Adds an entity with id `kind/slug-of-name`, mentioned wherever its name or an
    /// alias occurs.
    pub(crate) fn entity(mut self, kind: EntityKind, name: &str, aliases: &[&str]) -> Self {
        self.corpus.entities.push(Entity {
            id: format!(
                "{}/{}",
                kind.as_str(),
                name.to_lowercase().replace(' ', "-")
            )
            .into(),
            name: name.to_owned().into(),
            kind,
            aliases: aliases.iter().map(|alias| alias.to_string()).collect(),
            roles: Vec::new(),
            country: None,
            lat: None,
            lon: None,
            mentions: Vec::new().into(),
        });
        self
    }

    /// Adds a visit with the given dates (ISO or empty), evidenced by the first
    /// sentence of each named document.
    pub(crate) fn visit(mut self, id: &str, date: &str, date_end: &str, evidence: &[&str]) -> Self {
        let evidence = evidence
            .iter()
            .map(|doc_id| {
                let doc = self.doc_id(doc_id);
                Evidence {
                    source: SourceRef {
                        doc,
                        span: self.documents[doc as usize].sentences[0],
                    },
                    rule: "test".to_owned(),
                }
            })
            .collect();
        self.corpus.visits.push(Visit {
            id: id.to_owned(),
            traveler: id.to_owned(),
            traveler_entity: None,
            traveler_role: None,
            traveler_country: None,
            origin: None,
            destination: String::new(),
            destination_entity: None,
            country: None,
            hosts: Vec::new(),
            inviter: None,
            date: PartialDate::parse_iso(date),
            date_end: PartialDate::parse_iso(date_end),
            date_basis: None,
            status: VisitStatus::Happened,
            purpose: None,
            evidence,
        });
        self
    }

    /// The index of the document with this id.
    fn doc_id(&self, id: &str) -> u32 {
        self.documents
            .iter()
            .position(|doc| doc.id == id)
            .unwrap_or_else(|| panic!("no test document {id}")) as u32
    }

    /// Finds every entity's mentions and returns the corpus.
    pub(crate) fn build(mut self) -> Corpus {
        let documents = &self.documents;
        for entity in self.corpus.entities.iter_mut() {
            for (doc, document) in documents.iter().enumerate() {
                let mut found: Vec<Span> = std::iter::once(&*entity.name)
                    .chain(entity.aliases.iter().map(String::as_str))
                    .flat_map(|name| {
                        document
                            .text
                            .match_indices(name)
                            .map(|(at, name)| Span::new(at, at + name.len()))
                    })
                    .collect();
                // Longest first at each offset; a shorter form inside a longer one is no mention.
                found.sort_by_key(|span| (span.start, std::cmp::Reverse(span.end)));
                let mut last_end = 0;
                for span in found {
                    if span.start >= last_end {
                        entity.mentions.push(SourceRef {
                            doc: doc as u32,
                            span,
                        });
                        last_end = span.end;
                    }
                }
            }
        }
        self.corpus.documents = self.documents.into();
        self.corpus
    }
}

/// Five short articles about Iranian diplomacy:
/// a 2016-09-14 Tehran Times, b 2016-09 Tehran Times, c 2016 IRNA,
/// d 2017-01-05 without source, e undated IRNA; and five visits.
pub(crate) fn sample_corpus() -> Corpus {
    use EntityKind::{Organization, Person, Place};
    CorpusBuilder::default()
        .doc(
            "a",
            "2016-09-14",
            "Tehran Times",
            "Jalali Nasab met Borisov in Moscow. Iran and Russia agreed. Nasiri praised Petrenko.",
        )
        .doc(
            "b",
            "2016-09",
            "Tehran Times",
            "Zarif visited Moscow. Zarif met Lavrov.",
        )
        .doc(
            "c",
            "2016",
            "IRNA",
            "Rahmani spoke in Tehran. Iran welcomed Lavrov.",
        )
        .doc(
            "d",
            "2017-01-05",
            "",
            "Lavrov and Zarif met in Geneva. The United Nations hosted them.",
        )
        .doc("e", "", "IRNA", "Rāhmānī addressed the United Nations.")
        .entity(Person, "Jalali Nasab", &["Nasiri"])
        .entity(Person, "Borisov", &[])
        .entity(Person, "Petrenko", &[])
        .entity(Person, "Zarif", &[])
        .entity(Person, "Lavrov", &[])
        .entity(Person, "Rahmani", &["Rāhmānī"])
        .entity(Organization, "United Nations", &[])
        .entity(Place, "Moscow", &[])
        .entity(Place, "Iran", &[])
        .entity(Place, "Russia", &[])
        .entity(Place, "Tehran", &[])
        .entity(Place, "Geneva", &[])
        .visit("zarif-moscow", "2016-09", "", &["b"])
        .visit("ansari-moscow", "2016-09-12", "2016-09-14", &["a"])
        .visit("lavrov-geneva", "2017-01-05", "", &["d"])
        .visit("rahmani-undated", "", "", &["e", "c"])
        .visit("borisov-tehran", "2016-08", "", &["a"])
        .build()
}

/// The filters a URL query such as `person=zarif&year=2016&from=2016-09` selects (taken
/// literally: no percent-decoding; values that cannot be read are skipped). A test's
/// shorthand; the app's own reading of URLs is `src/url.rs`.
pub(crate) fn filters(url_query: &str) -> Filters {
    let mut filters = Filters::default();
    let (mut from, mut to) = (None, None);
    for pair in url_query.split('&').filter(|pair| !pair.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        match (name, Facet::from_param(name)) {
            ("from", _) => from = PartialDate::parse_iso(value),
            ("to", _) => to = PartialDate::parse_iso(value),
            (_, Some(facet)) if !value.is_empty() => {
                let key = match facet.entity_kind() {
                    Some(kind) if !value.contains('/') => format!("{}/{value}", kind.as_str()),
                    _ => value.to_owned(),
                };
                filters.insert(facet, &key);
            }
            _ => {}
        }
    }
    filters.dates = DateRange::new(from, to);
    filters
}

/// Renders `(facet, key)` pairs grouped by facet as `person=k1,k2 year=k3`.
pub(crate) fn describe_keys(pairs: &[(Facet, String)]) -> String {
    let mut grouped: BTreeMap<Facet, Vec<&str>> = BTreeMap::new();
    for (facet, key) in pairs {
        grouped.entry(*facet).or_default().push(key);
    }
    grouped
        .iter()
        .map(|(facet, keys)| format!("{}={}", facet.param(), keys.join(",")))
        .collect::<Vec<_>>()
        .join(" ")
}
