//! One entity per real-world thing: groups resolved mentions across the corpus
//! and builds [`Entity`] records (canonical name, aliases, roles over time,
//! country, coordinates, every mention).
//!
//! People merge when their names are spellings of one another word by word
//! ("Sergei"/"Sergey"), when first and last names agree around middle names
//! ("Pavel Andreyevich Sokolenko" = "Pavel Sokolenko"), and a surname alone
//! ("Marchenko", "Rezaei Nasab") joins the one person in the corpus it ends — the
//! one in the same document when there are several. Organisations merge on
//! their words without connectors ("Institute for/of Strategic Studies"), on
//! acronyms introduced in parentheses, and on an acronym that spells the
//! initials of exactly one organisation of the corpus ("IRNA"). A body every
//! country has ("Foreign Ministry", "Ministry of Defence") merges only within its
//! country: the one its name, its possessor ("Iran's") or its document gives it;
//! named bare, it shows that country in brackets. Places merge on their gazetteer entry.
//!
//! Invariant: every entity has at least one mention, and ids are unique.

use std::collections::{BTreeMap, HashMap, HashSet};

use communique_core::{Document, Entity, EntityKind, Role, SourceRef, Span, Text};

use super::gazetteer::{Gazetteer, PlaceId};
use super::keys;
use super::lexicon;
use super::sentence::Mention;

/// One entity being assembled.
struct Group {
    kind: EntityKind,
    place: Option<PlaceId>,
    /// A body every country has ("Foreign Ministry"), grouped by its country.
    national: bool,
    mentions: Vec<Mention>,
}

/// Builds the corpus's entities from its resolved mentions (unresolved ones are skipped).
pub(crate) fn build(docs: &[Document], all: Vec<Vec<Mention>>) -> Vec<Entity> {
    let mut groups: Vec<Group> = Vec::new();
    let mut people: Vec<Mention> = Vec::new();
    let mut orgs: Vec<Mention> = Vec::new();
    let mut by_place: HashMap<PlaceId, usize> = HashMap::new();
    for m in all.into_iter().flatten() {
        match (m.kind, m.place) {
            (Some(EntityKind::Person), _) => people.push(m),
            (Some(EntityKind::Organization), _) => orgs.push(m),
            (Some(EntityKind::Place), Some(place)) => {
                let g = *by_place.entry(place).or_insert_with(|| {
                    groups.push(Group {
                        kind: EntityKind::Place,
                        place: Some(place),
                        national: false,
                        mentions: Vec::new(),
                    });
                    groups.len() - 1
                });
                groups[g].mentions.push(m);
            }
            // A place the gazetteer cannot locate has no coordinates to show.
            _ => {}
        }
    }
    group_people(people, &mut groups);
    group_orgs(orgs, &mut groups);
    let mut entities: Vec<Entity> = groups.into_iter().map(|g| entity(docs, g)).collect();
    entities.sort_by(|a, b| (a.kind, &a.name).cmp(&(b.kind, &b.name)));
    let mut used = HashSet::new();
    for e in &mut entities {
        let base = format!("{}/{}", e.kind.as_str(), keys::slug(&e.name));
        let mut id = base.clone();
        let mut n = 2;
        while !used.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        e.id = id.into();
    }
    entities
}

/// The words of a personal name without lower-case particles.
fn name_words(m: &Mention) -> Vec<&str> {
    m.words
        .iter()
        .map(String::as_str)
        .filter(|w| !lexicon::is_name_particle(w))
        .collect()
}

/// Whether two full names (two or more words each) denote one person.
fn same_person(a: &[&str], b: &[&str]) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let same = |x: &str, y: &str| keys::same_name_word(x, y);
    if long.len() == short.len() {
        return long.iter().zip(short).all(|(x, y)| same(x, y));
    }
    let suffix = long[long.len() - short.len()..]
        .iter()
        .zip(short)
        .all(|(x, y)| same(x, y));
    let ends = same(long[0], short[0]) && same(long[long.len() - 1], short[short.len() - 1]);
    // Given names written apart or together: "Pushpa Kamal Dahal", "Pushpakamal Dahal".
    let joined = same(&long.concat(), &short.concat());
    suffix || ends || joined
}

fn group_people(mut people: Vec<Mention>, groups: &mut Vec<Group>) {
    // Longest names first, so full names found the groups that surnames then join.
    people.sort_by_key(|m| (std::cmp::Reverse(name_words(m).len()), m.doc, m.span));
    // Every way two names can match needs their last words to match: index by its key.
    let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
    // Full names by their first word: Chinese and Korean names put the surname
    // first ("Hu Jintao" … "Mr Hu"); and by a word inside a long name, which may be
    // the name a person goes by ("Luiz Inacio Lula da Silva" … "Lula said").
    let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_inner: HashMap<String, Vec<usize>> = HashMap::new();
    // And by their initials ("AMLO").
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    for m in people {
        let words = name_words(&m);
        let last = keys::phonetic_key(words.last().copied().unwrap_or(""));
        let same_last = by_last.get(&last).cloned().unwrap_or_default();
        let candidates: Vec<usize> = same_last
            .into_iter()
            .filter(|&g| {
                let rep = name_words(&groups[g].mentions[0]);
                // In "Yusuf bin Alawi bin Abdullah" the last word is a forebear's name, not
                // one the person goes by: a lone "Abdullah" is someone else.
                let all = &groups[g].mentions[0].words;
                let patronym = all.len() >= 3
                    && matches!(
                        keys::fold(&all[all.len() - 2]).as_str(),
                        "bin" | "ibn" | "ben" | "bint"
                    );
                if words.len() == 1 && patronym {
                    return false;
                }
                if words.len() >= 2 && rep.len() >= 2 {
                    same_person(&rep, &words)
                } else {
                    rep.len() >= words.len()
                        && rep[rep.len() - words.len()..]
                            .iter()
                            .zip(&words)
                            .all(|(x, y)| keys::same_name_word(x, y))
                }
            })
            .collect();
        let in_doc = |g: usize| groups[g].mentions.iter().any(|o| o.doc == m.doc);
        // A name alone is first someone of its own document: "Hu" beside "Hu Jintao" there
        // is not another article's "Vuong Dinh Hue", however alike the spellings.
        let candidates = if words.len() == 1 && !candidates.iter().any(|&g| in_doc(g)) {
            let named_here = |index: &HashMap<String, Vec<usize>>| {
                index
                    .get(&last)
                    .is_some_and(|all| all.iter().any(|&g| in_doc(g)))
            };
            if named_here(&by_first) || named_here(&by_inner) {
                Vec::new()
            } else {
                candidates
            }
        } else {
            candidates
        };
        let chosen = match candidates.as_slice() {
            [one] => Some(*one),
            // "Mr Li" where this document names "Li Zhaoxing" and no one it ends.
            [] if words.len() == 1 => {
                let here = |index: &HashMap<String, Vec<usize>>| -> Vec<usize> {
                    let all = index.get(&last).map(Vec::as_slice).unwrap_or_default();
                    all.iter().copied().filter(|&g| in_doc(g)).collect()
                };
                match (here(&by_first).as_slice(), here(&by_inner).as_slice()) {
                    ([one], _) | ([], [one]) => Some(*one),
                    _ => {
                        let all = by_initials.get(words[0]).map(Vec::as_slice);
                        let mine: Vec<usize> = all
                            .unwrap_or_default()
                            .iter()
                            .copied()
                            .filter(|&g| in_doc(g))
                            .collect();
                        (mine.len() == 1).then(|| mine[0])
                    }
                }
            }
            [] => None,
            many => {
                let here: Vec<usize> = many.iter().copied().filter(|&g| in_doc(g)).collect();
                // A full name that fits several people is its own person; a surname
                // goes to the one this document speaks of, else to the one the corpus
                // speaks of far more than of the others ("Obama" beside "Auma Obama").
                match here.as_slice() {
                    [one] => Some(*one),
                    _ if words.len() == 1 => {
                        dominant(groups, if here.is_empty() { many } else { &here })
                    }
                    _ => None,
                }
            }
        };
        match chosen {
            Some(g) => groups[g].mentions.push(m),
            None => {
                if words.len() >= 2 {
                    let first = keys::phonetic_key(words[0]);
                    by_first.entry(first).or_default().push(groups.len());
                    if words.len() >= 3 {
                        by_initials
                            .entry(keys::initials(&m.words))
                            .or_default()
                            .push(groups.len());
                    }
                    for inner in &words[1..words.len() - 1] {
                        let inner = keys::phonetic_key(inner);
                        by_inner.entry(inner).or_default().push(groups.len());
                    }
                }
                by_last.entry(last).or_default().push(groups.len());
                groups.push(Group {
                    kind: EntityKind::Person,
                    place: None,
                    national: false,
                    mentions: vec![m],
                });
            }
        }
    }
}

/// How many times more mentions the leading candidate needs than the next to take a bare surname.
const DOMINANCE: usize = 3;

/// Among `candidates`, the group with at least [`DOMINANCE`] times the mentions of any other.
fn dominant(groups: &[Group], candidates: &[usize]) -> Option<usize> {
    let mut ranked: Vec<(usize, usize)> = candidates
        .iter()
        .map(|&g| (groups[g].mentions.len(), g))
        .collect();
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    match ranked.as_slice() {
        [(top, g), (next, _), ..] if *top >= DOMINANCE * *next => Some(*g),
        _ => None,
    }
}

/// An organisation's comparison key: folded words without connectors.
fn org_key(words: &[String]) -> String {
    words
        .iter()
        .map(|w| keys::fold(w))
        .filter(|w| !lexicon::is_connector(w) && w != "-")
        .collect::<Vec<_>>()
        .join(" ")
}

fn group_orgs(orgs: Vec<Mention>, groups: &mut Vec<Group>) {
    // Acronyms introduced in parentheses stand for their expansion everywhere.
    let mut spans: HashMap<(u32, Span), String> = HashMap::new();
    for m in &orgs {
        spans.insert((m.doc, m.span), org_key(&m.words));
    }
    let mut acronyms: HashMap<String, String> = HashMap::new();
    for m in &orgs {
        if let Some(long) = m.expands.and_then(|s| spans.get(&(m.doc, s))) {
            acronyms
                .entry(org_key(&m.words))
                .or_insert_with(|| long.clone());
        }
    }
    // An acronym never introduced still stands for the one organisation of the
    // corpus whose initials it spells: "IRNA" for "Islamic Republic News Agency".
    let mut by_initials: HashMap<String, Vec<String>> = HashMap::new();
    for m in orgs.iter().filter(|m| m.words.len() >= 2) {
        let key = org_key(&m.words);
        let initials: String = key.split(' ').filter_map(|w| w.chars().next()).collect();
        let keys = by_initials.entry(initials).or_default();
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    for m in orgs.iter().filter(|m| m.words.len() == 1) {
        let own = org_key(&m.words);
        if let Some([only]) = by_initials.get(&own).map(Vec::as_slice) {
            acronyms.entry(own).or_insert_with(|| only.clone());
        }
    }
    // A body every country has is that country's: "the Foreign Ministry" takes the
    // country its document gives the same body elsewhere ("Iran's Foreign Ministry").
    // Keys before countries: an acronym stands for its expansion ("MFA").
    let plain: Vec<String> = orgs
        .iter()
        .map(|m| {
            let own = org_key(&m.words);
            acronyms.get(&own).cloned().unwrap_or(own)
        })
        .collect();
    let words = |key: &str| key.split(' ').map(str::to_string).collect::<Vec<_>>();
    let national: Vec<Option<(String, Option<PlaceId>)>> =
        plain.iter().map(|key| national_body(&words(key))).collect();
    // Its own words, or the expansion's ("KNA" for "Kenya News Agency").
    let stated = |m: &Mention, named: &Option<PlaceId>| m.country.or(*named);
    let mut countries: HashMap<(u32, &str), Vec<PlaceId>> = HashMap::new();
    for (m, (body, named)) in orgs
        .iter()
        .zip(&national)
        .filter_map(|(m, n)| Some((m, n.as_ref()?)))
    {
        if let Some(c) = stated(m, named) {
            let seen = countries.entry((m.doc, body.as_str())).or_default();
            if !seen.contains(&c) {
                seen.push(c);
            }
        }
    }
    // Else the one country its document gives the same body.
    let inherited: Vec<Option<PlaceId>> = orgs
        .iter()
        .zip(&national)
        .map(|(m, national)| match national {
            None => m.country,
            Some((body, named)) => stated(m, named).or_else(|| {
                match countries.get(&(m.doc, body.as_str()))?.as_slice() {
                    [only] => Some(*only),
                    _ => None,
                }
            }),
        })
        .collect();
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    for (((mut m, body), country), plain) in
        orgs.into_iter().zip(national).zip(inherited).zip(plain)
    {
        let tied = body.map(|(body, _)| body).zip(country);
        let key = match &tied {
            Some((body, c)) => format!("{body}@{c}"),
            None => plain,
        };
        m.country = country;
        let g = *by_key.entry(key).or_insert_with(|| {
            groups.push(Group {
                kind: EntityKind::Organization,
                place: None,
                national: tied.is_some(),
                mentions: Vec::new(),
            });
            groups.len() - 1
        });
        groups[g].mentions.push(m);
    }
}

/// The key of a body every country has, with the country its words name, or `None` for a
/// name of its own: the name's words without its country's words ("Iranian", "of the
/// Russian Federation") and connectors, when all of them are common English ("foreign
/// ministry", "ministry defense").
fn national_body(words: &[String]) -> Option<(String, Option<PlaceId>)> {
    let gaz = Gazetteer::get();
    let (rest, named) = without_country(words);
    // Common words, none a place ("University of Tehran" is a name of its own), one of
    // them the head of an organisation's name ("ministry", "agency").
    let common = |w: &String| gaz.is_common_word(w) && !gaz.is_place(w);
    let headed = rest.iter().any(|w| lexicon::is_org_head(w));
    (headed && rest.iter().all(common)).then(|| (rest.join(" "), named))
}

/// A name's folded words without connectors and the words that name a country, and
/// the country they named.
fn without_country(words: &[String]) -> (Vec<String>, Option<PlaceId>) {
    let gaz = Gazetteer::get();
    let folded: Vec<String> = words.iter().map(|w| keys::fold(w)).collect();
    let (mut rest, mut named) = (Vec::new(), None);
    let mut i = 0;
    while i < folded.len() {
        // The longest run of words that names a country ("russian federation"), else a demonym.
        let country_end = (i + 1..=folded.len().min(i + 5))
            .rev()
            .find_map(|j| Some((j, gaz.country(&folded[i..j].join(" "))?)));
        let demonym_pair = folded
            .get(i..i + 2)
            .and_then(|pair| gaz.demonym(&pair.join(" ")));
        if let Some((j, c)) = country_end {
            (i, named) = (j, named.or(Some(c)));
            continue;
        }
        if let Some(c) = demonym_pair {
            (i, named) = (i + 2, named.or(Some(c)));
            continue;
        }
        let w = &folded[i];
        if let Some(c) = gaz.demonym(w) {
            named = named.or(Some(c));
        } else if !lexicon::is_connector(w) && w != "-" {
            rest.push(w.clone());
        }
        i += 1;
    }
    (rest, named)
}

/// Assembles one entity record from its group.
fn entity(docs: &[Document], mut g: Group) -> Entity {
    let gaz = Gazetteer::get();
    g.mentions.sort_by_key(|m| (m.doc, m.span));
    let mut forms: Vec<(String, usize)> = Vec::new();
    for m in &g.mentions {
        // As written, hyphens and apostrophes kept ("Frank-Walter Steinmeier", "People's
        // Council"), with its spaces made single.
        let written = docs
            .get(m.doc as usize)
            .and_then(|d| d.text.get(m.span.start as usize..m.span.end as usize))
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "));
        let text = written.unwrap_or_else(|| m.words.join(" "));
        match forms
            .iter_mut()
            .find(|(f, _)| keys::fold(f) == keys::fold(&text))
        {
            Some((_, n)) => *n += 1,
            None => forms.push((text, 1)),
        }
    }
    // Canonical: the longest form, then the most frequent, preferring mixed case over capitals.
    let rank =
        |(f, n): &(String, usize)| (f.split(' ').count(), f.chars().any(char::is_lowercase), *n);
    let mut canonical = String::new();
    let mut best = None;
    for form in &forms {
        // Strictly better only, so the first-seen form wins a tie.
        if best.is_none_or(|b| rank(form) > b) {
            best = Some(rank(form));
            canonical = form.0.clone();
        }
    }
    let place = g.place.map(|id| &gaz.places[id as usize]);
    let mut name = place.map_or(canonical.clone(), |p| p.name.clone());
    let mut roles: Vec<Role> = Vec::new();
    for m in &g.mentions {
        let as_of = docs.get(m.doc as usize).and_then(|d| d.date);
        for (title, span) in &m.roles {
            let seen = roles
                .iter()
                .any(|r| r.as_of == as_of && keys::fold(&r.title) == keys::fold(title));
            if !seen {
                roles.push(Role {
                    title: title.clone(),
                    as_of,
                    source: SourceRef {
                        doc: m.doc,
                        span: *span,
                    },
                });
            }
        }
    }
    roles.sort_by_key(|r| (r.as_of.is_none(), r.as_of.map(|d| d.first_day()), r.source));
    let country = match g.place {
        Some(id) => gaz.country_name(id).map(str::to_string),
        None => {
            let mut votes: Vec<(PlaceId, usize)> = Vec::new();
            for c in g.mentions.iter().filter_map(|m| m.country) {
                match votes.iter_mut().find(|(v, _)| *v == c) {
                    Some((_, n)) => *n += 1,
                    None => votes.push((c, 1)),
                }
            }
            // Most votes; the first stated wins a tie.
            let best = votes.iter().map(|(_, n)| *n).max();
            votes
                .iter()
                .find(|(_, n)| Some(*n) == best)
                .and_then(|(c, _)| gaz.country_name(*c))
                .map(str::to_string)
        }
    };
    // "Foreign Ministry" of one country is told from another's by its country.
    if let Some(country) = country.as_deref().filter(|_| g.national) {
        let words: Vec<String> = canonical.split(' ').map(str::to_string).collect();
        // Only a bare name: "Iranian Foreign Ministry" says its country already.
        if national_body(&words).is_some_and(|(_, named)| named.is_none()) {
            name = format!("{name} ({country})");
        }
    }
    // Every form written stays an alias, the bare "Foreign Ministry" too.
    let aliases = forms
        .into_iter()
        .map(|(f, _)| f)
        .filter(|f| keys::fold(f) != keys::fold(&name))
        .collect();
    Entity {
        id: Text::default(),
        name: name.into(),
        kind: g.kind,
        aliases,
        roles,
        country: country.map(Text::from),
        lat: place.map(|p| p.lat),
        lon: place.map(|p| p.lon),
        mentions: g
            .mentions
            .iter()
            .map(|m| SourceRef {
                doc: m.doc,
                span: m.span,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::extract;

    /// Extracts from `texts` and compares "id: aliases" for every person and organisation.
    fn check(texts: &[&str], expect: &[&str]) {
        let docs = crate::entities::test_documents(texts);
        let got: Vec<String> = extract(&docs)
            .iter()
            .filter(|e| e.kind != EntityKind::Place)
            .map(|e| format!("{}: {}", e.id, e.aliases.join(", ")))
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn people_merge_across_spellings_middle_names_and_surnames() {
        check(
            &[
                "Sergei Petrovich Ivankin met Mohammad Tavakoli.",
                "Sergey Ivankin and Muhammad Tavakoli spoke. Ivankin said so.",
            ],
            &[
                "person/mohammad-tavakoli: Muhammad Tavakoli",
                "person/sergei-petrovich-ivankin: Sergey Ivankin, Ivankin",
            ],
        );
        // Persian ق written "q", "gh" or "k"; Russian й written "i", "y" or "iy".
        check(
            &[
                "Spokesman Bahram Qasemi met Yuri Tarasenko.",
                "Bahram Ghasemi and Yury Tarasenko spoke. Kasemi said so.",
            ],
            &[
                "person/bahram-qasemi: Bahram Ghasemi, Kasemi",
                "person/yuri-tarasenko: Yury Tarasenko",
            ],
        );
        // Given names written apart or together.
        check(
            &[
                "Prime Minister Ramesh Kumar Thapa spoke.",
                "Prime Minister Rameshkumar Thapa met officials.",
            ],
            &["person/ramesh-kumar-thapa: Rameshkumar Thapa"],
        );
    }

    #[test]
    fn a_forebears_name_alone_is_not_the_person() {
        check(
            &[
                "Minister Yusuf bin Alawi bin Abdullah spoke.",
                "King Abdullah returned home.",
            ],
            &["person/abdullah: ", "person/yusuf-bin-alawi-bin-abdullah: "],
        );
    }

    #[test]
    fn names_read_as_written() {
        check(
            &["President Frank-Walter Steinmeier met the People's Council of Hanoi."],
            &[
                "person/frank-walter-steinmeier: ",
                "organization/peoples-council-of-hanoi: ",
            ],
        );
    }

    #[test]
    fn a_name_alone_is_first_someone_of_its_own_document() {
        // "Hu" spells like the end of "Vuong Dinh Hue", but its own article names "Hu Jintao".
        check(
            &[
                "Chairman Vuong Dinh Hue spoke.",
                "President Hu Jintao arrived. Hu said so.",
            ],
            &["person/hu-jintao: Hu", "person/vuong-dinh-hue: "],
        );
    }

    #[test]
    fn a_word_inside_a_long_name_joins_it_in_its_document() {
        // "Suu Kyi" and "Lula" are names people go by, inside their full names.
        check(
            &["Daw Aung San Suu Kyi met President Luiz Inacio Lula da Silva. Lula thanked Suu."],
            &[
                "person/aung-san-suu-kyi: Suu",
                "person/luiz-inacio-lula-da-silva: Lula",
            ],
        );
        // Initials stand for the name too.
        check(
            &["President Andrés Manuel López Obrador spoke. The press then met AMLO."],
            &["person/andres-manuel-lopez-obrador: AMLO"],
        );
    }

    #[test]
    fn a_body_every_country_has_is_told_apart_by_its_country() {
        check(
            &[
                "The Japanese Foreign Ministry said so. The Foreign Ministry added more.",
                "Iran's Foreign Ministry said no. The Foreign Ministry of Iran repeated it.",
                "The Iranian Foreign Ministry agreed.",
                "The Foreign Ministry said nothing in Lima.",
            ],
            &[
                "organization/foreign-ministry: ",
                "organization/foreign-ministry-of-iran: Foreign Ministry, Iranian Foreign Ministry",
                "organization/japanese-foreign-ministry: Foreign Ministry",
            ],
        );
        // Written only bare, the country's name tells it apart on the page.
        check(
            &["Kenya's Defence Ministry said so. The Defence Ministry denied it."],
            &["organization/defence-ministry-kenya: Defence Ministry"],
        );
        // A region's possession is no country's ("America's" is not the United States' here).
        check(
            &["South America's Development Bank met."],
            &["organization/development-bank: "],
        );
    }

    #[test]
    fn organisations_merge_on_wording_and_acronyms() {
        check(
            &[
                "The Andean Institute for Trade Studies (AITS) opened.",
                "The Andean Institute of Trade Studies said AITS grew.",
            ],
            &["organization/andean-institute-for-trade-studies: AITS, Andean Institute of Trade Studies"],
        );
        check(
            &[
                "The Kenya News Agency said so.",
                "KNA later denied it, the agency KNA said.",
            ],
            &["organization/kenya-news-agency: KNA"],
        );
    }
}
