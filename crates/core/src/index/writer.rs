//! Building the index from documents: analyse title and body with the shared
//! text pipeline, collect positions per term, and encode the posting lists.
//!
//! A hyphenated compound ("cease-fire", "co-operation") is indexed as its two
//! words and, at the first word's position, joined ("ceasefire"), so the
//! spellings with and without the hyphen find each other.

use std::collections::HashMap;

use super::format::put_varint;
use super::units;
use super::{PreparedIndex, SearchIndex};
use crate::lazy::Blob;
use crate::model::Document;
use crate::text::{analyze_word, hyphenated, words, Word};

/// The stored fields of an index (see `format`), as built or decoded, before
/// the in-memory tables are derived from them.
#[derive(Default)]
pub(super) struct Parts {
    /// Sorted unique terms.
    pub terms: Vec<String>,
    /// Sorted folded words whose term differs from them.
    pub words: Vec<String>,
    /// The term id of each word.
    pub word_terms: Vec<u32>,
    /// Start of each term's posting list in `postings`, plus the end.
    pub posting_starts: Vec<u32>,
    /// The posting lists, concatenated.
    pub postings: Blob,
    /// Words in each document's title.
    pub title_lens: Vec<u32>,
    /// Words in each document's body.
    pub body_lens: Vec<u32>,
    /// Passage units of each document.
    pub unit_counts: Vec<u32>,
    /// Body word index of each unit's first word, absolute, documents in order.
    pub unit_starts: Vec<u32>,
}

/// One term's occurrences while building: (document, positions), by document.
type Postings = Vec<(u32, Vec<u32>)>;

/// The terms met so far while building, with their occurrences.
///
/// News vocabulary is Zipfian: most words are seen many times, so each
/// distinct spelling goes through the text pipeline once and is a hash
/// lookup afterwards.
#[derive(Default)]
struct Vocabulary {
    /// Word as written → its term's provisional id (`None`: not indexed).
    spellings: HashMap<String, Option<u32>>,
    /// Term → provisional id (order of first appearance).
    ids: HashMap<String, u32>,
    /// Provisional id → term.
    terms: Vec<String>,
    /// Provisional id → occurrences.
    lists: Vec<Postings>,
    /// Folded word → provisional id of its term, for words that differ from it.
    completions: HashMap<String, u32>,
}

impl Vocabulary {
    /// The provisional term id of a word as written, analysing it on first sight.
    fn term_id(&mut self, word: &str) -> Option<u32> {
        if let Some(&id) = self.spellings.get(word) {
            return id;
        }
        let (folded, term) = analyze_word(word);
        let id = term.map(|term| {
            let id = match self.ids.get(&term) {
                Some(&id) => id,
                None => {
                    let id = self.terms.len() as u32;
                    self.ids.insert(term.clone(), id);
                    self.terms.push(term.clone());
                    self.lists.push(Vec::new());
                    id
                }
            };
            if folded != term {
                self.completions.entry(folded).or_insert(id);
            }
            id
        });
        self.spellings.insert(word.to_string(), id);
        id
    }

    /// Records that term `id` occurs in `doc` at `position` (docs in order,
    /// positions ascending; a repeat of the last position is ignored).
    fn add(&mut self, id: u32, doc: u32, position: u32) {
        let list = &mut self.lists[id as usize];
        match list.last_mut() {
            Some((last, positions)) if *last == doc => {
                if positions.last() != Some(&position) {
                    positions.push(position);
                }
            }
            _ => list.push((doc, vec![position])),
        }
    }

    /// Indexes the words of one field of `doc`, their positions shifted by
    /// `offset`; a hyphenated compound is also indexed joined, at its first
    /// word's position. Calls `each` with every word; returns the word count.
    fn add_field<'t>(
        &mut self,
        text: &'t str,
        doc: u32,
        offset: u32,
        mut each: impl FnMut(&Word<'t>),
    ) -> u32 {
        let mut count = 0;
        let mut previous: Option<Word> = None;
        for word in words(text) {
            each(&word);
            count = word.position + 1;
            if let Some(before) = previous.filter(|b| hyphenated(text, b.span, word.span)) {
                if let Some(id) = self.term_id(&format!("{}{}", before.text, word.text)) {
                    self.add(id, doc, offset + before.position);
                }
            }
            if let Some(id) = self.term_id(word.text) {
                self.add(id, doc, offset + word.position);
            }
            previous = Some(word);
        }
        count
    }
}

impl SearchIndex {
    /// Builds the index over `docs`; document `i` gets [`DocId`](crate::DocId) `i`.
    pub fn build(docs: &[Document]) -> SearchIndex {
        let mut vocabulary = Vocabulary::default();
        let mut title_lens = Vec::with_capacity(docs.len());
        let mut body_lens = Vec::with_capacity(docs.len());
        let mut unit_counts = Vec::with_capacity(docs.len());
        let mut unit_starts = Vec::new();
        for (doc_id, doc) in docs.iter().enumerate() {
            let doc_id = doc_id as u32;
            let title_len = vocabulary.add_field(&doc.title, doc_id, 0, |_| {});
            let units = units(doc);
            let mut unit = 0;
            // The headline opening the text is indexed once, as the title.
            let story = doc.story_start();
            let body_len = vocabulary.add_field(&doc.text[story..], doc_id, title_len, |word| {
                // Units starting at or before this word start with it.
                while unit < units.len()
                    && units[unit].start as usize <= story + word.span.start as usize
                {
                    unit_starts.push(word.position);
                    unit += 1;
                }
            });
            // Units after the last word (punctuation only) start past the end.
            unit_starts.extend(std::iter::repeat_n(body_len, units.len() - unit));
            unit_counts.push(units.len() as u32);
            title_lens.push(title_len);
            body_lens.push(body_len);
        }

        // Final ids follow the sorted order of the terms.
        let Vocabulary {
            terms,
            lists,
            completions,
            ..
        } = vocabulary;
        let mut order: Vec<u32> = (0..terms.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| terms[a as usize].cmp(&terms[b as usize]));
        let mut final_id = vec![0u32; terms.len()];
        for (new, &old) in order.iter().enumerate() {
            final_id[old as usize] = new as u32;
        }
        let mut postings = Vec::new();
        let mut posting_starts = Vec::with_capacity(terms.len() + 1);
        posting_starts.push(0);
        for &old in &order {
            encode_postings(&mut postings, &lists[old as usize]);
            posting_starts.push(postings.len() as u32);
        }
        let mut completions: Vec<(String, u32)> = completions
            .into_iter()
            .map(|(word, old)| (word, final_id[old as usize]))
            .collect();
        completions.sort_unstable();
        let (words, word_terms) = completions.into_iter().unzip();
        let mut terms = terms;
        let terms: Vec<String> = order
            .iter()
            .map(|&old| std::mem::take(&mut terms[old as usize]))
            .collect();
        SearchIndex::from(PreparedIndex::assemble(Parts {
            terms,
            words,
            word_terms,
            posting_starts,
            postings: postings.into(),
            title_lens,
            body_lens,
            unit_counts,
            unit_starts,
        }))
    }
}

impl PreparedIndex {
    /// Puts the stored parts together and derives the in-memory lookup tables;
    /// the one constructor behind both [`SearchIndex::build`] and decoding.
    pub(super) fn assemble(parts: Parts) -> PreparedIndex {
        let Parts {
            terms,
            words,
            word_terms,
            posting_starts,
            postings,
            title_lens,
            body_lens,
            unit_counts,
            unit_starts,
        } = parts;
        let mut unit_offsets = Vec::with_capacity(unit_counts.len() + 1);
        unit_offsets.push(0);
        for &count in &unit_counts {
            unit_offsets.push(unit_offsets[unit_offsets.len() - 1] + count);
        }
        let mean = |lens: &[u32]| {
            let total: u64 = lens.iter().map(|&n| u64::from(n)).sum();
            (total as f32 / lens.len().max(1) as f32).max(1.0)
        };
        let mut by_char_len: Vec<Vec<(u64, u32)>> = Vec::new();
        for (entry, text) in terms.iter().chain(&words).enumerate() {
            let len = text.chars().count();
            if by_char_len.len() <= len {
                by_char_len.resize(len + 1, Vec::new());
            }
            by_char_len[len].push((crate::text::char_mask(text), entry as u32));
        }
        // Counting sort of the words by term: the reverse of `word_terms`.
        let mut words_of_term_starts = vec![0u32; terms.len() + 1];
        for &term in &word_terms {
            words_of_term_starts[term as usize + 1] += 1;
        }
        for t in 0..terms.len() {
            words_of_term_starts[t + 1] += words_of_term_starts[t];
        }
        let mut next = words_of_term_starts.clone();
        let mut words_of_term = vec![0u32; word_terms.len()];
        for (word, &term) in word_terms.iter().enumerate() {
            words_of_term[next[term as usize] as usize] = word as u32;
            next[term as usize] += 1;
        }
        PreparedIndex {
            unit_starts,
            unit_offsets,
            words_of_term_starts,
            words_of_term,
            avg_title_len: mean(&title_lens),
            avg_body_len: mean(&body_lens),
            terms,
            words,
            word_terms,
            posting_starts,
            postings,
            title_lens,
            body_lens,
            by_char_len,
        }
    }
}

#[cfg(feature = "shards")]
impl SearchIndex {
    /// Cuts the posting lists into pieces of about `target` bytes, between terms (a term's
    /// list longer than that is a piece of its own), and keeps each piece where `place`
    /// puts it (the sharded writer: in a shard of its own).
    pub(crate) fn split_postings(&mut self, target: usize, mut place: impl FnMut(Vec<u8>) -> Blob) {
        let index = self.prepared_mut();
        let all = index.postings.to_vec();
        let mut pieces = Vec::new();
        let mut first = 0;
        let terms = index.terms.len();
        for term in 1..=terms {
            let start = index.posting_starts[first] as usize;
            let end = index.posting_starts[term] as usize;
            if end - start >= target.max(1) || (term == terms && end > start) {
                pieces.push(place(all[start..end].to_vec()));
                first = term;
            }
        }
        index.postings = Blob::pieces(pieces);
    }
}

/// Appends one term's posting list (layout in `format`).
fn encode_postings(out: &mut Vec<u8>, list: &Postings) {
    put_varint(out, list.len() as u32);
    let mut previous_doc = 0;
    for (doc, positions) in list {
        put_varint(out, doc - previous_doc);
        previous_doc = *doc;
        put_varint(out, positions.len() as u32);
        let mut previous_position = 0;
        for &position in positions {
            put_varint(out, position - previous_position);
            previous_position = position;
        }
    }
}
