//! The visit rules: each reads one sentence and proposes candidate visits
//! (traveller, destination, date, status, hosts, inviter, purpose) named after
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
//!   traveller came from or left on the way ("arrived in Y from Z", "left Z for Y");
//!   `is-in` "X, who is in Y, …", "X was last in Y for …";
//! - coordinated subjects ("X and Y visited Z") each make the trip;
//! - `talks-in`, `met-in`, `meeting-in`: "X held talks/met with … in Y", "In Y, X
//!   met W", "during a meeting in Y", only when X is foreign to Y and is not
//!   meeting a third country's official there; a local official meeting one
//!   foreign guest makes the guest the traveller; talks by phone or video do not count;
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
//! yields no visit at all. Travellers, hosts and places are resolved by
//! [`DocState`]; ambassadors posted in a country and private travellers
//! (athletes, artists, tourists) make no diplomatic visit.

use std::collections::HashSet;
use std::sync::OnceLock;

use communique_core::{DatePrecision, EntityId, Span, VisitStatus};

use super::context::{
    title_start, DocState, Person, Place, PlaceHit, Ref, RefKind, Sentence, VISIT_NOUNS,
};
use super::lexicon;
use super::timex::{self, Found, Shift, Tense, Timex, When};

/// A visit proposed by one rule on one sentence, or a continuation that adds to one.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The sentence that says it.
    pub evidence: Span,
    /// The rule that fired.
    pub rule: &'static str,
    /// Who travels (None for a continuation that names nobody).
    pub traveller: Option<Person>,
    /// Where to (None for a continuation).
    pub destination: Option<Place>,
    /// Hosts and counterparts met.
    pub hosts: Vec<Person>,
    /// Who invited the traveller.
    pub inviter: Option<String>,
    /// When, resolved against the publication date.
    pub when: Option<When>,
    /// Happened, planned or cancelled.
    pub status: VisitStatus,
    /// The stated purpose.
    pub purpose: Option<String>,
}

impl Candidate {
    /// A candidate with both a traveller and a destination: a visit of its own.
    pub fn is_complete(&self) -> bool {
        self.traveller.is_some() && self.destination.is_some()
    }
}

const VISIT_VERBS: &[&str] = &["visit", "visits", "visited", "visiting"];
const ARRIVE_VERBS: &[&str] = &[
    "arrive", "arrives", "arrived", "arriving", "land", "lands", "landed", "landing",
];
const LEAVE_VERBS: &[&str] = &[
    "left",
    "leave",
    "leaves",
    "leaving",
    "departed",
    "departs",
    "depart",
    "departing",
    "departure",
];
const TRAVEL_VERBS: &[&str] = &[
    "travelled",
    "traveled",
    "travels",
    "travel",
    "travelling",
    "traveling",
    "flew",
    "flies",
    "fly",
    "flying",
    "headed",
    "heads",
    "heading",
    "went",
    "goes",
    "go",
    "going",
    "came",
    "comes",
    "come",
    "coming",
    "proceeded",
    "proceeds",
    "proceed",
    "proceeding",
    "moved",
    "moves",
    "move",
    "moving",
];
/// "returned from Y", "is returning from Y": the place left was the trip's destination.
const RETURN_VERBS: &[&str] = &["returned", "returns", "return", "returning"];
/// "sent X to Y", "is sending X to Y": someone dispatching an envoy.
const SEND_VERBS: &[&str] = &[
    "sent",
    "send",
    "sends",
    "sending",
    "dispatched",
    "dispatch",
    "dispatches",
    "dispatching",
];
/// "to attend the summit in Y": taking part in an event abroad.
const ATTEND_VERBS: &[&str] = &["attend", "attended", "attending", "attends"];
const MEET_WORDS: &[&str] = &[
    "met",
    "meet",
    "meets",
    "meeting",
    "meetings",
    "talks",
    "consultations",
    "negotiations",
];
const HOST_VERBS: &[&str] = &[
    "hosted",
    "hosts",
    "host",
    "hosting",
    "received",
    "receives",
    "receive",
    "receiving",
    "welcomed",
    "welcomes",
    "welcome",
    "welcoming",
    "greeted",
    "greets",
    "greet",
];
const NEGATIONS: &[&str] = &[
    "not", "never", "didn't", "doesn't", "don't", "won't", "hasn't", "haven't", "hadn't", "wasn't",
    "weren't", "isn't", "cannot", "can't", "no", "nor", "neither", "refused", "declined",
    "rejected",
];
/// Words that make a trip a mere possibility, wish or invitation: no visit.
const HYPOTHETICALS: &[&str] = &[
    "could",
    "may",
    "might",
    "can",
    "should",
    "hope",
    "hopes",
    "hoped",
    "want",
    "wants",
    "wanted",
    "wish",
    "wishes",
    "like",
    "if",
    "unless",
    "invited",
    "invites",
    "invite",
    "inviting",
    "urged",
    "asked",
    "offered",
    "proposed",
    "considering",
    "mulling",
    "possible",
    "possibility",
    "unlikely",
    "likely",
];
const FUTURE_MARKERS: &[&str] = &[
    "will",
    "shall",
    "would",
    "scheduled",
    "due",
    "expected",
    "plans",
    "planned",
    "planning",
    "intends",
    "upcoming",
    "forthcoming",
    "ahead",
    "set",
    "slated",
    "preparing",
    "prepares",
    "supposed",
];
const CANCEL_MARKERS: &[&str] = &[
    "cancelled",
    "canceled",
    "cancels",
    "cancel",
    "postponed",
    "postpones",
    "postpone",
    "scrapped",
    "delayed",
    "called",
    "shelved",
];
/// Adjectives that may stand between a possessive and a trip noun ("his second official visit").
const TRIP_MODIFIERS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "last",
    "latest",
    "recent",
    "official",
    "state",
    "working",
    "landmark",
    "historic",
    "brief",
    "short",
    "surprise",
    "upcoming",
    "forthcoming",
    "planned",
    "scheduled",
    "previous",
    "current",
    "ongoing",
    "two-day",
    "three-day",
    "four-day",
    "five-day",
    "one-day",
    "week-long",
    "unannounced",
    "rare",
    "high-profile",
    "important",
    "expected",
    "foreign",
];
const PURPOSE_VERBS: &[&str] = &[
    "discuss",
    "hold",
    "attend",
    "meet",
    "sign",
    "exchange",
    "participate",
    "take",
    "negotiate",
    "review",
    "explore",
    "strengthen",
    "boost",
    "expand",
    "finalize",
    "finalise",
    "follow",
    "address",
    "open",
    "inaugurate",
    "confer",
];

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
        if let Some(mut c) = rule_at(s, st, i) {
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
        for person in fellow_travellers(s, st, *i, c) {
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
    fired.extend(fellows);
    // A subject of the trip's verb is nobody's host, even one at home there.
    for (i, c) in &mut fired {
        c.hosts
            .retain(|h| !subjects.iter().any(|(at, p)| at == i && p.same(h)));
    }
    // "arrived in Belgrade from France", "flew in to Y from Colombo", "left Italy for
    // Ghana": the place left was a stop of the same tour, when it is abroad for the traveller.
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
    let travellers: Vec<Person> = fired
        .iter()
        .filter(|(_, c)| c.is_complete())
        .filter_map(|(_, c)| c.traveller.clone())
        .collect();
    for (_, c) in &mut fired {
        c.hosts.retain(|h| !travellers.iter().any(|t| t.same(h)));
    }
    // Dates are read only once a rule fired, since most sentences have no visit.
    if !fired.is_empty() {
        let timexes = timex::find(&s.tokens);
        let positions: Vec<usize> = fired.iter().map(|(i, _)| *i).collect();
        for (i, c) in &mut fired {
            if let Some(found) = pick_timex(s, &timexes, *i, &positions) {
                date(s, st, *i, c, found.timex);
            }
        }
    }
    let mut out: Vec<Candidate> = fired.into_iter().map(|(_, c)| c).collect();
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

/// Where the sentence names a candidate's destination: its entity and mention.
fn destination_ref<'s>(s: &'s Sentence, place: &Place) -> Option<(EntityId, &'s Ref)> {
    let entity = place.entity?;
    let r = s
        .refs
        .iter()
        .find(|r| r.kind == RefKind::Place && r.entity == entity)?;
    Some((entity, r))
}

/// The places coordinated with a complete candidate's destination ("to Italy and
/// France", "Saudi Arabia, Qatar and the UAE"), foreign to its traveller.
fn further_destinations(s: &Sentence, st: &DocState, c: &Candidate) -> Vec<Place> {
    let (Some(traveller), Some(first)) = (&c.traveller, &c.destination) else {
        return Vec::new();
    };
    let Some((entity, r)) = destination_ref(s, first) else {
        return Vec::new();
    };
    let mut places = Vec::new();
    let mut k = r.last + 1;
    while s.is_any(k, &[",", "and"]) {
        let next = if s.is_any(k, &[","]) && s.is_any(k + 1, &["and"]) {
            k + 2
        } else {
            k + 1
        };
        let PlaceHit::Place(place, last) = st.place_at(s, next) else {
            break;
        };
        let home = place.country.is_some() && place.country == traveller.country;
        if !home && place.country.is_some() && place.entity != Some(entity) {
            places.push(place);
        }
        k = last + 1;
    }
    places
}

/// The place a traveller arrived from ("… in Belgrade from France, where …", "to
/// Gujarat's commercial capital from Colombo") or left ("left Italy for Ghana"), when
/// it is a place abroad for them and not the destination itself.
fn origin(s: &Sentence, st: &DocState, i: usize, c: &Candidate) -> Option<Place> {
    let (traveller, destination) = (c.traveller.as_ref()?, c.destination.as_ref()?);
    let (entity, r) = destination_ref(s, destination)?;
    let left = if c.rule == "left-for" {
        after_time(s, i + 1)
    } else {
        // A few words may describe the destination before "from" ("commercial capital").
        let from = (r.last + 1..r.last + 4)
            .map(|k| after_time(s, k))
            .take_while(|&k| {
                s.tokens
                    .get(k)
                    .is_some_and(|t| t.word && s.ref_at(k).is_none())
            })
            .find(|&k| s.is_any(k, &["from"]))?;
        from + 1
    };
    let PlaceHit::Place(place, _) = st.place_at(s, left) else {
        return None;
    };
    let abroad = place.country.is_some() && place.country != traveller.country;
    (abroad && place.entity != Some(entity) && place.country != destination.country)
        .then_some(place)
}

/// The people coordinated with a candidate's traveller as the subject of its verb:
/// "X and Y visited Z", "X, Y and Z arrived in W" (for the traveller Z, X and Y).
fn fellow_travellers(s: &Sentence, st: &DocState, i: usize, c: &Candidate) -> Vec<Person> {
    if !matches!(
        c.rule,
        "visited" | "arrived-in" | "travelled-to" | "left-for"
    ) {
        return Vec::new();
    }
    let Some(traveller) = &c.traveller else {
        return Vec::new();
    };
    let Some(r) = s
        .refs
        .iter()
        .rfind(|r| r.kind == RefKind::Person && r.last < i && st.person(s, r).same(traveller))
    else {
        return Vec::new();
    };
    // The named traveller must be the verb's own subject ("X and Y visited", "X and Y
    // have since arrived in"), not someone a pronoun stands for ("X and Y say he visited").
    let between = r.last + 1..i;
    if between.len() > 4
        || between.clone().any(|k| {
            !s.tokens[k].word
                || s.tokens[k].capitalised()
                || s.is_any(k, &["that", "who", "he", "she"])
        })
    {
        return Vec::new();
    }
    let mut fellows: Vec<(Person, usize)> = Vec::new();
    // The connector before a name's title: a title may take in "and" itself ("Minister
    // of Trade and Industry"), so title_start can stop on it.
    let connector = |start: usize| {
        if s.is_any(start, &["and"]) {
            Some(start)
        } else {
            start.checked_sub(1).filter(|&k| s.is_any(k, &["and", ","]))
        }
    };
    let mut start = title_start(s, r.first);
    // Walk back over ", " and " and " between names, each perhaps behind its title.
    while let Some(c) = connector(start) {
        let Some(mut end) = c.checked_sub(1) else {
            break;
        };
        if s.is_any(c, &["and"]) && s.is_any(end, &[","]) {
            let Some(e) = end.checked_sub(1) else {
                break;
            };
            end = e;
        }
        let Some(prev) = s
            .ref_at(end)
            .filter(|p| p.kind == RefKind::Person && p.last == end)
        else {
            break;
        };
        start = title_start(s, prev.first);
        fellows.push((st.person(s, prev), prev.first));
    }
    // The first of them must itself be a subject, not "met W and X visited Z"'s W.
    let subject = s
        .refs
        .iter()
        .find(|p| fellows.last().is_some_and(|(_, first)| p.first == *first))
        .is_some_and(|p| st.is_subject(s, p) && !s.tokens[p.last].possessive);
    if !subject {
        return Vec::new();
    }
    fellows
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| !p.same(traveller))
        .collect()
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

/// The length a sentence gives its trip: "a three-day visit", "a 4-day trip".
fn trip_days(s: &Sentence) -> Option<i64> {
    const NUMBERS: &[&str] = &[
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    s.tokens.iter().enumerate().find_map(|(k, t)| {
        let count = t.lower.strip_suffix("-day")?;
        if !s.is_any(k + 1, VISIT_NOUNS) {
            return None;
        }
        let n = match NUMBERS.iter().position(|w| *w == count) {
            Some(p) => p as i64 + 2,
            None => count.parse::<i64>().ok().filter(|n| (1..=31).contains(n))?,
        };
        Some(n)
    })
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
            &["invitation", "invited", "in", "here"],
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
    if VISIT_VERBS.contains(&w) && !is_noun_position(s, i) {
        if let PlaceHit::Place(place, _) = st.place_at(s, i + 1) {
            let traveller = subject_before(s, st, i).or_else(|| subject_after_comma(s, st, i))?;
            return visit(s, st, i, "visited", traveller, place);
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
        let traveller = possessor_before(s, st, i).or_else(|| subject_before(s, st, i))?;
        return visit(s, st, i, "arrived-in", traveller, place);
    }
    // "arrived in Y", "arrived Sunday in Y", "landed late on Tuesday in Y".
    if ARRIVE_VERBS.contains(&w) && s.is_any(after, &["in", "at"]) {
        let PlaceHit::Place(place, _) = st.place_at(s, after + 1) else {
            return None;
        };
        let traveller = subject_before(s, st, i).or_else(|| subject_after_comma(s, st, i))?;
        return visit(s, st, i, "arrived-in", traveller, place);
    }
    if w == "arrival" && s.is_any(after, &["in", "at"]) {
        let PlaceHit::Place(place, _) = st.place_at(s, after + 1) else {
            return None;
        };
        let traveller = possessor_before(s, st, i)
            .or_else(|| subject_before(s, st, i))
            .or_else(|| subject_after_comma(s, st, i))?;
        return visit(s, st, i, "arrival-in", traveller, place);
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
        let traveller = if w == "departure" {
            possessor_before(s, st, i)?
        } else {
            subject_before(s, st, i)?
        };
        return visit(s, st, i, "left-for", traveller, place);
    }
    // "headed for Y" is a trip; "came for talks" names no place; "flew late Sunday to Y";
    // "flew in to Y", "moved on to Y" (a tour's next stop: "moved to Y" alone is a
    // change of home, not a trip).
    let particle = s.is_any(i + 1, &["on", "in"]) && s.is_any(i + 2, &["to"]);
    let to = if particle { i + 2 } else { after };
    let to_place =
        s.is_any(to, &["to", "into"]) || (w.starts_with("head") && s.is_any(after, &["for"]));
    let relocation = w.starts_with("mov") && !particle;
    if TRAVEL_VERBS.contains(&w) && to_place && !relocation && !is_noun_position(s, i) {
        let PlaceHit::Place(place, _) = st.place_at(s, to + 1) else {
            return None;
        };
        let traveller = subject_before(s, st, i).or_else(|| subject_after_comma(s, st, i))?;
        return visit(s, st, i, "travelled-to", traveller, place);
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

/// "returned from Y", "flew back home from talks in Y", "arrived back from a meeting in
/// Y": the place left was the trip's destination; "returned to Y" is a trip to Y (home
/// is no destination, as everywhere).
fn returned_rule(s: &Sentence, st: &DocState, i: usize) -> Option<Candidate> {
    let mut k = i + 1;
    let mut home = false;
    while s.is_any(k, &["back", "home"]) {
        home |= s.is_any(k, &["home"]);
        k += 1;
    }
    k = after_time(s, k);
    let rule = match s.word(k) {
        // "flew back home to Y": Y is home, whatever the traveller's country.
        "to" if home => return None,
        "to" => "travelled-to",
        "from" => "returned-from",
        _ => return None,
    };
    k += 1;
    // "from a meeting in Y", "from his visit to Y", "from talks in Y".
    if rule == "returned-from" {
        const EVENTS: &[&str] = &["summit", "conference", "forum", "ceremony"];
        let mut j = k;
        while j < k + 4
            && (s.is_any(j, &["a", "an", "the", "his", "her", "their"])
                || s.is_any(j, TRIP_MODIFIERS))
        {
            j += 1;
        }
        let event = s.is_any(j, VISIT_NOUNS) || s.is_any(j, MEET_WORDS) || s.is_any(j, EVENTS);
        if event && s.is_any(j + 1, &["to", "in", "at"]) {
            k = j + 2;
        }
    }
    let PlaceHit::Place(place, _) = st.place_at(s, k) else {
        return None;
    };
    let traveller = subject_before(s, st, i).or_else(|| subject_after_comma(s, st, i))?;
    visit(s, st, i, rule, traveller, place)
}

/// "sent Foreign Minister X to Y", "is sending its own envoy X to Y": the one sent
/// travels; the sending is done (`sent`) or under way (`sending`, a planned trip).
fn sent_rule(s: &Sentence, st: &DocState, i: usize) -> Option<Candidate> {
    let r = s
        .refs
        .iter()
        .find(|r| r.first > i && r.kind == RefKind::Person)?;
    // Only a few words of determiners may stand before the title: "its own", "a senior".
    let start = title_start(s, r.first);
    if start > i + 4 || (i + 1..start).any(|k| !s.tokens[k].word || s.ref_at(k).is_some()) {
        return None;
    }
    let k = after_time(s, r.last + 1);
    if !s.is_any(k, &["to"]) {
        return None;
    }
    let PlaceHit::Place(place, _) = st.place_at(s, k + 1) else {
        return None;
    };
    let traveller = with_delegation(s, r.first, st.person(s, r));
    let mut c = visit(s, st, i, "sent-to", traveller, place)?;
    if c.status == VisitStatus::Happened && !s.is_any(i, &["sent", "dispatched"]) {
        c.status = VisitStatus::Planned;
    }
    Some(c)
}

/// Words of a time phrase that may stand between a travel verb and its place, besides
/// weekday names: "arrived Sunday in", "flew late on Tuesday to", "landed this morning in".
const TIME_WORDS: &[&str] = &[
    "on",
    "late",
    "early",
    "this",
    "last",
    "morning",
    "afternoon",
    "evening",
    "night",
    "today",
    "yesterday",
    "tonight",
    "overnight",
    "midday",
];

/// The index after a time phrase starting at `k` (at most four words), or `k` when there is none.
fn after_time(s: &Sentence, k: usize) -> usize {
    let mut end = k;
    let time_word =
        |j: usize| s.is_any(j, TIME_WORDS) || crate::dates::weekday_number(s.word(j)).is_some();
    while end < k + 4 && time_word(end) {
        end += 1;
    }
    // Only a phrase with a time word in it: "on" alone ("went on to") is not one.
    if (k..end).any(|j| !s.is_any(j, &["on", "this", "last", "late", "early"])) {
        end
    } else {
        k
    }
}

/// "a visit", "his visit", "the official visit": a noun, not a verb.
fn is_noun_position(s: &Sentence, i: usize) -> bool {
    const DETERMINERS: &[&str] = &[
        "a", "an", "the", "his", "her", "their", "its", "this", "that", "whose", "during", "of",
    ];
    let determiner = |k: usize| s.tokens[k].possessive || s.tokens[k].is_any(DETERMINERS);
    match i {
        0 => false,
        1 => determiner(0),
        _ => determiner(i - 1) || (s.tokens[i - 1].is_any(TRIP_MODIFIERS) && determiner(i - 2)),
    }
}

/// "X is in Moscow", "X, who was in Moscow for talks": a foreign official's presence.
fn is_in_rule(s: &Sentence, st: &DocState, i: usize) -> Option<Candidate> {
    const BE: &[&str] = &["is", "was", "are", "were"];
    // "is in", "is currently in", "is expected in" (a plan: "expected" marks the future).
    let be = if s.is_any(
        i.wrapping_sub(1),
        &[
            "currently",
            "now",
            "already",
            "still",
            "expected",
            "due",
            // "X was last in London for the funeral": an earlier trip.
            "last",
            "previously",
            "recently",
            "once",
        ],
    ) {
        i.checked_sub(2)?
    } else {
        i.checked_sub(1)?
    };
    if !s.is_any(be, BE) {
        return None;
    }
    // The person must be what "is" is said of: "X is in", "X, who is in", not
    // "X said Iran's interest is in Russia"; an aside may come between ("X, meanwhile, is in").
    let mut before = be.checked_sub(1)?;
    if s.is_any(before, &[","]) {
        if let Some(open) = (before.saturating_sub(3)..before)
            .rev()
            .find(|&k| s.is_any(k, &[","]))
        {
            before = open.checked_sub(1)?;
        }
    }
    let named = s.ref_at(before).is_some_and(|r| r.kind == RefKind::Person);
    let described = st.anaphor_at(s, before).is_some() && !s.is_any(before, &["his", "her"]);
    if !(named || described || s.is_any(before, &["who"])) {
        return None;
    }
    // "X, who is here on a visit": the dateline's city.
    let place = if s.is_any(i, &["here"]) {
        st.dateline_place()?
    } else {
        match st.place_at(s, i + 1) {
            PlaceHit::Place(place, _) => place,
            _ => return None,
        }
    };
    let traveller = subject_before(s, st, be)?;
    // Presence counts only for someone known to be foreign there, and not posted there.
    let known_abroad = place
        .country
        .as_deref()
        .is_some_and(|c| st.travelled_to(&traveller, c));
    if is_ambassador(&traveller)
        || (traveller.country.is_none() && !known_abroad)
        || place.country.is_none()
    {
        return None;
    }
    visit(s, st, i, "is-in", traveller, place)
}

/// "Marchenko met visiting Iranian President X in Moscow": X is the traveller; the
/// place is the one named in the sentence, else the host's country.
fn visiting_rule(s: &Sentence, st: &DocState, i: usize) -> Option<Candidate> {
    let r = s
        .refs
        .iter()
        .find(|r| r.first > i && r.kind == RefKind::Person)?;
    if title_start(s, r.first) != i + 1 && r.first != i + 1 {
        return None;
    }
    let traveller = st.person(s, r);
    let host = subject_before(s, st, i).filter(|h| !h.same(&traveller));
    let place = place_in_sentence(s, st, &traveller)
        .or_else(|| host.as_ref()?.country.clone().map(Place::whole_country))?;
    traveller.country.as_ref()?;
    let mut c = visit(s, st, i, "visiting", traveller, place)?;
    if let Some(h) =
        host.filter(|h| h.country == c.destination.as_ref().and_then(|d| d.country.clone()))
    {
        if !c.hosts.iter().any(|x| x.same(&h)) {
            c.hosts.insert(0, h);
        }
    }
    Some(c)
}

/// "X's visit to Y", "a visit by X to Y", "his stay in Y", "the visit" (continuation).
fn noun_rule(s: &Sentence, st: &DocState, i: usize) -> Option<Candidate> {
    let w = s.word(i);
    // "During his visit to Y in 2015, X met W": the "his" of an opening clause is X.
    let opening = (0..i).all(|k| s.ref_at(k).is_none() && !s.is_any(k, &[","]));
    // "his visit", "her state visit".
    let owner_at = if s.is_any(i.wrapping_sub(1), TRIP_MODIFIERS) {
        i.wrapping_sub(2)
    } else {
        i.wrapping_sub(1)
    };
    let possessor = if opening && s.is_any(owner_at, &["his", "her"]) {
        subject_after_comma(s, st, i).or_else(|| possessor_before(s, st, i))
    } else {
        possessor_before(s, st, i)
    };
    // "a visit by/of X to Y"
    let mut k = i + 1;
    let mut by = None;
    if s.is_any(k, &["by", "of"]) {
        if let Some((person, last)) = person_after(s, st, k + 1) {
            by = Some(person);
            k = last + 1;
        }
    }
    // "her first trip abroad as minister, to Jakarta": an aside before the place.
    if s.is_any(k, &["abroad"]) {
        k += 1;
    }
    if s.is_any(k, &["as"]) {
        if let Some(comma) = (k + 1..(k + 6).min(s.tokens.len())).find(|&j| s.is_any(j, &[","])) {
            k = comma;
        }
    }
    if s.is_any(k, &[","]) && s.is_any(k + 1, &["to"]) {
        k += 1;
    }
    // "his state visit in Brunei": "in" names the place when a place follows.
    let in_place = s.is_any(k, &["in"]) && matches!(st.place_at(s, k + 1), PlaceHit::Place(..));
    let preps: &[&str] = if w == "stay" || in_place {
        &["in", "at"]
    } else {
        &["to"]
    };
    // "X's Moscow visit": the place named before the noun.
    let attributive = s
        .refs
        .iter()
        .find(|r| r.last + 1 == i && r.kind == RefKind::Place && !s.tokens[r.last].possessive);
    let destination = if s.is_any(k, preps) {
        st.place_at(s, k + 1)
    } else if let Some(r) = attributive {
        st.place_at(s, r.first)
    } else {
        PlaceHit::None
    };
    let possessor = possessor.or_else(|| {
        let r = attributive?;
        let k = r.first.checked_sub(1)?;
        let owner = s
            .ref_at(k)
            .filter(|o| o.kind == RefKind::Person && s.tokens[k].possessive);
        match owner {
            Some(o) => Some(st.person(s, o)),
            None if s.is_any(k, &["his", "her"]) => st.anaphor_at(s, k).map(|(p, _)| p),
            None => None,
        }
    });
    let rule = match w {
        "stay" => "stay-in",
        "trip" | "journey" | "tour" => "trip-to",
        "travel" => "travel-to",
        _ => "visit-to",
    };
    let mut traveller = possessor.or(by);
    if let (None, PlaceHit::Place(_, last)) = (&traveller, &destination) {
        // "a visit to Moscow by X"
        if s.is_any(last + 1, &["by"]) {
            traveller = person_after(s, st, last + 2).map(|(p, _)| p);
        }
    }
    match destination {
        PlaceHit::Region => None,
        PlaceHit::Place(place, _) => {
            // "praised the Moscow visit" names nobody's trip; "a visit to Moscow" is the subject's.
            let named_after = s.is_any(k, preps);
            let traveller = traveller
                .or_else(|| named_after.then(|| subject_before(s, st, i)).flatten())
                .or_else(|| named_after.then(|| subject_after_comma(s, st, i)).flatten())?;
            visit(s, st, i, rule, traveller, place)
        }
        PlaceHit::None => {
            if w == "travel" || w == "tour" || w == "stay" {
                return None;
            }
            // "Y said in Moscow during his visit": the place is stated elsewhere in the sentence.
            if let Some(person) = traveller.clone() {
                if let Some(place) = place_in_sentence(s, st, &person) {
                    return visit(s, st, i, "visit-in", person, place);
                }
            }
            // Only a definite trip refers back: "the visit", "his visit", "X's visit".
            let definite = i > 0
                && (s.tokens[i - 1].is_any(&["the", "this", "his", "her"])
                    || s.tokens[i - 1].possessive);
            if !definite || negated_or_hypothetical(s, i.saturating_sub(6), i) {
                return None;
            }
            let mut c = continuation(s, "visit-mention", traveller);
            c.status = status_at(s, i)?;
            Some(c)
        }
    }
}

/// "X will attend the summit in Y", "scheduled to attend the APEC meeting in Y": an
/// event abroad, for a traveller known to be foreign to Y.
fn attend_rule(s: &Sentence, st: &DocState, i: usize) -> Option<Candidate> {
    let (_, place) = (i + 1..(i + 10).min(s.tokens.len()))
        .take_while(|&k| !s.is_any(k, &[".", ";", ","]))
        .filter(|&k| s.is_any(k, &["in"]))
        .find_map(|k| match st.place_at(s, k + 1) {
            PlaceHit::Place(place, _) => Some((k, place)),
            _ => None,
        })?;
    let traveller = subject_before(s, st, i).or_else(|| subject_after_comma(s, st, i))?;
    // Attending something at home is no trip: the traveller's country must be known.
    traveller.country.as_ref()?;
    place.country.as_ref()?;
    visit(s, st, i, "attend-in", traveller, place)
}

/// "X held talks with W in Y", "X met W at the venue of …", "during a meeting in Y with W".
fn meet_rule(s: &Sentence, st: &DocState, i: usize) -> Option<Candidate> {
    let w = s.word(i);
    // Talks by phone or video take no one anywhere.
    const REMOTE: &[&str] = &[
        "phone",
        "telephone",
        "video",
        "videoconference",
        "virtual",
        "online",
        "call",
    ];
    // A meeting noun must be someone's act ("held talks", "during a meeting"), not a
    // topic ("the content of the talks").
    const AGENTIVE: &[&str] = &[
        "held",
        "hold",
        "holds",
        "holding",
        "had",
        "during",
        "in",
        "at",
        "after",
        "following",
        "conducted",
    ];
    let noun = !matches!(w, "met" | "meet" | "meets");
    if noun && !(i.saturating_sub(3)..i).any(|k| s.is_any(k, AGENTIVE)) {
        return None;
    }
    if s.tokens.iter().any(|t| t.is_any(REMOTE)) {
        return None;
    }
    let mut traveller = subject_before(s, st, i)?;
    if is_ambassador(&traveller) {
        return None;
    }
    // "In Moscow, X met W": a place opening the sentence.
    let mut destination = match (s.is_any(0, &["in"]), st.place_at(s, 1)) {
        (true, PlaceHit::Place(place, last)) if s.is_any(last + 1, &[","]) && last < i => {
            Some(place)
        }
        _ => None,
    };
    let mut hosts = Vec::new();
    let mut k = i + 1;
    while k < s.tokens.len() && !ends_meeting_phrase(s, k) {
        if let Some(r) = s.ref_starting(k).filter(|r| r.kind == RefKind::Person) {
            let p = st.person(s, r);
            if !p.same(&traveller) {
                hosts.push(p);
            }
            k = r.last + 1;
            continue;
        }
        if destination.is_none() && s.is_any(k, &["in", "at"]) {
            if let PlaceHit::Place(place, last) = st.place_at(s, k + 1) {
                destination = Some(place);
                k = last + 1;
                continue;
            }
        }
        k += 1;
    }
    let rule = match w {
        "met" | "meet" | "meets" => "met-in",
        "meeting" | "meetings"
            if !(i.saturating_sub(2)..i)
                .any(|k| s.is_any(k, &["held", "hold", "holds", "holding"])) =>
        {
            "meeting-in"
        }
        _ => "talks-in",
    };
    let Some(place) = destination else {
        // "He also met with W": more counterparts for the article's visit.
        if !matches!(w, "met" | "meet" | "meets" | "talks") || hosts.is_empty() {
            return None;
        }
        let mut c = continuation(s, "met-with", Some(traveller));
        c.hosts = hosts;
        c.status = status_at(s, i)?;
        return Some(c);
    };
    let to = place.country.clone()?;
    // A traveller of unknown country the article already has travelling there
    // is foreign there (the empty name matches no country below).
    let mut from = match traveller.country.clone() {
        Some(c) => c,
        None if st.travelled_to(&traveller, &to) => String::new(),
        None => return None,
    };
    // "Lavrov met Zarif in Moscow": a local meeting one foreign guest, who is the traveller.
    // Those named with the traveller before the verb take part too: "X and W will meet in Y".
    let mut partners: Vec<Person> = s
        .refs
        .iter()
        .filter(|r| r.kind == RefKind::Person && r.last < i && r.first >= clause_start(s, i))
        .map(|r| st.person(s, r))
        .filter(|p| !p.same(&traveller))
        .collect();
    if from == to {
        // "Marchenko and Mousavi held talks in the Kremlin": the foreign partner travelled.
        let mut guests = hosts
            .iter()
            .chain(&partners)
            .filter(|h| h.country.as_deref().is_some_and(|c| c != to) && !is_ambassador(h));
        let (Some(guest), None) = (guests.next(), guests.next()) else {
            return None;
        };
        let guest = guest.clone();
        hosts.retain(|h| !h.same(&guest));
        partners.retain(|h| !h.same(&guest));
        hosts.insert(0, traveller);
        from = guest.country.clone().unwrap_or_default();
        traveller = guest;
    }
    // Foreign to the place, and not a meeting with a third country's official there.
    let third = |h: &Person| h.country.as_deref().is_some_and(|c| c != from && c != to);
    let local = |h: &Person| h.country.as_deref() == Some(to.as_str());

    let everyone = || hosts.iter().chain(&partners);
    if from == to || (everyone().any(third) && !everyone().any(local)) {
        return None;
    }
    let mut c = visit(s, st, i, rule, traveller, place)?;
    for h in hosts {
        if !c.hosts.iter().any(|x| x.same(&h)) && h.country.as_deref() != Some(from.as_str()) {
            c.hosts.push(h);
        }
    }
    Some(c)
}

/// An envoy posted abroad meets people there without travelling.
fn is_ambassador(p: &Person) -> bool {
    p.role
        .as_deref()
        .is_some_and(|r| r.to_lowercase().contains("ambassador"))
}

/// Where the words about a meeting (who, where) give way to its topic or to
/// another verb: "on Syria", "to exchange views", "and discussed …".
fn ends_meeting_phrase(s: &Sentence, k: usize) -> bool {
    const TOPIC: &[&str] = &[
        ";",
        ":",
        "on",
        "about",
        "regarding",
        "concerning",
        "over",
        "which",
        "who",
        "where",
        "amid",
    ];
    if s.is_any(k, TOPIC) {
        return true;
    }
    let verb_like = |j: usize| {
        s.tokens.get(j).is_some_and(|t| {
            t.word
                && !t.capitalised()
                && (t.lower.ends_with("ed")
                    || t.is_any(&["said", "told", "held", "met", "made", "gave", "took"]))
        })
    };
    (s.is_any(k, &["to"])
        && s.tokens
            .get(k + 1)
            .is_some_and(|t| t.word && !t.capitalised() && !t.is("the")))
        || (s.is_any(k, &["and", ","])
            && (verb_like(k + 1) || (s.is_any(k + 1, &["and"]) && verb_like(k + 2))))
}

/// "Y hosted X", "W received X in Y", "X was welcomed by W".
fn host_rule(s: &Sentence, st: &DocState, i: usize) -> Option<Candidate> {
    let w = s.word(i);
    let rule = if w.starts_with("host") {
        "hosted"
    } else if w.starts_with("rece") {
        "received"
    } else {
        "welcomed"
    };
    let passive = s.is_any(
        i.wrapping_sub(1),
        &["was", "were", "been", "being", "be", "is", "are"],
    );
    let (traveller, host, host_place) = if passive {
        // "was received by W", "was greeted at the airport by W"
        let by = (i + 1..(i + 6).min(s.tokens.len()))
            .take_while(|&k| s.tokens[k].word)
            .find(|&k| s.is_any(k, &["by"]))?;
        let traveller = subject_before(s, st, i)?;
        let host = person_after(s, st, by + 1).map(|(p, _)| p);
        let place = match st.place_at(s, by + 1) {
            PlaceHit::Place(p, _) => Some(p),
            _ => None,
        };
        (traveller, host, place)
    } else {
        // "received this Saturday his Colombian counterpart X".
        let (traveller, last) = person_after(s, st, after_time(s, i + 1))?;
        // "welcomed Zarif's proposal" welcomes a proposal, not a guest.
        if s.tokens[last].possessive {
            return None;
        }
        // The host is a place right before the verb ("Moscow hosted …") or the subject.
        let mut j = i;
        while j > 0
            && s.is_any(
                j - 1,
                &[
                    "has",
                    "have",
                    "had",
                    "will",
                    "also",
                    "warmly",
                    "officially",
                    "to",
                    "set",
                    "is",
                ],
            )
        {
            j -= 1;
        }
        let place = match s.refs.iter().find(|r| r.last + 1 == j) {
            Some(r) if r.kind == RefKind::Place => match st.place_at(s, r.first) {
                PlaceHit::Place(p, _) => Some(p),
                _ => return None,
            },
            _ => None,
        };
        let host = if place.is_none() {
            subject_before(s, st, i)
        } else {
            None
        };
        if place.is_none() && host.is_none() {
            return None;
        }
        (traveller, host, place)
    };
    let place = host_place
        .or_else(|| place_in_sentence(s, st, &traveller))
        .or_else(|| {
            // No place named: the host's country (a welcome alone may be a statement's).
            if rule == "welcomed" && !passive {
                return None;
            }
            host.as_ref()?.country.clone().map(Place::whole_country)
        })?;
    if traveller.country.is_none() && host.as_ref().is_none_or(|h| h.country.is_none()) {
        return None;
    }
    let mut c = visit(s, st, i, rule, traveller, place)?;
    if let Some(h) = host {
        if !c.hosts.iter().any(|x| x.same(&h)) {
            c.hosts.insert(0, h);
        }
    }
    Some(c)
}

/// Builds a complete candidate, or none when the trip is negated, hypothetical,
/// domestic, or its traveller leads nothing but a country.
fn visit(
    s: &Sentence,
    st: &DocState,
    i: usize,
    rule: &'static str,
    traveller: Person,
    place: Place,
) -> Option<Candidate> {
    if traveller.country.is_some() && traveller.country == place.country {
        return None;
    }
    // A diplomatic visit is an official's: athletes, artists and tourists travel otherwise.
    if traveller.role.as_deref().is_some_and(|r| {
        r.to_lowercase()
            .split_whitespace()
            .any(|w| lexicon::PRIVATE_ROLES.contains(&w))
    }) {
        return None;
    }
    let status = status_at(s, i)?;
    // Counterparts of the destination's country named in the sentence.
    let hosts = s
        .refs
        .iter()
        .filter(|r| r.kind == RefKind::Person && !is_aside(s, r.first, r.last))
        .map(|r| st.person(s, r))
        .filter(|p| !p.same(&traveller) && p.country.is_some() && p.country == place.country)
        .filter(|p| {
            !p.role
                .as_deref()
                .is_some_and(|r| r.to_lowercase().contains("spokes"))
        })
        .fold(Vec::<Person>::new(), |mut acc, p| {
            if !acc.iter().any(|x| x.same(&p)) {
                acc.push(p);
            }
            acc
        });
    Some(Candidate {
        evidence: s.span,
        rule,
        traveller: Some(traveller),
        destination: Some(place),
        hosts,
        inviter: None,
        when: None,
        status,
        purpose: None,
    })
}

/// A person who only reports or owns something in the sentence ("X said",
/// "said X", "X's trip") rather than meeting the traveller.
fn is_aside(s: &Sentence, first: usize, last: usize) -> bool {
    const SPEECH: &[&str] = &[
        "said",
        "says",
        "told",
        "added",
        "noted",
        "stated",
        "announced",
        "stressed",
    ];
    // Those who come along with the traveller are not the hosts.
    const ALONG: &[&str] = &["accompanied", "accompanying", "joined"];
    s.tokens[last].possessive
        || s.is_any(last + 1, SPEECH)
        || s.is_any(title_start(s, first).wrapping_sub(1), ALONG)
        || s.is_any(title_start(s, first).wrapping_sub(1), SPEECH)
}

fn continuation(s: &Sentence, rule: &'static str, traveller: Option<Person>) -> Candidate {
    Candidate {
        evidence: s.span,
        rule,
        traveller,
        destination: None,
        hosts: Vec::new(),
        inviter: None,
        when: None,
        status: VisitStatus::Happened,
        purpose: None,
    }
}

/// Happened, planned or cancelled, from the words before (and for nouns, after)
/// the trigger at `i`; `None` when negated or hypothetical.
fn status_at(s: &Sentence, i: usize) -> Option<VisitStatus> {
    let clause = clause_start(s, i);
    let from = clause.max(i.saturating_sub(7));
    if negated_or_hypothetical(s, from, i) {
        return None;
    }
    // "It is possible that X will visit Y", "hopes that X will come".
    if clause > 0
        && s.is_any(clause - 1, &["that"])
        && negated_or_hypothetical(s, clause.saturating_sub(4), clause)
    {
        return None;
    }
    // "will only visit Y once the occupation ends", "if invited": a condition, not a plan.
    const CONDITIONS: &[&str] = &["once", "if", "unless", "provided", "should"];
    if (i + 1..(i + 10).min(s.tokens.len()))
        .take_while(|&k| !s.is_any(k, &[";", "."]))
        .any(|k| s.is_any(k, CONDITIONS))
    {
        return None;
    }
    let window_after =
        (i + 1..(i + 9).min(s.tokens.len())).take_while(|&k| !s.is_any(k, &[";", ".", ","]));
    // A plan made in the past may be called off later in the sentence:
    // "had planned to visit Y in March, but the trip was postponed".
    let rest_of_sentence = if past_plan(s, i) { s.tokens.len() } else { i };
    let cancelled = (from..i)
        .chain(window_after.clone())
        .chain(i + 1..rest_of_sentence)
        .any(|k| {
            s.is_any(k, CANCEL_MARKERS) && (!s.is_any(k, &["called"]) || s.is_any(k + 1, &["off"]))
        });
    if cancelled {
        return Some(VisitStatus::Cancelled);
    }
    // "set" and "due" mark the future only as "set to", "due to".
    let future_before = (from..i).any(|k| {
        s.is_any(k, FUTURE_MARKERS) && (!s.is_any(k, &["set", "due"]) || s.is_any(k + 1, &["to"]))
    }) || (from + 1..i)
        .any(|k| s.is_any(k, &["to"]) && s.is_any(k - 1, &["is", "are"]))
        // An infinitive trip has not happened yet ("Lavrov to visit Tehran", "agreed
        // to visit"), unless it is "the first president to visit Y".
        || (i > 0
            && s.is_any(i - 1, &["to"])
            && !(i.saturating_sub(6)..i).any(|k| s.is_any(k, &["first", "last", "only", "latest"])));
    let noun = VISIT_NOUNS.contains(&s.word(i));
    let future_after = noun && window_after.into_iter().any(|k| s.is_any(k, &["will"]));
    // "will meet W in Y before visiting Z": the participle shares the main verb's tense;
    // "before X's arrival" is still to come.
    let before = (i.saturating_sub(3)..i).any(|k| s.is_any(k, &["before", "prior"]));
    let shared = before && (noun || (0..i).any(|k| s.is_any(k, &["will", "would", "shall"])));
    if future_before || future_after || shared {
        return Some(VisitStatus::Planned);
    }
    Some(VisitStatus::Happened)
}

/// "had planned to", "was scheduled to", "was due to": a plan reported in the past,
/// whose dates lie before the publication date.
pub fn past_plan(s: &Sentence, i: usize) -> bool {
    (clause_start(s, i).max(i.saturating_sub(7))..i).any(|k| {
        s.is_any(k, FUTURE_MARKERS) && k > 0 && s.is_any(k - 1, &["had", "was", "were", "been"])
    })
}

fn negated_or_hypothetical(s: &Sentence, from: usize, to: usize) -> bool {
    (from..to).any(|k| s.is_any(k, NEGATIONS) || s.is_any(k, HYPOTHETICALS))
}

/// The first token of the clause holding token `i` (after the last `;`, `:`, quote or "that").
fn clause_start(s: &Sentence, i: usize) -> usize {
    (0..i)
        .rev()
        .find(|&k| {
            s.is_any(
                k,
                &[";", ":", "“", "”", "\"", "that", "but", "while", "although"],
            )
        })
        .map_or(0, |k| k + 1)
}

/// The traveller named before a trigger: the nearest person who is a subject,
/// a pronoun, a definite description, or "a delegation led by X".
fn subject_before(s: &Sentence, st: &DocState, i: usize) -> Option<Person> {
    let stop = i.saturating_sub(24);
    let mut k = i;
    while k > stop {
        k -= 1;
        let t = &s.tokens[k];
        // "X said that …": what follows "that" has its own subject.
        if t.is_any(&[";", ":", "“", "”", "\"", ".", "that"]) {
            return None;
        }
        // Skip a relative clause: "X, who accompanied W, met …" is about X.
        if t.is(",") {
            let opening = (stop..k)
                .rev()
                .take_while(|&j| !s.is_any(j, &[";", ":", "."]))
                .find(|&j| s.is_any(j, &[","]));
            if let Some(j) = opening.filter(|&j| s.is_any(j + 1, &["who", "which", "whose"])) {
                k = j;
                continue;
            }
        }
        if let Some(r) = s.ref_at(k) {
            if r.kind == RefKind::Person && st.is_subject(s, r) {
                return Some(with_delegation(s, r.first, st.person(s, r)));
            }
            if r.kind == RefKind::Person
                && s.is_any(title_start(s, r.first).wrapping_sub(1), &["by"])
            {
                // "a delegation led by X"
                let p = with_delegation(s, r.first, st.person(s, r));
                if p.delegation {
                    return Some(p);
                }
            }
            k = r.first;
            continue;
        }
        if t.is_any(&["his", "her"]) {
            continue;
        }
        if let Some((p, _)) = st.anaphor_at(s, k) {
            return Some(p);
        }
    }
    None
}

/// "Arriving in Moscow, X said" / "During a visit to Oslo, X met": the subject after the comma.
fn subject_after_comma(s: &Sentence, st: &DocState, i: usize) -> Option<Person> {
    // Only when the trigger opens the sentence's first clause, as a participle
    // ("Arriving in Y, X …") or after a preposition ("During a visit to Y, X …");
    // "A visit to Y is always a pleasure, X said" is no one's trip.
    if (0..i).any(|k| s.is_any(k, &[",", ";"]) || s.ref_at(k).is_some()) {
        return None;
    }
    const OPENERS: &[&str] = &[
        "during",
        "on",
        "after",
        "upon",
        "following",
        "while",
        "in",
        "at",
        "before",
    ];
    if i > 0 && !(0..i).any(|k| s.is_any(k, OPENERS)) {
        return None;
    }
    let comma = (i..s.tokens.len()).find(|&k| s.is_any(k, &[","]))?;
    let k = comma + 1;
    // The clause's subject: a name right after a comma, perhaps behind its title;
    // the opening phrase may hold an aside ("During her trip, to Y last month, X …").
    let commas = (i..s.tokens.len()).filter(|&j| s.is_any(j, &[","])).take(3);
    let named = commas
        .filter_map(|comma| {
            s.refs
                .iter()
                .find(|r| r.first > comma && r.kind == RefKind::Person)
                .filter(|r| title_start(s, r.first) <= comma + 2)
        })
        .next();
    if let Some(r) = named {
        return Some(st.person(s, r));
    }
    let last = (k..(k + 7).min(s.tokens.len())).find(|&j| st.anaphor_at(s, j).is_some())?;
    st.anaphor_at(s, last).map(|(p, _)| p)
}

/// "X's visit", "his second visit": the possessor before a trip noun.
fn possessor_before(s: &Sentence, st: &DocState, i: usize) -> Option<Person> {
    let mut k = i;
    for _ in 0..4 {
        k = k.checked_sub(1)?;
        let t = &s.tokens[k];
        if let Some(r) = s.ref_at(k) {
            return (r.kind == RefKind::Person && t.possessive).then(|| st.person(s, r));
        }
        if t.is_any(&["his", "her"]) || t.possessive {
            // "his visit", "the Iranian foreign minister's visit"
            return st.anaphor_at(s, k).map(|(p, _)| p);
        }
        if !(t.is_any(TRIP_MODIFIERS) || t.lower.ends_with("-day")) {
            return None;
        }
    }
    None
}

/// The person named from token `k` on, after any title ("Iranian Foreign Minister X").
fn person_after(s: &Sentence, st: &DocState, k: usize) -> Option<(Person, usize)> {
    let r = s
        .refs
        .iter()
        .find(|r| r.first >= k && r.kind == RefKind::Person)?;
    let start = title_start(s, r.first);
    let lead = if s.is_any(start.wrapping_sub(1), &["the", "visiting", "his", "her"]) {
        start - 1
    } else {
        start
    };
    (lead <= k || start <= k).then(|| (with_delegation(s, r.first, st.person(s, r)), r.last))
}

/// Marks a person as leading a delegation when the text says "delegation led/headed by X".
fn with_delegation(s: &Sentence, first: usize, mut person: Person) -> Person {
    let start = title_start(s, first);
    if start >= 3 && s.is_any(start - 1, &["by"]) && s.is_any(start - 2, &["led", "headed"]) {
        let d = (start.saturating_sub(6)..start - 2)
            .rev()
            .find(|&k| s.is_any(k, &["delegation"]));
        if let Some(d) = d {
            person.delegation = true;
            if person.country.is_none() {
                person.country = (d.saturating_sub(3)..d)
                    .find_map(|k| super::lexicon::country_of_demonym(s.word(k)))
                    .map(|c| c.name.to_string());
            }
        }
    }
    person
}

/// A foreign place introduced by "in" anywhere in the sentence ("said in Moscow").
fn place_in_sentence(s: &Sentence, st: &DocState, traveller: &Person) -> Option<Place> {
    (0..s.tokens.len())
        .filter(|&k| s.is_any(k, &["in", "at"]))
        .find_map(|k| match st.place_at(s, k + 1) {
            PlaceHit::Place(p, _)
                if !p.is_country && p.country.is_some() && p.country != traveller.country =>
            {
                Some(p)
            }
            _ => None,
        })
}

/// "(at|upon|on) the invitation of W", "invited by W".
fn inviter_in(s: &Sentence, st: &DocState) -> Option<String> {
    let k = (0..s.tokens.len()).find(|&k| {
        (s.is_any(k, &["invitation"]) && s.is_any(k + 1, &["of", "from"]))
            || (s.is_any(k, &["invited"]) && s.is_any(k + 1, &["by"]))
    })? + 2;
    if let Some((p, _)) = person_after(s, st, k) {
        return Some(p.name);
    }
    let mut k = k;
    if s.is_any(k, &["the", "his", "her"]) {
        k += 1;
    }
    if let Some(r) = s.ref_starting(k) {
        return Some(st.entities[r.entity as usize].name.clone());
    }
    // An unnamed inviter: the phrase up to the next punctuation ("his Russian counterpart").
    let end = (k..s.tokens.len().min(k + 10))
        .take_while(|&j| s.tokens[j].word)
        .last()?;
    Some(text_of(
        s,
        k.saturating_sub(usize::from(s.is_any(k - 1, &["his", "her", "the"]))),
        end,
    ))
}

/// "to discuss X", "for talks with X": the purpose phrase after the trigger.
fn purpose_after(s: &Sentence, i: usize) -> Option<String> {
    let n = s.tokens.len();
    let start = (i + 1..n).find(|&k| {
        (s.is_any(k, &["to"]) && s.is_any(k + 1, PURPOSE_VERBS))
            || (s.is_any(k, &["for"])
                && s.is_any(k + 1, &["talks", "consultations", "negotiations"]))
    })? + 1;
    let end = (start..n.min(start + 14))
        .take_while(|&k| !s.is_any(k, &[",", ".", ";", "(", "“", "”", "\""]))
        .last()?;
    Some(text_of(s, start, end))
}

fn text_of(s: &Sentence, first: usize, last: usize) -> String {
    // Tokens are slices of the document text; rebuild the phrase with its own spacing.
    let mut out = String::new();
    for (n, t) in s.tokens[first..=last].iter().enumerate() {
        if n > 0 && t.start > s.tokens[first + n - 1].end {
            out.push(' ');
        }
        out.push_str(t.text);
        if t.possessive {
            out.push_str("'s");
        }
    }
    out
}

/// The expression dating the trigger at `i`: an explicit date first, else the nearest.
fn pick_timex<'f>(
    s: &Sentence,
    found: &'f [Found],
    i: usize,
    triggers: &[usize],
) -> Option<&'f Found> {
    // Distance in words, from the trigger to the nearer end of the expression.
    let distance = |f: &Found, i: usize| {
        let first = s.tokens.partition_point(|t| t.start < f.start);
        let last = s
            .tokens
            .partition_point(|t| t.end <= f.end)
            .saturating_sub(1);
        if first > i {
            first - i
        } else {
            i.saturating_sub(last)
        }
    };
    // An expression dates the trigger nearest to it: in "X is the first to visit Y
    // since W's trip to Z in 2019", 2019 is W's.
    let own = |f: &&Found| triggers.iter().all(|&j| distance(f, i) <= distance(f, j));
    // "the first since 2015", "until May" bound a period; they do not date the trip.
    let dates_event = |f: &&Found| {
        let before = s.tokens.iter().rposition(|t| t.end <= f.start);
        let bounded = before
            .is_some_and(|b| s.is_any(b, &["since", "until", "till", "before", "after", "by"]));
        // "… first visit since he became president in 2009": a since-clause after
        // the trigger dates something else.
        let first = s.tokens.partition_point(|t| t.start < f.start);
        let after_since = first > i && (i + 1..first).any(|k| s.is_any(k, &["since", "until"]));
        // "… since taking office in May 2017, but visited Y": the clause before a comma.
        let clause_start = (first.saturating_sub(6)..first)
            .rev()
            .find(|&k| s.is_any(k, &[",", "but", ";"]))
            .map_or(first.saturating_sub(6), |k| k + 1);
        let in_since_clause =
            after_since || (clause_start..first).any(|k| s.is_any(k, &["since", "until"]));
        !bounded && !in_since_clause
    };
    let mine: Vec<&Found> = found.iter().filter(own).filter(dates_event).collect();
    let nearest = mine.iter().copied().min_by_key(|f| distance(f, i))?;
    // An explicit date right beside the nearest expression says the same, more
    // precisely ("on Monday (February 1, 2016)"); a distant one dates something else.
    let side = |f: &Found| s.tokens.partition_point(|t| t.start < f.start) > i;
    let explicit = mine
        .iter()
        .copied()
        .filter(|f| f.is_absolute() && distance(f, i) <= distance(nearest, i) + 4)
        // "since … in February 2022, but visited China in October": only on the same side.
        .filter(|f| side(f) == side(nearest))
        .min_by_key(|f| distance(f, i));
    Some(explicit.unwrap_or(nearest))
}

/// Expressions that point to the future whatever the verb's tense ("tomorrow", "next week").
fn is_future(t: Timex) -> bool {
    match t {
        Timex::Days(n) | Timex::Weeks(n) | Timex::Months(n) | Timex::Years(n) => n > 0,
        Timex::Weekday { shift, .. } | Timex::Calendar { shift, .. } => shift == Shift::Next,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{corpus, Fixture};
    use super::super::{context::Known, mentions_by_doc, read_article};
    use super::*;

    /// Runs the rules over every sentence of `text` (published on `date`, `-` for
    /// none) with entities `names`, and renders each candidate as
    /// `rule: traveller(country) -> destination(country) date status [hosts] inviter purpose`.
    fn check(text: &str, date: &str, names: &[&str], expect: &[&str]) {
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
        out += &c.traveller.as_ref().map_or("?".into(), person);
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

    const PEOPLE: &[&str] = &[
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
    fn time_words_between_verb_and_place() {
        let d = "2019-01-07"; // a Monday
        check(
            "Norwegian envoy Anna Berg arrived Sunday in Lima for talks.",
            d,
            PEOPLE,
            &["arrived-in: Anna Berg(Norway) -> Lima(Peru) 2019-01-06 happened for=talks"],
        );
        check(
            "Norwegian envoy Anna Berg flew late on Sunday to Lima.",
            d,
            PEOPLE,
            &["travelled-to: Anna Berg(Norway) -> Lima(Peru) 2019-01-06 happened"],
        );
        check(
            "Norwegian envoy Anna Berg landed in Peru this morning.",
            d,
            PEOPLE,
            &["arrived-in: Anna Berg(Norway) -> Peru(Peru) happened"],
        );
        check(
            "Norwegian envoy Anna Berg spoke immediately upon landing in Peru.",
            d,
            PEOPLE,
            &["arrived-in: Anna Berg(Norway) -> Peru(Peru) happened"],
        );
        check(
            "Roads closed for Norwegian envoy Anna Berg's departure late Sunday for Peru.",
            d,
            PEOPLE,
            &["left-for: Anna Berg(Norway) -> Peru(Peru) 2019-01-06 happened"],
        );
        // "on" alone is no time phrase: "went on to Lima" is not travel by these words.
        check("Anna Berg went on to praise Lima.", d, PEOPLE, &[]);
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
        // The traveller of a delegation is the person who leads it.
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
    fn trips_mentioned_in_passing() {
        let d = "2019-06-12";
        check(
            "Norwegian envoy Anna Berg, who visited Lima in 2017, said trade matters.",
            d,
            PEOPLE,
            &["visited: Anna Berg(Norway) -> Lima(Peru) 2017 happened"],
        );
        check(
            "During her first trip abroad as envoy, to Lima last month, Norwegian envoy Anna Berg met students.",
            d,
            PEOPLE,
            &["trip-to: Anna Berg(Norway) -> Lima(Peru) 2019-05 happened"],
        );
    }

    #[test]
    fn attending_an_event_abroad() {
        check(
            "Chinese envoy Mei Lin will attend the trade summit in Lima on Friday.",
            "2019-01-07",
            PEOPLE,
            &["attend-in: Mei Lin(China) -> Lima(Peru) 2019-01-11 planned"],
        );
        // At home, or with no country known, attending is no visit.
        check(
            "Peruvian minister Luis Soto attended the trade summit in Lima.",
            "2019-01-07",
            PEOPLE,
            &[],
        );
        check(
            "Karl Udo attended the trade summit in Lima.",
            "2019-01-07",
            PEOPLE,
            &[],
        );
    }

    #[test]
    fn asides_sides_and_since_clauses() {
        let d = "2019-01-07"; // a Monday
        check(
            "Norwegian envoy Anna Berg, meanwhile, is in Lima.",
            d,
            PEOPLE,
            &["is-in: Anna Berg(Norway) -> Lima(Peru) happened"],
        );
        check(
            "Norwegian envoy Anna Berg will visit northern Peru on Monday.",
            d,
            PEOPLE,
            &["visited: Anna Berg(Norway) -> Peru(Peru) 2019-01-07 planned"],
        );
        check(
            "It is the first visit to Peru by Norwegian envoy Anna Berg since she took office in 2009.",
            d,
            PEOPLE,
            &["visit-to: Anna Berg(Norway) -> Peru(Peru) happened"],
        );
        check(
            "Norwegian envoy Anna Berg has avoided travel since taking office in May 2017, but visited Peru in October.",
            d,
            PEOPLE,
            &["visited: Anna Berg(Norway) -> Peru(Peru) 2018-10 happened"],
        );
        check(
            "Norwegian envoy Anna Berg's state visit in Peru ended on Friday.",
            d,
            PEOPLE,
            &["visit-to: Anna Berg(Norway) -> Peru(Peru) 2019-01-04 happened"],
        );
        check(
            "Norwegian envoy Anna Berg was supposed to depart to Peru last weekend, but the trip was postponed.",
            d,
            PEOPLE,
            &["left-for: Anna Berg(Norway) -> Peru(Peru) cancelled", "visit-mention: ? cancelled"],
        );
    }

    #[test]
    fn trip_nouns() {
        let d = "2016-02-01";
        check(
            "Anna Berg's visit to Lima was a success.",
            d,
            PEOPLE,
            &["visit-to: Anna Berg(?) -> Lima(Peru) happened"],
        );
        check("It follows a landmark visit by President Karl Udo to Europe and Chinese President Mei Lin's travel to Lima last month.",
            d, PEOPLE, &["travel-to: Mei Lin(China) -> Lima(Peru) 2016-01 happened"]);
        check("Norwegian envoy Anna Berg is in Peru. During her stay in the Peruvian capital, she will meet students.", d, PEOPLE,
            &["is-in: Anna Berg(Norway) -> Peru(Peru) happened", "stay-in: Anna Berg(Norway) -> Lima(Peru) happened"]);
        check(
            "Mei Lin spoke. During her visit to Oslo in 2015, Peruvian envoy Luis Soto met students.",
            d,
            PEOPLE,
            &["visit-to: Luis Soto(Peru) -> Oslo(Norway) 2015 happened"],
        );
        check(
            "Norwegian envoy Anna Berg spoke in Lima during her second visit in a year.",
            d,
            PEOPLE,
            &["visit-in: Anna Berg(Norway) -> Lima(Peru) happened"],
        );
    }

    #[test]
    fn presence_and_datelines() {
        let d = "2019-01-09";
        check(
            "Norwegian envoy Anna Berg, who is currently in Lima, met students.",
            d,
            PEOPLE,
            &["is-in: Anna Berg(Norway) -> Lima(Peru) happened"],
        );
        check(
            "Norwegian envoy Anna Berg said the ball is in Lima's court.",
            d,
            PEOPLE,
            &[],
        );
        check("Anna Berg is in Lima.", d, PEOPLE, &[]);
        check(
            "Norwegian envoy Anna Berg is expected in Lima on Friday.",
            d,
            PEOPLE,
            &["is-in: Anna Berg(Norway) -> Lima(Peru) 2019-01-11 planned"],
        );
        check(
            "Norwegian envoy Anna Berg said the interest of Norway is in Peru.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Norwegian envoy Anna Berg said that the delegation visited Lima.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "It follows a visit to Lima by Norwegian envoy Anna Berg.",
            d,
            PEOPLE,
            &["visit-to: Anna Berg(Norway) -> Lima(Peru) happened"],
        );
    }

    #[test]
    fn tense_negation_and_cancellation() {
        let d = "2019-01-09"; // a Wednesday
        check(
            "Norwegian envoy Anna Berg will visit Lima next Monday.",
            d,
            PEOPLE,
            &["visited: Anna Berg(Norway) -> Lima(Peru) 2019-01-14 planned"],
        );
        check(
            "Norwegian envoy Anna Berg is set to visit Peru on Friday.",
            d,
            PEOPLE,
            &["visited: Anna Berg(Norway) -> Peru(Peru) 2019-01-11 planned"],
        );
        check(
            "Norwegian envoy Anna Berg is scheduled to arrive in Lima tomorrow.",
            d,
            PEOPLE,
            &["arrived-in: Anna Berg(Norway) -> Lima(Peru) 2019-01-10 planned"],
        );
        check(
            "Norwegian envoy Anna Berg arrives in Lima tomorrow.",
            d,
            PEOPLE,
            &["arrived-in: Anna Berg(Norway) -> Lima(Peru) 2019-01-10 planned"],
        );
        check(
            "Norwegian envoy Anna Berg did not visit Lima.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Norwegian envoy Anna Berg has never visited Peru.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Norwegian envoy Anna Berg could visit Lima.",
            d,
            PEOPLE,
            &[],
        );
        check("Peru invited Anna Berg to visit Lima.", d, PEOPLE, &[]);
        check(
            "Norwegian envoy Anna Berg cancelled her visit to Lima.",
            d,
            PEOPLE,
            &["visit-to: Anna Berg(Norway) -> Lima(Peru) cancelled"],
        );
        check(
            "Anna Berg's trip to Lima was postponed.",
            d,
            PEOPLE,
            &["trip-to: Anna Berg(?) -> Lima(Peru) cancelled"],
        );
        check(
            "Norwegian envoy Anna Berg agreed to visit Lima.",
            d,
            PEOPLE,
            &["visited: Anna Berg(Norway) -> Lima(Peru) planned"],
        );
        check(
            "Norwegian envoy Anna Berg will only visit Lima once the war ends.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Norwegian envoy Anna Berg will meet students in Oslo before visiting Peru.",
            d,
            PEOPLE,
            &["visited: Anna Berg(Norway) -> Peru(Peru) planned"],
        );
        check(
            "Before Anna Berg's arrival in Lima, Peruvian minister Luis Soto will visit Oslo.",
            d,
            PEOPLE,
            &[
                "arrival-in: Anna Berg(?) -> Lima(Peru) planned",
                "visited: Luis Soto(Peru) -> Oslo(Norway) planned",
            ],
        );
        check(
            "Norwegian envoy Anna Berg will visit Peru on January 20 to revive talks frozen in 2012.",
            d,
            PEOPLE,
            &["visited: Anna Berg(Norway) -> Peru(Peru) 2019-01-20 planned"],
        );
        check(
            "Anna Berg spoke. Chinese envoy Mei Lin and Peruvian minister Luis Soto agree that he visited Oslo.",
            d,
            PEOPLE,
            &["visited: Luis Soto(Peru) -> Oslo(Norway) happened"],
        );
        check(
            "It is very possible that Norwegian envoy Anna Berg will visit Lima.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "A visit to Lima is always a pleasure, Norwegian envoy Anna Berg said.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Norwegian envoy Anna Berg and Chinese envoy Mei Lin will meet in Lima.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Anna Berg to visit Lima next week",
            d,
            PEOPLE,
            &["visited: Anna Berg(?) -> Lima(Peru) 2019-01-14/2019-01-20 planned"],
        );
        check(
            "Mei Lin is the first Chinese envoy to visit Peru since Anna Berg's trip to Lima in 2015.",
            d,
            PEOPLE,
            &["visited: Mei Lin(?) -> Peru(Peru) happened", "trip-to: Anna Berg(?) -> Lima(Peru) 2015 happened"],
        );
        check(
            "Anna Berg's Lima visit ended.",
            d,
            PEOPLE,
            &["visit-to: Anna Berg(?) -> Lima(Peru) happened"],
        );
        check(
            "Norwegian envoy Anna Berg praised the Lima visit.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Anna Berg's visit to Lima, the first since 2015, ended.",
            d,
            PEOPLE,
            &["visit-to: Anna Berg(?) -> Lima(Peru) happened"],
        );
        check(
            "Anna Berg had planned to visit Lima in March, but the trip was postponed.",
            d,
            PEOPLE,
            &[
                "visited: Anna Berg(?) -> Lima(Peru) 2018-03 cancelled",
                "visit-mention: ? cancelled",
            ],
        );
        check(
            "Ahead of Anna Berg's visit to Lima, officials met.",
            d,
            PEOPLE,
            &["visit-to: Anna Berg(?) -> Lima(Peru) planned"],
        );
    }

    #[test]
    fn meetings_and_hosts() {
        let d = "2019-01-28";
        check("Earlier this month, Norwegian envoy Anna Berg held meetings with Peruvian officials in Lima.", d, PEOPLE,
            &["talks-in: Anna Berg(Norway) -> Lima(Peru) 2019-01 happened"]);
        check("Norwegian envoy Anna Berg met Peruvian Deputy Minister of Defense Luis Soto at the venue of the Peruvian Ministry of Defense.", d, PEOPLE,
            &["met-in: Anna Berg(Norway) -> Lima(Peru) happened [Luis Soto]"]);
        check("Norwegian envoy Anna Berg spoke. He said during a meeting in Lima with Peruvian minister Luis Soto that ties grow.", d, PEOPLE,
            &["meeting-in: Anna Berg(Norway) -> Lima(Peru) happened [Luis Soto]"]);
        // A Peruvian meeting a Peruvian at home is no visit; nor is a meeting with a third country's official.
        check(
            "Peruvian minister Luis Soto met Peruvian students in Lima.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Norwegian envoy Anna Berg met Chinese envoy Mei Lin in Lima.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Norwegian envoy Anna Berg met with Peruvian minister Luis Soto.",
            d,
            PEOPLE,
            &["met-with: Anna Berg(Norway) happened [Luis Soto]"],
        );
        check(
            "Peruvian President Luis Soto received Norwegian envoy Anna Berg in Lima on Monday.",
            d,
            PEOPLE,
            &["received: Anna Berg(Norway) -> Lima(Peru) 2019-01-28 happened [Luis Soto]"],
        );
        check(
            "Lima hosted Norwegian envoy Anna Berg last week.",
            d,
            PEOPLE,
            &["hosted: Anna Berg(Norway) -> Lima(Peru) 2019-01-21/2019-01-27 happened"],
        );
        check(
            "Norwegian envoy Anna Berg was welcomed by Peruvian President Luis Soto.",
            d,
            PEOPLE,
            &["welcomed: Anna Berg(Norway) -> Peru(Peru) happened [Luis Soto]"],
        );
        // The place of a topic ("the peace process in Chile") is not where they met.
        check(
            "Norwegian envoy Anna Berg also met with Peruvian minister Luis Soto and discussed the peace process in Chile.",
            d,
            PEOPLE,
            &["met-with: Anna Berg(Norway) happened [Luis Soto]"],
        );
        check(
            "Norwegian envoy Anna Berg held talks in Lima on the situation in Chile.",
            d,
            PEOPLE,
            &["talks-in: Anna Berg(Norway) -> Lima(Peru) happened"],
        );
        // A local meeting a foreign guest: the guest travelled.
        check(
            "Peruvian President Luis Soto met Norwegian envoy Anna Berg in Lima.",
            d,
            PEOPLE,
            &["met-in: Anna Berg(Norway) -> Lima(Peru) happened [Luis Soto]"],
        );
        check(
            "Peruvian President Luis Soto welcomed Anna Berg's proposal.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Norwegian envoy Anna Berg, who accompanied Peruvian minister Luis Soto, met students in Lima.",
            d,
            PEOPLE,
            &["met-in: Anna Berg(Norway) -> Lima(Peru) happened"],
        );
        check(
            "In Lima, Norwegian envoy Anna Berg met Peruvian minister Luis Soto.",
            d,
            PEOPLE,
            &["met-in: Anna Berg(Norway) -> Lima(Peru) happened [Luis Soto]"],
        );
        check(
            "Norwegian envoy Anna Berg held phone talks with Peruvian minister Luis Soto in Lima.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Norwegian wrestler Anna Berg traveled to Lima.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Norwegian envoy Anna Berg would not reveal the content of the talks in Lima.",
            d,
            PEOPLE,
            &[],
        );
        // Someone of unknown country already travelling there meets people there.
        check(
            "Anna Berg arrived in Lima. Anna Berg met Peruvian minister Luis Soto in Lima.",
            d,
            PEOPLE,
            &[
                "arrived-in: Anna Berg(?) -> Lima(Peru) happened",
                "met-in: Anna Berg(?) -> Lima(Peru) happened [Luis Soto]",
            ],
        );
        check(
            "Anna Berg met Peruvian minister Luis Soto in Lima.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Peruvian President Luis Soto and Norwegian envoy Anna Berg held talks in Lima.",
            d,
            PEOPLE,
            &["talks-in: Anna Berg(Norway) -> Lima(Peru) happened [Luis Soto]"],
        );
        check(
            "Norwegian envoy Anna Berg was greeted at the airport by Peruvian minister Luis Soto.",
            d,
            PEOPLE,
            &["welcomed: Anna Berg(Norway) -> Peru(Peru) happened [Luis Soto]"],
        );
        check(
            "Peruvian President Luis Soto welcomed the decision.",
            d,
            PEOPLE,
            &[],
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
    fn coordinated_travellers() {
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
        // Someone met is no fellow traveller.
        check(
            "In Oslo, Peruvian minister Luis Soto met with Anna Berg and Chinese envoy Mei Lin visited Lima.",
            d,
            PEOPLE,
            &["visited: Mei Lin(China) -> Lima(Peru) happened [Luis Soto]"],
        );
    }

    #[test]
    fn returns_sendings_and_onward_legs() {
        let d = "2019-01-07"; // a Monday
        check(
            "Norwegian envoy Anna Berg flew back on Sunday from a meeting in Lima.",
            d,
            PEOPLE,
            &["returned-from: Anna Berg(Norway) -> Lima(Peru) 2019-01-06 happened"],
        );
        check(
            "Norwegian envoy Anna Berg returned from Peru with a trade deal.",
            d,
            PEOPLE,
            &["returned-from: Anna Berg(Norway) -> Peru(Peru) happened"],
        );
        // Home is no destination, whatever the traveller's country.
        check(
            "Luis Soto flew back home to Lima on Friday.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Norway is sending its own trade envoy Anna Berg to Lima for talks.",
            d,
            PEOPLE,
            &["sent-to: Anna Berg(?) -> Lima(Peru) planned for=talks"],
        );
        check(
            "Last year Oslo sent Norwegian envoy Anna Berg to Peru.",
            d,
            PEOPLE,
            &["sent-to: Anna Berg(Norway) -> Peru(Peru) 2018 happened"],
        );
        check(
            "From Oslo, Chinese envoy Mei Lin will move on to Lima, the last stop of her tour.",
            d,
            PEOPLE,
            &["travelled-to: Mei Lin(China) -> Lima(Peru) planned"],
        );
        // "moved to" alone is a change of home.
        check(
            "Chinese envoy Mei Lin moved to Lima in 2010.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Chinese envoy Mei Lin spoke to reporters before leaving Oslo for Lima.",
            d,
            PEOPLE,
            &[
                "left-for: Mei Lin(China) -> Lima(Peru) happened",
                "arrived-from: Mei Lin(China) -> Oslo(Norway) happened",
            ],
        );
        check(
            "Chinese envoy Mei Lin, who flew in to Peru's commercial capital from Oslo, met traders.",
            d,
            PEOPLE,
            &[
                "travelled-to: Mei Lin(China) -> Peru(Peru) happened",
                "arrived-from: Mei Lin(China) -> Oslo(Norway) happened",
            ],
        );
        // "in Peru's view" is no place of a visit.
        check(
            "Chinese envoy Mei Lin flew in to Peru's view of things.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "Chinese envoy Mei Lin was last in Lima for a funeral in September.",
            d,
            PEOPLE,
            &["is-in: Mei Lin(China) -> Lima(Peru) 2018-09 happened"],
        );
    }
}
