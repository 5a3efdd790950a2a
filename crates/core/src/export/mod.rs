//! The export wire format: a fixed, documented shape for other tools, written
//! from mirror structs so the model can change without breaking readers. The
//! compiler serialises it as JSON (`communique-compiler export --json`); the
//! app writes the visits on screen in the same records (CSV and JSON).
//!
//! ```text
//! {"documents": [{"id", "title", "date", "date_precision", "source", "url", "text",
//!                 "headline", "removed": [{"text", "reason"}]}],
//!  "entities":  [{"id", "name", "kind", "aliases", "roles": [{"title", "as_of"}],
//!                 "country", "lat", "lon", "docs": [doc id…],
//!                 "mentions": [{"doc", "start", "end"}]}],
//!  "visits":    [{"id", "doc", "sources": [{"doc", "start", "end"}], "traveler",
//!                 "traveler_country", "destination", "country", "hosts": […],
//!                 "date", "date_end", "precision", "date_basis", "status", "purpose",
//!                 "rule"}]}
//! ```
//!
//! Dates are ISO strings at their own precision (`2016`, `2016-09`,
//! `2016-09-14`) or null; precisions are `"day"`, `"month"`, `"year"` or null.
//! A visit's `date_basis` says where its date comes from: `"stated"` (a date in
//! the text), `"relative"` (resolved against the publication date, "on Tuesday")
//! or `"publication"` (none stated: the report's publication date), or null.
//! A document's `headline` is true when its `text` opens with the headline (the
//! title) as its own paragraph, which facts may cite like any other sentence.
//! Document references are document id strings; `start`/`end` are byte
//! offsets into that document's `text`. A visit's `doc` is its first source's
//! document and its `rule` the rule that read that source.
//!
//! Invariant: only this module knows the wire format; the model is not serialised as-is.

use crate::{Corpus, DateBasis, DatePrecision, Entity, PartialDate, SourceRef, Visit};
use serde::Serialize;

pub mod drawing;
pub mod geojson;
pub mod graph;
pub mod map_facts;

/// The whole export.
#[derive(Serialize)]
pub struct Export<'a> {
    /// The articles.
    pub documents: Vec<DocumentOut<'a>>,
    /// People, organisations and places.
    pub entities: Vec<EntityOut<'a>>,
    /// Diplomatic visits.
    pub visits: Vec<VisitOut<'a>>,
}

/// One article on the wire.
#[derive(Serialize)]
pub struct DocumentOut<'a> {
    /// The document id.
    pub id: &'a str,
    /// The headline.
    pub title: &'a str,
    /// ISO date at its precision, or null.
    pub date: Option<String>,
    /// `"day"`, `"month"`, `"year"` or null.
    pub date_precision: Option<&'static str>,
    /// The outlet, or null.
    pub source: Option<&'a str>,
    /// The original address, or null.
    pub url: Option<&'a str>,
    /// The clean body.
    pub text: &'a str,
    /// Whether `text` opens with the headline as its own paragraph.
    pub headline: bool,
    /// What the cleaner removed, and why.
    pub removed: Vec<RemovedOut<'a>>,
}

/// A removed piece of text on the wire.
#[derive(Serialize)]
pub struct RemovedOut<'a> {
    /// The removed text.
    pub text: &'a str,
    /// Why it was removed.
    pub reason: &'a str,
}

/// An entity on the wire.
#[derive(Serialize)]
pub struct EntityOut<'a> {
    /// Stable slug.
    pub id: &'a str,
    /// Canonical name.
    pub name: &'a str,
    /// `"person"`, `"organization"` or `"place"`.
    pub kind: &'static str,
    /// Other surface forms.
    pub aliases: &'a [String],
    /// Roles over time.
    pub roles: Vec<RoleOut<'a>>,
    /// Country, or null.
    pub country: Option<&'a str>,
    /// Latitude, or null.
    pub lat: Option<f64>,
    /// Longitude, or null.
    pub lon: Option<f64>,
    /// Ids of the documents mentioning it, in corpus order, each once.
    pub docs: Vec<&'a str>,
    /// Every mention.
    pub mentions: Vec<SpanOut<'a>>,
}

/// A role on the wire.
#[derive(Serialize)]
pub struct RoleOut<'a> {
    /// The title held.
    pub title: &'a str,
    /// ISO date of the article stating it, or null.
    pub as_of: Option<String>,
}

/// A span of a document on the wire.
#[derive(Serialize)]
pub struct SpanOut<'a> {
    /// The document id.
    pub doc: &'a str,
    /// First byte in the document's `text`.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

/// A visit on the wire.
#[derive(Serialize)]
pub struct VisitOut<'a> {
    /// Stable id.
    pub id: &'a str,
    /// The first source's document id.
    pub doc: Option<&'a str>,
    /// Every sentence reporting the trip.
    pub sources: Vec<SpanOut<'a>>,
    /// Who travelled.
    pub traveler: &'a str,
    /// The country the traveler represents, or null.
    pub traveler_country: Option<&'a str>,
    /// Where to.
    pub destination: &'a str,
    /// Country of the destination, or null.
    pub country: Option<&'a str>,
    /// Hosts and counterparts.
    pub hosts: &'a [String],
    /// ISO start date, or null.
    pub date: Option<String>,
    /// ISO end date, or null.
    pub date_end: Option<String>,
    /// Precision of `date`, or null.
    pub precision: Option<&'static str>,
    /// `"stated"`, `"relative"` or `"publication"`: where `date` comes from, or null.
    pub date_basis: Option<&'static str>,
    /// `"happened"`, `"planned"` or `"cancelled"`.
    pub status: &'static str,
    /// Stated purpose, or null.
    pub purpose: Option<&'a str>,
    /// The rule that read the first source.
    pub rule: Option<&'a str>,
}

impl VisitOut<'_> {
    /// The record's field names, in order: its JSON keys and the CSV header (a test ties the
    /// two, so a new field cannot reach one and not the other).
    pub const FIELDS: [&'static str; 15] = [
        "id",
        "doc",
        "sources",
        "traveler",
        "traveler_country",
        "destination",
        "country",
        "hosts",
        "date",
        "date_end",
        "precision",
        "date_basis",
        "status",
        "purpose",
        "rule",
    ];

    /// The record as one CSV row, in [`VisitOut::FIELDS`] order: `sources` written
    /// `doc:start-end` and `hosts` joined by `; ` so that one visit stays one row; null as empty.
    pub fn csv_fields(&self) -> [String; 15] {
        let text = |value: Option<&str>| value.unwrap_or_default().to_string();
        let sources: Vec<String> = self
            .sources
            .iter()
            .map(|s| format!("{}:{}-{}", s.doc, s.start, s.end))
            .collect();
        [
            self.id.to_string(),
            text(self.doc),
            sources.join("; "),
            self.traveler.to_string(),
            text(self.traveler_country),
            self.destination.to_string(),
            text(self.country),
            self.hosts.join("; "),
            self.date.clone().unwrap_or_default(),
            self.date_end.clone().unwrap_or_default(),
            text(self.precision),
            text(self.date_basis),
            self.status.to_string(),
            text(self.purpose),
            text(self.rule),
        ]
    }
}

/// The whole corpus in wire form.
pub fn export(corpus: &Corpus) -> Export<'_> {
    Export {
        documents: export_documents(corpus),
        entities: export_entities(corpus),
        visits: export_visits(corpus),
    }
}

/// The documents in wire form.
pub fn export_documents(corpus: &Corpus) -> Vec<DocumentOut<'_>> {
    corpus
        .documents
        .iter()
        .map(|d| DocumentOut {
            id: &d.id,
            title: &d.title,
            date: d.date.map(|date| date.iso()),
            date_precision: d.date.map(|date| precision_name(date.precision())),
            source: d.source.as_deref(),
            url: d.url.as_deref(),
            text: &d.text,
            headline: d.headline,
            removed: d
                .removed
                .iter()
                .map(|r| RemovedOut {
                    text: &r.text,
                    reason: &r.reason,
                })
                .collect(),
        })
        .collect()
}

/// The entities in wire form.
pub fn export_entities(corpus: &Corpus) -> Vec<EntityOut<'_>> {
    corpus
        .entities
        .iter()
        .map(|e| entity_out(corpus, e))
        .collect()
}

/// The articles that mention `entity`, in corpus order, each once.
pub fn entity_docs(entity: &Entity) -> Vec<u32> {
    let mut docs: Vec<u32> = entity.mentions.iter().map(|m| m.doc).collect();
    crate::sort::sort(&mut docs);
    docs.dedup();
    docs
}

fn entity_out<'a>(corpus: &'a Corpus, entity: &'a Entity) -> EntityOut<'a> {
    let docs: Vec<&str> = (entity_docs(entity).into_iter())
        .map(|d| doc_id(corpus, d))
        .collect();
    EntityOut {
        id: &entity.id,
        name: &entity.name,
        kind: entity.kind.as_str(),
        aliases: &entity.aliases,
        roles: entity
            .roles
            .iter()
            .map(|r| RoleOut {
                title: &r.title,
                as_of: r.as_of.map(|d| d.iso()),
            })
            .collect(),
        country: entity.country.as_deref(),
        lat: entity.lat,
        lon: entity.lon,
        docs,
        mentions: entity
            .mentions
            .iter()
            .map(|m| span_out(corpus, m))
            .collect(),
    }
}

/// The visits in wire form.
pub fn export_visits(corpus: &Corpus) -> Vec<VisitOut<'_>> {
    corpus.visits.iter().map(|v| visit_out(corpus, v)).collect()
}

/// One visit in wire form.
pub fn visit_out<'a>(corpus: &'a Corpus, visit: &'a Visit) -> VisitOut<'a> {
    let first = visit.evidence.first();
    VisitOut {
        id: &visit.id,
        doc: first.map(|e| doc_id(corpus, e.source.doc)),
        sources: visit
            .evidence
            .iter()
            .map(|e| span_out(corpus, &e.source))
            .collect(),
        traveler: &visit.traveler,
        traveler_country: visit.traveler_country.as_deref(),
        destination: &visit.destination,
        country: visit.country.as_deref(),
        hosts: &visit.hosts,
        date: visit.date.map(|d| d.iso()),
        date_end: visit.date_end.map(|d| d.iso()),
        precision: visit
            .date
            .map(|d: PartialDate| precision_name(d.precision())),
        date_basis: visit.date_basis.map(DateBasis::as_str),
        status: visit.status.as_str(),
        purpose: visit.purpose.as_deref(),
        rule: first.map(|e| e.rule.as_str()),
    }
}

fn span_out<'a>(corpus: &'a Corpus, source: &SourceRef) -> SpanOut<'a> {
    SpanOut {
        doc: doc_id(corpus, source.doc),
        start: source.span.start,
        end: source.span.end,
    }
}

/// The id string of a document number (empty for a dangling number, which the model forbids).
pub fn doc_id(corpus: &Corpus, doc: u32) -> &str {
    corpus.documents.get(doc as usize).map_or("", |d| &*d.id)
}

/// `"day"`, `"month"` or `"year"`.
pub fn precision_name(precision: DatePrecision) -> &'static str {
    match precision {
        DatePrecision::Day => "day",
        DatePrecision::Month => "month",
        DatePrecision::Year => "year",
    }
}

/// The records as a JSON array, byte for byte what `serde_json::to_string_pretty` writes
/// for them (a test holds the two together). Written out here because serde_json's
/// serializer cost the page 1.8 KB gzipped (its formatter, and `io::Write` under it),
/// and this is the only JSON the page writes.
pub fn visits_json(records: &[VisitOut]) -> String {
    let mut json = PrettyJson::default();
    json.open('[');
    for record in records {
        json.item(None);
        json.open('{');
        json.field("id", Some(record.id));
        json.field("doc", record.doc);
        json.item(Some("sources"));
        json.open('[');
        for source in &record.sources {
            json.item(None);
            json.open('{');
            json.field("doc", Some(source.doc));
            for (key, value) in [("start", source.start), ("end", source.end)] {
                json.item(Some(key));
                json.number(value);
            }
            json.close('}');
        }
        json.close(']');
        json.field("traveler", Some(record.traveler));
        json.field("traveler_country", record.traveler_country);
        json.field("destination", Some(record.destination));
        json.field("country", record.country);
        json.item(Some("hosts"));
        json.open('[');
        for host in record.hosts {
            json.item(None);
            json.string(host);
        }
        json.close(']');
        json.field("date", record.date.as_deref());
        json.field("date_end", record.date_end.as_deref());
        json.field("precision", record.precision);
        json.field("date_basis", record.date_basis);
        json.field("status", Some(record.status));
        json.field("purpose", record.purpose);
        json.field("rule", record.rule);
        json.close('}');
    }
    json.close(']');
    json.out
}

/// Appends one record of the views' files (`drawing.rs`, `map_facts.rs`) to `out`: `fields`
/// separated by tabs, with the tabs and line breaks in them made spaces, and a line break.
pub(crate) fn tab_line(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push('\t');
        }
        out.extend(field.chars().map(|c| if c < ' ' { ' ' } else { c }));
    }
    out.push('\n');
}

/// Appends one CSV row (RFC 4180: CRLF line ends): fields quoted when they hold a comma,
/// quote or line break (quotes doubled), or start with a character a spreadsheet would take
/// for a formula.
pub fn csv_row(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let formula = field.starts_with(['=', '+', '-', '@']);
        if formula || field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            if formula {
                // A leading apostrophe keeps spreadsheets from evaluating corpus text.
                out.push('\'');
            }
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

/// A JSON writer with serde_json's pretty layout: two spaces an indent, `"key": value`,
/// an empty array as `[]`.
#[derive(Default)]
struct PrettyJson {
    out: String,
    depth: usize,
    /// Whether the innermost open array or object has no item yet.
    empty: bool,
}

impl PrettyJson {
    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.empty {
            self.newline();
        }
        self.out.push(bracket);
        self.empty = false;
    }

    /// Starts the next item of the open array (`key` `None`) or object.
    fn item(&mut self, key: Option<&str>) {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        self.newline();
        if let Some(key) = key {
            self.string(key);
            self.out.push_str(": ");
        }
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    /// `"key": "value"`, or `"key": null`, as the object's next item.
    fn field(&mut self, key: &str, value: Option<&str>) {
        self.item(Some(key));
        match value {
            Some(value) => self.string(value),
            None => self.out.push_str("null"),
        }
    }

    /// A number, as the next value.
    fn number(&mut self, value: impl std::fmt::Display) {
        self.out.push_str(&value.to_string());
    }

    /// `"key": ["value", …]` as the object's next item.
    fn strings<'a>(&mut self, key: &str, values: impl IntoIterator<Item = &'a str>) {
        self.item(Some(key));
        self.open('[');
        for value in values {
            self.item(None);
            self.string(value);
        }
        self.close(']');
    }

    /// A JSON string: quotes, backslashes and control characters escaped, as serde_json does.
    fn string(&mut self, text: &str) {
        self.out.push('"');
        for c in text.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if c < ' ' => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.out.push_str("\\u00");
                    self.out.push(HEX[c as usize >> 4] as char);
                    self.out.push(HEX[c as usize & 15] as char);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The CSV of the row `fields`, without its line end.
    fn check(fields: &[&str], expect: &str) {
        let mut out = String::new();
        csv_row(&mut out, fields.iter().map(|s| s.to_string()));
        assert_eq!(out.strip_suffix("\r\n"), Some(expect), "{fields:?}");
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        check(&["a", "b c", ""], "a,b c,");
        check(&["Tehran, Iran"], "\"Tehran, Iran\"");
        check(&["the \"deal\""], "\"the \"\"deal\"\"\"");
        check(&["two\nlines"], "\"two\nlines\"");
        check(&["=HYPERLINK(1)", "-5"], "\"'=HYPERLINK(1)\",\"'-5\"");
    }

    #[test]
    fn csv_header_is_the_json_record_s_keys_in_order() {
        let hosts = vec!["A".to_string(), "B".to_string()];
        let record = VisitOut {
            id: "v1",
            doc: Some("d1"),
            sources: vec![SpanOut {
                doc: "d1",
                start: 3,
                end: 9,
            }],
            traveler: "T",
            traveler_country: None,
            destination: "D",
            country: Some("C"),
            hosts: &hosts,
            date: Some("2020-01".into()),
            date_end: None,
            precision: Some("month"),
            date_basis: Some("stated"),
            status: "happened",
            purpose: None,
            rule: Some("visited"),
        };
        let json = serde_json::to_string(&record).expect("serialises");
        let positions: Vec<usize> = VisitOut::FIELDS
            .iter()
            .map(|field| json.find(&format!("\"{field}\":")).expect(field))
            .collect();
        assert!(positions.windows(2).all(|p| p[0] < p[1]), "{json}");
        let keys = serde_json::from_str::<serde_json::Value>(&json).expect("parses");
        assert_eq!(
            keys.as_object().map(|o| o.len()),
            Some(VisitOut::FIELDS.len())
        );
        let row = record.csv_fields();
        assert_eq!(row[2], "d1:3-9");
        assert_eq!(row[4], "");
        assert_eq!(row[7], "A; B");
        assert_eq!(row[8], "2020-01");
    }

    #[test]
    fn visits_json_is_what_serde_json_writes() {
        let hosts = vec![
            "Putin".to_string(),
            "a \"quoted\" \\ host\n\t\u{1}\u{7f}é".to_string(),
        ];
        let full = VisitOut {
            id: "v1",
            doc: Some("d/1"),
            sources: vec![
                SpanOut {
                    doc: "d/1",
                    start: 0,
                    end: 4_000_000_000,
                },
                SpanOut {
                    doc: "d2",
                    start: 7,
                    end: 9,
                },
            ],
            traveler: "Zarif \u{8}\u{c}\r",
            traveler_country: Some("Iran"),
            destination: "Moscow",
            country: Some("Russia"),
            hosts: &hosts,
            date: Some("2016-09-14".into()),
            date_end: Some("2016-09-16".into()),
            precision: Some("day"),
            date_basis: Some("relative"),
            status: "planned",
            purpose: Some("talks </script>"),
            rule: Some("visited"),
        };
        let bare = VisitOut {
            id: "v2",
            doc: None,
            sources: Vec::new(),
            traveler: "",
            traveler_country: None,
            destination: "Тегеран",
            country: None,
            hosts: &[],
            date: None,
            date_end: None,
            precision: None,
            date_basis: None,
            status: "happened",
            purpose: None,
            rule: None,
        };
        let records = [full, bare];
        for records in [&records[..], &records[..1], &[]] {
            assert_eq!(
                visits_json(records),
                serde_json::to_string_pretty(records).unwrap()
            );
        }
    }
}
