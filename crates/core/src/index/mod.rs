//! The full-text search index: built natively by the compiler
//! ([`SearchIndex::build`], in `writer`), embedded in the bundle, and read in
//! the browser by the query engine (`reader`).
//!
//! One positional inverted index covers both fields of a document: the title's
//! words take positions `0..title_len` and the body's words follow them, so a
//! single posting list per term serves BM25F scoring (title weighted above
//! body), phrase queries and title/body term frequencies. `format` sketches
//! the bytes and carries the version.
//!
//! Why positions are stored rather than found by re-tokenising documents at
//! query time: a phrase query over ~10,000 news articles routinely has
//! hundreds of candidate documents ("prime minister"), and re-analysing each
//! (segmentation, NFD, stemming) costs tens of microseconds, far over a 2 ms
//! budget; varint deltas keep positions to about one byte per indexed word,
//! a fraction of the text the bundle carries anyway. The same positions
//! place the snippets: the index also keeps the word index of the first word
//! of every sentence (about a byte per sentence), so a hit's best sentences
//! are picked from its positions alone, and only the one or two sentences
//! shown are read word by word (see `query::snippet`); no byte offsets are
//! stored.
//!
//! Size, measured on 9,825 news articles with 6.8 MB of text: 32,810 terms,
//! 22,224 completion words, 567,082 postings and 797,457 positions encode to
//! 2.8 MB (0.3 MB dictionaries, 2.4 MB posting lists), about 40% of the text
//! it indexes; the build took 1.3–2.3 s natively (wall clock, loaded machine).
//!
//! Invariant: terms are produced only by [`crate::text`], at build and at query time.

#[cfg(feature = "shards")]
mod deferred;
pub(crate) mod format;
mod reader;
mod units;
mod writer;

pub use format::{IndexStats, INDEX_FORMAT_VERSION};
pub(crate) use reader::TermPostings;
pub(crate) use units::units;

use serde::Serialize;

use crate::lazy::Blob;
#[cfg(not(feature = "shards"))]
use crate::wire::{Decode, Reader};

#[cfg(feature = "shards")]
pub use deferred::SearchIndex;

/// The inverted index over a corpus's documents (see the module doc), in a build that
/// reads one bundle: prepared when the bundle is opened. In a build that reads the
/// sharded layout (core's `shards` feature), it is prepared when first read
/// (`deferred.rs`), which a one-bundle corpus, small by the layout's choice, does not
/// need: there, the deferral cost the default site 0.5 KB gzipped.
#[cfg(not(feature = "shards"))]
pub type SearchIndex = PreparedIndex;

/// A search index ready for lookups: the stored fields, and the tables derived from
/// them (`writer.rs`, `PreparedIndex::assemble`). On the wire it is a compact
/// [`format`](self) record.
#[derive(Clone, Debug, Serialize)]
#[serde(into = "format::IndexWire")]
pub struct PreparedIndex {
    /// Every indexed term (folded, stemmed), sorted and unique; a term's id is its index.
    terms: Vec<String>,
    /// Folded words as written whose term differs from them ("negotiations"),
    /// sorted: what a word being typed is completed against, besides `terms`.
    words: Vec<String>,
    /// The term id of each of `words`.
    word_terms: Vec<u32>,
    /// `words_of_term[words_of_term_starts[t]..words_of_term_starts[t + 1]]`
    /// are the indices in `words` of the words whose term is `t`.
    words_of_term_starts: Vec<u32>,
    /// Indices in `words`, grouped by term (see `words_of_term_starts`).
    words_of_term: Vec<u32>,
    /// `postings[posting_starts[t]..posting_starts[t + 1]]` is term `t`'s list.
    posting_starts: Vec<u32>,
    /// All posting lists, concatenated in term order (layout in `format`): read by term
    /// with `Blob::slice`, since in the sharded layout they are pieces in several shards.
    postings: Blob,
    /// Words in each document's title (stop words included).
    title_lens: Vec<u32>,
    /// Words in each document's body (stop words included).
    body_lens: Vec<u32>,
    /// Body word index of the first word of each passage unit (sentence) of
    /// each document, documents one after another.
    unit_starts: Vec<u32>,
    /// `unit_starts[unit_offsets[d]..unit_offsets[d + 1]]` belong to document `d`.
    unit_offsets: Vec<u32>,
    /// Mean of `title_lens`, for BM25 length normalisation.
    avg_title_len: f32,
    /// Mean of `body_lens`, for BM25 length normalisation.
    avg_body_len: f32,
    /// Dictionary entries grouped by length in characters, for typo lookups,
    /// each with the set of its characters as a 64-bit fingerprint (kept side
    /// by side so a scan reads memory in order); entry `e` is term `e`, or
    /// word `e - terms.len()` past the terms.
    by_char_len: Vec<Vec<(u64, u32)>>,
}

/// Two indexes are equal when they hold the same terms, words, lengths, passages and
/// posting lists, however the lists are kept (the other fields derive from these).
impl PartialEq for PreparedIndex {
    fn eq(&self, other: &PreparedIndex) -> bool {
        self.terms == other.terms
            && self.words == other.words
            && self.word_terms == other.word_terms
            && self.posting_starts == other.posting_starts
            && self.title_lens == other.title_lens
            && self.body_lens == other.body_lens
            && self.unit_starts == other.unit_starts
            && self.unit_offsets == other.unit_offsets
            && (0..self.terms.len() as u32).all(|t| self.posting_bytes(t) == other.posting_bytes(t))
    }
}

/// Read as its wire record, then checked and expanded (`format.rs`); an
/// index that fails the checks is an error of the reader, and empty.
#[cfg(not(feature = "shards"))]
impl Decode for PreparedIndex {
    fn decode(reader: &mut Reader<'_>) -> PreparedIndex {
        let start = reader.position();
        PreparedIndex::try_from(format::IndexWire::decode(reader)).unwrap_or_else(|why| {
            reader.fail(start, why);
            PreparedIndex::assemble(writer::Parts::default())
        })
    }
}

/// Prepared when read (see [`SearchIndex`]): these answer as the deferred index does.
#[cfg(not(feature = "shards"))]
impl PreparedIndex {
    /// Whether the index has been prepared: always, in this build.
    pub fn is_prepared(&self) -> bool {
        true
    }

    /// Nothing to do in this build: the index was prepared when read.
    pub fn prepare(&self) {}

    /// What was wrong with the stored record: the reader refused it, in this build.
    pub fn problem(&self) -> Option<&str> {
        None
    }
}

/// The index of no documents, equal to what decoding an empty index gives.
impl Default for SearchIndex {
    fn default() -> SearchIndex {
        SearchIndex::build(&[])
    }
}
