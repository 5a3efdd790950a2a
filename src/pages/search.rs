//! The search results page: the result count, the order, and the results.

use leptos::prelude::*;

use crate::components::result_list::ResultList;
use crate::components::sort_select::SortSelect;
use crate::format;
use crate::state::AppState;

/// The results of the typed query: `#result-count` (announced to screen
/// readers as it changes), the [`SortSelect`] and the [`ResultList`].
#[component]
pub fn SearchPage() -> impl IntoView {
    let state = AppState::expect();
    let count = move || {
        state
            .results
            .with(|rows| format::count_of(rows.len(), "result", "results"))
    };
    view! {
        <section class="search-page" aria-labelledby="results-heading">
            <h1 id="results-heading" class="visually-hidden">
                "Search results"
            </h1>
            <div class="results-bar">
                <p id="result-count" aria-live="polite" aria-atomic="true">
                    {count}
                </p>
                <SortSelect />
            </div>
            <ResultList />
        </section>
    }
}
