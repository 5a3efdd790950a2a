//! General lexicons the visit rules need: countries with their demonyms and
//! capitals, large non-capital cities, world regions, and well-known seats of
//! government that stand for their city ("the Kremlin" → Moscow).
//!
//! These are general world knowledge, not names from any corpus. The entity
//! extractor's gazetteer is the first source for places; this table fills in
//! what a visit needs and an entity does not carry: a country's capital, the
//! country of a nationality adjective, and the city behind a venue.
//!
//! Invariant: every lookup takes a lower-case phrase and never allocates.

/// One country: its name, other names, nationality adjectives and capital.
#[derive(Debug)]
pub struct Country {
    /// Canonical English short name.
    pub name: &'static str,
    /// Other names and abbreviations, lower case.
    pub aliases: &'static [&'static str],
    /// Nationality adjectives, lower case.
    pub demonyms: &'static [&'static str],
    /// The capital city.
    pub capital: &'static str,
}

macro_rules! countries {
    ($( $name:literal [$($alias:literal),*] [$($dem:literal),*] $capital:literal; )*) => {
        &[$( Country { name: $name, aliases: &[$($alias),*], demonyms: &[$($dem),*], capital: $capital } ),*]
    };
}

/// Countries of the world that appear in diplomatic news, with demonyms and capitals.
pub static COUNTRIES: &[Country] = countries! {
    "Afghanistan" [] ["afghan"] "Kabul";
    "Albania" [] ["albanian"] "Tirana";
    "Algeria" [] ["algerian"] "Algiers";
    "Argentina" [] ["argentine", "argentinian"] "Buenos Aires";
    "Armenia" [] ["armenian"] "Yerevan";
    "Australia" [] ["australian"] "Canberra";
    "Austria" [] ["austrian"] "Vienna";
    "Azerbaijan" [] ["azerbaijani", "azeri"] "Baku";
    "Bahrain" [] ["bahraini"] "Manama";
    "Bangladesh" [] ["bangladeshi"] "Dhaka";
    "Belarus" [] ["belarusian", "belarussian"] "Minsk";
    "Belgium" [] ["belgian"] "Brussels";
    "Bolivia" [] ["bolivian"] "La Paz";
    "Bosnia and Herzegovina" ["bosnia"] ["bosnian"] "Sarajevo";
    "Brazil" [] ["brazilian"] "Brasília";
    "Bulgaria" [] ["bulgarian"] "Sofia";
    "Canada" [] ["canadian"] "Ottawa";
    "Chile" [] ["chilean"] "Santiago";
    "China" ["people's republic of china", "prc"] ["chinese"] "Beijing";
    "Colombia" [] ["colombian"] "Bogotá";
    "Croatia" [] ["croatian"] "Zagreb";
    "Cuba" [] ["cuban"] "Havana";
    "Cyprus" [] ["cypriot"] "Nicosia";
    "Czech Republic" ["czechia"] ["czech"] "Prague";
    "Denmark" [] ["danish"] "Copenhagen";
    "Egypt" [] ["egyptian"] "Cairo";
    "Estonia" [] ["estonian"] "Tallinn";
    "Ethiopia" [] ["ethiopian"] "Addis Ababa";
    "Finland" [] ["finnish"] "Helsinki";
    "France" [] ["french"] "Paris";
    "Georgia" [] ["georgian"] "Tbilisi";
    "Germany" [] ["german"] "Berlin";
    "Greece" [] ["greek"] "Athens";
    "Hungary" [] ["hungarian"] "Budapest";
    "India" [] ["indian"] "New Delhi";
    "Indonesia" [] ["indonesian"] "Jakarta";
    "Iran" ["islamic republic of iran", "persia"] ["iranian", "persian"] "Tehran";
    "Iraq" [] ["iraqi"] "Baghdad";
    "Ireland" [] ["irish"] "Dublin";
    "Israel" [] ["israeli"] "Jerusalem";
    "Italy" [] ["italian"] "Rome";
    "Japan" [] ["japanese"] "Tokyo";
    "Jordan" [] ["jordanian"] "Amman";
    "Kazakhstan" [] ["kazakh", "kazakhstani"] "Astana";
    "Kenya" [] ["kenyan"] "Nairobi";
    "Kuwait" [] ["kuwaiti"] "Kuwait City";
    "Kyrgyzstan" [] ["kyrgyz"] "Bishkek";
    "Latvia" [] ["latvian"] "Riga";
    "Lebanon" [] ["lebanese"] "Beirut";
    "Libya" [] ["libyan"] "Tripoli";
    "Lithuania" [] ["lithuanian"] "Vilnius";
    "Malaysia" [] ["malaysian"] "Kuala Lumpur";
    "Mexico" [] ["mexican"] "Mexico City";
    "Moldova" [] ["moldovan"] "Chișinău";
    "Mongolia" [] ["mongolian"] "Ulaanbaatar";
    "Morocco" [] ["moroccan"] "Rabat";
    "Netherlands" ["the netherlands", "holland"] ["dutch"] "Amsterdam";
    "New Zealand" [] [] "Wellington";
    "Nicaragua" [] ["nicaraguan"] "Managua";
    "Nigeria" [] ["nigerian"] "Abuja";
    "North Korea" ["dprk", "democratic people's republic of korea"] ["north korean"] "Pyongyang";
    "Norway" [] ["norwegian"] "Oslo";
    "Oman" [] ["omani"] "Muscat";
    "Pakistan" [] ["pakistani"] "Islamabad";
    "Palestine" [] ["palestinian"] "Ramallah";
    "Peru" [] ["peruvian"] "Lima";
    "Philippines" ["the philippines"] ["philippine", "filipino"] "Manila";
    "Poland" [] ["polish"] "Warsaw";
    "Portugal" [] ["portuguese"] "Lisbon";
    "Qatar" [] ["qatari"] "Doha";
    "Romania" [] ["romanian"] "Bucharest";
    "Russia" ["russian federation"] ["russian"] "Moscow";
    "Saudi Arabia" ["kingdom of saudi arabia"] ["saudi"] "Riyadh";
    "Serbia" [] ["serbian"] "Belgrade";
    "Singapore" [] ["singaporean"] "Singapore";
    "Slovakia" [] ["slovak"] "Bratislava";
    "Slovenia" [] ["slovenian"] "Ljubljana";
    "South Africa" [] ["south african"] "Pretoria";
    "South Korea" ["republic of korea"] ["south korean"] "Seoul";
    "Spain" [] ["spanish"] "Madrid";
    "Sri Lanka" [] ["sri lankan"] "Colombo";
    "Sudan" [] ["sudanese"] "Khartoum";
    "Sweden" [] ["swedish"] "Stockholm";
    "Switzerland" [] ["swiss"] "Bern";
    "Syria" ["syrian arab republic"] ["syrian"] "Damascus";
    "Tajikistan" [] ["tajik"] "Dushanbe";
    "Thailand" [] ["thai"] "Bangkok";
    "Tunisia" [] ["tunisian"] "Tunis";
    "Turkey" ["türkiye", "turkiye"] ["turkish"] "Ankara";
    "Turkmenistan" [] ["turkmen"] "Ashgabat";
    "Ukraine" [] ["ukrainian"] "Kyiv";
    "United Arab Emirates" ["uae", "the uae", "emirates"] ["emirati"] "Abu Dhabi";
    "United Kingdom" ["uk", "britain", "great britain", "the uk"] ["british"] "London";
    "United States" ["us", "u.s", "usa", "america", "united states of america", "the us"] ["american"] "Washington";
    "Uzbekistan" [] ["uzbek"] "Tashkent";
    "Venezuela" [] ["venezuelan"] "Caracas";
    "Vietnam" ["viet nam"] ["vietnamese"] "Hanoi";
    "Yemen" [] ["yemeni"] "Sanaa";
};

/// Large or often-visited cities that are not capitals, with their country.
static CITIES: &[(&str, &str)] = &[
    ("sochi", "Russia"),
    ("saint petersburg", "Russia"),
    ("st. petersburg", "Russia"),
    ("st petersburg", "Russia"),
    ("kazan", "Russia"),
    ("vladivostok", "Russia"),
    ("yekaterinburg", "Russia"),
    ("novosibirsk", "Russia"),
    ("astrakhan", "Russia"),
    ("ufa", "Russia"),
    ("isfahan", "Iran"),
    ("mashhad", "Iran"),
    ("shiraz", "Iran"),
    ("tabriz", "Iran"),
    ("qom", "Iran"),
    ("bushehr", "Iran"),
    ("istanbul", "Turkey"),
    ("antalya", "Turkey"),
    ("dubai", "United Arab Emirates"),
    ("jeddah", "Saudi Arabia"),
    ("geneva", "Switzerland"),
    ("davos", "Switzerland"),
    ("lausanne", "Switzerland"),
    ("new york", "United States"),
    ("samarkand", "Uzbekistan"),
    ("shanghai", "China"),
    ("munich", "Germany"),
    ("aleppo", "Syria"),
    ("latakia", "Syria"),
    ("najaf", "Iraq"),
    ("karbala", "Iraq"),
    ("erbil", "Iraq"),
    ("mumbai", "India"),
    ("almaty", "Kazakhstan"),
];

/// World regions: a trip "to Europe" names no country and yields no visit.
static REGIONS: &[&str] = &[
    "europe",
    "asia",
    "africa",
    "middle east",
    "the middle east",
    "latin america",
    "central asia",
    "caucasus",
    "the caucasus",
    "south caucasus",
    "gulf",
    "persian gulf",
    "the gulf",
    "caspian",
    "balkans",
    "the balkans",
    "north america",
    "south america",
    "eurasia",
    "far east",
    "west",
    "the west",
    "east",
    "the east",
    "scandinavia",
    "southeast asia",
    "east asia",
    "west asia",
    "north africa",
];

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

/// The country of a country name or alias (lower case), if it is one.
pub fn country_named(lower: &str) -> Option<&'static Country> {
    COUNTRIES
        .iter()
        .find(|c| c.name.eq_ignore_ascii_case(lower) || c.aliases.contains(&lower))
}

/// The country of a nationality adjective (lower case), if it is one.
pub fn country_of_demonym(lower: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.demonyms.contains(&lower))
}

/// The country record of a canonical (or alias) country name, any case.
pub fn country(name: &str) -> Option<&'static Country> {
    country_named(&name.to_lowercase())
}

/// The country whose capital is this city (lower case), if any.
pub fn country_of_capital(lower: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| {
        c.capital.to_lowercase() == lower
            || (lower == "washington, d.c" && c.capital == "Washington")
    })
}

/// The country of a known city (capital or large city), lower case.
pub fn country_of_city(lower: &str) -> Option<&'static str> {
    if let Some(c) = country_of_capital(lower) {
        return Some(c.name);
    }
    CITIES
        .iter()
        .find(|(city, _)| *city == lower)
        .map(|(_, c)| *c)
}

/// Whether the phrase (lower case) names a world region rather than a country or city.
pub fn is_region(lower: &str) -> bool {
    REGIONS.contains(&lower)
}

/// The city and country of a named seat of government (lower case, without "the").
pub fn venue(lower: &str) -> Option<(&'static str, &'static str)> {
    VENUES
        .iter()
        .find(|(v, _, _)| *v == lower)
        .map(|(_, city, country)| (*city, *country))
}

/// Words that head an official's title ("minister", "envoy"), for definite
/// descriptions such as "the Iranian diplomat" and for telling people from places.
pub static PERSON_HEADS: &[&str] = &[
    "president",
    "minister",
    "diplomat",
    "official",
    "envoy",
    "ambassador",
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "chief",
    "premier",
    "chancellor",
    "secretary",
    "speaker",
    "dignitary",
    "counterpart",
    "commander",
    "general",
    "king",
    "emir",
    "prince",
    "foreign",
    "deputy",
    "head",
    "director",
    "chairman",
    "negotiator",
];

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
    country(country_name).map(|c| c.capital)
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
    }
}
