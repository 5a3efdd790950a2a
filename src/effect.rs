//! `effect`: Leptos's `Effect::new`, compiled once for the app.
//!
//! Why not `Effect::new` at each use: it is generic over its closure, and each use compiled
//! its own copy of the task that waits for the effect's sources to change (about 500 bytes
//! of WebAssembly each; the app has eleven). Here the closure is boxed, and one copy serves
//! every use; a call through the box costs nothing that matters beside the DOM work it does.

use leptos::prelude::*;

/// Runs `run` once the view is mounted, and again whenever a signal it read changes
/// (`Effect::new`, without the previous value, which no effect here needs).
pub fn effect(run: impl FnMut() + 'static) {
    boxed(Box::new(run));
}

/// The one instantiation of `Effect::new`.
fn boxed(mut run: Box<dyn FnMut()>) {
    Effect::new(move |_| run());
}
