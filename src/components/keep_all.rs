//! `KeepAll`: for a large corpus, whose texts and index are fetched as they are needed,
//! a button that fetches all of them at once so the service worker keeps the whole
//! archive for offline use, with its progress.

use leptos::prelude::*;

use crate::{bundle, format, shards};

/// `button#keep-all` and a live status: "Kept 120 of 1,450 parts", then "All articles are
/// kept for offline use."
#[component]
pub fn KeepAll() -> impl IntoView {
    let total = bundle::shards().len();
    let served_by_worker = || {
        web_sys::window()
            .and_then(|window| window.navigator().service_worker().controller())
            .is_some()
    };
    let (no_worker, set_no_worker) = signal(false);
    let status = move || match shards::kept() {
        None if no_worker.get() => "Offline use needs the site's service worker, which \
             this page does not run: it needs HTTPS or localhost, and a browser that allows it."
            .to_string(),
        None => String::new(),
        Some((done, all)) if done < all => format!("Keeping {done} of {all} parts…"),
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
                disabled=move || shards::kept().is_some()
                on:click=move |_| {
                    if served_by_worker() {
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
