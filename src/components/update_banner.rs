//! `UpdateBanner`: tells the reader that a new version of the explorer is ready, and reloads into
//! it on request (see `sw.rs` for how updates are found).

use leptos::prelude::*;

use crate::components::show_if::ShowIf;
use crate::sw::UpdateStatus;

/// A status bar shown only while a new build waits: a sentence and `button#update-reload`.
/// It is a polite live region, so screen readers announce it without interrupting.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let status = UpdateStatus::expect();
    let (reloading, set_reloading) = signal(false);
    view! {
        <div class="update-banner" role="status" aria-live="polite">
            <ShowIf when=move || status.waiting.get()>
                <p class="update-banner-inner">
                    <span>"A new version of Communiqué is available."</span>
                    <button
                        id="update-reload"
                        type="button"
                        disabled=move || reloading.get()
                        on:click=move |_| {
                            set_reloading.set(true);
                            status.apply();
                        }
                    >
                        {move || if reloading.get() { "Reloading…" } else { "Reload" }}
                    </button>
                </p>
            </ShowIf>
        </div>
    }
}
