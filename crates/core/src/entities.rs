//! [`Entities`]: a corpus's people, organisations and places, by `EntityId`.
//!
//! One bundle (the default corpus) holds few: they are decoded at start, a plain list. Where
//! the sharded layout can be read, the head holds every entity of a large corpus (45,000 at
//! 100,000 articles, 12.9 MB of the heap decoded, natively), for a first view that names a
//! few dozen. There each is decoded when something first reads it, and kept
//! (`records.rs`); what reads every entity once at start, the facet index, reads them with
//! [`Entities::each`], which keeps none. Both builds answer the same calls.

#[cfg(not(feature = "shards"))]
use serde::Serialize;

use crate::model::Entity;
#[cfg(not(feature = "shards"))]
use crate::wire::{Decode, Reader};

/// The entities of a corpus, read as a list: decoded at start.
#[cfg(not(feature = "shards"))]
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Entities(Vec<Entity>);

#[cfg(not(feature = "shards"))]
impl Entities {
    /// How many entities.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Entity `entity`, if there is one.
    pub fn get(&self, entity: usize) -> Option<&Entity> {
        self.0.get(entity)
    }

    /// Every entity, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Entity> {
        self.0.iter()
    }

    /// Calls `each` with every entity in order (see the module's docs).
    pub fn each(&self, each: impl FnMut(&Entity)) {
        self.0.iter().for_each(each);
    }

    /// Every entity to change, in order.
    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, Entity> {
        self.0.iter_mut()
    }

    /// Appends an entity.
    pub fn push(&mut self, entity: Entity) {
        self.0.push(entity);
    }
}

#[cfg(not(feature = "shards"))]
impl From<Vec<Entity>> for Entities {
    fn from(list: Vec<Entity>) -> Entities {
        Entities(list)
    }
}

#[cfg(not(feature = "shards"))]
impl std::ops::Index<usize> for Entities {
    type Output = Entity;

    fn index(&self, entity: usize) -> &Entity {
        &self.0[entity]
    }
}

#[cfg(not(feature = "shards"))]
impl std::ops::IndexMut<usize> for Entities {
    fn index_mut(&mut self, entity: usize) -> &mut Entity {
        &mut self.0[entity]
    }
}

#[cfg(not(feature = "shards"))]
impl<'a> IntoIterator for &'a Entities {
    type Item = &'a Entity;
    type IntoIter = std::slice::Iter<'a, Entity>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(not(feature = "shards"))]
impl Decode for Entities {
    fn decode(reader: &mut Reader<'_>) -> Entities {
        Entities(Vec::decode(reader))
    }
}

#[cfg(feature = "shards")]
pub use read_when_asked::Entities;

#[cfg(feature = "shards")]
mod read_when_asked {
    use super::*;
    use crate::records::{list_calls, ReadWhenAsked};
    use crate::wire::{Decode, Reader};

    /// The entities of a corpus, each decoded when first read (see the module's docs).
    #[derive(Clone, Debug, Default)]
    pub struct Entities(ReadWhenAsked<Entity>);

    impl Entities {
        /// How many entities.
        pub fn len(&self) -> usize {
            self.0.len()
        }

        /// Whether there are none.
        pub fn is_empty(&self) -> bool {
            self.len() == 0
        }

        /// Entity `entity`, if there is one, decoded now if it was not yet.
        pub fn get(&self, entity: usize) -> Option<&Entity> {
            self.0.get(entity)
        }

        /// Calls `each` with every entity in order, keeping none that was not yet kept.
        pub fn each(&self, each: impl FnMut(&Entity)) {
            self.0.each(each);
        }

        /// Every entity to change, in order (each decoded and kept).
        pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Entity> {
            self.0.iter_mut()
        }

        /// Appends an entity.
        pub fn push(&mut self, entity: Entity) {
            self.0.push(entity);
        }

        /// How many entities have been decoded and kept.
        #[cfg(test)]
        pub(crate) fn decoded(&self) -> usize {
            self.0.decoded()
        }
    }

    list_calls!(Entities, Entity);

    impl From<Vec<Entity>> for Entities {
        fn from(list: Vec<Entity>) -> Entities {
            let mut entities = Entities::default();
            for entity in list {
                entities.push(entity);
            }
            entities
        }
    }

    impl std::ops::IndexMut<usize> for Entities {
        fn index_mut(&mut self, entity: usize) -> &mut Entity {
            let count = self.len();
            match self.0.get_mut(entity) {
                Some(found) => found,
                None => panic!("no entity {entity} of {count}"),
            }
        }
    }

    /// Reads the list as `Vec<Entity>` is written, checking every entity and keeping none.
    impl Decode for Entities {
        fn decode(reader: &mut Reader<'_>) -> Entities {
            Entities(ReadWhenAsked::read(reader, |_| {}))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{encode, open_in_place, tests::full_corpus};
    use crate::lazy::Source;

    #[test]
    fn entities_read_in_place_are_the_entities_written_each_decoded_when_read() {
        let corpus = full_corpus();
        let written: Vec<Entity> = corpus.entities.iter().cloned().collect();
        let bytes: &'static [u8] = Vec::leak(encode(&corpus));
        let (read, _) = open_in_place(&Source::Static(bytes)).unwrap();
        let read = read.entities;
        assert_eq!(read.len(), written.len());
        // The facet index has read every entity once, through `each`, keeping none.
        #[cfg(feature = "shards")]
        assert_eq!(read.decoded(), 0, "opening kept entities");
        let mut seen = Vec::new();
        read.each(|entity| seen.push(entity.clone()));
        assert_eq!(seen, written);
        #[cfg(feature = "shards")]
        assert_eq!(read.decoded(), 0, "each kept entities");
        assert_eq!(read[0], written[0]);
        #[cfg(feature = "shards")]
        assert_eq!(read.decoded(), 1, "one entity read, one decoded");
        assert!(read.iter().eq(written.iter()));
        assert!(read.get(written.len()).is_none());
        assert_eq!(Entities::from(written.clone()), read);
        let mut changed = Entities::from(written);
        changed[0].name = "Moskva".into();
        assert_eq!(changed[0].name, "Moskva");
    }
}
