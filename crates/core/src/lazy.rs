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

use crate::wire::{Corrupt, Decode, Reader};

/// The bytes a bundle was read from, kept by what was read from it lazily.
#[derive(Clone)]
pub enum Source {
    /// Bytes that live as long as the program: the bundle embedded in the WASM.
    Static(&'static [u8]),
    /// Bytes fetched or read at run time.
    Shared(Arc<[u8]>),
}

impl Source {
    /// All the bytes.
    pub(crate) fn bytes(&self) -> &[u8] {
        match self {
            Source::Static(bytes) => bytes,
            Source::Shared(bytes) => bytes,
        }
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

/// Postcard writes a byte string as its length, then the bytes.
impl Serialize for Blob {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self)
    }
}

/// A byte string, as a window onto the reader's source.
impl Decode for Blob {
    fn decode(reader: &mut Reader<'_>) -> Blob {
        reader.window()
    }
}

/// A value decoded from its bytes the first time it is read (see the module doc).
/// It reads as the value it holds (`Deref`); bytes that do not decode read as the
/// empty value, and [`Lazy::problem`] says what was wrong.
pub struct Lazy<T> {
    /// The encoded value, when it came from a source.
    encoded: Option<Blob>,
    value: OnceLock<T>,
}

impl<T: Decode + Default> Lazy<T> {
    /// The value, decoded now if it was not yet.
    pub fn read(&self) -> &T {
        self.value.get_or_init(|| self.decode().unwrap_or_default())
    }

    /// Whether the value has been decoded (or never needed to be).
    pub fn is_read(&self) -> bool {
        self.value.get().is_some()
    }

    /// The value, decoded now if it was not yet, or what is wrong with its bytes.
    pub fn read_checked(&self) -> Result<&T, Corrupt> {
        if let Some(value) = self.value.get() {
            return Ok(value);
        }
        let value = self.decode()?;
        Ok(self.value.get_or_init(|| value))
    }

    /// What is wrong with the value's bytes, if anything (decoding them again).
    pub fn problem(&self) -> Option<Corrupt> {
        self.decode().err()
    }

    fn decode(&self) -> Result<T, Corrupt> {
        match &self.encoded {
            Some(bytes) => bytes.reader().read_all(),
            None => Ok(T::default()),
        }
    }
}

impl<T> From<T> for Lazy<T> {
    fn from(value: T) -> Lazy<T> {
        Lazy {
            encoded: None,
            value: OnceLock::from(value),
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

impl<T: Decode + Default> Deref for Lazy<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.read()
    }
}

impl<T: Decode + Default> DerefMut for Lazy<T> {
    fn deref_mut(&mut self) -> &mut T {
        self.read();
        self.encoded = None;
        // `read` just filled the cell.
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

impl<T: Decode + Default + PartialEq> PartialEq for Lazy<T> {
    fn eq(&self, other: &Lazy<T>) -> bool {
        self.read() == other.read()
    }
}

impl<T: Decode + Default + fmt::Debug> fmt::Debug for Lazy<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.read().fmt(f)
    }
}

impl<'a, T: Default> IntoIterator for &'a Lazy<Vec<T>>
where
    Vec<T>: Decode,
{
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.read().iter()
    }
}

/// The value's postcard bytes, as a byte string.
impl<T: Decode + Default + Serialize> Serialize for Lazy<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let bytes = postcard::to_allocvec(self.read()).map_err(serde::ser::Error::custom)?;
        serializer.serialize_bytes(&bytes)
    }
}

/// A window onto the value's bytes in the reader's source.
impl<T> Decode for Lazy<T> {
    fn decode(reader: &mut Reader<'_>) -> Lazy<T> {
        Lazy {
            encoded: Some(reader.window()),
            value: OnceLock::new(),
        }
    }
}
