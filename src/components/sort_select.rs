//! `SortSelect`: the labelled `select#sort` choosing the order of the results.

use leptos::prelude::*;

use crate::state::{AppState, Sort};

/// A select of the result orders (relevance, newest); a change is a new
/// history entry, so back restores the previous order.
#[component]
pub fn SortSelect() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <div class="sort-select">
            <label for="sort">"Sort by"</label>
            <select
                id="sort"
                name="sort"
                on:change=move |ev| state.set_sort(Sort::from_name(&event_target_value(&ev)))
            >
                {Sort::ALL
                    .into_iter()
                    .map(|sort| {
                        view! {
                            <option value=sort.name() prop:selected=move || state.sort.get() == sort>
                                {sort.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
