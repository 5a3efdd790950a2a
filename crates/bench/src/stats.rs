//! Timing figures as the bench prints them: summaries of samples (median, 95th percentile and
//! maximum by the nearest-rank method, from `communique_core::stats`), milliseconds, targets.

use std::time::Duration;

/// Median, 95th percentile and maximum of a set of durations (`communique_core::stats`, the
/// definition the in-browser hook uses too).
pub type Summary = communique_core::stats::Summary<Duration>;

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
