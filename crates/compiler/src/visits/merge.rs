//! One visit per trip: continuations join the visit they refer to, and
//! candidates about the same trip (same traveler, same destination, compatible
//! dates) merge within and across articles, keeping all their evidence and the
//! most precise date.
//!
//! Compatibility: destinations match when they are the same place, or one is a
//! country and the other a city in it. Dates match when their ranges overlap or
//! lie within a week of each other (a multi-day trip: arrival Monday, talks
//! Wednesday). An undated report in a dated article stands, for this test only,
//! for the month before publication (or the months after it, for a plan), so
//! it joins the article's current trip and not an older one it recalls. In an
//! undated article an undated report joins any of the article's trips; across
//! undated articles nothing merges, so two undated reports of different trips
//! never become one.

use std::collections::HashMap;

use communique_core::{
    DateBasis, DocId, Document, Evidence, PartialDate, SourceRef, Visit, VisitStatus,
};

use super::context::{Person, Place};
use super::patterns::Candidate;
use super::timex::When;

/// The key under which a traveler's trips are compared: the entity, else the name.
fn traveler_key(p: &Person) -> String {
    match p.entity {
        Some(e) => format!("#{e}"),
        None => p.name.to_lowercase(),
    }
}

/// Days before publication an undated report of a trip may refer to.
const RECENT_DAYS: i64 = 31;
/// Days after publication an undated plan may refer to.
const PLAN_DAYS: i64 = 92;

/// Days two dated reports may lie apart and still be one trip.
const SAME_TRIP_DAYS: i64 = 7;

/// A trip being assembled from candidates.
struct Trip {
    traveler: Person,
    destination: Place,
    hosts: Vec<Person>,
    inviter: Option<String>,
    dates: Vec<When>,
    statuses: Vec<VisitStatus>,
    purpose: Option<String>,
    evidence: Vec<(SourceRef, &'static str)>,
    /// First and last publication day of the articles reporting it.
    published: Option<(i64, i64)>,
    /// The earliest publication date of those articles: the trip's date when none is stated.
    first_published: Option<PartialDate>,
    /// The narrowest date range of `dates`, as (first, last) day numbers.
    best: Option<(i64, i64)>,
    /// For an undated report in a dated article, the days it most likely means
    /// (the weeks before publication, or after it for a plan); used only to
    /// decide which reports are one trip, never shown as a date.
    implied: Option<(i64, i64)>,
}

impl Trip {
    fn from(doc: DocId, published: Option<PartialDate>, c: Candidate) -> Option<Trip> {
        let status = c.status;
        Some(Trip {
            traveler: c.traveler?,
            destination: c.destination?,
            hosts: c.hosts,
            inviter: c.inviter,
            dates: c.when.into_iter().collect(),
            statuses: vec![c.status],
            purpose: c.purpose,
            evidence: vec![(
                SourceRef {
                    doc,
                    span: c.evidence,
                },
                c.rule,
            )],
            published: published.map(|d| (d.first_day(), d.last_day())),
            // A recalled trip is not the one the article reports: its day is not the
            // article's (it keeps no date unless a report of the same trip gives one).
            first_published: published.filter(|_| !c.recalled),
            best: c.when.map(|w| w.days()),
            implied: published.map(|p| {
                let (first, last) = (p.first_day(), p.last_day());
                match status {
                    VisitStatus::Happened => (first - RECENT_DAYS, last + 1),
                    VisitStatus::Planned => (first, last + PLAN_DAYS),
                    // A cancellation concerns a plan made lately for the months ahead.
                    VisitStatus::Cancelled => (first - RECENT_DAYS, last + PLAN_DAYS),
                }
            }),
        })
    }

    /// Adds a continuation's evidence, counterparts, inviter and purpose.
    fn absorb(&mut self, doc: DocId, c: Candidate) {
        for h in c.hosts {
            // Counterparts met abroad are the destination's people, not the traveler's compatriots.
            let local = match (&h.country, &self.destination.country) {
                (Some(h), Some(d)) => h == d,
                (None, _) => true,
                _ => false,
            };
            if local && h.country != self.traveler.country && !h.same(&self.traveler) {
                add_host(&mut self.hosts, h);
            }
        }
        if self.inviter.is_none() {
            self.inviter = c.inviter;
        }
        if self.purpose.is_none() {
            self.purpose = c.purpose;
        }
        self.dates.extend(c.when);
        self.evidence.push((
            SourceRef {
                doc,
                span: c.evidence,
            },
            c.rule,
        ));
    }

    /// Folds another trip into this one.
    fn join(&mut self, other: Trip) {
        for h in other.hosts {
            add_host(&mut self.hosts, h);
        }
        if self.inviter.is_none() {
            self.inviter = other.inviter;
        }
        if self.purpose.is_none() {
            self.purpose = other.purpose;
        }
        // A city is more precise than its country.
        if self.destination.is_country && !other.destination.is_country {
            self.destination = other.destination;
        }
        let mut incoming = other.traveler;
        let delegation = self.traveler.delegation || incoming.delegation;
        if self.traveler.entity.is_none() && incoming.entity.is_some() {
            std::mem::swap(&mut self.traveler, &mut incoming);
        }
        self.traveler.delegation = delegation;
        self.traveler.country = self.traveler.country.take().or(incoming.country);
        self.traveler.role = self.traveler.role.take().or(incoming.role);
        self.dates.extend(other.dates);
        self.best = narrowest(self.best, other.best);
        self.implied = match (self.implied, other.implied) {
            (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
            (a, b) => a.or(b),
        };
        self.statuses.extend(other.statuses);
        self.evidence.extend(other.evidence);
        self.published = match (self.published, other.published) {
            (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
            (a, b) => a.or(b),
        };
        self.first_published = match (self.first_published, other.first_published) {
            (Some(a), Some(b)) => Some(if b.first_day() < a.first_day() { b } else { a }),
            (a, b) => a.or(b),
        };
    }

    /// The narrowest date range this trip's reports agree on, as (first, last) day numbers.
    fn span(&self) -> Option<(i64, i64)> {
        self.best
    }

    /// Whether `other` reports the same trip; `same_article` when both come from one article.
    fn compatible(&self, other: &Trip, same_article: bool) -> bool {
        if !self.traveler.same(&other.traveler)
            || !same_place(&self.destination, &other.destination)
        {
            return false;
        }
        // A trip called off is not one that took place; it is the plan it cancels.
        let cancelled = |t: &Trip| t.statuses.iter().all(|s| *s == VisitStatus::Cancelled);
        let happened = |t: &Trip| t.statuses.contains(&VisitStatus::Happened);
        if (cancelled(self) && happened(other)) || (happened(self) && cancelled(other)) {
            return false;
        }
        // An undated report of a dated article stands for a recent trip: "X has
        // arrived in Y" is not the trip "X last made in 2019" the article recalls.
        let when = |t: &Trip| t.span().or(t.implied);
        match (when(self), when(other)) {
            (Some((a0, a1)), Some((b0, b1))) => {
                a0 <= b1 + SAME_TRIP_DAYS && b0 <= a1 + SAME_TRIP_DAYS
            }
            (None, None) => same_article || published_close(self.published, other.published),
            // An undated report joins a dated one only inside the same article.
            _ => same_article,
        }
    }
}

/// The narrower of two day ranges (the first on a tie).
fn narrowest(a: Option<(i64, i64)>, b: Option<(i64, i64)>) -> Option<(i64, i64)> {
    match (a, b) {
        (Some(x), Some(y)) if y.1 - y.0 < x.1 - x.0 => Some(y),
        (x, y) => x.or(y),
    }
}

/// Whether two reports were published within a week of each other.
fn published_close(a: Option<(i64, i64)>, b: Option<(i64, i64)>) -> bool {
    match (a, b) {
        (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 + SAME_TRIP_DAYS && b0 <= a1 + SAME_TRIP_DAYS,
        _ => false,
    }
}

fn same_place(a: &Place, b: &Place) -> bool {
    if let (Some(x), Some(y)) = (a.entity, b.entity) {
        if x == y {
            return true;
        }
    }
    if a.name.eq_ignore_ascii_case(&b.name) {
        return true;
    }
    (a.is_country || b.is_country) && a.country.is_some() && a.country == b.country
}

fn add_host(hosts: &mut Vec<Person>, h: Person) {
    if !hosts.iter().any(|x| x.same(&h)) {
        hosts.push(h);
    }
}

/// Turns each article's candidates (in sentence order) into visits, one per trip.
pub fn merge(docs: &[Document], per_doc: Vec<Vec<Candidate>>) -> Vec<Visit> {
    let mut trips: Vec<Trip> = Vec::new();
    // Trips by traveler, so each report is compared with that traveler's trips only.
    let mut by_traveler: HashMap<String, Vec<usize>> = HashMap::new();
    for (d, candidates) in per_doc.into_iter().enumerate() {
        let doc = d as DocId;
        let published = docs.get(d).and_then(|doc| doc.date);
        let mut local: Vec<(usize, Trip)> = Vec::new();
        let mut pending = Vec::new();
        for (n, c) in candidates.into_iter().enumerate() {
            if !c.is_complete() {
                pending.push((n, c));
                continue;
            }
            let Some(trip) = Trip::from(doc, published, c) else {
                continue;
            };
            match local.iter_mut().find(|(_, t)| t.compatible(&trip, true)) {
                Some((_, t)) => t.join(trip),
                None => local.push((n, trip)),
            }
        }
        // A continuation joins the nearest trip before it (else after it) whose traveler it names.
        for (n, c) in pending {
            // A continuation dated outside the trip is about something else.
            let dated_apart = |t: &Trip| match (t.span(), c.when.map(|w| w.days())) {
                (Some((a0, a1)), Some((b0, b1))) => {
                    a0 > b1 + SAME_TRIP_DAYS || b0 > a1 + SAME_TRIP_DAYS
                }
                _ => false,
            };
            let fits = |t: &Trip| {
                c.traveler.as_ref().is_none_or(|p| p.same(&t.traveler)) && !dated_apart(t)
            };
            let before = local.iter().rposition(|(at, t)| *at < n && fits(t));
            let after = local.iter().position(|(at, t)| *at > n && fits(t));
            if let Some(k) = before.or(after) {
                local[k].1.absorb(doc, c);
            }
        }
        for (_, trip) in local {
            let key = traveler_key(&trip.traveler);
            let same = by_traveler.entry(key).or_default();
            match same.iter().find(|&&k| trips[k].compatible(&trip, false)) {
                Some(&k) => trips[k].join(trip),
                None => {
                    same.push(trips.len());
                    trips.push(trip);
                }
            }
        }
    }
    let mut visits: Vec<Visit> = trips.into_iter().map(into_visit).collect();
    visits.sort_by(|a, b| {
        let key = |v: &Visit| {
            (
                v.date.is_none(),
                v.date.map(|d| d.first_day()),
                v.traveler.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    for (n, v) in visits.iter_mut().enumerate() {
        v.id = format!("v{}", n + 1);
    }
    visits
}

/// The date a report of a trip that states none stands for: the day it was
/// published for a trip that happened (news reports the days around it), its
/// month for a plan or a cancellation (announced for the weeks ahead).
fn publication_frame(published: Option<PartialDate>, status: VisitStatus) -> Option<PartialDate> {
    let published = published?;
    Some(match status {
        VisitStatus::Happened => published,
        _ if published.month == 0 => published,
        _ => PartialDate::ym(published.year, published.month),
    })
}

fn into_visit(mut trip: Trip) -> Visit {
    // Stable: the first rule to read a sentence names its evidence.
    trip.evidence.sort_by_key(|(source, _)| *source);
    trip.evidence.dedup_by_key(|(source, _)| *source);
    // A trip that starts after every report of it was published has not happened yet,
    // whatever a present tense said ("her visit marks the first …").
    let still_ahead =
        matches!((trip.best, trip.published), (Some((first, _)), Some((_, last))) if first > last);
    let status = if trip.statuses.contains(&VisitStatus::Happened) && !still_ahead {
        VisitStatus::Happened
    } else if trip.statuses.contains(&VisitStatus::Cancelled) {
        VisitStatus::Cancelled
    } else {
        VisitStatus::Planned
    };
    // The most precise date; several exact days make a range (arrival Monday, talks Wednesday).
    let days: Vec<&When> = trip
        .dates
        .iter()
        .filter(|w| w.end.is_none() && w.width() == 1)
        .collect();
    let first = days.iter().min_by_key(|w| w.date);
    let last = days.iter().max_by_key(|w| w.date);
    let (date, date_end, date_basis) = match (first, last) {
        (Some(first), Some(last)) => {
            let stated = days.iter().any(|w| w.basis == DateBasis::Stated);
            let basis = if stated {
                DateBasis::Stated
            } else {
                DateBasis::Relative
            };
            let end = (first.date != last.date).then_some(last.date);
            (Some(first.date), end, Some(basis))
        }
        _ => match trip.dates.iter().min_by_key(|w| w.width()) {
            Some(w) => (Some(w.date), w.end, Some(w.basis)),
            None => match publication_frame(trip.first_published, status) {
                Some(date) => (Some(date), None, Some(DateBasis::Publication)),
                None => (None, None, None),
            },
        },
    };
    // The traveler of "a delegation led by X" is X: facets, entity pages and
    // exports name people, and the evidence sentence says it was a delegation.
    let traveler = trip.traveler.name.clone();
    Visit {
        id: String::new(),
        traveler,
        traveler_entity: trip.traveler.entity,
        traveler_role: trip.traveler.role,
        origin: (trip.traveler.country.as_deref()).and_then(crate::entities::capital),
        traveler_country: trip.traveler.country,
        destination: trip.destination.name,
        destination_entity: trip.destination.entity,
        country: trip.destination.country,
        hosts: trip.hosts.into_iter().map(|h| h.name).collect(),
        inviter: trip.inviter,
        date,
        date_end,
        date_basis,
        status,
        purpose: trip.purpose,
        evidence: trip
            .evidence
            .into_iter()
            .map(|(source, rule)| Evidence {
                source,
                rule: rule.to_string(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str, country: &str) -> Place {
        Place {
            name: name.into(),
            entity: None,
            country: Some(country.into()),
            is_country: name == country,
        }
    }

    /// `a` and `b` are `name/country` places; `expect` whether they may be one destination.
    fn check(a: &str, b: &str, expect: bool) {
        let parse = |p: &str| {
            let (name, country) = p.split_once('/').unwrap();
            place(name, country)
        };
        assert_eq!(same_place(&parse(a), &parse(b)), expect, "{a} ~ {b}");
    }

    #[test]
    fn destinations_match_by_name_or_country() {
        check("Moscow/Russia", "Moscow/Russia", true);
        check("Moscow/Russia", "Russia/Russia", true);
        check("Russia/Russia", "Sochi/Russia", true);
        check("Moscow/Russia", "Sochi/Russia", false);
        check("Moscow/Russia", "Tehran/Iran", false);
        check("Iran/Iran", "Russia/Russia", false);
    }

    #[test]
    fn ranges_keep_the_narrowest_and_publication_a_week_apart() {
        assert_eq!(narrowest(Some((0, 30)), Some((5, 5))), Some((5, 5)));
        assert_eq!(narrowest(Some((5, 5)), Some((0, 30))), Some((5, 5)));
        assert_eq!(narrowest(None, Some((1, 2))), Some((1, 2)));
        assert_eq!(narrowest(None, None), None);
        assert!(published_close(Some((10, 10)), Some((17, 17))));
        assert!(!published_close(Some((10, 10)), Some((18, 18))));
        assert!(!published_close(None, Some((10, 10))));
    }
}
