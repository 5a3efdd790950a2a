//! The visits on screen as CSV and JSON files, and their download from the page.
//!
//! The records are core's export records (`communique_core::export::VisitOut`),
//! the ones the compiler's JSON export writes in its `visits` array: `id, doc,
//! sources[{doc,start,end}], traveler, traveler_country, destination, country,
//! hosts, date, date_end, precision, date_basis, status, purpose, rule`
//! (`VisitOut::FIELDS`, also the CSV header; `VisitOut::csv_fields` writes a row).
//!
//! Invariant: the text built here is data, never markup; the download goes
//! through a Blob and an object URL, revoked once the click has started it.

use communique_core::export::{csv_row, visit_out, visits_json, VisitOut};
use communique_core::{Corpus, Visit};

/// The visits as a pretty-printed JSON array of records.
pub fn to_json(corpus: &Corpus, visits: &[&Visit]) -> String {
    let records: Vec<VisitOut> = visits.iter().map(|v| visit_out(corpus, v)).collect();
    visits_json(&records)
}

/// The visits as CSV (RFC 4180: CRLF line ends, fields quoted when needed), with a header row.
pub fn to_csv(corpus: &Corpus, visits: &[&Visit]) -> String {
    let mut out = String::new();
    csv_row(&mut out, VisitOut::FIELDS.iter().map(|s| s.to_string()));
    for visit in visits {
        csv_row(&mut out, visit_out(corpus, visit).csv_fields());
    }
    out
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

    #[test]
    fn csv_and_json_carry_the_same_records() {
        let corpus = crate::bundle::corpus();
        let visits: Vec<&Visit> = corpus.visits.iter().collect();
        let json: serde_json::Value =
            serde_json::from_str(&to_json(corpus, &visits)).unwrap_or_default();
        let records = json.as_array().cloned().unwrap_or_default();
        assert_eq!(records.len(), visits.len());
        assert!(!records.is_empty(), "the default corpus has visits");
        let csv = to_csv(corpus, &visits);
        let mut lines = csv.lines();
        let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
        // The CSV columns are the JSON keys, in the documented order.
        assert_eq!(header, VisitOut::FIELDS);
        let mut keys: Vec<&str> = records[0]
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        let mut columns = header.clone();
        communique_core::sort::sort(&mut columns);
        communique_core::sort::sort(&mut keys);
        assert_eq!(columns, keys);
        // Each row carries its record's id, traveler and evidence spans.
        for (record, line) in records.iter().zip(lines) {
            let id = record["id"].as_str().unwrap_or_default();
            let traveler = record["traveler"].as_str().unwrap_or_default();
            let source = &record["sources"][0];
            let span = format!(
                "{}:{}-{}",
                source["doc"].as_str().unwrap_or_default(),
                source["start"],
                source["end"]
            );
            assert!(line.starts_with(id), "{line}");
            assert!(line.contains(traveler) && line.contains(&span), "{line}");
        }
    }
}
