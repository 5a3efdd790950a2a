//! `OpenFull`: in embed mode, the link that opens the current view in the full explorer.

use leptos::prelude::*;

use crate::state::AppState;

/// In embed mode, a link (in its own `nav` landmark) that opens the current view in the full
/// explorer, in a new tab.
#[component]
pub fn OpenFull() -> impl IntoView {
    let state = AppState::expect();
    crate::embed::current().map(|_| {
        view! {
            <nav class="embed-open" aria-label="Full explorer">
                <a href=move || state.current.with(|route| route.href()) target="_blank" rel="noopener">
                    "Open in Communiqué"
                    <span class="visually-hidden">" (opens a new tab)"</span>
                </a>
            </nav>
        }
    })
}
