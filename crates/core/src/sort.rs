//! Small-code sorting for everything but the search's hot path.
//!
//! Why not `slice::sort_by` everywhere: the standard library's sorts are fast
//! but each (element type, comparator) pair compiles to its own 3–5 KB of
//! WebAssembly, and the app sorts some thirty different things (facet values,
//! mentions, timeline lanes, snippet passages, table rows). Here one sort,
//! over `u32` positions with a dynamic comparator, is compiled once; each call
//! site adds only a small permutation loop. The indirect call per comparison
//! costs a few nanoseconds; these lists are at most as long as the corpus has
//! entities or facet values. Ranking search hits, which runs on every
//! keystroke over up to every document, keeps the standard sort
//! (`query::rank`).
//!
//! All sorts here are stable: equal items keep their order.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = sorted_order(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by the key `key` gives each, keeping equal items in order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in ascending order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` puts them, ties by position.
/// The one place a standard sort is instantiated (see the module docs).
fn sorted_order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..len as u32).collect();
    order.sort_unstable_by(|&a, &b| compare(a as usize, b as usize).then(a.cmp(&b)));
    order
}

/// Rearranges `items` so that position `i` holds the item that was at
/// `order[i]`, following each cycle of the permutation with swaps.
fn permute<T>(items: &mut [T], mut order: Vec<u32>) {
    for start in 0..items.len() {
        let mut at = start;
        loop {
            let from = order[at] as usize;
            // Marks the position as settled.
            order[at] = at as u32;
            if from == start || from == at {
                break;
            }
            // The item carried around the cycle is the one first at `start`.
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_library() {
        // Many starting orders of a small multiset, against `slice::sort_by`.
        let base = [3, 1, 2, 1, 0, 3, 2];
        for seed in 0..5040u32 {
            let mut items: Vec<(u8, usize)> = base
                .iter()
                .enumerate()
                .map(|(i, &k)| (k, (i * 7 + seed as usize * 13) % 11))
                .collect();
            // A different starting order for each seed.
            let turn = seed as usize % items.len();
            items.rotate_left(turn);
            let mut expected = items.clone();
            expected.sort_by_key(|a| a.0);
            sort_by(&mut items, |a, b| a.0.cmp(&b.0));
            assert_eq!(items, expected, "seed {seed}");
        }
    }

    #[test]
    fn sorts_by_key_and_plain() {
        let mut words = vec!["pear", "fig", "apple", "kiwi", "plum"];
        sort_by_key(&mut words, |w| w.len());
        assert_eq!(words, ["fig", "pear", "kiwi", "plum", "apple"]);
        sort(&mut words);
        assert_eq!(words, ["apple", "fig", "kiwi", "pear", "plum"]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }

    #[test]
    fn permute_follows_long_and_short_cycles() {
        let mut items = vec!['a', 'b', 'c', 'd', 'e', 'f'];
        // Position i receives the item at order[i]: a 3-cycle, a 2-cycle and a fixed point.
        permute(&mut items, vec![2, 0, 1, 4, 3, 5]);
        assert_eq!(items, ['c', 'a', 'b', 'e', 'd', 'f']);
    }
}
