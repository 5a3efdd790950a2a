//! Where the traffic went: each visit as a route from the traveller's country (drawn from
//! its capital, the visit's `origin`, which the compiler's gazetteer gives) to the
//! destination, the visits on one route kept together.
//!
//! Invariant: every visit asked about is on exactly one route or in `unrouted` with the
//! reason, so a map or an export that leaves a visit out can say why.

use std::collections::BTreeMap;

use crate::{Corpus, DateBasis, EntityId, Point, Visit, VisitStatus};

/// The visits from one country to one place.
#[derive(Clone, Debug, PartialEq)]
pub struct Route<'a> {
    /// The travellers' country, as the visits name it.
    pub from_country: String,
    /// Where the route starts: the country's capital.
    pub origin: Point,
    /// The destination, a place entity with coordinates.
    pub destination: EntityId,
    /// The destination's name and coordinates.
    pub end: Point,
    /// The visits, in the order given.
    pub visits: Vec<&'a Visit>,
    /// How many of them are tentative: only planned, or dated by their report's
    /// publication, or not at all (a map dashes such a route's share).
    pub tentative: usize,
}

/// Why a visit is on no route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unrouted {
    /// The article does not say which country the traveller is from.
    NoTravellerCountry,
    /// The gazetteer knows no capital (nor centre) for the traveller's country.
    NoOrigin,
    /// The destination is no place with coordinates.
    NoDestination,
}

impl Unrouted {
    /// A letter for the reason, for a reader that words it itself (the page's map, whose
    /// words stay out of the app's first load): `c`, `o` or `d`.
    pub fn code(self) -> &'static str {
        match self {
            Unrouted::NoTravellerCountry => "c",
            Unrouted::NoOrigin => "o",
            Unrouted::NoDestination => "d",
        }
    }

    /// The reason a [`Unrouted::code`] stands for.
    pub fn from_code(code: &str) -> Option<Unrouted> {
        Some(match code {
            "c" => Unrouted::NoTravellerCountry,
            "o" => Unrouted::NoOrigin,
            "d" => Unrouted::NoDestination,
            _ => return None,
        })
    }

    /// Why, in words.
    pub fn as_str(self) -> &'static str {
        match self {
            Unrouted::NoTravellerCountry => "the traveller's country is not known",
            Unrouted::NoOrigin => "the traveller's country has no known capital",
            Unrouted::NoDestination => "the destination has no coordinates",
        }
    }
}

/// The routes of some visits, and the visits on none.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Routes<'a> {
    /// The routes, the most visits first, then by origin and destination name.
    pub routes: Vec<Route<'a>>,
    /// The visits on no route, with the reason, in the order given.
    pub unrouted: Vec<(&'a Visit, Unrouted)>,
}

/// Whether a visit is tentative: planned rather than made, or with no date of its own.
pub fn is_tentative(visit: &Visit) -> bool {
    visit.status != VisitStatus::Happened
        || matches!(visit.date_basis, None | Some(DateBasis::Publication))
}

/// Where a visit's route runs: from its traveller's country's capital to its destination.
#[derive(Clone, Debug, PartialEq)]
pub struct Ends<'a> {
    /// The traveller's country, as the visit names it.
    pub country: &'a str,
    /// The capital the route starts from.
    pub origin: &'a Point,
    /// The destination's entity.
    pub destination: EntityId,
    /// The destination's name and coordinates.
    pub end: Point,
}

/// The ends of `visit`'s route, or why it has none; its destination's coordinates are its
/// place entity's in `corpus`.
pub fn ends<'a>(corpus: &Corpus, visit: &'a Visit) -> Result<Ends<'a>, Unrouted> {
    let country = visit.traveler_country.as_deref();
    let country = country.ok_or(Unrouted::NoTravellerCountry)?;
    let destination = visit.destination_entity.ok_or(Unrouted::NoDestination)?;
    let place = corpus.entities.get(destination as usize);
    let end = place
        .and_then(|place| {
            Some(Point {
                name: place.name.to_string(),
                lat: place.lat?,
                lon: place.lon?,
            })
        })
        .ok_or(Unrouted::NoDestination)?;
    let origin = visit.origin.as_ref().ok_or(Unrouted::NoOrigin)?;
    Ok(Ends {
        country,
        origin,
        destination,
        end,
    })
}

/// The routes of `visits`, visits of `corpus`, whose entities give the destinations'
/// coordinates.
pub fn routes<'a>(corpus: &Corpus, visits: impl IntoIterator<Item = &'a Visit>) -> Routes<'a> {
    let mut found: BTreeMap<(&str, EntityId), Route> = BTreeMap::new();
    let mut unrouted = Vec::new();
    for visit in visits {
        let route = ends(corpus, visit).map(|ends| {
            found
                .entry((ends.country, ends.destination))
                .or_insert_with(|| Route {
                    from_country: ends.country.to_string(),
                    origin: ends.origin.clone(),
                    destination: ends.destination,
                    end: ends.end,
                    visits: Vec::new(),
                    tentative: 0,
                })
        });
        match route {
            Ok(route) => {
                route.visits.push(visit);
                route.tentative += usize::from(is_tentative(visit));
            }
            Err(why) => unrouted.push((visit, why)),
        }
    }
    let mut routes: Vec<Route> = found.into_values().collect();
    crate::sort::sort_by_key(&mut routes, |r| {
        let names = (r.origin.name.clone(), r.end.name.clone());
        (std::cmp::Reverse(r.visits.len()), names)
    });
    Routes { routes, unrouted }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facet::test_corpus::CorpusBuilder;
    use crate::EntityKind;

    /// Tehran and Moscow as places (Moscow with coordinates, Tehran without) and visits
    /// `(traveller's country, destination, status, date basis)`.
    fn corpus(visits: &[(Option<&str>, &str, VisitStatus, Option<DateBasis>)]) -> Corpus {
        let mut builder = CorpusBuilder::default()
            .doc("a", "2016-01-01", "", "Tehran and Moscow")
            .entity(EntityKind::Place, "Moscow", &[])
            .entity(EntityKind::Place, "Tehran", &[]);
        for (number, _) in visits.iter().enumerate() {
            builder = builder.visit(&number.to_string(), "", "", &["a"]);
        }
        let mut corpus = builder.build();
        corpus.entities[0].lat = Some(55.75);
        corpus.entities[0].lon = Some(37.62);
        for (visit, &(country, destination, status, basis)) in corpus.visits.iter_mut().zip(visits)
        {
            visit.traveler_country = country.map(str::to_string);
            visit.destination = destination.to_string();
            visit.destination_entity = (corpus.entities.iter())
                .position(|e| &*e.name == destination)
                .map(|i| i as EntityId);
            visit.status = status;
            visit.date_basis = basis;
            // What the compiler's gazetteer would give.
            visit.origin = (country == Some("Iran")).then(|| Point {
                name: "Tehran".into(),
                lat: 35.69,
                lon: 51.42,
            });
        }
        corpus
    }

    #[test]
    fn keeps_the_visits_of_one_route_together_and_says_why_others_have_none() {
        use VisitStatus::*;
        let stated = Some(DateBasis::Stated);
        let corpus = corpus(&[
            (Some("Iran"), "Moscow", Happened, stated),
            (Some("Iran"), "Moscow", Planned, stated),
            (
                Some("Iran"),
                "Moscow",
                Happened,
                Some(DateBasis::Publication),
            ),
            (Some("Iran"), "Moscow", Happened, Some(DateBasis::Relative)),
            (None, "Moscow", Happened, stated),
            (Some("Atlantis"), "Moscow", Happened, stated),
            (Some("Iran"), "Tehran", Happened, stated),
            (Some("Iran"), "Nowhere", Happened, stated),
        ]);
        let routes = routes(&corpus, &corpus.visits);
        assert_eq!(routes.routes.len(), 1);
        let route = &routes.routes[0];
        let ids = |visits: &[&Visit]| visits.iter().map(|v| v.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&route.visits), ["0", "1", "2", "3"]);
        assert_eq!(route.tentative, 2);
        assert_eq!(
            (route.origin.name.as_str(), route.end.name.as_str()),
            ("Tehran", "Moscow")
        );
        assert_eq!((route.end.lat, route.end.lon), (55.75, 37.62));
        let why: Vec<(&str, Unrouted)> = (routes.unrouted.iter())
            .map(|(visit, why)| (visit.id.as_str(), *why))
            .collect();
        assert_eq!(
            why,
            [
                ("4", Unrouted::NoTravellerCountry),
                ("5", Unrouted::NoOrigin),
                ("6", Unrouted::NoDestination),
                ("7", Unrouted::NoDestination),
            ]
        );
        // Only the visits given.
        let some = [&corpus.visits[1], &corpus.visits[4]];
        assert_eq!(ids(&super::routes(&corpus, some).routes[0].visits), ["1"]);
    }
}
