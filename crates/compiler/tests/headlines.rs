//! The headline and captions are text: the headline opens the document's text as its
//! own paragraph, the extractors read it (a trip only the headline states links to it),
//! a title-case headline's capitals make no names; a photo caption is a sentence.

use communique_compiler::compile_dir;
use communique_core::{Corpus, DateBasis, EntityKind, Visit};

use crate::util::TempCorpus;

/// Compiles one JSONL file of `(id, date, text)` articles.
fn compile(articles: &[(&str, &str, &str)]) -> Corpus {
    let lines: Vec<String> = articles
        .iter()
        .map(|(id, date, text)| {
            serde_json::json!({"id": id, "date": date, "text": text}).to_string()
        })
        .collect();
    let corpus = TempCorpus::new(&[("a.jsonl", lines.join("\n").as_bytes())]);
    compile_dir(corpus.path()).expect("compiles")
}

fn names(corpus: &Corpus, kind: EntityKind) -> Vec<&str> {
    corpus
        .entities
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.name.as_ref())
        .collect()
}

/// The corpus's one visit, checked against its (traveler, destination, ISO date).
fn only_visit<'c>(corpus: &'c Corpus, expect: (&str, &str, &str)) -> &'c Visit {
    let [visit] = corpus.visits.as_slice() else {
        panic!("one visit: {:#?}", corpus.visits);
    };
    let date = visit.date.map(|d| d.iso()).unwrap_or_default();
    assert_eq!(
        (
            visit.traveler.as_str(),
            visit.destination.as_str(),
            date.as_str()
        ),
        expect
    );
    visit
}

#[test]
fn a_trip_only_the_headline_states_cites_the_headline() {
    let corpus = compile(&[(
        "kono",
        "2018-03-04",
        "Japanese Foreign Minister Taro Kono in Canberra for trade talks\n\nThe talks are expected to cover beef and coal exports.",
    )]);
    let doc = &corpus.documents[0];
    assert!(doc.headline);
    assert!(doc.text.starts_with(&format!("{}\n\n", doc.title)));
    // No date is written: the report's own day stands for it, and says so.
    let visit = only_visit(&corpus, ("Taro Kono", "Canberra", "2018-03-04"));
    assert_eq!(visit.date_basis, Some(DateBasis::Publication));
    assert_eq!(visit.evidence[0].source.span, doc.headline_span().unwrap());
}

#[test]
fn a_headline_describing_its_traveller_names_the_one_the_story_names() {
    let corpus = compile(&[
        (
            "kono",
            "2018-03-04",
            "Foreign minister in Canberra for trade talks\n\nJapanese Foreign Minister Taro Kono will see Australian officials.",
        ),
        (
            "akar",
            "2021-12-28",
            "Turkey's Defence Minister in Bosnia: we are watching closely\n\nTurkey supports peace, Turkey's Defence Minister, Hulusi Akar, said after talks with officials.",
        ),
        // A country of two words opening the headline.
        (
            "kim",
            "2022-08-29",
            "South Korea's Foreign Minister in Mongolia for talks\n\nSouth Korea's Foreign Minister, Kim Sung-han, said ties were strong.",
        ),
        // A description no one in the story fits is no one.
        (
            "nobody",
            "2018-03-04",
            "Trade minister in Lima for talks\n\nJapanese Foreign Minister Taro Kono spoke in Tokyo.",
        ),
    ]);
    let trips: Vec<(&str, &str, &str)> = corpus
        .visits
        .iter()
        .map(|v| {
            let doc = &corpus.documents[v.evidence[0].source.doc as usize];
            (doc.id.as_ref(), v.traveler.as_str(), v.destination.as_str())
        })
        .collect();
    assert_eq!(
        trips,
        [
            ("kono", "Taro Kono", "Canberra"),
            ("akar", "Hulusi Akar", "Bosnia and Herzegovina"),
            ("kim", "Kim Sung-han", "Mongolia"),
        ]
    );
}

#[test]
fn a_title_case_headline_makes_no_names_of_its_capitals() {
    let corpus = compile(&[
        (
            "ruto",
            "2018-03-04",
            "Kenyan President Ruto Arrives In Berlin For Two-Day State Visit\n\nThe talks are expected to cover trade.",
        ),
        (
            "fct",
            "2016-10-03",
            "FCT Minister Receives Benin, Chadian Presidents\n\nThe ceremony at the airport was colourful.",
        ),
        (
            "rahmon",
            "2017-03-09",
            "President Rahmon Greets Uzbek Leader In Dushanbe International Airport Before Summit\n\nThe talks covered trade.",
        ),
        (
            "postpones",
            "2005-10-05",
            "Iranian FM Postpones Saudi Visit On Gulf Tour\n\nThe minister has postponed a visit to Saudi Arabia.",
        ),
        (
            "korea",
            "2022-08-25",
            "S. Korean Foreign Minister To Visit Mongolia Next Week\n\nThe ministry announced the trip on Thursday.",
        ),
    ]);
    assert_eq!(names(&corpus, EntityKind::Person), ["Rahmon", "Ruto"]);
    let places = names(&corpus, EntityKind::Place);
    for place in ["Berlin", "Benin", "Mongolia", "Dushanbe"] {
        assert!(places.contains(&place), "{place} in {places:?}");
    }
    // Towns named by common words stay words ("Summit", New Jersey; "Airport").
    for word in ["Summit", "Airport", "Greets"] {
        assert!(!places.contains(&word), "{word} in {places:?}");
    }
    let visit = corpus.visits.iter().find(|v| v.traveler == "Ruto").unwrap();
    assert_eq!(visit.destination, "Berlin");
    // A headline in sentence case keeps its capitals as evidence.
    let corpus = compile(&[(
        "wong",
        "2022-05-26",
        "Penny Wong arrives in Suva on Pacific tour\n\nThe Australian minister will meet officials.",
    )]);
    assert_eq!(names(&corpus, EntityKind::Person), ["Penny Wong"]);
}

#[test]
fn a_photo_caption_is_a_sentence_like_any_other() {
    let corpus = compile(&[(
        "caption",
        "2019-03-05",
        "Leaders meet in Lima\n\nPeruvian President Ruiz (left) greets his Chilean counterpart Sebastian Pinera in Lima on March 4.\n\nThe two leaders discussed trade.",
    )]);
    let visit = only_visit(&corpus, ("Sebastian Pinera", "Lima", "2019-03-04"));
    let doc = &corpus.documents[0];
    assert!(doc
        .slice(visit.evidence[0].source.span)
        .contains("(left) greets"));
}

#[test]
fn a_story_under_another_headline_is_a_duplicate() {
    let story = "The ministers met in Vienna on Tuesday and agreed to meet again.";
    let corpus = compile(&[
        (
            "first",
            "2016-09-14",
            &format!("Ministers meet in Vienna\n\n{story}"),
        ),
        (
            "second",
            "2016-09-14",
            &format!("Vienna talks end with a promise\n\n{story}"),
        ),
    ]);
    assert_eq!(corpus.documents.len(), 1);
    let file = &corpus.report.files[0];
    assert!(
        file.messages
            .iter()
            .any(|m| m.message.contains("duplicate of \"first\"")),
        "{:#?}",
        file.messages
    );
}
