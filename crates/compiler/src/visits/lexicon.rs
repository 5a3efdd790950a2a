//! The lexicons of the visit rules: general world knowledge, never names from any corpus.
//!
//! Countries, demonyms, capitals, cities and regions come from the entity
//! extractor's gazetteer (`entities::gazetteer`, built from world-countries and
//! GeoNames), so both extractors agree on every place; this module adds only what
//! is visit-specific: venues, compass directions, and the words for officials,
//! private travelers and seats of government.
//!
//! Invariant: every lookup takes a lower-case phrase.

use crate::entities::gazetteer::{Gazetteer, PlaceId};
use crate::entities::keys;

/// One country as the visit rules see it: its gazetteer name and capital.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    /// English short name, as the gazetteer (world-countries) gives it.
    pub name: &'static str,
    /// The capital city, when the data names one.
    pub capital: Option<&'static str>,
}

/// Cities smaller than this are not taken for a visit's destination by name alone:
/// thousands of small towns share a name with a person or a word ("Pushkin", "Of").
const MIN_CITY_POPULATION: u64 = 100_000;

/// Compass words a trip can head for that name no country: "a tour of the West".
static DIRECTIONS: &[&str] = &["west", "east", "eurasia", "west asia"];

/// The gazetteer key of a lower-case phrase, without a leading "the" ("the uae" → "uae").
fn key(lower: &str) -> String {
    keys::lookup_key(lower.strip_prefix("the ").unwrap_or(lower))
}

fn country_record(id: PlaceId) -> Country {
    let gazetteer = Gazetteer::get();
    Country {
        name: &gazetteer.places[id as usize].name,
        capital: gazetteer.capital(id),
    }
}

/// The country of a country name or alias (lower case), if it is one.
pub fn country_named(lower: &str) -> Option<Country> {
    Gazetteer::get().country(&key(lower)).map(country_record)
}

/// The country of a nationality adjective (lower case), if it is one.
pub fn country_of_demonym(lower: &str) -> Option<Country> {
    Gazetteer::get().demonym(&key(lower)).map(country_record)
}

/// The country record of a canonical (or alias) country name, any case.
pub fn country(name: &str) -> Option<Country> {
    country_named(&name.to_lowercase())
}

/// The country of a known city (a capital or a city of 100,000 people or more), lower case.
pub fn country_of_city(lower: &str) -> Option<&'static str> {
    let gazetteer = Gazetteer::get();
    gazetteer
        .country_of_city(&key(lower), MIN_CITY_POPULATION)
        .map(|id| gazetteer.places[id as usize].name.as_str())
}

/// Whether the phrase (lower case) names a world region rather than a country, a part of
/// one (Crimea, New York) or a city.
pub fn is_region(lower: &str) -> bool {
    let bare = lower.strip_prefix("the ").unwrap_or(lower);
    DIRECTIONS.contains(&bare) || Gazetteer::get().is_world_region(&key(lower))
}

/// Whether the phrase (lower case) names a part of one country that is no city ("England",
/// "Crimea"): in sports news England is a team, so a trip there needs a traveler from elsewhere.
pub fn is_country_part(lower: &str) -> bool {
    Gazetteer::get().is_country_part(&key(lower))
}

/// Named seats of government that stand for a city.
static VENUES: &[(&str, &str, &str)] = &[
    ("kremlin", "Moscow", "Russia"),
    ("novo-ogaryovo", "Moscow", "Russia"),
    ("bocharov ruchei", "Sochi", "Russia"),
    ("konstantinovsky palace", "Saint Petersburg", "Russia"),
    ("white house", "Washington", "United States"),
    ("elysee palace", "Paris", "France"),
    ("élysée palace", "Paris", "France"),
    ("elysee", "Paris", "France"),
    ("élysée", "Paris", "France"),
    ("quai d'orsay", "Paris", "France"),
    ("downing street", "London", "United Kingdom"),
    ("zhongnanhai", "Beijing", "China"),
    ("great hall of the people", "Beijing", "China"),
    ("saadabad palace", "Tehran", "Iran"),
    ("sa'dabad palace", "Tehran", "Iran"),
    ("sadabad palace", "Tehran", "Iran"),
    ("blue house", "Seoul", "South Korea"),
    ("rashtrapati bhavan", "New Delhi", "India"),
    ("hyderabad house", "New Delhi", "India"),
    ("bellevue palace", "Berlin", "Germany"),
    ("quirinal palace", "Rome", "Italy"),
    ("palazzo chigi", "Rome", "Italy"),
    ("baabda palace", "Beirut", "Lebanon"),
    ("akorda", "Astana", "Kazakhstan"),
];

/// The city and country of a named seat of government (lower case, without "the").
pub fn venue(lower: &str) -> Option<(&'static str, &'static str)> {
    VENUES
        .iter()
        .find(|(v, _, _)| *v == lower)
        .map(|(_, city, country)| (*city, *country))
}

/// Words besides the entity extractor's office words that make a definite description
/// of an official ("the visiting dignitary", "the Iranian general") or begin one ("foreign").
static VISIT_PERSON_HEADS: &[&str] = &["dignitary", "general", "foreign"];

/// Whether a lower-case word heads an official's title ("minister", "envoy"), for definite
/// descriptions such as "the Iranian diplomat" and for telling people from places.
pub fn is_person_head(lower: &str) -> bool {
    crate::entities::lexicon::is_title_head(lower) || VISIT_PERSON_HEADS.contains(&lower)
}

/// Occupations of people who travel without representing a state.
pub static PRIVATE_ROLES: &[&str] = &[
    "athlete",
    "wrestler",
    "player",
    "coach",
    "footballer",
    "singer",
    "actor",
    "actress",
    "artist",
    "tourist",
    "student",
    "journalist",
    "reporter",
    "businessman",
    "businesswoman",
    "scientist",
    "writer",
    "champion",
];

/// Words that mark a seat of government: "the Russian Foreign Ministry", "the presidential palace".
pub static GOVERNMENT_SEATS: &[&str] = &[
    "ministry",
    "palace",
    "parliament",
    "duma",
    "majlis",
    "government",
    "administration",
    "headquarters",
    "chancellery",
];

/// The capital of a country given by canonical name.
pub fn capital_of(country_name: &str) -> Option<&'static str> {
    country(country_name).and_then(|c| c.capital)
}

/// Whether a role is the head of an international body ("United Nations Secretary
/// General", "Director-General of the WHO"): its holder has no country to be at home
/// in, so attending a meeting anywhere is a trip.
pub fn is_international_office(role: &str) -> bool {
    let role = role.to_lowercase().replace('-', " ");
    ["secretary general", "director general"]
        .iter()
        .any(|office| role.contains(office))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `kind:phrase` → expected answer rendered as text, or `-` for none.
    fn check(query: &str, expect: &str) {
        let (kind, phrase) = query.split_once(':').unwrap();
        let got = match kind {
            "country" => country_named(phrase).map(|c| c.name.to_string()),
            "demonym" => country_of_demonym(phrase).map(|c| c.name.to_string()),
            "city" => country_of_city(phrase).map(str::to_string),
            "region" => is_region(phrase).then(|| "region".to_string()),
            "venue" => venue(phrase).map(|(city, country)| format!("{city}, {country}")),
            "capital" => capital_of(phrase).map(str::to_string),
            _ => unreachable!("unknown lookup kind {kind}"),
        };
        assert_eq!(got.as_deref().unwrap_or("-"), expect, "{query}");
    }

    #[test]
    fn lookups() {
        check("country:russian federation", "Russia");
        check("country:uae", "United Arab Emirates");
        check("country:moscow", "-");
        check("demonym:iranian", "Iran");
        check("demonym:azeri", "Azerbaijan");
        check("demonym:moscow", "-");
        check("city:tehran", "Iran");
        check("city:sochi", "Russia");
        check("city:atlantis", "-");
        check("region:europe", "region");
        check("region:france", "-");
        check("venue:kremlin", "Moscow, Russia");
        check("capital:Russia", "Moscow");
        check("capital:Narnia", "-");
        check("capital:Iran", "Tehran");
        check("country:the uae", "United Arab Emirates");
        check("country:u.s", "United States");
        check("demonym:french", "France");
        check("demonym:persian", "Iran");
        check("city:washington", "United States");
        check("city:isfahan", "Iran");
        // Small towns named like people or words are no destination by name alone.
        check("city:pushkin", "-");
        check("city:of", "-");
        check("region:the west", "region");
        check("region:middle east", "region");
    }
}
