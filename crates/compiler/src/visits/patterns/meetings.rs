//! The meeting and hosting rules: attending an event abroad, talks and meetings in a
//! place, a host receiving a guest.

use communique_core::VisitStatus;

use super::candidate::{continuation, visit, Candidate};
use super::status::{after_time, clause_start, status_at};
use crate::visits::context::{DocState, Person, Place, PlaceHit, RefKind, Sentence};
use crate::visits::lexicon::is_international_office;
use crate::visits::reference::{
    person_after, place_in_sentence, subject_after_comma, subject_before,
};

/// "X will attend the summit in Y", "scheduled to attend the APEC meeting in Y": an
/// event abroad, for a traveler known to be foreign to Y.
/// "The summit in Y is being attended by A, B and C", "Also in attendance are A, B and C":
/// each person of the list known to come from elsewhere attends the event where the
/// sentence, or else the dateline, puts it.
pub(super) fn attendance(s: &Sentence, st: &DocState) -> Vec<(usize, Candidate)> {
    let Some(start) = (1..s.tokens.len()).find(|&k| {
        (s.is_any(k, &["attended"]) && s.is_any(k + 1, &["by"]))
            || (s.is_any(k, &["attendance"]) && s.is_any(k - 1, &["in"]))
    }) else {
        return Vec::new();
    };
    let place = (0..s.tokens.len())
        .filter(|&k| s.is_any(k, &["in", "at"]))
        .find_map(|k| match st.place_at(s, k + 1) {
            PlaceHit::Place(place, _) if place.country.is_some() => Some(place),
            _ => None,
        })
        .or_else(|| st.dateline_place());
    let Some(place) = place else {
        return Vec::new();
    };
    s.refs
        .iter()
        .filter(|r| r.kind == RefKind::Person && r.first > start)
        .map(|r| st.person(s, r))
        .filter(|p| p.country.is_some() || p.role.as_deref().is_some_and(is_international_office))
        .filter_map(|p| visit(s, st, start, "attended-by", p, place.clone()))
        .map(|mut c| {
            // "consultations to be attended by X later in the week".
            if s.is_any(start - 1, &["be"]) && s.is_any(start.wrapping_sub(2), &["to", "will"]) {
                c.status = VisitStatus::Planned;
            }
            (start, c)
        })
        .collect()
}

pub(super) fn attend_rule(s: &Sentence, st: &DocState, i: usize) -> Option<Candidate> {
    let (_, place) = (i + 1..(i + 10).min(s.tokens.len()))
        .take_while(|&k| !s.is_any(k, &[".", ";", ","]))
        .filter(|&k| s.is_any(k, &["in"]))
        .find_map(|k| match st.place_at(s, k + 1) {
            PlaceHit::Place(place, _) => Some((k, place)),
            _ => None,
        })?;
    let traveler = subject_before(s, st, i).or_else(|| subject_after_comma(s, st, i))?;
    // Attending something at home is no trip: the traveler's country must be known.
    traveler.country.as_ref()?;
    place.country.as_ref()?;
    visit(s, st, i, "attend-in", traveler, place)
}

/// "X held talks with W in Y", "X met W at the venue of …", "during a meeting in Y with W".
pub(super) fn meet_rule(s: &Sentence, st: &DocState, i: usize) -> Option<Candidate> {
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
    let mut traveler = subject_before(s, st, i)?;
    if is_ambassador(&traveler) {
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
            if !p.same(&traveler) {
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
        let mut c = continuation(s, "met-with", Some(traveler));
        c.hosts = hosts;
        c.status = status_at(s, i)?;
        return Some(c);
    };
    let to = place.country.clone()?;
    // A traveler of unknown country the article already has travelling there
    // is foreign there (the empty name matches no country below).
    let mut from = match traveler.country.clone() {
        Some(c) => c,
        None if st.travelled_to(&traveler, &to) => String::new(),
        None => return None,
    };
    // "Lavrov met Zarif in Moscow": a local meeting one foreign guest, who is the traveler.
    // Those named with the traveler before the verb take part too: "X and W will meet in Y".
    let mut partners: Vec<Person> = s
        .refs
        .iter()
        .filter(|r| r.kind == RefKind::Person && r.last < i && r.first >= clause_start(s, i))
        .map(|r| st.person(s, r))
        .filter(|p| !p.same(&traveler))
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
        hosts.insert(0, traveler);
        from = guest.country.clone().unwrap_or_default();
        traveler = guest;
    }
    // Foreign to the place, and not a meeting with a third country's official there.
    let third = |h: &Person| h.country.as_deref().is_some_and(|c| c != from && c != to);
    let local = |h: &Person| h.country.as_deref() == Some(to.as_str());

    let everyone = || hosts.iter().chain(&partners);
    if from == to || (everyone().any(third) && !everyone().any(local)) {
        return None;
    }
    let mut c = visit(s, st, i, rule, traveler, place)?;
    for h in hosts {
        if !c.hosts.iter().any(|x| x.same(&h)) && h.country.as_deref() != Some(from.as_str()) {
            c.hosts.push(h);
        }
    }
    Some(c)
}

/// An envoy posted abroad meets people there without travelling.
pub(super) fn is_ambassador(p: &Person) -> bool {
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
pub(super) fn host_rule(s: &Sentence, st: &DocState, i: usize) -> Option<Candidate> {
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
    let (traveler, host, host_place) = if passive {
        // "was received by W", "was greeted at the airport by W"
        let by = (i + 1..(i + 6).min(s.tokens.len()))
            .take_while(|&k| s.tokens[k].word)
            .find(|&k| s.is_any(k, &["by"]))?;
        let traveler = subject_before(s, st, i)?;
        let host = person_after(s, st, by + 1).map(|(p, _)| p);
        let place = match st.place_at(s, by + 1) {
            PlaceHit::Place(p, _) => Some(p),
            _ => None,
        };
        (traveler, host, place)
    } else {
        // "received this Saturday his Colombian counterpart X".
        let (traveler, last) = person_after(s, st, after_time(s, i + 1))?;
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
        (traveler, host, place)
    };
    let place = host_place
        .or_else(|| place_in_sentence(s, st, &traveler))
        .or_else(|| {
            // No place named: the host's country (a welcome alone may be a statement's).
            if rule == "welcomed" && !passive {
                return None;
            }
            host.as_ref()?.country.clone().map(Place::whole_country)
        })?;
    if traveler.country.is_none() && host.as_ref().is_none_or(|h| h.country.is_none()) {
        return None;
    }
    let mut c = visit(s, st, i, rule, traveler, place)?;
    if let Some(h) = host {
        if !c.hosts.iter().any(|x| x.same(&h)) {
            c.hosts.insert(0, h);
        }
    }
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{check, PEOPLE};

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
    fn a_guest_named_in_apposition_and_a_meeting_that_was_to_be() {
        let d = "2019-01-09"; // a Wednesday
        check(
            "Peruvian minister Luis Soto received his counterpart from Norway, Anna Berg, in Lima on Wednesday.",
            d,
            PEOPLE,
            &["received: Anna Berg(Norway) -> Lima(Peru) 2019-01-09 happened [Luis Soto]"],
        );
        check(
            "Norwegian envoy Anna Berg was to hold talks with Luis Soto in Lima on Wednesday.",
            d,
            PEOPLE,
            &["talks-in: Anna Berg(Norway) -> Lima(Peru) 2019-01-09 planned [Luis Soto]"],
        );
    }

    #[test]
    fn those_in_attendance_from_elsewhere_attend_there() {
        let d = "2019-01-09";
        check(
            "The summit in Lima is being attended by Chinese envoy Mei Lin and Karl Udo. Also in \
             attendance at the forum in Lima are Norwegian envoy Anna Berg and Peruvian minister \
             Luis Soto.",
            d,
            PEOPLE,
            &[
                "attended-by: Mei Lin(China) -> Lima(Peru) happened",
                "attended-by: Anna Berg(Norway) -> Lima(Peru) happened [Luis Soto]",
            ],
        );
        // The head of an international body is at home nowhere; an official of no
        // stated country may be at home.
        check(
            "The summit in Lima is being attended by Forum Secretary General Karl Udo and \
             treasurer Mei Lin.",
            d,
            PEOPLE,
            &["attended-by: Karl Udo(?) -> Lima(Peru) happened"],
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
}
