//! Hand-written general English lexicons the rules consult: titles and ranks,
//! honorifics, organisation words, connectors, speech verbs, and the words that
//! are never names (months, weekdays, pronouns, page furniture).
//!
//! Invariant: every list is general vocabulary, never a corpus's people or places;
//! every word is stored lower-case and looked up with a lower-cased key.

/// Offices that make a phrase a role: "Deputy Foreign **Minister**", "**director** of …".
const TITLE_HEADS: &[&str] = &[
    "adviser",
    "advisor",
    "ambassador",
    "archbishop",
    "assistant",
    "attache",
    "bishop",
    "candidate",
    "cardinal",
    "ceo",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "chief",
    "coach",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "consul",
    "coordinator",
    "counsellor",
    "counselor",
    "counterpart",
    "dean",
    "delegate",
    "deputy",
    "diplomat",
    "director",
    "editor",
    "emir",
    "emperor",
    "envoy",
    "executive",
    "fm",
    "founder",
    "governor",
    "head",
    "inspector",
    "judge",
    "king",
    "lawmaker",
    "leader",
    "manager",
    "mayor",
    "minister",
    "mp",
    "negotiator",
    "nominee",
    "official",
    "ombudsman",
    "patriarch",
    "pm",
    "pope",
    "premier",
    "president",
    "prince",
    "princess",
    "prosecutor",
    "queen",
    "rapporteur",
    "rector",
    "representative",
    "secretary",
    "senator",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sultan",
    "treasurer",
    "undersecretary",
];

/// Words that qualify an office inside a role: "**Deputy Foreign** Minister", "**Special** Envoy".
const TITLE_MODIFIERS: &[&str] = &[
    "acting",
    "affairs",
    "armed",
    "associate",
    "cabinet",
    "defence",
    "defense",
    "economy",
    "education",
    "energy",
    "finance",
    "first",
    "forces",
    "foreign",
    "former",
    "general",
    "grand",
    "health",
    "high",
    "intelligence",
    "interior",
    "joint",
    "justice",
    "national",
    "oil",
    "parliamentary",
    "permanent",
    "political",
    "presidential",
    "prime",
    "principal",
    "senior",
    "special",
    "staff",
    "state",
    "supreme",
    "top",
    "trade",
    "vice",
];

/// Lower-case plural nouns that end the subject of an office: "Department on Asian **countries**".
const OFFICE_OBJECTS: &[&str] = &[
    "countries",
    "issues",
    "matters",
    "programmes",
    "programs",
    "questions",
    "relations",
];

/// Military and police ranks, kept as a separate role: "Lieutenant General".
const RANKS: &[&str] = &[
    "admiral",
    "brigadier",
    "captain",
    "colonel",
    "commodore",
    "corporal",
    "general",
    "lieutenant",
    "major",
    "marshal",
    "sergeant",
];

/// Forms of address that precede a name but are not part of it, nor an office.
const HONORIFICS: &[&str] = &[
    "ayatollah",
    "dame",
    "dr",
    "excellency",
    "father",
    "haj",
    "haji",
    "hajj",
    "highness",
    "hojatoleslam",
    "hon",
    "honorable",
    "honourable",
    "imam",
    "lady",
    "lord",
    "madam",
    "madame",
    "majesty",
    "maulana",
    "miss",
    "mr",
    "mrs",
    "ms",
    "mufti",
    "mullah",
    "prof",
    "professor",
    "rabbi",
    "rev",
    "reverend",
    "sayed",
    "sayyed",
    "sayyid",
    "seyed",
    "seyyed",
    "shaykh",
    "sheik",
    "sheikh",
    "sir",
    "syed",
];

/// Head words of organisation names: "Russian **Institute** for Strategic Studies".
const ORG_HEADS: &[&str] = &[
    "academy",
    "administration",
    "agency",
    "airlines",
    "airways",
    "alliance",
    "army",
    "assembly",
    "association",
    "authority",
    "bank",
    "board",
    "brigade",
    "brigades",
    "bureau",
    "cabinet",
    "center",
    "centre",
    "church",
    "club",
    "coalition",
    "college",
    "commission",
    "committee",
    "communications",
    "company",
    "conference",
    "congress",
    "consulate",
    "corp",
    "corporation",
    "corps",
    "council",
    "court",
    "department",
    "duma",
    "electronics",
    "embassy",
    "exchange",
    "fc",
    "federation",
    "force",
    "forces",
    "forum",
    "foundation",
    "front",
    "fund",
    "group",
    "guard",
    "holdings",
    "inc",
    "industries",
    "institute",
    "knesset",
    "league",
    "ltd",
    "majlis",
    "media",
    "militia",
    "ministry",
    "motors",
    "movement",
    "navy",
    "network",
    "news",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "petroleum",
    "pharmaceuticals",
    "plc",
    "police",
    "press",
    "radio",
    "school",
    "secretariat",
    "senate",
    "service",
    "society",
    "systems",
    "technologies",
    "tv",
    "union",
    "university",
];

/// Words that may end an organisation name after a connector: "… for Strategic **Studies**".
const ORG_TAILS: &[&str] = &[
    "affairs",
    "cooperation",
    "development",
    "research",
    "sciences",
    "security",
    "studies",
    "technology",
];

/// Last words of the names of streets, squares, venues and other facilities: "Tiananmen **Square**".
const FACILITIES: &[&str] = &[
    "airbase",
    "airport",
    "avenue",
    "boulevard",
    "bridge",
    "canal",
    "course",
    "highway",
    "hospital",
    "hotel",
    "lane",
    "palace",
    "park",
    "road",
    "square",
    "stadium",
    "street",
    "tower",
];

/// Organisations news names without any head word: news agencies, international
/// bodies and the seats of government that stand for a government ("the Kremlin
/// said"). Gazetteer keys (folded, dots dropped), one to three words, sorted.
#[rustfmt::skip]
const KNOWN_ORGS: &[&str] = &[
    "afp", "african union", "agence france presse", "amnesty international", "anadolu", "ani",
    "ansa", "antara", "ap", "apec", "arab league", "asean", "associated press", "bernama", "brics",
    "dpa", "efe", "eu", "european union", "fars", "g20", "g7", "g8", "hamas", "hezbollah",
    "human rights watch", "iaea", "ians", "icc", "imf", "ina", "interfax", "interpol", "irna",
    "isna", "itar tass", "kcna", "kremlin", "kuna", "kyodo", "mehr", "nato", "opec", "osce",
    "pentagon", "pti", "qna", "quad", "red cross", "reuters", "ria novosti", "sana", "sco", "spa",
    "sputnik", "taliban", "tasnim", "tass", "un", "united nations", "wam", "white house",
    "world bank", "xinhua", "yonhap",
];

/// The known organisation whose key is `key` (see [`KNOWN_ORGS`]).
pub(crate) fn is_known_org(key: &str) -> bool {
    has(KNOWN_ORGS, key)
}

/// Lower-case words that introduce an organisation by its name: "news agency AZERTAC".
const ORG_CUES: &[&str] = &[
    "agency",
    "airline",
    "bank",
    "broadcaster",
    "carrier",
    "channel",
    "club",
    "company",
    "daily",
    "firm",
    "group",
    "insurer",
    "magazine",
    "maker",
    "manufacturer",
    "newspaper",
    "outlet",
    "party",
    "producer",
    "team",
    "website",
    "weekly",
];

/// Lower-case words that may join the words of one name: "Ministry **of** Defense", "Osama **bin** …".
const CONNECTORS: &[&str] = &["and", "for", "in", "of", "on", "the", "to"];

/// Lower-case particles inside personal names: "Abd **al** …", "Ludwig **van** …".
const NAME_PARTICLES: &[&str] = &[
    "abu", "al", "bin", "bint", "da", "de", "del", "della", "den", "der", "di", "du", "el", "ibn",
    "la", "le", "van", "von",
];

/// Verbs of saying that precede the speaker's name: "…, **said** X".
const SPEECH_VERBS_BEFORE: &[&str] = &["added", "said", "says", "wrote"];

/// Verbs of saying and meeting that follow a person's name: "X **said**".
const SPEECH_VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "admitted",
    "announced",
    "argued",
    "asked",
    "believes",
    "commented",
    "concluded",
    "confirmed",
    "criticised",
    "criticized",
    "declared",
    "denied",
    "emphasised",
    "emphasized",
    "explained",
    "highlighted",
    "insisted",
    "met",
    "noted",
    "praised",
    "recalled",
    "reiterated",
    "remarked",
    "replied",
    "said",
    "says",
    "stated",
    "stressed",
    "thinks",
    "told",
    "underlined",
    "urged",
    "warned",
    "wrote",
];

/// Lower-case nouns of settlements and areas: "the **town** of X".
const SETTLEMENTS: &[&str] = &[
    "capital", "city", "district", "port", "province", "region", "state", "town", "village",
];

/// Last words of the names of events, which are neither organisations nor places:
/// "World **Cup**", "Labour **Day**", "Caspian **Summit**", "Venice Film **Festival**".
const EVENT_HEADS: &[&str] = &[
    "award",
    "awards",
    "bowl",
    "championship",
    "championships",
    "classic",
    "cup",
    "day",
    "festival",
    "games",
    "marathon",
    "olympics",
    "open",
    "prix",
    "revolution",
    "series",
    "summit",
    "tournament",
    "trophy",
    "war",
];

/// Prepositions that put a following name in a place: "talks **in** Vienna".
const PLACE_PREPOSITIONS: &[&str] = &[
    "at", "from", "in", "into", "near", "to", "toward", "towards",
];

/// Capitalised words that are never (part of) a name: dates, pronouns, determiners,
/// prepositions and conjunctions (which headlines capitalise: "TAKES LEAD IN …").
/// "May" is handled apart: a month, or a surname after a given name.
const NEVER_NAMES: &[&str] = &[
    "a",
    "about",
    "after",
    "against",
    "an",
    "and",
    "apr",
    "april",
    "as",
    "at",
    "aug",
    "august",
    "before",
    "but",
    "by",
    "dec",
    "december",
    "during",
    "feb",
    "february",
    "for",
    "fri",
    "friday",
    "from",
    "he",
    "her",
    "hers",
    "him",
    "his",
    "i",
    "if",
    "in",
    "into",
    "it",
    "its",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "mar",
    "march",
    "me",
    "mon",
    "monday",
    "my",
    "nov",
    "november",
    "oct",
    "october",
    "of",
    "off",
    "on",
    "or",
    "our",
    "over",
    "sat",
    "saturday",
    "sept",
    "september",
    "she",
    "since",
    "sun",
    "sunday",
    "than",
    "that",
    "the",
    "their",
    "these",
    "they",
    "this",
    "those",
    "thu",
    "thursday",
    "to",
    "tue",
    "tuesday",
    "under",
    "until",
    "upon",
    "we",
    "wed",
    "wednesday",
    "when",
    "where",
    "while",
    "with",
    "without",
    "you",
    "your",
];

/// Adjectives and nouns of nationality, religion or region that name no country:
/// like demonyms they qualify names but are not entities ("Kurdish", "Muslims").
const AFFILIATIONS: &[&str] = &[
    "african",
    "arab",
    "arabic",
    "asian",
    "balkan",
    "basque",
    "buddhist",
    "catholic",
    "caucasian",
    "celtic",
    "chechen",
    "christian",
    "eastern",
    "english",
    "eurasian",
    "european",
    "hindu",
    "hispanic",
    "islamic",
    "jew",
    "jewish",
    "kurd",
    "kurdish",
    "latin",
    "moslem",
    "muslim",
    "nordic",
    "orthodox",
    "persian",
    "protestant",
    "scandinavian",
    "scottish",
    "shia",
    "shiite",
    "sikh",
    "slavic",
    "soviet",
    "sunni",
    "tamil",
    "welsh",
    "western",
    "zionist",
];

/// Page furniture: a name-like run holding one of these is a button or caption, not a name.
const FURNITURE: &[&str] = &[
    "advertisement",
    "caption",
    "click",
    "comment",
    "comments",
    "copyright",
    "credit",
    "credits",
    "latest",
    "login",
    "navigation",
    "newsletter",
    "posts",
    "print",
    "related",
    "replies",
    "reply",
    "share",
    "subscribe",
    "tags",
];

fn has(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

/// An office word: "minister", "director", "spokesman".
pub(crate) fn is_title_head(lower: &str) -> bool {
    has(TITLE_HEADS, lower)
}

/// Any word that belongs to a role rather than a name: office, modifier, rank or honorific.
pub(crate) fn is_title_word(lower: &str) -> bool {
    is_title_head(lower) || has(TITLE_MODIFIERS, lower) || is_rank(lower) || is_honorific(lower)
}

/// A lower-case plural noun that may end the subject of an office ("… on Asian countries").
pub(crate) fn is_office_object(lower: &str) -> bool {
    has(OFFICE_OBJECTS, lower)
}

/// A military or police rank.
pub(crate) fn is_rank(lower: &str) -> bool {
    has(RANKS, lower)
}

/// A form of address: "Mr", "Ayatollah", "Sheikh".
pub(crate) fn is_honorific(lower: &str) -> bool {
    has(HONORIFICS, lower.trim_end_matches('.'))
}

/// A head word of organisation names.
pub(crate) fn is_org_head(lower: &str) -> bool {
    has(ORG_HEADS, lower)
}

/// A word that may close an organisation name after a connector.
pub(crate) fn is_org_tail(lower: &str) -> bool {
    has(ORG_TAILS, lower) || is_org_head(lower)
}

/// A word that ends the name of a facility or street.
pub(crate) fn is_facility(lower: &str) -> bool {
    has(FACILITIES, lower)
}

/// A lower-case noun that introduces an organisation's name.
pub(crate) fn is_org_cue(lower: &str) -> bool {
    has(ORG_CUES, lower)
}

/// A lower-case word that may join two parts of one name.
pub(crate) fn is_connector(lower: &str) -> bool {
    has(CONNECTORS, lower)
}

/// A lower-case particle inside a personal name.
pub(crate) fn is_name_particle(lower: &str) -> bool {
    has(NAME_PARTICLES, lower)
}

/// A verb of saying or meeting that follows its subject.
pub(crate) fn is_speech_verb(lower: &str) -> bool {
    has(SPEECH_VERBS, lower)
}

/// A verb of saying that may precede the speaker ("…, said X").
pub(crate) fn is_speech_verb_before(lower: &str) -> bool {
    has(SPEECH_VERBS_BEFORE, lower)
}

/// A noun of settlement or area ("town", "province").
pub(crate) fn is_settlement(lower: &str) -> bool {
    has(SETTLEMENTS, lower)
}

/// The last word of an event's name ("Cup", "Summit").
pub(crate) fn is_event_head(lower: &str) -> bool {
    has(EVENT_HEADS, lower)
}

/// A preposition of place.
pub(crate) fn is_place_preposition(lower: &str) -> bool {
    has(PLACE_PREPOSITIONS, lower)
}

/// A word that is never part of a name, however it is capitalised.
pub(crate) fn is_never_name(lower: &str) -> bool {
    has(NEVER_NAMES, lower.trim_end_matches('.'))
}

/// A pronoun or verb with a clitic, as written (apostrophe kept): "I've", "We're",
/// "They'll", "Don't".
pub(crate) fn is_contraction(raw: &str) -> bool {
    raw.rsplit_once(['\'', '’']).is_some_and(|(_, clitic)| {
        matches!(
            clitic.to_ascii_lowercase().as_str(),
            "ve" | "m" | "re" | "ll" | "d" | "t"
        )
    })
}

/// A nationality, religion or region word that names no country ("Kurdish", "Islamic").
pub(crate) fn is_affiliation(lower: &str) -> bool {
    has(AFFILIATIONS, lower)
}

/// A word of page furniture ("Leave a Comment", "Photo Credit").
pub(crate) fn is_furniture(lower: &str) -> bool {
    has(FURNITURE, lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list must stay sorted and lower-case, or `binary_search` silently misses words.
    fn check(name: &str, list: &[&str]) {
        for pair in list.windows(2) {
            assert!(pair[0] < pair[1], "{name}: {:?} is out of order", pair);
        }
        for word in list {
            assert_eq!(
                *word,
                word.to_lowercase(),
                "{name}: {word} is not lower-case"
            );
        }
    }

    #[test]
    fn lists_are_sorted_and_lower_case() {
        check("TITLE_HEADS", TITLE_HEADS);
        check("TITLE_MODIFIERS", TITLE_MODIFIERS);
        check("RANKS", RANKS);
        check("OFFICE_OBJECTS", OFFICE_OBJECTS);
        check("HONORIFICS", HONORIFICS);
        check("ORG_HEADS", ORG_HEADS);
        check("ORG_TAILS", ORG_TAILS);
        check("ORG_CUES", ORG_CUES);
        check("FACILITIES", FACILITIES);
        check("KNOWN_ORGS", KNOWN_ORGS);
        check("CONNECTORS", CONNECTORS);
        check("NAME_PARTICLES", NAME_PARTICLES);
        check("SPEECH_VERBS", SPEECH_VERBS);
        check("SPEECH_VERBS_BEFORE", SPEECH_VERBS_BEFORE);
        check("EVENT_HEADS", EVENT_HEADS);
        check("PLACE_PREPOSITIONS", PLACE_PREPOSITIONS);
        check("SETTLEMENTS", SETTLEMENTS);
        check("NEVER_NAMES", NEVER_NAMES);
        check("AFFILIATIONS", AFFILIATIONS);
        check("FURNITURE", FURNITURE);
    }

    #[test]
    fn lookups() {
        assert!(is_title_word("deputy") && is_title_head("minister") && !is_title_head("foreign"));
        assert!(is_honorific("dr.") && is_rank("colonel") && is_org_head("ministry"));
        assert!(is_never_name("wednesday") && is_furniture("comment") && !is_never_name("tehran"));
    }
}
