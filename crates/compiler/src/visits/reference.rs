//! Reference resolution: who a trigger's traveler or subject is ("X visited", "his
//! visit", "Arriving in Y, X said", "a delegation led by X"), who "he", "his" or "the
//! Iranian diplomat" is, and what the article remembers of its people for that.
//!
//! Invariant: a reference resolves only to a person already mentioned in the
//! same article (never to one mentioned later, never across articles).

use super::context::{
    text_of, title_start, DocState, Person, Place, PlaceHit, Ref, RefKind, Sentence, VISIT_NOUNS,
};
use super::lexicon::{self, is_person_head};
use super::patterns::words::TRIP_MODIFIERS;

/// Lower-case words that, right before a person, make the person an object, not the subject.
const OBJECT_MARKERS: &[&str] = &[
    "with",
    "by",
    "of",
    "to",
    "for",
    "from",
    "met",
    "meet",
    "meets",
    "received",
    "receives",
    "welcomed",
    "welcomes",
    "hosted",
    "hosts",
    "praised",
    "told",
    "invited",
    "called",
    "and",
    "at",
    "in",
    "on",
    "between",
    "against",
    "as",
    "under",
    "urged",
    "thanked",
    "accompanied",
    "accompanying",
    "joined",
    "including",
    "replaced",
    "succeeded",
];

impl DocState<'_> {
    /// Whether the person mention is the subject of its clause rather than an object.
    pub(super) fn is_subject(&self, s: &Sentence, r: &Ref) -> bool {
        let t = &s.tokens[r.last];
        if t.possessive {
            // "Anna's visit" makes Anna the subject of the visit; "Anna's view" does not.
            return s.is_any(r.last + 1, VISIT_NOUNS) || s.is_any(r.last + 2, VISIT_NOUNS);
        }
        match title_start(s, r.first).checked_sub(1) {
            None => true,
            Some(k) => !s.tokens[k].is_any(OBJECT_MARKERS),
        }
    }

    /// Resolves "he", "she", "the Iranian diplomat", "the top Iranian official" ending at token `i`.
    /// Returns the person and the first token of the phrase.
    pub(super) fn anaphor_at(&self, s: &Sentence, i: usize) -> Option<(Person, usize)> {
        let t = s.tokens.get(i)?;
        if t.is_any(&["he", "she"]) {
            // "She hosted X when he visited Y": after the other pronoun, "he" is the
            // nearest person named who is not the one that pronoun stands for.
            let other = if t.is("he") { "she" } else { "he" };
            if let Some(k) = (0..i).rfind(|&k| s.is_any(k, &[other])) {
                let excluded = self.anaphor_at(s, k).map(|(p, _)| p);
                let named = s
                    .refs
                    .iter()
                    .filter(|r| r.kind == RefKind::Person && r.first > k && r.last < i)
                    .map(|r| self.person(s, r))
                    .rfind(|p| excluded.as_ref().is_none_or(|e| !e.same(p)));
                return named.map(|p| (p, i));
            }
            // A subject earlier in the same sentence wins over the previous sentences'.
            // A subject coordinated with another ("X and Y are …") counts here too.
            let coordinated = |r: &Ref| {
                s.is_any(
                    title_start(s, r.first).wrapping_sub(1),
                    &["and", "but", "while"],
                )
            };
            let here = s
                .refs
                .iter()
                .rfind(|r| {
                    r.kind == RefKind::Person
                        && r.last < i
                        && (self.is_subject(s, r) || coordinated(r))
                })
                .map(|r| self.person(s, r));
            return here.or_else(|| self.last_subject.clone()).map(|p| (p, i));
        }
        if t.is_any(&["his", "her"]) && t.word {
            // "She was calling on X on the second day of her visit": the possessive that
            // agrees with the sentence's subject pronoun is that subject's, whoever is
            // named between them.
            let subject_pronoun = if t.is("his") { "he" } else { "she" };
            let agreeing = (0..i)
                .find(|&k| s.is_any(k, &[subject_pronoun]))
                .filter(|&k| !(0..k).any(|j| s.ref_at(j).is_some()));
            if let Some(k) = agreeing {
                return self.anaphor_at(s, k).map(|(p, _)| (p, i));
            }
            let here = s
                .refs
                .iter()
                .rfind(|r| r.kind == RefKind::Person && r.last < i)
                .map(|r| self.person(s, r));
            return here.or_else(|| self.last_subject.clone()).map(|p| (p, i));
        }
        self.definite_at(s, i)
    }

    /// "they", "the two leaders", "the two heads of state" ending at token `i`, or "both
    /// of whom" ending there: the two people it stands for (the latest sentence's pair,
    /// or the last two named before "both of whom"), and the phrase's first token.
    pub(super) fn plural_at(&self, s: &Sentence, i: usize) -> Option<([Person; 2], usize)> {
        if s.is_any(i, &["whom"])
            && i >= 2
            && s.is_any(i - 1, &["of"])
            && s.is_any(i - 2, &["both"])
        {
            let mut named: Vec<Person> = Vec::new();
            for r in s
                .refs
                .iter()
                .filter(|r| r.kind == RefKind::Person && r.last < i - 2)
            {
                let p = self.person(s, r);
                if !named.iter().any(|n| n.same(&p)) {
                    named.push(p);
                }
            }
            let second = named.pop()?;
            let first = named.pop()?;
            return Some(([first, second], i - 2));
        }
        let (a, b) = self.pair.clone()?;
        if s.is_any(i, &["they"]) {
            return Some(([a, b], i));
        }
        let first = plural_phrase_start(s, i)?;
        Some(([a, b], first))
    }

    /// "The Iranian deputy foreign minister" ending at token `i` → the latest person of that country and title.
    fn definite_at(&self, s: &Sentence, i: usize) -> Option<(Person, usize)> {
        if !is_person_head(&s.tokens[i].lower) || s.tokens[i].is_any(&["foreign", "deputy"]) {
            return None;
        }
        if self.is_headline(s) {
            return self.headline_description(s, i);
        }
        // "Peruvian envoy Luis Soto": a title before a name describes no one else.
        if s.ref_at(i + 1).is_some_and(|r| r.kind == RefKind::Person) {
            return None;
        }
        // Walk back over the description's words to its "the" and demonym.
        let mut k = i;
        let mut country = None;
        let mut words = Vec::new();
        loop {
            let t = &s.tokens[k];
            if let Some(c) = lexicon::country_of_demonym(&t.lower) {
                country = Some(c.name.to_string());
            } else if t.word && !t.is_any(&["top", "senior", "visiting", "high-ranking", "former"])
            {
                words.push(t.lower.clone());
            }
            // "Tajik Foreign Minister arrived …": the sentence's start opens it too.
            if k == 0 && country.is_some() && s.tokens[0].capitalised() {
                break;
            }
            if k == 0 || k + 6 < i {
                return None;
            }
            k -= 1;
            if s.tokens[k].is("the") {
                break;
            }
            if !s.tokens[k].word || s.ref_at(k).is_some() {
                return None;
            }
        }
        let country = country?;
        words.reverse();
        // Generic heads ("diplomat", "official") match anyone of the country; a
        // specific title must also match the person's role.
        let generic = words.len() == 1 && words[0] != "president";
        let fits = |role: &str| role_fits(role, &words);
        let found = self.recent.iter().rev().find(|p| {
            p.country.as_deref() == Some(country.as_str())
                && (generic || p.role.as_deref().is_some_and(fits))
        });
        if let Some(person) = found {
            return Some((person.clone(), k));
        }
        // "The top Iranian official" right after a sentence about someone of
        // unknown country is that someone, who is thereby Iranian; "the visiting Thai
        // prime minister" is the latest prime minister of unknown country.
        let unknown = self
            .last_subject
            .clone()
            .filter(|p| generic && p.country.is_none())
            .or_else(|| {
                // A generic head ("the Vietnamese leader") may be the latest person of unknown
                // country whoever they are; a specific one must fit their role.
                let fitting = |p: &&Person| {
                    p.country.is_none() && (generic || p.role.as_deref().is_some_and(fits))
                };
                self.recent.iter().rev().find(fitting).cloned()
            });
        let mut topic = unknown?;
        topic.country = Some(country);
        Some((topic, k))
    }

    /// A headline opening with a description ending at token `i` ("Foreign minister in
    /// Canberra …", "Turkey's Defence Minister in Bosnia"): the first person the story
    /// names with that title (and that country, when the headline gives one). A headline
    /// names its subject before the story does, so this looks ahead, not back.
    fn headline_description(&self, s: &Sentence, i: usize) -> Option<(Person, usize)> {
        let mut country = None;
        let mut words = Vec::new();
        for k in 0..=i {
            let t = &s.tokens[k];
            if let Some(c) = lexicon::country_of_demonym(&t.lower) {
                country = Some(c.name.to_string());
            } else if let Some(r) = s.ref_at(k) {
                // "South Korea's Defence Minister": the country opening the headline, with its 's.
                let place =
                    (r.first == 0 && r.kind == RefKind::Place && s.tokens[r.last].possessive)
                        .then(|| {
                            self.entities[r.entity as usize]
                                .country
                                .as_deref()
                                .map(str::to_string)
                        })
                        .flatten()
                        .filter(|_| r.last < i)?;
                country = Some(place);
            } else if t.word && !t.possessive {
                words.push(t.lower.clone());
            }
        }
        // Only a title says who: "minister" alone could be anyone.
        if words.len() < 2 && !words.iter().any(|w| w == "president") {
            return None;
        }
        let found = self.ahead.iter().find(|p| {
            country
                .as_deref()
                .is_none_or(|c| p.country.as_deref() == Some(c))
                && p.role
                    .as_deref()
                    .is_some_and(|role| role_fits(role, &words))
        })?;
        Some((found.clone(), 0))
    }

    /// Records the sentence's people for later references, and its subject for "he";
    /// returns whether the sentence had a subject.
    pub(super) fn remember(&mut self, s: &Sentence) -> bool {
        let mut subject = None;
        let mut seen_person = false;
        let mut i = 0;
        while i < s.tokens.len() {
            if let Some(r) = s.ref_starting(i) {
                if r.kind == RefKind::Person {
                    seen_person = true;
                    let person = self.person(s, r);
                    if subject.is_none() && self.is_subject(s, r) {
                        subject = Some(person.clone());
                    }
                    self.recent.push(person);
                }
                i = r.last + 1;
                continue;
            }
            // A pronoun or description opening the sentence is its subject, also
            // after an opening phrase ("On Tuesday, he will visit …").
            if subject.is_none() && i < 6 {
                let opens = |first: usize| {
                    first < 2 || (!seen_person && s.is_any(first.wrapping_sub(1), &[","]))
                };
                if let Some((p, _)) = self
                    .anaphor_at(s, i)
                    .filter(|(_, first)| opens(*first) && !s.tokens[i].is_any(&["his", "her"]))
                {
                    self.recent.push(p.clone());
                    subject = Some(p);
                }
            }
            i += 1;
        }
        // What the sentence's subject and its descriptions ("the visiting Thai prime
        // minister") say of people's countries.
        let described = (0..s.tokens.len()).filter_map(|k| self.definite_at(s, k).map(|(p, _)| p));
        for p in subject.iter().cloned().chain(described).collect::<Vec<_>>() {
            if let (Some(e), Some(c)) = (p.entity, &p.country) {
                if !self.learned.iter().any(|(x, _)| *x == e) {
                    self.learned.push((e, c.clone()));
                }
            }
        }
        let had_subject = subject.is_some();
        if had_subject {
            self.last_subject = subject;
        }
        let mut named: Vec<Person> = Vec::new();
        for r in s.refs.iter().filter(|r| r.kind == RefKind::Person) {
            let p = self.person(s, r);
            if !named.iter().any(|n| n.same(&p)) {
                named.push(p);
            }
        }
        // A sentence naming two or more people sets the pair; one naming nobody but
        // referring to them as a pair ("The two diplomats will speak") keeps it.
        let refers = (0..s.tokens.len())
            .any(|k| s.is_any(k, &["they"]) || plural_phrase_start(s, k).is_some());
        if named.len() >= 2 {
            let second = named.pop();
            self.pair = second.zip(named.pop()).map(|(b, a)| (a, b));
        } else if !(named.is_empty() && refers) {
            self.pair = None;
        }
        had_subject
    }
}

/// Nouns for people that "the two …" refers back to a pair with.
const PAIR_NOUNS: &[&str] = &[
    "leaders",
    "presidents",
    "ministers",
    "diplomats",
    "officials",
    "counterparts",
    "envoys",
    "premiers",
    "statesmen",
    "men",
    "women",
];

/// The first token of "the two leaders", "the two senior diplomats", "the two heads of
/// state" ending at token `i`.
fn plural_phrase_start(s: &Sentence, i: usize) -> Option<usize> {
    let head = if s.is_any(i, &["state", "government"]) && i >= 2 && s.is_any(i - 1, &["of"]) {
        s.is_any(i - 2, &["heads"]).then(|| i - 2)?
    } else {
        s.is_any(i, PAIR_NOUNS).then_some(i)?
    };
    // "the two" and at most two words between ("senior", "foreign").
    (head.saturating_sub(4)..head)
        .rev()
        .find(|&k| s.is_any(k, &["two"]) && s.is_any(k.wrapping_sub(1), &["the"]))
        .filter(|&k| (k + 1..head).all(|j| s.tokens[j].word && s.ref_at(j).is_none()))
        .map(|k| k - 1)
}

/// The people a plural subject before the trigger at `i` stands for ("They met in Y",
/// "the two leaders held talks in Y", "X and Y, both of whom have made visits to Y"):
/// found walking back as [`subject_before`] does, stopping at any person named.
pub(super) fn plural_subject(s: &Sentence, st: &DocState, i: usize) -> Option<[Person; 2]> {
    let stop = i.saturating_sub(16);
    let mut k = i;
    while k > stop {
        k -= 1;
        if s.is_any(k, &[";", ":", "“", "”", "\"", ".", "that"]) || s.ref_at(k).is_some() {
            return None;
        }
        if let Some((people, _)) = st.plural_at(s, k) {
            return Some(people);
        }
    }
    None
}

/// Whether a role fits a description's words: all of them in the role, in its order or
/// any other ("the foreign minister" is the "Minister of Foreign Affairs").
fn role_fits(role: &str, words: &[impl AsRef<str>]) -> bool {
    let role = role.to_lowercase();
    let words: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
    role.contains(&words.join(" "))
        || words
            .iter()
            .all(|w| role.split(|c: char| !c.is_alphanumeric()).any(|r| r == *w))
}

/// The traveler named before a trigger: the nearest person who is a subject,
/// a pronoun, a definite description, or "a delegation led by X".
pub(super) fn subject_before(s: &Sentence, st: &DocState, i: usize) -> Option<Person> {
    // "backed Anna's plan to visit Y": the owner of the plan travels, not the subject.
    const INTENT_NOUNS: &[&str] = &[
        "plan",
        "plans",
        "intention",
        "decision",
        "wish",
        "bid",
        "offer",
        "promise",
        "pledge",
        "refusal",
        "attempt",
        "readiness",
    ];
    if i >= 3 && s.is_any(i - 1, &["to"]) && s.is_any(i - 2, INTENT_NOUNS) {
        let owner = s
            .ref_at(i - 3)
            .filter(|r| r.kind == RefKind::Person && s.tokens[i - 3].possessive);
        if let Some(r) = owner {
            return Some(st.person(s, r));
        }
    }
    // "… told Polish Foreign Minister X, who arrived in Kiev …": the relative pronoun's
    // antecedent, whatever role it plays in the main clause.
    let mut w = i;
    while w > 0 && s.is_any(w - 1, &["has", "had", "have", "just", "recently", "also"]) {
        w -= 1;
    }
    if w >= 3 && s.is_any(w - 1, &["who"]) && s.is_any(w - 2, &[","]) {
        if let Some(r) = s.ref_at(w - 3).filter(|r| r.kind == RefKind::Person) {
            return Some(with_delegation(s, r.first, st.person(s, r)));
        }
    }
    // "President Issoufou of Niger that landed in Nigeria": "who" or "that" right after a
    // person, or after the "of" of the country they lead.
    if w >= 2 && s.is_any(w - 1, &["who", "that"]) {
        let led = (w >= 4 && s.is_any(w - 3, &["of"]))
            .then(|| match st.place_at(s, w - 2) {
                PlaceHit::Place(place, last) if place.is_country && last + 2 == w => place.country,
                _ => None,
            })
            .flatten();
        let before = if led.is_some() { w - 4 } else { w - 2 };
        if let Some(r) = s
            .ref_at(before)
            .filter(|r| r.kind == RefKind::Person && r.last == before)
        {
            let mut person = st.person(s, r);
            // "Issoufou of Niger": the country led is the person's.
            person.country = person.country.or(led);
            return Some(with_delegation(s, r.first, person));
        }
    }
    let stop = i.saturating_sub(24);
    let mut k = i;
    while k > stop {
        k -= 1;
        let t = &s.tokens[k];
        // "X said that …": what follows "that" has its own subject.
        // A dot inside a sentence ends an abbreviation ("will leave Feb. 1, arriving
        // in Y"), not the clause.
        let abbreviation = t.is(".")
            && k > 0
            && s.tokens[k - 1].capitalised()
            && s.tokens[k - 1].lower.chars().count() <= 4;
        if t.is_any(&[";", ":", "“", "”", "\"", ".", "that"]) && !abbreviation {
            return None;
        }
        // Skip a relative clause: "X, who accompanied W, met …" is about X.
        if t.is(",") {
            let opening = (stop..k)
                .rev()
                .take_while(|&j| !s.is_any(j, &[";", ":", "."]))
                .find(|&j| s.is_any(j, &[","]));
            if let Some(j) = opening.filter(|&j| s.is_any(j + 1, &["who", "which", "whose"])) {
                k = j;
                continue;
            }
        }
        if let Some(r) = s.ref_at(k) {
            if r.kind == RefKind::Person && st.is_subject(s, r) {
                return Some(with_delegation(s, r.first, st.person(s, r)));
            }
            if r.kind == RefKind::Person
                && s.is_any(title_start(s, r.first).wrapping_sub(1), &["by"])
            {
                // "a delegation led by X"
                let p = with_delegation(s, r.first, st.person(s, r));
                if p.delegation {
                    return Some(p);
                }
            }
            k = r.first;
            continue;
        }
        if t.is_any(&["his", "her"]) {
            continue;
        }
        if let Some((p, _)) = st.anaphor_at(s, k) {
            return Some(p);
        }
        // "They met in Y": one of the pair here; the driver adds the other.
        if let Some(([first, _], _)) = st.plural_at(s, k) {
            return Some(first);
        }
    }
    None
}

/// "X called for calm, which would ease tensions, during a visit to Y": a trip after
/// "during" in the predicate belongs to the sentence's subject however far back it is,
/// when it is the first person named and nobody else is named between them.
pub(super) fn sentence_subject(s: &Sentence, st: &DocState, i: usize) -> Option<Person> {
    let mut people = s
        .refs
        .iter()
        .filter(|r| r.kind == RefKind::Person && r.last < i);
    let subject = people.next().filter(|r| st.is_subject(s, r))?;
    let quoted = (subject.last..i).any(|k| s.is_any(k, &[";", ":", "“", "”", "\""]));
    if people.next().is_some() || quoted {
        return None;
    }
    Some(with_delegation(s, subject.first, st.person(s, subject)))
}

/// "Arriving in Moscow, X said" / "During a visit to Oslo, X met": the subject after the comma.
pub(super) fn subject_after_comma(s: &Sentence, st: &DocState, i: usize) -> Option<Person> {
    // Only when the trigger opens the sentence's first clause, as a participle
    // ("Arriving in Y, X …") or after a preposition ("During a visit to Y, X …");
    // "A visit to Y is always a pleasure, X said" is no one's trip.
    // An opening phrase of time may come first: "On Wednesday, before heading on to Y, X …".
    let last_comma = (0..i).rev().find(|&k| s.is_any(k, &[",", ";"]));
    if (0..i).any(|k| s.ref_at(k).is_some())
        || last_comma.is_some_and(|c| !s.is_any(c + 1, &["before", "after", "while", "upon"]))
    {
        return None;
    }
    const OPENERS: &[&str] = &[
        "during",
        "on",
        "after",
        "upon",
        "following",
        "while",
        "in",
        "at",
        "before",
    ];
    if i > 0 && !(0..i).any(|k| s.is_any(k, OPENERS)) {
        return None;
    }
    let comma = (i..s.tokens.len()).find(|&k| s.is_any(k, &[","]))?;
    let k = comma + 1;
    // The clause's subject: a name right after a comma, perhaps behind its title;
    // the opening phrase may hold an aside ("During her trip, to Y last month, X …").
    let commas = (i..s.tokens.len()).filter(|&j| s.is_any(j, &[","])).take(3);
    let named = commas
        .filter_map(|comma| {
            s.refs
                .iter()
                .find(|r| r.first > comma && r.kind == RefKind::Person)
                .filter(|r| title_start(s, r.first) <= comma + 2)
        })
        .next();
    if let Some(r) = named {
        return Some(st.person(s, r));
    }
    let last = (k..(k + 7).min(s.tokens.len())).find(|&j| st.anaphor_at(s, j).is_some())?;
    st.anaphor_at(s, last).map(|(p, _)| p)
}

/// "X's visit", "his second visit": the possessor before a trip noun.
pub(super) fn possessor_before(s: &Sentence, st: &DocState, i: usize) -> Option<Person> {
    let mut k = i;
    for _ in 0..4 {
        k = k.checked_sub(1)?;
        let t = &s.tokens[k];
        if let Some(r) = s.ref_at(k) {
            return (r.kind == RefKind::Person && t.possessive).then(|| st.person(s, r));
        }
        if t.is_any(&["his", "her"]) || t.possessive {
            // "his visit", "the Iranian foreign minister's visit"
            return st.anaphor_at(s, k).map(|(p, _)| p);
        }
        if !(t.is_any(TRIP_MODIFIERS) || t.lower.ends_with("-day")) {
            return None;
        }
    }
    None
}

/// The person named from token `k` on, after any title ("Iranian Foreign Minister X").
pub(super) fn person_after(s: &Sentence, st: &DocState, k: usize) -> Option<(Person, usize)> {
    let r = s
        .refs
        .iter()
        .find(|r| r.first >= k && r.kind == RefKind::Person)?;
    let start = title_start(s, r.first);
    let lead = if s.is_any(start.wrapping_sub(1), &["the", "visiting", "his", "her"]) {
        start - 1
    } else {
        start
    };
    // "her counterpart from Ecuador, Guillermo Lasso": a title, then the name in apposition.
    let apposition = start > k + 1
        && s.is_any(start - 1, &[","])
        && (k..start - 1).any(|j| is_person_head(&s.tokens[j].lower))
        && (k..start - 1).all(|j| {
            let t = &s.tokens[j];
            t.word
                && (t.capitalised()
                    || is_person_head(&t.lower)
                    || t.is_any(&["the", "his", "her", "their", "of", "from"]))
        });
    (lead <= k || start <= k || apposition)
        .then(|| (with_delegation(s, r.first, st.person(s, r)), r.last))
}

/// Marks a person as leading a delegation when the text says "delegation led/headed by X".
pub(super) fn with_delegation(s: &Sentence, first: usize, mut person: Person) -> Person {
    let start = title_start(s, first);
    if start >= 3 && s.is_any(start - 1, &["by"]) && s.is_any(start - 2, &["led", "headed"]) {
        let d = (start.saturating_sub(6)..start - 2)
            .rev()
            .find(|&k| s.is_any(k, &["delegation"]));
        if let Some(d) = d {
            person.delegation = true;
            if person.country.is_none() {
                person.country = (d.saturating_sub(3)..d)
                    .find_map(|k| super::lexicon::country_of_demonym(s.word(k)))
                    .map(|c| c.name.to_string());
            }
        }
    }
    person
}

/// A foreign place introduced by "in" anywhere in the sentence ("said in Moscow").
pub(super) fn place_in_sentence(s: &Sentence, st: &DocState, traveler: &Person) -> Option<Place> {
    (0..s.tokens.len())
        .filter(|&k| s.is_any(k, &["in", "at"]))
        .find_map(|k| city_abroad_at(s, st, k + 1, traveler))
}

/// The city named from token `k` on, when it lies abroad for `traveler`.
pub(super) fn city_abroad_at(
    s: &Sentence,
    st: &DocState,
    k: usize,
    traveler: &Person,
) -> Option<Place> {
    match st.place_at(s, k) {
        PlaceHit::Place(p, _)
            if !p.is_country && p.country.is_some() && p.country != traveler.country =>
        {
            Some(p)
        }
        _ => None,
    }
}

/// "(at|upon|on) the invitation of W", "invited by W".
pub(super) fn inviter_in(s: &Sentence, st: &DocState) -> Option<String> {
    let k = (0..s.tokens.len()).find(|&k| {
        (s.is_any(k, &["invitation"]) && s.is_any(k + 1, &["of", "from"]))
            || (s.is_any(k, &["invited"]) && s.is_any(k + 1, &["by"]))
    })? + 2;
    if let Some((p, _)) = person_after(s, st, k) {
        return Some(p.name);
    }
    let mut k = k;
    if s.is_any(k, &["the", "his", "her"]) {
        k += 1;
    }
    if let Some(r) = s.ref_starting(k) {
        return Some(st.entities[r.entity as usize].name.to_string());
    }
    // An unnamed inviter: the phrase up to the next punctuation ("his Russian counterpart").
    let end = (k..s.tokens.len().min(k + 10))
        .take_while(|&j| s.tokens[j].word)
        .last()?;
    Some(text_of(
        s,
        k.saturating_sub(usize::from(s.is_any(k - 1, &["his", "her", "the"]))),
        end,
    ))
}
