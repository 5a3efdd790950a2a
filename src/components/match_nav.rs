//! `MatchNav`: the reader's match count with buttons that step through the
//! highlighted matches, so a long article can be read match by match.
//!
//! The marks themselves are the state: the current one carries the class
//! `current`, and a step finds it in the DOM and moves on, wrapping at either
//! end. Re-rendering the article for a new query drops the class, which is
//! exactly when the count should start again.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the "next match" button, which the `n` shortcut presses.
pub const NEXT_MATCH_ID: &str = "next-match";
/// The id of the "previous match" button, which the `N` shortcut presses.
pub const PREVIOUS_MATCH_ID: &str = "previous-match";

/// Every match of the open article, in reading order: title, then body.
const MARKS: &str = "#reader-title mark, #reader .reader-body mark";

/// `p.reader-matches`: "12 matches for “visit”", previous and next buttons,
/// and "Match 3 of 12" once the reader has stepped, announced to screen readers.
#[component]
pub fn MatchNav(
    /// How many matches the article has, title included.
    count: Signal<usize>,
    /// The query, as typed.
    query: Signal<String>,
) -> impl IntoView {
    let position = RwSignal::new(None::<(usize, usize)>);
    // A new query renders new marks: nothing is current any more.
    crate::effect::effect(move || {
        count.track();
        query.track();
        position.set(None);
    });
    let step = move |forward: bool| position.set(step_to_match(forward));
    let summary = move || {
        format!(
            "{} for “{}”",
            crate::format::count_of(count.get(), "match", "matches"),
            query.get().trim()
        )
    };
    let status = move || {
        position
            .get()
            .map(|(at, of)| format!("Match {} of {}", at + 1, of))
    };
    view! {
        <p class="reader-matches">
            <span class="match-count">{summary}</span>
            <span class="match-nav" hidden=move || count.get() == 0>
                <button
                    type="button"
                    id=PREVIOUS_MATCH_ID
                    aria-keyshortcuts="Shift+N"
                    title="Previous match (Shift+N)"
                    on:click=move |_| step(false)
                >
                    "↑ Previous"
                </button>
                <button
                    type="button"
                    id=NEXT_MATCH_ID
                    aria-keyshortcuts="N"
                    title="Next match (N)"
                    on:click=move |_| step(true)
                >
                    "↓ Next"
                </button>
            </span>
            <span class="match-position" role="status" aria-live="polite">
                {status}
            </span>
        </p>
    }
}

/// Moves the `current` class to the next (or previous) match, wrapping, and
/// scrolls it to the middle of the window. Returns its index and the number
/// of matches, or `None` when the article has none.
fn step_to_match(forward: bool) -> Option<(usize, usize)> {
    let list = document().query_selector_all(MARKS).ok()?;
    let marks: Vec<web_sys::Element> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect();
    if marks.is_empty() {
        return None;
    }
    let current = marks
        .iter()
        .position(|mark| mark.class_list().contains("current"));
    let next = match (current, forward) {
        (None, true) => 0,
        (None, false) => marks.len() - 1,
        (Some(at), true) => (at + 1) % marks.len(),
        (Some(at), false) => (at + marks.len() - 1) % marks.len(),
    };
    if let Some(at) = current {
        let _ = marks[at].class_list().remove_1("current");
    }
    let target = &marks[next];
    let _ = target.class_list().add_1("current");
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    target.scroll_into_view_with_scroll_into_view_options(&options);
    Some((next, marks.len()))
}
