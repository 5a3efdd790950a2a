//! Evaluation on CoNLL-2003 NER files: precision, recall and F1 per kind and
//! overall, exact span match, as `conlleval` counts them.
//!
//! Each `-DOCSTART-` document becomes one [`Document`] whose text is its
//! sentences, one per line, tokens joined by spaces; the extractor's mentions
//! are mapped back to the tokens they cover. Kinds map person → PER,
//! organization → ORG, place → LOC; gold MISC chunks are ignored. Unlike the
//! product, names nothing resolves are typed anyway (the annotation has no
//! "unsure"), and places need not be in the gazetteer.
//!
//! Invariant: this module never stores CoNLL text; it reads what it is given.

use std::collections::HashSet;
use std::fmt;

use communique_core::{Document, EntityKind, Span};

use super::resolve::{tag_corpus, Unresolved};

/// Counts for one kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KindScore {
    /// Chunks found with the right span and kind.
    pub true_positives: u32,
    /// Chunks found that are not in the annotation.
    pub false_positives: u32,
    /// Annotated chunks not found.
    pub false_negatives: u32,
}

impl KindScore {
    /// Share of found chunks that are right (0 when nothing was found).
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    /// Share of annotated chunks that were found.
    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: KindScore) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
    }
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        0.0
    } else {
        f64::from(a) / f64::from(b)
    }
}

/// Scores of an evaluation run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NerScores {
    /// People (CoNLL `PER`).
    pub person: KindScore,
    /// Organisations (`ORG`).
    pub organization: KindScore,
    /// Places (`LOC`).
    pub place: KindScore,
    /// Documents read.
    pub documents: u32,
    /// Tokens read.
    pub tokens: u32,
}

impl NerScores {
    /// The three kinds summed.
    pub fn overall(&self) -> KindScore {
        let mut all = self.person;
        all.add(self.organization);
        all.add(self.place);
        all
    }

    fn kind_mut(&mut self, kind: EntityKind) -> &mut KindScore {
        match kind {
            EntityKind::Person => &mut self.person,
            EntityKind::Organization => &mut self.organization,
            EntityKind::Place => &mut self.place,
        }
    }
}

impl fmt::Display for NerScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} documents, {} tokens; exact span match, MISC ignored",
            self.documents, self.tokens
        )?;
        writeln!(
            f,
            "kind       precision  recall      F1     tp     fp     fn"
        )?;
        let rows = [
            ("PER", self.person),
            ("ORG", self.organization),
            ("LOC", self.place),
            ("overall", self.overall()),
        ];
        for (name, s) in rows {
            writeln!(
                f,
                "{name:<10} {:>9.3} {:>7.3} {:>7.3} {:>6} {:>6} {:>6}",
                s.precision(),
                s.recall(),
                s.f1(),
                s.true_positives,
                s.false_positives,
                s.false_negatives
            )?;
        }
        Ok(())
    }
}

/// A line of a CoNLL file that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConllError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for ConllError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ConllError {}

/// One annotated chunk: token range and kind.
type Chunk = (usize, usize, EntityKind);

/// One CoNLL document turned into a [`Document`], with its token spans and gold chunks.
struct Parsed {
    doc: Document,
    tokens: Vec<Span>,
    gold: HashSet<Chunk>,
}

fn kind_of_tag(tag: &str) -> Option<EntityKind> {
    match tag.get(2..)? {
        "PER" => Some(EntityKind::Person),
        "ORG" => Some(EntityKind::Organization),
        "LOC" => Some(EntityKind::Place),
        _ => None,
    }
}

/// Reads CoNLL-2003 text (token first, IOB1 or IOB2 tag last) into documents.
fn parse(text: &str) -> Result<Vec<Parsed>, ConllError> {
    let mut docs = Vec::new();
    let mut cur = Parsed {
        doc: Document::default(),
        tokens: Vec::new(),
        gold: HashSet::new(),
    };
    let mut sentence_start: Option<usize> = None;
    // The open chunk: first token, tag type (e.g. "PER", "MISC").
    let mut open: Option<(usize, String)> = None;
    let close = |cur: &mut Parsed, open: &mut Option<(usize, String)>| {
        if let Some((start, ty)) = open.take() {
            if let Some(kind) = kind_of_tag(&format!("I-{ty}")) {
                cur.gold.insert((start, cur.tokens.len(), kind));
            }
        }
    };
    let end_sentence = |cur: &mut Parsed, start: &mut Option<usize>| {
        if let Some(s) = start.take() {
            let end = cur.doc.text.len();
            cur.doc.sentences.push(Span::new(s, end));
            cur.doc.text.push('\n');
        }
    };
    for (n, line) in text.lines().enumerate() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.is_empty() {
            close(&mut cur, &mut open);
            end_sentence(&mut cur, &mut sentence_start);
            continue;
        }
        if fields[0] == "-DOCSTART-" {
            close(&mut cur, &mut open);
            end_sentence(&mut cur, &mut sentence_start);
            if !cur.tokens.is_empty() {
                docs.push(std::mem::replace(
                    &mut cur,
                    Parsed {
                        doc: Document::default(),
                        tokens: Vec::new(),
                        gold: HashSet::new(),
                    },
                ));
            }
            continue;
        }
        let tag = fields[fields.len() - 1];
        if fields.len() < 2 || !(tag == "O" || tag.starts_with("I-") || tag.starts_with("B-")) {
            return Err(ConllError {
                line: n + 1,
                message: format!("expected \"TOKEN … TAG\" with tag O, I-X or B-X, found {line:?}"),
            });
        }
        let ty = tag.get(2..).unwrap_or("");
        let continues = tag.starts_with("I-") && open.as_ref().is_some_and(|(_, t)| t == ty);
        if !continues {
            close(&mut cur, &mut open);
            if tag != "O" {
                open = Some((cur.tokens.len(), ty.to_string()));
            }
        }
        if sentence_start.is_none() {
            sentence_start = Some(cur.doc.text.len());
        } else {
            cur.doc.text.push(' ');
        }
        let start = cur.doc.text.len();
        cur.doc.text.push_str(fields[0]);
        cur.tokens.push(Span::new(start, cur.doc.text.len()));
    }
    close(&mut cur, &mut open);
    end_sentence(&mut cur, &mut sentence_start);
    if !cur.tokens.is_empty() {
        docs.push(cur);
    }
    Ok(docs)
}

/// Runs the extractor on CoNLL-2003 text and scores it against the annotation.
pub fn evaluate(conll_text: &str) -> Result<NerScores, ConllError> {
    evaluate_with_errors(conll_text, 0).map(|(scores, _)| scores)
}

/// Like [`evaluate`], and also lists up to `max_errors` wrong or missed chunks
/// ("fp ORG: Leicestershire", "fn PER: Phil Simmons") for tuning.
pub fn evaluate_with_errors(
    conll_text: &str,
    max_errors: usize,
) -> Result<(NerScores, Vec<String>), ConllError> {
    let mut errors = Vec::new();
    let parsed = parse(conll_text)?;
    let docs: Vec<Document> = parsed.iter().map(|p| p.doc.clone()).collect();
    let found = tag_corpus(&docs, Unresolved::Guess);
    let mut scores = NerScores {
        documents: parsed.len() as u32,
        tokens: parsed.iter().map(|p| p.tokens.len() as u32).sum(),
        ..NerScores::default()
    };
    for (p, mentions) in parsed.iter().zip(found) {
        let mut predicted: HashSet<Chunk> = HashSet::new();
        for m in mentions {
            let Some(kind) = m.kind else { continue };
            let first = p.tokens.partition_point(|t| t.end <= m.span.start);
            let last = p.tokens.partition_point(|t| t.start < m.span.end);
            if first < last {
                predicted.insert((first, last, kind));
            }
        }
        let show = |chunk: &Chunk| {
            let text =
                &p.doc.text[p.tokens[chunk.0].start as usize..p.tokens[chunk.1 - 1].end as usize];
            let tag = match chunk.2 {
                EntityKind::Person => "PER",
                EntityKind::Organization => "ORG",
                EntityKind::Place => "LOC",
            };
            format!("{tag}: {text}")
        };
        for chunk in &predicted {
            let s = scores.kind_mut(chunk.2);
            if p.gold.contains(chunk) {
                s.true_positives += 1;
            } else {
                s.false_positives += 1;
                if errors.len() < max_errors {
                    errors.push(format!("fp {}", show(chunk)));
                }
            }
        }
        for chunk in p.gold.difference(&predicted) {
            scores.kind_mut(chunk.2).false_negatives += 1;
            if errors.len() < max_errors {
                errors.push(format!("fn {}", show(chunk)));
            }
        }
    }
    Ok((scores, errors))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Evaluates a small hand-written CoNLL text and compares (tp, fp, fn) for PER, ORG, LOC.
    fn check(conll: &str, expect: [(u32, u32, u32); 3]) {
        let s = evaluate(conll).expect("parses");
        let got = [s.person, s.organization, s.place]
            .map(|k| (k.true_positives, k.false_positives, k.false_negatives));
        assert_eq!(got, expect, "{s}");
    }

    #[test]
    fn scores_exact_spans_per_kind() {
        let text = "-DOCSTART- -X- O O\n\nPedro NNP I-NP I-PER\nSanchez NNP I-NP I-PER\nvisited VBD I-VP O\n\
                    Lima NNP I-NP I-LOC\nwith IN I-PP O\nthe DT I-NP O\nBank NNP I-NP I-ORG\nof IN I-PP I-ORG\n\
                    Peru NNP I-NP I-ORG\nand CC O O\nFrench JJ I-NP I-MISC\nofficials NNS I-NP O\n. . O O\n";
        check(text, [(1, 0, 0), (1, 0, 0), (1, 0, 0)]);
        // A missed chunk and a wrong span each count.
        let text = "Talks NNS I-NP O\nin IN I-PP O\nNew NNP I-NP I-LOC\nYork NNP I-NP I-LOC\nCity NNP I-NP I-LOC\n";
        let s = evaluate(text).expect("parses");
        assert_eq!(s.place.false_negatives, 1, "{s}");
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let err = evaluate("Lima NNP I-NP I-LOC\nbroken\n").unwrap_err();
        assert_eq!(err.line, 2);
    }

    #[test]
    fn display_lists_every_kind() {
        let shown = NerScores::default().to_string();
        for row in ["PER", "ORG", "LOC", "overall"] {
            assert!(shown.contains(row), "{shown}");
        }
    }
}
