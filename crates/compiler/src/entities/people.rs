//! People: a name right after an office, rank or honorific ("President X",
//! "Lieutenant General X", "Ayatollah X"), or a name opening with a known given
//! name ("Leonid Petrovich Reshetnikov"). Names met only as a surname ("Putin
//! said") are left to the context cues and the corpus-level pass.
//!
//! Invariant: a person's name never contains an office, an organisation word,
//! a nationality adjective or a country.

use communique_core::EntityKind;

use super::gazetteer::{Gazetteer, PlaceKind};
use super::keys;
use super::lexicon;
use super::tagger::{Claim, Cue, Sentence};
use super::tokens::Shape;

/// Longest personal name, in words.
const MAX_NAME_WORDS: usize = 5;

/// Whether token `i` may be a word of a personal name.
fn name_word(s: &Sentence, i: usize) -> bool {
    let w = s.word(i);
    s.free_name(i)
        && !lexicon::is_title_word(w)
        && !lexicon::is_org_head(w)
        && !lexicon::is_furniture(w)
        && !is_country_or_region(w)
}

fn is_country_or_region(word: &str) -> bool {
    let g = Gazetteer::get();
    g.resolve(&keys::lookup_key(word), &[])
        .is_some_and(|id| g.places[id as usize].kind != PlaceKind::City)
}

/// Whether a personal name starts at `i`: a given name followed by another name word.
pub(crate) fn starts_name(s: &Sentence, i: usize) -> bool {
    let g = Gazetteer::get();
    s.tokens[i].shape == Shape::Capitalized
        && g.given_name(s.word(i)) > 0
        && name_word(s, i)
        && (name_word(s, i + 1)
            || (s.is_lower(i + 1)
                && lexicon::is_name_particle(s.word(i + 1))
                && name_word(s, i + 2)))
}

/// The end of the name that starts at `from`: name words, with lower-case particles inside.
fn name_end(s: &Sentence, from: usize) -> usize {
    let mut end = from;
    while end < s.len() && end - from < MAX_NAME_WORDS {
        if name_word(s, end) {
            end += 1;
        } else if s.is_lower(end) && lexicon::is_name_particle(s.word(end)) && name_word(s, end + 1)
        {
            end += 2;
        } else {
            break;
        }
    }
    end
}

/// Names right after an office, rank or honorific: "Deputy FM Hadi Soleimanpour".
pub(crate) fn after_titles(s: &mut Sentence) {
    for i in 1..s.len() {
        let before = s.word(i - 1);
        // "Affairs" closes an office: "… for African Affairs Otieno Kamau".
        let titled = lexicon::is_title_head(before)
            || lexicon::is_rank(before)
            || lexicon::is_honorific(before)
            || before == "affairs";
        if !titled || matches!(s.claim[i - 1], Claim::Mention(_)) || !name_word(s, i) {
            continue;
        }
        let end = name_end(s, i);
        // "the Minister Tehran …": a lone big place after a title is not a name.
        if end - i == 1 && Gazetteer::get().is_place(&keys::lookup_key(s.raw(i))) {
            continue;
        }
        s.add(i, end, Some(EntityKind::Person), Cue::None);
    }
}

/// Names that open with a known given name: "Vladimir Putin", "Ali Akbar Velayati".
pub(crate) fn by_given_name(s: &mut Sentence) {
    let g = Gazetteer::get();
    let mut i = 0;
    while i < s.len() {
        // "San Diego", "Santa Clara": a place that opens with a given name stays a place.
        let place_ahead =
            (2..=3).any(|n| i + n <= s.len() && g.is_place(&keys::lookup_key(s.slice(i, i + n))));
        if starts_name(s, i) && !place_ahead {
            let end = name_end(s, i);
            s.add(i, end, Some(EntityKind::Person), Cue::None);
            i = end;
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::tagger::tests::check;

    #[test]
    fn names_after_titles_and_given_names() {
        check(
            "Kenyan Foreign Minister Amina Mohamed met Pedro Sánchez.",
            &["Amina Mohamed/person", "Pedro Sánchez/person"],
        );
        check("Talks with Sheikh Nahyan ended.", &["Nahyan/person"]);
        check(
            "She met Ludwig van Beethoven.",
            &["Ludwig van Beethoven/person"],
        );
    }

    #[test]
    fn countries_and_offices_are_not_names() {
        check("President of Kenya", &["Kenya/place"]);
        check(
            "Talks between Maria and Kenya",
            &["Maria/?None", "Kenya/place"],
        );
    }
}
