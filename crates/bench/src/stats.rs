//! Summaries of timing samples: median, 95th percentile and maximum, by the nearest-rank method
//! (every reported value is a time that was actually measured).

use std::time::Duration;

/// Median, 95th percentile and maximum of a set of samples.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    /// How many samples.
    pub count: usize,
    /// The 50th percentile.
    pub median: Duration,
    /// The 95th percentile.
    pub p95: Duration,
    /// The slowest sample.
    pub max: Duration,
}

impl Summary {
    /// Summarises `samples` (in any order); `None` when there are none.
    pub fn of(samples: &[Duration]) -> Option<Summary> {
        let mut sorted = samples.to_vec();
        sorted.sort();
        Some(Summary {
            count: sorted.len(),
            median: percentile(&sorted, 50.0)?,
            p95: percentile(&sorted, 95.0)?,
            max: *sorted.last()?,
        })
    }
}

/// The nearest-rank `p`th percentile (0 < p ≤ 100) of sorted samples.
pub fn percentile(sorted: &[Duration], p: f64) -> Option<Duration> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

/// Milliseconds with three decimals, the unit every bench line uses.
pub fn ms(duration: Duration) -> String {
    format!("{:.3} ms", duration.as_secs_f64() * 1000.0)
}

/// The reference targets, printed beside the figures (never asserted: speed depends on
/// the machine).
pub mod targets {
    use std::time::Duration;

    /// The scale corpus (about 9,800 documents) compiles within this on a 2-core machine.
    pub const COMPILE: Duration = Duration::from_secs(20);
    /// 95th percentile of search latency inside the browser.
    pub const BROWSER_P95: Duration = Duration::from_millis(2);
}

/// `target: WHAT: met` or `… NOT MET`.
pub fn verdict(what: &str, met: bool) -> String {
    format!("target: {what}: {}", if met { "met" } else { "NOT MET" })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(samples_ms: &[u64], expect_ms: Option<(u64, u64, u64)>) {
        let samples: Vec<Duration> = samples_ms
            .iter()
            .map(|&ms| Duration::from_millis(ms))
            .collect();
        let got = Summary::of(&samples).map(|summary| {
            (
                summary.median.as_millis() as u64,
                summary.p95.as_millis() as u64,
                summary.max.as_millis() as u64,
            )
        });
        assert_eq!(got, expect_ms, "{samples_ms:?}");
    }

    #[test]
    fn summarises_by_nearest_rank() {
        check(&[], None);
        check(&[7], Some((7, 7, 7)));
        check(&[3, 1, 2], Some((2, 3, 3)));
        check(&[4, 1, 3, 2], Some((2, 4, 4)));
        let hundred: Vec<u64> = (1..=100).rev().collect();
        check(&hundred, Some((50, 95, 100)));
    }

    #[test]
    fn formats_milliseconds() {
        assert_eq!(ms(Duration::from_micros(1_234)), "1.234 ms");
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
