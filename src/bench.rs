//! The in-browser benchmark hook: `window.communiqueBench(queries)` parses and
//! searches each query over the embedded corpus, timed with
//! `performance.now()`, and returns `{median_ms, p95_ms, count, hits,
//! timings_ms}`, so `cargo xtask bench` can measure search latency inside
//! headless Chromium. `queries` is an array of strings or a JSON text of one
//! (WebDriver passes a string most simply).

use js_sys::{Array, Object, Reflect};
use leptos::prelude::window;
use wasm_bindgen::prelude::*;

use communique_core::stats::Summary;

use crate::bundle;

/// The name of the hook on `window`.
pub const HOOK: &str = "communiqueBench";

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
    // The same nearest-rank summary as the native bench (`communique_core::stats`).
    let summary = Summary::of(&times).unwrap_or(Summary {
        count: 0,
        median: 0.0,
        p95: 0.0,
        max: 0.0,
    });
    let out = Object::new();
    Reflect::set(&out, &JsValue::from_str("timings_ms"), &timings)?;
    for (key, value) in [
        ("median_ms", summary.median),
        ("p95_ms", summary.p95),
        ("count", summary.count as f64),
        // Reported so a run that matched nothing is noticed, not celebrated.
        ("hits", hits as f64),
    ] {
        Reflect::set(&out, &JsValue::from_str(key), &JsValue::from_f64(value))?;
    }
    Ok(out.into())
}
