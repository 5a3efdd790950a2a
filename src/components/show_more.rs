//! `ShowMore`: the "Show more (N of M not shown)" button under a list shown a page at a time
//! (the results, the overview's articles): one compiled copy for both.

use leptos::prelude::*;

use crate::components::show_if::ShowIf;
use crate::format;

/// `button.show-more` while fewer than `total` items are shown; a click shows `step` more.
#[component]
pub fn ShowMore(
    /// How many items the list shows now.
    shown: RwSignal<usize>,
    /// How many items a click adds.
    step: usize,
    /// How many items there are.
    total: Signal<usize>,
) -> impl IntoView {
    let remaining = move || total.get().saturating_sub(shown.get());
    view! {
        <ShowIf when=move || { remaining() > 0 }>
            <button type="button" class="show-more" on:click=move |_| shown.update(|n| *n += step)>
                {move || {
                    format!(
                        "Show more ({} of {} not shown)",
                        format::thousands(remaining()),
                        format::thousands(total.get()),
                    )
                }}
            </button>
        </ShowIf>
    }
}
