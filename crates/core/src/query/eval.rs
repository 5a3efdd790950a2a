//! Evaluating a [`Query`] against the index: resolve each clause to index
//! terms (exact, prefix and typo alternatives), intersect the positive
//! clauses, check phrases by position, drop excluded and disallowed
//! documents, then rank and attach snippets.
//!
//! Per-document state lives in dense arrays indexed by [`DocId`]: with about
//! ten thousand documents they cost a few tens of kilobytes per query and
//! make every step a linear pass, without hashing.

use super::parse::{Clause, Query};
use super::rank::{self, MatchClass, Scored};
use super::snippet::{self, Matcher};
use super::{fuzzy, Hit, SearchOptions, SortOrder};
use crate::index::{SearchIndex, TermPostings};
use crate::model::{DocId, Document};

/// At most this many terms stand for a word being typed (the most frequent
/// ones), so a one-letter prefix costs as little as a common word.
const MAX_PREFIX_TERMS: usize = 40;

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
    let mut alternatives: Vec<(u32, MatchClass)> = Vec::new();
    if let Some(id) = word.term.as_deref().and_then(|t| index.term_id(t)) {
        alternatives.push((id, MatchClass::Exact));
    }
    if clause.prefix {
        let mut longer = index.completions(&word.folded);
        longer.retain(|id| !alternatives.iter().any(|(a, _)| a == id));
        if longer.len() > MAX_PREFIX_TERMS {
            longer.sort_by_cached_key(|&id| std::cmp::Reverse(index.doc_freq(id)));
            longer.truncate(MAX_PREFIX_TERMS);
        }
        alternatives.extend(longer.into_iter().map(|id| (id, MatchClass::Prefix)));
    }
    if let (Some(term), false, false) = (&word.term, clause.quoted, clause.excluded) {
        for (id, distance) in fuzzy::typo_candidates(index, &word.folded, term) {
            if !alternatives.iter().any(|(a, _)| *a == id) {
                alternatives.push((id, MatchClass::typo(distance)));
            }
        }
    }
    Some(Resolved::Word(alternatives))
}

/// The best match of one clause in one document.
#[derive(Clone, Copy, Debug, PartialEq)]
struct ClauseMatch {
    doc: DocId,
    class: MatchClass,
    bm25: f32,
}

/// How many of a document's positions in `positions` fall in its title.
fn title_tf(index: &SearchIndex, doc: DocId, positions: &[u32]) -> u32 {
    let title_len = index.title_len(doc);
    positions.partition_point(|&p| p < title_len) as u32
}

/// Every document matching a clause, once each, with its best match.
fn clause_matches(index: &SearchIndex, clause: &Resolved) -> Vec<ClauseMatch> {
    let n = index.doc_count();
    match clause {
        Resolved::Word(alternatives) => {
            let mut best: Vec<Option<(MatchClass, f32)>> = vec![None; n];
            let mut touched = Vec::new();
            for &(id, class) in alternatives {
                let list = index.postings(id);
                let idf = rank::idf(n, list.docs.len());
                for (i, &doc) in list.docs.iter().enumerate() {
                    let Some(slot) = best.get_mut(doc as usize) else {
                        continue;
                    };
                    let positions = list.positions_of(i);
                    let in_title = title_tf(index, doc, positions);
                    let body = positions.len() as u32 - in_title;
                    let bm25 = rank::bm25f(index, doc, in_title, body, idf);
                    match slot {
                        None => {
                            touched.push(doc);
                            *slot = Some((class, bm25));
                        }
                        Some((c, s)) if class < *c || (class == *c && bm25 > *s) => {
                            *slot = Some((class, bm25));
                        }
                        Some(_) => {}
                    }
                }
            }
            touched
                .into_iter()
                .filter_map(|doc| {
                    let (class, bm25) = best[doc as usize]?;
                    Some(ClauseMatch { doc, class, bm25 })
                })
                .collect()
        }
        Resolved::Phrase(None) => Vec::new(),
        Resolved::Phrase(Some(terms)) => phrase_matches(index, terms),
    }
}

/// Documents containing the phrase `terms` (term id, offset) within one field.
fn phrase_matches(index: &SearchIndex, terms: &[(u32, u32)]) -> Vec<ClauseMatch> {
    let n = index.doc_count();
    let lists: Vec<TermPostings> = terms.iter().map(|&(id, _)| index.postings(id)).collect();
    let idf: f32 = lists.iter().map(|l| rank::idf(n, l.docs.len())).sum();
    let Some(rarest) = (0..lists.len()).min_by_key(|&i| lists[i].docs.len()) else {
        return Vec::new();
    };
    let (first_offset, last_offset) = (terms[0].1, terms[terms.len() - 1].1);
    let mut found = Vec::new();
    'docs: for &doc in &lists[rarest].docs {
        // Where the document sits in each term's list.
        let mut slots = Vec::with_capacity(lists.len());
        for list in &lists {
            match list.docs.binary_search(&doc) {
                Ok(i) => slots.push(i),
                Err(_) => continue 'docs,
            }
        }
        let title_len = index.title_len(doc);
        let (mut in_title, mut in_body) = (0, 0);
        for &p in lists[0].positions_of(slots[0]) {
            let Some(start) = p.checked_sub(first_offset) else {
                continue;
            };
            let all_there =
                terms
                    .iter()
                    .zip(&lists)
                    .zip(&slots)
                    .all(|((&(_, offset), list), &slot)| {
                        list.positions_of(slot)
                            .binary_search(&(start + offset))
                            .is_ok()
                    });
            // A phrase may not run from the end of the title into the body.
            let one_field = (start < title_len) == (start + last_offset < title_len);
            if all_there && one_field {
                if start < title_len {
                    in_title += 1;
                } else {
                    in_body += 1;
                }
            }
        }
        if in_title + in_body > 0 {
            found.push(ClauseMatch {
                doc,
                class: MatchClass::Exact,
                bm25: rank::bm25f(index, doc, in_title, in_body, idf),
            });
        }
    }
    found
}

impl SearchIndex {
    /// All allowed documents matching `query`, ranked by `opts.sort`, the
    /// first [`SNIPPET_HITS`](super::SNIPPET_HITS) with snippets. An empty
    /// (or all-exclusion) query lists every allowed document, newest first.
    ///
    /// `docs` must be the documents the index was built from.
    pub fn search(&self, docs: &[Document], query: &Query, opts: &SearchOptions) -> Vec<Hit> {
        let resolved = ResolvedQuery::new(self, query);
        let n = docs.len();
        let allowed = |doc: DocId| opts.allowed.is_none_or(|allow| allow(doc));

        let mut excluded = vec![false; n];
        for clause in &resolved.excluded {
            for m in clause_matches(self, clause) {
                if let Some(slot) = excluded.get_mut(m.doc as usize) {
                    *slot = true;
                }
            }
        }

        let listing = resolved.positive.is_empty();
        let mut scored: Vec<Scored> = Vec::new();
        if listing {
            scored.extend((0..n as DocId).map(|doc| Scored {
                doc,
                tier: 0,
                bm25: 0.0,
            }));
        } else {
            // `matched[d] == k` once document `d` matched the first `k` clauses.
            let mut matched = vec![0u16; n];
            let mut tier = vec![0u32; n];
            let mut bm25 = vec![0f32; n];
            for (k, clause) in resolved.positive.iter().enumerate() {
                for m in clause_matches(self, clause) {
                    let d = m.doc as usize;
                    if d < n && usize::from(matched[d]) == k {
                        matched[d] += 1;
                        tier[d] += m.class as u32;
                        bm25[d] += m.bm25;
                    }
                }
            }
            let all = resolved.positive.len();
            scored.extend(
                (0..n)
                    .filter(|&d| usize::from(matched[d]) == all)
                    .map(|d| Scored {
                        doc: d as DocId,
                        tier: tier[d],
                        bm25: bm25[d],
                    }),
            );
        }
        scored.retain(|s| !excluded[s.doc as usize] && allowed(s.doc));
        let order = if listing {
            SortOrder::Newest
        } else {
            opts.sort
        };
        rank::sort(&mut scored, docs, order);

        let worst_tier = scored.iter().map(|s| s.tier).max().unwrap_or(0);
        let best_bm25 = scored.iter().map(|s| s.bm25).fold(0.0, f32::max);
        let mut matcher = Matcher::new(self, &resolved);
        scored
            .iter()
            .enumerate()
            .map(|(rank, s)| Hit {
                doc: s.doc,
                score: if listing {
                    0.0
                } else {
                    rank::display_score(s, worst_tier, best_bm25)
                },
                snippets: match docs.get(s.doc as usize) {
                    Some(doc) if rank < super::SNIPPET_HITS => {
                        snippet::passages(doc, &matcher.spans(&doc.text))
                    }
                    _ => Vec::new(),
                },
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartialDate;
    use crate::query::parse;

    /// A small newsroom: titles, bodies and dates chosen to separate the rules.
    fn newsroom() -> Vec<Document> {
        let doc = |title: &str, text: &str, date: Option<PartialDate>| Document {
            title: title.into(),
            text: text.into(),
            date,
            ..Default::default()
        };
        vec![
            // 0: the term in the title.
            doc("Tehran hosts talks", "Delegations met on Monday.", Some(PartialDate::ymd(2016, 9, 14))),
            // 1: the term once in a long body.
            doc(
                "Regional news",
                "Officials met in Tehran. Weather was fine. Markets were calm. Trains ran late. Schools opened.",
                Some(PartialDate::ymd(2016, 9, 15)),
            ),
            // 2: the term three times in a short body.
            doc("Capital report", "Tehran, Tehran and Tehran again.", None),
            // 3: a phrase, and a typo of the capital.
            doc(
                "Foreign minister travels",
                "The deputy foreign minister flew to Teheran on Sunday.",
                Some(PartialDate::ym(2016, 10)),
            ),
            // 4: the same words, not as a phrase.
            doc("Minister of trade", "A foreign delegation met the trade minister.", Some(PartialDate::y(2015))),
            // 5: prefix and typo neighbours.
            doc("Negotiations resume", "Negotiators negotiated in Vienna.", Some(PartialDate::ymd(2016, 1, 2))),
        ]
    }

    /// Searches the newsroom with `options` and compares the hit order.
    fn check_with(query: &str, options: &SearchOptions, expect: &[DocId]) {
        let docs = newsroom();
        let index = SearchIndex::build(&docs);
        let hits = index.search(&docs, &parse(query), options);
        let got: Vec<DocId> = hits.iter().map(|h| h.doc).collect();
        assert_eq!(got, expect, "{query:?}");
        // Scores fall with rank under relevance, so a caller may re-sort by them.
        if options.sort == SortOrder::Relevance {
            assert!(
                hits.windows(2).all(|w| w[0].score >= w[1].score),
                "{query:?}: {hits:?}"
            );
        }
    }

    /// Searches the newsroom by relevance with no filter.
    fn check(query: &str, expect: &[DocId]) {
        check_with(query, &SearchOptions::default(), expect);
    }

    #[test]
    fn bm25_puts_title_above_body_and_rewards_frequency() {
        // Three mentions in a short body outweigh one in the title (worth
        // three in the body), which beats one mention in a long body; the
        // typo "Teheran" (1 edit) comes last.
        check("tehran ", &[2, 0, 1, 3]);
        // Rare terms weigh more than common ones: "delegations" is in 2 docs, "met" in 3.
        check("met delegations ", &[0, 4]);
    }

    #[test]
    fn phrases_need_their_words_in_order() {
        check("\"foreign minister\"", &[3]);
        check("foreign minister ", &[3, 4]);
        check("\"minister foreign\"", &[]);
        // A stop word inside keeps its slot: "minister of trade" is in 4's title.
        check("\"minister of trade\"", &[4]);
        check("\"minister trade\"", &[]);
        // Never across the end of the title into the body.
        check("\"talks delegations\"", &[]);
        check("\"unknownword minister\"", &[]);
    }

    #[test]
    fn excludes_remove_documents() {
        check("minister -trade", &[3]);
        check("minister -\"deputy foreign\"", &[4]);
        check("minister -\"foreign deputy\"", &[4, 3]);
        // Only exclusions: every other document, newest first.
        check("-tehran -minister", &[5]);
    }

    #[test]
    fn prefixes_while_typing_rank_below_exact() {
        check("negotiat", &[5]);
        check("negotiat ", &[]);
        check("minist", &[4, 3]);
        check("capit", &[2]);
        check("deleg", &[0, 4]);
    }

    #[test]
    fn typos_by_length_rank_below_exact() {
        // 5+ letters: one edit; the exact "Tehran" documents come first.
        // "Teheran" is two edits from "tehrna": too far for 6 letters.
        check("tehrna ", &[2, 0, 1]);
        // Under 5 letters: no typos.
        check("tlaks ", &[0]);
        check("talk ", &[0]);
        check("tlak ", &[]);
        // 9+ letters: two edits.
        check("negoitaitons ", &[5]);
        check("vienan ", &[5]);
        // Quoted words are exact.
        check("\"vienan\"", &[]);
    }

    #[test]
    fn empty_queries_list_everything_newest_first() {
        check("", &[3, 1, 0, 5, 4, 2]);
        check("the of ", &[3, 1, 0, 5, 4, 2]);
    }

    #[test]
    fn sort_and_filters() {
        let newest = SearchOptions {
            sort: SortOrder::Newest,
            allowed: None,
        };
        check_with("tehran ", &newest, &[3, 1, 0, 2]);
        let odd = |doc: DocId| doc % 2 == 1;
        let only_odd = SearchOptions {
            sort: SortOrder::Relevance,
            allowed: Some(&odd),
        };
        check_with("tehran ", &only_odd, &[1, 3]);
        check_with("", &only_odd, &[3, 1, 5]);
    }

    #[test]
    fn every_hit_on_the_first_page_has_a_snippet() {
        let docs = newsroom();
        let index = SearchIndex::build(&docs);
        for query in ["tehran", "", "\"foreign minister\"", "negotiat"] {
            for hit in index.search(&docs, &parse(query), &SearchOptions::default()) {
                assert!(!hit.snippets.is_empty(), "{query:?} doc {}", hit.doc);
            }
        }
    }
}
