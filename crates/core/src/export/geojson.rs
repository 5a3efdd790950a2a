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
use crate::{Corpus, Entity, EntityKind};

/// Every place entity of `corpus` with coordinates, with the number of articles that
/// mention it: what the compiler exports.
pub fn all_places(corpus: &Corpus) -> Vec<(&Entity, usize)> {
    (corpus.entities.iter())
        .filter(|e| e.kind == EntityKind::Place && e.lat.is_some() && e.lon.is_some())
        .map(|place| (place, entity_docs(place).len()))
        .collect()
}

/// A place as a GeoJSON point.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlaceRecord<'a> {
    /// The entity id.
    pub id: &'a str,
    /// Its name.
    pub name: &'a str,
    /// Its country, when known.
    pub country: Option<&'a str>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// How many articles name it.
    pub articles: usize,
}

/// A route as a GeoJSON line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RouteRecord<'a> {
    /// The travellers' country.
    pub from_country: &'a str,
    /// Where it starts: the capital's name, latitude and longitude.
    pub origin: (&'a str, f64, f64),
    /// Where it ends: the destination's name, latitude and longitude.
    pub end: (&'a str, f64, f64),
    /// The destination's entity id.
    pub destination_id: Option<&'a str>,
    /// How many of its visits are tentative.
    pub tentative: usize,
    /// Its visits' dates (ISO), in any order; the first and last are written.
    pub dates: Vec<String>,
    /// Its visits' ids.
    pub visit_ids: Vec<&'a str>,
    /// Its travellers, each once.
    pub travelers: Vec<&'a str>,
    /// The ids of the articles that state its visits, each once.
    pub documents: Vec<&'a str>,
}

/// `places` (entities with the number of articles to give them; those without coordinates
/// are skipped) and `routes`, as a GeoJSON feature collection.
pub fn geojson<'a>(
    corpus: &'a Corpus,
    places: impl IntoIterator<Item = (&'a Entity, usize)>,
    routes: &'a Routes,
) -> String {
    let places: Vec<PlaceRecord> = (places.into_iter())
        .filter_map(|(place, articles)| {
            Some(PlaceRecord {
                id: &place.id,
                name: &place.name,
                country: place.country.as_deref(),
                lat: place.lat?,
                lon: place.lon?,
                articles,
            })
        })
        .collect();
    let records: Vec<RouteRecord> = (routes.routes.iter())
        .map(|route| {
            let visits = &route.visits;
            let mut travelers: Vec<&str> = visits.iter().map(|v| v.traveler.as_str()).collect();
            crate::sort::sort(&mut travelers);
            travelers.dedup();
            let mut docs: Vec<u32> = (visits.iter())
                .flat_map(|v| v.evidence.iter().map(|e| e.source.doc))
                .collect();
            crate::sort::sort(&mut docs);
            docs.dedup();
            RouteRecord {
                from_country: &route.from_country,
                origin: (&route.origin.name, route.origin.lat, route.origin.lon),
                end: (&route.end.name, route.end.lat, route.end.lon),
                destination_id: (corpus.entities.get(route.destination as usize)).map(|e| &*e.id),
                tentative: route.tentative,
                dates: visits
                    .iter()
                    .filter_map(|v| v.date)
                    .map(|d| d.iso())
                    .collect(),
                visit_ids: visits.iter().map(|v| v.id.as_str()).collect(),
                travelers,
                documents: docs.into_iter().map(|d| doc_id(corpus, d)).collect(),
            }
        })
        .collect();
    let unrouted: Vec<(&str, &str)> = (routes.unrouted.iter())
        .map(|(visit, why)| (visit.id.as_str(), why.as_str()))
        .collect();
    write(&places, &records, &unrouted)
}

/// The GeoJSON of `places`, `routes` and the visits on no route (`(visit id, why)`): the
/// compiler's export of the whole corpus, and the page map's of the visits in view.
pub fn write(places: &[PlaceRecord], routes: &[RouteRecord], unrouted: &[(&str, &str)]) -> String {
    let mut json = PrettyJson::default();
    json.open('{');
    json.field("type", Some("FeatureCollection"));
    json.item(Some("features"));
    json.open('[');
    for place in places {
        feature(&mut json, "Point", &[(place.lat, place.lon)]);
        json.field("feature", Some("place"));
        json.field("id", Some(place.id));
        json.field("name", Some(place.name));
        json.field("country", place.country);
        json.item(Some("articles"));
        json.number(place.articles);
        json.close('}');
        json.close('}');
    }
    for route in routes {
        let points = [(route.origin.1, route.origin.2), (route.end.1, route.end.2)];
        feature(&mut json, "LineString", &points);
        json.field("feature", Some("route"));
        json.field("from_country", Some(route.from_country));
        json.field("origin", Some(route.origin.0));
        json.field("destination", Some(route.end.0));
        json.field("destination_id", route.destination_id);
        json.item(Some("visits"));
        json.number(route.visit_ids.len());
        json.item(Some("tentative"));
        json.number(route.tentative);
        // ISO dates at their own precision order as the dates do, a month before its days.
        json.field("first_date", route.dates.iter().min().map(String::as_str));
        json.field("last_date", route.dates.iter().max().map(String::as_str));
        json.strings("visit_ids", route.visit_ids.iter().copied());
        json.strings("travelers", route.travelers.iter().copied());
        json.strings("documents", route.documents.iter().copied());
        json.close('}');
        json.close('}');
    }
    json.close(']');
    json.item(Some("unrouted"));
    json.open('[');
    for (visit, why) in unrouted {
        json.item(None);
        json.open('{');
        json.field("visit", Some(visit));
        json.field("reason", Some(why));
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
    use crate::{DateBasis, Point};

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
