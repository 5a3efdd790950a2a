//! The search index of a build that reads the sharded layout: prepared when first read.
//!
//! The index is read as its wire record (`format.rs`) and reads as the [`PreparedIndex`]
//! derived from it, with the tables that make prefix and typo lookups fast, only when
//! something first reads it: deriving them was a third of opening the bench corpus's
//! head (12 ms of 36 natively), and the page's first view searches nothing. The app
//! prepares it once the first view is painted (`src/lib.rs`).

use std::fmt;
use std::ops::Deref;
use std::sync::{Mutex, OnceLock};

use serde::{Serialize, Serializer};

use super::{format, writer, PreparedIndex};
use crate::wire::{Decode, Reader};

/// The inverted index over a corpus's documents (see the module doc): its wire record
/// until first read, then the [`PreparedIndex`] derived from it.
pub struct SearchIndex {
    /// The record read from a bundle, until it is prepared.
    stored: Mutex<Option<format::IndexWire>>,
    /// The index prepared, and what was wrong with the stored record, if anything
    /// (the index then reads as empty).
    prepared: OnceLock<(PreparedIndex, Option<String>)>,
}

impl SearchIndex {
    /// The index prepared for lookups, derived now from the stored record if it was not
    /// yet (see [`SearchIndex::problem`] for a record that fails the checks).
    fn prepared(&self) -> &(PreparedIndex, Option<String>) {
        self.prepared.get_or_init(|| {
            // A poisoned lock means a preparation panicked: the record is gone either way.
            let stored = self.stored.lock().ok().and_then(|mut stored| stored.take());
            match stored.map(PreparedIndex::try_from) {
                Some(Ok(index)) => (index, None),
                Some(Err(why)) => (empty(), Some(why)),
                None => (empty(), None),
            }
        })
    }

    /// Whether the index has been prepared (or never needed to be).
    pub fn is_prepared(&self) -> bool {
        self.prepared.get().is_some()
    }

    /// Prepares the index now, so that the first search does not wait for it.
    pub fn prepare(&self) {
        self.prepared();
    }

    /// What is wrong with the stored record, if anything: the checks of `format.rs`,
    /// run when the index is prepared (now, if it was not).
    pub fn problem(&self) -> Option<&str> {
        self.prepared().1.as_deref()
    }

    /// The prepared index, to change (the sharded writer's).
    pub(super) fn prepared_mut(&mut self) -> &mut PreparedIndex {
        self.prepared();
        &mut self.prepared.get_mut().expect("prepared above").0
    }
}

impl From<PreparedIndex> for SearchIndex {
    fn from(index: PreparedIndex) -> SearchIndex {
        SearchIndex {
            stored: Mutex::new(None),
            prepared: OnceLock::from((index, None)),
        }
    }
}

/// The index reads as its prepared form: every lookup goes through it.
impl Deref for SearchIndex {
    type Target = PreparedIndex;

    fn deref(&self) -> &PreparedIndex {
        &self.prepared().0
    }
}

impl Clone for SearchIndex {
    fn clone(&self) -> SearchIndex {
        SearchIndex::from((**self).clone())
    }
}

impl fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

impl PartialEq for SearchIndex {
    fn eq(&self, other: &SearchIndex) -> bool {
        **self == **other
    }
}

/// Written as its wire record (`format.rs`).
impl Serialize for SearchIndex {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

/// Read as its wire record, checked and expanded when first read (`format.rs`); a
/// record of another version is an error of the reader now, and the index empty.
impl Decode for SearchIndex {
    fn decode(reader: &mut Reader<'_>) -> SearchIndex {
        let start = reader.position();
        let stored = format::IndexWire::decode(reader);
        if let Err(why) = stored.check_version() {
            reader.fail(start, why);
            return SearchIndex::from(empty());
        }
        SearchIndex {
            stored: Mutex::new(Some(stored)),
            prepared: OnceLock::new(),
        }
    }
}

/// The index of no documents, as the page's reader makes it: not `SearchIndex::default()`,
/// which is the writer's (`SearchIndex::build`), code the page does not carry.
fn empty() -> PreparedIndex {
    PreparedIndex::assemble(writer::Parts::default())
}
