//! The in-browser benchmark hook: `window.communiqueBench(queries)` prepares each query of an
//! array of strings as a keystroke does (`bundle::count_hits`), timed with `performance.now()`,
//! and answers the milliseconds of each, so `cargo xtask bench` can measure search latency inside
//! headless Chromium. The bench summarises the timings itself: the page carries no statistics
//! code for it (the default site is within a few hundred bytes of its budget).

use js_sys::Array;
use leptos::prelude::window;
use wasm_bindgen::prelude::*;

use crate::bundle;

/// The name of the hook on `window`.
pub const HOOK: &str = "communiqueBench";

/// Installs `window.communiqueBench`. It throws a `TypeError` unless given an array of strings.
pub fn register() {
    let hook = Closure::<dyn Fn(JsValue) -> Result<JsValue, JsValue>>::new(run);
    // Registration fails only if `window` is frozen; the app works without it.
    let _ = js_sys::Reflect::set(&window(), &JsValue::from_str(HOOK), hook.as_ref());
    // The hook must outlive this call: it lives as long as the page.
    hook.forget();
}

fn run(queries: JsValue) -> Result<JsValue, JsValue> {
    let type_error = || js_sys::TypeError::new("communiqueBench expects an array of strings");
    let queries: Array = queries.dyn_into().map_err(|_| type_error())?;
    let performance = window()
        .performance()
        .ok_or_else(|| js_sys::Error::new("performance.now() is unavailable"))?;
    let timings = Array::new();
    for query in queries.iter() {
        let query = query.as_string().ok_or_else(type_error)?;
        let start = performance.now();
        bundle::count_hits(&query);
        timings.push(&JsValue::from_f64(performance.now() - start));
    }
    Ok(timings.into())
}
