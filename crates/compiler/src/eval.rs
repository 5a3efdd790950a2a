//! Scores a compiled corpus against a hand-annotated gold file (the format of
//! `../shared/eval/dev.json`, described in its README): visits, their dates,
//! and the people, organisations and places of every article.
//!
//! This is a benchmark, run by `cargo xtask eval`, not a test: the articles
//! are not ours to ship, so they are re-obtained into a git-ignored folder and
//! handed to the compiler as one JSONL line each (id, date, url, text), the
//! way a user with scraped data would.
//!
//! Matching rules (the gold file's own):
//! - Entities are scored per article: a predicted entity of an article is
//!   right when its name, or failing that one of its aliases, is a gold
//!   entity's name or alias listed for that article; names on the gold's
//!   `also_ok` list count neither way. A gold entity matched by several
//!   predicted entities of the corpus is *split*.
//! - A predicted visit is expanded into one fact per article that reports it
//!   (its evidence). It matches a gold visit of that article when the
//!   traveler is one of the gold person's names and the predicted
//!   destination or country equals the gold destination, or the predicted
//!   destination equals the gold country. `also_ok_visits` count neither way.
//! - A matched visit's date is right when its start (or end) date, written at
//!   its own precision (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), begins with one of
//!   the gold's `date_ok` prefixes (so `2019-06` accepts any day of that
//!   month), where `null` accepts a visit without a date.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};
use std::path::Path;

use communique_core::{Corpus, EntityKind, PartialDate};
use serde::Deserialize;

/// A gold file: the articles, their entities and their visits.
#[derive(Debug, Deserialize)]
pub struct Gold {
    /// Per article id: where to find it and its publication date.
    pub documents: BTreeMap<String, GoldDocument>,
    /// Canonical name → aliases and articles.
    #[serde(default)]
    pub people: BTreeMap<String, GoldEntity>,
    /// Canonical name → aliases and articles.
    #[serde(default)]
    pub organizations: BTreeMap<String, GoldEntity>,
    /// Canonical name → aliases and articles.
    #[serde(default)]
    pub places: BTreeMap<String, GoldEntity>,
    /// Every visit the articles state.
    #[serde(default)]
    pub visits: Vec<GoldVisit>,
    /// Names that count neither for nor against, per kind.
    #[serde(default)]
    pub also_ok: AlsoOk,
    /// Visits that count neither for nor against.
    #[serde(default)]
    pub also_ok_visits: Vec<GoldVisitForm>,
}

/// One article of the gold file.
#[derive(Debug, Deserialize)]
pub struct GoldDocument {
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
    /// Where the article was published.
    #[serde(default)]
    pub url: Option<String>,
    /// The headline (line 1 of the text).
    #[serde(default)]
    pub title: Option<String>,
}

/// One person, organisation or place of the gold file.
#[derive(Debug, Default, Deserialize)]
pub struct GoldEntity {
    /// Other names it goes by in the articles.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The articles it occurs in.
    #[serde(default)]
    pub docs: Vec<String>,
}

/// Names that count neither way.
#[derive(Debug, Default, Deserialize)]
pub struct AlsoOk {
    /// Person names.
    #[serde(default)]
    pub person: Vec<String>,
    /// Organisation names.
    #[serde(default)]
    pub organization: Vec<String>,
    /// Place names.
    #[serde(default)]
    pub place: Vec<String>,
}

/// One visit of the gold file.
#[derive(Debug, Deserialize)]
pub struct GoldVisit {
    /// The article stating it.
    pub doc: String,
    /// A key of `people`.
    pub traveler: String,
    /// City or country.
    pub destination: String,
    /// The destination's country.
    #[serde(default)]
    pub country: Option<String>,
    /// Accepted dates at their precision; `None` accepts no date.
    #[serde(default)]
    pub date_ok: Vec<Option<String>>,
    /// Happened, planned or cancelled.
    #[serde(default)]
    pub status: Option<String>,
}

/// A visit form that counts neither way.
#[derive(Debug, Deserialize)]
pub struct GoldVisitForm {
    /// The article.
    pub doc: String,
    /// A key of `people` (or a name).
    pub traveler: String,
    /// City or country.
    pub destination: String,
}

impl Gold {
    /// Reads a gold file; the error names the file and the problem.
    pub fn read(path: &Path) -> Result<Gold, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The JSONL the compiler reads: one line per article whose text is in
    /// `texts` as `<id>.txt`. Articles without a text are returned by id.
    pub fn jsonl(&self, texts: &Path) -> Result<(String, Vec<String>), String> {
        let mut jsonl = String::new();
        let mut missing = Vec::new();
        for (id, document) in &self.documents {
            let path = texts.join(format!("{id}.txt"));
            let text = match std::fs::read_to_string(&path) {
                Ok(text) => text,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    missing.push(id.clone());
                    continue;
                }
                Err(e) => return Err(format!("{}: {e}", path.display())),
            };
            let line = serde_json::json!({
                "id": id,
                "date": document.date,
                "url": document.url,
                "text": text,
            });
            writeln!(jsonl, "{line}").expect("writing to a String cannot fail");
        }
        Ok((jsonl, missing))
    }
}

/// True and false positives and negatives of one kind of fact, with precision,
/// recall and F1: the CoNLL evaluation's counts.
pub use crate::entities::KindScore as Counts;

/// Share of `part` in `whole` (1 when `whole` is 0).
fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// The scores of one kind of entity.
#[derive(Debug, Default)]
pub struct EntityScores {
    /// Per (article, entity) pair.
    pub counts: Counts,
    /// Gold entities that several predicted entities match, with their names.
    pub split: Vec<(String, Vec<String>)>,
    /// `article: name` of every wrong prediction.
    pub false_names: Vec<String>,
    /// `article: name` of every gold entity missed.
    pub missed_names: Vec<String>,
}

/// Every figure of one evaluation.
#[derive(Debug)]
pub struct Scores {
    /// Articles scored.
    pub documents: usize,
    /// Visits, per (article, traveler, destination).
    pub visits: Counts,
    /// Matched visits whose date is accepted.
    pub dates_right: usize,
    /// Matched visits whose gold states a status, and of those, how many have it.
    pub statuses: (usize, usize),
    /// Articles without a gold visit that got one anyway.
    pub no_visit_articles: usize,
    /// Of those, how many yielded a visit.
    pub no_visit_articles_with_visits: usize,
    /// People, organisations, places.
    pub entities: [(EntityKind, EntityScores); 3],
    /// One line per missed visit.
    pub missed_visits: Vec<String>,
    /// One line per false visit.
    pub false_visits: Vec<String>,
    /// One line per matched visit whose date is wrong.
    pub wrong_dates: Vec<String>,
    /// One line per matched visit whose status (happened, planned, cancelled) is wrong.
    pub wrong_statuses: Vec<String>,
}

/// A name reduced for comparison: folded, letters and digits only, single spaces.
pub fn name_key(name: &str) -> String {
    let folded = communique_core::text::fold(name.trim());
    let mut key = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_alphanumeric() {
            key.push(c);
        } else if !key.is_empty() && !key.ends_with(' ') && c != '\'' && c != '.' {
            key.push(' ');
        }
    }
    let key = key.trim_end();
    key.strip_prefix("the ").unwrap_or(key).to_owned()
}

/// Scores `corpus`, compiled from the gold's articles, against `gold`.
/// Articles missing from the corpus are left out of the scores.
pub fn score(gold: &Gold, corpus: &Corpus) -> Scores {
    let doc_ids: Vec<&str> = corpus.documents.iter().map(|d| &*d.id).collect();
    let present: BTreeSet<&str> = doc_ids.iter().copied().collect();
    let entities = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
    ]
    .map(|kind| (kind, score_entities(gold, corpus, &doc_ids, kind)));
    let mut scores = Scores {
        documents: present.len(),
        visits: Counts::default(),
        dates_right: 0,
        statuses: (0, 0),
        no_visit_articles: 0,
        no_visit_articles_with_visits: 0,
        entities,
        missed_visits: Vec::new(),
        false_visits: Vec::new(),
        wrong_dates: Vec::new(),
        wrong_statuses: Vec::new(),
    };
    score_visits(gold, corpus, &doc_ids, &present, &mut scores);
    scores
}

/// The gold entities of one kind.
fn gold_of(gold: &Gold, kind: EntityKind) -> (&BTreeMap<String, GoldEntity>, &[String]) {
    match kind {
        EntityKind::Person => (&gold.people, &gold.also_ok.person),
        EntityKind::Organization => (&gold.organizations, &gold.also_ok.organization),
        EntityKind::Place => (&gold.places, &gold.also_ok.place),
    }
}

fn score_entities(
    gold: &Gold,
    corpus: &Corpus,
    doc_ids: &[&str],
    kind: EntityKind,
) -> EntityScores {
    let (entities, also_ok) = gold_of(gold, kind);
    // name key → gold entities it names.
    let mut by_key: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (name, entity) in entities {
        for form in std::iter::once(name).chain(&entity.aliases) {
            by_key.entry(name_key(form)).or_default().push(name);
        }
    }
    let also_ok: BTreeSet<String> = also_ok.iter().map(|n| name_key(n)).collect();
    let mut scores = EntityScores::default();
    let mut matched_by: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut found: BTreeSet<(&str, &str)> = BTreeSet::new();
    for entity in corpus.entities.iter().filter(|e| e.kind == kind) {
        let docs: BTreeSet<&str> = entity
            .mentions
            .iter()
            .filter_map(|m| doc_ids.get(m.doc as usize).copied())
            .collect();
        let forms = std::iter::once(&*entity.name).chain(entity.aliases.iter().map(String::as_str));
        for doc in docs {
            let candidates: Vec<&str> = forms
                .clone()
                .filter_map(|form| by_key.get(&name_key(form)))
                .flatten()
                .copied()
                .filter(|name| entities[*name].docs.iter().any(|d| d == doc))
                .collect();
            match candidates.first() {
                Some(name) => {
                    matched_by.entry(name).or_default().insert(&entity.name);
                    if found.insert((doc, name)) {
                        scores.counts.true_positives += 1;
                    }
                }
                None if forms.clone().any(|form| {
                    let key = name_key(form);
                    also_ok.contains(&key) || by_key.contains_key(&key)
                }) => {}
                None => {
                    scores.counts.false_positives += 1;
                    scores.false_names.push(format!("{doc}: {}", entity.name));
                }
            }
        }
    }
    let present: BTreeSet<&str> = doc_ids.iter().copied().collect();
    for (name, entity) in entities {
        for doc in entity.docs.iter().filter(|d| present.contains(d.as_str())) {
            if !found.contains(&(doc.as_str(), name.as_str())) {
                scores.counts.false_negatives += 1;
                scores.missed_names.push(format!("{doc}: {name}"));
            }
        }
    }
    for (name, predicted) in matched_by {
        if predicted.len() > 1 {
            scores.split.push((
                name.to_owned(),
                predicted.into_iter().map(str::to_owned).collect(),
            ));
        }
    }
    scores
}

/// One predicted visit as reported by one article.
struct Fact<'a> {
    doc: &'a str,
    traveler: Vec<String>,
    destination: String,
    country: Option<String>,
    dates: Vec<Option<String>>,
    status: &'static str,
    label: String,
}

fn score_visits(
    gold: &Gold,
    corpus: &Corpus,
    doc_ids: &[&str],
    present: &BTreeSet<&str>,
    scores: &mut Scores,
) {
    let person_keys = |name: &str| -> BTreeSet<String> {
        let mut keys = BTreeSet::from([name_key(name)]);
        if let Some(entity) = gold.people.get(name) {
            keys.extend(entity.aliases.iter().map(|a| name_key(a)));
        }
        keys
    };
    let mut facts = Vec::new();
    for visit in &corpus.visits {
        let mut traveler = vec![name_key(&visit.traveler)];
        if let Some(entity) = visit
            .traveler_entity
            .and_then(|id| corpus.entities.get(id as usize))
        {
            traveler.push(name_key(&entity.name));
        }
        let iso = |date: &Option<PartialDate>| date.as_ref().map(PartialDate::iso);
        let mut dates = vec![iso(&visit.date)];
        if visit.date_end.is_some() {
            dates.push(iso(&visit.date_end));
        }
        let docs: BTreeSet<&str> = visit
            .evidence
            .iter()
            .filter_map(|e| doc_ids.get(e.source.doc as usize).copied())
            .collect();
        for doc in docs {
            facts.push(Fact {
                doc,
                traveler: traveler.clone(),
                destination: name_key(&visit.destination),
                country: visit.country.as_deref().map(name_key),
                dates: dates.clone(),
                status: visit.status.as_str(),
                label: format!(
                    "{doc}: {} → {} ({}) {} [{}] {}",
                    visit.traveler,
                    visit.destination,
                    visit.country.as_deref().unwrap_or("?"),
                    dates_label(&dates),
                    visit.status.as_str(),
                    visit
                        .evidence
                        .iter()
                        .find(|e| doc_ids.get(e.source.doc as usize) == Some(&doc))
                        .map_or("", |e| e.rule.as_str()),
                ),
            });
        }
    }
    let place_matches = |fact: &Fact, destination: &str, country: Option<&str>| {
        let destination = name_key(destination);
        let country = country.map(name_key);
        fact.destination == destination
            || fact.country.as_deref() == Some(destination.as_str())
            || country.as_deref() == Some(fact.destination.as_str())
    };
    let mut used = vec![false; facts.len()];
    let golds: Vec<&GoldVisit> = gold
        .visits
        .iter()
        .filter(|v| present.contains(v.doc.as_str()))
        .collect();
    let dated = |fact: &Fact, visit: &GoldVisit| {
        fact.dates
            .iter()
            .any(|d| date_accepted(d.as_deref(), &visit.date_ok))
    };
    // Two trips of one traveler to one place (months apart) pair with the facts
    // whose dates they accept first; only then does any remaining fact pair by place.
    let mut paired: Vec<Option<usize>> = vec![None; golds.len()];
    for need_date in [true, false] {
        for (g, visit) in golds.iter().enumerate() {
            if paired[g].is_some() {
                continue;
            }
            let keys = person_keys(&visit.traveler);
            let found = facts.iter().enumerate().position(|(at, fact)| {
                !used[at]
                    && fact.doc == visit.doc
                    && fact.traveler.iter().any(|t| keys.contains(t))
                    && place_matches(fact, &visit.destination, visit.country.as_deref())
                    && (!need_date || dated(fact, visit))
            });
            if let Some(at) = found {
                used[at] = true;
                paired[g] = Some(at);
            }
        }
    }
    for (visit, pair) in golds.iter().zip(paired) {
        let matching = pair.map(|at| (at, &facts[at]));
        let gold_label = format!(
            "{}: {} → {} ({}) {} [{}]",
            visit.doc,
            visit.traveler,
            visit.destination,
            visit.country.as_deref().unwrap_or("?"),
            dates_label(&visit.date_ok),
            visit.status.as_deref().unwrap_or("?"),
        );
        match matching {
            Some((_, fact)) => {
                scores.visits.true_positives += 1;
                if let Some(status) = visit.status.as_deref() {
                    scores.statuses.0 += 1;
                    if status == fact.status {
                        scores.statuses.1 += 1;
                    } else {
                        scores
                            .wrong_statuses
                            .push(format!("{} — found {}", gold_label, fact.status));
                    }
                }
                if dated(fact, visit) {
                    scores.dates_right += 1;
                } else {
                    scores.wrong_dates.push(format!(
                        "{} — found {}",
                        gold_label,
                        dates_label(&fact.dates)
                    ));
                }
            }
            None => {
                scores.visits.false_negatives += 1;
                scores.missed_visits.push(gold_label);
            }
        }
    }
    for (at, fact) in facts.iter().enumerate() {
        if used[at] {
            continue;
        }
        // A second report of a matched trip, or an accepted variant: neither way.
        let duplicate = facts.iter().enumerate().any(|(other, f)| {
            used[other]
                && f.doc == fact.doc
                && f.traveler == fact.traveler
                && f.destination == fact.destination
        });
        let accepted = gold.also_ok_visits.iter().any(|v| {
            v.doc == fact.doc
                && fact
                    .traveler
                    .iter()
                    .any(|t| person_keys(&v.traveler).contains(t))
                && place_matches(fact, &v.destination, None)
        }) || gold.visits.iter().any(|v| {
            // The same gold trip found twice (e.g. city and country forms).
            v.doc == fact.doc
                && fact
                    .traveler
                    .iter()
                    .any(|t| person_keys(&v.traveler).contains(t))
                && place_matches(fact, &v.destination, v.country.as_deref())
        });
        if !duplicate && !accepted {
            scores.visits.false_positives += 1;
            scores.false_visits.push(fact.label.clone());
        }
    }
    let with_visits: BTreeSet<&str> = gold.visits.iter().map(|v| v.doc.as_str()).collect();
    for doc in present.iter().filter(|d| !with_visits.contains(*d)) {
        scores.no_visit_articles += 1;
        if facts.iter().any(|f| f.doc == *doc) {
            scores.no_visit_articles_with_visits += 1;
        }
    }
}

/// Whether a predicted date (ISO at its precision, or none) begins with one of the accepted prefixes.
fn date_accepted(predicted: Option<&str>, accepted: &[Option<String>]) -> bool {
    accepted.iter().any(|ok| match (predicted, ok) {
        (Some(date), Some(prefix)) => date.starts_with(prefix.as_str()),
        (None, None) => true,
        _ => false,
    })
}

fn dates_label(dates: &[Option<String>]) -> String {
    let names: Vec<&str> = dates
        .iter()
        .map(|d| d.as_deref().unwrap_or("none"))
        .collect();
    names.join("|")
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.missed_visits.is_empty() {
            writeln!(f, "missed visits:")?;
            for line in &self.missed_visits {
                writeln!(f, "  - {line}")?;
            }
        }
        if !self.false_visits.is_empty() {
            writeln!(f, "false visits:")?;
            for line in &self.false_visits {
                writeln!(f, "  + {line}")?;
            }
        }
        if !self.wrong_dates.is_empty() {
            writeln!(f, "wrong dates:")?;
            for line in &self.wrong_dates {
                writeln!(f, "  ~ {line}")?;
            }
        }
        if !self.wrong_statuses.is_empty() {
            writeln!(f, "wrong statuses:")?;
            for line in &self.wrong_statuses {
                writeln!(f, "  ~ {line}")?;
            }
        }
        for (kind, scores) in &self.entities {
            if !scores.missed_names.is_empty() {
                writeln!(
                    f,
                    "missed {}: {}",
                    kind.as_str(),
                    scores.missed_names.join("; ")
                )?;
            }
            if !scores.false_names.is_empty() {
                writeln!(
                    f,
                    "false {}: {}",
                    kind.as_str(),
                    scores.false_names.join("; ")
                )?;
            }
        }
        for (kind, scores) in &self.entities {
            for (name, predicted) in &scores.split {
                writeln!(
                    f,
                    "split {}: {name} = {}",
                    kind.as_str(),
                    predicted.join(" | ")
                )?;
            }
        }
        writeln!(f, "{} articles", self.documents)?;
        writeln!(f, "kind            P      R      F1    tp  fp  fn  split")?;
        let v = &self.visits;
        writeln!(
            f,
            "visits       {:.3}  {:.3}  {:.3}  {:>4} {:>3} {:>3}",
            v.precision(),
            v.recall(),
            v.f1(),
            v.true_positives,
            v.false_positives,
            v.false_negatives
        )?;
        for (kind, scores) in &self.entities {
            let c = &scores.counts;
            writeln!(
                f,
                "{:<12} {:.3}  {:.3}  {:.3}  {:>4} {:>3} {:>3}  {:>3}",
                kind.as_str(),
                c.precision(),
                c.recall(),
                c.f1(),
                c.true_positives,
                c.false_positives,
                c.false_negatives,
                scores.split.len()
            )?;
        }
        writeln!(
            f,
            "dates right: {} of {} visits found ({:.0}%)",
            self.dates_right,
            self.visits.true_positives,
            100.0 * ratio(self.dates_right, self.visits.true_positives as usize)
        )?;
        writeln!(
            f,
            "statuses right: {} of {} visits found with a stated status",
            self.statuses.1, self.statuses.0
        )?;
        writeln!(
            f,
            "articles without a visit that yield one: {} of {}",
            self.no_visit_articles_with_visits, self.no_visit_articles
        )
    }
}
