//! `ResultList`: the list of search results, `ol#results`, shown a page at a time.

use leptos::prelude::*;

use crate::components::result_item::{result_id, ResultItem};
use crate::components::show_if::ShowIf;
use crate::components::show_more::ShowMore;
use crate::dom;
use crate::state::{AppState, RESULTS_PAGE};

/// The current results as a list (`#results`, one `.result` per document),
/// the first [`RESULTS_PAGE`] of them, then a button to show more.
#[component]
pub fn ResultList() -> impl IntoView {
    let state = AppState::expect();
    // The rows read no app signal; this one effect marks the active one.
    mark_active(state);
    let total = move || state.results.with(Vec::len);
    let visible = move || {
        let shown = state.shown.get();
        state.results.with(|rows| {
            rows.iter()
                .take(shown)
                .cloned()
                .enumerate()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <ol id="results" class="result-list" aria-label="Search results">
            // Rebuilt whole when the results change: every row's marks, snippets
            // and link change with the query, so keyed reuse would show stale ones.
            // Rebuilt too when the shards its rows read arrive (a large corpus: `shards.rs`).
            {move || {
                crate::shards::track();
                visible()
                    .into_iter()
                    .map(|(index, row)| view! { <ResultItem index=index row=row /> })
                    .collect_view()
            }}
        </ol>
        // While a large corpus's index is still arriving, no result is not yet "no match".
        <ShowIf when=move || total() == 0 && !crate::shards::loading()>
            <div class="no-results">
                <p>{move || format!("No article matches “{}”.", state.query.get().trim())}</p>
                <p>
                    "Try fewer or other words. Misspelt names are matched when close; "
                    <code>"\"quotes\""</code>
                    " find an exact phrase, "
                    <code>"-word"</code>
                    " leaves out articles with that word."
                </p>
            </div>
        </ShowIf>
        <ShowMore shown=state.shown step=RESULTS_PAGE total=Signal::derive(total) />
    }
}

/// Marks the result the arrow keys rest on (and unmarks the one they left), and scrolls it
/// into view: one effect for the list, created once, instead of three in every row. A row
/// must not subscribe to the app's signals (the tidy test checks): Leptos keeps a disposed
/// effect among the subscribers of each signal it read until that signal's life ends, and
/// copies them all on every change. Rows reading `active` left 30 a keystroke; after 600
/// keystrokes at 100,000 articles, setting it took about a millisecond, and their memory
/// stayed.
fn mark_active(state: AppState) {
    let mut marked: Option<usize> = None;
    crate::effect::effect(move || {
        let active = state.active.get();
        for (index, on) in [(marked, false), (active, true)] {
            let Some(item) = index.and_then(|i| dom::by_id::<web_sys::HtmlElement>(&result_id(i)))
            else {
                continue;
            };
            if on {
                let _ = item.set_attribute("aria-current", "true");
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                item.scroll_into_view_with_scroll_into_view_options(&options);
            } else {
                let _ = item.remove_attribute("aria-current");
            }
        }
        marked = active;
    });
}
