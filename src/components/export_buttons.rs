//! `ExportButtons`: downloads of the visits on screen as CSV and JSON, in the
//! compiler's export schema (see `visit_export.rs`).

use communique_core::Visit;
use leptos::prelude::*;

use crate::bundle;
use crate::visit_export;

/// `div.export-buttons`: "CSV" and "JSON" buttons that download `visits`.
#[component]
pub fn ExportButtons(
    /// The visits to export: exactly those shown.
    #[prop(into)]
    visits: Signal<Vec<&'static Visit>>,
) -> impl IntoView {
    let csv = move |_| {
        let text = visits.with_untracked(|v| visit_export::to_csv(bundle::corpus(), v));
        visit_export::download("visits.csv", "text/csv;charset=utf-8", &text);
    };
    let json = move |_| {
        let text = visits.with_untracked(|v| visit_export::to_json(bundle::corpus(), v));
        visit_export::download("visits.json", "application/json", &text);
    };
    let empty = move || visits.with(Vec::is_empty);
    view! {
        <div class="export-buttons" role="group" aria-label="Download the visits shown">
            <span class="export-label">"Download"</span>
            <button type="button" class="export-csv" disabled=empty on:click=csv>
                "CSV"
            </button>
            <button type="button" class="export-json" disabled=empty on:click=json>
                "JSON"
            </button>
        </div>
    }
}
