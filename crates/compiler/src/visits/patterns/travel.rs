//! The trip rules read from a verb or noun of travel ("is in", "visiting", "X's visit to",
//! "returned from", "sent X to"), and the places and people a trip takes in besides its
//! first: coordinated destinations, the place left, fellow travelers.

use communique_core::{EntityId, VisitStatus};

use super::candidate::{continuation, visit, Candidate};
use super::meetings::is_ambassador;
use super::status::{after_time, negated_or_hypothetical, status_at};
use super::words::{HOST_VERBS, MEET_WORDS, TRIP_MODIFIERS, TRIP_NOUNS};
use crate::visits::context::{
    title_start, DocState, Person, Place, PlaceHit, Ref, RefKind, Sentence, VISIT_NOUNS,
};
use crate::visits::reference::{
    city_abroad_at, person_after, place_in_sentence, possessor_before, sentence_subject,
    subject_after_comma, subject_before, with_delegation,
};

/// "X is in Moscow", "X, who was in Moscow for talks": a foreign official's presence;
/// in a headline, without its "is" ("Kono in Canberra for trade talks").
pub(super) fn is_in_rule(s: &Sentence, st: &DocState, i: usize) -> Option<Candidate> {
    const BE: &[&str] = &["is", "was", "are", "were"];
    // "Kono in Canberra", or a description the story names ("Foreign minister in Canberra").
    let named = |k: usize| {
        s.ref_at(k)
            .is_some_and(|r| r.kind == RefKind::Person && r.last + 1 == i)
    };
    if i > 0 && st.is_headline(s) && (named(i - 1) || st.anaphor_at(s, i - 1).is_some()) {
        return presence(s, st, i, i);
    }
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
    presence(s, st, i, be)
}

/// The presence said by "in" (or "here") at `i` of the subject before token `be` (its
/// "is", or the "in" itself in a headline).
fn presence(s: &Sentence, st: &DocState, i: usize, be: usize) -> Option<Candidate> {
    // "X, who is here on a visit": the dateline's city.
    let place = if s.is_any(i, &["here"]) {
        st.dateline_place()?
    } else {
        match st.place_at(s, i + 1) {
            PlaceHit::Place(place, _) => place,
            _ => return None,
        }
    };
    let traveler = subject_before(s, st, be)?;
    // Presence counts only for someone known to be foreign there, and not posted there.
    let known_abroad = place
        .country
        .as_deref()
        .is_some_and(|c| st.travelled_to(&traveler, c));
    if is_ambassador(&traveler)
        || (traveler.country.is_none() && !known_abroad)
        || place.country.is_none()
    {
        return None;
    }
    visit(s, st, i, "is-in", traveler, place)
}

/// "The week-long tour will also take him to Mauritius": the person a trip takes to a place,
/// named or "him"/"her" (the latest subject); "took him back to Y" is a return, not this.
pub(super) fn taken_rule(s: &Sentence, st: &DocState, i: usize) -> Option<Candidate> {
    // The trip is what takes: its noun shortly before the verb, in the same clause.
    let clause = (0..i)
        .rev()
        .take_while(|&k| !s.is_any(k, &[",", ";"]))
        .take(6);
    if !clause.into_iter().any(|k| s.is_any(k, TRIP_NOUNS)) {
        return None;
    }
    let (traveler, mut k) = match s.ref_at(i + 1) {
        Some(r) if r.kind == RefKind::Person && r.first == i + 1 => (st.person(s, r), r.last + 1),
        _ if s.is_any(i + 1, &["him", "her"]) => (st.last_subject.clone()?, i + 2),
        _ => return None,
    };
    if s.is_any(k, &["also", "then", "later", "on"]) {
        k += 1;
    }
    if !s.is_any(k, &["to"]) {
        return None;
    }
    let PlaceHit::Place(place, _) = st.place_at(s, k + 1) else {
        return None;
    };
    visit(s, st, i, "taken-to", traveler, place)
}

/// "received the visiting Presidents of Benin and Chad, Mr. X and Mr. Y, at … Abuja": each
/// person listed after the plural office is a traveler, from the country named in the
/// same place of its list; the place is the sentence's city abroad for them.
pub(super) fn visiting_list(s: &Sentence, st: &DocState) -> Vec<(usize, Candidate)> {
    let Some(i) = (0..s.tokens.len()).find(|&k| {
        s.is_any(k, &["visiting"])
            && s.tokens.get(k + 1).is_some_and(|t| {
                t.lower
                    .strip_suffix('s')
                    .is_some_and(crate::visits::lexicon::is_person_head)
            })
    }) else {
        return Vec::new();
    };
    // The office's "of" list of countries, up to its comma.
    let Some(comma) = (i + 2..s.tokens.len().min(i + 16)).find(|&k| s.is_any(k, &[","])) else {
        return Vec::new();
    };
    let countries: Vec<String> = s
        .refs
        .iter()
        .filter(|r| r.kind == RefKind::Place && r.first > i && r.last < comma)
        .filter_map(|r| match st.place_at(s, r.first) {
            PlaceHit::Place(place, _) if place.is_country => place.country,
            _ => None,
        })
        .collect();
    // The names after the comma, joined by "and" or commas, up to the first other word.
    let mut people = Vec::new();
    let mut k = comma + 1;
    while k < s.tokens.len() {
        if let Some(r) = s
            .refs
            .iter()
            .find(|r| r.first >= k && r.kind == RefKind::Person)
        {
            let between_ok = (k..r.first).all(|j| {
                s.is_any(j, &["and", ",", "mr", "mrs", "ms", "dr", "."])
                    || title_start(s, r.first) <= j
            });
            if between_ok {
                people.push(r);
                k = r.last + 1;
                continue;
            }
        }
        break;
    }
    if people.len() < 2 || people.len() != countries.len() {
        return Vec::new();
    }
    let after = people.last().map_or(i, |r| r.last);
    let mut out = Vec::new();
    for (r, country) in people.iter().zip(countries) {
        // The pairing of the two lists says more than the country next to the name.
        let mut traveler = st.person(s, r);
        traveler.country = Some(country);
        let place = place_in_sentence(s, st, &traveler).or_else(|| {
            // "… Airport, Abuja": a city named after the list, abroad for the traveler.
            s.refs
                .iter()
                .filter(|p| p.kind == RefKind::Place && p.first > after)
                .find_map(|p| city_abroad_at(s, st, p.first, &traveler))
        });
        if let Some(c) = place.and_then(|place| visit(s, st, i, "visiting", traveler, place)) {
            out.push((i, c));
        }
    }
    out
}

/// "Marchenko met visiting Iranian President X in Moscow": X is the traveler; the
/// place is the one named in the sentence, else the host's country.
pub(super) fn visiting_rule(s: &Sentence, st: &DocState, i: usize) -> Option<Candidate> {
    let r = s
        .refs
        .iter()
        .find(|r| r.first > i && r.kind == RefKind::Person)?;
    if title_start(s, r.first) != i + 1 && r.first != i + 1 {
        return None;
    }
    let traveler = st.person(s, r);
    let host = subject_before(s, st, i).filter(|h| !h.same(&traveler));
    let place = place_in_sentence(s, st, &traveler)
        .or_else(|| host.as_ref()?.country.clone().map(Place::whole_country))?;
    traveler.country.as_ref()?;
    let mut c = visit(s, st, i, "visiting", traveler, place)?;
    if let Some(h) =
        host.filter(|h| h.country == c.destination.as_ref().and_then(|d| d.country.clone()))
    {
        if !c.hosts.iter().any(|x| x.same(&h)) {
            c.hosts.insert(0, h);
        }
    }
    Some(c)
}

/// "a visit", "his visit", "the official visit": a noun, not a verb.
pub(super) fn is_noun_position(s: &Sentence, i: usize) -> bool {
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

/// "X's visit to Y", "a visit by X to Y", "his stay in Y", "the visit" (continuation).
pub(super) fn noun_rule(s: &Sentence, st: &DocState, i: usize) -> Option<Candidate> {
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
        } else if let Some(copula) = (k + 1..(k + 6).min(s.tokens.len()))
            .find(|&j| s.is_any(j, &["was", "is"]) && s.is_any(j + 1, &["to"]))
        {
            // "His maiden overseas trip as PM was to New York".
            k = copula + 1;
        }
    }
    if s.is_any(k, &[","]) && s.is_any(k + 1, &["to"]) {
        k += 1;
    }
    // "His first trip abroad was to Lima".
    if s.is_any(k, &["was", "is"]) && s.is_any(k + 1, &["to"]) {
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
    let named_by = by.is_some();
    let mut traveler = possessor.or(by);
    if let (None, PlaceHit::Place(_, last)) = (&traveler, &destination) {
        // "a visit to Moscow by X"
        if s.is_any(last + 1, &["by"]) {
            traveler = person_after(s, st, last + 2).map(|(p, _)| p);
        }
    }
    match destination {
        PlaceHit::Region => None,
        PlaceHit::Place(place, _) => {
            // "praised the Moscow visit" names nobody's trip; "a visit to Moscow" is the subject's.
            let named_after = s.is_any(k, preps);
            // "… during a visit to Y", "… during his trip to Y".
            let during = (1..=3).any(|back| s.is_any(i.wrapping_sub(back), &["during"]));
            let traveler = traveler
                .or_else(|| named_after.then(|| subject_before(s, st, i)).flatten())
                .or_else(|| named_after.then(|| subject_after_comma(s, st, i)).flatten())
                .or_else(|| {
                    (named_after && during)
                        .then(|| sentence_subject(s, st, i))
                        .flatten()
                })
                .or_else(|| named_after.then(|| guest_after(s, st, i)).flatten())
                .or_else(|| opening_subject(s, st, i))?;
            visit(s, st, i, rule, traveler, place)
        }
        PlaceHit::None => {
            if w == "travel" || w == "tour" || w == "stay" {
                return None;
            }
            // "Y said in Moscow during his visit": the place is stated elsewhere in the sentence.
            if let Some(person) = traveler.clone() {
                if let Some(place) = place_in_sentence(s, st, &person) {
                    return visit(s, st, i, "visit-in", person, place);
                }
                // "BERLIN – … to mark the visit of President X": a visit named by whose it
                // is, and nowhere, is in the city the article is filed from, for a visitor
                // from elsewhere.
                let named = named_by || s.tokens[i - 1].possessive;
                if let Some(place) = st
                    .dateline_place()
                    .filter(|p| named && p.country.is_some() && p.country != person.country)
                {
                    if !negated_or_hypothetical(s, i.saturating_sub(6), i) {
                        return visit(s, st, i, "visit-dateline", person, place);
                    }
                }
            }
            // Only a definite trip refers back: "the visit", "his visit", "X's visit".
            let definite = i > 0
                && (s.tokens[i - 1].is_any(&["the", "this", "his", "her"])
                    || s.tokens[i - 1].possessive);
            if !definite || negated_or_hypothetical(s, i.saturating_sub(6), i) {
                return None;
            }
            let mut c = continuation(s, "visit-mention", traveler);
            c.status = status_at(s, i)?;
            Some(c)
        }
    }
}

/// "He was due to pay a visit to Canada, which has been cancelled. A planned official visit
/// to the Dominican Republic has also been cancelled.": a trip opening a sentence that
/// names nobody, planned or called off, is the previous sentence's subject's.
fn opening_subject(s: &Sentence, st: &DocState, i: usize) -> Option<Person> {
    let opens = i < 6
        && (0..i).all(|k| s.tokens[k].word && s.ref_at(k).is_none())
        && s.refs.iter().all(|r| r.kind != RefKind::Person);
    let plan = matches!(
        status_at(s, i),
        Some(VisitStatus::Planned | VisitStatus::Cancelled)
    );
    (opens && plan).then(|| st.last_subject.clone()).flatten()
}

/// "The last state visit to Y came in 2019, when Z hosted X": a trip nobody is named
/// making is the guest's of a host verb later in the sentence.
fn guest_after(s: &Sentence, st: &DocState, i: usize) -> Option<Person> {
    let host = (i + 1..s.tokens.len())
        .take_while(|&k| !s.is_any(k, &[";", "."]))
        .find(|&k| s.is_any(k, HOST_VERBS))?;
    person_after(s, st, host + 1).map(|(p, _)| p)
}

/// "returned from Y", "flew back home from talks in Y", "arrived back from a meeting in
/// Y": the place left was the trip's destination; "returned to Y" is a trip to Y (home
/// is no destination, as everywhere).
pub(super) fn returned_rule(s: &Sentence, st: &DocState, i: usize) -> Option<Candidate> {
    let mut k = i + 1;
    let mut home = false;
    while s.is_any(k, &["back", "home"]) {
        home |= s.is_any(k, &["home"]);
        k += 1;
    }
    k = after_time(s, k);
    let rule = match s.word(k) {
        // "flew back home to Y": Y is home, whatever the traveler's country.
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
    let traveler = subject_before(s, st, i).or_else(|| subject_after_comma(s, st, i))?;
    visit(s, st, i, rule, traveler, place)
}

/// "sent Foreign Minister X to Y", "is sending its own envoy X to Y": the one sent
/// travels; the sending is done (`sent`) or under way (`sending`, a planned trip).
pub(super) fn sent_rule(s: &Sentence, st: &DocState, i: usize) -> Option<Candidate> {
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
    let traveler = with_delegation(s, r.first, st.person(s, r));
    let mut c = visit(s, st, i, "sent-to", traveler, place)?;
    if c.status == VisitStatus::Happened && !s.is_any(i, &["sent", "dispatched"]) {
        c.status = VisitStatus::Planned;
    }
    Some(c)
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
/// France", "Saudi Arabia, Qatar and the UAE"), foreign to its traveler.
pub(super) fn further_destinations(s: &Sentence, st: &DocState, c: &Candidate) -> Vec<Place> {
    let (Some(traveler), Some(first)) = (&c.traveler, &c.destination) else {
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
        let home = place.country.is_some() && place.country == traveler.country;
        if !home && place.country.is_some() && place.entity != Some(entity) {
            places.push(place);
        }
        k = last + 1;
    }
    places
}

/// The place a traveler arrived from ("… in Belgrade from France, where …", "to
/// Gujarat's commercial capital from Colombo") or left ("left Italy for Ghana"), when
/// it is a place abroad for them and not the destination itself.
pub(super) fn origin(s: &Sentence, st: &DocState, i: usize, c: &Candidate) -> Option<Place> {
    let (traveler, destination) = (c.traveler.as_ref()?, c.destination.as_ref()?);
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
    let abroad = place.country.is_some() && place.country != traveler.country;
    (abroad && place.entity != Some(entity) && place.country != destination.country)
        .then_some(place)
}

/// The people coordinated with a candidate's traveler as the subject of its verb:
/// "X and Y visited Z", "X, Y and Z arrived in W" (for the traveler Z, X and Y).
pub(super) fn fellow_travelers(
    s: &Sentence,
    st: &DocState,
    i: usize,
    c: &Candidate,
) -> Vec<Person> {
    if !matches!(
        c.rule,
        "visited" | "arrived-in" | "travelled-to" | "left-for"
    ) {
        return Vec::new();
    }
    let Some(traveler) = &c.traveler else {
        return Vec::new();
    };
    let Some(r) = s
        .refs
        .iter()
        .rfind(|r| r.kind == RefKind::Person && r.last < i && st.person(s, r).same(traveler))
    else {
        return Vec::new();
    };
    // The named traveler must be the verb's own subject ("X and Y visited", "X and Y
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
        .filter(|p| !p.same(traveler))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests::{check, PEOPLE};

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
    fn a_tour_takes_its_traveller_on_and_a_leg_before_a_plan_is_planned() {
        let d = "2019-01-07"; // a Monday
        check(
            "Norwegian envoy Anna Berg arrived in Oslo. The week-long tour will also take her to \
             Lima before she returns home.",
            d,
            PEOPLE,
            &["taken-to: Anna Berg(Norway) -> Lima(Peru) planned"],
        );
        // A court or a taxi takes nobody on a trip.
        check(
            "Norwegian envoy Anna Berg spoke. The case will take her to Lima.",
            d,
            PEOPLE,
            &[],
        );
        check(
            "On Wednesday, before heading on to Lima, Norwegian envoy Anna Berg is expected to \
             meet students.",
            d,
            PEOPLE,
            &["travelled-to: Anna Berg(Norway) -> Lima(Peru) 2019-01-09 planned"],
        );
    }

    #[test]
    fn visiting_officials_listed_with_their_countries() {
        let d = "2019-01-09";
        let known = &[
            "p:Anna Berg",
            "p:Karl Udo",
            "p:Luis Soto",
            "l:Norway",
            "l:Chile",
            "l:Lima",
        ];
        // Each name takes the country in the same place of the office's list.
        check(
            "Minister Luis Soto received the visiting Presidents of Norway and Chile, Mr Karl Udo \
             and Ms Anna Berg, at the airport, Lima.",
            d,
            known,
            &[
                "visiting: Karl Udo(Norway) -> Lima(Peru) happened",
                "visiting: Anna Berg(Chile) -> Lima(Peru) happened",
            ],
        );
        // Lists that do not pair up say nothing of who comes from where.
        check(
            "Minister Luis Soto received the visiting Presidents of Norway and Chile, Mr Karl Udo, \
             at the airport, Lima.",
            d,
            known,
            &[],
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
    fn idioms_of_arrival_and_travel_and_wishes() {
        let d = "2019-01-07"; // a Monday
        check(
            "Norwegian envoy Anna Berg will finally set foot again in Lima on Tuesday.",
            d,
            PEOPLE,
            &["arrived-in: Anna Berg(Norway) -> Lima(Peru) 2019-01-08 planned"],
        );
        check(
            "Norwegian envoy Anna Berg will jet off to Lima for two days next week.",
            d,
            PEOPLE,
            &["travelled-to: Anna Berg(Norway) -> Lima(Peru) 2019-01-14/2019-01-20 planned"],
        );
        check(
            "The Norwegian envoy Anna Berg touched down in Lima on Friday morning.",
            "2019-01-11",
            PEOPLE,
            &["arrived-in: Anna Berg(Norway) -> Lima(Peru) 2019-01-11 happened"],
        );
        // A wish to go is no trip.
        check(
            "Norwegian envoy Anna Berg said in 2008 that she was eager to return to Lima.",
            d,
            PEOPLE,
            &[],
        );
    }

    #[test]
    fn the_one_to_visit_was_and_a_plan_that_opens_a_sentence() {
        let d = "2019-01-07";
        check(
            "The last Norwegian envoy to visit Lima was Anna Berg in 2015.",
            d,
            PEOPLE,
            &["visited: Anna Berg(?) -> Lima(Peru) 2015 happened"],
        );
        check(
            "Norwegian envoy Anna Berg spoke. Her first trip as envoy was to Lima last month.",
            d,
            PEOPLE,
            &["trip-to: Anna Berg(Norway) -> Lima(Peru) 2018-12 happened"],
        );
        // A part of one country is a destination in it; a world region is none.
        check(
            "Norwegian envoy Anna Berg flew to New York and then to Europe.",
            d,
            &["p:Anna Berg", "l:New York@United States", "l:Europe"],
            &["travelled-to: Anna Berg(Norway) -> New York(United States) happened"],
        );
        // A headline's infinitive after its subject is a plan.
        check(
            "Norwegian envoy Anna Berg to start two-day official visit to Lima on Thursday",
            "2019-01-08",
            PEOPLE,
            &["visit-to: Anna Berg(Norway) -> Lima(Peru) 2019-01-10 planned"],
        );
        // A plan named by nobody is the last subject's; a trip in general is no one's.
        check(
            "Norwegian envoy Anna Berg was due to visit Peru in March. A planned visit to Lima has also been cancelled.",
            d,
            PEOPLE,
            &[
                "visited: Anna Berg(Norway) -> Peru(Peru) 2018-03 planned",
                "visit-to: Anna Berg(Norway) -> Lima(Peru) cancelled",
            ],
        );
        check(
            "Norwegian envoy Anna Berg spoke. A visit to Lima is always a pleasure.",
            d,
            PEOPLE,
            &[],
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
        // Home is no destination, whatever the traveler's country.
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
