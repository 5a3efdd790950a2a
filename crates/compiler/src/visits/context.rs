//! What the visit rules know about a sentence and its article: the entity
//! mentions as token ranges, which country a person serves and with which title,
//! and which city a place phrase or venue names. Who "he" or "the Iranian
//! diplomat" is, and what the article remembers of its people for that, is
//! resolved in `reference`.

use std::collections::HashMap;

use communique_core::{DocId, Document, Entity, EntityId, EntityKind, PartialDate, Span};

use super::lexicon::{self, is_person_head};
use super::tokens::{tokenize, Token};

/// A person as a visit sees them: traveler, host or inviter.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    /// The person's entity, when the entity extractor found one.
    pub entity: Option<EntityId>,
    /// Display name.
    pub name: String,
    /// Country served, when known.
    pub country: Option<String>,
    /// Title held, when known (also matched by "the deputy foreign minister").
    pub role: Option<String>,
    /// Leads a delegation rather than travelling alone.
    pub delegation: bool,
}

impl Person {
    /// Whether two references are the same person.
    pub fn same(&self, other: &Person) -> bool {
        match (self.entity, other.entity) {
            (Some(a), Some(b)) => a == b,
            _ => self.name.eq_ignore_ascii_case(&other.name),
        }
    }
}

/// A destination: a city or a country.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Display name ("Moscow", "Russia").
    pub name: String,
    /// The place's entity, when resolved.
    pub entity: Option<EntityId>,
    /// The country it lies in (itself, for a country).
    pub country: Option<String>,
    /// The place is a whole country, not a city.
    pub is_country: bool,
}

impl Place {
    /// A whole country as a destination, when no city is named.
    pub fn whole_country(name: String) -> Place {
        Place {
            name: name.clone(),
            entity: None,
            country: Some(name),
            is_country: true,
        }
    }
}

/// What a phrase after "to", "in" or "at" turned out to name.
#[derive(Clone, Debug, PartialEq)]
pub enum PlaceHit {
    /// A city or country, and the index of the phrase's last token.
    Place(Place, usize),
    /// A world region ("Europe"): not a destination a visit can have.
    Region,
    /// Not a place.
    None,
}

/// Kind of an entity mention inside a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefKind {
    /// A person.
    Person,
    /// A place.
    Place,
    /// An organisation.
    Org,
}

/// An entity mention as a range of the sentence's tokens.
#[derive(Clone, Debug, PartialEq)]
pub struct Ref {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// Person, place or organisation.
    pub kind: RefKind,
    /// The entity.
    pub entity: EntityId,
}

/// One sentence, tokenised, with its entity mentions.
pub struct Sentence<'a> {
    /// The sentence's span in the document.
    pub span: Span,
    /// Its tokens.
    pub tokens: Vec<Token<'a>>,
    /// Entity mentions, in order.
    pub refs: Vec<Ref>,
}

/// An entity mention in a document, as a byte range.
#[derive(Clone, Copy, Debug)]
pub struct MentionAt {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The entity.
    pub entity: EntityId,
}

impl<'a> Sentence<'a> {
    /// Tokenises the sentence at `span` of `text` and places the mentions (sorted by start) on its tokens.
    pub fn new(
        text: &'a str,
        span: Span,
        mentions: &[MentionAt],
        entities: &[Entity],
    ) -> Sentence<'a> {
        let tokens = tokenize(&text[span.range()], span.start as usize);
        let from = mentions.partition_point(|m| m.end <= span.start as usize);
        let mut refs = Vec::new();
        for m in mentions[from..]
            .iter()
            .take_while(|m| m.start < span.end as usize)
        {
            let first = tokens.iter().position(|t| t.start >= m.start && t.word);
            let last = tokens
                .iter()
                .rposition(|t| t.end <= m.end && t.start >= m.start);
            let (Some(first), Some(last)) = (first, last) else {
                continue;
            };
            if first > last || refs.last().is_some_and(|r: &Ref| r.last >= first) {
                continue;
            }
            let kind = match entities.get(m.entity as usize).map(|e| e.kind) {
                Some(EntityKind::Person) => RefKind::Person,
                Some(EntityKind::Place) => RefKind::Place,
                Some(EntityKind::Organization) => RefKind::Org,
                None => continue,
            };
            refs.push(Ref {
                first,
                last,
                kind,
                entity: m.entity,
            });
        }
        Sentence { span, tokens, refs }
    }

    /// The mention covering token `i`, if any.
    pub fn ref_at(&self, i: usize) -> Option<&Ref> {
        self.refs.iter().find(|r| r.first <= i && i <= r.last)
    }

    /// The mention starting exactly at token `i`.
    pub fn ref_starting(&self, i: usize) -> Option<&Ref> {
        self.refs.iter().find(|r| r.first == i)
    }

    /// The lower-case word at `i`, or "" past the end.
    pub fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.lower.as_ref())
    }

    /// Whether token `i` is one of `words`.
    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_any(words))
    }
}

/// Corpus-wide lookups built once: the entities and their places by name.
pub struct Known<'a> {
    /// All entities of the corpus.
    pub entities: &'a [Entity],
    /// Place entities by lower-case name and alias.
    places: HashMap<String, EntityId>,
}

impl<'a> Known<'a> {
    /// Indexes the place entities' names and aliases.
    pub fn new(entities: &'a [Entity]) -> Known<'a> {
        let mut places = HashMap::new();
        for (n, e) in entities.iter().enumerate() {
            if e.kind == EntityKind::Place {
                for name in std::iter::once(&*e.name).chain(e.aliases.iter().map(String::as_str)) {
                    places.entry(name.to_lowercase()).or_insert(n as EntityId);
                }
            }
        }
        Known { entities, places }
    }
}

/// What the rules remember while reading one article, sentence by sentence.
#[derive(Clone)]
pub struct DocState<'a> {
    /// The article's index.
    pub doc_id: DocId,
    /// The article.
    pub doc: &'a Document,
    /// All entities of the corpus.
    pub entities: &'a [Entity],
    /// Corpus-wide lookups.
    known: &'a Known<'a>,
    /// People mentioned so far, in order, for definite descriptions.
    pub recent: Vec<Person>,
    /// The subject of the latest sentence that had a person as subject, for "he".
    pub last_subject: Option<Person>,
    /// Countries learnt from definite descriptions ("the top Iranian official" said …).
    pub learned: Vec<(EntityId, String)>,
    /// Who this article already has travelling, and to which country.
    pub abroad: Vec<(EntityId, String)>,
    /// The two people "they" or "the two leaders" stand for: the last two the latest
    /// sentence named, kept through sentences that refer to them so.
    pub pair: Option<(Person, Person)>,
    /// The people the story names after the headline, in order, for a description in
    /// the headline ("Foreign minister in Canberra"); empty when it has none.
    pub ahead: Vec<Person>,
}

/// Small words inside a title ("Minister *for* Middle East *and* African Affairs").
const TITLE_CONNECTORS: &[&str] = &["for", "of", "the", "and", "on", "in", "to"];

impl<'a> DocState<'a> {
    /// A fresh state for one article.
    pub fn new(doc_id: DocId, doc: &'a Document, known: &'a Known<'a>) -> DocState<'a> {
        DocState {
            doc_id,
            doc,
            entities: known.entities,
            known,
            recent: Vec::new(),
            last_subject: None,
            learned: Vec::new(),
            abroad: Vec::new(),
            pair: None,
            ahead: Vec::new(),
        }
    }

    /// Whether `s` is the article's headline, whose grammar drops "is" and "the"
    /// ("Foreign minister in Canberra for trade talks").
    pub fn is_headline(&self, s: &Sentence) -> bool {
        self.doc.headline_span().is_some_and(|h| h.overlaps(s.span))
    }

    /// The publication date the article's relative dates hang on.
    pub fn anchor(&self) -> Option<PartialDate> {
        self.doc.date
    }

    /// The person a person mention names, with country and role.
    pub fn person(&self, s: &Sentence, r: &Ref) -> Person {
        let entity = &self.entities[r.entity as usize];
        // The title is the local evidence; a country the title names as a
        // portfolio ("Envoy for Syria") is not the person's own.
        let portfolio = portfolio_country(s, r.first);
        let country = country_before(s, r.first)
            .or_else(|| {
                entity
                    .country
                    .as_deref()
                    .filter(|c| Some(*c) != portfolio.as_deref())
                    .map(str::to_string)
            })
            .or_else(|| {
                // Another mention in the sentence may carry the title: "Iran, X, … X's visit".
                s.refs
                    .iter()
                    .filter(|o| o.entity == r.entity && o.first != r.first)
                    .find_map(|o| country_before(s, o.first))
            })
            .or_else(|| {
                self.learned
                    .iter()
                    .find(|(e, _)| *e == r.entity)
                    .map(|(_, c)| c.clone())
            })
            .or_else(|| {
                // An earlier mention of the same person in this article may have said it.
                self.recent
                    .iter()
                    .rev()
                    .find(|p| p.entity == Some(r.entity))
                    .and_then(|p| p.country.clone())
            });
        let role = entity
            .roles
            .iter()
            .rev()
            .find(|role| role.source.doc == self.doc_id)
            .or(entity.roles.last())
            .map(|role| role.title.clone())
            .or_else(|| title_before(s, r.first))
            .or_else(|| {
                // "the Iranian wrestler X": an occupation right before the name.
                let k = r.first.checked_sub(1)?;
                s.tokens[k]
                    .is_any(lexicon::PRIVATE_ROLES)
                    .then(|| s.tokens[k].text.to_string())
            })
            .or_else(|| {
                self.recent
                    .iter()
                    .rev()
                    .find(|p| p.entity == Some(r.entity))
                    .and_then(|p| p.role.clone())
            });
        Person {
            entity: Some(r.entity),
            name: entity.name.to_string(),
            country,
            role,
            delegation: false,
        }
    }

    /// Whether the article already reported this person travelling to `country`:
    /// then they are foreign there even when their own country is unknown.
    pub fn travelled_to(&self, p: &Person, country: &str) -> bool {
        p.entity
            .is_some_and(|e| self.abroad.iter().any(|(x, c)| *x == e && c == country))
    }

    /// The place named by the phrase starting at token `k` (after "to", "in", "at", "for").
    pub fn place_at(&self, s: &Sentence, k: usize) -> PlaceHit {
        // "to northern Cyprus", "in neighbouring Uzbekistan": the place after its side.
        const SIDES: &[&str] = &[
            "northern",
            "southern",
            "eastern",
            "western",
            "central",
            "neighbouring",
            "neighboring",
        ];
        let k = if s.is_any(k, SIDES) { k + 1 } else { k };
        if let Some(hit) = self.venue_city_at(s, k) {
            return hit;
        }
        match self.place_phrase_at(s, k) {
            // "in Moscow's view", "to Tehran's position": the place owns something else;
            // "to Gujarat's commercial capital" is a city of it (the place, at least).
            PlaceHit::Place(place, last) if s.tokens[last].possessive => {
                const SETTLEMENTS: &[&str] = &["capital", "city", "port", "town"];
                match (last + 1..last + 4).find(|&j| s.is_any(j, SETTLEMENTS)) {
                    Some(noun)
                        if (last + 1..noun)
                            .all(|j| s.tokens[j].word && !s.tokens[j].capitalised()) =>
                    {
                        PlaceHit::Place(place, noun)
                    }
                    _ => PlaceHit::None,
                }
            }
            // "at Vnukovo airport": an airport names its country, not reliably its city.
            PlaceHit::Place(place, last) if s.is_any(last + 1, &["airport", "airbase", "air"]) => {
                match place.country {
                    Some(country) => PlaceHit::Place(Place::whole_country(country), last + 1),
                    None => PlaceHit::None,
                }
            }
            hit => hit,
        }
    }

    /// "Jomo Kenyatta airport in Nairobi", "the Chancellery in Berlin": a venue
    /// named by capitalised words and a venue word, then the city it lies in.
    fn venue_city_at(&self, s: &Sentence, k: usize) -> Option<PlaceHit> {
        const VENUES: &[&str] = &[
            "airbase",
            "airport",
            "building",
            "chancellery",
            "embassy",
            "guesthouse",
            "headquarters",
            "hospital",
            "hotel",
            "palace",
            "residence",
            "stadium",
        ];
        let start = if s.is_any(k, &["the"]) { k + 1 } else { k };
        let head = (start..(start + 6).min(s.tokens.len())).find(|&j| s.is_any(j, VENUES))?;
        let named =
            (start..head).all(|j| s.tokens[j].capitalised() || s.is_any(j, &["international"]));
        if !named || !s.is_any(head + 1, &["in"]) {
            return None;
        }
        match self.place_phrase_at(s, head + 2) {
            hit @ PlaceHit::Place(..) => Some(hit),
            _ => None,
        }
    }

    fn place_phrase_at(&self, s: &Sentence, k: usize) -> PlaceHit {
        let mut k = k;
        if s.is_any(k, &["the"]) {
            k += 1;
        }
        let Some(t) = s.tokens.get(k) else {
            return PlaceHit::None;
        };
        if let Some(r) = s.ref_starting(k) {
            let entity = &self.entities[r.entity as usize];
            let lower = entity.name.to_lowercase();
            match r.kind {
                RefKind::Place => {
                    if lexicon::is_region(&lower) {
                        return PlaceHit::Region;
                    }
                    if let Some((city, country)) = lexicon::venue(&lower) {
                        return PlaceHit::Place(lexicon_place(city, country, false), r.last);
                    }
                    let known = lexicon::country_named(&lower);
                    let place = Place {
                        name: known.map_or(entity.name.to_string(), |c| c.name.to_string()),
                        entity: Some(r.entity),
                        country: entity
                            .country
                            .as_deref()
                            .map(str::to_string)
                            .or_else(|| known.map(|c| c.name.to_string()))
                            .or_else(|| lexicon::country_of_city(&lower).map(str::to_string)),
                        is_country: known.is_some(),
                    };
                    return PlaceHit::Place(place, r.last);
                }
                RefKind::Org => {
                    if let Some((city, country)) = lexicon::venue(&lower) {
                        return PlaceHit::Place(lexicon_place(city, country, false), r.last);
                    }
                    return self.seat_at(s, k, r.last, entity.country.as_deref());
                }
                RefKind::Person => return PlaceHit::None,
            }
        }
        if !t.capitalised() && !t.is_any(&["venue", "presidential"]) {
            return PlaceHit::None;
        }
        // "the venue of (the) Russian Ministry of Defense": the ministry's seat.
        if t.is("venue") && s.is_any(k + 1, &["of"]) {
            let mut j = k + 2;
            if s.is_any(j, &["the"]) {
                j += 1;
            }
            return match self.place_at(s, j) {
                PlaceHit::None => self.seat_at(s, j, j, None),
                hit => hit,
            };
        }
        // The longest capitalised phrase (up to four words) the lexicon knows.
        for len in (1..=4).rev() {
            let Some(last) = k.checked_add(len - 1).filter(|&l| l < s.tokens.len()) else {
                continue;
            };
            if !s.tokens[k..=last]
                .iter()
                .all(|t| t.word && (t.capitalised() || t.is_any(&["of", "the"])))
            {
                continue;
            }
            let phrase = s.tokens[k..=last]
                .iter()
                .map(|t| t.lower.as_ref())
                .collect::<Vec<_>>()
                .join(" ");
            if lexicon::is_region(&phrase) {
                return PlaceHit::Region;
            }
            if let Some((city, country)) = lexicon::venue(&phrase) {
                return PlaceHit::Place(lexicon_place(city, country, false), last);
            }
            if let Some(c) = lexicon::country_named(&phrase)
                .filter(|_| phrase != "us" || s.tokens[k].text == "US")
            {
                return PlaceHit::Place(lexicon_place(c.name, c.name, true), last);
            }
            if let Some(country) = lexicon::country_of_city(&phrase) {
                let name = s.tokens[k..=last]
                    .iter()
                    .map(|t| t.text)
                    .collect::<Vec<_>>()
                    .join(" ");
                return PlaceHit::Place(self.named_place(&name, country), last);
            }
        }
        if let Some(c) = lexicon::country_of_demonym(&t.lower) {
            // "the Russian capital"
            if s.is_any(k + 1, &["capital"]) && !s.is_any(k + 2, &["of"]) {
                if let Some(capital) = c.capital {
                    return PlaceHit::Place(self.named_place(capital, c.name), k + 1);
                }
            }
            // "the Russian city of Kazan", "the Iranian port city of Bushehr"
            let of = (k + 1..k + 4).find(|&j| s.is_any(j, &["of"]));
            let noun = (k + 1..of.unwrap_or(k + 1))
                .all(|j| s.is_any(j, &["city", "port", "town", "resort", "capital", "holy"]));
            if let (Some(of), true) = (of, noun) {
                if let PlaceHit::Place(place, last) = self.place_at(s, of + 1) {
                    return PlaceHit::Place(place, last);
                }
            }
        }
        self.seat_at(s, k, k, None)
    }

    /// The city of the article's dateline ("MOSCOW –"), for "arrived here".
    pub fn dateline_place(&self) -> Option<Place> {
        let name = self.doc.dateline.as_deref()?;
        let lower = name.to_lowercase();
        let country = lexicon::country_of_city(&lower)
            .map(str::to_string)
            .or_else(|| {
                let e = *self.known.places.get(&lower)?;
                self.entities[e as usize]
                    .country
                    .as_deref()
                    .map(str::to_string)
            })?;
        Some(self.named_place(name, &country))
    }

    /// "the Russian Foreign Ministry", "the Iranian presidential palace": a seat of
    /// government standing for its country's capital.
    fn seat_at(&self, s: &Sentence, first: usize, last: usize, country: Option<&str>) -> PlaceHit {
        let mut country = country.map(str::to_string);
        let mut seat = false;
        let mut end = last;
        for (j, t) in s.tokens.iter().enumerate().skip(first).take(8) {
            if j > last && !(t.word && (t.capitalised() || t.is_any(&["of", "presidential"]))) {
                break;
            }
            if let Some(c) = lexicon::country_of_demonym(&t.lower).or_else(|| {
                (t.possessive || j + 1 > last)
                    .then(|| lexicon::country_named(&t.lower))
                    .flatten()
            }) {
                country.get_or_insert_with(|| c.name.to_string());
            }
            if t.is_any(lexicon::GOVERNMENT_SEATS) {
                seat = true;
                end = end.max(j);
            }
            end = end.max(j);
        }
        match (seat, country) {
            (true, Some(country)) => match lexicon::capital_of(&country) {
                Some(capital) => PlaceHit::Place(self.named_place(capital, &country), end),
                None => PlaceHit::None,
            },
            _ => PlaceHit::None,
        }
    }

    /// A city or country known by name, tied to its entity when the extractor found it.
    fn named_place(&self, name: &str, country: &str) -> Place {
        let entity = self
            .known
            .places
            .get(&name.to_lowercase())
            .map(|&e| e as usize);
        Place {
            name: entity.map_or(name.to_string(), |e| self.entities[e].name.to_string()),
            entity: entity.map(|e| e as EntityId),
            country: Some(country.to_string()),
            is_country: name == country,
        }
    }
}

fn lexicon_place(city: &str, country: &str, is_country: bool) -> Place {
    Place {
        name: city.to_string(),
        entity: None,
        country: Some(country.to_string()),
        is_country,
    }
}

/// Nouns that name a trip.
pub const VISIT_NOUNS: &[&str] = &[
    "visit", "visits", "trip", "travel", "journey", "tour", "stay", "arrival",
];

/// The first token of the title before a name ("Iranian Deputy Foreign Minister …"), or the name's first token.
pub fn title_start(s: &Sentence, first: usize) -> usize {
    let mut k = first;
    while k > 0 {
        let t = &s.tokens[k - 1];
        let acronym_ends = |i: usize| {
            i >= 2
                && s.tokens.get(i).is_some_and(|t| t.is(")"))
                && s.tokens[i - 2].is("(")
                && s.tokens[i - 1].word
                && s.tokens[i - 1].text.chars().all(|c| c.is_ascii_uppercase())
        };
        let titled = |i: usize| {
            acronym_ends(i)
                || s.tokens
                    .get(i)
                    .is_some_and(|t| t.word && (t.capitalised() || is_person_head(&t.lower)))
        };
        let inside = (t.word
            && (t.capitalised() || is_person_head(&t.lower))
            && s.ref_at(k - 1).is_none_or(|r| r.kind != RefKind::Person))
            || (t.is_any(TITLE_CONNECTORS)
                && k >= 2
                && (titled(k - 2) || s.is_any(k - 2, TITLE_CONNECTORS))
                && (titled(k) || s.is_any(k, TITLE_CONNECTORS)));
        // "Foreign Minister (FM) of Saudi Arabia Prince X": an acronym in parentheses.
        if acronym_ends(k - 1) {
            k -= 3;
            continue;
        }
        if !inside {
            break;
        }
        k -= 1;
    }
    k
}

/// Where the title before the name at token `first` ends: at its comma when the name
/// stands in apposition to it ("Turkey's Defence Minister, Hulusi Akar, said"), else
/// right before the name.
fn apposition_end(s: &Sentence, first: usize) -> usize {
    let apposition = title_start(s, first) == first
        && first >= 2
        && s.is_any(first - 1, &[","])
        && is_person_head(&s.tokens[first - 2].lower)
        && s.ref_at(first)
            .is_some_and(|r| s.is_any(r.last + 1, &[","]));
    if apposition {
        first - 1
    } else {
        first
    }
}

/// The title written before a name, without its nationality ("Deputy Foreign Minister"),
/// when it has a word that heads a title.
pub fn title_before(s: &Sentence, first: usize) -> Option<String> {
    let first = apposition_end(s, first);
    let mut start = title_start(s, first);
    while start < first
        && (lexicon::country_of_demonym(&s.tokens[start].lower).is_some()
            || s.tokens[start].possessive
            || s.tokens[start].is_any(TITLE_CONNECTORS))
    {
        start += 1;
    }
    let words = &s.tokens[start..first];
    // "his Russian counterpart" says who they meet, not what they are.
    if !words
        .iter()
        .any(|t| is_person_head(&t.lower) && !t.is("counterpart"))
    {
        return None;
    }
    Some(words.iter().map(|t| t.text).collect::<Vec<_>>().join(" "))
}

/// The words of tokens `first..=last` as the text spells them.
pub(super) fn text_of(s: &Sentence, first: usize, last: usize) -> String {
    // Tokens are slices of the document text; rebuild the phrase with its own spacing.
    let mut out = String::new();
    for (n, t) in s.tokens[first..=last].iter().enumerate() {
        if n > 0 && t.start > s.tokens[first + n - 1].end {
            out.push(' ');
        }
        out.push_str(t.text);
        if t.possessive {
            out.push_str("'s");
        }
    }
    out
}

/// A country named as a title's portfolio: "Envoy *for Syria*", "Ambassador *to Iran*".
fn portfolio_country(s: &Sentence, first: usize) -> Option<String> {
    let start = title_start(s, first);
    (start + 1..first)
        .filter(|&k| s.is_any(k - 1, &["for", "to", "on"]))
        .find_map(|k| lexicon::country_named(&s.tokens[k].lower))
        .map(|c| c.name.to_string())
}

/// The country a person's title names: "Iranian Deputy Foreign Minister X",
/// "Iran's Foreign Minister X", "the presidents of Russia, X".
pub fn country_before(s: &Sentence, first: usize) -> Option<String> {
    let first = apposition_end(s, first);
    let start = title_start(s, first);
    // A few lowercase words may stand between the country and the title:
    // "Iran's top security official X".
    let mut reach = start;
    while reach > 0
        && start - reach < 3
        && s.tokens[reach - 1].word
        && !s.tokens[reach - 1].capitalised()
        && s.ref_at(reach - 1).is_none()
    {
        reach -= 1;
    }
    let start = if reach > 0 && reach < start && s.tokens[reach - 1].possessive {
        reach - 1
    } else {
        start
    };
    for k in (start..first).rev() {
        let t = &s.tokens[k];
        if let Some(c) = lexicon::country_of_demonym(&t.lower) {
            return Some(c.name.to_string());
        }
        if t.possessive {
            if let Some(c) = lexicon::country_named(&t.lower) {
                return Some(c.name.to_string());
            }
        }
    }
    // "the presidents of Russia, Oleg Marchenko, and Iran, Ebrahim Sadeghi", "her
    // counterpart from Ecuador, Guillermo Lasso"
    if start >= 2 && s.tokens[start - 1].is(",") {
        let t = &s.tokens[start - 2];
        if t.capitalised() && s.is_any(start.wrapping_sub(3), &["of", "and", "from"]) {
            return lexicon::country_named(&t.lower).map(|c| c.name.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{corpus, Fixture};
    use super::*;

    /// For the phrase at the first occurrence of `probe` in `text`, reports what
    /// the state resolves: `person:` the anaphor or mention, `place:` the place.
    fn check(text: &str, names: &[&str], probe: &str, expect: &str) {
        let Fixture { docs, entities } = corpus(&[(text, "2019-01-10")], names);
        let doc = &docs[0];
        let mentions = super::super::mentions_by_doc(&docs, &entities);
        let known = Known::new(&entities);
        let mut state = DocState::new(0, doc, &known);
        let (kind, needle) = probe.split_once(':').unwrap();
        let at = text.find(needle).expect("probe in text");
        for span in &doc.sentences {
            let s = Sentence::new(&doc.text, *span, &mentions[0], &entities);
            if (span.start as usize..span.end as usize).contains(&at) {
                let i = s.tokens.iter().position(|t| t.start >= at).unwrap();
                let got = match kind {
                    "person" => {
                        let last = s
                            .tokens
                            .iter()
                            .rposition(|t| t.end <= at + needle.len())
                            .unwrap();
                        match s.ref_at(last).filter(|r| r.kind == RefKind::Person) {
                            Some(r) => {
                                let p = state.person(&s, r);
                                format!("{} ({})", p.name, p.country.unwrap_or_default())
                            }
                            None => state.anaphor_at(&s, last).map_or("-".into(), |(p, _)| {
                                format!("{} ({})", p.name, p.country.unwrap_or_default())
                            }),
                        }
                    }
                    "role" => {
                        let last = s
                            .tokens
                            .iter()
                            .rposition(|t| t.end <= at + needle.len())
                            .unwrap();
                        let r = s.ref_at(last).expect("a mention");
                        state.person(&s, r).role.unwrap_or_else(|| "-".into())
                    }
                    "place" => match state.place_at(&s, i) {
                        PlaceHit::Place(p, _) => {
                            format!("{} ({})", p.name, p.country.unwrap_or_default())
                        }
                        PlaceHit::Region => "region".into(),
                        PlaceHit::None => "-".into(),
                    },
                    _ => unreachable!("unknown probe kind {kind}"),
                };
                assert_eq!(got, expect, "{probe} in {text}");
                return;
            }
            state.remember(&s);
        }
        unreachable!("probe not found");
    }

    #[test]
    fn people_and_their_countries() {
        let text = "Norwegian Foreign Minister Anna Berg met Peru's envoy Luis Soto. She praised Karl Udo's view.";
        check(
            text,
            &["p:Anna Berg", "p:Luis Soto", "p:Karl Udo"],
            "person:Anna Berg",
            "Anna Berg (Norway)",
        );
        check(
            text,
            &["p:Anna Berg", "p:Luis Soto", "p:Karl Udo"],
            "person:Luis Soto",
            "Luis Soto (Peru)",
        );
        check(
            text,
            &["p:Anna Berg", "p:Luis Soto", "p:Karl Udo"],
            "person:She",
            "Anna Berg (Norway)",
        );
        // A country the title names as a portfolio is not the person's own.
        let text = "He met Special Envoy for Peru Luis Soto.";
        check(
            text,
            &["p:Luis Soto@Peru"],
            "person:Luis Soto",
            "Luis Soto ()",
        );
        check(
            "He met Luis Soto.",
            &["p:Luis Soto@Peru"],
            "person:Luis Soto",
            "Luis Soto (Peru)",
        );
        let text = "The presidents of Chile, Ana Ruiz, and Peru, Luis Soto, met.";
        check(
            text,
            &["p:Ana Ruiz", "p:Luis Soto"],
            "person:Ana Ruiz",
            "Ana Ruiz (Chile)",
        );
        check(
            text,
            &["p:Ana Ruiz", "p:Luis Soto"],
            "person:Luis Soto",
            "Luis Soto (Peru)",
        );
        let text = "Peru's top security official Luis Soto left.";
        check(
            text,
            &["p:Luis Soto"],
            "person:Luis Soto",
            "Luis Soto (Peru)",
        );
        let text = "He met his Peruvian counterpart Luis Soto.";
        check(text, &["p:Luis Soto"], "role:Luis Soto", "-");
        let text = "He met Peruvian Deputy Foreign Minister Luis Soto.";
        check(
            text,
            &["p:Luis Soto"],
            "role:Luis Soto",
            "Deputy Foreign Minister",
        );
    }

    #[test]
    fn definite_descriptions_and_pronouns() {
        let text = "Kenyan Deputy Foreign Minister Jo Mwangi spoke. Then Polish envoy Jan Nowak said no. \
                    He left. The Kenyan deputy foreign minister left. The Kenyan diplomat left. The Kenyan president left.";
        let names = &["p:Jo Mwangi", "p:Jan Nowak"];
        check(text, names, "person:He", "Jan Nowak (Poland)");
        check(
            text,
            names,
            "person:The Kenyan deputy foreign minister",
            "Jo Mwangi (Kenya)",
        );
        check(
            text,
            names,
            "person:The Kenyan diplomat",
            "Jo Mwangi (Kenya)",
        );
        check(text, names, "person:The Kenyan president", "-");
        // A description of known nationality teaches it for a person of unknown one.
        let text = "Jo Mwangi spoke. The top Kenyan official said so. Then Jo Mwangi left.";
        check(
            text,
            &["p:Jo Mwangi"],
            "person:The top Kenyan official",
            "Jo Mwangi (Kenya)",
        );
        check(
            text,
            &["p:Jo Mwangi"],
            "person:Then Jo Mwangi",
            "Jo Mwangi (Kenya)",
        );
    }

    #[test]
    fn places_and_venues() {
        let text = "He flew to the Kremlin, to Oslo, to Europe, to the venue of the Polish Ministry of Defense, \
                    to the Chilean capital, to Sochi and to the exhibition.";
        let names = &["l:Oslo"];
        check(text, names, "place:the Kremlin", "Moscow (Russia)");
        check(text, names, "place:Oslo", "Oslo (Norway)");
        check(text, names, "place:Europe", "region");
        check(text, names, "place:the venue of", "Warsaw (Poland)");
        check(text, names, "place:the Chilean capital", "Santiago (Chile)");
        check(text, names, "place:Sochi", "Sochi (Russia)");
        check(text, names, "place:the exhibition", "-");
        let text = "He landed at Sochi airport.";
        check(text, &[], "place:Sochi", "Russia (Russia)");
        let text = "He flew to the Russian city of Kazan and to the Iranian port city of Bushehr.";
        check(text, &[], "place:the Russian city", "Kazan (Russia)");
        check(text, &[], "place:the Iranian port", "Bushehr (Iran)");
    }
}
