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
use super::tokens::{tokenize, Shape, Token};
use super::{orgs, people, places, roles};

/// What the context of an unresolved name suggests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cue {
    /// No evidence either way.
    None,
    /// "X said", "said X", "Mr X".
    Person,
    /// "news agency X", an acronym.
    Organization,
    /// "in X", "X-based".
    Place,
}

/// One mention of a name in a document, possibly not yet typed.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    /// The document.
    pub doc: DocId,
    /// The name's bytes in the document text (without a possessive `'s`).
    pub span: Span,
    /// The words of the name, for comparison keys.
    pub words: Vec<String>,
    /// Its kind, or `None` while unresolved.
    pub kind: Option<EntityKind>,
    /// What the context suggests, for unresolved mentions.
    pub cue: Cue,
    /// The gazetteer place, for places.
    pub place: Option<PlaceId>,
    /// The country the entity belongs to, when its own words or its role say so.
    pub country: Option<PlaceId>,
    /// Roles stated next to this mention (people only): title and evidence span.
    pub roles: Vec<(String, Span)>,
    /// For an acronym introduced in parentheses, the span (same document) of the name it abbreviates.
    pub expands: Option<Span>,
    /// A capitalised common word opening a sentence: a name only if the corpus says so.
    pub weak: bool,
}

impl Mention {
    #[cfg(test)]
    /// The mention's surface text.
    pub fn text<'a>(&self, doc: &'a Document) -> &'a str {
        doc.slice(self.span)
    }
}

/// Who has claimed a token so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Claim {
    /// Nobody.
    Free,
    /// Part of a mention (index into the sentence's mentions).
    Mention(usize),
    /// A nationality adjective of the given country ("Iranian").
    Demonym(PlaceId),
    /// A nationality, religion or region word that names no country ("Kurdish").
    Affiliation,
}

/// One sentence as the rules see it.
pub(crate) struct Sentence<'a> {
    /// The whole document text (token spans index it).
    pub text: &'a str,
    /// The sentence's tokens.
    pub tokens: Vec<Token>,
    /// Folded text of each token.
    pub lower: Vec<String>,
    /// Gazetteer key of each token ("" for punctuation).
    pub keys: Vec<String>,
    /// Whether each token may be part of a name.
    pub name: Vec<bool>,
    /// Whether each token opens the sentence, a quote or a clause (its capital proves nothing).
    pub opener: Vec<bool>,
    /// Whether the sentence is written in capitals (a headline).
    pub shouting: bool,
    /// Who claimed each token.
    pub claim: Vec<Claim>,
    /// The mentions found so far, in no particular order.
    pub mentions: Vec<Mention>,
    /// The document.
    pub doc: DocId,
    /// Countries the document mentions, for ambiguous city names.
    pub doc_countries: &'a [PlaceId],
}

impl<'a> Sentence<'a> {
    /// Tokenizes one sentence span of `text` and decides which tokens may be names.
    pub fn new(text: &'a str, span: Span, doc: DocId, doc_countries: &'a [PlaceId]) -> Self {
        let g = Gazetteer::get();
        let tokens = tokenize(&text[span.range()], span.start as usize);
        let lower: Vec<String> = tokens
            .iter()
            .map(|t| keys::fold(&text[t.start..t.end]))
            .collect();
        let token_keys: Vec<String> = tokens
            .iter()
            .map(|t| keys::lookup_key(&text[t.start..t.end]))
            .collect();
        // An all-capitals sentence (a headline) says nothing by its capitals: only
        // words the lexicons know, or that are not common English, may be names there.
        let letters = tokens
            .iter()
            .filter(|t| t.shape != Shape::Other && t.shape != Shape::Number);
        let shouting =
            letters.clone().count() >= 3 && letters.clone().all(|t| t.shape == Shape::Upper);
        let mut name = vec![false; tokens.len()];
        let mut openers = vec![false; tokens.len()];
        for (i, t) in tokens.iter().enumerate() {
            let w = lower[i].as_str();
            // "May" is a month unless a given name precedes it ("Theresa May").
            let month_may = w == "may" && (i == 0 || g.given_name(&lower[i - 1]) == 0);
            let contraction = lexicon::is_contraction(&text[t.start..t.end]);
            if !t.is_name_like() || lexicon::is_never_name(w) || month_may || contraction {
                continue;
            }
            // Places of several words count as known from their first word: "New York".
            let place_ahead = g.is_place(&token_keys[i])
                || (g.is_place_prefix(&token_keys[i])
                    && (2..=3).any(|n| {
                        i + n <= tokens.len() && g.is_place(&join_keys(&token_keys[i..i + n]))
                    }));
            let nationality = g.demonym(w).is_some() || lexicon::is_affiliation(w);
            if shouting {
                // In a headline only places and nationalities stand out from common words.
                name[i] = !g.is_common_word(w) || place_ahead || nationality;
                openers[i] = true;
                continue;
            }
            let known = place_ahead
                || nationality
                || g.given_name(w) > 0
                || lexicon::is_title_word(w)
                || lexicon::is_org_head(w);
            // A capital at the start of a sentence, a quote or a clause is no evidence:
            // "Calling Iran …", "Determination of …" are common words.
            let opener = i == 0
                || matches!(
                    &text[tokens[i - 1].start..tokens[i - 1].end],
                    "“" | "\"" | "‘" | ":" | "–" | "—" | "(" | "*" | "•" | "-"
                );
            openers[i] = opener;
            // An acronym opening a sentence ("NATO said") is no common word.
            let acronym = t.shape == Shape::Upper && !shouting;
            let weak = (shouting || opener) && !acronym && g.is_common_word(w);
            name[i] = known || !weak;
        }
        let claim = vec![Claim::Free; tokens.len()];
        Sentence {
            text,
            tokens,
            lower,
            keys: token_keys,
            name,
            opener: openers,
            shouting,
            claim,
            mentions: Vec::new(),
            doc,
            doc_countries,
        }
    }

    /// The gazetteer key of tokens `from..to`: their keys joined by spaces.
    pub fn key(&self, from: usize, to: usize) -> String {
        join_keys(&self.keys[from..to])
    }

    /// Whether a place name of `min_words` to three words starts at `from` ("New York" from "New").
    pub fn place_starts(&self, from: usize, min_words: usize) -> bool {
        let g = Gazetteer::get();
        (min_words <= 1 && g.is_place(&self.keys[from]))
            || (g.is_place_prefix(&self.keys[from])
                && (2..=3).any(|n| from + n <= self.len() && g.is_place(&self.key(from, from + n))))
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The folded word at `i`, or "" past either end.
    pub fn word(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    /// The original text of token `i`.
    pub fn raw(&self, i: usize) -> &'a str {
        let t = self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// Whether token `i` may be (part of) a name and nobody has claimed it.
    pub fn free_name(&self, i: usize) -> bool {
        i < self.len() && self.name[i] && self.claim[i] == Claim::Free
    }

    /// Whether token `i` touches the tokens on both sides, with no space between ("Al-Saud").
    pub fn attached(&self, i: usize) -> bool {
        i > 0
            && i + 1 < self.len()
            && self.tokens[i - 1].end == self.tokens[i].start
            && self.tokens[i].end == self.tokens[i + 1].start
    }

    /// Whether token `i` is lower-case.
    pub fn is_lower(&self, i: usize) -> bool {
        i < self.len() && self.tokens[i].shape == Shape::Lower
    }

    /// The byte span of tokens `from..to`.
    pub fn span(&self, from: usize, to: usize) -> Span {
        Span::new(self.tokens[from].start, self.tokens[to - 1].end)
    }

    /// The text of tokens `from..to`.
    pub fn slice(&self, from: usize, to: usize) -> &'a str {
        &self.text[self.span(from, to).range()]
    }

    /// The country a token names as a nationality adjective or a country name, if any.
    pub fn country_word(&self, i: usize) -> Option<PlaceId> {
        let g = Gazetteer::get();
        if let Claim::Demonym(c) = self.claim.get(i)? {
            return Some(*c);
        }
        let w = self.word(i);
        g.demonym(w).or_else(|| {
            g.resolve(&keys::lookup_key(w), &[])
                .filter(|&id| g.places[id as usize].kind == PlaceKind::Country)
        })
    }

    /// Records a mention over tokens `from..to` and claims them; returns its index.
    pub fn add(&mut self, from: usize, to: usize, kind: Option<EntityKind>, cue: Cue) -> usize {
        let index = self.mentions.len();
        let words = (from..to)
            .filter(|&i| {
                self.tokens[i].shape != Shape::Other || self.raw(i).len() > 1 || self.raw(i) == "&"
            })
            .map(|i| self.raw(i).to_string())
            .collect();
        self.mentions.push(Mention {
            doc: self.doc,
            span: self.span(from, to),
            words,
            kind,
            cue,
            place: None,
            country: None,
            roles: Vec::new(),
            expands: None,
            weak: false,
        });
        for c in &mut self.claim[from..to] {
            *c = Claim::Mention(index);
        }
        index
    }

    /// The token range of mention `m`.
    pub fn range_of(&self, m: usize) -> (usize, usize) {
        let from = self
            .claim
            .iter()
            .position(|c| *c == Claim::Mention(m))
            .unwrap_or(0);
        let to = self
            .claim
            .iter()
            .rposition(|c| *c == Claim::Mention(m))
            .map_or(from, |i| i + 1);
        (from, to)
    }
}

/// Joins token keys into an n-gram key, skipping punctuation ("Nagorno-Karabakh").
fn join_keys(keys: &[String]) -> String {
    let mut joined = String::new();
    for k in keys.iter().filter(|k| !k.is_empty()) {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(k);
    }
    joined
}

/// Finds every mention in `doc`, in text order, some still unresolved.
pub(crate) fn tag_document(doc_id: DocId, doc: &Document) -> Vec<Mention> {
    let spans = sentence_spans(doc);
    let doc_countries = countries_named(doc, &spans);
    let mut found = Vec::new();
    for span in spans {
        let mut s = Sentence::new(&doc.text, span, doc_id, &doc_countries);
        mark_demonyms(&mut s);
        orgs::known(&mut s);
        orgs::find(&mut s);
        people::after_titles(&mut s);
        people::by_given_name(&mut s);
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
        return doc.sentences.clone();
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
                if let Some(c) = g.demonym(&keys::lookup_key(s.slice(i, i + 2))) {
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
        if office_object || words.iter().any(|w| lexicon::is_furniture(w)) {
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

    /// Tags `text` as one document and compares "text/kind" for every mention
    /// ("?" for unresolved, followed by the cue), weak openers left out.
    pub(crate) fn check(text: &str, expect: &[&str]) {
        let doc = Document {
            text: text.to_string(),
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
                text: text.to_string(),
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
