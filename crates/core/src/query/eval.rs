//! Evaluating a [`Query`] against the index: resolve each clause to index
//! terms (exact, prefix and typo alternatives), intersect the positive
//! clauses, check phrases by position, drop excluded and disallowed
//! documents, then rank and attach snippets.
//!
//! Per-document state lives in dense arrays indexed by [`DocId`]: with about
//! ten thousand documents they cost a few tens of kilobytes per query and
//! make every step a linear pass, without hashing.

use super::parse::Query;
use super::rank::{self, MatchClass, Ranking, Scored};
use super::resolve::{Resolved, ResolvedQuery};
use super::snippet::{self, Matcher, WordMatch};
use super::{Hit, SearchOptions};
use crate::documents::Documents;
use crate::index::{SearchIndex, TermPostings};
use crate::model::{DocId, Document};

/// The best match of one clause in one document.
#[derive(Clone, Copy, Debug, PartialEq)]
struct ClauseMatch {
    doc: DocId,
    class: MatchClass,
    bm25: f32,
}

/// A clause's posting lists, decoded once per search: read for matching,
/// then again for the snippets of the first hits.
enum Loaded<'q> {
    /// A word's alternatives: list, how it matched, term id.
    Word(Vec<(TermPostings<'q>, MatchClass, u32)>),
    /// A phrase's terms (id, offset) and their lists, in the same order.
    Phrase(&'q [(u32, u32)], Vec<TermPostings<'q>>),
    /// A phrase with a word the index does not know.
    Nothing,
}

impl<'q> Loaded<'q> {
    /// Decodes the posting lists of a resolved clause.
    fn new(index: &'q SearchIndex, clause: &'q Resolved) -> Loaded<'q> {
        match clause {
            Resolved::Word(alternatives) => Loaded::Word(
                alternatives
                    .iter()
                    .map(|&(id, class)| (index.postings(id), class, id))
                    .collect(),
            ),
            Resolved::Phrase(Some(terms)) => Loaded::Phrase(
                terms,
                terms.iter().map(|&(id, _)| index.postings(id)).collect(),
            ),
            Resolved::Phrase(None) => Loaded::Nothing,
        }
    }
}

/// How many of a document's positions in `positions` fall in its title.
fn title_tf(index: &SearchIndex, doc: DocId, positions: &[u32]) -> u32 {
    let title_len = index.title_len(doc);
    positions.partition_point(|&p| p < title_len) as u32
}

/// Where the document sits in each of a phrase's lists; `None` when some
/// term is missing from it.
fn phrase_slots(lists: &[TermPostings], doc: DocId) -> Option<Vec<usize>> {
    lists
        .iter()
        .map(|list| list.docs.binary_search(&doc).ok())
        .collect()
}

/// Positions at which the phrase `terms` starts in `doc`, within one field
/// (a phrase may not run from the end of the title into the body).
fn phrase_starts(
    index: &SearchIndex,
    doc: DocId,
    terms: &[(u32, u32)],
    lists: &[TermPostings],
    slots: &[usize],
) -> Vec<u32> {
    let title_len = index.title_len(doc);
    let (first_offset, last_offset) = (terms[0].1, terms[terms.len() - 1].1);
    let positions: Vec<Vec<u32>> = lists
        .iter()
        .zip(slots)
        .map(|(list, &slot)| list.positions_of(slot))
        .collect();
    positions[0]
        .iter()
        .filter_map(|&p| p.checked_sub(first_offset))
        .filter(|&start| {
            let all_there = terms
                .iter()
                .zip(&positions)
                .all(|(&(_, offset), positions)| {
                    positions.binary_search(&(start + offset)).is_ok()
                });
            all_there && (start < title_len) == (start + last_offset < title_len)
        })
        .collect()
}

/// Every document matching a clause, once each, with its best match.
fn clause_matches(index: &SearchIndex, clause: &Loaded) -> Vec<ClauseMatch> {
    let n = index.doc_count();
    match clause {
        Loaded::Word(alternatives) => {
            let mut best: Vec<Option<(MatchClass, f32)>> = vec![None; n];
            let mut touched = Vec::new();
            for (list, class, _) in alternatives {
                let class = *class;
                let idf = rank::idf(n, list.docs.len());
                for (i, &doc) in list.docs.iter().enumerate() {
                    let Some(slot) = best.get_mut(doc as usize) else {
                        continue;
                    };
                    let in_title = list.count_below(i, index.title_len(doc));
                    let body = list.tfs[i] - in_title;
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
        Loaded::Phrase(terms, lists) => {
            let idf: f32 = lists.iter().map(|l| rank::idf(n, l.docs.len())).sum();
            let Some(rarest) = lists.iter().min_by_key(|l| l.docs.len()) else {
                return Vec::new();
            };
            let mut found = Vec::new();
            for &doc in &rarest.docs {
                let Some(slots) = phrase_slots(lists, doc) else {
                    continue;
                };
                let starts = phrase_starts(index, doc, terms, lists, &slots);
                let in_title = title_tf(index, doc, &starts);
                let in_body = starts.len() as u32 - in_title;
                if !starts.is_empty() {
                    found.push(ClauseMatch {
                        doc,
                        class: MatchClass::Exact,
                        bm25: rank::bm25f(index, doc, in_title, in_body, idf),
                    });
                }
            }
            found
        }
        Loaded::Nothing => Vec::new(),
    }
}

/// Where clause number `k` matched in the body of `doc`, in body word
/// indices; a word match's key is its term, a phrase's is its clause.
fn body_matches(index: &SearchIndex, clause: &Loaded, k: usize, doc: DocId) -> Vec<WordMatch> {
    let title_len = index.title_len(doc);
    let in_body = |p: u32| p.checked_sub(title_len);
    match clause {
        Loaded::Word(alternatives) => alternatives
            .iter()
            .filter_map(|(list, _, id)| Some((list, list.docs.binary_search(&doc).ok()?, *id)))
            .flat_map(|(list, slot, id)| {
                list.positions_of(slot).into_iter().filter_map(move |p| {
                    Some(WordMatch {
                        word: in_body(p)?,
                        key: id,
                    })
                })
            })
            .collect(),
        Loaded::Phrase(terms, lists) => {
            let Some(slots) = phrase_slots(lists, doc) else {
                return Vec::new();
            };
            phrase_starts(index, doc, terms, lists, &slots)
                .into_iter()
                .filter_map(|start| {
                    Some(WordMatch {
                        word: in_body(start + terms[0].1)?,
                        key: u32::MAX - k as u32,
                    })
                })
                .collect()
        }
        Loaded::Nothing => Vec::new(),
    }
}

impl SearchIndex {
    /// All allowed documents matching `query`, ranked by `opts.sort`, the
    /// first [`SNIPPET_HITS`](super::SNIPPET_HITS) with snippets unless `opts.bare`. An empty
    /// (or all-exclusion) query lists every allowed document, newest first.
    ///
    /// `docs` must be the documents the index was built from.
    pub fn search(&self, docs: &Documents, query: &Query, opts: &SearchOptions) -> Vec<Hit> {
        let resolved = ResolvedQuery::new(self, query);
        let positive = self.load(&resolved);
        let listing = positive.is_empty();
        let allowed = |doc: DocId| opts.allowed.is_none_or(|allow| allow(doc));
        let mut scored = self.scored(docs, &resolved, &positive, allowed);
        if !listing {
            rank::sort(&mut scored, docs, opts.sort);
        }
        let worst_tier = scored.iter().map(|s| s.tier).max().unwrap_or(0);
        let best_bm25 = scored.iter().map(|s| s.bm25).fold(0.0, f32::max);
        let passages = if opts.bare { 0 } else { super::SNIPPET_HITS };
        // Built only when passages are wanted: it reads every matched term's word forms.
        let mut matcher = (passages > 0).then(|| Matcher::new(self, &resolved));
        let snippets_of = |doc_id: DocId, doc: &Document, matcher: &mut Matcher| {
            let matches: Vec<WordMatch> = positive
                .iter()
                .enumerate()
                .flat_map(|(k, clause)| body_matches(self, clause, k, doc_id))
                .collect();
            snippet::passages_at(self, doc_id, doc, &matches, matcher)
                .unwrap_or_else(|| snippet::passages(doc, &matcher.matches(&doc.text)))
        };
        let hits = scored
            .iter()
            .enumerate()
            .map(|(rank, s)| Hit {
                doc: s.doc,
                score: if listing {
                    0.0
                } else {
                    rank::display_score(s, worst_tier, best_bm25)
                },
                // Only the rows with passages read their article: in the sharded layout
                // reading one decodes and keeps it, and a broad query hits most of them.
                snippets: match (rank < passages, &mut matcher) {
                    (true, Some(matcher)) => match docs.get(s.doc as usize) {
                        Some(doc) => snippets_of(s.doc, doc, matcher),
                        None => Vec::new(),
                    },
                    _ => Vec::new(),
                },
            })
            .collect();
        if let Some(matcher) = matcher {
            snippet::remember_matcher(self, query, matcher);
        }
        hits
    }

    /// Every document matching `query`, as [`SearchIndex::search`] finds them with no filter
    /// and no passages, ranked only when asked ([`Ranking::ranked`]): a keystroke's one search,
    /// which the result list, the facet counts and the timeline all read.
    pub fn matches(&self, docs: &Documents, query: &Query) -> Ranking {
        let resolved = ResolvedQuery::new(self, query);
        let positive = self.load(&resolved);
        let scored = self.scored(docs, &resolved, &positive, |_| true);
        Ranking::new(&scored, positive.is_empty())
    }

    /// The posting lists of the query's positive clauses.
    fn load<'q>(&'q self, resolved: &'q ResolvedQuery) -> Vec<Loaded<'q>> {
        resolved
            .positive
            .iter()
            .map(|c| Loaded::new(self, c))
            .collect()
    }

    /// The documents that match every `positive` clause and no excluded one and that `allowed`
    /// lets through, each scored, in document order; with no positive clause (a listing),
    /// every allowed document not excluded, newest first.
    fn scored(
        &self,
        docs: &Documents,
        resolved: &ResolvedQuery,
        positive: &[Loaded],
        allowed: impl Fn(DocId) -> bool,
    ) -> Vec<Scored> {
        let n = docs.len();
        let mut excluded = vec![false; n];
        for clause in &resolved.excluded {
            for m in clause_matches(self, &Loaded::new(self, clause)) {
                if let Some(slot) = excluded.get_mut(m.doc as usize) {
                    *slot = true;
                }
            }
        }
        let mut scored: Vec<Scored> = Vec::new();
        if positive.is_empty() {
            // Already in the order listing asks for: newest first, then by number.
            scored.extend(docs.newest_first().iter().map(|&doc| Scored {
                doc,
                tier: 0,
                bm25: 0.0,
            }));
        } else {
            // `matched[d] == k` once document `d` matched the first `k` clauses.
            let mut matched = vec![0u16; n];
            let mut tier = vec![0u32; n];
            let mut bm25 = vec![0f32; n];
            for (k, clause) in positive.iter().enumerate() {
                for m in clause_matches(self, clause) {
                    let d = m.doc as usize;
                    if d < n && usize::from(matched[d]) == k {
                        matched[d] += 1;
                        tier[d] += m.class as u32;
                        bm25[d] += m.bm25;
                    }
                }
            }
            scored.extend(
                (0..n)
                    .filter(|&d| usize::from(matched[d]) == positive.len())
                    .map(|d| Scored {
                        doc: d as DocId,
                        tier: tier[d],
                        bm25: bm25[d],
                    }),
            );
        }
        scored.retain(|s| !excluded[s.doc as usize] && allowed(s.doc));
        scored
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Body;
    use crate::model::PartialDate;
    use crate::query::{parse, SortOrder};

    /// A small newsroom: titles, bodies and dates chosen to separate the rules.
    fn newsroom() -> Vec<Document> {
        let doc = |title: &str, text: &str, date: Option<PartialDate>| Document {
            title: title.to_string().into(),
            date,
            body: Body {
                text: text.into(),
                ..Body::default()
            }
            .into(),
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
        let hits = index.search(&docs.clone().into(), &parse(query), options);
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
        // A single letter being typed does not count yet.
        check("t", &[3, 1, 0, 5, 4, 2]);
        check("tehran t", &[2, 0, 1, 3]);
        check("tehran ta", &[0]);
    }

    #[test]
    fn sort_and_filters() {
        let newest = SearchOptions {
            sort: SortOrder::Newest,
            ..SearchOptions::default()
        };
        check_with("tehran ", &newest, &[3, 1, 0, 2]);
        let odd = |doc: DocId| doc % 2 == 1;
        let only_odd = SearchOptions {
            sort: SortOrder::Relevance,
            allowed: Some(&odd),
            ..SearchOptions::default()
        };
        check_with("tehran ", &only_odd, &[1, 3]);
        check_with("", &only_odd, &[3, 1, 5]);
    }

    #[test]
    fn rankings_give_the_first_rows_in_the_order_a_search_gives() {
        let docs: Documents = newsroom().into();
        let index = SearchIndex::build(&newsroom());
        let odd = |doc: DocId| doc % 2 == 1;
        for text in [
            "tehran ",
            "tehran ta",
            "m",
            "me",
            "minister -trade",
            "",
            "-tehran",
            "zzz",
        ] {
            let query = parse(text);
            let ranking = index.matches(&docs, &query);
            for allowed in [None, Some(&odd as &dyn Fn(DocId) -> bool)] {
                let options = SearchOptions {
                    allowed,
                    bare: true,
                    ..SearchOptions::default()
                };
                let searched: Vec<DocId> = index
                    .search(&docs, &query, &options)
                    .iter()
                    .map(|hit| hit.doc)
                    .collect();
                if allowed.is_none() {
                    let mut matched: Vec<DocId> = ranking.docs().collect();
                    matched.sort_unstable();
                    let mut expected = searched.clone();
                    expected.sort_unstable();
                    assert_eq!(matched, expected, "{text:?}");
                    assert_eq!(ranking.len(), searched.len(), "{text:?}");
                }
                let keep = |doc: DocId| allowed.is_none_or(|allow| allow(doc));
                for first in [0, 1, 2, 3, usize::MAX] {
                    let ranked = ranking.ranked(keep, first);
                    let shown = first.min(searched.len());
                    assert_eq!(ranked[..shown], searched[..shown], "{text:?} first {first}");
                    // The rest: the same documents, in whatever order.
                    let (mut rest, mut expected) = (ranked.clone(), searched.clone());
                    rest.sort_unstable();
                    expected.sort_unstable();
                    assert_eq!(rest, expected, "{text:?} first {first}");
                }
            }
        }
    }

    #[test]
    fn bare_searches_find_the_same_documents_without_passages() {
        let docs = newsroom();
        let index = SearchIndex::build(&docs);
        let bare_options = SearchOptions {
            bare: true,
            ..SearchOptions::default()
        };
        for text in [
            "tehran ",
            "tehran ta",
            "\"foreign minister\"",
            "-tehran",
            "negotiat",
        ] {
            let query = parse(text);
            let full = index.search(&docs.clone().into(), &query, &SearchOptions::default());
            let bare = index.search(&docs.clone().into(), &query, &bare_options);
            let ids = |hits: &[Hit]| hits.iter().map(|h| (h.doc, h.score)).collect::<Vec<_>>();
            assert_eq!(ids(&bare), ids(&full), "{text}");
            assert!(bare.iter().all(|h| h.snippets.is_empty()), "{text}");
        }
        // The full search does read passages, so the comparison above means something.
        let full = index.search(
            &docs.clone().into(),
            &parse("tehran "),
            &SearchOptions::default(),
        );
        assert!(full.iter().all(|h| !h.snippets.is_empty()));
    }

    /// Where articles are decoded when first read, a search without passages reads none: at
    /// 100,000 articles a broad query's hits, each decoded and kept, grew the page by 90 MB.
    #[cfg(feature = "shards")]
    #[test]
    fn searches_read_only_the_articles_of_their_passages() {
        use crate::bundle::{encode, open_in_place, tests::full_corpus};
        let bytes: &'static [u8] = Vec::leak(encode(&full_corpus()));
        let (corpus, _) = open_in_place(&crate::lazy::Source::Static(bytes)).unwrap();
        let bare = SearchOptions {
            bare: true,
            ..SearchOptions::default()
        };
        for (text, found) in [("", 2), ("-nothing", 2), ("moscow ", 1), ("bod", 1)] {
            let hits = corpus.index.search(&corpus.documents, &parse(text), &bare);
            assert_eq!(hits.len(), found, "{text:?}");
            let ranking = corpus.index.matches(&corpus.documents, &parse(text));
            assert_eq!(ranking.ranked(|_| true, 1).len(), found, "{text:?}");
            assert_eq!(corpus.documents.decoded(), 0, "{text:?}");
        }
        let options = SearchOptions::default();
        let hits = corpus
            .index
            .search(&corpus.documents, &parse("moscow "), &options);
        assert_eq!(hits.len(), 1);
        assert_eq!(corpus.documents.decoded(), 1);
    }

    #[test]
    fn odd_input_never_panics() {
        let mut docs = newsroom();
        // Sentence spans that are out of range or cut a character in two.
        docs.push(Document {
            title: "Ōrākei – “quoted” ‘title’".into(),
            body: Body {
                text: "Żółć gęślą jaźń. Tehran’s ‘talks’… 10,000 U.S. troops.".into(),
                sentences: vec![crate::Span::new(1, 3), crate::Span::new(5, 900)],
                ..Body::default()
            }
            .into(),
            ..Default::default()
        });
        let index = SearchIndex::build(&docs);
        let long = "x".repeat(500);
        let queries = [
            "\"",
            "-",
            "--",
            "-\"",
            "\"\"",
            "“",
            "”tehran",
            "'",
            "’s",
            "\u{301}",
            "🙂",
            "a\u{301}",
            "ŻÓŁĆ",
            "zolc",
            "10000",
            "u.s",
            "-tehran -",
            "\"-tehran\"",
            &long,
            "tehran\"talks",
        ];
        for text in queries {
            let query = parse(text);
            let hits = index.search(&docs.clone().into(), &query, &SearchOptions::default());
            // Fewer documents than the index knows: hits stay within them.
            let few = index.search(
                &docs[..2].to_vec().into(),
                &query,
                &SearchOptions::default(),
            );
            assert!(few.iter().all(|h| h.doc < 2), "{text:?}");
            for hit in &hits {
                let doc = &docs[hit.doc as usize];
                for snippet in &hit.snippets {
                    assert!(doc.text.get(snippet.span.range()).is_some(), "{text:?}");
                    for h in &snippet.highlights {
                        assert!(doc.text.get(h.range()).is_some(), "{text:?}");
                    }
                }
                for h in index.highlights(doc, &query) {
                    assert!(doc.text.get(h.range()).is_some(), "{text:?}");
                }
                for h in index.title_highlights(doc, &query) {
                    assert!(doc.title.get(h.range()).is_some(), "{text:?}");
                }
            }
        }
        // Diacritics and digit groups fold on both sides.
        check_in(&docs, "zolc ", &[6]);
        check_in(&docs, "10000 ", &[6]);
    }

    #[test]
    fn hyphenated_compounds_meet_joined_spellings() {
        let doc = |text: &str| Document {
            body: Body {
                text: text.into(),
                sentences: vec![crate::Span::new(0, text.len())],
                ..Body::default()
            }
            .into(),
            ..Default::default()
        };
        let docs = [
            doc("A cease-fire held."),
            doc("The ceasefire held."),
            doc("Fire ceased."),
        ];
        // The shorter article ranks first.
        check_in(&docs, "ceasefire ", &[1, 0]);
        check_in(&docs, "cease-fire ", &[1, 0]);
        check_in(&docs, "\"cease fire\"", &[0]);
        check_in(&docs, "fire ", &[2, 0]);
        let index = SearchIndex::build(&docs);
        let hits = index.search(
            &docs.to_vec().into(),
            &parse("ceasefire "),
            &SearchOptions::default(),
        );
        let marked: Vec<&str> = hits
            .iter()
            .map(|h| docs[h.doc as usize].slice(h.snippets[0].highlights[0]))
            .collect();
        assert_eq!(marked, ["ceasefire", "cease-fire"]);
    }

    /// Searches `docs` by relevance and compares the hit order.
    fn check_in(docs: &[Document], query: &str, expect: &[DocId]) {
        let index = SearchIndex::build(docs);
        let hits = index.search(
            &docs.to_vec().into(),
            &parse(query),
            &SearchOptions::default(),
        );
        let got: Vec<DocId> = hits.iter().map(|h| h.doc).collect();
        assert_eq!(got, expect, "{query:?}");
    }

    #[test]
    fn snippets_from_positions_equal_snippets_from_reading() {
        // Sentences split at ". ", as the compiler would.
        let mut docs = newsroom();
        for doc in &mut docs {
            let body = &mut *doc.body;
            let mut start = 0;
            for (i, _) in body.text.match_indices(". ") {
                body.sentences.push(crate::Span::new(start, i + 1));
                start = i + 2;
            }
            body.sentences
                .push(crate::Span::new(start, body.text.len()));
        }
        let index = SearchIndex::build(&docs);
        let queries = [
            "tehran",
            "",
            "\"foreign minister\"",
            "negotiat",
            "met officials",
            "tehrna ",
            "\"minister of trade\" foreign",
        ];
        for text in queries {
            let query = parse(text);
            for hit in index.search(&docs.clone().into(), &query, &SearchOptions::default()) {
                let doc = &docs[hit.doc as usize];
                assert!(!hit.snippets.is_empty(), "{text:?} doc {}", hit.doc);
                assert_eq!(
                    hit.snippets,
                    index.snippets(doc, &query),
                    "{text:?} doc {}",
                    hit.doc
                );
            }
        }
    }

    #[test]
    fn a_headline_opening_the_text_is_searched_as_the_title_only() {
        // The compiler opens the text with the headline; search must rank, match and
        // cut passages as it does without it (the title field already holds it).
        let split = |docs: &mut Vec<Document>| {
            for doc in docs.iter_mut() {
                let body = &mut *doc.body;
                body.sentences = vec![crate::Span::new(0, body.text.len())];
            }
        };
        let mut plain = newsroom();
        split(&mut plain);
        let mut headed = newsroom();
        split(&mut headed);
        for doc in &mut headed {
            let title = doc.title.clone();
            let body = &mut *doc.body;
            let shift = title.len() + 2;
            let story = crate::Span::new(shift, shift + body.text.len());
            body.text = format!("{title}\n\n{}", body.text);
            body.paragraphs = vec![crate::Span::new(0, title.len()), story];
            body.sentences = vec![crate::Span::new(0, title.len()), story];
            body.headline = true;
        }
        let (plain_index, headed_index) = (SearchIndex::build(&plain), SearchIndex::build(&headed));
        for text in [
            "tehran",
            "",
            "\"foreign minister\"",
            "talks",
            "negotiat",
            "minister -trade",
        ] {
            let query = parse(text);
            let options = SearchOptions::default();
            let want = plain_index.search(&plain.clone().into(), &query, &options);
            let got = headed_index.search(&headed.clone().into(), &query, &options);
            assert_eq!(got.len(), want.len(), "{text:?}");
            for (g, w) in got.iter().zip(&want) {
                assert_eq!((g.doc, g.score), (w.doc, w.score), "{text:?}");
                let shift = headed[g.doc as usize].story_start() as u32;
                let moved: Vec<crate::Span> = w
                    .snippets
                    .iter()
                    .map(|s| {
                        crate::Span::new(
                            (s.span.start + shift) as usize,
                            (s.span.end + shift) as usize,
                        )
                    })
                    .collect();
                let spans: Vec<crate::Span> = g.snippets.iter().map(|s| s.span).collect();
                assert_eq!(spans, moved, "{text:?} doc {}", g.doc);
            }
        }
    }
}
