//! The five default articles: what the cleaner must find and remove in each.

use communique_compiler::compile_dir;
use communique_core::{Corpus, Document};

use crate::util::default_corpus;

/// What one default article must compile to.
struct Seed {
    id: &'static str,
    title: &'static str,
    /// ISO date, or `None` for an undated article.
    date: Option<&'static str>,
    time: Option<&'static str>,
    source: Option<&'static str>,
    dateline: Option<&'static str>,
    /// Removed pieces: (reason, text), all of them, in order (a headline line
    /// only when it differs from the title).
    removed: &'static [(&'static str, &'static str)],
    /// Sentences that must each be exactly one sentence span of the clean text.
    sentences: &'static [&'static str],
}

const SEEDS: &[Seed] = &[
    Seed {
        id: "000_7232237f068ca451",
        title: "Iran-Russia co-op bearing fruit, official says",
        date: Some("2016-09-14"),
        time: Some("15:34"),
        source: None,
        dateline: Some("Tehran"),
        removed: &[
            ("publication date line", "September 14, 2016 - 15:34"),
            ("dateline", "TEHRAN –"),
            ("comment form", "Leave a Comment"),
            ("comment form (captcha)", "9 + 7 ="),
        ],
        sentences: &[
            "Iranian Deputy Foreign Minister for Middle East and African Affairs Hossein Jaberi Ansari said on Wednesday that the effective and growing regional cooperation between Iran and Russia is producing positive results by helping stabilize the Middle East region.",
            "Jaberi Ansari’s visit took place upon the invitation of Russian Deputy Foreign Minister for Middle East Mikhail Bogdanov.",
            "The visit started exactly the day that the truce in Syria went into effect.",
            "The Russian leader also said, \"We are also interested in strengthening our partnership with Tehran in regional affairs.",
        ],
    },
    Seed {
        id: "001_062efcb31f6393b3",
        title: "Iran Seeks to Strengthen Relations with Russia",
        date: Some("2016-02-01"),
        time: None,
        source: Some("Press TV"),
        dateline: None,
        removed: &[
            ("publication date line", "Monday, February 1, 2016"),
            ("credit line", "*Photo Credit: Press TV"),
            ("site footer (other script)", "طراحی و توسعه آگاهسیستم"),
        ],
        sentences: &[
            "A senior Iranian official says Tehran seeks to strengthen relations with Russia as the two countries share a common stance on the Syrian crisis.",
            "Velayati arrived in Moscow on Monday (February 1, 2016) morning to hold talks with senior Russian officials on ways to strengthen relations.",
            "The visit comes at the invitation of Director of the Russian Institute of Strategic Studies Leonid Petrovich Reshetnikov.",
        ],
    },
    Seed {
        id: "002_7850ec27218cba1f",
        title: "Spokesman: Iran to Continue Cooperation with Russia on Syria",
        date: Some("2019-01-28"),
        time: Some("20:43"),
        source: Some("AVA"),
        dateline: None,
        removed: &[
            ("page ID", "Code 134776"),
            ("publication date line", "PublishDate: Monday, January 28, 201920:43"),
            ("agency prefix", "AVA-"),
            ("comment form", "Your comment"),
            ("related and latest links", "Related posts"),
            ("related and latest links", "Latest news"),
        ],
        sentences: &[
            "\"We (Iran and Russia) are two important partners and neighbors and we have had highly valuable experiences and very close mutual and regional cooperation, especially in the fight against terrorism on Syria,\" Qassemi told reporters in Tehran on Monday.",
            "Earlier this month, Special Assistant to Iran's Foreign Minister in Political Affairs Hossein Jaberi Ansari held bilateral meetings with Russian military and security officials in Moscow to exchange views on the most recent developments in Syria.",
            "He said that the pace of developments and Iran-Russia cooperation had necessitated the exchange of delegations between Tehran and Moscow.",
        ],
    },
    Seed {
        id: "003_b47ca4fd2cf0fa61",
        title: "Development of strategic partnership between Iran, Russia",
        date: Some("2014-11-28"),
        time: Some("00:02"),
        source: Some("SHAFAQNA"),
        dateline: None,
        removed: &[
            ("publication date line", "Date :Friday, November 28th, 2014 | Time : 00:02 |ID: 13749 | Print"),
            ("agency prefix", "SHAFAQNA (Shia International News Association)-"),
            ("comment form", "0 replies"),
            ("comment form", "Leave a Reply"),
            ("comment form", "Want to join the discussion?"),
            ("comment form", "Feel free to contribute!"),
            ("comment form", "Leave a Reply"),
            ("comment form", "Your email address will not be published. Required fields are marked *"),
        ],
        sentences: &[
            "In a conference held in Moscow on Tuesday, Iranian and Russian officials underlined the importance of developing strategic cooperation between the two countries.",
            "Earlier in November, Russia and Iran signed several agreements on the construction of two nuclear reactor units at the Bushehr nuclear power plant, with the possibility of building six more in the future.",
            "The two sides also inked a memorandum of understanding for the expansion of cooperation in the field of peaceful nuclear energy.",
        ],
    },
    Seed {
        id: "004_a69506151a1a2a0e",
        title: "Iran and Russia strengthen cooperation and seek regional security",
        date: None,
        time: None,
        source: None,
        dateline: None,
        removed: &[
            ("headline", "Iran and Russia strengthen cooperation and seek regional security | News"),
            ("inserted headline", "Iran urges US to remove obstacles in negotiations in Vienna"),
            ("comment form", "Comments are closed."),
        ],
        sentences: &[
            "The presidents of Russia, Vladimir Putin, and Iran, Ebrahim Raisi, agreed on Wednesday to strengthen trade ties in various strategic sectors and in order to continue contributing to regional peace, as part of Raisi’s visit to Moscow.",
            "Furthermore, Iran acts as an observer in the Shanghai Cooperation Organization (SCO).”",
            "“We have been countering the Americans for over 40 years.",
        ],
    },
];

fn corpus() -> Corpus {
    compile_dir(&default_corpus()).expect("the default corpus compiles")
}

/// Compares one seed's document with what it must be.
fn check(corpus: &Corpus, seed: &Seed) {
    let doc = corpus
        .documents
        .iter()
        .find(|d| d.id == seed.id)
        .unwrap_or_else(|| panic!("{} is missing", seed.id));
    assert_eq!(doc.title, seed.title, "{}", seed.id);
    assert_eq!(
        doc.date.map(|d| d.iso()).as_deref(),
        seed.date,
        "{}",
        seed.id
    );
    assert_eq!(doc.time.as_deref(), seed.time, "{}", seed.id);
    assert_eq!(doc.source.as_deref(), seed.source, "{}", seed.id);
    assert_eq!(doc.dateline.as_deref(), seed.dateline, "{}", seed.id);
    let removed: Vec<(&str, &str)> = doc
        .removed
        .iter()
        .map(|r| (r.reason.as_str(), r.text.as_str()))
        .collect();
    assert_eq!(removed, seed.removed, "{}", seed.id);
    // Nothing removed survives in the body (the headline may be quoted there, but is not).
    for (_, text) in seed.removed {
        assert!(
            !doc.text.contains(text),
            "{}: {text:?} is still in the text",
            seed.id
        );
    }
    let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(*s)).collect();
    for sentence in seed.sentences {
        assert!(
            sentences.contains(sentence),
            "{}: no sentence {sentence:?} in {sentences:#?}",
            seed.id
        );
    }
    check_structure(doc);
}

/// The clean-text invariants of the model: normalised whitespace, paragraph
/// and sentence spans on character boundaries, ordered, trimmed, covering the text.
fn check_structure(doc: &Document) {
    let id = &doc.id;
    assert!(
        !doc.text.contains('\u{a0}') && !doc.text.contains("  ") && !doc.text.contains(" \n"),
        "{id}: whitespace"
    );
    let joined: Vec<&str> = doc.paragraphs.iter().map(|p| doc.slice(*p)).collect();
    assert_eq!(
        joined.join("\n\n"),
        *doc.text,
        "{id}: paragraphs cover the text"
    );
    let mut last_end = 0;
    for span in &doc.sentences {
        let sentence = doc.slice(*span);
        assert!(
            span.start >= last_end && !sentence.is_empty(),
            "{id}: sentences ordered"
        );
        assert_eq!(sentence.trim(), sentence, "{id}: sentence trimmed");
        assert!(
            doc.paragraphs
                .iter()
                .any(|p| p.start <= span.start && span.end <= p.end),
            "{id}: sentence inside a paragraph"
        );
        last_end = span.end;
    }
    let letters = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    let covered: usize = doc.sentences.iter().map(|s| letters(doc.slice(*s))).sum();
    assert_eq!(
        covered,
        letters(&doc.text),
        "{id}: sentences cover every non-space character"
    );
}

#[test]
fn each_default_article_compiles_to_its_expected_document() {
    let corpus = corpus();
    assert_eq!(corpus.documents.len(), SEEDS.len());
    for seed in SEEDS {
        check(&corpus, seed);
    }
}

#[test]
fn the_default_report_accounts_for_every_file() {
    let corpus = corpus();
    let report = communique_compiler::report::render(&corpus);
    let expect = "\
included  000_7232237f068ca451.txt
included  001_062efcb31f6393b3.txt
included  002_7850ec27218cba1f.txt
included  003_b47ca4fd2cf0fa61.txt
included  004_a69506151a1a2a0e.txt
  warning: no date found
settings  corpus.toml

6 files: 5 included (5 documents), 0 skipped, settings from corpus.toml; 0 errors, 1 warning
";
    assert_eq!(report, expect);
}
