//! Highlighting and passages: which words of a text matched a query, and the
//! best one or two sentences of a hit to show under its title.
//!
//! Highlighting re-reads the text: each word is folded and looked up among the
//! indexed word forms of the terms the query resolved to, so stemmed, prefix
//! and typo matches light up exactly as they matched, and phrases light up
//! only where the whole phrase occurs. No stemming happens here (the index
//! knows which words stem to which term), and only documents on screen are read.
//!
//! Invariant: every span produced here lies on character boundaries of the
//! text it indexes, whatever sentence spans the document carries.

use std::cell::RefCell;

use super::resolve::{Resolved, ResolvedQuery};
use super::{Query, Snippet};
use crate::index::{units, SearchIndex};
use crate::model::{DocId, Document, Span};
use crate::text;

/// How many hits of a search get their snippets computed; later hits come
/// with none, for [`SearchIndex::snippets`] to fill when they are shown.
pub const SNIPPET_HITS: usize = 50;
/// A passage longer than this (in bytes) is cut to a window around its first match.
const MAX_PASSAGE_BYTES: usize = 320;
/// A lead (first sentence) shorter than this takes the next sentence too.
const MIN_LEAD_BYTES: usize = 120;

/// Finds the words of a text that match a resolved query.
#[derive(Clone)]
pub(crate) struct Matcher {
    /// Folded word forms of every term a positive clause accepts, with the
    /// term id, sorted by form (a query has few; a binary search finds one).
    forms: Vec<(String, u32)>,
    /// Term ids any positive single-word clause accepts, sorted.
    words: Vec<u32>,
    /// Positive phrases: (term id, offset) of their content words.
    phrases: Vec<Vec<(u32, u32)>>,
    /// First bytes of `forms` (a bit per byte value), to turn most words
    /// away before folding them.
    first_bytes: [u64; 4],
    /// Byte lengths of `forms` (a bit per length; lengths past 63 share bit 63).
    lengths: u64,
    /// Reused buffer for folding one word.
    folded: String,
}

/// The bit standing for a byte length in [`Matcher::lengths`].
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

impl Matcher {
    /// A matcher for the positive clauses of `query`.
    pub(crate) fn new(index: &SearchIndex, query: &ResolvedQuery) -> Matcher {
        let mut words = Vec::new();
        let mut phrases = Vec::new();
        for clause in &query.positive {
            match clause {
                Resolved::Word(alternatives) => {
                    words.extend(alternatives.iter().map(|&(id, _)| id))
                }
                Resolved::Phrase(Some(terms)) => phrases.push(terms.clone()),
                Resolved::Phrase(None) => {}
            }
        }
        // Matching word forms rather than stemming every word of every text
        // shown makes highlighting a fold and a binary search per word.
        let wanted = words
            .iter()
            .copied()
            .chain(phrases.iter().flatten().map(|&(id, _)| id));
        let mut forms: Vec<(String, u32)> = wanted
            .flat_map(|id| index.word_forms(id).map(move |form| (form.to_string(), id)))
            .collect();
        crate::sort::sort(&mut forms);
        forms.dedup_by(|a, b| a.0 == b.0);
        crate::sort::sort(&mut words);
        words.dedup();
        let mut first_bytes = [0u64; 4];
        let mut lengths = 0;
        for (form, _) in &forms {
            let first = form.as_bytes().first().copied().unwrap_or(0);
            first_bytes[usize::from(first >> 6)] |= 1 << (first & 63);
            lengths |= length_bit(form.len());
        }
        Matcher {
            forms,
            first_bytes,
            lengths,
            words,
            phrases,
            folded: String::new(),
        }
    }

    /// The id of a wanted term this word is a form of.
    fn term_id(&mut self, word: &str) -> Option<u32> {
        let bytes = word.as_bytes();
        // A plain ASCII word folds to itself in lower case: check its first
        // byte and length before building the folded form.
        if bytes.iter().all(|b| b.is_ascii_alphanumeric()) {
            let first = bytes.first()?.to_ascii_lowercase();
            let known_first = self.first_bytes[usize::from(first >> 6)] & (1 << (first & 63)) != 0;
            if !known_first || self.lengths & length_bit(bytes.len()) == 0 {
                return None;
            }
        }
        text::fold_into(word, &mut self.folded);
        let at = self
            .forms
            .binary_search_by(|(form, _)| form.as_str().cmp(&self.folded))
            .ok()?;
        Some(self.forms[at].1)
    }

    /// The matched words (whole phrases for phrase clauses) of `text`, each
    /// with a key naming what it matched (a term id, or `u32::MAX - i` for
    /// the `i`-th phrase), in text order, unmerged.
    pub(crate) fn matches(&mut self, text: &str) -> Vec<(Span, u32)> {
        if self.forms.is_empty() {
            return Vec::new();
        }
        // Word positions are consecutive, so a word's position is its index here.
        let tokens: Vec<(Span, Option<u32>)> = text::words(text)
            .map(|w| (w.span, self.term_id(w.text)))
            .collect();
        let mut found: Vec<(Span, u32)> = tokens
            .iter()
            .filter_map(|&(span, id)| {
                Some((span, id.filter(|id| self.words.binary_search(id).is_ok())?))
            })
            .collect();
        // Hyphenated compounds matched joined ("cease-fire" for "ceasefire").
        let mut joined = String::new();
        for pair in tokens.windows(2) {
            let (first, second) = (pair[0].0, pair[1].0);
            if !text::hyphenated(text, first, second) {
                continue;
            }
            joined.clear();
            joined.push_str(&text[first.range()]);
            joined.push_str(&text[second.range()]);
            if let Some(id) = self
                .term_id(&joined)
                .filter(|id| self.words.binary_search(id).is_ok())
            {
                let span = Span {
                    start: first.start,
                    end: second.end,
                };
                found.push((span, id));
            }
        }
        for (p, phrase) in self.phrases.iter().enumerate() {
            let (first_id, first_offset) = phrase[0];
            let last_offset = phrase[phrase.len() - 1].1;
            for (i, &(_, id)) in tokens.iter().enumerate() {
                let Some(start) = i.checked_sub(first_offset as usize) else {
                    continue;
                };
                let whole = id == Some(first_id)
                    && phrase.iter().all(|&(id, offset)| {
                        tokens
                            .get(start + offset as usize)
                            .is_some_and(|t| t.1 == Some(id))
                    });
                if whole {
                    let from = tokens[start + first_offset as usize].0.start;
                    let to = tokens[start + last_offset as usize].0.end;
                    found.push((
                        Span {
                            start: from,
                            end: to,
                        },
                        u32::MAX - p as u32,
                    ));
                }
            }
        }
        crate::sort::sort(&mut found);
        found
    }

    /// Spans of the matched words of `text`, sorted and merged where they
    /// touch or overlap.
    pub(crate) fn spans(&mut self, text: &str) -> Vec<Span> {
        merge(
            self.matches(text)
                .into_iter()
                .map(|(span, _)| span)
                .collect(),
        )
    }
}

/// Sorts spans and merges those that overlap or touch.
fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    crate::sort::sort(&mut spans);
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
}

/// What identifies an index for the matcher memo: its address and sizes
/// (an address alone could be reused by another index after a drop).
type IndexKey = (usize, usize, usize, usize);

/// The memo key of `index`.
fn index_key(index: &SearchIndex) -> IndexKey {
    let (terms, words, postings) = index.sizes();
    (index as *const SearchIndex as usize, terms, words, postings)
}

thread_local! {
    /// The matcher of the last query asked about, on this thread. A page
    /// asks for the highlights of every row it shows with one query, and
    /// resolving a query (its typo scan above all) costs far more than
    /// reading a title; a search leaves its matcher here for those calls.
    static LAST_MATCHER: RefCell<Option<(IndexKey, Query, Matcher)>> = const { RefCell::new(None) };
}

/// Runs `f` with the matcher of `query` on `index`, resolving it only when
/// it is not the last one used on this thread.
fn with_matcher<R>(index: &SearchIndex, query: &Query, f: impl FnOnce(&mut Matcher) -> R) -> R {
    let key = index_key(index);
    LAST_MATCHER.with(|last| {
        let mut last = last.borrow_mut();
        match &mut *last {
            Some((k, q, matcher)) if *k == key && q == query => f(matcher),
            _ => {
                let mut matcher = Matcher::new(index, &ResolvedQuery::new(index, query));
                let result = f(&mut matcher);
                *last = Some((key, query.clone(), matcher));
                result
            }
        }
    })
}

/// Leaves the matcher a search built for `query` to later highlight calls.
pub(crate) fn remember_matcher(index: &SearchIndex, query: &Query, matcher: Matcher) {
    LAST_MATCHER.with(|last| *last.borrow_mut() = Some((index_key(index), query.clone(), matcher)));
}

impl SearchIndex {
    /// Every matched word of `query` in the whole of `doc.text` (for the reader view).
    pub fn highlights(&self, doc: &Document, query: &Query) -> Vec<Span> {
        with_matcher(self, query, |matcher| matcher.spans(&doc.text))
    }

    /// Every matched word of `query` in `doc.title` (spans into the title).
    pub fn title_highlights(&self, doc: &Document, query: &Query) -> Vec<Span> {
        with_matcher(self, query, |matcher| matcher.spans(&doc.title))
    }

    /// The best one or two passages of `doc` for `query`, as in [`Hit`](super::Hit)s
    /// (for hits beyond the first [`SNIPPET_HITS`]).
    pub fn snippets(&self, doc: &Document, query: &Query) -> Vec<Snippet> {
        with_matcher(self, query, |matcher| {
            passages(doc, &matcher.matches(&doc.text))
        })
    }
}

/// A match in a document's body found through the index: the body word
/// index where it starts, and what matched (`key`: a term, or a phrase).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WordMatch {
    /// Index of the (first) matched word among the body's words.
    pub word: u32,
    /// The term id, or `u32::MAX - k` for the phrase of clause `k`.
    pub key: u32,
}

/// The passages for the first hits of a search: chosen from the positions
/// the index matched, so only the one or two passages shown are read word by
/// word (by `matcher`, which finds their highlights as the reader view does).
/// `None` when the index's passage starts do not fit `doc` (another text).
pub(crate) fn passages_at(
    index: &SearchIndex,
    doc_id: DocId,
    doc: &Document,
    matches: &[WordMatch],
    matcher: &mut Matcher,
) -> Option<Vec<Snippet>> {
    let units = units(doc);
    let starts = index.unit_starts(doc_id);
    if starts.len() != units.len() {
        return None;
    }
    let unit_of = |word: u32| starts.partition_point(|&s| s <= word).checked_sub(1);
    let located: Vec<(usize, u32)> = matches
        .iter()
        .filter_map(|m| Some((unit_of(m.word)?, m.key)))
        .collect();
    let chosen = choose(&units, &located);
    Some(render(doc, &units, &chosen, |u| {
        let unit = units[u];
        let found = matcher.matches(doc.slice(unit));
        merge(
            found
                .into_iter()
                .map(|(span, _)| Span {
                    start: span.start + unit.start,
                    end: span.end + unit.start,
                })
                .collect(),
        )
    }))
}

/// The best one or two passages of `doc` given its matched words and their
/// keys, as [`Matcher::matches`] gives them; the lead when nothing matched in
/// the body (a title-only match, or an empty query).
pub(crate) fn passages(doc: &Document, found: &[(Span, u32)]) -> Vec<Snippet> {
    let units = units(doc);
    let unit_of = |span: Span| {
        let u = units.partition_point(|unit| unit.end <= span.start);
        (u < units.len() && units[u].overlaps(span)).then_some(u)
    };
    let located: Vec<(usize, u32)> = found
        .iter()
        .filter_map(|&(span, key)| Some((unit_of(span)?, key)))
        .collect();
    let chosen = choose(&units, &located);
    let spans = merge(found.iter().map(|&(span, _)| span).collect());
    render(doc, &units, &chosen, |u| {
        spans
            .iter()
            .filter(|h| h.overlaps(units[u]))
            .copied()
            .collect()
    })
}

/// Which units to show, in order: the one or two whose matches are worth
/// most (distinct things matched count most, then repeats), or the lead
/// (the first unit, and the second when the first is short).
fn choose(units: &[Span], located: &[(usize, u32)]) -> Vec<usize> {
    let mut located = located.to_vec();
    crate::sort::sort(&mut located);
    let mut worth: Vec<(usize, usize)> = Vec::new();
    for group in located.chunk_by(|a, b| a.0 == b.0) {
        let distinct = 1 + group.windows(2).filter(|w| w[0].1 != w[1].1).count();
        worth.push((distinct * 4 + group.len(), group[0].0));
    }
    crate::sort::sort_by(&mut worth, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut chosen: Vec<usize> = worth.iter().take(2).map(|&(_, u)| u).collect();
    if chosen.is_empty() {
        let Some(first) = units.first() else {
            return Vec::new();
        };
        chosen.push(0);
        if first.range().len() < MIN_LEAD_BYTES && units.len() > 1 {
            chosen.push(1);
        }
    }
    crate::sort::sort(&mut chosen);
    chosen
}

/// Snippets for the chosen units, given the highlight spans of each
/// (`spans_in(u)`, sorted and merged): long units are windowed around their
/// first highlight; neighbouring whole units of one paragraph read as one passage.
fn render(
    doc: &Document,
    units: &[Span],
    chosen: &[usize],
    mut spans_in: impl FnMut(usize) -> Vec<Span>,
) -> Vec<Snippet> {
    let mut snippets: Vec<Snippet> = Vec::new();
    let mut previous: Option<usize> = None;
    for &u in chosen {
        let unit = units[u];
        let highlights = spans_in(u);
        let span = window(&doc.text, unit, &highlights);
        let highlights = highlights
            .into_iter()
            .filter(|h| h.overlaps(span))
            .map(|h| Span {
                start: h.start.max(span.start),
                end: h.end.min(span.end),
            });
        // Neighbouring sentences of one paragraph, both shown whole, read as
        // one passage.
        let joins = |last: &Snippet| {
            previous.is_some_and(|p| p + 1 == u && last.span.end == units[p].end)
                && span == unit
                && doc
                    .text
                    .get(last.span.end as usize..span.start as usize)
                    .is_some_and(|gap| !gap.contains('\n'))
        };
        match snippets.last_mut() {
            Some(last) if joins(last) => {
                last.span.end = span.end;
                last.highlights.extend(highlights);
            }
            _ => snippets.push(Snippet {
                span,
                highlights: highlights.collect(),
            }),
        }
        previous = Some(u);
    }
    snippets
}

/// `unit` itself, or when longer than [`MAX_PASSAGE_BYTES`] a window of it
/// starting a little before its first highlight, cut at spaces.
fn window(text: &str, unit: Span, highlights: &[Span]) -> Span {
    if unit.range().len() <= MAX_PASSAGE_BYTES {
        return unit;
    }
    let (unit_start, unit_end) = (unit.start as usize, unit.end as usize);
    let focus = highlights.first().map_or(unit_start, |h| h.start as usize);
    let mut start = focus.saturating_sub(MAX_PASSAGE_BYTES / 4).max(unit_start);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    if start > unit_start {
        // Begin after a space so that no word is cut in half.
        start = text[start..focus]
            .find(' ')
            .map_or(focus, |i| start + i + 1);
    }
    let mut end = (start + MAX_PASSAGE_BYTES).min(unit_end);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < unit_end {
        end = text[start..end].rfind(' ').map_or(end, |i| start + i);
    }
    Span::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Body;
    use crate::query::parse;

    /// A document whose sentences are split at ". ".
    fn doc(title: &str, text: &str) -> Document {
        let mut sentences = Vec::new();
        let mut start = 0;
        for (i, _) in text.match_indices(". ") {
            sentences.push(Span::new(start, i + 1));
            start = i + 2;
        }
        if start < text.len() {
            sentences.push(Span::new(start, text.len()));
        }
        Document {
            title: title.to_string().into(),
            body: Body {
                text: text.into(),
                sentences,
                ..Body::default()
            }
            .into(),
            ..Default::default()
        }
    }

    /// Renders spans of `text` as `[matched]` brackets.
    fn mark(text: &str, spans: &[Span]) -> String {
        let mut out = String::new();
        let mut at = 0;
        for span in spans {
            assert!(
                text.is_char_boundary(span.start as usize)
                    && text.is_char_boundary(span.end as usize)
            );
            out.push_str(&text[at..span.start as usize]);
            out.push('[');
            out.push_str(&text[span.range()]);
            out.push(']');
            at = span.end as usize;
        }
        out.push_str(&text[at..]);
        out
    }

    /// Searches `docs[0]` (indexed with `others`) for `query` and compares
    /// its marked snippets, `|`-separated, with `expect`.
    fn check(target: &Document, others: &[Document], query: &str, expect: &str) {
        let mut docs = vec![target.clone()];
        docs.extend_from_slice(others);
        let index = SearchIndex::build(&docs);
        let query = parse(query);
        let snippets = index.snippets(target, &query);
        let got: Vec<String> = snippets
            .iter()
            .map(|s| {
                let shifted: Vec<Span> = s
                    .highlights
                    .iter()
                    .map(|h| Span {
                        start: h.start - s.span.start,
                        end: h.end - s.span.start,
                    })
                    .collect();
                mark(target.slice(s.span), &shifted)
            })
            .collect();
        assert_eq!(got.join(" | "), expect, "{query:?}");
    }

    #[test]
    fn snippets_pick_the_best_sentences_and_highlight_every_match() {
        let article = doc(
            "Deputy minister in Moscow",
            "The weather was mild. Iran’s deputy foreign minister arrived in Moscow. \
             He met Russian officials. Ministers discussed Syria and Iran. Talks ended late.",
        );
        let others = [doc(
            "Elsewhere",
            "Ministry statements about ministerial meetings.",
        )];
        let cases = [
            (
                "ministers ",
                "Iran’s deputy foreign [minister] arrived in Moscow. \
                 | [Ministers] discussed Syria and Iran.",
            ),
            (
                "iran minister",
                "[Iran’s] deputy foreign [minister] arrived in Moscow. \
                 | [Ministers] discussed Syria and [Iran].",
            ),
            (
                "\"foreign minister\"",
                "Iran’s deputy [foreign minister] arrived in Moscow.",
            ),
            (
                "mosco",
                "Iran’s deputy foreign minister arrived in [Moscow].",
            ),
            ("syira", "Ministers discussed [Syria] and Iran."),
            (
                "deputy ",
                "Iran’s [deputy] foreign minister arrived in Moscow.",
            ),
            (
                "",
                "The weather was mild. Iran’s deputy foreign minister arrived in Moscow.",
            ),
        ];
        for (query, expect) in cases {
            check(&article, &others, query, expect);
        }
    }

    #[test]
    fn the_matcher_memo_follows_the_query_and_the_index() {
        let a = doc("", "Iran and Russia.");
        let b = doc("", "Iran or Chile.");
        let index_a = SearchIndex::build(std::slice::from_ref(&a));
        let index_b = SearchIndex::build(std::slice::from_ref(&b));
        for _ in 0..2 {
            let russia = parse("russia");
            assert_eq!(
                mark(&a.text, &index_a.highlights(&a, &russia)),
                "Iran and [Russia]."
            );
            assert_eq!(
                mark(&b.text, &index_b.highlights(&b, &russia)),
                "Iran or Chile."
            );
            let iran = parse("iran");
            assert_eq!(
                mark(&a.text, &index_a.highlights(&a, &iran)),
                "[Iran] and Russia."
            );
            let hits = index_b.search(
                &vec![b.clone()].into(),
                &parse("chile"),
                &Default::default(),
            );
            assert_eq!(hits.len(), 1);
            assert_eq!(
                mark(&b.text, &index_b.highlights(&b, &parse("chile"))),
                "Iran or [Chile]."
            );
        }
    }

    #[test]
    fn neighbours_join_within_a_paragraph_only() {
        let text = "Talks began. Iran spoke.\n\nIran replied. Talks ended.";
        let article = Document {
            body: Body {
                text: text.into(),
                sentences: ([(0, 12), (13, 24), (26, 39), (40, 52)]
                    .map(|(start, end)| Span::new(start, end))
                    .to_vec()),
                ..Body::default()
            }
            .into(),
            ..Default::default()
        };
        check(&article, &[], "iran ", "[Iran] spoke. | [Iran] replied.");
        check(&article, &[], "talks iran", "[Talks] began. [Iran] spoke.");
    }

    #[test]
    fn long_sentences_are_windowed_on_char_boundaries() {
        let filler = "Ōrākei hāpu whānau kōrero ".repeat(20);
        let text = format!("{filler}then the summit opened in Tehran {filler}");
        let article = doc("", &text);
        let index = SearchIndex::build(std::slice::from_ref(&article));
        let snippets = index.snippets(&article, &parse("tehran"));
        assert_eq!(snippets.len(), 1);
        let span = snippets[0].span;
        assert!(span.range().len() <= MAX_PASSAGE_BYTES);
        assert!(
            text.is_char_boundary(span.start as usize) && text.is_char_boundary(span.end as usize)
        );
        assert_eq!(snippets[0].highlights.len(), 1);
        assert_eq!(article.slice(snippets[0].highlights[0]), "Tehran");
    }

    #[test]
    fn title_and_reader_highlights() {
        let article = doc(
            "Sadri visits Moscow",
            "President Sadri’s visit to Moscow. The visitors left.",
        );
        let index = SearchIndex::build(std::slice::from_ref(&article));
        let query = parse("sadri visit -left");
        assert_eq!(
            mark(&article.title, &index.title_highlights(&article, &query)),
            "[Sadri] [visits] Moscow"
        );
        assert_eq!(
            mark(&article.text, &index.highlights(&article, &query)),
            "President [Sadri’s] [visit] to Moscow. The visitors left."
        );
        assert!(index.highlights(&article, &parse("")).is_empty());
    }
}
