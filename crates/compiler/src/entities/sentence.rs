//! The shared sentence view every rule family reads and adds to (as spaCy's `Doc` is for its
//! pipeline stages): the tokens with their folded forms and gazetteer keys, who has claimed
//! each token, and the mentions found so far. `tagger.rs` runs the families over it in order.

use communique_core::{DocId, EntityKind, Span};

use super::gazetteer::{Gazetteer, PlaceId, PlaceKind};
use super::keys;
use super::lexicon;
use super::tokens::{tokenize, Shape, Token};

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
    pub fn text<'a>(&self, doc: &'a communique_core::Document) -> &'a str {
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
    /// Whether the sentence is a headline in title case ("Ruto Arrives In Berlin").
    pub title_case: bool,
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
    /// Tokenizes one sentence span of `text` and decides which tokens may be names;
    /// `headline` says the sentence is the article's headline.
    pub fn new(
        text: &'a str,
        span: Span,
        headline: bool,
        doc: DocId,
        doc_countries: &'a [PlaceId],
    ) -> Self {
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
        // A headline in title case ("Minister Receives Benin, Chadian Presidents") says
        // no more by its capitals.
        let title_case = headline && in_title_case(text, &tokens, &lower);
        let mut name = vec![false; tokens.len()];
        let mut openers = vec![false; tokens.len()];
        for (i, t) in tokens.iter().enumerate() {
            let w = lower[i].as_str();
            // "May" is a month unless a given name precedes it ("Theresa May").
            let month_may = w == "may" && (i == 0 || g.given_name(&lower[i - 1]) == 0);
            let contraction = lexicon::is_contraction(&text[t.start..t.end]);
            // Places of several words count as known from their first word: "New York",
            // even when that word alone would be a month ("Mar del Plata").
            let long_place = g.is_place_prefix(&token_keys[i])
                && (2..=3).any(|n| {
                    i + n <= tokens.len() && g.is_place(&join_keys(&token_keys[i..i + n]))
                });
            // "Ambassador Sun Baohong": a day or month abbreviation before a name word
            // is a name ("Sun" before a date or a number stays a date).
            const DATE_ABBREVIATIONS: &[&str] = &[
                "sun", "mon", "tue", "wed", "thu", "fri", "sat", "jan", "feb", "mar", "apr", "jun",
                "jul", "aug", "sep", "oct", "nov", "dec",
            ];
            let abbreviation_in_name = DATE_ABBREVIATIONS.contains(&w)
                && t.shape == Shape::Capitalized
                && tokens.get(i + 1).is_some_and(|next| {
                    next.shape == Shape::Capitalized
                        && next.start == t.end + 1
                        && !lexicon::is_never_name(&lower[i + 1])
                        && !g.is_common_word(&lower[i + 1])
                });
            // "Tô Lâm": a word written with letters English lacks is no English "to".
            let foreign_spelling = !text[t.start..t.end].is_ascii();
            if !t.is_name_like()
                || ((lexicon::is_never_name(w) || month_may)
                    && !long_place
                    && !abbreviation_in_name
                    && !foreign_spelling)
                || contraction
            {
                continue;
            }
            let place_ahead = long_place || g.is_place(&token_keys[i]);
            // "South Korean", "New Zealander": a nationality of two words, from its first.
            let nationality = g.demonym(w).is_some()
                || lexicon::is_affiliation(w)
                || (i + 2 <= tokens.len()
                    && g.demonym(&join_keys(&token_keys[i..i + 2])).is_some());
            if shouting || title_case {
                // In a headline only places and nationalities stand out from common words,
                // inflected ones too ("Postpones", "Hosted").
                let inflected = ["s", "es", "ed", "d", "ing"].iter().any(|ending| {
                    w.strip_suffix(ending)
                        .is_some_and(|stem| stem.len() >= 4 && g.is_common_word(stem))
                });
                name[i] = !(g.is_common_word(w) || inflected) || place_ahead || nationality;
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
            // A hyphen inside a name ("Rapp-Hooper", "Inter-Parliamentary") opens nothing;
            // after a word that is no name ("One-Minute") it opens as a dash does.
            let inner_hyphen = i >= 2
                && tokens[i - 1].start == tokens[i - 2].end
                && tokens[i - 2].is_name_like()
                && !lexicon::is_never_name(&lower[i - 2])
                && !g.is_very_common_word(&lower[i - 2]);
            let opener = i == 0
                || match &text[tokens[i - 1].start..tokens[i - 1].end] {
                    "“" | "\"" | "‘" | ":" | "–" | "—" | "(" | "*" | "•" => true,
                    "-" => !(inner_hyphen && tokens[i - 1].end == t.start),
                    _ => false,
                };
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
            title_case,
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

    /// Whether token `i` touches the token before it ("Mr" and its ".").
    pub fn attached_before(&self, i: usize) -> bool {
        i > 0 && self.tokens[i - 1].end == self.tokens[i].start
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

/// Whether a headline is written in title case: after its first word, at least two in
/// three words of four letters or more are capitalised, and one of them is a common
/// English word that is no place, nationality, given name, title or organisation word
/// ("Iran *Seeks* to *Strengthen* *Relations* with Russia"). A headline of names alone
/// ("Putin, Xi Jinping in Beijing") keeps its capitals as evidence.
fn in_title_case(text: &str, tokens: &[Token], lower: &[String]) -> bool {
    let g = Gazetteer::get();
    let long_words: Vec<usize> = (1..tokens.len())
        .filter(|&i| {
            matches!(tokens[i].shape, Shape::Capitalized | Shape::Lower)
                && text[tokens[i].start..tokens[i].end].chars().count() >= 4
                && text[tokens[i].start..tokens[i].end]
                    .chars()
                    .all(char::is_alphabetic)
        })
        .collect();
    let capitalised: Vec<&str> = long_words
        .iter()
        .filter(|&&i| tokens[i].shape == Shape::Capitalized)
        .map(|&i| lower[i].as_str())
        .collect();
    let common = capitalised.iter().any(|&w| {
        g.is_common_word(w)
            && !g.is_place(w)
            && g.demonym(w).is_none()
            && g.given_name(w) == 0
            && !lexicon::is_title_word(w)
            && !lexicon::is_org_head(w)
    });
    long_words.len() >= 2 && capitalised.len() * 3 >= long_words.len() * 2 && common
}
