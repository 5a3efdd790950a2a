//! [`SortedSet`]: the sets of selected values in [`Filters`](super::Filters).
//!
//! Why not `BTreeSet`: a selection holds a handful of values, and each element
//! type of a B-tree compiles its node handling anew (4.8 KB of the gzipped
//! WebAssembly for the two the filters used); a sorted vector with binary
//! search needs only the vector code the app has anyway.

use std::borrow::Borrow;

/// A set kept as a sorted vector without duplicates.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SortedSet<T>(Vec<T>);

impl<T> Default for SortedSet<T> {
    fn default() -> SortedSet<T> {
        SortedSet(Vec::new())
    }
}

impl<T: Ord> SortedSet<T> {
    /// Where `value` is, or would go.
    fn find<Q: Ord + ?Sized>(&self, value: &Q) -> Result<usize, usize>
    where
        T: Borrow<Q>,
    {
        self.0.binary_search_by(|item| item.borrow().cmp(value))
    }

    /// Whether `value` is in the set.
    pub fn contains<Q: Ord + ?Sized>(&self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.find(value).is_ok()
    }

    /// Adds `value`; false when it was already there.
    pub fn insert(&mut self, value: T) -> bool {
        match self.find(&value) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, value);
                true
            }
        }
    }

    /// Removes `value`; false when it was not there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        match self.find(value) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }
}

impl<T> SortedSet<T> {
    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The number of values.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The values, in ascending order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }
}

impl<'a, T> IntoIterator for &'a SortedSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_as_an_ordered_set() {
        let mut set = SortedSet::default();
        assert!(set.is_empty());
        for value in ["tehran", "moscow", "baku", "moscow"] {
            set.insert(value.to_string());
        }
        assert_eq!(set.len(), 3);
        assert_eq!(set.iter().collect::<Vec<_>>(), ["baku", "moscow", "tehran"]);
        assert!(set.contains("moscow"));
        assert!(!set.contains("doha"));
        assert!(set.remove("moscow"));
        assert!(!set.remove("moscow"));
        assert!(!set.insert("baku".to_string()));
        assert_eq!(set.iter().collect::<Vec<_>>(), ["baku", "tehran"]);
    }
}
