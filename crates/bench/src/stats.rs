//! Timing figures as the bench prints them: summaries of samples (median, 95th percentile and
//! maximum by the nearest-rank method: every reported value is a sample that was actually
//! measured), milliseconds, targets. The native and the in-browser bench both summarise here,
//! so their figures compare.

use std::cmp::Ordering;
use std::time::Duration;

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
        sorted.sort_by(|a, b| a.partial_cmp(b).unwrap_or(Ordering::Equal));
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

impl std::fmt::Display for Summary<Duration> {
    /// "median 0.331 ms, p95 0.659 ms, max 1.030 ms", as every bench line reads.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "median {}, p95 {}, max {}",
            ms(self.median),
            ms(self.p95),
            ms(self.max)
        )
    }
}

/// Milliseconds with three decimals, the unit every bench line uses.
pub fn ms(duration: Duration) -> String {
    format!("{:.3} ms", duration.as_secs_f64() * 1000.0)
}

/// The reference targets, printed beside the figures (never asserted: speed depends on
/// the machine).
pub mod targets {
    use std::time::Duration;

    /// The bench corpus (about 9,800 documents) compiles within 20 s on a 2-core machine, the
    /// 100,000-article scale corpus within 3 minutes.
    pub fn compile(documents: usize) -> Duration {
        Duration::from_secs(if documents > 20_000 { 180 } else { 20 })
    }
    /// 95th percentile of search latency inside the browser.
    pub const BROWSER_P95: Duration = Duration::from_millis(2);
    /// 95th percentile from a keystroke in the search box to the app's last DOM change: one
    /// frame at 60 Hz.
    pub const KEYSTROKE_P95: Duration = Duration::from_millis(16);
}

/// `target: WHAT: met` or `… NOT MET`.
pub fn verdict(what: &str, met: bool) -> String {
    format!("target: {what}: {}", if met { "met" } else { "NOT MET" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_milliseconds() {
        assert_eq!(ms(Duration::from_micros(1_234)), "1.234 ms");
        let summary = Summary::of(&[Duration::from_micros(2_500), Duration::from_micros(500)]);
        assert_eq!(
            summary.unwrap().to_string(),
            "median 0.500 ms, p95 2.500 ms, max 2.500 ms"
        );
    }

    #[test]
    fn verdicts_say_met_or_not() {
        assert_eq!(
            verdict("compile <= 20 s", true),
            "target: compile <= 20 s: met"
        );
        assert_eq!(
            verdict("p95 <= 2 ms", false),
            "target: p95 <= 2 ms: NOT MET"
        );
    }
}

#[cfg(test)]
mod summary_tests {
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
    }
}
