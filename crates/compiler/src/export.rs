//! The JSON export (`communique-compiler export DIR --json FILE`): the wire
//! format of core's `export` module, serialised with `serde_json`.
//!
//! Invariant: only core's `export` module knows the wire format; the model is not serialised as-is.

pub use communique_core::export::*;
use communique_core::Corpus;

/// The corpus as pretty-printed JSON.
pub fn to_json(corpus: &Corpus) -> String {
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&export(corpus)).unwrap_or_default()
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
