//! The visit rules: each reads one sentence and proposes candidate visits
//! (traveler, destination, date, status, hosts, inviter, purpose) named after
//! the rule that fired.
//!
//! Rules, by name:
//! - `visited` "X visited Y"; `visit-to` / `trip-to` / `travel-to` "X's visit to Y",
//!   "a visit by X to Y", "a visit to Y by X", "his trip to Y"; `stay-in` "during
//!   his stay in Y"; `visit-in` "X said in Y during his visit";
//! - `arrived-in` "X arrived in Y" (or "arrived here": the dateline's city);
//!   `arrival-in` "upon (his) arrival in Y"; `left-for` "X left A for B";
//!   `travelled-to` "X travelled/flew/went to Y", "X flew in to Y", "X will move on
//!   to Y", "X returned to Y"; `returned-from` "X returned from Y", "X arrived back
//!   from a meeting in Y"; `sent-to` "W sent X to Y"; `arrived-from` the place a
//!   traveler came from or left on the way ("arrived in Y from Z", "left Z for Y");
//!   `is-in` "X, who is in Y, …", "X was last in Y for …";
//! - coordinated subjects ("X and Y visited Z") each make the trip;
//! - `talks-in`, `met-in`, `meeting-in`: "X held talks/met with … in Y", "In Y, X
//!   met W", "during a meeting in Y", only when X is foreign to Y and is not
//!   meeting a third country's official there; a local official meeting one
//!   foreign guest makes the guest the traveler; talks by phone or video do not count;
//! - `hosted`, `received`, `welcomed`: "Y hosted X", "W received X (in Y)", "X was
//!   received by W"; `visiting`: "W met visiting minister X";
//! - continuations without a destination, which add evidence, hosts or the
//!   inviter to the article's visit they refer to: `visit-mention` ("The visit
//!   comes…", "During the visit, he…"), `met-with` ("He also met with …"),
//!   `invitation` ("at the invitation of W").
//!
//! Status: "will", "is set/scheduled/due/expected to", "plans to", an infinitive
//! ("Lavrov to visit Tehran"), "upcoming", "ahead of", "before X's arrival" make
//! a visit planned; "cancelled/postponed/called off" cancelled, also when a past
//! plan is called off later in the sentence; a negation ("did not visit", "never
//! visited"), a wish, possibility or invitation ("could visit", "possible that X
//! will visit", "invited him to visit") or a condition ("once the war ends")
//! yields no visit at all. Travelers, hosts and places are resolved by
//! [`DocState`]; ambassadors posted in a country and private travelers
//! (athletes, artists, tourists) make no diplomatic visit.

use std::collections::HashSet;
use std::sync::OnceLock;

use communique_core::{DatePrecision, VisitStatus};

use super::context::{DocState, Person, PlaceHit, Sentence, VISIT_NOUNS};
use super::reference::{
    inviter_in, person_after, plural_subject, possessor_before, subject_after_comma, subject_before,
};
use super::timex::{self, Tense, Timex, When};

mod candidate;
mod meetings;
mod status;
mod travel;
pub(super) mod words;

pub use candidate::Candidate;
use candidate::{continuation, visit};
use meetings::{attend_rule, attendance, host_rule, meet_rule};
use status::{after_time, is_future, past_plan, pick_timex, purpose_after, trip_days};
use travel::{
    fellow_travelers, further_destinations, is_in_rule, is_noun_position, noun_rule, origin,
    returned_rule, sent_rule, taken_rule, visiting_list, visiting_rule,
};
use words::{
    ARRIVE_VERBS, ATTEND_VERBS, FUTURE_MARKERS, HOST_VERBS, LEAVE_VERBS, MEET_WORDS, RETURN_VERBS,
    SEND_VERBS, TAKE_VERBS, TRAVEL_VERBS, VISIT_VERBS,
};

/// Every candidate the rules find in one sentence.
pub fn candidates(s: &Sentence, st: &DocState) -> Vec<Candidate> {
    let triggers = trigger_words();
    if !s.tokens.iter().any(|t| triggers.contains(t.lower.as_ref())) {
        return Vec::new();
    }
    let mut fired: Vec<(usize, Candidate)> = Vec::new();
    for i in 0..s.tokens.len() {
        // Words inside a name ("Visit Russia Agency") are never triggers.
        if !triggers.contains(s.tokens[i].lower.as_ref()) || s.ref_at(i).is_some() {
            continue;
        }
        // A plural subject stands here for the first of its pair; when the rule cannot
        // use that one (at home there), it may use the other.
        let found = rule_at(s, st, i).or_else(|| {
            plural_subject(s, st, i)?;
            let mut swapped = st.clone();
            swapped.pair = st.pair.clone().map(|(a, b)| (b, a));
            rule_at(s, &swapped, i)
        });
        if let Some(mut c) = found {
            c.evidence = s.span;
            if c.purpose.is_none() {
                c.purpose = purpose_after(s, i);
            }
            fired.push((i, c));
        }
    }
    // "will travel to Italy and France", "visits Saudi Arabia, Qatar and the UAE":
    // one visit per coordinated destination.
    let mut coordinated = Vec::new();
    for (i, c) in &fired {
        coordinated.extend(further_destinations(s, st, c).into_iter().map(|place| {
            (
                *i,
                Candidate {
                    destination: Some(place),
                    ..c.clone()
                },
            )
        }));
    }
    fired.extend(coordinated);
    // "X and Y visited Z": each coordinated subject makes the trip.
    let mut fellows = Vec::new();
    let mut subjects: Vec<(usize, Person)> = Vec::new();
    for (i, c) in &fired {
        for person in fellow_travelers(s, st, *i, c) {
            subjects.push((*i, person.clone()));
            let Some(place) = c.destination.clone() else {
                continue;
            };
            if let Some(f) = visit(s, st, *i, c.rule, person, place) {
                fellows.push((
                    *i,
                    Candidate {
                        purpose: c.purpose.clone(),
                        ..f
                    },
                ));
            }
        }
    }
    // "They met in Y", "the two leaders held talks in Y": each of the pair who is
    // abroad there makes the trip.
    let mut pairs = Vec::new();
    for (i, c) in &fired {
        let (Some(place), Some(people)) = (&c.destination, plural_subject(s, st, *i)) else {
            continue;
        };
        for person in people {
            if c.traveler.as_ref().is_some_and(|t| t.same(&person)) {
                continue;
            }
            if let Some(f) = visit(s, st, *i, c.rule, person, place.clone()) {
                pairs.push((
                    *i,
                    Candidate {
                        purpose: c.purpose.clone(),
                        ..f
                    },
                ));
            }
        }
    }
    fired.extend(fellows);
    fired.extend(attendance(s, st));
    fired.extend(visiting_list(s, st));
    fired.extend(pairs);
    // A subject of the trip's verb is nobody's host, even one at home there.
    for (i, c) in &mut fired {
        c.hosts
            .retain(|h| !subjects.iter().any(|(at, p)| at == i && p.same(h)));
    }
    // "arrived in Belgrade from France", "flew in to Y from Colombo", "left Italy for
    // Ghana": the place left was a stop of the same tour, when it is abroad for the traveler.
    let origins: Vec<(usize, Candidate)> = fired
        .iter()
        .filter(|(_, c)| matches!(c.rule, "arrived-in" | "travelled-to" | "left-for"))
        .filter_map(|(i, c)| {
            let place = origin(s, st, *i, c)?;
            Some((
                *i,
                Candidate {
                    rule: "arrived-from",
                    destination: Some(place),
                    hosts: Vec::new(),
                    purpose: None,
                    status: VisitStatus::Happened,
                    ..c.clone()
                },
            ))
        })
        .collect();
    fired.extend(origins);
    // Someone travelling in the same sentence ("Before X's arrival in Bonn, Y will
    // visit Israel") is nobody's host there.
    let travelers: Vec<Person> = fired
        .iter()
        .filter(|(_, c)| c.is_complete())
        .filter_map(|(_, c)| c.traveler.clone())
        .collect();
    for (_, c) in &mut fired {
        c.hosts.retain(|h| !travelers.iter().any(|t| t.same(h)));
    }
    // Dates are read only once a rule fired, since most sentences have no visit.
    if !fired.is_empty() {
        let timexes = timex::find(&s.tokens);
        // Beside a trip, a continuation ("will travel to Y in July to meet W") is part of
        // it: it neither takes the trip's date from it nor gets one of its own.
        let trips = fired.iter().any(|(_, c)| c.is_complete());
        let positions: Vec<usize> = fired
            .iter()
            .filter(|(_, c)| c.is_complete() || !trips)
            .map(|(i, _)| *i)
            .collect();
        for (i, c) in &mut fired {
            if trips && !c.is_complete() {
                continue;
            }
            if let Some(found) = pick_timex(s, &timexes, *i, &positions) {
                date(s, st, *i, c, found.timex);
            }
        }
    }
    let mut out: Vec<Candidate> = fired.into_iter().map(|(_, c)| c).collect();
    // "She hosted X when he visited Y in May 2018": one trip said twice in a sentence;
    // the dated saying wins and takes the undated one's hosts.
    let mut k = 0;
    while k < out.len() {
        let same_trip = |a: &Candidate, b: &Candidate| {
            a.is_complete()
                && b.is_complete()
                && a.status == b.status
                && a.traveler
                    .as_ref()
                    .zip(b.traveler.as_ref())
                    .is_some_and(|(x, y)| x.same(y))
                && a.destination.as_ref().map(|d| &d.country)
                    == b.destination.as_ref().map(|d| &d.country)
        };
        let dated = (0..out.len())
            .find(|&j| j != k && out[j].when.is_some() && same_trip(&out[j], &out[k]));
        match dated {
            Some(j) if out[k].when.is_none() => {
                let undated = out.remove(k);
                let j = if j > k { j - 1 } else { j };
                for host in undated.hosts {
                    if !out[j].hosts.iter().any(|h| h.same(&host)) {
                        out[j].hosts.push(host);
                    }
                }
            }
            _ => k += 1,
        }
    }
    if let Some(inviter) = inviter_in(s, st) {
        if out.is_empty() {
            out.push(continuation(s, "invitation", None));
        }
        for c in &mut out {
            c.inviter.get_or_insert_with(|| inviter.clone());
        }
    }
    out
}

/// Resolves the candidate's date in its tense; a future-pointing expression
/// ("tomorrow") makes a present-tense report a planned visit.
fn date(s: &Sentence, st: &DocState, i: usize, c: &mut Candidate, t: Timex) {
    let tense = match c.status {
        _ if past_plan(s, i) => Tense::Past,
        VisitStatus::Planned => Tense::Future,
        _ if is_future(t) => Tense::Future,
        _ => Tense::Past,
    };
    if tense == Tense::Future && c.status == VisitStatus::Happened {
        c.status = VisitStatus::Planned;
    }
    c.when = timex::resolve(t, st.anchor(), tense).map(|when| match trip_days(s) {
        // "arrived on Monday for a three-day visit": the visit's days from its first.
        Some(days) if when.end.is_none() && when.date.precision() == DatePrecision::Day => {
            let last = when.date.first_day() + days - 1;
            When {
                end: Some(timex::date_of_day(last)),
                ..when
            }
        }
        _ => when,
    });
}

/// Every word a rule is keyed on, plus those of the invitation phrase; most
/// sentences have none and are skipped at the cost of one lookup per word.
fn trigger_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        [
            VISIT_VERBS,
            VISIT_NOUNS,
            ARRIVE_VERBS,
            LEAVE_VERBS,
            TRAVEL_VERBS,
            MEET_WORDS,
            HOST_VERBS,
            ATTEND_VERBS,
            RETURN_VERBS,
            SEND_VERBS,
            TAKE_VERBS,
            &[
                "invitation",
                "invited",
                "in",
                "here",
                "foot",
                "touched",
                "touches",
                "touching",
            ],
        ]
        .into_iter()
        .flatten()
        .copied()
        .collect()
    })
}

/// Applies the rule keyed by the word at `i`, if any fires.
fn rule_at(s: &Sentence, st: &DocState, i: usize) -> Option<Candidate> {
    let w = s.word(i);
    // "X is in Moscow", "X, who is currently in Moscow, …" (the commonest trigger word, first).
    if w == "in" || w == "here" {
        return is_in_rule(s, st, i);
    }
    if w == "visiting" {
        if let Some(c) = visiting_rule(s, st, i) {
            return Some(c);
        }
    }
    if TAKE_VERBS.contains(&w) {
        return taken_rule(s, st, i);
    }
    if VISIT_VERBS.contains(&w) && !is_noun_position(s, i) {
        if let PlaceHit::Place(place, last) = st.place_at(s, i + 1) {
            // "The last German minister to visit Australia was Joschka Fischer, in 2005".
            if s.is_any(i.wrapping_sub(1), &["to"]) && s.is_any(last + 1, &["was", "is"]) {
                if let Some((named, _)) = person_after(s, st, last + 2) {
                    return visit(s, st, i, "visited", named, place);
                }
            }
            let traveler = subject_before(s, st, i).or_else(|| subject_after_comma(s, st, i))?;
            return visit(s, st, i, "visited", traveler, place);
        }
    }
    if VISIT_NOUNS.contains(&w) && w != "arrival" {
        return noun_rule(s, st, i);
    }
    // "returned from Y", "arrived back on Wednesday from a meeting in Y".
    let back = s.is_any(i + 1, &["back", "home"])
        && (ARRIVE_VERBS.contains(&w) || TRAVEL_VERBS.contains(&w));
    if RETURN_VERBS.contains(&w) || back {
        return returned_rule(s, st, i);
    }
    if SEND_VERBS.contains(&w) {
        return sent_rule(s, st, i);
    }
    // "arrived here": the dateline's city.
    let after = after_time(s, i + 1);
    if (ARRIVE_VERBS.contains(&w) || w == "arrival") && s.is_any(after, &["here"]) {
        let place = st.dateline_place()?;
        let traveler = possessor_before(s, st, i).or_else(|| subject_before(s, st, i))?;
        return visit(s, st, i, "arrived-in", traveler, place);
    }
    // "arrived in Y", "arrived Sunday in Y", "landed late on Tuesday in Y", "touched down in Y".
    let touched_down = s.is_any(i + 1, &["down"]) && w.starts_with("touch");
    let after = if touched_down {
        after_time(s, i + 2)
    } else {
        after
    };
    if (ARRIVE_VERBS.contains(&w) || touched_down) && s.is_any(after, &["in", "at"]) {
        let PlaceHit::Place(place, _) = st.place_at(s, after + 1) else {
            return None;
        };
        let traveler = subject_before(s, st, i).or_else(|| subject_after_comma(s, st, i))?;
        return visit(s, st, i, "arrived-in", traveler, place);
    }
    // "will set foot again in Y on Tuesday": an arrival.
    if w == "foot" && s.is_any(i.wrapping_sub(1), &["set", "sets", "setting"]) {
        let at = if s.is_any(after, &["again"]) {
            after + 1
        } else {
            after
        };
        if !s.is_any(at, &["in", "on"]) {
            return None;
        }
        let PlaceHit::Place(place, _) = st.place_at(s, at + 1) else {
            return None;
        };
        let traveler = subject_before(s, st, i - 1)?;
        return visit(s, st, i, "arrived-in", traveler, place);
    }
    if w == "arrival" && s.is_any(after, &["in", "at"]) {
        let PlaceHit::Place(place, _) = st.place_at(s, after + 1) else {
            return None;
        };
        let traveler = possessor_before(s, st, i)
            .or_else(|| subject_before(s, st, i))
            .or_else(|| subject_after_comma(s, st, i))?;
        return visit(s, st, i, "arrival-in", traveler, place);
    }
    if LEAVE_VERBS.contains(&w) {
        // "left Tehran for Moscow", "left for Moscow", "his departure late Sunday for Y"
        let mut k = after;
        if let PlaceHit::Place(_, last) = st.place_at(s, k) {
            k = after_time(s, last + 1);
        }
        // "departed to Y" is a trip too; "left to" is not ("left to die").
        let to = w.starts_with("depart") && s.is_any(k, &["to"]);
        if !s.is_any(k, &["for"]) && !to {
            return None;
        }
        let PlaceHit::Place(place, _) = st.place_at(s, k + 1) else {
            return None;
        };
        let traveler = if w == "departure" {
            possessor_before(s, st, i)?
        } else {
            subject_before(s, st, i)?
        };
        return visit(s, st, i, "left-for", traveler, place);
    }
    // "headed for Y" is a trip; "came for talks" names no place; "flew late Sunday to Y";
    // "flew in to Y", "moved on to Y" (a tour's next stop: "moved to Y" alone is a
    // change of home, not a trip).
    let particle = s.is_any(i + 1, &["on", "in", "off"]) && s.is_any(i + 2, &["to"]);
    let to = if particle { i + 2 } else { after };
    let to_place =
        s.is_any(to, &["to", "into"]) || (w.starts_with("head") && s.is_any(after, &["for"]));
    let relocation = w.starts_with("mov") && !particle;
    if TRAVEL_VERBS.contains(&w) && to_place && !relocation && !is_noun_position(s, i) {
        let PlaceHit::Place(place, _) = st.place_at(s, to + 1) else {
            return None;
        };
        let traveler = subject_before(s, st, i).or_else(|| subject_after_comma(s, st, i))?;
        let mut c = visit(s, st, i, "travelled-to", traveler, place)?;
        // "Before heading on to Y, X is expected to meet …": the leg after a plan is a plan.
        if s.is_any(i.wrapping_sub(1), &["before"]) {
            let main = (i..s.tokens.len())
                .skip_while(|&k| !s.is_any(k, &[","]))
                .skip(1);
            if main
                .take_while(|&k| !s.is_any(k, &[",", ";"]))
                .any(|k| s.is_any(k, FUTURE_MARKERS))
            {
                c.status = VisitStatus::Planned;
            }
        }
        return Some(c);
    }
    if ATTEND_VERBS.contains(&w) {
        return attend_rule(s, st, i);
    }
    if MEET_WORDS.contains(&w) {
        return meet_rule(s, st, i);
    }
    if HOST_VERBS.contains(&w) {
        return host_rule(s, st, i);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::visits::testkit::{corpus, Fixture};
    use crate::visits::{context::Known, mentions_by_doc, read_article};

    /// Runs the rules over every sentence of `text` (published on `date`, `-` for
    /// none) with entities `names`, and renders each candidate as
    /// `rule: traveler(country) -> destination(country) date status [hosts] inviter purpose`.
    pub(super) fn check(text: &str, date: &str, names: &[&str], expect: &[&str]) {
        let Fixture { docs, entities } = corpus(&[(text, date)], names);
        let mentions = mentions_by_doc(&docs, &entities);
        let known = Known::new(&entities);
        let got: Vec<String> = read_article(0, &docs[0], &mentions[0], &known)
            .iter()
            .map(render)
            .collect();
        assert_eq!(got, expect, "{text}");
    }

    fn render(c: &Candidate) -> String {
        let person = |p: &Person| format!("{}({})", p.name, p.country.as_deref().unwrap_or("?"));
        let mut out = format!("{}: ", c.rule);
        out += &c.traveler.as_ref().map_or("?".into(), person);
        if let Some(d) = &c.destination {
            out += &format!(" -> {}({})", d.name, d.country.as_deref().unwrap_or("?"));
        }
        if let Some(w) = c.when {
            out += &format!(" {}", w.date.iso());
            if let Some(end) = w.end {
                out += &format!("/{}", end.iso());
            }
        }
        out += &format!(" {}", c.status.as_str());
        if !c.hosts.is_empty() {
            out += &format!(
                " [{}]",
                c.hosts
                    .iter()
                    .map(|h| h.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        if let Some(inv) = &c.inviter {
            out += &format!(" inv={inv}");
        }
        if let Some(p) = &c.purpose {
            out += &format!(" for={p}");
        }
        out
    }

    pub(super) const PEOPLE: &[&str] = &[
        "p:Anna Berg",
        "p:Luis Soto",
        "p:Karl Udo",
        "p:Mei Lin",
        "l:Oslo",
        "l:Lima",
        "l:Peru",
    ];

    #[test]
    fn verbs_of_travel() {
        let d = "2019-01-07"; // a Monday
        check(
            "Norwegian envoy Anna Berg visited Lima on Friday.",
            d,
            PEOPLE,
            &["visited: Anna Berg(Norway) -> Lima(Peru) 2019-01-04 happened"],
        );
        check(
            "Norwegian envoy Anna Berg arrived in Lima yesterday.",
            d,
            PEOPLE,
            &["arrived-in: Anna Berg(Norway) -> Lima(Peru) 2019-01-06 happened"],
        );
        check(
            "The Norwegian minister Anna Berg left Oslo for Lima on Monday for talks on trade.",
            d,
            PEOPLE,
            &["left-for: Anna Berg(Norway) -> Lima(Peru) 2019-01-07 happened for=talks on trade"],
        );
        check(
            "Norwegian envoy Anna Berg travelled to Peru in December.",
            d,
            PEOPLE,
            &["travelled-to: Anna Berg(Norway) -> Peru(Peru) 2018-12 happened"],
        );
        check(
            "Norwegian envoy Anna Berg flew to Lima to discuss fishing quotas.",
            d,
            PEOPLE,
            &["travelled-to: Anna Berg(Norway) -> Lima(Peru) happened for=discuss fishing quotas"],
        );
        check(
            "Upon arrival in Lima, Norwegian envoy Anna Berg said trade matters.",
            d,
            PEOPLE,
            &["arrival-in: Anna Berg(Norway) -> Lima(Peru) happened"],
        );
        check(
            "Norwegian envoy Anna Berg last went to Lima in May 2015.",
            d,
            PEOPLE,
            &["travelled-to: Anna Berg(Norway) -> Lima(Peru) 2015-05 happened"],
        );
    }

    #[test]
    fn a_trip_during_which_the_subject_spoke_is_the_subject_s() {
        let d = "2019-01-07";
        // However long the predicate, "during a visit to Y" belongs to the sentence's subject.
        check(
            "Norwegian envoy Anna Berg had also called for a solution that would lead to calm during a visit to Lima last week.",
            d,
            PEOPLE,
            &["visit-to: Anna Berg(Norway) -> Lima(Peru) 2018-12-31/2019-01-06 happened"],
        );
        // The owner of a plan to travel is the traveler, not the sentence's subject.
        check(
            "Chinese envoy Mei Lin backed Anna Berg's plan to visit Lima during a visit to Oslo last month.",
            d,
            PEOPLE,
            &[
                "visited: Anna Berg(?) -> Lima(Peru) planned",
                "visit-to: Mei Lin(China) -> Oslo(Norway) 2018-12 happened",
            ],
        );
        // The modal of a relative clause whose verb is the trip still makes it a plan.
        check(
            "Norwegian envoy Anna Berg leads the team who will visit Lima next week.",
            d,
            PEOPLE,
            &["visited: Anna Berg(Norway) -> Lima(Peru) 2019-01-14/2019-01-20 planned"],
        );
    }

    #[test]
    fn the_day_a_plan_was_announced_is_not_the_trip_s() {
        check(
            "Norwegian envoy Anna Berg confirmed on Wednesday, June 24, that she will travel to Lima in the first days of July.",
            "2020-06-25",
            PEOPLE,
            &["travel-to: Anna Berg(Norway) -> Lima(Peru) 2020-07 planned"],
        );
        // A meeting the trip is for does not take its date away.
        check(
            "Norwegian envoy Anna Berg will travel to Lima in the first days of July to meet Luis Soto.",
            "2020-06-25",
            PEOPLE,
            &[
                "travel-to: Anna Berg(Norway) -> Lima(Peru) 2020-07 planned for=meet Luis Soto",
                "met-with: Anna Berg(Norway) happened [Luis Soto]",
            ],
        );
        // An abbreviation's dot ("Feb.") does not hide the subject of "arriving".
        check(
            "Norwegian envoy Anna Berg will leave Feb. 1, arriving in Lima where she will meet Luis Soto.",
            "2017-01-25",
            PEOPLE,
            &[
                "arrived-in: Anna Berg(Norway) -> Lima(Peru) 2017-02-01 planned",
                "met-with: Anna Berg(Norway) planned [Luis Soto]",
            ],
        );
        // Without a plan the day stays the trip's: "said on Monday that X arrived".
        check(
            "Officials said on Monday that Norwegian envoy Anna Berg arrived in Lima.",
            "2020-06-25",
            PEOPLE,
            &["arrived-in: Anna Berg(Norway) -> Lima(Peru) 2020-06-22 happened"],
        );
    }

    #[test]
    fn a_trip_nobody_is_named_making_is_the_guest_s_of_a_host_verb() {
        check(
            "The last state visit to Peru came in June 2015, when Peruvian envoy Luis Soto hosted Norwegian envoy Anna Berg.",
            "2019-01-07",
            PEOPLE,
            &[
                // The host's own rule says the same trip undated: the dated saying keeps it.
                "visit-to: Anna Berg(Norway) -> Peru(Peru) 2015-06 happened [Luis Soto]",
            ],
        );
    }

    #[test]
    fn coordinated_destinations_are_one_visit_each() {
        check(
            "Chinese envoy Mei Lin will travel to Peru and Norway next week.",
            "2019-01-07",
            PEOPLE,
            &[
                "travel-to: Mei Lin(China) -> Peru(Peru) 2019-01-14/2019-01-20 planned",
                "travel-to: Mei Lin(China) -> Norway(Norway) 2019-01-14/2019-01-20 planned",
            ],
        );
        // Home is no destination: the Norwegian's own country is left out.
        check(
            "Norwegian envoy Anna Berg visited Peru and Norway in March.",
            "2019-06-07",
            PEOPLE,
            &["visited: Anna Berg(Norway) -> Peru(Peru) 2019-03 happened"],
        );
    }

    #[test]
    fn the_place_an_arrival_came_from_was_a_stop_abroad() {
        check(
            "Chinese envoy Mei Lin arrived in Lima on Monday from Norway, where she met officials.",
            "2019-01-07",
            PEOPLE,
            &[
                "arrived-in: Mei Lin(China) -> Lima(Peru) 2019-01-07 happened",
                // Left the day it arrived: the arrival's date is the stop's last day.
                "arrived-from: Mei Lin(China) -> Norway(Norway) 2019-01-07 happened",
            ],
        );
        // Coming from home is no stop abroad.
        check(
            "Norwegian envoy Anna Berg arrived in Lima from Oslo.",
            "2019-01-07",
            PEOPLE,
            &["arrived-in: Anna Berg(Norway) -> Lima(Peru) happened"],
        );
    }

    #[test]
    fn venues_hosts_delegations_and_trip_lengths() {
        let d = "2019-01-09"; // a Wednesday
                              // A venue inside a city resolves to the city.
        check(
            "On arrival at Jorge Chavez airport in Lima late on Tuesday, Norwegian envoy Anna Berg said trade matters.",
            d,
            PEOPLE,
            &["arrival-in: Anna Berg(Norway) -> Lima(Peru) 2019-01-08 happened"],
        );
        // A host receiving a foreign counterpart at home: the guest travelled.
        check(
            "Peruvian minister Luis Soto welcomed Norwegian envoy Anna Berg at the palace in Lima on Monday.",
            d,
            PEOPLE,
            &["welcomed: Anna Berg(Norway) -> Lima(Peru) 2019-01-07 happened [Luis Soto]"],
        );
        // A time phrase between the host's verb and the guest.
        check(
            "Peruvian minister Luis Soto received this Monday his Norwegian counterpart Anna Berg in Lima.",
            d,
            PEOPLE,
            &["received: Anna Berg(Norway) -> Lima(Peru) 2019-01-07 happened [Luis Soto]"],
        );
        // The traveler of a delegation is the person who leads it.
        check(
            "A delegation led by Norwegian envoy Anna Berg arrived in Lima on Monday.",
            d,
            PEOPLE,
            &["arrived-in: Anna Berg(Norway) -> Lima(Peru) 2019-01-07 happened"],
        );
        // "a three-day visit" starting on a known day is a range.
        check(
            "Norwegian envoy Anna Berg arrived in Lima on Monday for a three-day visit.",
            d,
            PEOPLE,
            &["arrived-in: Anna Berg(Norway) -> Lima(Peru) 2019-01-07/2019-01-09 happened"],
        );
    }

    #[test]
    fn continuations_and_invitations() {
        let d = "2016-09-14";
        check(
            "Anna Berg's visit comes at the invitation of Director of the Peruvian Institute of Sea Studies Luis Soto.",
            d,
            PEOPLE,
            &["visit-mention: Anna Berg(?) happened inv=Luis Soto"],
        );
        check("Norwegian envoy Anna Berg arrived in Lima. The visit comes at the invitation of Peruvian minister Luis Soto.", d, PEOPLE,
            &["arrived-in: Anna Berg(Norway) -> Lima(Peru) happened", "visit-mention: ? happened inv=Luis Soto"]);
        check(
            "Anna Berg's visit took place upon the invitation of his Peruvian counterpart.",
            d,
            PEOPLE,
            &["visit-mention: Anna Berg(?) happened inv=his Peruvian counterpart"],
        );
        check(
            "Norwegian envoy Anna Berg arrived in Lima at the invitation of Luis Soto.",
            d,
            PEOPLE,
            &["arrived-in: Anna Berg(Norway) -> Lima(Peru) happened inv=Luis Soto"],
        );
        check(
            "A delegation led by Norwegian envoy Anna Berg arrived in Lima.",
            d,
            PEOPLE,
            &["arrived-in: Anna Berg(Norway) -> Lima(Peru) happened"],
        );
        check(
            "Norwegian envoy Anna Berg returned to Oslo.",
            d,
            PEOPLE,
            &[],
        );
        check("Norwegian envoy Anna Berg arrived in Oslo.", d, PEOPLE, &[]);
    }

    #[test]
    fn coordinated_travelers() {
        let d = "2019-01-07"; // a Monday
        check(
            "Norwegian envoy Anna Berg and Chinese envoy Mei Lin visited Lima on Friday.",
            d,
            PEOPLE,
            &[
                "visited: Mei Lin(China) -> Lima(Peru) 2019-01-04 happened",
                "visited: Anna Berg(Norway) -> Lima(Peru) 2019-01-04 happened",
            ],
        );
        check(
            "Norwegian envoy Anna Berg, Chinese envoy Mei Lin and Peruvian minister Luis Soto arrived in Oslo.",
            d,
            PEOPLE,
            &[
                "arrived-in: Luis Soto(Peru) -> Oslo(Norway) happened",
                "arrived-in: Mei Lin(China) -> Oslo(Norway) happened",
            ],
        );
        // Someone met is no fellow traveler.
        check(
            "In Oslo, Peruvian minister Luis Soto met with Anna Berg and Chinese envoy Mei Lin visited Lima.",
            d,
            PEOPLE,
            &["visited: Mei Lin(China) -> Lima(Peru) happened [Luis Soto]"],
        );
    }
}
