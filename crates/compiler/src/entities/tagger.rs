//! Finds the entity mentions of one document, sentence by sentence: the shared
//! sentence view the rule families work on, the order they run in, and the
//! document-level steps (acronyms introduced in parentheses, which countries the
//! document is about).
//!
//! Order matters and is the main design decision: organisations first (their
//! head words are the strongest evidence, and they contain places: "University
//! of Tehran"), then people named after a title, then people by given name (before
//! places, so a surname that is also a town stays in its name), then gazetteer places, then what is left as unresolved candidates with their
//! context cues, which the corpus-level pass in `resolve` decides.
//!
//! Invariant: mentions of a sentence never overlap, and their spans are
//! byte ranges of `Document::text` on token boundaries.

use communique_core::{DocId, Document, EntityKind, Span};

use super::gazetteer::{Gazetteer, PlaceId, PlaceKind};
use super::keys;
use super::lexicon;
use super::sentence::{Claim, Cue, Mention, Sentence};
use super::tokens::{tokenize, Shape};
use super::{orgs, people, places, roles};

/// Finds every mention in `doc`, in text order, some still unresolved.
pub(crate) fn tag_document(doc_id: DocId, doc: &Document) -> Vec<Mention> {
    let spans = sentence_spans(doc);
    let doc_countries = countries_named(doc, &spans);
    let headline = doc.headline_span();
    let mut found = Vec::new();
    for span in spans {
        let in_headline = headline.is_some_and(|h| h.overlaps(span));
        let mut s = Sentence::new(&doc.text, span, in_headline, doc_id, &doc_countries);
        mark_demonyms(&mut s);
        orgs::known(&mut s);
        orgs::find(&mut s);
        people::after_titles(&mut s);
        people::by_given_name(&mut s);
        people::in_apposition(&mut s);
        people::in_lists(&mut s);
        places::find(&mut s);
        unresolved_runs(&mut s);
        roles::attach(&mut s);
        link_acronyms(&mut s);
        found.extend(s.mentions);
    }
    found.sort_by_key(|m| m.span);
    found
}

/// The document's sentences, or its lines when the reader gave none.
fn sentence_spans(doc: &Document) -> Vec<Span> {
    if !doc.sentences.is_empty() {
        return doc.sentences.to_vec();
    }
    let mut spans = Vec::new();
    let mut start = 0;
    for line in doc.text.split_inclusive('\n') {
        let end = start + line.trim_end().len();
        if end > start {
            spans.push(Span::new(start, end));
        }
        start += line.len();
    }
    spans
}

/// The countries a document names or qualifies with an adjective, for ambiguous cities.
fn countries_named(doc: &Document, spans: &[Span]) -> Vec<PlaceId> {
    let g = Gazetteer::get();
    let mut countries = Vec::new();
    for span in spans {
        for t in tokenize(&doc.text[span.range()], span.start as usize) {
            if !t.is_name_like() {
                continue;
            }
            let key = keys::lookup_key(&doc.text[t.start..t.end]);
            let country = g.demonym(&key).or_else(|| {
                g.resolve(&key, &[])
                    .filter(|&id| g.places[id as usize].kind == PlaceKind::Country)
            });
            if let Some(c) = country {
                if !countries.contains(&c) {
                    countries.push(c);
                }
            }
        }
    }
    countries
}

/// Nationality adjectives ("Iranian", "South Korean", "Kurdish") are not entities
/// themselves, but tie the names they qualify to a country.
fn mark_demonyms(s: &mut Sentence) {
    let g = Gazetteer::get();
    let mut i = 0;
    while i < s.len() {
        if s.free_name(i) {
            if s.free_name(i + 1) {
                // "S. Korean", as headlines shorten "South Korean".
                let compass = match s.raw(i) {
                    "N." => "north ",
                    "S." => "south ",
                    "E." => "east ",
                    "W." => "west ",
                    _ => "",
                };
                let pair = match compass {
                    "" => keys::lookup_key(s.slice(i, i + 2)),
                    _ => format!("{compass}{}", s.word(i + 1)),
                };
                if let Some(c) = g.demonym(&pair) {
                    s.claim[i] = Claim::Demonym(c);
                    s.claim[i + 1] = Claim::Demonym(c);
                    i += 2;
                    continue;
                }
            }
            // Plurals name the people: "Iranians", "Kurds".
            let w = s.word(i);
            let singular = w.strip_suffix('s').unwrap_or(w);
            if let Some(c) = g.demonym(w).or_else(|| g.demonym(singular)) {
                s.claim[i] = Claim::Demonym(c);
            } else if lexicon::is_affiliation(w) || lexicon::is_affiliation(singular) {
                s.claim[i] = Claim::Affiliation;
            }
        }
        i += 1;
    }
}

/// Whether token `i` may start or continue an unresolved name: offices ("Foreign
/// Minister") and capitalised common words opening a sentence ("Reading …") may not.
fn candidate(s: &Sentence, i: usize) -> bool {
    let g = Gazetteer::get();
    let w = s.word(i);
    if i >= s.len() {
        return false;
    }
    let weak_opener = s.opener[i] && g.is_common_word(w);
    s.free_name(i) && !lexicon::is_title_word(w) && !lexicon::is_org_head(w) && !weak_opener
}

/// Whether token `i` is a capitalised common word opening a sentence, which only
/// the corpus can make a name ("Clinton said …" where "Bill Clinton" occurs).
fn weak_candidate(s: &Sentence, i: usize) -> bool {
    let w = s.word(i);
    s.tokens[i].is_name_like()
        && s.opener[i]
        && s.claim[i] == Claim::Free
        && !lexicon::is_never_name(w)
        && !lexicon::is_title_word(w)
        && !lexicon::is_org_head(w)
        && !lexicon::is_furniture(w)
}

/// Whatever names no rule claimed become unresolved mentions, with the cue their context gives.
fn unresolved_runs(s: &mut Sentence) {
    let mut i = 0;
    while i < s.len() {
        if !candidate(s, i) {
            if weak_candidate(s, i) {
                let m = s.add(i, i + 1, None, Cue::None);
                s.mentions[m].weak = true;
            }
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < s.len() {
            if candidate(s, end) {
                end += 1;
            } else if (s.raw(end) == "&"
                || (lexicon::is_name_particle(s.word(end)) && s.is_lower(end)))
                && candidate(s, end + 1)
            {
                end += 2;
            } else {
                break;
            }
        }
        let words: Vec<&str> = (i..end).map(|k| s.word(k)).collect();
        // "Procter & Gamble": an ampersand joins the names of a firm.
        let firm = words.contains(&"&");
        // The object of an office is part of the role: "Minister of Energy".
        let office_object = i >= 2
            && matches!(s.word(i - 1), "of" | "for")
            && (lexicon::is_title_head(s.word(i - 2))
                || (s.word(i - 2) == "the" && i >= 3 && lexicon::is_title_head(s.word(i - 3))));
        // An event ("World Cup", "Labour Day") is no entity of ours.
        let event = words.last().is_some_and(|w| lexicon::is_event_head(w));
        if office_object || event || words.iter().any(|w| lexicon::is_furniture(w)) {
            i = end;
            continue;
        }
        let cue = if firm {
            Cue::Organization
        } else {
            cue_of(s, i, end)
        };
        s.add(i, end, None, cue);
        i = end;
    }
}

/// What the words around tokens `from..to` suggest about an unknown name.
fn cue_of(s: &Sentence, from: usize, to: usize) -> Cue {
    let g = Gazetteer::get();
    let before = if from > 0 { s.word(from - 1) } else { "" };
    let after = s.word(to);
    let single_upper = to - from == 1 && s.tokens[from].shape == Shape::Upper;
    if from > 0 && s.is_lower(from - 1) && lexicon::is_org_cue(before) {
        return Cue::Organization;
    }
    if (after == "-" && s.word(to + 1) == "based")
        || (to - from >= 2 && lexicon::is_facility(s.word(to - 1)))
    {
        return Cue::Place;
    }
    if (lexicon::is_speech_verb(after) && s.is_lower(to))
        || (lexicon::is_speech_verb_before(before)
            && from > 1
            && s.is_lower(from - 1)
            // "…,” said X" names the speaker; "Zanganeh said Gazprom …" does not.
            && matches!(s.raw(from - 2), "," | "”" | "\"" | "’"))
    {
        return if single_upper {
            Cue::Organization
        } else {
            Cue::Person
        };
    }
    // An acronym in parentheses that abbreviates no name before it (a translated
    // or coordinated one: "(MENA)") says nothing about its kind.
    let in_parentheses = from > 0 && s.raw(from - 1) == "(" && to < s.len() && s.raw(to) == ")";
    if single_upper && !g.is_common_word(s.word(from)) && !in_parentheses {
        return Cue::Organization;
    }
    if from > 0 && s.is_lower(from - 1) && lexicon::is_place_preposition(before) && to - from <= 2 {
        return Cue::Place;
    }
    // "the town of X", "the province of X".
    if before == "of" && from > 1 && lexicon::is_settlement(s.word(from - 2)) {
        return Cue::Place;
    }
    Cue::None
}

/// Links an acronym in parentheses to the name it abbreviates, either way round:
/// "Eurasian Economic Union (EAEU)" and "SHAFAQNA (Shia International News Association)".
fn link_acronyms(s: &mut Sentence) {
    for open in 1..s.len().saturating_sub(2) {
        if s.raw(open) != "(" {
            continue;
        }
        let (Claim::Mention(before), Claim::Mention(inside)) =
            (s.claim[open - 1], s.claim[open + 1])
        else {
            continue;
        };
        let (inside_from, inside_to) = s.range_of(inside);
        if inside_from != open + 1 || inside_to >= s.len() || s.raw(inside_to) != ")" {
            continue;
        }
        let (long, short) =
            if inside_to - inside_from == 1 && s.tokens[inside_from].shape == Shape::Upper {
                (before, inside)
            } else {
                (inside, before)
            };
        let short_range = s.range_of(short);
        if short_range.1 - short_range.0 != 1 || s.tokens[short_range.0].shape != Shape::Upper {
            continue;
        }
        let long_text = keys::fold(&s.mentions[long].words.join(" "));
        if !abbreviates(&s.mentions[short].words[0], &long_text) {
            continue;
        }
        let kind = s.mentions[long].kind.or(match s.mentions[long].cue {
            Cue::Organization => Some(EntityKind::Organization),
            _ => None,
        });
        if s.mentions[short].kind.is_some() && s.mentions[short].kind != kind {
            continue;
        }
        if s.mentions[long].kind.is_none() {
            s.mentions[long].kind = kind;
        }
        s.mentions[short].kind = kind;
        s.mentions[short].place = s.mentions[long].place;
        s.mentions[short].expands = Some(s.mentions[long].span);
    }
}

/// Whether `acronym` can abbreviate the folded `long` name: same first letter,
/// and its letters appear in order in the name.
fn abbreviates(acronym: &str, long: &str) -> bool {
    let letters: Vec<char> = keys::fold(acronym)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    if letters.len() < 2 || long.chars().next() != letters.first().copied() {
        return false;
    }
    let mut rest = long.chars();
    letters.iter().all(|l| rest.any(|c| c == *l))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use communique_core::Body;

    /// Tags `text` as one document and compares "text/kind" for every mention
    /// ("?" for unresolved, followed by the cue), weak openers left out.
    pub(crate) fn check(text: &str, expect: &[&str]) {
        let doc = Document {
            body: Body {
                text: text.to_string(),
                ..Body::default()
            }
            .into(),
            ..Document::default()
        };
        // Weak openers ("Calling …") only become names by corpus evidence: not shown here.
        let got: Vec<String> = tag_document(0, &doc)
            .iter()
            .filter(|m| !m.weak)
            .map(|m| {
                let kind = m
                    .kind
                    .map_or_else(|| format!("?{:?}", m.cue), |k| k.as_str().to_string());
                format!("{}/{}", m.text(&doc), kind)
            })
            .collect();
        assert_eq!(got, expect, "mentions of {text:?}");
    }

    #[test]
    fn sentence_openers_months_and_furniture_are_not_names() {
        check(
            "Calling Brazil a partner, she left on Monday in March.",
            &["Brazil/place"],
        );
        check("Leave a Comment", &[]);
        check("Photo Credit: Reuters", &[]);
    }

    #[test]
    fn acronyms_in_parentheses_take_the_kind_of_their_expansion() {
        check(
            "Talks with the Andean Trade Council (ATC) went well.",
            &["Andean Trade Council/organization", "ATC/organization"],
        );
        check(
            "KUNA (Kuwait News Agency) reported the deal.",
            &["KUNA/organization", "Kuwait News Agency/organization"],
        );
    }

    #[test]
    fn edge_cases_never_panic() {
        for text in [
            "",
            "(",
            ")",
            "“",
            "Mr",
            "of the",
            "Ludwig van",
            "Ali al",
            "KUNA (",
            "X (Y",
            "(ATC)",
            "Leeds 3",
            "President",
            "the Minister of",
            "Iran's",
            "’s",
            "A. B.",
            "Dr. Who van",
            "said Okonkwo",
            "Okonkwo,",
            "Okonkwo, the",
            "ÉTAT ÉMIR",
            "١٢ Tehran",
        ] {
            let doc = Document {
                body: Body {
                    text: text.to_string(),
                    ..Body::default()
                }
                .into(),
                ..Document::default()
            };
            for m in tag_document(0, &doc) {
                assert!(doc.text.get(m.span.range()).is_some(), "{text:?}: bad span");
            }
        }
    }

    #[test]
    fn context_cues_for_unknown_names() {
        check("Okonkwo said the plan failed.", &["Okonkwo/?Person"]);
        check("the agency Zenlink reported", &["Zenlink/?Organization"]);
        check(
            "shares of Okafor & Quimby rose",
            &["Okafor & Quimby/?Organization"],
        );
        check("“We agree,” said Okonkwo.", &["Okonkwo/?Person"]);
        check(
            "Then Okonkwo said Zenlink will invest.",
            &["Okonkwo/?Person", "Zenlink/?None"],
        );
        check("a Lagos-based firm", &["Lagos/place"]);
    }
}
