//! `RemovedText`: the boilerplate the compiler removed from an article, behind
//! a disclosure button, so a reader can check nothing of substance was lost.

use communique_core::RemovedText as Removed;
use leptos::prelude::*;

use crate::format;

/// `button#show-removed` toggling `#removed-text`: every removed line with the
/// reason it was removed, in the order of the original file.
#[component]
pub fn RemovedText(
    /// The removed lines of the open article.
    removed: &'static [Removed],
) -> impl IntoView {
    let open = RwSignal::new(false);
    let label = move || {
        let verb = if open.get() { "Hide" } else { "Show" };
        format!(
            "{verb} removed text ({})",
            format::count_of(removed.len(), "line", "lines").to_ascii_lowercase()
        )
    };
    view! {
        <section class="removed-text" aria-label="Removed text">
            <button
                type="button"
                id="show-removed"
                aria-controls="removed-text"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {label}
            </button>
            <div id="removed-text" hidden=move || !open.get()>
                {if removed.is_empty() {
                    view! { <p class="removed-none">"Nothing was removed from this article."</p> }
                        .into_any()
                } else {
                    view! {
                        <ol class="removed-list">
                            {removed
                                .iter()
                                .map(|line| {
                                    view! {
                                        <li class="removed-line">
                                            <span class="removed-reason">{line.reason.as_str()}</span>
                                            <q class="removed-content">{line.text.as_str()}</q>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                        .into_any()
                }}
            </div>
        </section>
    }
}
