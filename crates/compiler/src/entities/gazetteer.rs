//! The gazetteer: countries (with demonyms and capitals), regions and GeoNames cities with
//! coordinates, plus the given-name and common-word lexicons, all parsed once
//! from the files in `crates/compiler/data/` (see its README for sources and licences).
//!
//! Invariant: every place has coordinates; every place but a multi-country region
//! has a country. Lookups take keys made by [`keys::lookup_key`].

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::keys;

const COUNTRIES: &str = include_str!("../../data/countries.tsv");
const REGIONS: &str = include_str!("../../data/regions.tsv");
const CITIES: &str = include_str!("../../data/cities.tsv");
const CITY_VARIANTS: &str = include_str!("../../data/city_variants.tsv");
const GIVEN_NAMES: &str = include_str!("../../data/given_names.tsv");
const COMMON_WORDS: &str = include_str!("../../data/common_words.txt");

/// Frequency rank below which a word is "very common" (see [`Gazetteer::is_very_common_word`]).
const VERY_COMMON_RANK: u32 = 1_000;

/// Index of a place in [`Gazetteer::places`].
pub(crate) type PlaceId = u32;

/// What sort of place a gazetteer entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum PlaceKind {
    /// A sovereign country or territory with an ISO code.
    Country,
    /// A continent, sea, region or constituent part.
    Region,
    /// A GeoNames populated place.
    City,
}

/// One place.
#[derive(Clone, Debug)]
pub(crate) struct Place {
    /// English name.
    pub name: String,
    /// Country, region or city.
    pub kind: PlaceKind,
    /// The country it lies in (itself for a country), when there is one.
    pub country: Option<PlaceId>,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Inhabitants (0 when unknown), to rank same-named cities.
    pub population: u64,
}

/// All lexicons that come from data files.
pub(crate) struct Gazetteer {
    /// Every place; ids index this.
    pub places: Vec<Place>,
    /// Lookup key → places with that name or alias, countries and regions first,
    /// then cities by falling population.
    by_key: HashMap<String, Vec<PlaceId>>,
    /// Lookup key of a nationality adjective ("iranian") → its country.
    demonyms: HashMap<String, PlaceId>,
    /// Country → the name of its capital city.
    capitals: HashMap<PlaceId, String>,
    /// Lookup key of a capital ("tehran") → its country.
    capital_countries: HashMap<String, PlaceId>,
    /// Folded given name → frequency class 1..13.
    given_names: HashMap<String, u8>,
    /// Frequent lower-case English words and their frequency rank (0 = most frequent).
    common_words: HashMap<&'static str, u32>,
    /// Every word-prefix of a multi-word place name ("new" of "new york"),
    /// so n-gram lookups stop as soon as no name can continue.
    prefixes: HashSet<String>,
    /// Keys that are only another spelling of a city (`city_variants.tsv`).
    variants: HashSet<String>,
    /// Longest name, in words.
    pub max_words: usize,
}

/// A data line that does not parse is a bug in the shipped data, caught by the tests.
fn fields(line: &str) -> Option<Vec<&str>> {
    (!line.starts_with('#') && !line.trim().is_empty()).then(|| line.split('\t').collect())
}

fn coordinate(text: &str) -> f64 {
    text.parse().unwrap_or(0.0)
}

impl Gazetteer {
    /// The shared gazetteer, parsed on first use.
    pub fn get() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(Gazetteer::load)
    }

    fn load() -> Gazetteer {
        let mut places = Vec::new();
        let mut names: Vec<(String, PlaceId)> = Vec::new();
        let mut demonyms = HashMap::new();
        let mut capitals = HashMap::new();
        let mut capital_countries = HashMap::new();
        let mut country_by_code = HashMap::new();
        for f in COUNTRIES
            .lines()
            .filter_map(fields)
            .filter(|f| f.len() >= 6)
        {
            let id = places.len() as PlaceId;
            country_by_code.insert(f[0].to_string(), id);
            places.push(Place {
                name: f[1].to_string(),
                kind: PlaceKind::Country,
                country: Some(id),
                lat: coordinate(f[2]),
                lon: coordinate(f[3]),
                population: 0,
            });
            names.push((f[1].to_string(), id));
            for alias in f[4].split('|').filter(|a| !a.is_empty()) {
                names.push((alias.to_string(), id));
            }
            // The first country (by ISO code) keeps a shared adjective: "French" is France's,
            // not the French Southern Lands'.
            for demonym in f[5].split('|').filter(|d| !d.is_empty()) {
                demonyms.entry(keys::lookup_key(demonym)).or_insert(id);
            }
            if let Some(capital) = f.get(6).filter(|c| !c.is_empty()) {
                capital_countries.insert(keys::lookup_key(capital), id);
                capitals.insert(id, capital.to_string());
            }
        }
        // "Democratic Republic of Congo", "Republic of Gambia": news drops the article of
        // an official name; "Saint Vincent" is written "St Vincent" or "St. Vincent".
        let shorter: Vec<(String, PlaceId)> = names
            .iter()
            .flat_map(|(name, id)| {
                let without_the = name
                    .contains(" of the ")
                    .then(|| name.replace(" of the ", " of "));
                let saint = name
                    .starts_with("Saint ")
                    .then(|| name.replacen("Saint ", "St ", 1));
                [without_the, saint]
                    .into_iter()
                    .flatten()
                    .map(move |n| (n, *id))
            })
            .collect();
        names.extend(shorter);
        // Initialisms news text uses for countries, written with or without dots.
        for (short, code) in [("US", "US"), ("USA", "US"), ("UK", "GB"), ("UAE", "AE")] {
            if let Some(&id) = country_by_code.get(code) {
                names.push((short.to_string(), id));
            }
        }
        for f in REGIONS.lines().filter_map(fields).filter(|f| f.len() >= 4) {
            let id = places.len() as PlaceId;
            places.push(Place {
                name: f[0].to_string(),
                kind: PlaceKind::Region,
                country: country_by_code.get(f[1]).copied(),
                lat: coordinate(f[2]),
                lon: coordinate(f[3]),
                population: 0,
            });
            names.push((f[0].to_string(), id));
            for alias in f.get(4).unwrap_or(&"").split('|').filter(|a| !a.is_empty()) {
                names.push((alias.to_string(), id));
            }
        }
        let mut city_by_name: HashMap<(&str, &str), PlaceId> = HashMap::new();
        for f in CITIES.lines().filter_map(fields).filter(|f| f.len() >= 5) {
            let Some(&country) = country_by_code.get(f[1]) else {
                continue;
            };
            let id = places.len() as PlaceId;
            places.push(Place {
                name: f[0].to_string(),
                kind: PlaceKind::City,
                country: Some(country),
                lat: coordinate(f[3]),
                lon: coordinate(f[4]),
                population: f[2].parse().unwrap_or(0),
            });
            names.push((f[0].to_string(), id));
            // The most populous city of a name in a country takes its other spellings.
            city_by_name
                .entry((f[0], f[1]))
                .and_modify(|best: &mut PlaceId| {
                    if places[*best as usize].population < places[id as usize].population {
                        *best = id;
                    }
                })
                .or_insert(id);
        }
        // Other spellings English news uses ("Katmandu", "Jiddah").
        let mut spellings = Vec::new();
        for f in CITY_VARIANTS
            .lines()
            .filter_map(fields)
            .filter(|f| f.len() >= 3)
        {
            if let Some(&id) = city_by_name.get(&(f[1], f[2])) {
                spellings.push((f[0].to_string(), id));
            }
        }
        let main_names: HashSet<String> = names.iter().map(|(n, _)| keys::lookup_key(n)).collect();
        let variants = spellings
            .iter()
            .map(|(n, _)| keys::lookup_key(n))
            .filter(|key| !main_names.contains(key))
            .collect();
        names.extend(spellings);
        let mut by_key: HashMap<String, Vec<PlaceId>> = HashMap::new();
        let mut prefixes = HashSet::new();
        let mut max_words = 1;
        for (name, id) in names {
            let key = keys::lookup_key(&name);
            max_words = max_words.max(key.split(' ').count());
            for (i, c) in key.char_indices() {
                if c == ' ' {
                    prefixes.insert(key[..i].to_string());
                }
            }
            let ids = by_key.entry(key).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        for ids in by_key.values_mut() {
            ids.sort_by_key(|&id| {
                let p = &places[id as usize];
                (p.kind, std::cmp::Reverse(p.population))
            });
        }
        let given_names = GIVEN_NAMES
            .lines()
            .filter_map(fields)
            .filter(|f| f.len() >= 2)
            .map(|f| (keys::fold(f[0]), f[1].parse().unwrap_or(1)))
            .collect();
        let common_words = COMMON_WORDS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .enumerate()
            .map(|(rank, word)| (word, rank as u32))
            .collect();
        Gazetteer {
            places,
            by_key,
            demonyms,
            capitals,
            capital_countries,
            given_names,
            common_words,
            prefixes,
            variants,
            max_words: max_words.min(8),
        }
    }

    /// The place a name denotes: a country or region first; among same-named cities
    /// the most populous one lying in one of `doc_countries` (countries the document
    /// mentions), else the most populous one.
    pub fn resolve(&self, key: &str, doc_countries: &[PlaceId]) -> Option<PlaceId> {
        let ids = self.by_key.get(key)?;
        let first = *ids.first()?;
        if self.places[first as usize].kind != PlaceKind::City {
            return Some(first);
        }
        ids.iter()
            .copied()
            .find(|&id| {
                self.places[id as usize]
                    .country
                    .is_some_and(|c| doc_countries.contains(&c))
            })
            .or(Some(first))
    }

    /// Whether a key names a place only as another spelling of a city ("katmandu"),
    /// which counts only where a place is expected.
    pub fn is_variant(&self, key: &str) -> bool {
        self.variants.contains(key)
    }

    /// Whether some multi-word place name starts with this key's words.
    pub fn is_place_prefix(&self, key: &str) -> bool {
        self.prefixes.contains(key)
    }

    /// Whether any place has this key.
    pub fn is_place(&self, key: &str) -> bool {
        self.by_key.contains_key(key)
    }

    /// The country of a nationality adjective: "Iranian" → Iran.
    pub fn demonym(&self, key: &str) -> Option<PlaceId> {
        self.demonyms.get(key).copied()
    }

    /// The country with this name or alias ("russian federation", "us"), never a city or region.
    pub fn country(&self, key: &str) -> Option<PlaceId> {
        self.by_key
            .get(key)?
            .iter()
            .copied()
            .find(|&id| self.places[id as usize].kind == PlaceKind::Country)
    }

    /// For a key that names a region before anything else, whether it lies in one country.
    fn region_in_one_country(&self, key: &str) -> Option<bool> {
        let place = &self.places[*self.by_key.get(key)?.first()? as usize];
        (place.kind == PlaceKind::Region).then_some(place.country.is_some())
    }

    /// Whether a key names a part of one country that is no city (Crimea, Scotland, New York).
    pub fn is_country_part(&self, key: &str) -> bool {
        self.region_in_one_country(key) == Some(true)
    }

    /// Whether a key names a region that spans several countries ("Europe", "the Middle
    /// East"), rather than a part of one (Crimea, Scotland, New York).
    pub fn is_world_region(&self, key: &str) -> bool {
        self.region_in_one_country(key) == Some(false)
    }

    /// The capital city of a country, as world-countries names it.
    pub fn capital(&self, country: PlaceId) -> Option<&str> {
        self.capitals.get(&country).map(String::as_str)
    }

    /// Where a route from the country named `country` (name or alias) starts on a map: its
    /// capital, else (a capital smaller than GeoNames' 15,000-people cities, or none) the
    /// country's centre, named as the country.
    pub fn capital_point(&self, country: &str) -> Option<&Place> {
        let id = self.country(&keys::lookup_key(country))?;
        let capital = (self.capital(id))
            .and_then(|name| self.by_key.get(&keys::lookup_key(name)))
            .and_then(|ids| {
                (ids.iter().map(|&c| &self.places[c as usize]))
                    .find(|p| p.kind == PlaceKind::City && p.country == Some(id))
            });
        capital.or(Some(&self.places[id as usize]))
    }

    /// The country of a city: of the country whose capital it is, else of the most populous
    /// city of that name with at least `min_population` inhabitants (small towns share names
    /// with people and words: "Pushkin", "Of").
    pub fn country_of_city(&self, key: &str, min_population: u64) -> Option<PlaceId> {
        if let Some(&country) = self.capital_countries.get(key) {
            return Some(country);
        }
        let ids = self.by_key.get(key)?;
        ids.iter()
            .map(|&id| &self.places[id as usize])
            .find(|p| p.kind == PlaceKind::City && p.population >= min_population)
            .and_then(|p| p.country)
    }

    /// The frequency class (1 rare .. 13 very common) of a given name, 0 when unknown.
    pub fn given_name(&self, folded: &str) -> u8 {
        self.given_names.get(folded).copied().unwrap_or(0)
    }

    /// Whether a lower-case word is frequent English.
    pub fn is_common_word(&self, lower: &str) -> bool {
        self.common_words.contains_key(lower)
    }

    /// Whether a lower-case word is among the few thousand most frequent in English
    /// ("more", "all"), which no corpus evidence turns into a name at a sentence start.
    pub fn is_very_common_word(&self, lower: &str) -> bool {
        self.common_words
            .get(lower)
            .is_some_and(|&rank| rank < VERY_COMMON_RANK)
    }

    /// The English name of a place's country.
    pub fn country_name(&self, id: PlaceId) -> Option<&str> {
        let country = self.places[id as usize].country?;
        Some(&self.places[country as usize].name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Resolves `name` with the document mentioning `doc_countries` and compares
    /// "Name, Country" (or `None`).
    fn check(name: &str, doc_countries: &[&str], expect: Option<&str>) {
        let g = Gazetteer::get();
        let countries: Vec<PlaceId> = doc_countries
            .iter()
            .map(|c| g.resolve(&keys::lookup_key(c), &[]).expect(c))
            .collect();
        let got = g.resolve(&keys::lookup_key(name), &countries).map(|id| {
            let p = &g.places[id as usize];
            assert!(p.lat != 0.0 || p.lon != 0.0, "{name} has no coordinates");
            format!("{}, {}", p.name, g.country_name(id).unwrap_or("-"))
        });
        assert_eq!(got.as_deref(), expect, "resolving {name:?}");
    }

    #[test]
    fn places_resolve_with_country_and_coordinates() {
        check("Moscow", &[], Some("Moscow, Russia"));
        check("TEHRAN", &[], Some("Tehran, Iran"));
        check("Islamic Republic of Iran", &[], Some("Iran, Iran"));
        check("U.S.", &[], Some("United States, United States"));
        check("Middle East", &[], Some("Middle East, -"));
        check("Nowhereville", &[], None);
    }

    #[test]
    fn ambiguous_cities_prefer_the_document_country_then_population() {
        check("Paris", &[], Some("Paris, France"));
        check("Paris", &["United States"], Some("Paris, United States"));
    }

    #[test]
    fn lexicons_load() {
        let g = Gazetteer::get();
        assert_eq!(
            g.demonym("azerbaijani")
                .map(|id| g.places[id as usize].name.as_str()),
            Some("Azerbaijan")
        );
        assert!(g.given_name("leonid") > 0 && g.given_name("tehran") == 0);
        assert!(g.is_common_word("calling") && !g.is_common_word("tikhonov"));
        assert!(g.places.len() > 30_000);
        let iran = g.country("iran").expect("Iran is a country");
        assert_eq!(g.capital(iran), Some("Tehran"));
        let at = |country: &str| {
            g.capital_point(country)
                .map(|p| (p.name.as_str(), p.lat.round(), p.lon.round()))
        };
        assert_eq!(at("Iran"), Some(("Tehran", 36.0, 51.0)));
        assert_eq!(at("Russian Federation"), Some(("Moscow", 56.0, 38.0)));
        assert_eq!(at("United States"), Some(("Washington", 39.0, -77.0)));
        // Spelt otherwise in the city list: found through the folded key.
        assert_eq!(at("Moldova").map(|p| p.0), Some("Chisinau"));
        // A capital the city list lacks: the country's centre.
        assert_eq!(at("Kiribati").map(|p| p.0), Some("Kiribati"));
        assert_eq!(at("Atlantis"), None);
        assert_eq!(g.country_of_city("tehran", u64::MAX), Some(iran));
        assert_eq!(g.country_of_city("isfahan", 100_000), Some(iran));
        assert_eq!(g.country_of_city("pushkin", 100_000), None);
        assert_eq!(g.country("moscow"), None);
        assert!(g.is_world_region("middle east") && !g.is_world_region("iran"));
        assert!(!g.is_world_region("crimea") && !g.is_world_region("new york"));
    }
}
