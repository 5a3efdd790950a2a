//! Visits of the five default articles: exactly the trips they report, each
//! with its traveler, destination, resolved date, hosts, inviter and evidence
//! sentences; and nothing else (no visit to a region, none invented).

use std::path::Path;

use communique_compiler::compile_dir;
use communique_core::{Corpus, Visit, VisitStatus};

fn corpus() -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    compile_dir(&dir).expect("the default corpus compiles")
}

/// What one visit must look like.
struct Expect<'a> {
    traveler: &'a str,
    traveler_country: &'a str,
    destination: &'a str,
    /// ISO date at its precision, or `None` for an undated visit.
    date: Option<&'a str>,
    /// Surnames every one of which must be among the hosts.
    hosts: &'a [&'a str],
    /// Surname of the inviter, when stated.
    inviter: Option<&'a str>,
    /// Documents (by file-name prefix) whose sentences are evidence.
    docs: &'a [&'a str],
}

/// Finds the one visit of `e.traveler` dated `e.date` and checks it against `e`.
fn check(corpus: &Corpus, e: Expect) {
    let date = |v: &Visit| v.date.map(|d| d.iso());
    let found: Vec<&Visit> = corpus
        .visits
        .iter()
        .filter(|v| v.traveler == e.traveler && date(v).as_deref() == e.date)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one visit of {} on {:?}: {:#?}",
        e.traveler,
        e.date,
        corpus.visits
    );
    let v = found[0];
    assert_eq!(
        v.traveler_country.as_deref(),
        Some(e.traveler_country),
        "{v:#?}"
    );
    assert_eq!(v.destination, e.destination, "{v:#?}");
    assert_eq!(v.status, VisitStatus::Happened, "{v:#?}");
    for host in e.hosts {
        assert!(
            v.hosts.iter().any(|h| h.ends_with(host)),
            "host {host} in {v:#?}"
        );
    }
    assert_eq!(
        v.inviter
            .as_deref()
            .map(|i| e.inviter.is_some_and(|x| i.ends_with(x))),
        e.inviter.map(|_| true),
        "inviter of {v:#?}"
    );
    let mut docs: Vec<&str> = v
        .evidence
        .iter()
        .map(|ev| &corpus.documents[ev.source.doc as usize].id[..3])
        .collect();
    docs.dedup();
    assert_eq!(docs, e.docs, "evidence of {v:#?}");
}

#[test]
fn default_corpus_visits() {
    let corpus = corpus();
    check(
        &corpus,
        Expect {
            traveler: "Hossein Jaberi Ansari",
            traveler_country: "Iran",
            destination: "Moscow",
            date: Some("2016-09-12"),
            hosts: &["Reshetnikov"],
            inviter: Some("Bogdanov"),
            docs: &["000"],
        },
    );
    check(
        &corpus,
        Expect {
            traveler: "Ali Akbar Velayati",
            traveler_country: "Iran",
            destination: "Moscow",
            date: Some("2016-02-01"),
            hosts: &[],
            inviter: Some("Reshetnikov"),
            docs: &["001"],
        },
    );
    check(
        &corpus,
        Expect {
            traveler: "Hossein Jaberi Ansari",
            traveler_country: "Iran",
            destination: "Moscow",
            date: Some("2019-01"),
            hosts: &["Fomin", "Vershinin", "Lavrentiev", "Bogdanov"],
            inviter: None,
            docs: &["002"],
        },
    );
    check(
        &corpus,
        Expect {
            traveler: "Ebrahim Raisi",
            traveler_country: "Iran",
            destination: "Moscow",
            date: None,
            hosts: &["Putin"],
            inviter: None,
            docs: &["004"],
        },
    );
    check(
        &corpus,
        Expect {
            traveler: "Xi Jinping",
            traveler_country: "China",
            destination: "Tehran",
            date: Some("2016-01"),
            hosts: &[],
            inviter: None,
            docs: &["001"],
        },
    );
    // Nothing else: Rouhani's visit "to Europe" names a region, and the Moscow
    // conference of 003 reports no traveler.
    assert_eq!(corpus.visits.len(), 5, "{:#?}", corpus.visits);
}

#[test]
fn evidence_is_whole_sentences_of_the_article() {
    let corpus = corpus();
    for v in &corpus.visits {
        assert!(!v.evidence.is_empty(), "{v:#?}");
        for ev in &v.evidence {
            let doc = &corpus.documents[ev.source.doc as usize];
            assert!(
                doc.sentences.contains(&ev.source.span),
                "{} in {}",
                ev.rule,
                doc.id
            );
        }
    }
}
