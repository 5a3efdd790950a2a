//! The visits on screen as CSV and JSON files, and their download from the page.
//!
//! The records have the field names and values of the compiler's JSON export
//! (`communique-compiler export --json`, `visits` array): `id, doc,
//! sources[{doc,start,end}], traveler, traveler_country, destination, country,
//! hosts, date, date_end, precision, status, purpose, rule`; a test holds the
//! two to the same output. In CSV, `sources` is written `doc:start-end`
//! joined by `; ` and `hosts` joined by `; `, so one visit stays one row.
//!
//! Invariant: the text built here is data, never markup; the download goes
//! through a Blob and an object URL, revoked once the click has started it.

use communique_core::{Corpus, DatePrecision, Visit};
use serde::Serialize;

/// One evidence span on the wire: a document id and a byte range of its text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourceRecord<'a> {
    /// The document id.
    pub doc: &'a str,
    /// First byte in the document's clean text.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

/// One visit on the wire, as the compiler's export writes it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VisitRecord<'a> {
    /// Stable visit id.
    pub id: &'a str,
    /// The first source's document id.
    pub doc: Option<&'a str>,
    /// Every sentence reporting the trip.
    pub sources: Vec<SourceRecord<'a>>,
    /// Who travelled.
    pub traveler: &'a str,
    /// The country the traveller represents.
    pub traveler_country: Option<&'a str>,
    /// Where to.
    pub destination: &'a str,
    /// Country of the destination.
    pub country: Option<&'a str>,
    /// Hosts and counterparts.
    pub hosts: &'a [String],
    /// ISO start date at its precision.
    pub date: Option<String>,
    /// ISO end date at its precision.
    pub date_end: Option<String>,
    /// `day`, `month` or `year`: the precision of `date`.
    pub precision: Option<&'static str>,
    /// `happened`, `planned` or `cancelled`.
    pub status: &'static str,
    /// Stated purpose.
    pub purpose: Option<&'a str>,
    /// The rule that read the first source.
    pub rule: Option<&'a str>,
}

impl<'a> VisitRecord<'a> {
    /// The record of `visit`, resolving document numbers to ids in `corpus`.
    pub fn of(corpus: &'a Corpus, visit: &'a Visit) -> VisitRecord<'a> {
        let doc_id = |doc: u32| {
            corpus
                .documents
                .get(doc as usize)
                .map_or("", |d| d.id.as_str())
        };
        let first = visit.evidence.first();
        VisitRecord {
            id: &visit.id,
            doc: first.map(|e| doc_id(e.source.doc)),
            sources: visit
                .evidence
                .iter()
                .map(|e| SourceRecord {
                    doc: doc_id(e.source.doc),
                    start: e.source.span.start,
                    end: e.source.span.end,
                })
                .collect(),
            traveler: &visit.traveler,
            traveler_country: visit.traveler_country.as_deref(),
            destination: &visit.destination,
            country: visit.country.as_deref(),
            hosts: &visit.hosts,
            date: visit.date.map(|d| d.iso()),
            date_end: visit.date_end.map(|d| d.iso()),
            precision: visit.date.map(|d| match d.precision() {
                DatePrecision::Day => "day",
                DatePrecision::Month => "month",
                DatePrecision::Year => "year",
            }),
            status: visit.status.as_str(),
            purpose: visit.purpose.as_deref(),
            rule: first.map(|e| e.rule.as_str()),
        }
    }
}

/// The CSV header row: the record's field names, in order.
const CSV_HEADER: [&str; 14] = [
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
    "status",
    "purpose",
    "rule",
];

/// The visits as a pretty-printed JSON array of records.
pub fn to_json(corpus: &Corpus, visits: &[&Visit]) -> String {
    let records: Vec<VisitRecord> = visits.iter().map(|v| VisitRecord::of(corpus, v)).collect();
    // Plain structs of strings and numbers always serialise.
    serde_json::to_string_pretty(&records).unwrap_or_default()
}

/// The visits as CSV (RFC 4180: CRLF line ends, fields quoted when needed), with a header row.
pub fn to_csv(corpus: &Corpus, visits: &[&Visit]) -> String {
    let mut out = String::new();
    push_row(&mut out, CSV_HEADER.iter().map(|s| s.to_string()));
    for visit in visits {
        let r = VisitRecord::of(corpus, visit);
        let sources: Vec<String> = r
            .sources
            .iter()
            .map(|s| format!("{}:{}-{}", s.doc, s.start, s.end))
            .collect();
        let text = |value: Option<&str>| value.unwrap_or_default().to_string();
        push_row(
            &mut out,
            [
                r.id.to_string(),
                text(r.doc),
                sources.join("; "),
                r.traveler.to_string(),
                text(r.traveler_country),
                r.destination.to_string(),
                text(r.country),
                r.hosts.join("; "),
                r.date.unwrap_or_default(),
                r.date_end.unwrap_or_default(),
                text(r.precision),
                r.status.to_string(),
                text(r.purpose),
                text(r.rule),
            ],
        );
    }
    out
}

/// Appends one CSV row: fields quoted when they hold a comma, quote or line
/// break (quotes doubled), or start with a character a spreadsheet would take
/// for a formula.
fn push_row(out: &mut String, fields: impl IntoIterator<Item = String>) {
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

/// Offers `text` as a file named `name` of type `mime`: a Blob, an object URL
/// and a click on a temporary link. Errors are logged, not fatal: the page
/// stays usable if a browser refuses downloads.
pub fn download(name: &str, mime: &str, text: &str) {
    if let Err(err) = try_download(name, mime, text) {
        web_sys::console::error_2(&"download failed:".into(), &err);
    }
}

fn try_download(name: &str, mime: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = leptos::prelude::document();
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The CSV of the row `fields`, without its line end.
    fn check(fields: &[&str], expect: &str) {
        let mut out = String::new();
        push_row(&mut out, fields.iter().map(|s| s.to_string()));
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
    fn records_match_the_compiler_export() {
        let corpus = crate::bundle::corpus();
        let visits: Vec<&Visit> = corpus.visits.iter().collect();
        let ours: serde_json::Value =
            serde_json::from_str(&to_json(corpus, &visits)).unwrap_or_default();
        let compiler = serde_json::to_value(communique_compiler::export::export_visits(corpus))
            .unwrap_or_default();
        assert!(ours.as_array().is_some_and(|a| !a.is_empty()), "{ours}");
        assert_eq!(ours, compiler);
        let csv = to_csv(corpus, &visits);
        let header = csv.lines().next().unwrap_or_default();
        let mut keys: Vec<&str> = ours[0]
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        let mut columns: Vec<&str> = header.split(',').collect();
        communique_core::sort::sort(&mut columns);
        communique_core::sort::sort(&mut keys);
        assert_eq!(columns, keys);
        assert_eq!(csv.lines().count(), visits.len() + 1);
    }
}
