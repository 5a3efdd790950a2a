//! Answering lookups on a built or decoded index: term ids, prefix ranges,
//! typo candidates, decoded posting lists and document lengths.
//!
//! Invariant: nothing here panics on a corrupt index; a posting list that
//! cannot be decoded is read as far as it goes.

use std::ops::Range;

use super::format::get_varint;
use super::{IndexStats, PreparedIndex};
use crate::model::DocId;

/// One term's posting list, its documents decoded, its positions decoded
/// on demand: most documents of a frequent term only need their counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct TermPostings<'a> {
    /// The encoded list.
    bytes: &'a [u8],
    /// Documents containing the term, ascending.
    pub docs: Vec<DocId>,
    /// Occurrences of the term in each document.
    pub tfs: Vec<u32>,
    /// Where each document's positions start in `bytes`.
    position_at: Vec<u32>,
}

impl TermPostings<'_> {
    /// The positions of the term in the `i`-th document of the list, ascending.
    pub fn positions_of(&self, i: usize) -> Vec<u32> {
        let mut at = self.position_at[i] as usize;
        let mut position = 0u32;
        // Each position takes at least a byte: a damaged count cannot ask for more memory.
        let room = self.bytes.len().saturating_sub(at);
        let mut positions = Vec::with_capacity((self.tfs[i] as usize).min(room));
        for _ in 0..self.tfs[i] {
            let Some(delta) = get_varint(self.bytes, &mut at) else {
                break;
            };
            position = position.saturating_add(delta);
            positions.push(position);
        }
        positions
    }

    /// How many positions of the `i`-th document are below `limit`, decoding
    /// no further than needed (title words come first).
    pub fn count_below(&self, i: usize, limit: u32) -> u32 {
        let mut at = self.position_at[i] as usize;
        let mut position = 0u32;
        for count in 0..self.tfs[i] {
            let Some(delta) = get_varint(self.bytes, &mut at) else {
                return count;
            };
            position = position.saturating_add(delta);
            if position >= limit {
                return count;
            }
        }
        self.tfs[i]
    }
}

impl PreparedIndex {
    /// Number of indexed documents.
    pub fn doc_count(&self) -> usize {
        self.title_lens.len()
    }

    /// The text of a term id.
    #[cfg(test)]
    pub(crate) fn term(&self, id: u32) -> &str {
        &self.terms[id as usize]
    }

    /// The id of an exact term.
    pub(crate) fn term_id(&self, term: &str) -> Option<u32> {
        self.terms
            .binary_search_by(|t| t.as_str().cmp(term))
            .ok()
            .map(|i| i as u32)
    }

    /// Ids of all terms starting with `prefix` (a range, as terms are sorted).
    pub(crate) fn prefix_range(&self, prefix: &str) -> Range<u32> {
        let start = self.terms.partition_point(|t| t.as_str() < prefix);
        let len = self.terms[start..].partition_point(|t| t.starts_with(prefix));
        start as u32..(start + len) as u32
    }

    /// Ids of the terms a word being typed may complete to: terms starting
    /// with `prefix`, and the terms of folded words starting with it.
    pub(crate) fn completions(&self, prefix: &str) -> Vec<u32> {
        let start = self.words.partition_point(|w| w.as_str() < prefix);
        let len = self.words[start..].partition_point(|w| w.starts_with(prefix));
        let mut ids: Vec<u32> = self.prefix_range(prefix).collect();
        ids.extend(&self.word_terms[start..start + len]);
        crate::sort::sort(&mut ids);
        ids.dedup();
        ids
    }

    /// Every folded word form of the term `id`: the term itself where no
    /// indexed word spells it differently, and each indexed word whose stem it is.
    pub(crate) fn word_forms(&self, id: u32) -> impl Iterator<Item = &str> + '_ {
        let term = &self.terms[id as usize];
        let itself = self
            .words
            .binary_search(term)
            .is_err()
            .then_some(term.as_str());
        let start = self.words_of_term_starts[id as usize] as usize;
        let end = self.words_of_term_starts[id as usize + 1] as usize;
        let others = self.words_of_term[start..end]
            .iter()
            .map(|&w| self.words[w as usize].as_str());
        itself.into_iter().chain(others)
    }

    /// Dictionary entries (terms, and unless `terms_only` words whose stem
    /// differs) of `len` characters, as `(character fingerprint, entry)`;
    /// see [`PreparedIndex::entry`].
    pub(crate) fn entries_of_char_len(&self, len: usize, terms_only: bool) -> &[(u64, u32)] {
        let bucket = self.by_char_len.get(len).map_or(&[][..], Vec::as_slice);
        if terms_only {
            // Entries are numbered terms first, and each bucket is in entry order.
            let terms = self.terms.len() as u32;
            &bucket[..bucket.partition_point(|&(_, entry)| entry < terms)]
        } else {
            bucket
        }
    }

    /// The text of a dictionary entry and the id of its term.
    pub(crate) fn entry(&self, entry: u32) -> (&str, u32) {
        match (entry as usize).checked_sub(self.terms.len()) {
            None => (self.terms[entry as usize].as_str(), entry),
            Some(word) => (self.words[word].as_str(), self.word_terms[word]),
        }
    }

    /// The raw bytes of a term's posting list: none while its shard has not arrived.
    pub(super) fn posting_bytes(&self, id: u32) -> &[u8] {
        let start = self.posting_starts[id as usize] as usize;
        let end = self.posting_starts[id as usize + 1] as usize;
        self.postings.slice(start..end)
    }

    /// In how many documents a term occurs.
    pub(crate) fn doc_freq(&self, id: u32) -> u32 {
        get_varint(self.posting_bytes(id), &mut 0).unwrap_or(0)
    }

    /// A term's posting list, documents decoded, positions skipped over.
    pub(crate) fn postings(&self, id: u32) -> TermPostings<'_> {
        let bytes = self.posting_bytes(id);
        let mut at = 0;
        // Each document takes at least two bytes (its delta and count): a damaged count
        // cannot ask for more memory than the list's bytes could hold.
        let count = (get_varint(bytes, &mut at).unwrap_or(0) as usize).min(bytes.len() / 2);
        let mut list = TermPostings {
            bytes,
            docs: Vec::with_capacity(count),
            tfs: Vec::with_capacity(count),
            position_at: Vec::with_capacity(count),
        };
        let mut doc = 0u32;
        for _ in 0..count {
            let Some(delta) = get_varint(bytes, &mut at) else {
                break;
            };
            let Some(tf) = get_varint(bytes, &mut at) else {
                break;
            };
            doc = doc.saturating_add(delta);
            list.docs.push(doc);
            list.tfs.push(tf);
            list.position_at.push(at as u32);
            // Skip the positions: a varint ends at its first byte below 0x80.
            for _ in 0..tf {
                while bytes.get(at).is_some_and(|&b| b >= 0x80) {
                    at += 1;
                }
                at += 1;
            }
        }
        list
    }

    /// Numbers of terms, completion words and posting bytes: with the
    /// address, enough to tell indexes apart in a memo.
    pub(crate) fn sizes(&self) -> (usize, usize, usize) {
        (self.terms.len(), self.words.len(), self.postings.size())
    }

    /// Words in the title of `doc` (positions below this are title words).
    pub(crate) fn title_len(&self, doc: DocId) -> u32 {
        self.title_lens.get(doc as usize).copied().unwrap_or(0)
    }

    /// Words in the body of `doc`.
    pub(crate) fn body_len(&self, doc: DocId) -> u32 {
        self.body_lens.get(doc as usize).copied().unwrap_or(0)
    }

    /// Body word index of the first word of each passage unit of `doc`
    /// (see `query::units`); empty for an unknown document.
    pub(crate) fn unit_starts(&self, doc: DocId) -> &[u32] {
        let d = doc as usize;
        match (self.unit_offsets.get(d), self.unit_offsets.get(d + 1)) {
            (Some(&from), Some(&to)) => &self.unit_starts[from as usize..to as usize],
            _ => &[],
        }
    }

    /// Mean title and body lengths, in words.
    pub(crate) fn avg_lens(&self) -> (f32, f32) {
        (self.avg_title_len, self.avg_body_len)
    }

    /// Sizes of the index, for the benchmark.
    pub fn stats(&self) -> IndexStats {
        let mut postings = 0;
        let mut positions = 0;
        for id in 0..self.terms.len() as u32 {
            let list = self.postings(id);
            postings += list.docs.len();
            positions += list.tfs.iter().map(|&tf| tf as usize).sum::<usize>();
        }
        let wire = super::format::IndexWire::from(self.clone());
        IndexStats {
            documents: self.doc_count(),
            terms: self.terms.len(),
            words: self.words.len(),
            postings,
            positions,
            dictionary_bytes: wire.dictionary_bytes(),
            posting_bytes: self.postings.size(),
            encoded_bytes: postcard::to_allocvec(&wire).map_or(0, |bytes| bytes.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Body, Document};
    use crate::Corpus;
    use crate::{bundle, SearchIndex};

    fn doc(title: &str, text: &str) -> Document {
        Document {
            title: title.to_string().into(),
            body: Body {
                text: text.into(),
                ..Body::default()
            }
            .into(),
            ..Default::default()
        }
    }

    /// Builds an index over `docs` and compares each listed term's
    /// `doc:positions` entries, after a round trip through the bundle.
    fn check(docs: &[Document], expect: &[(&str, &str)]) {
        let index = SearchIndex::build(docs);
        let corpus = Corpus {
            documents: docs.to_vec().into(),
            index: index.clone(),
            ..Default::default()
        };
        let decoded = bundle::decode(&bundle::encode(&corpus)).unwrap();
        assert_eq!(decoded.index, index, "round trip through the bundle");
        for &(term, expect) in expect {
            let got = match decoded.index.term_id(term) {
                Some(id) => {
                    let list = decoded.index.postings(id);
                    let entries: Vec<String> = (0..list.docs.len())
                        .map(|i| format!("{}:{:?}", list.docs[i], list.positions_of(i)))
                        .collect();
                    entries.join(" ")
                }
                None => "absent".into(),
            };
            assert_eq!(got, expect, "postings of {term:?}");
        }
    }

    #[test]
    fn postings_hold_title_then_body_positions() {
        check(
            &[
                doc(
                    "Iran and Russia",
                    "Russia's minister visited Iran. Ministers met.",
                ),
                doc("", "Nothing here."),
                doc("Minister", "The minister."),
            ],
            &[
                ("iran", "0:[0, 6]"),
                ("russia", "0:[2, 3]"),
                ("minist", "0:[4, 7] 2:[0, 2]"),
                ("noth", "1:[0]"),
                ("the", "absent"),
                ("and", "absent"),
            ],
        );
        check(&[], &[("iran", "absent")]);
    }

    #[test]
    fn lookups_by_prefix_and_length() {
        let index = SearchIndex::build(&[doc("Moscow", "minister ministry mine")]);
        let range = index.prefix_range("min");
        let terms: Vec<&str> = range.map(|id| index.term(id)).collect();
        assert_eq!(terms, ["mine", "minist", "ministri"]);
        assert!(index.prefix_range("zz").is_empty());
        let completed: Vec<&str> = index
            .completions("ministe")
            .into_iter()
            .map(|id| index.term(id))
            .collect();
        assert_eq!(completed, ["minist"]);
        let eight: Vec<(&str, &str)> = index
            .entries_of_char_len(8, false)
            .iter()
            .map(|&(_, entry)| index.entry(entry))
            .map(|(text, id)| (text, index.term(id)))
            .collect();
        assert_eq!(
            eight,
            [
                ("ministri", "ministri"),
                ("minister", "minist"),
                ("ministry", "ministri")
            ]
        );
        let forms: Vec<&str> = index.word_forms(index.term_id("minist").unwrap()).collect();
        assert_eq!(forms, ["minist", "minister"]);
        let terms_of_eight = index.entries_of_char_len(8, true);
        assert_eq!(terms_of_eight.len(), 1);
        assert_eq!(index.doc_freq(index.term_id("moscow").unwrap()), 1);
        let stats = index.stats();
        assert_eq!(
            (
                stats.documents,
                stats.terms,
                stats.postings,
                stats.positions
            ),
            (1, 4, 4, 4)
        );
    }
}
