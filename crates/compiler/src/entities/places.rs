//! Places: the longest run of name words that the gazetteer knows, resolved to
//! one country, region or city with coordinates.
//!
//! A town followed by a score is the team of that town, an organisation.
//!
//! Invariant: a city whose name opens a sentence and is common English
//! ("Reading the report …"), or is written in capitals inside running text
//! ("KUNA"), must be a large city to count.

use communique_core::EntityKind;

use super::gazetteer::{Gazetteer, PlaceKind};
use super::lexicon;
use super::sentence::{Claim, Cue, Sentence};
use super::tokens::Shape;

/// Largest town whose name, a common word after "the", is taken for the word.
const COMMON_NOUN_MAX_POPULATION: u64 = 100_000;

/// Smallest city that may be named by a capitalised common word at a sentence start.
const OPENER_MIN_POPULATION: u64 = 1_000_000;

/// Finds gazetteer places among the unclaimed names and claims them.
pub(crate) fn find(s: &mut Sentence) {
    let g = Gazetteer::get();
    let mut i = 0;
    // A nationality word may open a longer place name: "Czech Republic", "South Africa".
    let usable = |s: &Sentence, k: usize| {
        s.free_name(k) || matches!(s.claim[k], Claim::Demonym(_) | Claim::Affiliation)
    };
    while i < s.len() {
        if !usable(s, i) {
            i += 1;
            continue;
        }
        let mut best = None;
        let mut k = i;
        let mut words = 0;
        while k < s.len() && words < g.max_words {
            if usable(s, k) {
                words += 1;
                let key = s.key(i, k + 1);
                if g.is_place(&key) {
                    best = Some((k + 1, key.clone()));
                }
                if !g.is_place_prefix(&key) {
                    break;
                }
            } else if !(s.raw(k) == "-"
                // The dot of a short abbreviation inside the name: "St. Vincent".
                || (s.raw(k) == "."
                    && k > i
                    && s.tokens[k].start == s.tokens[k - 1].end
                    && s.raw(k - 1).len() <= 3)
                || (s.is_lower(k)
                    && (lexicon::is_connector(s.word(k))
                        // A lower-case word inside a known name: "Dar es Salaam", "Mar del Plata".
                        || g.is_place_prefix(&s.key(i, k + 1)))))
            {
                break;
            }
            k += 1;
        }
        let Some((to, key)) = best.filter(|(to, _)| s.free_name(i) || to - i > 1) else {
            i += 1;
            continue;
        };
        let Some(id) = g.resolve(&key, s.doc_countries) else {
            i += 1;
            continue;
        };
        // Another spelling of a city ("in Katmandu") only after a preposition of place:
        // elsewhere it is more often a word of its own ("Cosco", "Iwo Jima").
        if g.is_variant(&key) && !(i > 0 && lexicon::is_place_preposition(s.word(i - 1))) {
            i = to;
            continue;
        }
        let place = &g.places[id as usize];
        let city = place.kind == PlaceKind::City;
        // Datelines are in capitals ("WASHINGTON"), sentence openers are not.
        let weak_opener = s.opener[i]
            && g.is_common_word(s.word(i))
            && to - i == 1
            && s.tokens[i].shape == Shape::Capitalized
            && !s.shouting;
        // Capitals inside running text are usually an acronym ("KUNA"), unless a big city
        // or a dateline ("NAIROBI –").
        let dateline = to == s.len()
            || matches!(s.raw(to), "–" | "-" | "—" | "," | ":")
            || s.tokens[to].shape == Shape::Number;
        let acronym = to - i == 1 && s.tokens[i].shape == Shape::Upper && !s.shouting && !dateline;
        // A city name followed by more name words is likely part of a longer name ("Moscow Mule").
        // A town named by a common word right after another name is part of that name
        // ("Caspian Summit").
        // In a title-case headline a capital proves no name ("Arrives In Berlin").
        let compound = city
            && to - i == 1
            && i > 0
            && s.tokens[i - 1].is_name_like()
            && (!s.title_case || s.name[i - 1])
            && g.is_common_word(s.word(i));
        let swallowed =
            compound || (city && s.free_name(to) && !lexicon::is_never_name(s.word(to)));
        let small = city && place.population < OPENER_MIN_POPULATION;
        // "the Republic", "the Mall": a common word after "the" is that thing, not a
        // town (Republic, Missouri); a city that makes a word common stays ("the Tampa area").
        let common_noun = city
            && to - i == 1
            && i > 0
            && s.word(i - 1) == "the"
            && g.is_common_word(s.word(i))
            && place.population < COMMON_NOUN_MAX_POPULATION;
        if ((weak_opener || acronym) && small) || common_noun || swallowed {
            i = to;
            continue;
        }
        // A town or county followed by a score or a standing ("Surrey 302-6",
        // "CHICAGO 55 40") is the team that bears its name; years are not scores.
        let score = to < s.len()
            && s.tokens[to].shape == Shape::Number
            && !is_year(s.raw(to))
            && place.kind != PlaceKind::Country
            && place.country.is_some();
        if score {
            let m = s.add(i, to, Some(EntityKind::Organization), Cue::None);
            s.mentions[m].country = place.country;
            i = to;
            continue;
        }
        let m = s.add(i, to, Some(EntityKind::Place), Cue::None);
        s.mentions[m].place = Some(id);
        s.mentions[m].country = place.country;
        i = to;
    }
}

/// Whether a number is a plausible year (1800–2099), which follows place names in datelines.
fn is_year(text: &str) -> bool {
    text.len() == 4 && (text.starts_with("18") || text.starts_with("19") || text.starts_with("20"))
}
