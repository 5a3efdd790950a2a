//! `SortSelect`: the labelled `select#sort` choosing the order of the results.

use leptos::prelude::*;

use communique_core::SortOrder;

use crate::state::AppState;

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
                on:change=move |ev| state.set_sort(SortOrder::from_name(&event_target_value(&ev)))
            >
                {SortOrder::ALL
                    .into_iter()
                    .map(|sort| {
                        view! {
                            <option value=sort.name() prop:selected=move || state.sort.get() == sort>
                                {label(sort)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The words shown for an order.
fn label(order: SortOrder) -> &'static str {
    match order {
        SortOrder::Relevance => "Best match",
        SortOrder::Newest => "Newest first",
    }
}
