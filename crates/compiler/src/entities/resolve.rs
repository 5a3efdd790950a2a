//! The corpus-level pass: names that the sentence rules left unresolved take the
//! kind the rest of the corpus gives them ("Marchenko said" after "Oleg Marchenko",
//! "EAEU" after "Eurasian Economic Union (EAEU)"), else the kind their context
//! cue suggests.
//!
//! Invariant: a mention resolved here keeps its span; nothing is dropped here —
//! what stays unresolved is dropped by the caller that cannot use it.

use std::collections::{HashMap, HashSet};

use communique_core::{Document, EntityKind, Span};

use super::gazetteer::{Gazetteer, PlaceKind};
use super::keys;
use super::lexicon;
use super::sentence::{Cue, Mention};
use super::tagger::tag_document;

/// Towns smaller than this yield their name to a person of that surname anywhere in the corpus.
const SMALL_TOWN: u64 = 100_000;

/// What to do with a name that neither rules nor corpus resolve.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unresolved {
    /// Leave it unresolved (the product: no guesses on the page).
    Keep,
    /// Type it anyway from its shape (evaluation against annotated text).
    Guess,
}

/// Tags every document and resolves names across the corpus; one list per document.
pub(crate) fn tag_corpus(docs: &[Document], policy: Unresolved) -> Vec<Vec<Mention>> {
    let mut all = tag_in_parallel(docs);
    let known = Known::collect(&all);
    for (doc, mentions) in docs.iter().zip(&mut all) {
        teams_keep_their_kind(doc, mentions);
        // A word the document uses as a person's surname is that person even where
        // the gazetteer knows a town of that name ("Bill Clinton … Clinton said").
        let surnames: HashSet<String> = mentions
            .iter()
            .filter(|m| m.kind == Some(EntityKind::Person) && m.words.len() >= 2)
            .filter_map(|m| m.words.last().map(|w| keys::fold(w)))
            .collect();
        // The first word of a person's name, which stands for the whole name where the
        // family name comes first ("Xi Jinping … Xi arrived"), or in a first-name reference;
        // only of names whose other words are no English words, the surest people
        // ("Sky One" or "Urban Music Awards" typed as a person lend nothing).
        let g = Gazetteer::get();
        let mut leading: HashSet<String> = mentions
            .iter()
            .filter(|m| m.kind == Some(EntityKind::Person) && (2..=3).contains(&m.words.len()))
            .filter(|m| {
                m.words[1..]
                    .iter()
                    .all(|w| !g.is_common_word(&keys::fold(w)))
            })
            .map(|m| keys::fold(&m.words[0]))
            .collect();
        // A capitalised word inside a long name, no English word, may be the name the
        // person goes by ("Luiz Inacio Lula da Silva … Lula said"); `merge` joins them.
        leading.extend(
            mentions
                .iter()
                .filter(|m| m.kind == Some(EntityKind::Person) && m.words.len() >= 3)
                .flat_map(|m| &m.words[1..m.words.len() - 1])
                // Capitalised, not an acronym ("MEP" inside a mistyped name).
                .filter(|w| w.starts_with(char::is_uppercase) && w.chars().count() >= 3)
                .filter(|w| w.chars().any(char::is_lowercase))
                .map(|w| keys::fold(w))
                .filter(|w| !g.is_common_word(w)),
        );
        // A person's initials stand for the person ("AMLO" for Andrés Manuel López Obrador).
        let person_initials: HashSet<String> = mentions
            .iter()
            .filter(|m| m.kind == Some(EntityKind::Person) && m.words.len() >= 3)
            .map(|m| keys::initials(&m.words))
            .collect();
        for m in mentions.iter_mut() {
            let acronym = m.words.len() == 1
                && m.words[0].chars().count() >= 3
                && m.words[0].chars().all(|c| c.is_uppercase());
            if acronym && person_initials.contains(&m.words[0]) {
                m.kind = Some(EntityKind::Person);
                m.place = None;
                m.country = None;
            }
        }
        let doc_orgs: HashSet<String> = mentions
            .iter()
            .filter(|m| m.kind == Some(EntityKind::Organization))
            .map(|m| keys::fold(&m.words.join(" ")))
            .collect();
        for m in mentions.iter_mut() {
            let word = keys::fold(m.words.first().map_or("", String::as_str));
            // A small town's name that is some person's surname in the corpus is that person.
            let small_town = m.place.is_some_and(|id| {
                let p = &Gazetteer::get().places[id as usize];
                p.kind == PlaceKind::City && p.population < SMALL_TOWN
            });
            let surname =
                surnames.contains(&word) || (small_town && known.surnames.contains(&word));
            if m.kind == Some(EntityKind::Place) && m.words.len() == 1 && surname {
                m.kind = Some(EntityKind::Person);
                m.place = None;
                m.country = None;
            }
        }
        let spans: HashMap<Span, Option<EntityKind>> =
            mentions.iter().map(|m| (m.span, m.kind)).collect();
        for m in mentions.iter_mut().filter(|m| m.kind.is_none()) {
            // A capitalised common word opening a sentence is a name only if its
            // document says so ("Clinton said" after "Bill Clinton"), or the corpus
            // knows it as a surname and it is not very common English ("Marchenko is …").
            if m.weak {
                let word = keys::fold(&m.words[0]);
                let very_common = Gazetteer::get().is_very_common_word(&word);
                let corpus_surname = known.surnames.contains(&word) && !very_common;
                let leading_name = leading.contains(&word) && !very_common;
                m.kind = if surnames.contains(&word) || corpus_surname || leading_name {
                    Some(EntityKind::Person)
                } else if doc_orgs.contains(&word) {
                    Some(EntityKind::Organization)
                } else {
                    None
                };
                continue;
            }
            m.kind = m
                .expands
                .and_then(|long| spans.get(&long).copied().flatten())
                .or_else(|| known.kind_of(&m.words))
                .or_else(|| {
                    let lone = m.words.len() == 1 && leading.contains(&keys::fold(&m.words[0]));
                    lone.then_some(EntityKind::Person)
                })
                .or(match m.cue {
                    Cue::Person => Some(EntityKind::Person),
                    Cue::Organization => Some(EntityKind::Organization),
                    Cue::Place if policy == Unresolved::Guess => Some(EntityKind::Place),
                    _ => None,
                });
        }
        // One name, one kind within a document: a name typed somewhere ("Tavakoli
        // told …") types its other, cue-less mentions.
        let mut doc_kinds: HashMap<String, EntityKind> = HashMap::new();
        for m in mentions.iter().filter(|m| !m.weak) {
            if let Some(kind) = m.kind {
                doc_kinds
                    .entry(keys::fold(&m.words.join(" ")))
                    .or_insert(kind);
            }
        }
        for m in mentions.iter_mut().filter(|m| m.kind.is_none() && !m.weak) {
            m.kind = doc_kinds.get(&keys::fold(&m.words.join(" "))).copied();
            if m.kind.is_none() && policy == Unresolved::Guess {
                m.kind = Some(guess(&m.words));
            }
        }
    }
    all
}

/// A place name the document once uses as a team ("Surrey 302-6") names that team
/// wherever it acts in the same document ("Surrey captain Chris Lewis", "beat Surrey
/// by an innings"); only after a locative word ("in Surrey", "at Surrey") is it the place.
fn teams_keep_their_kind(doc: &Document, mentions: &mut [Mention]) {
    let g = Gazetteer::get();
    let teams: HashSet<String> = mentions
        .iter()
        .filter(|m| m.kind == Some(EntityKind::Organization) && m.country.is_some())
        .map(|m| keys::fold(&m.words.join(" ")))
        .filter(|key| g.is_place(key))
        .collect();
    if teams.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if m.kind != Some(EntityKind::Place) || !teams.contains(&keys::fold(&m.words.join(" "))) {
            continue;
        }
        let before = doc.text[..m.span.start as usize]
            .split_whitespace()
            .next_back()
            .map(keys::fold);
        if !before.is_some_and(|w| lexicon::is_place_preposition(&w)) {
            m.kind = Some(EntityKind::Organization);
            m.place = None;
        }
    }
}

/// Tags the documents on all cores: documents are independent until the corpus pass.
fn tag_in_parallel(docs: &[Document]) -> Vec<Vec<Mention>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = docs.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                scope.spawn(move || {
                    part.iter()
                        .enumerate()
                        .map(|(i, d)| tag_document((c * chunk + i) as u32, d))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// A kind for a name nothing speaks for. One word alone is most often an
/// organisation or team in news text, and so are names with common words ("Red
/// Star", "Federal Reserve"); longer names of rare words are mostly people.
fn guess(words: &[String]) -> EntityKind {
    let g = Gazetteer::get();
    if words.len() == 1 || words.iter().any(|w| g.is_common_word(&keys::fold(w))) {
        EntityKind::Organization
    } else {
        EntityKind::Person
    }
}

/// What the corpus knows about names, from the mentions the rules typed.
struct Known {
    /// Folded organisation names and acronyms.
    orgs: HashSet<String>,
    /// Initials of organisation names of two or more words ("fna" for "Fars News Agency").
    org_initials: HashSet<String>,
    /// Folded names of places the gazetteer did not know but acronyms did.
    places: HashSet<String>,
    /// Folded last words of every person name of two or more words.
    surnames: HashSet<String>,
    /// Words of every person name of two or more words, by the phonetic key of its last word.
    people: HashMap<String, Vec<Vec<String>>>,
}

impl Known {
    fn collect(all: &[Vec<Mention>]) -> Known {
        let mut known = Known {
            orgs: HashSet::new(),
            org_initials: HashSet::new(),
            places: HashSet::new(),
            people: HashMap::new(),
            surnames: HashSet::new(),
        };
        for m in all.iter().flatten() {
            let key = keys::fold(&m.words.join(" "));
            match m.kind {
                Some(EntityKind::Organization) => {
                    if m.words.len() >= 2 {
                        let initials: String = m
                            .words
                            .iter()
                            .map(|w| keys::fold(w))
                            .filter(|w| !lexicon::is_connector(w))
                            .filter_map(|w| w.chars().next())
                            .collect();
                        known.org_initials.insert(initials);
                    }
                    known.orgs.insert(key);
                }
                Some(EntityKind::Place) => {
                    known.places.insert(key);
                }
                Some(EntityKind::Person) if m.words.len() >= 2 => {
                    let last = keys::phonetic_key(&m.words[m.words.len() - 1]);
                    known
                        .surnames
                        .insert(keys::fold(&m.words[m.words.len() - 1]));
                    known.people.entry(last).or_default().push(m.words.clone());
                }
                _ => {}
            }
        }
        known
    }

    /// The kind the corpus gives these words, if one.
    fn kind_of(&self, words: &[String]) -> Option<EntityKind> {
        let key = keys::fold(&words.join(" "));
        let acronym = words.len() == 1
            && words[0].chars().count() >= 2
            && words[0].chars().all(|c| c.is_uppercase());
        if self.orgs.contains(&key) || (acronym && self.org_initials.contains(&key)) {
            return Some(EntityKind::Organization);
        }
        if self.places.contains(&key) {
            return Some(EntityKind::Place);
        }
        let last = keys::phonetic_key(words.last().map_or("", String::as_str));
        let same_surname = self.people.get(&last).map_or(&[][..], Vec::as_slice);
        let is_surname = same_surname.iter().any(|full| {
            full.len() > words.len()
                && full[full.len() - words.len()..]
                    .iter()
                    .zip(words)
                    .all(|(a, b)| keys::same_name_word(a, b))
        });
        // A lone common word ("Internet", "Christmas", "Tory") is that word, whatever
        // full name somewhere in the corpus ends in it; its own document may still say
        // otherwise ("Gordon Brown … Brown said", in `tag_corpus`).
        let common =
            words.len() == 1 && Gazetteer::get().is_very_common_word(&keys::fold(&words[0]));
        (is_surname && !common).then_some(EntityKind::Person)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tags `texts` as a corpus and compares "text/kind" for every mention of the last one.
    fn check(texts: &[&str], expect: &[&str]) {
        let docs = crate::entities::test_documents(texts);
        let all = tag_corpus(&docs, Unresolved::Keep);
        let last = docs.last().unwrap();
        let got: Vec<String> = all
            .last()
            .unwrap()
            .iter()
            .filter(|m| m.kind.is_some() || !m.weak)
            .map(|m| format!("{}/{}", m.text(last), m.kind.map_or("?", |k| k.as_str())))
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn a_town_that_is_a_team_in_its_document_stays_the_team() {
        check(
            &["In the final Leeds 3 Chelsea 1. But Leeds captain Ann Cole scored twice in Leeds. They beat Chelsea."],
            &[
                "Leeds/organization",
                "Chelsea/organization",
                "Leeds/organization",
                "Ann Cole/person",
                "Leeds/place",
                "Chelsea/organization",
            ],
        );
        // Another document's team is no reason: there Leeds is the town.
        check(
            &["Leeds 3 Chelsea 1", "Ann Cole flew from Leeds to Chelsea."],
            &["Ann Cole/person", "Leeds/place", "Chelsea/place"],
        );
    }

    #[test]
    fn a_lone_common_word_is_no_surname_of_another_documents_person() {
        check(
            &[
                "Talks with Vladimir Internet ended.",
                "Sales of Internet ads and Okafor rose.",
            ],
            &["Internet/?", "Okafor/?"],
        );
        check(
            &[
                "Talks with Vladimir Okafor ended.",
                "Sales of Internet ads and Okafor rose.",
            ],
            &["Internet/?", "Okafor/person"],
        );
    }

    #[test]
    fn a_family_name_written_first_stands_alone_for_the_person() {
        // Chinese order: "Xi" opening a sentence is Xi Jinping's family name.
        check(
            &["Chinese President Xi Jinping met Okafor. Xi arrived in Lagos on Monday."],
            &["Xi Jinping/person", "Okafor/?", "Xi/person", "Lagos/place"],
        );
        // A name whose other words are English (here mistyped a person) lends its first
        // word nothing.
        check(
            &["Viewers of Sky One rose. Sky is clear over Lagos."],
            &["Sky One/person", "Sky/?", "Lagos/place"],
        );
    }

    #[test]
    fn surnames_and_acronyms_take_the_corpus_kind() {
        check(
            &[
                "Talks with Vladimir Okafor ended.",
                "Later Okafor spoke in Lagos.",
            ],
            &["Okafor/person", "Lagos/place"],
        );
        check(
            &[
                "The Andean Trade Council (ATC) met.",
                "Later ATC and Quimby spoke.",
            ],
            &["ATC/organization", "Quimby/?"],
        );
        // A surname opening a sentence, though common English, is the corpus's person.
        check(
            &[
                "Talks with Hillary Clinton ended.",
                "Clinton is expected in Lagos.",
            ],
            &["Clinton/person", "Lagos/place"],
        );
    }
}
