//! The marks the app gives the map (`data-marks`, see the crate doc), read into routes and
//! places: a visit line per visit in view, grouped here into one route per traveller's
//! country and destination, as core's `routes` groups them for the compiler's GeoJSON.

use std::collections::HashMap;

use communique_core::export::geojson::{self, PlaceRecord, RouteRecord};
use communique_core::routes::Unrouted;
use communique_core::words::{count_of, thousands};

/// What the GeoJSON download says of a visit: its id, traveller, date (ISO, or empty) and the
/// ids of the articles that state it (separated by spaces).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VisitAbout {
    /// The visit's id.
    pub id: String,
    /// The traveller.
    pub traveler: String,
    /// The date, ISO at its precision, or empty.
    pub date: String,
    /// The articles' ids, separated by spaces.
    pub documents: String,
}

/// A route: the visits from one country to one place.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RouteMark {
    /// The travellers' country.
    pub country: String,
    /// Where it starts: the capital's name, latitude and longitude.
    pub from: (String, f64, f64),
    /// Where it ends: the destination's name, latitude and longitude.
    pub to: (String, f64, f64),
    /// The destination's entity number.
    pub destination: u32,
    /// The visits' numbers in the corpus.
    pub visits: Vec<u32>,
    /// How many of them are planned or undated.
    pub tentative: usize,
    /// The destination's entity id.
    pub destination_id: String,
    /// What the download says of each visit, in `visits`' order.
    pub about: Vec<VisitAbout>,
}

impl RouteMark {
    /// The route in words: "Iran → Moscow: 4 visits (1 planned or undated)".
    pub fn label(&self) -> String {
        let count = count_of(self.visits.len(), "visit", "visits");
        let tentative = match self.tentative {
            0 => String::new(),
            n => format!(" ({n} planned or undated)"),
        };
        format!("{} → {}: {count}{tentative}", self.country, self.to.0)
    }
}

/// A place named by the articles in view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Place {
    /// Its entity number.
    pub entity: u32,
    /// Its name.
    pub name: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// How many articles in view name it.
    pub articles: u32,
    /// Its entity id.
    pub id: String,
    /// Its country, or empty.
    pub country: String,
}

/// What the map draws.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    /// The routes, the busiest first, then in the order their first visit came.
    pub routes: Vec<RouteMark>,
    /// The places, in the order given (the most named first).
    pub places: Vec<Place>,
    /// The visits on no route, as the app words them, with their ids and why.
    pub unrouted: Vec<(String, String, Unrouted)>,
}

impl Marks {
    /// The marks as GeoJSON, in the compiler's schema (core's `export::geojson`).
    pub fn geojson(&self) -> String {
        let places: Vec<PlaceRecord> = (self.places.iter())
            .map(|p| PlaceRecord {
                id: &p.id,
                name: &p.name,
                country: Some(p.country.as_str()).filter(|c| !c.is_empty()),
                lat: p.lat,
                lon: p.lon,
                articles: p.articles as usize,
            })
            .collect();
        let routes: Vec<RouteRecord> = (self.routes.iter())
            .map(|r| {
                let each = |field: fn(&VisitAbout) -> &str| -> Vec<&str> {
                    let mut values: Vec<&str> = r.about.iter().map(field).collect();
                    values.sort_unstable();
                    values.dedup();
                    values
                };
                let mut documents: Vec<&str> = (r.about.iter())
                    .flat_map(|a| a.documents.split(' ').filter(|d| !d.is_empty()))
                    .collect();
                documents.sort_unstable();
                documents.dedup();
                RouteRecord {
                    from_country: &r.country,
                    origin: (&r.from.0, r.from.1, r.from.2),
                    end: (&r.to.0, r.to.1, r.to.2),
                    destination_id: Some(r.destination_id.as_str()).filter(|id| !id.is_empty()),
                    tentative: r.tentative,
                    dates: (r.about.iter())
                        .filter(|a| !a.date.is_empty())
                        .map(|a| a.date.clone())
                        .collect(),
                    visit_ids: r.about.iter().map(|a| a.id.as_str()).collect(),
                    travelers: each(|a| &a.traveler),
                    documents,
                }
            })
            .collect();
        let unrouted: Vec<(&str, &str)> = (self.unrouted.iter())
            .map(|(_, id, why)| (id.as_str(), why.as_str()))
            .collect();
        geojson::write(&places, &routes, &unrouted)
    }

    /// What the map shows, in words: "2 routes · 5 visits · 3 places named · 1 visit not on
    /// the map".
    pub fn summary(&self) -> String {
        let visits: usize = self.routes.iter().map(|r| r.visits.len()).sum();
        let mut text = format!(
            "{} · {} · {}",
            count_of(self.routes.len(), "route", "routes"),
            count_of(visits, "visit", "visits"),
            count_of(self.places.len(), "place named", "places named")
        );
        if self.places.len() > PLACES_DRAWN {
            text += &format!(" ({} most named drawn)", thousands(PLACES_DRAWN));
        }
        if !self.unrouted.is_empty() {
            let unrouted = count_of(self.unrouted.len(), "visit", "visits");
            text += &format!(" · {unrouted} not on the map");
        }
        text
    }

    /// What choosing the mark `mark` (`r` or `p` and its index) tells the app: the visits'
    /// numbers, after `p ENTITY ` for a place (the visits that went there).
    pub fn chosen(&self, mark: &str) -> Option<String> {
        let (kind, index) = mark.split_at_checked(1)?;
        let index: usize = index.parse().ok()?;
        let numbers = |visits: &mut dyn Iterator<Item = u32>| {
            visits.map(|v| v.to_string()).collect::<Vec<_>>().join(" ")
        };
        match kind {
            "r" => Some(numbers(&mut self.routes.get(index)?.visits.iter().copied())),
            "p" => {
                let place = self.places.get(index)?;
                let mut visits = (self.routes.iter())
                    .filter(|r| r.destination == place.entity)
                    .flat_map(|r| r.visits.iter().copied());
                Some(
                    format!("p {} {}", place.entity, numbers(&mut visits))
                        .trim_end()
                        .to_string(),
                )
            }
            _ => None,
        }
    }
}

/// How many places the map draws, the most named: at 10,000 articles the articles name more
/// than a thousand, whose circles cover the world. The count says how many there are, and
/// the GeoJSON download keeps them all.
pub const PLACES_DRAWN: usize = 300;

/// What the build wrote of each visit and place (`views/map.txt`, core's
/// `export::map_facts`), by which the app's short lines are joined into the marks `parse`
/// reads.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    /// A visit's number → its mark line (a `u` line without the number).
    visits: HashMap<u32, String>,
    /// A place's entity id → its mark line before and after the articles.
    places: HashMap<String, (String, String)>,
}

impl Facts {
    /// Reads the build's file; an error names the first line that is not a record of it.
    pub fn read(text: &str) -> Result<Facts, String> {
        let mut facts = Facts::default();
        for (number, line) in text.lines().enumerate() {
            let fields: Vec<&str> = line.split('\t').collect();
            let bad = || format!("line {}: not a record of the map: {line:?}", number + 1);
            let visit = || {
                fields
                    .get(1)
                    .and_then(|f| f.parse::<u32>().ok())
                    .ok_or_else(bad)
            };
            match fields[..] {
                ["v", ..] if fields.len() >= 16 => {
                    facts.visits.insert(visit()?, line.to_string());
                }
                ["u", _, ref rest @ ..] if rest.len() >= 6 => {
                    facts
                        .visits
                        .insert(visit()?, format!("u\t{}", rest.join("\t")));
                }
                ["p", entity, name, lat, lon, id, country] => {
                    let before = format!("p\t{entity}\t{name}\t{lat}\t{lon}\t");
                    facts
                        .places
                        .insert(id.to_string(), (before, format!("\t{id}\t{country}")));
                }
                [""] => {}
                _ => return Err(bad()),
            }
        }
        Ok(facts)
    }

    /// The marks of the app's lines (`v visit`, `p id articles`; others pass as they are),
    /// joined with what the build wrote of each; one the build did not write is left out.
    pub fn join(&self, marks: &str) -> String {
        let mut out = String::new();
        for line in marks.lines() {
            let fields: Vec<&str> = line.split('\t').collect();
            match fields[..] {
                ["v", visit] => {
                    if let Some(line) = visit.parse().ok().and_then(|v| self.visits.get(&v)) {
                        out += line;
                        out.push('\n');
                    }
                }
                ["p", id, articles] => {
                    if let Some((before, after)) = self.places.get(id) {
                        out += &format!("{before}{articles}{after}\n");
                    }
                }
                _ => {
                    out += line;
                    out.push('\n');
                }
            }
        }
        out
    }
}

/// Reads `data-marks`; a line that does not read is left out (the app writes them, so a bad
/// one is a bug there, not a user's input).
pub fn parse(text: &str) -> Marks {
    let mut marks = Marks::default();
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let number = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
        let whole = |i: usize| fields.get(i).and_then(|f| f.parse::<u32>().ok());
        let text = |i: usize| fields.get(i).map(|f| f.to_string());
        match fields.first() {
            Some(&"v") => {
                let (Some(visit), Some(country), Some(from), Some(destination), Some(to)) = (
                    whole(1),
                    text(2),
                    text(3).zip(number(4)).zip(number(5)),
                    whole(6),
                    text(7).zip(number(8)).zip(number(9)),
                ) else {
                    continue;
                };
                let tentative = fields.get(10) == Some(&"1");
                let at = (marks.routes.iter())
                    .position(|r| r.country == country && r.destination == destination);
                let route = match at {
                    Some(at) => &mut marks.routes[at],
                    None => {
                        marks.routes.push(RouteMark {
                            country,
                            from: (from.0 .0, from.0 .1, from.1),
                            to: (to.0 .0, to.0 .1, to.1),
                            destination,
                            destination_id: text(15).unwrap_or_default(),
                            ..RouteMark::default()
                        });
                        marks.routes.last_mut().expect("just pushed")
                    }
                };
                route.visits.push(visit);
                route.tentative += usize::from(tentative);
                route.about.push(VisitAbout {
                    id: text(11).unwrap_or_default(),
                    traveler: text(12).unwrap_or_default(),
                    date: text(13).unwrap_or_default(),
                    documents: text(14).unwrap_or_default(),
                });
            }
            Some(&"p") => {
                let (Some(entity), Some(name), Some(lat), Some(lon), Some(articles)) =
                    (whole(1), text(2), number(3), number(4), whole(5))
                else {
                    continue;
                };
                marks.places.push(Place {
                    entity,
                    name,
                    lat,
                    lon,
                    articles,
                    id: text(6).unwrap_or_default(),
                    country: text(7).unwrap_or_default(),
                });
            }
            Some(&"u") => {
                let why = fields.get(2).and_then(|code| Unrouted::from_code(code));
                if let (Some(visit), Some(why)) = (text(1), why) {
                    marks
                        .unrouted
                        .push((visit, text(3).unwrap_or_default(), why));
                }
            }
            _ => {}
        }
    }
    // The busiest first; a stable sort keeps the order of first appearance among equals.
    marks
        .routes
        .sort_by_key(|r| std::cmp::Reverse(r.visits.len()));
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_visits_into_routes_and_says_what_a_mark_stands_for() {
        let text = "v\t4\tChina\tBeijing\t39.9\t116.4\t7\tTehran\t35.7\t51.4\t0\tv9\tX\t2016-01\ta\tplace/tehran\n\
                    v\t1\tIran\tTehran\t35.7\t51.4\t9\tMoscow\t55.8\t37.6\t0\tv1\tA\t2016-09-12\ta b\tplace/moscow\n\
                    v\t2\tIran\tTehran\t35.7\t51.4\t9\tMoscow\t55.8\t37.6\t1\tv2\tB\t\tb\tplace/moscow\n\
                    p\t9\tMoscow\t55.8\t37.6\t3\tplace/moscow\tRussia\n\
                    p\t7\tTehran\t35.7\t51.4\t1\tplace/tehran\tIran\n\
                    u\tSomeone → Atlantis, 2016\td\tv3\n\
                    v\tbroken line\n";
        let marks = parse(text);
        assert_eq!(marks.routes.len(), 2);
        assert_eq!(marks.routes[0].visits, [1, 2]);
        assert_eq!(
            marks.routes[0].label(),
            "Iran → Moscow: 2 visits (1 planned or undated)"
        );
        assert_eq!(marks.routes[1].label(), "China → Tehran: 1 visit");
        assert_eq!(marks.routes[1].from, ("Beijing".to_string(), 39.9, 116.4));
        assert_eq!(marks.places[0].articles, 3);
        assert_eq!(marks.unrouted.len(), 1);
        assert_eq!(marks.unrouted[0].1, "v3");
        assert_eq!(
            marks.summary(),
            "2 routes · 3 visits · 2 places named · 1 visit not on the map"
        );
        assert_eq!(marks.chosen("r0").as_deref(), Some("1 2"));
        assert_eq!(marks.chosen("p0").as_deref(), Some("p 9 1 2"));
        // Past the places drawn, the count says so.
        let mut crowded = marks.clone();
        crowded.places = vec![crowded.places[0].clone(); PLACES_DRAWN + 1];
        assert_eq!(
            crowded.summary(),
            "2 routes · 3 visits · 301 places named (300 most named drawn) · 1 visit not on \
             the map"
        );
        // A place no route ends at.
        let mut alone = marks.clone();
        alone.places[0].entity = 99;
        assert_eq!(alone.chosen("p0").as_deref(), Some("p 99"));
        assert_eq!(marks.chosen("r9"), None);
        assert_eq!(marks.chosen("x0"), None);
        assert_eq!(marks.chosen(""), None);
    }

    #[test]
    fn joins_the_app_s_lines_with_the_build_s_facts() {
        let facts = Facts::read(
            "v\t1\tIran\tTehran\t35.7\t51.4\t9\tMoscow\t55.8\t37.6\t0\tv1\tA\t2016-09-12\ta b\tplace/moscow\n\
             u\t3\tSomeone → Atlantis\td\tv3\tSomeone\t\tb\n\
             p\t9\tMoscow\t55.8\t37.6\tplace/moscow\tRussia\n",
        )
        .unwrap();
        let marks = facts
            .join("v\t1\nv\t3\nv\t7\np\tplace/moscow\t4\np\tplace/nowhere\t1\ne\tperson/a\t2\n");
        assert_eq!(
            marks,
            "v\t1\tIran\tTehran\t35.7\t51.4\t9\tMoscow\t55.8\t37.6\t0\tv1\tA\t2016-09-12\ta b\tplace/moscow\n\
             u\tSomeone → Atlantis\td\tv3\tSomeone\t\tb\n\
             p\t9\tMoscow\t55.8\t37.6\t4\tplace/moscow\tRussia\n\
             e\tperson/a\t2\n"
        );
        let parsed = parse(&marks);
        assert_eq!(parsed.routes[0].visits, [1]);
        assert_eq!(parsed.places[0].articles, 4);
        assert_eq!(parsed.unrouted[0].1, "v3");
        let err = Facts::read("p\t9\tMoscow\n").unwrap_err();
        assert!(err.starts_with("line 1: "), "{err}");
    }

    #[test]
    fn writes_the_marks_as_the_compiler_s_geojson() {
        let text = "v\t1\tIran\tTehran\t35.7\t51.4\t9\tMoscow\t55.8\t37.6\t0\tv1\tA\t2016-09-12\ta b\tplace/moscow\n\
                    v\t2\tIran\tTehran\t35.7\t51.4\t9\tMoscow\t55.8\t37.6\t1\tv2\tB\t2016-01\tb\tplace/moscow\n\
                    p\t9\tMoscow\t55.8\t37.6\t3\tplace/moscow\tRussia\n\
                    u\tSomeone → Atlantis\td\tv3\n";
        let value: serde_json::Value = serde_json::from_str(&parse(text).geojson()).unwrap();
        let features = value["features"].as_array().unwrap();
        assert_eq!(features.len(), 2);
        assert_eq!(features[0]["properties"]["id"], "place/moscow");
        assert_eq!(features[0]["properties"]["country"], "Russia");
        assert_eq!(
            features[0]["geometry"]["coordinates"],
            serde_json::json!([37.6, 55.8])
        );
        let route = &features[1]["properties"];
        assert_eq!(route["visits"], 2);
        assert_eq!(route["tentative"], 1);
        assert_eq!(route["first_date"], "2016-01");
        assert_eq!(route["last_date"], "2016-09-12");
        assert_eq!(route["visit_ids"], serde_json::json!(["v1", "v2"]));
        assert_eq!(route["documents"], serde_json::json!(["a", "b"]));
        assert_eq!(route["destination_id"], "place/moscow");
        assert_eq!(
            value["unrouted"],
            serde_json::json!([{"visit": "v3", "reason": "the destination has no coordinates"}])
        );
    }
}
