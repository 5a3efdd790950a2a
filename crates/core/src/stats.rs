//! Summaries of timing samples by the nearest-rank method (every reported value is a sample
//! that was actually measured): one definition for the native bench (`Duration`s) and the
//! in-browser hook (milliseconds as `f64`), so their figures compare.

use core::cmp::Ordering;

/// Median, 95th percentile and maximum of a set of samples.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary<T> {
    /// How many samples.
    pub count: usize,
    /// The 50th percentile.
    pub median: T,
    /// The 95th percentile.
    pub p95: T,
    /// The largest sample.
    pub max: T,
}

impl<T: Copy + PartialOrd> Summary<T> {
    /// Summarises `samples` (in any order); `None` when there are none. Incomparable values
    /// (NaN) count as equal to their neighbours.
    pub fn of(samples: &[T]) -> Option<Summary<T>> {
        let mut sorted = samples.to_vec();
        crate::sort::sort_by(&mut sorted, |a, b| {
            a.partial_cmp(b).unwrap_or(Ordering::Equal)
        });
        Some(Summary {
            count: sorted.len(),
            median: percentile(&sorted, 50.0)?,
            p95: percentile(&sorted, 95.0)?,
            max: *sorted.last()?,
        })
    }
}

/// The nearest-rank `p`th percentile (0 < p ≤ 100) of sorted samples; `None` when empty.
pub fn percentile<T: Copy>(sorted: &[T], p: f64) -> Option<T> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(samples: &[u32], expect: Option<(u32, u32, u32)>) {
        let got = Summary::of(samples).map(|s| (s.median, s.p95, s.max));
        assert_eq!(got, expect, "{samples:?}");
    }

    #[test]
    fn summarises_by_nearest_rank() {
        check(&[], None);
        check(&[7], Some((7, 7, 7)));
        check(&[3, 1, 2], Some((2, 3, 3)));
        check(&[4, 1, 3, 2], Some((2, 4, 4)));
        // 20 values: the median is the 10th, p95 the 19th.
        let twenty: Vec<u32> = (1..=20).rev().collect();
        check(&twenty, Some((10, 19, 20)));
        let hundred: Vec<u32> = (1..=100).rev().collect();
        check(&hundred, Some((50, 95, 100)));
        let floats = Summary::of(&[2.5, 0.5, 1.5]).map(|s| (s.median, s.p95));
        assert_eq!(floats, Some((1.5, 2.5)));
    }
}
