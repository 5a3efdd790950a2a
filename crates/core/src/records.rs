//! [`ReadWhenAsked`]: a bundle's list of values, each decoded when something first reads it,
//! then kept. Where the sharded layout can be read, a large corpus's head holds every article
//! and every entity, and decoding them all at start kept megabytes that a first view never
//! reads (`documents.rs`, `entities.rs`). At start the list is read once, which checks every
//! value, so a damaged head is still refused when it opens; only where each value's bytes
//! start is kept.

use std::sync::{Arc, OnceLock};

use crate::lazy::Source;
use crate::shard::Shard;
use crate::wire::{Decode, Reader};

/// Values of type `T`, each decoded when first read (see the module's docs).
#[derive(Clone, Debug)]
pub(crate) struct ReadWhenAsked<T> {
    /// Each value once decoded.
    read: Vec<OnceLock<Box<T>>>,
    /// The bytes the values were read from, when they were (not when built from a list).
    records: Option<Records>,
    /// Where each value's bytes start in `records`, and where the last one's end.
    starts: Vec<u32>,
}

impl<T> Default for ReadWhenAsked<T> {
    fn default() -> ReadWhenAsked<T> {
        ReadWhenAsked {
            read: Vec::new(),
            records: None,
            starts: Vec::new(),
        }
    }
}

/// Where values' bytes are: a source, and the shards their lazy parts' references name.
#[derive(Clone)]
struct Records {
    source: Source,
    shards: Arc<[Arc<Shard>]>,
}

impl std::fmt::Debug for Records {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} bytes, {} shards",
            self.source.bytes().len(),
            self.shards.len()
        )
    }
}

impl<T: Decode> ReadWhenAsked<T> {
    /// How many values.
    pub(crate) fn len(&self) -> usize {
        self.read.len()
    }

    /// Value `i`, if there is one, decoded now if it was not yet.
    pub(crate) fn get(&self, i: usize) -> Option<&T> {
        let cell = self.read.get(i)?;
        Some(cell.get_or_init(|| Box::new(self.decode(i))))
    }

    /// Value `i` to change, if there is one, decoded now if it was not yet.
    pub(crate) fn get_mut(&mut self, i: usize) -> Option<&mut T> {
        if self.read.get(i)?.get().is_none() {
            let value = Box::new(self.decode(i));
            let _ = self.read[i].set(value);
        }
        self.read[i].get_mut().map(|value| &mut **value)
    }

    /// Calls `each` with every value in order: the kept ones, and the others decoded for the
    /// call and not kept, for what reads every value once (the facet index at start).
    pub(crate) fn each(&self, mut each: impl FnMut(&T)) {
        for (i, cell) in self.read.iter().enumerate() {
            match cell.get() {
                Some(value) => each(value),
                None => each(&self.decode(i)),
            }
        }
    }

    /// Calls `each` with the leading fields `P` of every value in order: taken from a kept
    /// value by `kept`, decoded from where the others' bytes start and no further (for what
    /// reads a few fields of every value once: the facet index at start, which decoding every
    /// entity a second time made a third of opening a head).
    pub(crate) fn each_leading<P: Decode>(&self, kept: impl Fn(&T) -> P, mut each: impl FnMut(P)) {
        for (i, cell) in self.read.iter().enumerate() {
            match cell.get() {
                Some(value) => each(kept(value)),
                None => each(self.decode(i)),
            }
        }
    }

    /// How many values have been decoded and kept.
    #[cfg(test)]
    pub(crate) fn decoded(&self) -> usize {
        self.read.iter().filter(|cell| cell.get().is_some()).count()
    }

    /// Every value to change, in order (each decoded now if it was not yet).
    pub(crate) fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> {
        for i in 0..self.len() {
            self.get(i);
        }
        self.read
            .iter_mut()
            .filter_map(|cell| cell.get_mut().map(|value| &mut **value))
    }

    /// Appends a value, kept as it is (a list built in the program, not read).
    pub(crate) fn push(&mut self, value: T) {
        self.read.push(OnceLock::from(Box::new(value)));
    }

    /// Reads the list as `Vec<T>` is written, checking every value and calling `each` with
    /// it, keeping only where its bytes start.
    pub(crate) fn read(reader: &mut Reader<'_>, mut each: impl FnMut(&T)) -> ReadWhenAsked<T> {
        let count = reader.len();
        let mut list = ReadWhenAsked {
            records: Some(Records {
                source: reader.source().clone(),
                shards: reader.shards().into(),
            }),
            ..ReadWhenAsked::default()
        };
        list.read.resize_with(count, OnceLock::new);
        list.starts.reserve(count + 1);
        for _ in 0..count {
            list.starts.push(reader.offset() as u32);
            each(&T::decode(reader));
        }
        list.starts.push(reader.offset() as u32);
        list
    }

    /// Decodes value `i`, or the fields its bytes begin with (`P`), from the bytes it was read
    /// from, which were checked when they were first read (so a problem now cannot be: it
    /// would give empty fields, as would a list built in the program, whose values are all
    /// kept and never decoded).
    fn decode<P: Decode>(&self, i: usize) -> P {
        let Some(records) = &self.records else {
            return P::decode(&mut Reader::in_source(&Source::Static(&[]), 0..0));
        };
        let range = self.starts[i] as usize..self.starts[i + 1] as usize;
        let mut reader = Reader::in_source(&records.source, range).with_shards(&records.shards);
        P::decode(&mut reader)
    }
}

/// The calls a list read when asked answers as a list does, for `$list`, which has `len` and
/// `get` and holds `$item`s (`documents.rs`, `entities.rs`): `iter`, which decodes and keeps
/// every value (for the compiler and the tests), indexing, iterating a reference, equality
/// and serialising as a sequence.
macro_rules! list_calls {
    ($list:ident, $item:ident) => {
        impl $list {
            /// Every value, in order (each decoded and kept: for the compiler and the tests).
            pub fn iter(&self) -> impl Iterator<Item = &$item> + '_ {
                (0..self.len()).map(|i| &self[i])
            }
        }

        impl std::ops::Index<usize> for $list {
            type Output = $item;

            fn index(&self, i: usize) -> &$item {
                match self.get(i) {
                    Some(value) => value,
                    None => panic!("no {} {i} of {}", stringify!($item), self.len()),
                }
            }
        }

        impl<'a> IntoIterator for &'a $list {
            type Item = &'a $item;
            type IntoIter = Box<dyn Iterator<Item = &'a $item> + 'a>;

            fn into_iter(self) -> Self::IntoIter {
                Box::new(self.iter())
            }
        }

        impl PartialEq for $list {
            fn eq(&self, other: &$list) -> bool {
                self.len() == other.len() && self.iter().eq(other.iter())
            }
        }

        impl serde::Serialize for $list {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.iter())
            }
        }
    };
}

pub(crate) use list_calls;
