//! People: a name right after an office, rank or honorific ("President X",
//! "Lieutenant General X", "Ayatollah X"), or a name opening with a known given
//! name ("Pavel Andreyevich Sokolenko"). Names met only as a surname ("Marchenko
//! said") are left to the context cues and the corpus-level pass.
//!
//! Invariant: a person's name never contains an office, an organisation word,
//! a nationality adjective or a country.

use communique_core::EntityKind;

use super::gazetteer::{Gazetteer, PlaceKind};
use super::lexicon;
use super::sentence::{Claim, Cue, Sentence};
use super::tokens::Shape;

/// Longest personal name, in words.
const MAX_NAME_WORDS: usize = 8;

/// Whether token `i` may be a word of a personal name.
fn name_word(s: &Sentence, i: usize) -> bool {
    let w = s.word(i);
    s.free_name(i)
        && !lexicon::is_title_word(w)
        && !lexicon::is_org_head(w)
        && !lexicon::is_furniture(w)
        && !lexicon::is_facility(w)
        && !is_country_or_region(s, i)
}

/// Whether the name ending before `end` goes on to name a building or venue
/// ("Ben Gurion Airport", "Simon Bolivar International Airport"): no person.
fn names_a_facility(s: &Sentence, end: usize) -> bool {
    let k = if s.word(end) == "international" {
        end + 1
    } else {
        end
    };
    k < s.len() && lexicon::is_facility(s.word(k))
}

fn is_country_or_region(s: &Sentence, i: usize) -> bool {
    let g = Gazetteer::get();
    g.resolve(&s.keys[i], &[])
        .is_some_and(|id| g.places[id as usize].kind != PlaceKind::City)
}

/// Inhabitants from which a city's name, alone after a title, is the city's.
const BIG_CITY: u64 = 1_000_000;

/// Whether token `i` names a country, a region or a city of a million people.
fn is_big_place(s: &Sentence, i: usize) -> bool {
    is_country_or_region(s, i)
        || Gazetteer::get()
            .country_of_city(&s.keys[i], BIG_CITY)
            .is_some()
}

/// Whether a personal name starts at `i`: a given name followed by another name word.
pub(crate) fn starts_name(s: &Sentence, i: usize) -> bool {
    let g = Gazetteer::get();
    let initial = s.raw(i).len() == 2 && s.raw(i).ends_with('.');
    s.tokens[i].shape == Shape::Capitalized
        && (g.given_name(s.word(i)) > 0 || initial)
        && name_word(s, i)
        && (name_word(s, i + 1) || particles_then_name(s, i + 1).is_some())
}

/// The end of the name that starts at `from`: name words, with lower-case particles
/// and hyphenated parts inside ("Faisal bin Farhan Al-Saud", "Moon Jae-in").
fn name_end(s: &Sentence, from: usize) -> usize {
    let mut end = from;
    while end < s.len() && end - from < MAX_NAME_WORDS {
        if name_word(s, end) {
            end += 1;
        } else if end > from
            && matches!(s.word(end - 1), "bin" | "ben" | "ibn" | "bint")
            && s.tokens[end].shape == Shape::Capitalized
            && s.claim[end] == Claim::Free
        {
            // "Zayed Ben Sultan", "Mohammed bin Salman": a father's name, even an office's word.
            end += 1;
        } else if end == from + 1 && surname_like_a_country(s, from, end) {
            // "Patricia Scotland,": a given name's surname may be a country's name.
            end += 1;
        } else if end > from && lone_initial(s, end) && name_word(s, end + 1) {
            // "Michael D Higgins": a middle initial written without its dot.
            end += 1;
        } else if let Some(after) = hyphenated_part(s, end).filter(|_| end > from) {
            end = after;
        } else if let Some(after) = particles_then_name(s, end) {
            end = after;
        } else {
            break;
        }
    }
    end
}

/// Whether token `i`, right after the given name at `from`, is a surname spelt like a
/// country or region: the name ends there, before a comma, a bracket or the sentence's end.
fn surname_like_a_country(s: &Sentence, from: usize, i: usize) -> bool {
    i < s.len()
        && Gazetteer::get().given_name(s.word(from)) > 0
        && s.tokens[i].shape == Shape::Capitalized
        && s.free_name(i)
        && is_country_or_region(s, i)
        && (i + 1 == s.len() || matches!(s.raw(i + 1), "," | ")" | ";"))
}

/// After lower-case particles at `i` ("van der", "al-"), the index of the name word that follows.
fn particles_then_name(s: &Sentence, i: usize) -> Option<usize> {
    let mut k = i;
    while k < s.len() && s.is_lower(k) && lexicon::is_name_particle(s.word(k)) {
        k += 1;
    }
    if k > i && s.attached(k) && s.raw(k) == "-" {
        k += 1;
    }
    (k > i && name_word(s, k)).then_some(k + 1)
}

/// Whether token `i` is a single capital letter ("D" in "Michael D Higgins").
fn lone_initial(s: &Sentence, i: usize) -> bool {
    i < s.len()
        && s.claim[i] == Claim::Free
        && s.raw(i).len() == 1
        && s.raw(i).starts_with(|c: char| c.is_ascii_uppercase())
}

/// Lower-case words a hyphen attaches to a name that are not part of it ("Putin-led").
const HYPHEN_SUFFIXES: &[&str] = &[
    "led", "run", "era", "born", "made", "based", "style", "type",
];

/// At a hyphen written between two words of a name, the index after its second
/// part: a name word ("Al-Saud", "Jean-Claude") or a short lower-case syllable of a
/// romanised Korean or Chinese given name ("Jae-in", "Jong-un").
fn hyphenated_part(s: &Sentence, i: usize) -> Option<usize> {
    if !s.attached(i) || s.raw(i) != "-" {
        return None;
    }
    let next = i + 1;
    let syllable = s.is_lower(next)
        && s.raw(next).chars().count() <= 4
        && !HYPHEN_SUFFIXES.contains(&s.word(next));
    (name_word(s, next) || syllable).then_some(next + 1)
}

/// Names right after an office, rank or honorific: "Deputy FM Hadi Farahani".
pub(crate) fn after_titles(s: &mut Sentence) {
    for i in 1..s.len() {
        if !s.free_name(i) {
            continue;
        }
        // "Mr. Idriss Deby": an abbreviated honorific keeps its dot as a token of its own.
        let before = if s.raw(i - 1) == "." && i >= 2 && s.attached_before(i - 1) {
            s.word(i - 2)
        } else {
            s.word(i - 1)
        };
        // "Affairs" closes an office: "… for African Affairs Otieno Kamau".
        // "the Minister of Foreign Affairs of the Republic of Tajikistan Sirodjidin Aslov":
        // a country closes an office's "of" phrase.
        let country_closes_office = i >= 3
            && s.country_word(i - 1).is_some()
            && s.country_word(i).is_none()
            // Not the country's own second word ("of Saudi Arabia").
            && !Gazetteer::get().is_place(&s.key(i - 1, i + 1))
            && s.word(i - 2) == "of"
            && (i.saturating_sub(12)..i - 2)
                .rev()
                .take_while(|&k| !matches!(s.raw(k), "," | ";" | ":" | "."))
                .any(|k| lexicon::is_title_head(s.word(k)));
        let titled = lexicon::is_title_head(before)
            || lexicon::is_rank(before)
            || lexicon::is_honorific(before)
            || before == "affairs"
            || country_closes_office;
        // "Minister Park Jin", "President Park Geun-hye": a facility word opening a name
        // right after a title is a surname ("Park"), when a name word follows.
        let facility_surname = s.free_name(i)
            && lexicon::is_facility(s.word(i))
            && s.tokens[i].shape == Shape::Capitalized
            && name_word(s, i + 1);
        if !titled
            || matches!(s.claim[i - 1], Claim::Mention(_))
            || !(name_word(s, i) || facility_surname)
        {
            continue;
        }
        let end = if facility_surname {
            name_end(s, i + 1)
        } else {
            name_end(s, i)
        };
        if names_a_facility(s, end) {
            continue;
        }
        // "the Minister Tehran …": a lone big place after a title is not a name;
        // a small town's name is more often a surname ("President Bush").
        if end - i == 1 && is_big_place(s, i) {
            continue;
        }
        s.add(i, end, Some(EntityKind::Person), Cue::None);
    }
}

/// Names that open with a known given name: "Oleg Marchenko", "Ali Akbar Hamidi".
/// A capitalised word no lexicon knows right before it belongs to the name too
/// ("Aung San Suu Kyi": the given-name list knows "San", not "Aung").
pub(crate) fn by_given_name(s: &mut Sentence) {
    let g = Gazetteer::get();
    let mut i = 0;
    while i < s.len() {
        // "San Diego", "Santa Clara": a place that opens with a given name stays a place.
        if starts_name(s, i) && !s.place_starts(i, 2) && !names_a_facility(s, name_end(s, i)) {
            let end = name_end(s, i);
            let unknown_before = i > 0
                && s.tokens[i - 1].shape == Shape::Capitalized
                && name_word(s, i - 1)
                && !s.opener[i - 1]
                && !g.is_common_word(s.word(i - 1))
                && !g.is_place(&s.keys[i - 1])
                && g.demonym(s.word(i - 1)).is_none();
            let start = if unknown_before { i - 1 } else { i };
            s.add(start, end, Some(EntityKind::Person), Cue::None);
            i = end;
        } else {
            i += 1;
        }
    }
}

/// Names in apposition to an office: "his foreign minister, Ratu Epeli Nailatikau,", "the
/// head of the Prime Minister's Office, Pramesh Chand,". The phrase before the comma
/// ends on an office word or an organisation and holds an office word; the name is two
/// to four name words closed by a comma, "and" or the sentence's end.
pub(crate) fn in_apposition(s: &mut Sentence) {
    for i in 2..s.len() {
        // "…, New Delhi said" is a place; a name that opens like a town's is not one.
        if s.raw(i - 1) != "," || !name_word(s, i) || s.place_starts(i, 2) {
            continue;
        }
        let end = name_end(s, i);
        let closed =
            end == s.len() || matches!(s.raw(end), "," | "." | ";") || s.word(end) == "and";
        if !(2..=4).contains(&(end - i)) || !closed || names_a_facility(s, end) {
            continue;
        }
        let before = i - 2;
        let organisation = |k: usize| matches!(s.claim[k], Claim::Mention(m) if s.mentions[m].kind == Some(EntityKind::Organization));
        let closes = lexicon::is_title_head(s.word(before)) || organisation(before);
        let office = (before.saturating_sub(8)..=before)
            .rev()
            .take_while(|&k| !matches!(s.raw(k), "," | ";" | ":" | "(" | "\""))
            .any(|k| lexicon::is_title_head(s.word(k)));
        if closes && office {
            s.add(i, end, Some(EntityKind::Person), Cue::None);
        }
    }
}

/// Names listed among people: "MPs Elnur Aliyev, Soltan Mammadov, Sevil Guliyeva": a run of
/// two or three name words between commas (or before "and") right after a person's name,
/// repeated along the list.
pub(crate) fn in_lists(s: &mut Sentence) {
    let person = |s: &Sentence, k: usize| matches!(s.claim.get(k), Some(Claim::Mention(m)) if s.mentions[*m].kind == Some(EntityKind::Person));
    let mut i = 2;
    while i < s.len() {
        let listed = s.raw(i - 1) == "," && person(s, i - 2) && name_word(s, i);
        if listed && !s.place_starts(i, 2) {
            let end = name_end(s, i);
            let closed = end < s.len() && (s.raw(end) == "," || s.word(end) == "and");
            if (2..=3).contains(&(end - i)) && closed && !names_a_facility(s, end) {
                s.add(i, end, Some(EntityKind::Person), Cue::None);
                i = end;
                continue;
            }
        }
        i += 1;
    }
}
