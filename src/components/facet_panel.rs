//! `FacetPanel`: the filters beside the results: one [`FacetGroup`] per facet,
//! counted over the current query under the other filters.

use communique_core::facet::Facet;
use leptos::prelude::*;

use crate::bundle;
use crate::components::facet_group::FacetGroup;
use crate::state::AppState;

/// `aside#facets.facet-panel`: a "Filters" toggle (shown on narrow screens,
/// where the panel sits collapsed above the results) and the facet groups in
/// [`Facet::ALL`] order. Counts follow the query (`q`) and the filters.
#[component]
pub fn FacetPanel() -> impl IntoView {
    let state = AppState::expect();
    let counts = Memo::new(move |_| {
        state.filters.with(|filters| {
            state
                .found
                .with(|found| bundle::facet_counts(found, filters))
        })
    });
    let expanded = RwSignal::new(false);
    let active = move || {
        state.filters.with(|f| {
            Facet::ALL
                .into_iter()
                .map(|facet| f.keys(facet).len())
                .sum::<usize>()
                + usize::from(f.dates.is_set())
        })
    };
    let toggle_label = move || match active() {
        0 => "Filters".to_string(),
        n => format!("Filters ({n} active)"),
    };
    view! {
        <aside id="facets" class="facet-panel" class:expanded=move || expanded.get() role="region" aria-label="Filters">
            <button
                type="button"
                class="facet-toggle"
                aria-expanded=move || expanded.get().to_string()
                aria-controls="facet-groups"
                on:click=move |_| expanded.update(|open| *open = !*open)
            >
                {toggle_label}
            </button>
            <div id="facet-groups" class="facet-groups">
                {Facet::ALL
                    .into_iter()
                    .map(|facet| view! { <FacetGroup facet=facet counts=counts /> })
                    .collect_view()}
            </div>
        </aside>
    }
}
