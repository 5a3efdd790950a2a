//! The search results' own parts: their heading, the result count, the order and the
//! results (of a query, or of the filters alone). The facet panel, the filter chips and the
//! timeline strip above them are the browsing layout's (`browse.rs`), shared with the overview.

use leptos::prelude::*;

use crate::components::result_list::ResultList;
use crate::components::sort_select::SortSelect;
use crate::format;
use crate::state::AppState;

/// `h1#results-heading`, for screen readers: what labels the results' section. Always
/// there, and hidden (`.results-part`) while the overview shows (`browse.rs`).
#[component]
pub fn SearchHeading() -> impl IntoView {
    view! {
        <div class="results-part">
            <h1 id="results-heading" class="visually-hidden">
                "Search results"
            </h1>
        </div>
    }
}

/// `#result-count` (announced to screen readers as it changes), the [`SortSelect`] and the
/// [`ResultList`].
#[component]
pub fn SearchResults() -> impl IntoView {
    let state = AppState::expect();
    let count = move || match crate::shards::loading() {
        true => "Loading…".to_string(),
        false => state
            .results
            .with(|rows| format::count_of(rows.len(), "result", "results")),
    };
    view! {
        <div class="results-bar">
            <p id="result-count" aria-live="polite" aria-atomic="true">
                {count}
            </p>
            <SortSelect />
        </div>
        <ResultList />
    }
}
