//! What the page's map draws of each visit and place, written where the corpus is compiled
//! (`views/map.txt`, by `build.rs`) and read by the views, so that the page itself only names
//! the visits and places in view (`v visit`, `p id articles`: `src/pages/map.rs`) and its
//! first load carries no code to describe them (about 0.9 KB gzipped).
//!
//! One record a line, fields separated by tabs (tabs and line breaks in names become spaces):
//! - `v visit from-country origin lat lon destination-entity destination lat lon tentative
//!   id traveler date documents destination-id`: a visit with both ends placed (`tentative`
//!   `1` for one only planned or with no date of its own; `date` ISO at its precision or
//!   empty; `documents` the ids of the articles that state it, separated by spaces);
//! - `u visit label reason id traveler date documents`: a visit on no route, with the
//!   reason's code ([`Unrouted::code`]);
//! - `p entity name lat lon id country`: a place with coordinates.
//!
//! The views' `marks.rs` reads it (`Facts`).

use crate::routes::{ends, is_tentative};
use crate::{Corpus, Visit};

/// The map's facts of `corpus`.
pub fn write(corpus: &Corpus) -> String {
    let mut out = String::new();
    let mut line = |fields: &[&str]| super::tab_line(&mut out, fields);
    let coordinate = |x: f64| format!("{x:.3}");
    for (number, visit) in corpus.visits.iter().enumerate() {
        let number = number.to_string();
        let (id, traveler) = (visit.id.as_str(), visit.traveler.as_str());
        let date = visit.date.map(|d| d.iso()).unwrap_or_default();
        let documents = documents(corpus, visit);
        match ends(corpus, visit) {
            Ok(ends) => {
                let destination_id = (visit.destination_entity)
                    .and_then(|e| corpus.entities.get(e as usize))
                    .map_or("", |e| &*e.id);
                line(&[
                    "v",
                    &number,
                    ends.country,
                    &ends.origin.name,
                    &coordinate(ends.origin.lat),
                    &coordinate(ends.origin.lon),
                    &ends.destination.to_string(),
                    &ends.end.name,
                    &coordinate(ends.end.lat),
                    &coordinate(ends.end.lon),
                    if is_tentative(visit) { "1" } else { "0" },
                    id,
                    traveler,
                    &date,
                    &documents,
                    destination_id,
                ]);
            }
            Err(why) => {
                let when = if date.is_empty() {
                    String::new()
                } else {
                    format!(", {date}")
                };
                let label = format!("{traveler} → {}{when}", visit.destination);
                line(&[
                    "u",
                    &number,
                    &label,
                    why.code(),
                    id,
                    traveler,
                    &date,
                    &documents,
                ]);
            }
        }
    }
    for (number, place) in corpus.entities.iter().enumerate() {
        if let (Some(lat), Some(lon)) = (place.lat, place.lon) {
            line(&[
                "p",
                &number.to_string(),
                &place.name,
                &coordinate(lat),
                &coordinate(lon),
                &place.id,
                place.country.as_deref().unwrap_or(""),
            ]);
        }
    }
    out
}

/// The ids of the articles that state `visit`, separated by spaces.
fn documents(corpus: &Corpus, visit: &Visit) -> String {
    let ids: Vec<&str> = (visit.evidence.iter())
        .filter_map(|e| Some(&*corpus.documents.get(e.source.doc as usize)?.id))
        .collect();
    ids.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facet::test_corpus::CorpusBuilder;
    use crate::{EntityKind, PartialDate, Point};

    #[test]
    fn writes_a_line_per_visit_and_per_placed_place() {
        let mut corpus = CorpusBuilder::default()
            .doc("d/1", "2016-01-01", "", "Ansari went to Moscow")
            .doc("d/2", "2016-01-02", "", "and to Atlantis")
            .entity(EntityKind::Place, "Moscow", &[])
            .entity(EntityKind::Place, "Atlantis", &[])
            .visit("v1", "2016-01-01", "", &["d/1", "d/2"])
            .visit("v2", "", "", &["d/2"])
            .build();
        corpus.entities[0].lat = Some(55.7558);
        corpus.entities[0].lon = Some(37.6173);
        corpus.entities[0].country = Some("Russia".into());
        for (visit, destination) in corpus.visits.iter_mut().zip([0, 1]) {
            visit.traveler = "Ansari\tJr".into();
            visit.traveler_country = Some("Iran".into());
            visit.destination_entity = Some(destination);
            visit.destination = ["Moscow", "Atlantis"][destination as usize].into();
            visit.origin = Some(Point {
                name: "Tehran".into(),
                lat: 35.6892,
                lon: 51.389,
            });
        }
        corpus.visits[0].date = PartialDate::parse_iso("2016-01-01");
        corpus.visits[0].date_basis = Some(crate::DateBasis::Stated);
        let text = write(&corpus);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "v\t0\tIran\tTehran\t35.689\t51.389\t0\tMoscow\t55.756\t37.617\t0\tv1\tAnsari Jr\t\
                 2016-01-01\td/1 d/2\tplace/moscow",
                "u\t1\tAnsari Jr → Atlantis\td\tv2\tAnsari Jr\t\td/2",
                "p\t0\tMoscow\t55.756\t37.617\tplace/moscow\tRussia",
            ]
        );
    }
}
