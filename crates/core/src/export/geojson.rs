//! The places and visit routes as GeoJSON (RFC 7946), for QGIS, Kepler and other GIS tools.
//!
//! ```text
//! {"type": "FeatureCollection",
//!  "features": [
//!    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
//!     "properties": {"feature": "place", "id", "name", "country", "articles": n}},
//!    {"type": "Feature", "geometry": {"type": "LineString",
//!                                      "coordinates": [[lon, lat], [lon, lat]]},
//!     "properties": {"feature": "route", "from_country", "origin", "destination",
//!                    "destination_id", "visits": n, "tentative": n, "first_date",
//!                    "last_date", "visit_ids": [...], "travelers": [...],
//!                    "documents": [...]}}],
//!  "unrouted": [{"visit", "reason"}]}
//! ```
//!
//! A route runs from the travellers' capital to the destination; `tentative` counts its
//! visits that were only planned or carry no date of their own (`routes::is_tentative`).
//! Dates are ISO at their precision, as in the JSON export. `unrouted` (a foreign member,
//! which GIS tools ignore) lists the visits on no route and why.

use super::{doc_id, entity_docs, PrettyJson};
use crate::routes::Routes;
use crate::{Corpus, Entity, EntityKind, Point};

/// Every place entity of `corpus` with coordinates, with the number of articles that
/// mention it: what the compiler exports.
pub fn all_places(corpus: &Corpus) -> Vec<(&Entity, usize)> {
    (corpus.entities.iter())
        .filter(|e| e.kind == EntityKind::Place && e.lat.is_some() && e.lon.is_some())
        .map(|place| (place, entity_docs(place).len()))
        .collect()
}

/// `places` (entities with the number of articles to give them; those without coordinates
/// are skipped) and `routes`, as a GeoJSON feature collection.
pub fn geojson<'a>(
    corpus: &Corpus,
    places: impl IntoIterator<Item = (&'a Entity, usize)>,
    routes: &Routes,
) -> String {
    let mut json = PrettyJson::default();
    json.open('{');
    json.field("type", Some("FeatureCollection"));
    json.item(Some("features"));
    json.open('[');
    for (place, articles) in places {
        let (Some(lat), Some(lon)) = (place.lat, place.lon) else {
            continue;
        };
        feature(&mut json, "Point", &[(lat, lon)]);
        json.field("feature", Some("place"));
        json.field("id", Some(&place.id));
        json.field("name", Some(&place.name));
        json.field("country", place.country.as_deref());
        json.item(Some("articles"));
        json.number(articles);
        json.close('}');
        json.close('}');
    }
    for route in &routes.routes {
        let Point { lat, lon, .. } = route.origin;
        feature(
            &mut json,
            "LineString",
            &[(lat, lon), (route.end.lat, route.end.lon)],
        );
        json.field("feature", Some("route"));
        json.field("from_country", Some(&route.from_country));
        json.field("origin", Some(&route.origin.name));
        json.field("destination", Some(&route.end.name));
        let destination = corpus.entities.get(route.destination as usize);
        json.field("destination_id", destination.map(|e| &*e.id));
        json.item(Some("visits"));
        json.number(route.visits.len());
        json.item(Some("tentative"));
        json.number(route.tentative);
        let visits = &route.visits;
        let dates = || visits.iter().filter_map(|v| v.date);
        json.field("first_date", dates().min().map(|d| d.iso()).as_deref());
        json.field("last_date", dates().max().map(|d| d.iso()).as_deref());
        let ids: Vec<&str> = visits.iter().map(|v| v.id.as_str()).collect();
        json.strings("visit_ids", ids);
        let mut travelers: Vec<&str> = visits.iter().map(|v| v.traveler.as_str()).collect();
        crate::sort::sort(&mut travelers);
        travelers.dedup();
        json.strings("travelers", travelers);
        let mut docs: Vec<u32> = (visits.iter())
            .flat_map(|v| v.evidence.iter().map(|e| e.source.doc))
            .collect();
        crate::sort::sort(&mut docs);
        docs.dedup();
        json.strings("documents", docs.into_iter().map(|d| doc_id(corpus, d)));
        json.close('}');
        json.close('}');
    }
    json.close(']');
    json.item(Some("unrouted"));
    json.open('[');
    for (visit, why) in &routes.unrouted {
        json.item(None);
        json.open('{');
        json.field("visit", Some(&visit.id));
        json.field("reason", Some(why.as_str()));
        json.close('}');
    }
    json.close(']');
    json.close('}');
    json.out.push('\n');
    json.out
}

/// Opens a feature of `geometry` through `points` (latitude, longitude) and its
/// properties, which the caller writes and closes with the feature.
fn feature(json: &mut PrettyJson, geometry: &str, points: &[(f64, f64)]) {
    json.item(None);
    json.open('{');
    json.field("type", Some("Feature"));
    json.item(Some("geometry"));
    json.open('{');
    json.field("type", Some(geometry));
    json.item(Some("coordinates"));
    // GeoJSON puts longitude first.
    let position = |json: &mut PrettyJson, (lat, lon): (f64, f64)| {
        json.out.push_str(&format!("[{lon}, {lat}]"));
    };
    match points {
        [point] => position(json, *point),
        points => {
            json.open('[');
            for &point in points {
                json.item(None);
                position(json, point);
            }
            json.close(']');
        }
    }
    json.close('}');
    json.item(Some("properties"));
    json.open('{');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facet::test_corpus::CorpusBuilder;
    use crate::routes::routes;
    use crate::DateBasis;

    #[test]
    fn writes_places_routes_and_the_visits_on_none() {
        let mut corpus = CorpusBuilder::default()
            .doc(
                "a/1",
                "2016-01-01",
                "",
                "Araghchi & co went to Moscow. Then home",
            )
            .entity(EntityKind::Place, "Moscow", &[])
            .entity(EntityKind::Place, "Home", &[])
            .visit("v1", "2016-02-01", "", &["a/1"])
            .visit("v2", "2016-01", "", &["a/1"])
            .visit("v3", "", "", &["a/1"])
            .build();
        let moscow = &mut corpus.entities[0];
        (moscow.lat, moscow.lon, moscow.country) =
            (Some(55.75), Some(37.62), Some("Russia".into()));
        for visit in corpus.visits.iter_mut() {
            visit.traveler = "Araghchi & co".into();
            visit.traveler_country = Some("Iran".into());
            visit.destination_entity = Some(0);
            visit.date_basis = Some(DateBasis::Stated);
            visit.origin = Some(Point {
                name: "Tehran".into(),
                lat: 35.69,
                lon: 51.42,
            });
        }
        corpus.visits[1].date_basis = Some(DateBasis::Publication);
        corpus.visits[2].destination_entity = Some(1);
        let places = all_places(&corpus);
        let text = geojson(&corpus, places, &routes(&corpus, &corpus.visits));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let expect = serde_json::json!({
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature",
                 "geometry": {"type": "Point", "coordinates": [37.62, 55.75]},
                 "properties": {"feature": "place", "id": "place/moscow", "name": "Moscow",
                                "country": "Russia", "articles": 1}},
                {"type": "Feature",
                 "geometry": {"type": "LineString",
                              "coordinates": [[51.42, 35.69], [37.62, 55.75]]},
                 "properties": {"feature": "route", "from_country": "Iran", "origin": "Tehran",
                                "destination": "Moscow", "destination_id": "place/moscow",
                                "visits": 2, "tentative": 1, "first_date": "2016-01",
                                "last_date": "2016-02-01", "visit_ids": ["v1", "v2"],
                                "travelers": ["Araghchi & co"], "documents": ["a/1"]}}
            ],
            "unrouted": [{"visit": "v3", "reason": "the destination has no coordinates"}]
        });
        assert_eq!(value, expect);
    }
}
