//! Values read in place: what the page does not decode at start.
//!
//! Every bundle is read from a [`Source`] (the bytes embedded in the WASM, or bytes of
//! its own). A [`Lazy`] field (a document's [`Body`](crate::Body): text, paragraphs,
//! sentences, removed lines; an entity's mentions) is only a window onto those bytes
//! until something reads it, and a [`Blob`] (the posting lists) stays a window for
//! good; so the page's start decodes the documents' metadata, the entities and the
//! facet tables, and no text, however much the corpus holds (`bundle::open_in_place`).
//! The native reader (`bundle::open`) reads the same windows, then every lazy value at
//! once, so that a damaged one refuses the bundle; the tests hold both to the corpus
//! written (`bundle.rs`, `crates/fuzz`).
//!
//! On the wire a lazy value is a byte string (postcard's length, then the bytes)
//! holding the value's own postcard encoding, so a reader can step over it.
//!
//! Size: the page's WASM carries, per lazy type, its decoder and `OnceLock`'s
//! initialisation. Reading in place grew the default site by 1.2 KB gzipped (248,835 to
//! 250,027 bytes, `gzip -9` of `dist/`) with one lazy `Body` per document rather than
//! four lazy fields (1.5 KB) and every reader reading from a source rather than a
//! second, copying path; storing the facet value orders (`facet/tables.rs`) then took
//! 0.2 KB back.

use std::fmt;
use std::ops::{Deref, DerefMut, Range};
use std::sync::{Arc, OnceLock};

use serde::{Serialize, Serializer};

#[cfg(feature = "shards")]
use crate::shard::Shard;
use crate::wire::{Corrupt, Decode, Reader};

/// The bytes a bundle was read from, kept by what was read from it lazily.
#[derive(Clone)]
pub enum Source {
    /// Bytes that live as long as the program: the bundle embedded in the WASM.
    Static(&'static [u8]),
    /// Bytes fetched or read at run time.
    Shared(Arc<[u8]>),
    /// A shard of the sharded layout: no bytes until they arrive.
    #[cfg(feature = "shards")]
    Shard(Arc<Shard>),
    /// Pieces in several shards, read one piece at a time ([`Blob::slice`]), each with
    /// where it starts in the whole: the posting lists of the sharded layout.
    #[cfg(feature = "shards")]
    Pieces(Arc<[(usize, Blob)]>),
}

impl Source {
    /// All the bytes: none while a shard's have not arrived (which marks it wanted).
    pub(crate) fn bytes(&self) -> &[u8] {
        match self {
            Source::Static(bytes) => bytes,
            Source::Shared(bytes) => bytes,
            #[cfg(feature = "shards")]
            Source::Shard(shard) => shard.bytes(),
            #[cfg(feature = "shards")]
            Source::Pieces(_) => &[],
        }
    }

    /// Whether the bytes can be read now: not a shard still to arrive (asking marks it
    /// wanted).
    fn is_available(&self) -> bool {
        #[cfg(feature = "shards")]
        if let Source::Shard(shard) = self {
            shard.bytes();
            return shard.is_settled();
        }
        true
    }
}

/// A run of bytes in a [`Source`].
#[derive(Clone)]
pub struct Blob {
    source: Source,
    range: Range<usize>,
}

impl Blob {
    /// The bytes `range` of `source` (which the reader checked lie within it).
    pub(crate) fn window(source: Source, range: Range<usize>) -> Blob {
        Blob { source, range }
    }

    /// How many bytes it holds, known without reading them.
    pub fn size(&self) -> usize {
        self.range.len()
    }

    /// The bytes `range` of the blob; none if they are not all there, or not all in one of
    /// its pieces (the sharded layout cuts pieces between the ranges read).
    pub(crate) fn slice(&self, range: Range<usize>) -> &[u8] {
        #[cfg(feature = "shards")]
        if let Source::Pieces(pieces) = &self.source {
            let piece = pieces.partition_point(|(start, _)| *start <= range.start);
            return match piece.checked_sub(1).map(|piece| &pieces[piece]) {
                Some((start, piece)) => piece.slice(range.start - start..range.end - start),
                None => &[],
            };
        }
        self.get(range).unwrap_or_default()
    }

    /// One blob of `pieces`, read one at a time ([`Blob::slice`]).
    #[cfg(feature = "shards")]
    pub(crate) fn pieces(pieces: Vec<Blob>) -> Blob {
        let mut start = 0;
        let pieces: Arc<[(usize, Blob)]> = pieces
            .into_iter()
            .map(|piece| {
                start += piece.size();
                (start - piece.size(), piece)
            })
            .collect();
        Blob::window(Source::Pieces(pieces), 0..start)
    }

    /// A reader of these bytes.
    pub(crate) fn reader(&self) -> Reader<'_> {
        Reader::in_source(&self.source, self.range.clone())
    }
}

/// Bytes of their own (the compiler's), as a source of their own.
impl From<Vec<u8>> for Blob {
    fn from(bytes: Vec<u8>) -> Blob {
        let range = 0..bytes.len();
        Blob::window(Source::Shared(bytes.into()), range)
    }
}

impl Default for Blob {
    fn default() -> Blob {
        Blob::window(Source::Static(&[]), 0..0)
    }
}

/// The bytes; none while their shard has not arrived (which marks it wanted).
impl Deref for Blob {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        self.source
            .bytes()
            .get(self.range.clone())
            .unwrap_or_default()
    }
}

impl PartialEq for Blob {
    fn eq(&self, other: &Blob) -> bool {
        **self == **other
    }
}

impl Eq for Blob {}

impl fmt::Debug for Blob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Blob({} bytes)", self.len())
    }
}

/// On the wire a blob is a varint `v`, then, when `v` is even, its `v / 2` bytes; when it is
/// odd, a reference into the shards of the sharded layout's head: `v / 2` pieces, each a
/// shard's number, a start and a length. The even lengths cost one bundle a byte only for
/// blobs of 64 to 127 bytes (and so on), where an enum's tag would cost one for every blob.
impl Serialize for Blob {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[cfg(feature = "shards")]
        {
            use serde::ser::SerializeTuple;
            let one;
            let pieces: &[(usize, Blob)] = match &self.source {
                Source::Pieces(pieces) => pieces,
                Source::Shard(_) => {
                    one = [(0, self.clone())];
                    &one
                }
                _ => &[],
            };
            if !pieces.is_empty() {
                let mut tuple = serializer.serialize_tuple(1 + pieces.len())?;
                tuple.serialize_element(&(2 * pieces.len() as u64 + 1))?;
                for (_, piece) in pieces {
                    let Source::Shard(shard) = &piece.source else {
                        return Err(serde::ser::Error::custom("a piece outside any shard"));
                    };
                    let (start, len) = (piece.range.start as u32, piece.range.len() as u32);
                    tuple.serialize_element(&(shard.number(), start, len))?;
                }
                return tuple.end();
            }
        }
        Here(self).serialize(serializer)
    }
}

/// Bytes kept where they are read: twice their length, then the bytes.
struct Here<'a>(&'a [u8]);

impl Serialize for Here<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple;
        let mut tuple = serializer.serialize_tuple(self.0.len() + 1)?;
        tuple.serialize_element(&(2 * self.0.len() as u64))?;
        for byte in self.0 {
            tuple.serialize_element(byte)?;
        }
        tuple.end()
    }
}

/// A window onto the reader's source, or onto one of its shards.
impl Decode for Blob {
    fn decode(reader: &mut Reader<'_>) -> Blob {
        reader.blob()
    }
}

/// A value kept in a shard reads as this until the shard arrives (and is not cached).
pub trait Empty: 'static {
    /// The empty value.
    fn empty() -> &'static Self;
}

/// A value decoded from its bytes the first time it is read (see the module doc).
/// It reads as the value it holds (`Deref`); bytes that do not decode read as the
/// empty value, and [`Lazy::problem`] says what was wrong.
pub struct Lazy<T> {
    /// The encoded value, when it came from a source.
    encoded: Option<Blob>,
    /// The value once decoded, boxed: most values are never read (the texts of articles no
    /// search shows), and unboxed, an article's empty `Body` took 100 bytes of its metadata
    /// (10 MB at 100,000 articles).
    value: OnceLock<Box<T>>,
}

impl<T: Decode + Default + Empty> Lazy<T> {
    /// The value, decoded now if it was not yet; empty, and not kept, while the shard
    /// holding it has not arrived.
    pub fn read(&self) -> &T {
        if let Some(value) = self.value.get() {
            return value;
        }
        if !self.is_available() {
            return T::empty();
        }
        self.value
            .get_or_init(|| Box::new(self.decode().unwrap_or_default()))
    }

    /// Whether the value has been decoded (or never needed to be).
    pub fn is_read(&self) -> bool {
        self.value.get().is_some()
    }

    /// Whether the value can be read now: it is not kept in a shard still to arrive
    /// (asking marks that shard wanted).
    pub fn is_available(&self) -> bool {
        self.encoded
            .as_ref()
            .is_none_or(|blob| blob.source.is_available())
    }

    /// The value, decoded now if it was not yet, or what is wrong with its bytes.
    pub fn read_checked(&self) -> Result<&T, Corrupt> {
        if let Some(value) = self.value.get() {
            return Ok(value);
        }
        let value = self.decode()?;
        Ok(self.value.get_or_init(|| Box::new(value)))
    }

    /// What is wrong with the value's bytes, if anything (decoding them again).
    pub fn problem(&self) -> Option<Corrupt> {
        #[cfg(feature = "shards")]
        if let Some(Source::Shard(shard)) = self.encoded.as_ref().map(|blob| &blob.source) {
            if let Some(why) = shard.problem() {
                return Some(Corrupt {
                    at: 0,
                    what: why.to_string(),
                });
            }
        }
        self.decode().err()
    }

    fn decode(&self) -> Result<T, Corrupt> {
        match &self.encoded {
            Some(bytes) => bytes.reader().read_all(),
            None => Ok(T::default()),
        }
    }
}

impl<T> Lazy<T> {
    /// A value whose encoding is `blob` (the sharded writer's: a reference into a shard).
    pub(crate) fn encoded(blob: Blob) -> Lazy<T> {
        Lazy {
            encoded: Some(blob),
            value: OnceLock::new(),
        }
    }
}

impl<T> From<T> for Lazy<T> {
    fn from(value: T) -> Lazy<T> {
        Lazy {
            encoded: None,
            value: OnceLock::from(Box::new(value)),
        }
    }
}

impl<T> FromIterator<T> for Lazy<Vec<T>> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Lazy<Vec<T>> {
        Lazy::from(items.into_iter().collect::<Vec<T>>())
    }
}

impl<T: Default> Default for Lazy<T> {
    fn default() -> Lazy<T> {
        Lazy::from(T::default())
    }
}

impl<T: Decode + Default + Empty> Deref for Lazy<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.read()
    }
}

impl<T: Decode + Default + Empty> DerefMut for Lazy<T> {
    fn deref_mut(&mut self) -> &mut T {
        if self.value.get().is_none() {
            let value = self.decode().unwrap_or_default();
            self.value = OnceLock::from(Box::new(value));
        }
        self.encoded = None;
        // Filled just above if it was not.
        self.value.get_mut().expect("decoded above")
    }
}

impl<T: Clone> Clone for Lazy<T> {
    fn clone(&self) -> Lazy<T> {
        Lazy {
            encoded: self.encoded.clone(),
            value: self.value.clone(),
        }
    }
}

impl<T: Decode + Default + Empty + PartialEq> PartialEq for Lazy<T> {
    fn eq(&self, other: &Lazy<T>) -> bool {
        self.read() == other.read()
    }
}

impl<T: Decode + Default + Empty + fmt::Debug> fmt::Debug for Lazy<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.read().fmt(f)
    }
}

impl<'a, T: Default> IntoIterator for &'a Lazy<Vec<T>>
where
    Vec<T>: Decode + Empty,
{
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.read().iter()
    }
}

/// A reference into a shard as it was read (the sharded layout's head); otherwise the
/// value's postcard bytes, as a blob of its own.
impl<T: Decode + Default + Empty + Serialize> Serialize for Lazy<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[cfg(feature = "shards")]
        if let Some(
            blob @ Blob {
                source: Source::Shard(_) | Source::Pieces(_),
                ..
            },
        ) = &self.encoded
        {
            return blob.serialize(serializer);
        }
        encoded(self.read(), serializer)
    }
}

/// `value`'s postcard bytes, written as a blob of their own: a lazy value's form, read
/// lazily ([`Lazy`]) or at once ([`Embedded`]).
fn encoded<T: Serialize, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    let bytes = postcard::to_allocvec(value).map_err(serde::ser::Error::custom)?;
    Here(&bytes).serialize(serializer)
}

/// A window onto the value's bytes in the reader's source or one of its shards.
impl<T> Decode for Lazy<T> {
    fn decode(reader: &mut Reader<'_>) -> Lazy<T> {
        Lazy::encoded(Blob::decode(reader))
    }
}

/// A value on the wire as a [`Lazy`] one is (a byte string holding its encoding), decoded
/// when the bundle is read: the compile report in a build that reads one bundle, where it
/// is small and reading it later would buy nothing. A build that reads the sharded layout
/// reads it as a [`Lazy`] value instead, kept in a shard (`corpus.rs`). Measured on the
/// default site, gzipped: a lazy report cost 255 bytes; this costs 132.
#[cfg(not(feature = "shards"))]
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Embedded<T>(T);

#[cfg(not(feature = "shards"))]
impl<T> Embedded<T> {
    /// The value (read with the bundle, so never a problem now).
    pub fn read_checked(&self) -> Result<&T, Corrupt> {
        Ok(&self.0)
    }

    /// Whether the value has been decoded: always, in this build.
    pub fn is_read(&self) -> bool {
        true
    }
}

#[cfg(not(feature = "shards"))]
impl<T> From<T> for Embedded<T> {
    fn from(value: T) -> Embedded<T> {
        Embedded(value)
    }
}

#[cfg(not(feature = "shards"))]
impl<T> Deref for Embedded<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

#[cfg(not(feature = "shards"))]
impl<T> DerefMut for Embedded<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

/// As a [`Lazy`] value is written: the value's postcard bytes, as a blob of its own.
#[cfg(not(feature = "shards"))]
impl<T: Serialize> Serialize for Embedded<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        encoded(&self.0, serializer)
    }
}

/// The blob, then the value in it; a value that does not decode (or not to the blob's end)
/// is an error of the reader. Read through a reader of the blob, as lazy values are, whose
/// code the page has anyway: decoding in place was 4 bytes larger.
#[cfg(not(feature = "shards"))]
impl<T: Decode + Default> Decode for Embedded<T> {
    fn decode(reader: &mut Reader<'_>) -> Embedded<T> {
        let start = reader.position();
        Embedded(
            Blob::decode(reader)
                .reader()
                .read_all()
                .unwrap_or_else(|error| {
                    reader.fail(start, error.what);
                    T::default()
                }),
        )
    }
}

#[cfg(all(test, not(feature = "shards")))]
mod tests {
    use super::*;

    /// Reads `bytes` as an embedded string.
    fn read(bytes: Vec<u8>) -> Result<String, Corrupt> {
        let embedded: Embedded<String> = Blob::from(bytes).reader().read_all()?;
        Ok(embedded.0)
    }

    #[test]
    fn an_embedded_value_is_written_as_a_lazy_one_and_refused_when_its_blob_is_not_its_own() {
        let refs = vec![crate::SourceRef::default()];
        let embedded = postcard::to_allocvec(&Embedded::from(refs.clone())).unwrap();
        assert_eq!(embedded, postcard::to_allocvec(&Lazy::from(refs)).unwrap());
        let bytes = postcard::to_allocvec(&Embedded::from("abc".to_string())).unwrap();
        assert_eq!(bytes, [8, 3, b'a', b'b', b'c']);
        assert_eq!(read(bytes.clone()).unwrap(), "abc");
        // A blob longer or shorter than its value, or a shard reference, is refused.
        for first in [10, 6, 9] {
            let mut damaged = bytes.clone();
            damaged[0] = first;
            assert!(read(damaged).is_err(), "{first}");
        }
    }
}
