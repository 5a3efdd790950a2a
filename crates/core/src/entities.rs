//! [`Entities`]: a corpus's people, organisations and places, by `EntityId`.
//!
//! One bundle (the default corpus) holds few: they are decoded at start, a plain list. Where
//! the sharded layout can be read, the head holds every entity of a large corpus (45,000 at
//! 100,000 articles, 12.9 MB of the heap decoded, natively), for a first view that names a
//! few dozen. There each is decoded when something first reads it, and kept
//! (`records.rs`); what reads every entity once, the facet index, reads them with
//! [`Entities::labels`] at start (the few fields an entity's bytes begin with) and
//! [`Entities::each`] when its find box first asks, neither keeping any. Both builds answer
//! the same calls.

#[cfg(not(feature = "shards"))]
use serde::Serialize;

use crate::model::{Entity, EntityKind, Text};
use crate::wire::decode_struct;
#[cfg(not(feature = "shards"))]
use crate::wire::{Decode, Reader};

/// What the facet index reads of every entity at start: the fields an entity's bytes begin
/// with, in their order in [`Entity`], so that an entity read when asked is read that far and
/// no further (its aliases, roles and mentions are most of the work of decoding it).
#[derive(Clone, Debug, PartialEq)]
pub struct EntityLabel {
    /// As [`Entity::id`].
    pub id: Text,
    /// As [`Entity::name`].
    pub name: Text,
    /// As [`Entity::kind`].
    pub kind: EntityKind,
}

decode_struct!(EntityLabel { id, name, kind });

impl From<&Entity> for EntityLabel {
    fn from(entity: &Entity) -> EntityLabel {
        EntityLabel {
            id: entity.id.clone(),
            name: entity.name.clone(),
            kind: entity.kind,
        }
    }
}

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

    /// Calls `each` with every entity's label in order (see the module's docs).
    pub fn labels(&self, each: impl FnMut(EntityLabel)) {
        self.0.iter().map(EntityLabel::from).for_each(each);
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

        /// Calls `each` with every entity's label in order, decoding no entity past it.
        pub fn labels(&self, each: impl FnMut(EntityLabel)) {
            self.0
                .each_leading(|entity| EntityLabel::from(entity), each);
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
        let mut corpus = full_corpus();
        // A second entity, so that labels are read from a kept entity and a decoded one.
        let mut second = corpus.entities[0].clone();
        second.id = "organization/kremlin".into();
        second.name = "Kremlin".into();
        second.kind = EntityKind::Organization;
        corpus.entities.push(second);
        let written: Vec<Entity> = corpus.entities.iter().cloned().collect();
        let bytes: &'static [u8] = Vec::leak(encode(&corpus));
        let (read, _) = open_in_place(&Source::Static(bytes)).unwrap();
        let read = read.entities;
        assert_eq!(read.len(), written.len());
        // The facet index has read every entity's label once, keeping none.
        #[cfg(feature = "shards")]
        assert_eq!(read.decoded(), 0, "opening kept entities");
        let mut seen = Vec::new();
        read.each(|entity| seen.push(entity.clone()));
        assert_eq!(seen, written);
        #[cfg(feature = "shards")]
        assert_eq!(read.decoded(), 0, "each kept entities");
        let labels = |entities: &Entities| {
            let mut labels = Vec::new();
            entities.labels(|label| labels.push(label));
            labels
        };
        let written_labels: Vec<EntityLabel> = written.iter().map(EntityLabel::from).collect();
        assert_eq!(labels(&read), written_labels, "labels decoded");
        assert_eq!(read[0], written[0]);
        #[cfg(feature = "shards")]
        assert_eq!(read.decoded(), 1, "one entity read, one decoded");
        // The kept one's label is taken from it, the others' decoded: the same labels.
        assert_eq!(labels(&read), written_labels, "labels kept and decoded");
        assert!(read.iter().eq(written.iter()));
        assert!(read.get(written.len()).is_none());
        assert_eq!(Entities::from(written.clone()), read);
        let mut changed = Entities::from(written);
        changed[0].name = "Moskva".into();
        assert_eq!(changed[0].name, "Moskva");
    }
}
