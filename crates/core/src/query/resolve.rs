//! Resolving a [`Query`] against one index, once per query: each clause becomes the index
//! terms that stand for it (exact, prefix and typo alternatives, each with how it
//! matched). Evaluation and snippets both read the resolved form (tantivy's Query → Weight).

use super::fuzzy;
use super::parse::{Clause, Query};
use super::rank::MatchClass;
use crate::index::SearchIndex;

/// At most this many terms stand for a word being typed (the most frequent
/// ones), so a short prefix costs about as much as a few common words: 10
/// for two letters, 20 for three, 40 from four on.
fn max_prefix_terms(letters: usize) -> usize {
    match letters {
        0..=2 => 10,
        3 => 20,
        _ => 40,
    }
}

/// A clause of a query, resolved to index term ids.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Resolved {
    /// One word: any of these terms, each with how it matched (maybe none).
    Word(Vec<(u32, MatchClass)>),
    /// Several words in order: each content word's term id and offset in the
    /// phrase; `None` when some word is not in the index (matches nothing).
    Phrase(Option<Vec<(u32, u32)>>),
}

/// A query resolved against one index: positive and excluded clauses.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct ResolvedQuery {
    /// Clauses every hit must match.
    pub positive: Vec<Resolved>,
    /// Clauses no hit may match.
    pub excluded: Vec<Resolved>,
}

impl ResolvedQuery {
    /// Looks up every clause of `query` in `index`. Stop words alone resolve
    /// to nothing and are dropped, unless being typed (then they are prefixes).
    pub(crate) fn new(index: &SearchIndex, query: &Query) -> ResolvedQuery {
        let mut resolved = ResolvedQuery::default();
        for clause in query.clauses() {
            let Some(r) = resolve(index, clause) else {
                continue;
            };
            if clause.excluded {
                resolved.excluded.push(r);
            } else {
                resolved.positive.push(r);
            }
        }
        resolved
    }
}

/// Resolves one clause; `None` when it has nothing to match (only stop words).
fn resolve(index: &SearchIndex, clause: &Clause) -> Option<Resolved> {
    let content: Vec<(&str, u32)> = clause
        .words
        .iter()
        .filter_map(|w| Some((w.term.as_deref()?, w.offset)))
        .collect();
    if clause.is_phrase() && content.len() > 1 {
        let terms = content
            .iter()
            .map(|&(term, offset)| Some((index.term_id(term)?, offset)))
            .collect();
        return Some(Resolved::Phrase(terms));
    }
    let word = &clause.words[content.first().map_or(0, |&(_, offset)| offset as usize)];
    if word.term.is_none() && !clause.prefix {
        return None;
    }
    // One letter being typed is not a word yet: "iran p" keeps showing the
    // hits for "iran" rather than flashing those of every p-word.
    if clause.prefix && word.folded.chars().nth(1).is_none() {
        return None;
    }
    let mut alternatives: Vec<(u32, MatchClass)> = Vec::new();
    if let Some(id) = word.term.as_deref().and_then(|t| index.term_id(t)) {
        alternatives.push((id, MatchClass::Exact));
    }
    if clause.prefix {
        let mut longer = index.completions(&word.folded);
        longer.retain(|id| !alternatives.iter().any(|(a, _)| a == id));
        let max = max_prefix_terms(word.folded.chars().count());
        if longer.len() > max {
            crate::sort::sort_by_key(&mut longer, |&id| std::cmp::Reverse(index.doc_freq(id)));
            longer.truncate(max);
        }
        alternatives.extend(longer.into_iter().map(|id| (id, MatchClass::Prefix)));
    }
    // A word still being typed that completes to something is not a typo
    // (yet): its completions stand for it, and the scan is saved.
    let being_typed = clause.prefix && !alternatives.is_empty();
    if let (Some(term), false, false, false) =
        (&word.term, clause.quoted, clause.excluded, being_typed)
    {
        for (id, distance) in fuzzy::typo_candidates(index, &word.folded, term) {
            if !alternatives.iter().any(|(a, _)| *a == id) {
                alternatives.push((id, MatchClass::typo(distance)));
            }
        }
    }
    Some(Resolved::Word(alternatives))
}
