//! Roles: the office a person holds, read from the words before the name
//! ("Iranian Deputy Foreign Minister for Middle East and African Affairs
//! Hossein Rezaei Nasab", "director of the Russian Institute for Strategic
//! Studies Pavel Sokolenko") or from an apposition after it ("Ali Akbar
//! Hamidi, the adviser on international affairs to …,"). A leading nationality
//! ("Iranian", "Iran's") becomes the person's country; a trailing military rank
//! ("Lieutenant General") is a role of its own; honorifics are dropped.
//!
//! Invariant: a role phrase holds an office word (or a rank), and never the
//! name of another person.

use communique_core::{EntityKind, Span};

use super::lexicon;
use super::sentence::{Claim, Sentence};
use super::tokens::Shape;

/// Longest apposition read as a role, in tokens.
const MAX_APPOSITION: usize = 20;

/// Finds the roles of every person mention in the sentence.
pub(crate) fn attach(s: &mut Sentence) {
    for m in 0..s.mentions.len() {
        if s.mentions[m].kind != Some(EntityKind::Person) {
            continue;
        }
        let (from, to) = s.range_of(m);
        let phrases = [before(s, from), apposition(s, to)];
        for (start, end) in phrases.into_iter().flatten() {
            let evidence = Span::new(
                s.tokens[start.min(from)].start,
                s.tokens[(end.max(to)) - 1].end,
            );
            let (country, roles) = read_phrase(s, start, end);
            if s.mentions[m].country.is_none() {
                s.mentions[m].country = country;
            }
            for role in roles {
                s.mentions[m].roles.push((role, evidence));
            }
        }
        if s.mentions[m].country.is_none() {
            s.mentions[m].country = country_apposition(s, from, to);
        }
    }
}

/// The country of a person named in apposition to it: "the presidents of Russia,
/// Oleg Marchenko, and Iran, Ebrahim Sadeghi".
fn country_apposition(s: &Sentence, from: usize, to: usize) -> Option<u32> {
    if from < 2 || s.raw(from - 1) != "," || !matches!(s.word(to), "," | "and" | ".") {
        return None;
    }
    let Claim::Mention(place) = s.claim[from - 2] else {
        return None;
    };
    let g = super::gazetteer::Gazetteer::get();
    let id = s.mentions[place].place?;
    (g.places[id as usize].kind == super::gazetteer::PlaceKind::Country).then_some(id)
}

/// Whether token `i` belongs to another person's name.
fn is_person(s: &Sentence, i: usize) -> bool {
    matches!(s.claim[i], Claim::Mention(m) if s.mentions[m].kind == Some(EntityKind::Person))
}

/// Whether token `i` is a capitalised part of a role phrase.
fn capital_part(s: &Sentence, i: usize) -> bool {
    (s.name[i] || matches!(s.claim[i], Claim::Demonym(_) | Claim::Affiliation)) && !is_person(s, i)
}

/// The role phrase right before the name starting at `name`: token range, if any.
fn before(s: &Sentence, name: usize) -> Option<(usize, usize)> {
    let mut start = name;
    let mut j = name;
    while j > 0 {
        let k = j - 1;
        let raw = s.raw(k);
        let w = s.word(k);
        // Capitalised words, possessives, parentheses and lower-case office words
        // belong to the phrase: "President's Special Envoy … (MENA)", "deputy foreign minister".
        // A hyphen joining two capitalised words of the office: "Secretary-General".
        let inner_hyphen =
            raw == "-" && s.attached(k) && capital_part(s, k - 1) && capital_part(s, k + 1);
        let part = capital_part(s, k)
            || inner_hyphen
            || s.tokens[k].shape == Shape::Possessive
            || ((raw == "(" || raw == ")") && k > 0)
            || (s.is_lower(k) && (lexicon::is_title_word(w) || lexicon::is_office_object(w)));
        if part {
            start = k;
            j = k;
        } else if s.is_lower(k) && lexicon::is_connector(w) {
            // Cross connectors only towards more of an office: "Assistant to Iran's …",
            // "director of the …"; never from a lower-case phrase ("affairs to Leader").
            let mut b = k;
            while b > 0 && s.is_lower(b - 1) && lexicon::is_connector(s.word(b - 1)) {
                b -= 1;
            }
            if b == 0 {
                break;
            }
            let beyond = b - 1;
            if capital_part(s, beyond) {
                j = b;
            } else if s.is_lower(beyond) && lexicon::is_title_head(s.word(beyond)) {
                start = beyond;
                break;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    // The phrase opens with an office or a nationality: "Europe and Chinese President"
    // is "Chinese President".
    while start < name && !opens_role(s, start) {
        start += 1;
    }
    // "Malcolm Turnbull Samoa Australian Prime Minister Malcolm Turnbull" (a caption after a
    // keyword line): of two countries in a row, the one next to the office is the person's.
    while start + 1 < name
        && s.country_word(start).is_some()
        && s.tokens[start + 1].shape != Shape::Possessive
        && s.country_word(start + 1).is_some()
    {
        start += 1;
    }
    trim(s, start, name)
}

/// Whether a role phrase may open at token `k`: an office or nationality word, or a
/// name right before one ("Kremlin spokesman").
fn opens_role(s: &Sentence, k: usize) -> bool {
    lexicon::is_title_word(s.word(k))
        || (s.name[k] && k + 1 < s.len() && lexicon::is_title_word(s.word(k + 1)))
        || matches!(s.claim[k], Claim::Demonym(_) | Claim::Affiliation)
        || s.country_word(k).is_some()
}

/// The role phrase in an apposition after a name ending at `end`: ", the adviser on …,".
fn apposition(s: &Sentence, end: usize) -> Option<(usize, usize)> {
    if s.word(end) != "," {
        return None;
    }
    let mut start = end + 1;
    while matches!(s.word(start), "the" | "a" | "an" | "who" | "is" | "was") {
        start += 1;
    }
    let opens_with_office = (start..(start + 4).min(s.len()))
        .any(|k| lexicon::is_title_head(s.word(k)))
        && (lexicon::is_title_word(s.word(start))
            || matches!(
                s.claim.get(start),
                Some(Claim::Demonym(_) | Claim::Affiliation)
            ));
    if !opens_with_office {
        return None;
    }
    let mut stop = start;
    while stop < s.len() && stop - start < MAX_APPOSITION {
        let raw = s.raw(stop);
        if matches!(raw, "," | "." | ";" | ":" | "”" | "\"" | "–" | "—") || is_person(s, stop)
        {
            break;
        }
        stop += 1;
    }
    trim(s, start, stop)
}

/// Trims connectors and honorifics off both ends; `None` unless an office remains.
fn trim(s: &Sentence, mut start: usize, mut end: usize) -> Option<(usize, usize)> {
    let droppable = |k: usize| {
        let w = s.word(k);
        (s.is_lower(k) && lexicon::is_connector(w))
            || lexicon::is_honorific(w)
            || s.tokens[k].shape == Shape::Possessive
            || matches!(s.raw(k), "(" | ")")
    };
    while start < end && droppable(start) {
        start += 1;
    }
    while end > start && droppable(end - 1) {
        end -= 1;
    }
    // Keep an acronym's closing parenthesis: "… North Africa (MENA)".
    let opened = (start..end).filter(|&k| s.raw(k) == "(").count();
    let closed = (start..end).filter(|&k| s.raw(k) == ")").count();
    if opened > closed && end < s.len() && s.raw(end) == ")" {
        end += 1;
    }
    let office =
        (start..end).any(|k| lexicon::is_title_head(s.word(k)) || lexicon::is_rank(s.word(k)));
    office.then_some((start, end))
}

/// Splits a role phrase into its country and its role titles.
fn read_phrase(s: &Sentence, mut start: usize, end: usize) -> (Option<u32>, Vec<String>) {
    // A nationality anywhere ("director of the Russian Institute …"), a country's name
    // only leading or possessive ("Iran's …"): "Envoy for Syria" is not Syrian.
    // "Minister of Foreign Affairs of the Republic of Tajikistan": a country closing the
    // phrase after "of" is the office's.
    let closing = (end >= start + 2 && s.word(end - 2) == "of")
        .then(|| s.country_word(end - 1))
        .flatten();
    let country = (start..end)
        .find_map(|k| {
            let leading = k == start || (k + 1 < end && s.tokens[k + 1].shape == Shape::Possessive);
            let demonym = super::gazetteer::Gazetteer::get().demonym(s.word(k));
            if leading {
                s.country_word(k)
            } else {
                demonym
            }
        })
        .or(closing);
    // "Iranian Deputy …", "Iran's Foreign Minister": the nationality is the country, not the role.
    while start < end && s.country_word(start).is_some() {
        start += 1;
        if start < end && s.tokens[start].shape == Shape::Possessive {
            start += 1;
        }
    }
    // "Secretary General", "Attorney General": "General" closing an office is no rank.
    const GENERAL_OFFICES: &[&str] = &[
        "secretary",
        "director",
        "attorney",
        "solicitor",
        "governor",
        "inspector",
        "auditor",
        "surgeon",
        "consul",
        "procurator",
        "postmaster",
    ];
    let closes_office = |k: usize| {
        // The office word before "General", across a hyphen ("Secretary-General").
        let office = match k.checked_sub(1) {
            Some(h) if s.raw(h) == "-" => h.checked_sub(1),
            before => before,
        };
        s.word(k) == "general"
            && office.is_some_and(|o| o >= start && GENERAL_OFFICES.contains(&s.word(o)))
    };
    let mut rank_start = end;
    while rank_start > start
        && lexicon::is_rank(s.word(rank_start - 1))
        && !closes_office(rank_start - 1)
    {
        rank_start -= 1;
    }
    let mut roles = Vec::new();
    // "his Iranian counterpart X" states a nationality, not an office.
    if s.slice(start, end).eq_ignore_ascii_case("counterpart") {
        return (country, roles);
    }
    let office_before_rank = (start..rank_start).any(|k| lexicon::is_title_head(s.word(k)));
    if office_before_rank && rank_start < end {
        roles.push(s.slice(start, rank_start).to_string());
        roles.push(s.slice(rank_start, end).to_string());
    } else if start < end {
        roles.push(s.slice(start, end).to_string());
    }
    (country, roles)
}
