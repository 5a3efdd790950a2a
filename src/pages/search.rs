//! The search results: the active filters, the timeline strip, the result count, the
//! order, and the results (of a query, or of the filters alone), beside the facet panel
//! that `browse.rs` keeps.

use leptos::prelude::*;

use crate::components::filter_chips::FilterChips;
use crate::components::result_list::ResultList;
use crate::components::sort_select::SortSelect;
use crate::components::timeline_strip::TimelineStrip;
use crate::format;
use crate::state::AppState;

/// The results of the typed query and the filters: the [`FacetPanel`] beside
/// them, the [`FilterChips`], `#result-count` (announced to screen readers as
/// it changes), the [`SortSelect`] and the [`ResultList`].
#[component]
pub fn SearchPage() -> impl IntoView {
    let state = AppState::expect();
    let count = move || match crate::shards::loading() {
        true => "Loading…".to_string(),
        false => state
            .results
            .with(|rows| format::count_of(rows.len(), "result", "results")),
    };
    view! {
        <section class="search-results" aria-labelledby="results-heading">
            <h1 id="results-heading" class="visually-hidden">
                "Search results"
            </h1>
            <FilterChips />
            <TimelineStrip />
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
