//! Organisations: names built around a head word ("Ministry", "Institute",
//! "Union", "Agency", …), extended left over the words that qualify it
//! ("Russian Foreign Ministry") and right over connector phrases
//! ("… of the Russian Federation", "… for Strategic Studies").
//!
//! Invariant: an organisation never swallows an office ("Deputy Minister of
//! Defense" is a role, not an organisation) nor the person named after it
//! ("… Strategic Studies Pavel Sokolenko").

use communique_core::EntityKind;

use super::gazetteer::Gazetteer;
use super::keys;
use super::lexicon;
use super::people;
use super::sentence::{Claim, Cue, Sentence};
use super::tokens::Shape;

/// Smallest city whose name in an organisation's name gives it a country.
const CITY_FOR_COUNTRY: u64 = 100_000;

/// Whether token `i` may stand inside an organisation's name.
fn org_word(s: &Sentence, i: usize) -> bool {
    let w = s.word(i);
    let free =
        s.free_name(i) || matches!(s.claim.get(i), Some(Claim::Demonym(_) | Claim::Affiliation));
    free && !lexicon::is_title_head(w) && !lexicon::is_rank(w) && !lexicon::is_honorific(w)
}

/// Whether token `i` is a hyphen inside a word ("Inter-Parliamentary").
fn inner_hyphen(s: &Sentence, i: usize) -> bool {
    i < s.len() && s.raw(i) == "-" && s.attached(i)
}

/// Whether token `i`, joined to its neighbour by a hyphen, may stand in an organisation's
/// name: a capitalised word nobody claimed, even a common one ("Non-Aligned").
fn hyphen_part(s: &Sentence, i: usize) -> bool {
    org_word(s, i)
        || (i < s.len() && s.claim[i] == Claim::Free && s.tokens[i].shape == Shape::Capitalized)
}

/// Whether token `i` is a capitalised common noun ("People", "Women") rather than a
/// place or a name, as before the "'s" inside an organisation's name.
fn common_noun(s: &Sentence, i: usize) -> bool {
    let g = Gazetteer::get();
    i < s.len()
        && s.tokens[i].shape == Shape::Capitalized
        && matches!(s.claim[i], Claim::Free)
        && g.is_common_word(s.word(i))
        && !g.is_place(&s.keys[i])
        && g.given_name(s.word(i)) == 0
}

/// Whether two or more name words that no organisation name has start at `i`: a
/// person named after the organisation they serve.
fn person_follows(s: &Sentence, i: usize) -> bool {
    let plain = |k: usize| {
        s.free_name(k)
            && s.tokens[k].shape == Shape::Capitalized
            && !lexicon::is_org_head(s.word(k))
            && !lexicon::is_org_tail(s.word(k))
            && !Gazetteer::get().is_very_common_word(s.word(k))
    };
    plain(i) && plain(i + 1)
}

/// Longest known organisation name, in tokens ("Agence France - Presse").
const KNOWN_MAX_TOKENS: usize = 4;

/// Claims the organisations the lexicon knows by name ("Xinhua", "NATO", "the
/// Kremlin", "Agence France-Presse"), before any rule can take them for people.
/// A short single word counts only as written in capitals or as a name mid-sentence.
pub(crate) fn known(s: &mut Sentence) {
    let mut i = 0;
    while i < s.len() {
        let longest = (1..=KNOWN_MAX_TOKENS).rev().find(|&n| {
            let window = i..(i + n).min(s.len());
            // Capitalised, unclaimed words ("G7" counts though its digit makes it no name-like word).
            let free = |k: usize| {
                s.claim[k] == Claim::Free
                    && (s.raw(k) == "-" || s.raw(k).starts_with(char::is_uppercase))
                    && (s.name[k] || s.tokens[k].shape != Shape::Capitalized)
            };
            if window.len() != n || !window.clone().all(free) || s.raw(i + n - 1) == "-" {
                return false;
            }
            // A short single word only in capitals: "UN", not "Un" of "Kim Jong Un".
            if n == 1 && s.keys[i].len() <= 3 && s.tokens[i].shape == Shape::Capitalized {
                return false;
            }
            let key: Vec<&str> = window
                .map(|k| s.keys[k].as_str())
                .filter(|k| !k.is_empty())
                .collect();
            lexicon::is_known_org(&key.join(" "))
        });
        match longest {
            Some(n) => {
                s.add(i, i + n, Some(EntityKind::Organization), Cue::None);
                i += n;
            }
            None => i += 1,
        }
    }
}

/// Finds organisation names and claims their tokens.
pub(crate) fn find(s: &mut Sentence) {
    let g = Gazetteer::get();
    let mut i = 0;
    while i < s.len() {
        if !s.free_name(i) || !lexicon::is_org_head(s.word(i)) {
            i += 1;
            continue;
        }
        let mut from = i;
        loop {
            if from > 0 && org_word(s, from - 1) && !s.opener[from - 1] {
                from -= 1;
            } else if from > 1 && inner_hyphen(s, from - 1) && hyphen_part(s, from - 2) {
                // "Inter-Parliamentary Union".
                from -= 2;
            } else if from > 2
                && hyphen_part(s, from - 1)
                && inner_hyphen(s, from - 2)
                && hyphen_part(s, from - 3)
            {
                // "Non-Aligned Movement": "Aligned" alone would be a common word.
                from -= 3;
            } else if from > 2
                && s.tokens[from - 1].shape == Shape::Possessive
                && common_noun(s, from - 2)
            {
                // "People's Council", "Women's League" (but "Iran's Foreign Ministry" is Iran's).
                from -= 2;
            } else {
                break;
            }
        }
        // An opener joins only when the lexicons know it ("Russian", "Tehran").
        if from > 0 && org_word(s, from - 1) && s.opener[from - 1] && s.name[from - 1] {
            from -= 1;
        }
        let mut to = i + 1;
        loop {
            while s.free_name(to) && lexicon::is_org_head(s.word(to)) {
                to += 1;
            }
            let connector = s.word(to);
            if !(s.is_lower(to) && matches!(connector, "of" | "for" | "on" | "and")) {
                break;
            }
            let mut k = to + 1;
            if s.word(k) == "the" && s.is_lower(k) {
                k += 1;
            }
            let start = k;
            loop {
                if org_word(s, k) && !people::starts_name(s, k) {
                    k += 1;
                    // "… of Hanoi Nguyen Ngoc Tuan", "… of Foreign Affairs Nguyen Quoc Dung":
                    // a place or "Affairs" closes the name when a person's name follows.
                    let closes = s.word(k - 1) == "affairs"
                        || (!lexicon::is_org_head(s.word(k - 1))
                            && g.is_place(&keys::lookup_key(s.raw(k - 1))));
                    if closes && person_follows(s, k) {
                        break;
                    }
                } else if k > start && inner_hyphen(s, k) && hyphen_part(s, k + 1) {
                    // "… on China-Africa Cooperation", "… of the Non-Aligned Movement".
                    k += 2;
                } else if k > start
                    && s.tokens
                        .get(k)
                        .is_some_and(|t| t.shape == Shape::Possessive)
                    && common_noun(s, k - 1)
                    && org_word(s, k + 1)
                {
                    // "… of the Chinese People's Political Consultative Conference".
                    k += 1;
                } else {
                    break;
                }
            }
            // A name ends on a noun, not on an adjective: "… on Asian countries" stops before "Asian".
            while k > start && matches!(s.claim[k - 1], Claim::Demonym(_) | Claim::Affiliation) {
                k -= 1;
            }
            // "… of Mines and Energy", "… of Iran and Eurasia Studies", but not "… of Defense and Iran".
            let and_ok = lexicon::is_org_tail(s.word(k - 1))
                || (k - start == 1
                    && s.claim[start] == Claim::Free
                    && !g.is_place(&keys::lookup_key(s.raw(start)))
                    && g.given_name(s.word(start)) == 0);
            if k == start || (connector == "and" && !and_ok) {
                break;
            }
            to = k;
        }
        // A head word alone ("Council", "Police") is too generic to name one organisation;
        // a place with a head word in its name ("West Bank") is a place.
        if to - from < 2 || g.is_place(&keys::lookup_key(s.slice(from, to))) {
            i = to;
            continue;
        }
        // Its country: a nationality or country word in it, else a large city in it
        // ("University of Tehran"); never a town that shares a name with a head word.
        let city_country = |k: usize| {
            let w = s.word(k);
            if lexicon::is_org_head(w) || lexicon::is_org_tail(w) || lexicon::is_title_word(w) {
                return None;
            }
            let id = g.resolve(&keys::lookup_key(s.raw(k)), s.doc_countries)?;
            let place = &g.places[id as usize];
            (place.population >= CITY_FOR_COUNTRY)
                .then_some(place.country)
                .flatten()
        };
        // "Iran's Foreign Ministry" is Iran's as much as "the Iranian Foreign Ministry" is;
        // the possessor is the whole name before "'s" ("South Africa's", not "South America's").
        let possessor = (from >= 2 && s.tokens[from - 1].shape == Shape::Possessive)
            .then(|| {
                let two = (from >= 3 && s.tokens[from - 3].is_name_like())
                    .then(|| g.country(&keys::lookup_key(s.slice(from - 3, from - 1))));
                match two {
                    Some(pair) => pair,
                    None => s.country_word(from - 2),
                }
            })
            .flatten();
        let country = (from..to)
            .find_map(|k| s.country_word(k))
            .or(possessor)
            .or_else(|| (from..to).find_map(city_country));
        let m = s.add(from, to, Some(EntityKind::Organization), Cue::None);
        s.mentions[m].country = country;
        i = to;
    }
}
