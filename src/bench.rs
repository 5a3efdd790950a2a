//! The in-browser benchmark hook: `window.communiqueBench(queries)` parses and
//! searches each query over the embedded corpus, timed with
//! `performance.now()`, and returns `{median_ms, p95_ms, count, hits,
//! timings_ms}`, so `cargo xtask bench` can measure search latency inside
//! headless Chromium. `queries` is an array of strings or a JSON text of one
//! (WebDriver passes a string most simply).

use js_sys::{Array, Object, Reflect};
use leptos::prelude::window;
use wasm_bindgen::prelude::*;

use crate::bundle;

/// The name of the hook on `window`.
pub const HOOK: &str = "communiqueBench";

/// Timings of a benchmark run, in milliseconds.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// The median query time.
    pub median_ms: f64,
    /// The 95th percentile query time (nearest rank).
    pub p95_ms: f64,
    /// How many queries ran.
    pub count: usize,
}

/// Summarises query times; all zero for no queries.
pub fn summarise(mut times: Vec<f64>) -> Summary {
    communique_core::sort::sort_by(&mut times, f64::total_cmp);
    Summary {
        median_ms: percentile(&times, 50.0),
        p95_ms: percentile(&times, 95.0),
        count: times.len(),
    }
}

/// The nearest-rank `p`th percentile of sorted `times` (0 when empty).
fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Installs `window.communiqueBench`. It throws a `TypeError` unless given an
/// array of strings or the JSON text of one.
pub fn register() {
    let hook = Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(run);
    // Registration fails only if `window` is frozen; the app works without it.
    let _ = Reflect::set(&window(), &JsValue::from_str(HOOK), hook.as_ref());
    // The hook must outlive this call: it lives as long as the page.
    hook.forget();
}

fn run(queries: JsValue) -> Result<JsValue, JsValue> {
    let type_error =
        || js_sys::TypeError::new("communiqueBench expects an array of strings, or its JSON text");
    let queries = match queries.as_string() {
        Some(json) => js_sys::JSON::parse(&json).map_err(|_| type_error())?,
        None => queries,
    };
    let queries: Array = queries.dyn_into().map_err(|_| type_error())?;
    let queries: Vec<String> = queries
        .iter()
        .map(|q| q.as_string())
        .collect::<Option<_>>()
        .ok_or_else(type_error)?;
    let performance = window()
        .performance()
        .ok_or_else(|| js_sys::Error::new("performance.now() is unavailable"))?;
    let mut times = Vec::with_capacity(queries.len());
    let mut hits = 0;
    for query in &queries {
        let start = performance.now();
        hits += bundle::count_hits(query);
        times.push(performance.now() - start);
    }
    let timings = times
        .iter()
        .copied()
        .map(JsValue::from_f64)
        .collect::<Array>();
    let summary = summarise(times);
    let out = Object::new();
    Reflect::set(&out, &JsValue::from_str("timings_ms"), &timings)?;
    for (key, value) in [
        ("median_ms", summary.median_ms),
        ("p95_ms", summary.p95_ms),
        ("count", summary.count as f64),
        // Reported so a run that matched nothing is noticed, not celebrated.
        ("hits", hits as f64),
    ] {
        Reflect::set(&out, &JsValue::from_str(key), &JsValue::from_f64(value))?;
    }
    Ok(out.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(times: &[f64], expect: (f64, f64, usize)) {
        let got = summarise(times.to_vec());
        assert_eq!((got.median_ms, got.p95_ms, got.count), expect, "{times:?}");
    }

    #[test]
    fn nearest_rank_percentiles() {
        check(&[], (0.0, 0.0, 0));
        check(&[4.0], (4.0, 4.0, 1));
        check(&[3.0, 1.0, 2.0], (2.0, 3.0, 3));
        // 20 values 1..=20: the median is the 10th, p95 the 19th.
        let twenty: Vec<f64> = (1..=20).rev().map(f64::from).collect();
        check(&twenty, (10.0, 19.0, 20));
        let hundred: Vec<f64> = (1..=100).map(f64::from).collect();
        check(&hundred, (50.0, 95.0, 100));
    }
}
