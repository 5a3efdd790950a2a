//! Reading the bundle back: a decoder for the part of the postcard wire format
//! that the model uses, written out by hand.
//!
//! The compiler writes bundles with `postcard` through serde's derived
//! `Serialize` (natively, where size does not matter). Reading them with
//! serde's derived `Deserialize` cost 4.4 KB more of the gzipped WebAssembly
//! than this reader (a visitor, a sequence accessor and error plumbing per
//! type; measured with `cargo xtask bench`'s size report). Postcard's
//! layout is simple enough to read directly (format version 1 of
//! <https://postcard.jamesmunns.com/wire-format>):
//! ```text
//! u8               one byte
//! u32, usize       LEB128 varint
//! i32              zigzag, then LEB128 varint
//! f32, f64         little-endian IEEE 754
//! String, Vec<T>   varint length, then the UTF-8 bytes or the elements
//! Option<T>        byte 0 (None) or 1 then T
//! struct           the fields in declaration order, nothing between
//! unit enum        varint variant index
//! ```
//! [`decode_struct!`] lists a struct's fields; a field left out does not
//! compile, and a field out of order is caught by the round-trip tests
//! (`bundle.rs`), which fill every field of every type with distinct values.

use std::borrow::Cow;
use std::ops::Range;

#[cfg(feature = "shards")]
use std::sync::Arc;

use crate::lazy::{Blob, Source};
#[cfg(feature = "shards")]
use crate::shard::Shard;

/// Why the bytes could not be decoded: what is wrong, at which byte.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Corrupt {
    /// Byte offset into the decoded payload.
    pub at: usize,
    /// What is wrong ("truncated string", "unknown enum variant", …).
    pub what: String,
}

impl std::fmt::Display for Corrupt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at byte {} of the payload", self.what, self.at)
    }
}

/// A cursor over postcard-encoded bytes.
///
/// Reading never stops half-way: the first bad byte is recorded (and
/// returned by [`Reader::read_all`]), and from then on every read gives an
/// empty or zero value. Why: with an early return at every field, each struct's
/// decoder would also carry code to drop the fields already read, about
/// half of its size in WebAssembly; the values read after an error are
/// thrown away with it.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    error: Option<Corrupt>,
    /// Where `bytes` came from, and their offset in it, for the values read in place
    /// (`lazy.rs`).
    source: &'a Source,
    base: usize,
    /// The shards of a sharded layout, which blobs may refer to (none in one bundle).
    #[cfg(feature = "shards")]
    shards: &'a [Arc<Shard>],
}

impl<'a> Reader<'a> {
    /// A reader of the bytes `range` of `source` (none past its end).
    pub fn in_source(source: &'a Source, range: Range<usize>) -> Reader<'a> {
        let bytes = source.bytes();
        let end = range.end.min(bytes.len());
        Reader {
            bytes: bytes.get(range.start..end).unwrap_or_default(),
            at: 0,
            error: None,
            source,
            base: range.start,
            #[cfg(feature = "shards")]
            shards: &[],
        }
    }

    /// This reader, with `shards` for the references into shards it meets.
    #[cfg(feature = "shards")]
    pub(crate) fn with_shards(self, shards: &'a [Arc<Shard>]) -> Reader<'a> {
        Reader { shards, ..self }
    }

    /// Reads a `T` that must take every remaining byte.
    pub fn read_all<T: Decode>(mut self) -> Result<T, Corrupt> {
        let value = T::decode(&mut self);
        self.finish().map(|()| value)
    }

    /// The first error, or an error if bytes are left over (the part of
    /// [`Reader::read_all`] that does not depend on the type read).
    fn finish(mut self) -> Result<(), Corrupt> {
        if self.error.is_none() && self.at != self.bytes.len() {
            self.fail(self.at, "trailing bytes after the data");
        }
        match self.error {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// The offset of the next byte to read.
    pub fn position(&self) -> usize {
        self.at
    }

    /// The offset of the next byte to read in the whole source.
    #[cfg(feature = "shards")]
    pub(crate) fn offset(&self) -> usize {
        self.base + self.at
    }

    /// Where the bytes come from.
    #[cfg(feature = "shards")]
    pub(crate) fn source(&self) -> &'a Source {
        self.source
    }

    /// The shards that references may name.
    #[cfg(feature = "shards")]
    pub(crate) fn shards(&self) -> &'a [Arc<Shard>] {
        self.shards
    }

    /// Records that the `what` starting at byte `at` is bad (unless an
    /// earlier error was), and skips to the end so nothing more is read.
    pub fn fail(&mut self, at: usize, what: impl Into<String>) {
        if self.error.is_none() {
            self.error = Some(Corrupt {
                at,
                what: what.into(),
            });
        }
        self.at = self.bytes.len();
    }

    /// A blob (`lazy::Blob`): a varint `v`, then, when `v` is even, `v / 2` bytes, read as a
    /// window onto the source; when it is odd, a reference into the shards of the sharded
    /// layout: `v / 2` pieces (each a shard's number, a start and a length). One bundle
    /// holds no references.
    pub(crate) fn blob(&mut self) -> Blob {
        let (at, v) = self.varint();
        if v & 1 == 1 {
            return self.pieces(at, v >> 1);
        }
        let len = usize::try_from(v >> 1).unwrap_or(usize::MAX);
        let start = self.base + self.at;
        let len = self.take(len, "truncated bytes").map_or(0, <[u8]>::len);
        Blob::window(self.source.clone(), start..start + len)
    }

    /// The `count` pieces of a reference into shards, read at `at`: one piece is a window
    /// onto its shard, several are read a piece at a time (`Blob::slice`).
    #[cfg(feature = "shards")]
    fn pieces(&mut self, at: usize, count: u64) -> Blob {
        // Nothing is allocated for one piece (a text, a mention list): at 100,000 articles,
        // a vector for each of their 145,000 took 10 ms of the page's start.
        let mut pieces = Vec::new();
        for _ in 0..count.min(self.bytes.len() as u64) {
            let number = u32::decode(self) as usize;
            let start = u32::decode(self) as usize;
            let len = u32::decode(self) as usize;
            let piece = match self.shards.get(number) {
                Some(shard) if start.saturating_add(len) <= shard.len() => {
                    Blob::window(Source::Shard(shard.clone()), start..start + len)
                }
                _ => {
                    self.fail(at, "a reference past the end of its shard, or to no shard");
                    return Blob::default();
                }
            };
            if count == 1 {
                return piece;
            }
            pieces.push(piece);
        }
        Blob::pieces(pieces)
    }

    /// A reference into shards, which a build without the `shards` feature cannot follow.
    #[cfg(not(feature = "shards"))]
    fn pieces(&mut self, at: usize, _: u64) -> Blob {
        self.fail(at, "a shard reference, but this build reads one bundle");
        Blob::default()
    }

    /// The next `n` bytes, or `None` (and an error) when fewer are left.
    fn take(&mut self, n: usize, what: &'static str) -> Option<&'a [u8]> {
        let bytes = self.bytes.get(self.at..).and_then(|rest| rest.get(..n));
        match bytes {
            Some(_) => self.at += n,
            None => self.fail(self.at, what),
        }
        bytes
    }

    /// The next `N` bytes, zeros after an error.
    fn array<const N: usize>(&mut self, what: &'static str) -> [u8; N] {
        let mut array = [0; N];
        if let Some(bytes) = self.take(N, what) {
            array.copy_from_slice(bytes);
        }
        array
    }

    /// A LEB128 varint of at most 64 bits, and the byte it starts at.
    fn varint(&mut self) -> (usize, u64) {
        let start = self.at;
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let [byte] = self.array("truncated varint");
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return (start, value);
            }
        }
        self.fail(start, "overlong varint");
        (start, 0)
    }

    /// A varint no larger than `limit`, else 0 and an error.
    fn bounded(&mut self, limit: usize, what: &'static str) -> usize {
        let (start, value) = self.varint();
        match usize::try_from(value) {
            Ok(value) if value <= limit => value,
            _ => {
                self.fail(start, what);
                0
            }
        }
    }

    /// A length: no larger than the bytes left, since every element of the
    /// model takes at least one byte.
    pub(crate) fn len(&mut self) -> usize {
        let left = self.bytes.len() - self.at;
        self.bounded(left, "length past the end of the data")
    }

    /// A unit enum's variant index, checked against `count` variants.
    pub fn variant(&mut self, count: usize) -> usize {
        self.bounded(count - 1, "unknown enum variant")
    }
}

/// A value that can be read from postcard bytes.
pub trait Decode: Sized {
    /// Reads one value, advancing the reader past it (see [`Reader`] for
    /// what happens on bad bytes).
    fn decode(reader: &mut Reader<'_>) -> Self;
}

impl Decode for u8 {
    fn decode(reader: &mut Reader<'_>) -> u8 {
        let [byte] = reader.array("truncated byte");
        byte
    }
}

/// Postcard writes `false` as 0 and `true` as 1; any other byte is refused.
impl Decode for bool {
    fn decode(reader: &mut Reader<'_>) -> bool {
        reader.variant(2) == 1
    }
}

impl Decode for u32 {
    fn decode(reader: &mut Reader<'_>) -> u32 {
        reader.bounded(u32::MAX as usize, "varint too large for a u32") as u32
    }
}

impl Decode for i32 {
    fn decode(reader: &mut Reader<'_>) -> i32 {
        let zigzag = u32::decode(reader);
        (zigzag >> 1) as i32 ^ -((zigzag & 1) as i32)
    }
}

impl Decode for f32 {
    fn decode(reader: &mut Reader<'_>) -> f32 {
        f32::from_le_bytes(reader.array("truncated f32"))
    }
}

impl Decode for f64 {
    fn decode(reader: &mut Reader<'_>) -> f64 {
        f64::from_le_bytes(reader.array("truncated f64"))
    }
}

/// A string is read as a [`Cow`] and copied: one decoder for both.
impl Decode for String {
    fn decode(reader: &mut Reader<'_>) -> String {
        Cow::decode(reader).into_owned()
    }
}

/// Borrowed from a bundle embedded in the program, copied from any other bytes (which may
/// not outlive what is read from them).
///
/// The trade, measured with `gzip -9` of the default site and `browser-bench` at 100,000
/// articles: the names of articles and entities as `Text` rather than `String` cost 879 bytes
/// (248,785 to 249,664; the generic code behind a `Cow` at each use), and saved 10.8 MB of
/// the page's memory after load (90.6 to 79.8 MB) and some 300,000 allocations of its start.
impl Decode for Cow<'static, str> {
    fn decode(reader: &mut Reader<'_>) -> Cow<'static, str> {
        let len = reader.len();
        let start = reader.at;
        let Some(bytes) = reader.take(len, "truncated string") else {
            return Cow::Borrowed("");
        };
        let text = match reader.source {
            Source::Static(all) => {
                std::str::from_utf8(&all[reader.base + start..][..len]).map(Cow::Borrowed)
            }
            _ => std::str::from_utf8(bytes).map(|text| Cow::Owned(text.to_owned())),
        };
        text.unwrap_or_else(|_| {
            reader.fail(start, "invalid UTF-8 in a string");
            Cow::Borrowed("")
        })
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(reader: &mut Reader<'_>) -> Vec<T> {
        let len = reader.len();
        (0..len).map(|_| T::decode(reader)).collect()
    }
}

impl<T: Decode> Decode for Option<T> {
    fn decode(reader: &mut Reader<'_>) -> Option<T> {
        (reader.variant(2) == 1).then(|| T::decode(reader))
    }
}

/// Implements [`Decode`] for a struct by reading `fields` in the order given,
/// which must be their declaration order (the order serde writes them in).
macro_rules! decode_struct {
    ($type:ident { $($field:ident),+ $(,)? }) => {
        impl $crate::wire::Decode for $type {
            fn decode(reader: &mut $crate::wire::Reader<'_>) -> $type {
                $type {
                    $($field: $crate::wire::Decode::decode(reader),)+
                }
            }
        }
    };
}

/// Implements [`Decode`] for an enum of unit variants, listed in declaration
/// order (serde writes a variant's index).
macro_rules! decode_enum {
    ($type:ident { $($variant:ident),+ $(,)? }) => {
        impl $crate::wire::Decode for $type {
            fn decode(reader: &mut $crate::wire::Reader<'_>) -> $type {
                const VARIANTS: &[$type] = &[$($type::$variant),+];
                VARIANTS[reader.variant(VARIANTS.len())]
            }
        }
    };
}

pub(crate) use {decode_enum, decode_struct};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lazy::Blob;

    /// Reads `bytes` as a `T`.
    fn read<T: Decode>(bytes: &[u8]) -> Result<T, Corrupt> {
        let source = Source::Shared(bytes.into());
        Reader::in_source(&source, 0..bytes.len()).read_all()
    }

    /// Encodes `value` with postcard and reads it back by hand.
    fn round_trip<T>(value: T)
    where
        T: serde::Serialize + Decode + PartialEq + std::fmt::Debug,
    {
        let bytes = postcard::to_allocvec(&value).unwrap();
        assert_eq!(read::<T>(&bytes), Ok(value));
    }

    #[test]
    fn primitives_read_as_postcard_writes_them() {
        for n in [0, 1, 127, 128, 300, 1 << 21, u32::MAX] {
            round_trip(n);
        }
        for n in [0, -1, 1, -64, 64, 2016, -2016, i32::MIN, i32::MAX] {
            round_trip(n);
        }
        for n in [0u8, 7, 255] {
            round_trip(n);
        }
        round_trip(1.5f32);
        round_trip(-35.689_f64);
        round_trip(String::new());
        round_trip("Rōhānī’s visit".to_string());
        round_trip(vec![Some(3u32), None, Some(u32::MAX)]);
        round_trip(vec![vec![1u8, 2], vec![]]);
        // A byte string is read in place, as a window onto its source.
        round_trip(Blob::from(vec![0, 200, 7]));
        // Twice the length (even: the bytes are here), then the bytes.
        assert_eq!(
            postcard::to_allocvec(&Blob::from(vec![1, 2])).unwrap(),
            [4, 1, 2]
        );
        // An odd varint is a reference into shards (one piece: shard 0, bytes 0..1), which
        // a reader without the head's shards refuses where it meets it.
        let refused = if cfg!(feature = "shards") {
            "a reference past the end of its shard, or to no shard"
        } else {
            "a shard reference, but this build reads one bundle"
        };
        assert_eq!(error::<Blob>(&[3, 0, 0, 1]), (0, refused.to_string()));
    }

    /// Reads `bytes` as a `T` and gives the error's byte and message.
    fn error<T: Decode + std::fmt::Debug>(bytes: &[u8]) -> (usize, String) {
        let error = read::<T>(bytes).unwrap_err();
        (error.at, error.what)
    }

    #[test]
    fn bad_bytes_are_errors_naming_the_first_bad_byte() {
        let check = |got: (usize, String), at: usize, what: &str| {
            assert_eq!(got, (at, what.to_string()));
        };
        check(
            error::<String>(&[5, b'a']),
            0,
            "length past the end of the data",
        );
        check(
            error::<String>(&[2, 0xC3, 0x28]),
            1,
            "invalid UTF-8 in a string",
        );
        check(error::<u32>(&[0x80, 0x80]), 2, "truncated varint");
        check(
            error::<u32>(&[0xFF, 0xFF, 0xFF, 0xFF, 0x7F]),
            0,
            "varint too large for a u32",
        );
        check(error::<u32>(&[0xFF; 11]), 0, "overlong varint");
        check(error::<Option<u8>>(&[2]), 0, "unknown enum variant");
        check(error::<f64>(&[1, 2, 3]), 0, "truncated f64");
        check(error::<u8>(&[1, 2]), 1, "trailing bytes after the data");
        // The first error is the one reported; later reads see no bytes.
        check(
            error::<Vec<String>>(&[2, 1, 0xFF, 9]),
            2,
            "invalid UTF-8 in a string",
        );
    }
}
