//! The on-the-wire layout of [`SearchIndex`], its version, and the varint
//! helpers shared by the writer and the reader.
//!
//! The index travels inside the postcard-encoded bundle as an `IndexWire`:
//! ```text
//! field          postcard type   content
//! version        varint u32      INDEX_FORMAT_VERSION; a reader refuses any other
//! term_count     varint u32      number of terms
//! terms          bytes           front-coded sorted terms, per term:
//!                                  varint shared-prefix bytes with the previous term,
//!                                  varint suffix bytes, suffix (UTF-8)
//! word_count     varint u32      number of completion words
//! words          bytes           front-coded sorted folded words whose stem differs
//! word_terms     [varint u32]    the term id of each word
//! posting_lens   [varint u32]    byte length of each term's posting list
//! postings       blob            the posting lists, concatenated in term order: here, or
//!                                  in the sharded layout, pieces cut between terms, each
//!                                  in a shard of its own (`lazy::Blob`)
//! title_lens     [varint u32]    words in each document's title
//! body_lens      [varint u32]    words in each document's body
//! unit_counts    [varint u32]    passage units (sentences) of each document
//! unit_starts    [varint u32]    body word index of each unit's first word,
//!                                  as deltas within a document (first: itself)
//!
//! posting list of one term:
//!   varint doc_count
//!   doc_count × { varint doc delta (first: the doc id itself),
//!                 varint tf (occurrences in title and body),
//!                 tf × varint position delta (first: the position itself) }
//! positions: title words are 0..title_len, body word i is title_len + i;
//! stop words take a position but have no posting.
//! ```
//! Everything else in memory (sorted `Vec<String>`, offsets, typo buckets) is
//! rebuilt from these fields when the index is first read, in `PreparedIndex::assemble`.

use serde::Serialize;

use super::writer::Parts;
use super::PreparedIndex;
use crate::lazy::Blob;

/// Version of the index layout; bump on any change to this file's sketch.
pub const INDEX_FORMAT_VERSION: u32 = 1;

/// Sizes of an index, for the benchmark and the compile report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IndexStats {
    /// Indexed documents.
    pub documents: usize,
    /// Distinct terms.
    pub terms: usize,
    /// Folded words kept for completion because their stem differs.
    pub words: usize,
    /// (term, document) pairs.
    pub postings: usize,
    /// Stored word positions.
    pub positions: usize,
    /// Bytes (about) of the front-coded term and word dictionaries.
    pub dictionary_bytes: usize,
    /// Bytes of the posting lists.
    pub posting_bytes: usize,
    /// Bytes of the whole index as encoded in the bundle.
    pub encoded_bytes: usize,
}

/// The serialised form of [`SearchIndex`](super::SearchIndex) (see the module doc).
#[derive(Clone, Debug, Serialize)]
pub(crate) struct IndexWire {
    version: u32,
    term_count: u32,
    terms: Blob,
    word_count: u32,
    words: Blob,
    word_terms: Vec<u32>,
    posting_lens: Vec<u32>,
    postings: Blob,
    title_lens: Vec<u32>,
    body_lens: Vec<u32>,
    unit_counts: Vec<u32>,
    unit_starts: Vec<u32>,
}

crate::wire::decode_struct!(IndexWire {
    version,
    term_count,
    terms,
    word_count,
    words,
    word_terms,
    posting_lens,
    postings,
    title_lens,
    body_lens,
    unit_counts,
    unit_starts
});

impl IndexWire {
    /// Whether this build reads the record's version.
    pub(crate) fn check_version(&self) -> Result<(), String> {
        if self.version == INDEX_FORMAT_VERSION {
            return Ok(());
        }
        Err(format!(
            "search index format version {}, but this build reads version {INDEX_FORMAT_VERSION}",
            self.version
        ))
    }

    /// Bytes of the front-coded term and word dictionaries.
    pub(crate) fn dictionary_bytes(&self) -> usize {
        self.terms.len() + self.words.len() + self.word_terms.len()
    }
}

/// Appends `value` as a LEB128 varint.
pub(crate) fn put_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads a LEB128 varint at `*at`, advancing it; `None` past the end or on overflow.
pub(crate) fn get_varint(bytes: &[u8], at: &mut usize) -> Option<u32> {
    let mut value = 0u32;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(*at)?;
        *at += 1;
        value |= u32::from(byte & 0x7f).checked_shl(shift)?;
        if byte < 0x80 {
            return Some(value);
        }
    }
    None
}

/// Front-codes sorted strings: each stores only what differs from its predecessor.
fn encode_terms(terms: &[String]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut previous = "";
    for term in terms {
        let shared = previous
            .bytes()
            .zip(term.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        // Cut on a character boundary so every suffix is valid UTF-8 on its own.
        let shared = (0..=shared)
            .rev()
            .find(|&i| term.is_char_boundary(i))
            .unwrap_or(0);
        put_varint(&mut out, shared as u32);
        put_varint(&mut out, (term.len() - shared) as u32);
        out.extend_from_slice(&term.as_bytes()[shared..]);
        previous = term;
    }
    out
}

/// Inverse of [`encode_terms`].
fn decode_terms(bytes: &[u8], count: u32) -> Result<Vec<String>, String> {
    // A count read from the bytes is not trusted with memory: every term takes at least two
    // bytes, so no more can be there (a damaged count would otherwise ask for gigabytes).
    let mut terms: Vec<String> = Vec::with_capacity((count as usize).min(bytes.len() / 2));
    let mut at = 0;
    for i in 0..count {
        let corrupt = || format!("term dictionary is corrupt at term {i}");
        let shared = get_varint(bytes, &mut at).ok_or_else(corrupt)? as usize;
        let len = get_varint(bytes, &mut at).ok_or_else(corrupt)? as usize;
        let suffix = bytes.get(at..at + len).ok_or_else(corrupt)?;
        at += len;
        let suffix = std::str::from_utf8(suffix).map_err(|_| corrupt())?;
        let prefix = match terms.last() {
            Some(previous) => previous.get(..shared).ok_or_else(corrupt)?,
            None if shared == 0 => "",
            None => return Err(corrupt()),
        };
        // Not `format!`: its formatting machinery took most of this loop's time in the page
        // (29 of 35 ms of a first load's preparation at 9.8k articles, in a CPU profile).
        let mut term = String::with_capacity(prefix.len() + suffix.len());
        term.push_str(prefix);
        term.push_str(suffix);
        if terms.last().is_some_and(|previous| *previous >= term) {
            return Err(format!("term dictionary is not sorted at term {i}"));
        }
        terms.push(term);
    }
    if at != bytes.len() {
        return Err("term dictionary has trailing bytes".into());
    }
    Ok(terms)
}

impl From<PreparedIndex> for IndexWire {
    fn from(index: PreparedIndex) -> IndexWire {
        let mut unit_counts = Vec::with_capacity(index.title_lens.len());
        let mut unit_starts = Vec::with_capacity(index.unit_starts.len());
        for doc in index.unit_offsets.windows(2) {
            let starts = &index.unit_starts[doc[0] as usize..doc[1] as usize];
            unit_counts.push(starts.len() as u32);
            let mut previous = 0;
            for &start in starts {
                unit_starts.push(start - previous);
                previous = start;
            }
        }
        IndexWire {
            version: INDEX_FORMAT_VERSION,
            term_count: index.terms.len() as u32,
            terms: encode_terms(&index.terms).into(),
            word_count: index.words.len() as u32,
            words: encode_terms(&index.words).into(),
            word_terms: index.word_terms,
            posting_lens: index
                .posting_starts
                .windows(2)
                .map(|w| w[1] - w[0])
                .collect(),
            postings: index.postings,
            title_lens: index.title_lens,
            body_lens: index.body_lens,
            unit_counts,
            unit_starts,
        }
    }
}

impl TryFrom<IndexWire> for PreparedIndex {
    type Error = String;

    fn try_from(wire: IndexWire) -> Result<PreparedIndex, String> {
        wire.check_version()?;
        let terms = decode_terms(&wire.terms, wire.term_count)?;
        let words = decode_terms(&wire.words, wire.word_count)?;
        if wire.word_terms.len() != words.len()
            || wire.word_terms.iter().any(|&t| t as usize >= terms.len())
        {
            return Err("search index word table does not match its terms".into());
        }
        if wire.posting_lens.len() != terms.len() {
            return Err("search index has a posting length per term missing".into());
        }
        if wire.title_lens.len() != wire.body_lens.len() {
            return Err("search index has title and body lengths for different documents".into());
        }
        let mut posting_starts = Vec::with_capacity(terms.len() + 1);
        let mut end = 0u32;
        posting_starts.push(0);
        for len in &wire.posting_lens {
            end = end
                .checked_add(*len)
                .filter(|&end| end as usize <= wire.postings.size())
                .ok_or("search index posting lengths overrun the postings")?;
            posting_starts.push(end);
        }
        if wire.unit_counts.len() != wire.title_lens.len()
            || wire.unit_counts.iter().map(|&n| n as usize).sum::<usize>() != wire.unit_starts.len()
        {
            return Err("search index passage starts do not match its documents".into());
        }
        let mut unit_starts = Vec::with_capacity(wire.unit_starts.len());
        let mut deltas = wire.unit_starts.iter();
        for &count in &wire.unit_counts {
            let mut start = 0u32;
            for delta in deltas.by_ref().take(count as usize) {
                start = start.saturating_add(*delta);
                unit_starts.push(start);
            }
        }
        Ok(PreparedIndex::assemble(Parts {
            terms,
            words,
            word_terms: wire.word_terms,
            posting_starts,
            postings: wire.postings,
            title_lens: wire.title_lens,
            body_lens: wire.body_lens,
            unit_counts: wire.unit_counts,
            unit_starts,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Round-trips `terms` through front coding and checks the encoded size.
    fn check(terms: &[&str], expect_bytes: usize) {
        let terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        let bytes = encode_terms(&terms);
        assert_eq!(bytes.len(), expect_bytes, "{terms:?}");
        assert_eq!(decode_terms(&bytes, terms.len() as u32).unwrap(), terms);
    }

    #[test]
    fn terms_front_code_and_round_trip() {
        check(&[], 0);
        check(&["minist", "ministri", "moscow"], 2 + 6 + 2 + 2 + 2 + 5);
        // "é" and "ê" share their first UTF-8 byte; the cut falls before it.
        check(&["café", "cafê"], 2 + 5 + 2 + 2);
    }

    #[test]
    fn varints_round_trip_and_reject_truncation() {
        for value in [0, 1, 127, 128, 300, 1 << 21, u32::MAX] {
            let mut bytes = Vec::new();
            put_varint(&mut bytes, value);
            let mut at = 0;
            assert_eq!(get_varint(&bytes, &mut at), Some(value));
            assert_eq!(at, bytes.len());
            bytes.pop();
            assert_eq!(get_varint(&bytes, &mut 0), None);
        }
    }

    /// Reads `wire`'s bytes as a bundle's reader does.
    #[cfg(feature = "shards")]
    fn read(wire: &IndexWire) -> Result<super::super::SearchIndex, crate::wire::Corrupt> {
        Blob::from(postcard::to_allocvec(wire).unwrap())
            .reader()
            .read_all()
    }

    #[test]
    #[cfg(feature = "shards")]
    fn a_read_index_is_checked_and_prepared_when_first_read() {
        let docs = [crate::Document {
            title: "Tehran talks".into(),
            ..Default::default()
        }];
        let built = super::super::SearchIndex::build(&docs);
        let wire = IndexWire::from((*built).clone());
        let index = read(&wire).unwrap();
        assert!(!index.is_prepared());
        assert_eq!(index.problem(), None);
        assert!(index.is_prepared());
        assert_eq!(index, built);

        // Lengths that overrun the postings: found on first reading, and the index empty.
        let mut damaged = wire.clone();
        damaged.posting_lens[0] += 1000;
        let index = read(&damaged).unwrap();
        assert_eq!(index.term_id("tehran"), None);
        assert_eq!(index.doc_count(), 0);
        assert_eq!(
            index.problem(),
            Some("search index posting lengths overrun the postings")
        );

        // Another version: refused by the reader at once.
        let mut other = wire;
        other.version += 1;
        let error = read(&other).unwrap_err().to_string();
        assert!(error.contains("search index format version 2"), "{error}");
    }

    #[test]
    fn corrupt_dictionaries_are_refused() {
        assert!(decode_terms(&[5, 1, b'a'], 1).is_err());
        assert!(decode_terms(&[0, 1, b'b', 0, 1, b'a'], 2).is_err());
        assert!(decode_terms(&[0, 1, b'a', 9], 1).is_err());
    }
}
