//! `KeepAll`: for a large corpus, whose texts and index are fetched as they are needed,
//! a button that fetches all of them at once so the service worker keeps the whole
//! archive for offline use, with its progress.

use leptos::prelude::*;

use crate::{bundle, format, shards};

/// `button#keep-all` and a live status: "Keeping 120 of 1,450 parts…", then "All articles
/// are kept for offline use.", or how many parts could not be fetched, with the button enabled
/// again to retry them.
#[component]
pub fn KeepAll() -> impl IntoView {
    let total = bundle::shards().len();
    let (no_worker, set_no_worker) = signal(false);
    let status = move || match shards::kept() {
        None if no_worker.get() => "Offline use needs the site's service worker, which \
             this page does not run: it needs HTTPS or localhost, and a browser that allows it."
            .to_string(),
        None => String::new(),
        Some(kept) if kept.running() => format!("Keeping {} of {} parts…", kept.done, kept.all),
        Some(kept) if kept.failed > 0 => format!(
            "{} of {} parts could not be fetched, so not every article reads offline: press \
             the button again to retry them.",
            kept.failed, kept.all
        ),
        Some(_) => "All articles are kept for offline use.".to_string(),
    };
    view! {
        <p class="keep-all">
            {match shards::fetches_ahead() {
                true => format!(
                    "The whole archive ({} parts) is fetched once the page opens. ",
                    format::thousands(total),
                ),
                false => format!(
                    "Articles are fetched as you read them ({} parts). ",
                    format::thousands(total),
                ),
            }}
            <button
                id="keep-all"
                type="button"
                // Enabled again when parts could not be fetched, to retry them.
                disabled=move || shards::kept().is_some_and(|kept| !kept.can_retry())
                on:click=move |_| {
                    if crate::sw::controls() {
                        shards::keep_all();
                    } else {
                        set_no_worker.set(true);
                    }
                }
            >
                "Keep all articles for offline use"
            </button>
            " "
            <span id="keep-all-status" role="status" aria-live="polite">
                {status}
            </span>
        </p>
    }
}
