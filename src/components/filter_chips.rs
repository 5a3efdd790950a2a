//! `FilterChips`: the active filters as removable chips, and "clear all".

use communique_core::facet::DateRange;
use leptos::prelude::*;

use crate::bundle;
use crate::state::AppState;

/// `div.filter-chips` (nothing when no filter is set): one `button.chip` per
/// selected value (`data-param`, `data-key`), which removes it; a chip for the
/// date range; a value this corpus lacks is marked `unknown` and says it is
/// ignored; then `button#clear-filters`.
#[component]
pub fn FilterChips() -> impl IntoView {
    let state = AppState::expect();
    move || {
        let filters = state.filters.get();
        if filters.is_empty() {
            return None;
        }
        let chips = bundle::facets()
            .chips(&filters)
            .into_iter()
            .map(|chip| {
                let facet = chip.facet;
                let key = chip.key.clone();
                let remove = move |_| {
                    let mut filters = state.filters.get_untracked();
                    filters.remove(facet, &key);
                    state.set_filters(filters);
                };
                let title = if chip.known {
                    format!("Remove the filter {}: {}", facet.label(), chip.label)
                } else {
                    format!(
                        "{}: “{}” is not in this corpus, so it is ignored. Remove it",
                        facet.label(),
                        chip.label
                    )
                };
                view! {
                    <li>
                        <button
                            type="button"
                            class="chip"
                            class:unknown=!chip.known
                            data-param=facet.param()
                            data-key=chip.key.clone()
                            title=title.clone()
                            aria-label=title
                            on:click=remove
                        >
                            <span class="chip-facet">{facet.label()}</span>
                            <span class="chip-label">{chip.label.clone()}</span>
                            <span class="chip-remove" aria-hidden="true">
                                "×"
                            </span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        let dates = filters.dates.is_set().then(|| {
            let label = filters.dates.label();
            let remove = move |_| {
                let mut filters = state.filters.get_untracked();
                filters.dates = DateRange::default();
                state.set_filters(filters);
            };
            view! {
                <li>
                    <button
                        type="button"
                        class="chip"
                        data-param="dates"
                        title=format!("Remove the date filter {label}")
                        aria-label=format!("Remove the date filter {label}")
                        on:click=remove
                    >
                        <span class="chip-facet">"Dates"</span>
                        <span class="chip-label">{label.clone()}</span>
                        <span class="chip-remove" aria-hidden="true">
                            "×"
                        </span>
                    </button>
                </li>
            }
        });
        let clear = move |_| {
            let mut filters = state.filters.get_untracked();
            filters.clear();
            state.set_filters(filters);
        };
        Some(view! {
            <div class="filter-chips" role="group" aria-label="Active filters">
                <ul>{chips} {dates}</ul>
                <button type="button" id="clear-filters" class="clear-filters" on:click=clear>
                    "Clear all"
                </button>
            </div>
        })
    }
}
