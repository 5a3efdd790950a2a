//! `ShowIf`: Leptos's `Show` without a fallback, compiled once for the app.
//!
//! Why not `Show`: it is generic over its condition and its children's view
//! type, so each of its eight uses compiled its own copy of the memo and the
//! either-view around them (about 900 bytes of WebAssembly each). Here both
//! are type-erased (a `Signal<bool>` and `ChildrenFn`), and one copy serves
//! every use. Like `Show`, the children are built when the condition turns
//! true and dropped when it turns false, never rebuilt while it stays true.

use leptos::prelude::*;

/// Shows `children` while `when` holds.
#[component]
pub fn ShowIf(
    /// The condition; its changes that keep the same value are ignored.
    #[prop(into)]
    when: Signal<bool>,
    /// What to show while the condition holds.
    children: ChildrenFn,
) -> impl IntoView {
    let shown = Memo::new(move |_| when.get());
    move || shown.get().then(|| children())
}
