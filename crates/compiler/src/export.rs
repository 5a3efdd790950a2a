//! The exports of `communique-compiler export DIR`: the JSON wire format of core's `export`
//! module (serialised with `serde_json`), and the map's places and routes and the
//! who-met-whom network in the formats GIS and graph tools read (core's `export::geojson`
//! and `export::graph`).
//!
//! Invariant: only core's `export` module knows the wire format; the model is not serialised as-is.

use std::sync::OnceLock;

pub use communique_core::export::*;
use communique_core::network::Network;
use communique_core::routes::{routes, Routes};
use communique_core::{Corpus, FacetIndex};

/// The corpus as pretty-printed JSON.
pub fn to_json(corpus: &Corpus) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&export(corpus)).unwrap_or_default()
}

/// How many people and organisations the page's network view draws: those whose ties weigh
/// most. More crowd a phone's screen past reading; the CLI's exports hold the whole network.
pub const PAGE_NETWORK_NODES: usize = 150;

/// The network file the page's views draw (core's `export::drawing`): the strongest
/// [`PAGE_NETWORK_NODES`], laid out.
pub fn network_drawing(corpus: &Corpus) -> String {
    let whole = Network::build(corpus, &FacetIndex::build(corpus));
    let part = whole.strongest(PAGE_NETWORK_NODES);
    drawing::write(corpus, &whole, &part, &part.layout())
}

/// A format `export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Documents, entities and visits (`--json`).
    Json,
    /// Places and visit routes (`--geojson`).
    GeoJson,
    /// The network as GEXF 1.3 (`--gexf`).
    Gexf,
    /// The network as GraphML (`--graphml`).
    GraphMl,
    /// The network's ties as a CSV edge list (`--edges`).
    Edges,
}

impl Format {
    /// The format a command-line flag asks for.
    pub fn from_flag(flag: &str) -> Option<Format> {
        Some(match flag {
            "--json" => Format::Json,
            "--geojson" => Format::GeoJson,
            "--gexf" => Format::Gexf,
            "--graphml" => Format::GraphMl,
            "--edges" => Format::Edges,
            _ => return None,
        })
    }
}

/// A corpus's exports, its routes and network computed once for all formats that need them.
pub struct Exports<'a> {
    corpus: &'a Corpus,
    routes: OnceLock<Routes<'a>>,
    network: OnceLock<Network>,
    /// The network's layout, computed only for the formats that place nodes (at 100,000
    /// articles most of the network's time).
    layout: OnceLock<Vec<[f32; 2]>>,
}

impl<'a> Exports<'a> {
    /// The exports of `corpus`, computed when first written.
    pub fn new(corpus: &'a Corpus) -> Exports<'a> {
        Exports {
            corpus,
            routes: OnceLock::new(),
            network: OnceLock::new(),
            layout: OnceLock::new(),
        }
    }

    /// Every visit's route (or why it has none).
    pub fn routes(&self) -> &Routes<'a> {
        (self.routes).get_or_init(|| routes(self.corpus, &self.corpus.visits))
    }

    /// The network.
    pub fn network(&self) -> &Network {
        (self.network).get_or_init(|| Network::build(self.corpus, &FacetIndex::build(self.corpus)))
    }

    /// The network's layout, a point per node.
    pub fn layout(&self) -> &[[f32; 2]] {
        self.layout.get_or_init(|| self.network().layout())
    }

    /// The text of the export in `format`, ending in a line break.
    pub fn write(&self, format: Format) -> String {
        let corpus = self.corpus;
        match format {
            Format::Json => to_json(corpus) + "\n",
            Format::GeoJson => geojson::geojson(corpus, geojson::all_places(corpus), self.routes()),
            Format::Gexf => graph::gexf(corpus, self.network(), self.layout()),
            Format::GraphMl => graph::graphml(corpus, self.network(), self.layout()),
            Format::Edges => graph::edges_csv(corpus, self.network()),
        }
    }

    /// What a reader of the exports written should know: the visits the map leaves out,
    /// and why, one line each; the network's size.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if let Some(routes) = self.routes.get() {
            for (visit, why) in &routes.unrouted {
                notes.push(format!(
                    "geojson: visit {} ({} to {}) has no route: {}",
                    visit.id,
                    visit.traveler,
                    visit.destination,
                    why.as_str()
                ));
            }
        }
        if let Some(network) = self.network.get() {
            notes.push(format!(
                "network: {} people and organisations, {} ties",
                network.nodes.len(),
                network.ties.len()
            ));
        }
        notes
    }
}

#[cfg(test)]
mod tests {
    use communique_core::{
        Body, Document, Entity, EntityKind, Evidence, PartialDate, RemovedText, Role, SourceRef,
        Span, Visit, VisitStatus,
    };

    use super::*;

    /// Exports `corpus` and compares it with `expect` (JSON, whitespace ignored).
    fn check(corpus: &Corpus, expect: &str) {
        let got: serde_json::Value = serde_json::from_str(&to_json(corpus)).unwrap();
        let expect: serde_json::Value = serde_json::from_str(expect).unwrap();
        assert_eq!(got, expect);
    }

    #[test]
    fn exports_the_documented_shape() {
        let source = SourceRef {
            doc: 1,
            span: Span::new(0, 5),
        };
        let corpus = Corpus {
            documents: vec![
                Document {
                    id: "a".into(),
                    title: "A".into(),
                    body: Body {
                        text: "A\n\nUndated.".into(),
                        paragraphs: vec![Span::new(0, 1), Span::new(3, 11)],
                        headline: true,
                        ..Body::default()
                    }
                    .into(),
                    ..Document::default()
                },
                Document {
                    id: "b/c".into(),
                    title: "B".into(),
                    date: PartialDate::parse_iso("2016-09"),
                    source: Some("AVA".into()),
                    body: Body {
                        text: "Marchenko went.".into(),
                        removed: vec![RemovedText {
                            text: "Leave a Reply".into(),
                            reason: "comment form".into(),
                        }],
                        ..Body::default()
                    }
                    .into(),
                    ..Document::default()
                },
            ]
            .into(),
            entities: vec![Entity {
                id: "person/marchenko".into(),
                name: "Marchenko".into(),
                kind: EntityKind::Person,
                aliases: vec![],
                roles: vec![Role {
                    title: "President".into(),
                    as_of: PartialDate::parse_iso("2016-09"),
                    source,
                }],
                country: Some("Russia".into()),
                lat: None,
                lon: None,
                mentions: vec![source, source].into(),
            }]
            .into(),
            visits: vec![Visit {
                id: "v1".into(),
                traveler: "Marchenko".into(),
                traveler_entity: Some(0),
                traveler_role: None,
                traveler_country: Some("Russia".into()),
                origin: None,
                destination: "Tehran".into(),
                destination_entity: None,
                country: Some("Iran".into()),
                hosts: vec!["Karimi".into()],
                inviter: None,
                date: PartialDate::parse_iso("2016"),
                date_end: None,
                date_basis: None,
                status: VisitStatus::Planned,
                purpose: None,
                evidence: vec![Evidence {
                    source,
                    rule: "went-to".into(),
                }],
            }],
            ..Corpus::default()
        };
        check(
            &corpus,
            r#"{
              "documents": [
                {"id": "a", "title": "A", "date": null, "date_precision": null, "source": null,
                 "url": null, "text": "A\n\nUndated.", "headline": true, "removed": []},
                {"id": "b/c", "title": "B", "date": "2016-09", "date_precision": "month", "source": "AVA",
                 "url": null, "text": "Marchenko went.", "headline": false, "removed": [{"text": "Leave a Reply", "reason": "comment form"}]}
              ],
              "entities": [
                {"id": "person/marchenko", "name": "Marchenko", "kind": "person", "aliases": [],
                 "roles": [{"title": "President", "as_of": "2016-09"}], "country": "Russia",
                 "lat": null, "lon": null, "docs": ["b/c"],
                 "mentions": [{"doc": "b/c", "start": 0, "end": 5}, {"doc": "b/c", "start": 0, "end": 5}]}
              ],
              "visits": [
                {"id": "v1", "doc": "b/c", "sources": [{"doc": "b/c", "start": 0, "end": 5}],
                 "traveler": "Marchenko", "traveler_country": "Russia", "destination": "Tehran",
                 "country": "Iran", "hosts": ["Karimi"], "date": "2016", "date_end": null,
                 "precision": "year", "date_basis": null, "status": "planned", "purpose": null, "rule": "went-to"}
              ]
            }"#,
        );
    }
}
