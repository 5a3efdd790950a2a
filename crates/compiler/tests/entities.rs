//! Entities of the five default articles: one entity per person, organisation
//! and place, with the aliases, roles, countries and coordinates the articles
//! support, and no junk (weekdays, months, page furniture).

use std::path::Path;

use communique_compiler::compile_dir;
use communique_core::{Corpus, Entity, EntityKind, PartialDate};

fn corpus() -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    compile_dir(&dir).expect("the default corpus compiles")
}

/// What one entity must look like; `None` fields are not checked.
struct Expect<'a> {
    name: &'a str,
    kind: EntityKind,
    aliases: &'a [&'a str],
    country: Option<&'a str>,
    roles: &'a [(&'a str, PartialDate)],
}

/// Finds the one entity named `e.name` and checks it against `e`.
fn check(corpus: &Corpus, e: Expect) {
    let named: Vec<&Entity> = corpus
        .entities
        .iter()
        .filter(|x| x.name == e.name || x.aliases.iter().any(|a| a == e.name))
        .collect();
    assert_eq!(
        named.len(),
        1,
        "{} should be one entity: {named:#?}",
        e.name
    );
    let entity = named[0];
    assert_eq!(entity.name, e.name);
    assert_eq!(entity.kind, e.kind, "{}", e.name);
    for alias in e.aliases {
        assert!(
            entity.aliases.iter().any(|a| a == alias),
            "{} lacks alias {alias}: {:?}",
            e.name,
            entity.aliases
        );
        let separate = corpus.entities.iter().filter(|x| x.name == *alias).count();
        assert_eq!(separate, 0, "{alias} is also an entity of its own");
    }
    if let Some(country) = e.country {
        assert_eq!(entity.country.as_deref(), Some(country), "{}", e.name);
    }
    for (title, date) in e.roles {
        assert!(
            entity
                .roles
                .iter()
                .any(|r| r.title == *title && r.as_of == Some(*date)),
            "{} lacks role {title} as of {}: {:#?}",
            e.name,
            date.iso(),
            entity.roles
        );
    }
    if e.kind == EntityKind::Place {
        assert!(
            entity.lat.is_some() && entity.lon.is_some(),
            "{} has no coordinates",
            e.name
        );
    }
}

#[test]
fn people_merge_and_carry_their_roles() {
    let c = corpus();
    let person = EntityKind::Person;
    check(
        &c,
        Expect {
            name: "Hossein Jaberi Ansari",
            kind: person,
            aliases: &["Jaberi Ansari"],
            country: Some("Iran"),
            roles: &[
                (
                    "Deputy Foreign Minister for Middle East and African Affairs",
                    PartialDate::ymd(2016, 9, 14),
                ),
                (
                    "Special Assistant to Iran's Foreign Minister in Political Affairs",
                    PartialDate::ymd(2019, 1, 28),
                ),
            ],
        },
    );
    check(
        &c,
        Expect {
            name: "Vladimir Putin",
            kind: person,
            aliases: &["Putin"],
            country: Some("Russia"),
            roles: &[],
        },
    );
    check(
        &c,
        Expect {
            name: "Leonid Petrovich Reshetnikov",
            kind: person,
            aliases: &["Leonid Reshetnikov", "Reshetnikov"],
            country: Some("Russia"),
            roles: &[(
                "director of the Russian Institute for Strategic Studies",
                PartialDate::ymd(2016, 9, 14),
            )],
        },
    );
    check(
        &c,
        Expect {
            name: "Ali Akbar Velayati",
            kind: person,
            aliases: &["Velayati"],
            country: None,
            roles: &[(
                "adviser on international affairs to Leader of the Islamic Revolution",
                PartialDate::ymd(2016, 2, 1),
            )],
        },
    );
    check(
        &c,
        Expect {
            name: "Alexander Fomin",
            kind: person,
            aliases: &[],
            country: Some("Russia"),
            roles: &[
                ("Deputy Minister of Defense", PartialDate::ymd(2019, 1, 28)),
                ("Lieutenant General", PartialDate::ymd(2019, 1, 28)),
            ],
        },
    );
    check(
        &c,
        Expect {
            name: "Ebrahim Raisi",
            kind: person,
            aliases: &["Raisi"],
            country: Some("Iran"),
            roles: &[],
        },
    );
}

#[test]
fn organisations_merge_on_acronyms_and_wording() {
    let c = corpus();
    let org = EntityKind::Organization;
    check(
        &c,
        Expect {
            name: "Eurasian Economic Union",
            kind: org,
            aliases: &["EAEU"],
            country: None,
            roles: &[],
        },
    );
    check(
        &c,
        Expect {
            name: "Russian Institute for Strategic Studies",
            kind: org,
            aliases: &["Russian Institute of Strategic Studies"],
            country: Some("Russia"),
            roles: &[],
        },
    );
    check(
        &c,
        Expect {
            name: "Shanghai Cooperation Organization",
            kind: org,
            aliases: &["SCO"],
            country: None,
            roles: &[],
        },
    );
}

#[test]
fn places_resolve_with_country_and_coordinates() {
    let c = corpus();
    let place = EntityKind::Place;
    check(
        &c,
        Expect {
            name: "Moscow",
            kind: place,
            aliases: &[],
            country: Some("Russia"),
            roles: &[],
        },
    );
    check(
        &c,
        Expect {
            name: "Tehran",
            kind: place,
            aliases: &[],
            country: Some("Iran"),
            roles: &[],
        },
    );
    check(
        &c,
        Expect {
            name: "Iran",
            kind: place,
            aliases: &["Islamic Republic of Iran"],
            country: Some("Iran"),
            roles: &[],
        },
    );
    let moscow = c.entities.iter().find(|e| e.name == "Moscow").unwrap();
    assert!(
        (55.0..56.5).contains(&moscow.lat.unwrap()) && (37.0..38.5).contains(&moscow.lon.unwrap())
    );
}

#[test]
fn no_junk_entities() {
    let c = corpus();
    let junk = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "november",
        "september",
        "comment",
        "reply",
        "credit",
        "posts",
        "calling",
        "determination",
    ];
    let pronouns = ["he", "she", "it", "the", "they", "we"];
    for e in &c.entities {
        assert!(
            !pronouns.contains(&e.name.to_lowercase().as_str()),
            "junk entity {:?}",
            e.name
        );
        for word in e.name.split(' ') {
            assert!(
                !junk.contains(&word.to_lowercase().as_str()),
                "junk entity {:?}",
                e.name
            );
        }
    }
}

#[test]
fn every_mention_is_a_span_of_a_sentence() {
    let c = corpus();
    assert!(!c.entities.is_empty());
    for e in &c.entities {
        assert!(
            e.id.starts_with(&format!("{}/", e.kind.as_str())),
            "{}",
            e.id
        );
        assert!(!e.mentions.is_empty(), "{} has no mention", e.id);
        for m in &e.mentions {
            let doc = &c.documents[m.doc as usize];
            let text = doc
                .text
                .get(m.span.range())
                .expect("span on char boundaries");
            assert!(!text.is_empty());
            assert!(
                doc.sentence_at(m.span.start).is_some(),
                "{} mention {text:?} is in no sentence",
                e.id
            );
        }
    }
}

/// People of a small corpus written for this test: the person each name denotes.
fn people_of(files: &[(&str, &[u8])]) -> Vec<(String, Vec<String>)> {
    let dir = crate::util::TempCorpus::new(files);
    let corpus = compile_dir(dir.path()).expect("the test corpus compiles");
    corpus
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| (e.name.to_string(), e.aliases.clone()))
        .collect()
}

#[test]
fn a_bare_surname_joins_the_person_it_denotes() {
    let people = people_of(&[
        (
            "a.txt",
            b"Kenya visit\n\nKenyan President Uhuru Kenyatta welcomed Barack Obama in Nairobi. \
              His step-grandmother Sarah Obama came from her village.\n",
        ),
        ("b.txt", b"Speech\n\nPresident Obama spoke in Washington on trade.\n"),
        (
            "c.txt",
            b"Ghana trip\n\nBarack Obama flew to Accra. Later Barack Obama met John Mills. \
              Barack Obama praised Ghana.\n",
        ),
        (
            "d.txt",
            b"Pyongyang\n\nChinese President Hu Jintao arrived in Pyongyang. Mr Hu met officials there.\n",
        ),
        (
            "e.txt",
            b"Quote\n\n\"I've been welcomed as a friend,\" Kenyan President Uhuru Kenyatta said.\n",
        ),
    ]);
    let names: Vec<&str> = people.iter().map(|(n, _)| n.as_str()).collect();
    // Across articles: "Obama" is the Obama the corpus speaks of far more than of
    // Sarah Obama; in its article, "Mr Hu" is Hu Jintao (surname first).
    assert!(!names.contains(&"Obama"), "{people:?}");
    assert!(!names.contains(&"Hu"), "{people:?}");
    assert!(!names.contains(&"I've"), "{people:?}");
    let aliases = |name: &str| &people.iter().find(|(n, _)| n == name).expect(name).1;
    assert!(
        aliases("Barack Obama").iter().any(|a| a == "Obama"),
        "{people:?}"
    );
    assert!(aliases("Hu Jintao").iter().any(|a| a == "Hu"), "{people:?}");
    assert!(names.contains(&"Sarah Obama"), "{people:?}");
}
