//! The page for a link this build cannot follow: an unknown view or article.

use leptos::prelude::*;

use crate::components::app_link::AppLink;
use crate::state::Route;

/// Says what could not be found and offers the way back to the overview.
#[component]
pub fn NotFoundPage(
    /// What the link asked for, in words ("No article with id “x”.").
    message: String,
) -> impl IntoView {
    view! {
        <section class="not-found" aria-labelledby="not-found-heading">
            <h1 id="not-found-heading">"Not found"</h1>
            <p>{message}</p>
            <p>
                "The link may come from an older or different corpus. "
                <AppLink to=Route::default()>"Go to the overview"</AppLink>
                " or search above."
            </p>
        </section>
    }
}
