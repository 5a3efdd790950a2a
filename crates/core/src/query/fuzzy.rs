//! Typo tolerance: which index terms lie within 1 or 2 edits of a query word.
//!
//! A bounded scan rather than an automaton: only terms whose length is within
//! the edit budget are visited (the index keeps them bucketed by length), a
//! 64-bit character fingerprint rejects most of them with two `popcount`s, and
//! the survivors get a banded optimal-string-alignment distance that stops as
//! soon as a row exceeds the budget. On ~10,000 news articles (~55,000
//! spellings) a whole search, typo scan included, stays near half a
//! millisecond, without the size of an FST and a Levenshtein automaton in
//! the WebAssembly.

use crate::index::SearchIndex;
use crate::text::char_mask;

/// Edits allowed for a query word of `chars` characters: 1 from 5, 2 from 9.
pub(crate) fn max_edits(chars: usize) -> u8 {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// [`bounded_distance_in`] with a fresh scratch buffer, for tests.
#[cfg(test)]
fn bounded_distance(a: &[char], b: &[char], max: u8) -> Option<u8> {
    bounded_distance_in(a, b, max, &mut Vec::new())
}

/// Optimal string alignment distance between `a` and `b` (an adjacent swap
/// counts as one edit), or `None` when it exceeds `max`, using a reused
/// scratch buffer (no allocation per call once it has grown): only the
/// diagonal band of width `2 * max + 1` is computed, with cells capped at
/// `max + 1`.
fn bounded_distance_in<T: PartialEq>(
    a: &[T],
    b: &[T],
    max: u8,
    scratch: &mut Vec<u8>,
) -> Option<u8> {
    let band = usize::from(max);
    if a.len().abs_diff(b.len()) > band {
        return None;
    }
    let over = max.saturating_add(1);
    let width = b.len() + 1;
    scratch.clear();
    scratch.resize(3 * width, over);
    // Rows two back (for swaps), one back and current, in one buffer.
    let (before, rest) = scratch.split_at_mut(width);
    let (previous, current) = rest.split_at_mut(width);
    let (mut before, mut previous, mut current) = (before, previous, current);
    for (j, cell) in previous.iter_mut().enumerate().take(band + 1) {
        *cell = j as u8;
    }
    for i in 1..=a.len() {
        let from = i.saturating_sub(band).max(1);
        let to = (i + band).min(b.len());
        current.fill(over);
        current[0] = if i <= band { i as u8 } else { over };
        let mut row_min = current[0];
        for j in from..=to {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best.min(over);
            row_min = row_min.min(current[j]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    let distance = previous[b.len()];
    (distance <= max).then_some(distance)
}

/// Terms within the edit budget of a query word, with their distance,
/// excluding exact matches (distance 0). The folded word is compared with
/// every indexed spelling, terms and words alike, so "negoitaitons" meets
/// "negotiations" and through it the term "negoti"; its stem, when it
/// differs, with the terms only, so "visted" (stem "vist") meets "visit" in a
/// corpus that never writes "visited". The budget comes from the folded
/// word's length.
pub(crate) fn typo_candidates(index: &SearchIndex, folded: &str, stem: &str) -> Vec<(u32, u8)> {
    let max = max_edits(folded.chars().count());
    if max == 0 {
        return Vec::new();
    }
    let mut found: Vec<(u32, u8)> = Vec::new();
    let mut scratch = Scratch::default();
    scan(index, folded, max, false, &mut scratch, &mut found);
    if stem != folded {
        scan(index, stem, max, true, &mut scratch, &mut found);
    }
    // One entry per term, at its smallest distance; a term the word reaches
    // with no edit at all is an exact match, not a typo.
    crate::sort::sort(&mut found);
    found.dedup_by_key(|&mut (id, _)| id);
    found.retain(|&(_, distance)| distance > 0);
    found
}

/// Buffers reused across the entries of a scan.
#[derive(Default)]
struct Scratch {
    /// The query form's characters.
    form: Vec<char>,
    /// The entry's characters (when not ASCII).
    entry: Vec<char>,
    /// The rows of the distance table.
    rows: Vec<u8>,
}

/// Adds to `found` every dictionary entry (or only every term, with
/// `terms_only`) within `max` edits of `form`, as (term id, distance).
fn scan(
    index: &SearchIndex,
    form: &str,
    max: u8,
    terms_only: bool,
    scratch: &mut Scratch,
    found: &mut Vec<(u32, u8)>,
) {
    scratch.form.clear();
    scratch.form.extend(form.chars());
    let len = scratch.form.len();
    let budget = usize::from(max);
    let mask = char_mask(form);
    for entry_len in len.saturating_sub(budget)..=len + budget {
        for &(entry_mask, entry) in index.entries_of_char_len(entry_len, terms_only) {
            // Each edit adds or removes at most one distinct character.
            let near = (mask & !entry_mask).count_ones() <= u32::from(max)
                && (entry_mask & !mask).count_ones() <= u32::from(max);
            if !near {
                continue;
            }
            let (text, id) = index.entry(entry);
            // Bytes are characters in the usual all-ASCII case: no decoding.
            let distance = if form.is_ascii() && text.is_ascii() {
                bounded_distance_in(form.as_bytes(), text.as_bytes(), max, &mut scratch.rows)
            } else {
                scratch.entry.clear();
                scratch.entry.extend(text.chars());
                bounded_distance_in(&scratch.form, &scratch.entry, max, &mut scratch.rows)
            };
            if let Some(distance) = distance {
                found.push((id, distance));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Body, Document};

    /// Checks the distance (or `None` beyond `max`) for each `(a, b, max, expect)`.
    fn check(cases: &[(&str, &str, u8, Option<u8>)]) {
        for &(a, b, max, expect) in cases {
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            assert_eq!(bounded_distance(&a, &b, max), expect, "{a:?} {b:?} {max}");
            assert_eq!(bounded_distance(&b, &a, max), expect, "{b:?} {a:?} {max}");
        }
    }

    #[test]
    fn distances_are_bounded() {
        check(&[
            ("tehran", "tehran", 1, Some(0)),
            ("tehran", "teheran", 1, Some(1)),
            ("tehran", "tehrna", 1, Some(1)),
            ("tehran", "tearhn", 1, None),
            ("moscow", "moskva", 2, None),
            ("diplomat", "diplmoat", 2, Some(1)),
            ("negotiations", "negotations", 2, Some(1)),
            ("negotiations", "negoitatons", 2, Some(2)),
            ("", "ab", 2, Some(2)),
            ("rōhani", "rohani", 1, Some(1)),
        ]);
    }

    #[test]
    fn edit_budget_grows_with_length() {
        for (chars, expect) in [(1, 0), (4, 0), (5, 1), (8, 1), (9, 2), (20, 2)] {
            assert_eq!(max_edits(chars), expect, "{chars}");
        }
    }

    #[test]
    fn candidates_respect_the_budget() {
        let text = "iran irani tehran teheran diplomats diplomat negotiations visit";
        let index = SearchIndex::build(&[Document {
            body: Body {
                text: text.into(),
                ..Body::default()
            }
            .into(),
            ..Default::default()
        }]);
        let found = |folded: &str| -> Vec<String> {
            let stem = crate::text::stem(folded);
            let mut terms: Vec<String> = typo_candidates(&index, folded, &stem)
                .into_iter()
                .map(|(id, d)| format!("{}~{d}", index.term(id)))
                .collect();
            terms.sort();
            terms
        };
        // Four letters: no typos allowed, however close.
        assert_eq!(found("irab"), Vec::<String>::new());
        assert_eq!(found("tehrn"), ["tehran~1"]);
        assert_eq!(found("teheran"), ["tehran~1"]);
        assert_eq!(found("diplomta"), ["diplomat~1"]);
        assert_eq!(found("negotaitions"), ["negoti~1"]);
        assert_eq!(found("negoitaitons"), ["negoti~2"]);
        // Through the stem: "visted" is two edits from "visit" but its stem
        // "vist" only one.
        assert_eq!(found("visted"), ["visit~1"]);
    }
}
