//! `AppLink`: a real `<a href>` to an in-app route that navigates without a reload.

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use crate::state::{AppState, Route};

/// A link to `to`: its href is the route's query string, so it works before
/// the WASM loads, in a new tab and when copied; a plain left click navigates
/// in place and pushes a history entry. It carries `aria-current="page"`
/// while `to` is the route shown: from its creation, then kept by
/// [`mark_links_to_current`].
#[component]
pub fn AppLink(
    /// Where the link goes.
    to: Route,
    /// Classes of the `<a>`.
    #[prop(optional)]
    class: Option<&'static str>,
    /// The `id` of the `<a>`, when a test or a skip link needs it.
    #[prop(optional)]
    id: Option<&'static str>,
    /// The `title` of the `<a>`: what the link leads to, shown on hover.
    #[prop(optional, into)]
    title: Option<String>,
    /// The id of the entity the link is about, as `data-entity` (for tests and styling).
    // A prop rather than `attr:data-entity` on the component: attributes added from outside are
    // type-erased per call site, about 30 KB of WASM for a handful of links.
    #[prop(optional)]
    entity: Option<&'static str>,
    /// The link's content.
    children: Children,
) -> impl IntoView {
    let state = AppState::expect();
    let href = to.href();
    // A link to the page being shown says so, for screen readers and styling.
    let current = state
        .current
        .with_untracked(|route| *route == to)
        .then_some("page");
    let on_click = move |ev: MouseEvent| {
        // Leave modified clicks (new tab, new window, download) to the browser.
        let modified = ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key();
        if ev.default_prevented() || ev.button() != 0 || modified {
            return;
        }
        ev.prevent_default();
        state.follow(to.clone());
    };
    view! {
        <a
            href=href
            class=class
            id=id
            title=title
            data-entity=entity
            // A closure, though it reads no signal: the attribute's code is then the one compiled
            // for reactive attributes already; a plain `Option<&str>` compiled its own (about
            // 0.5 KB of WASM before gzip).
            aria-current=move || current
            on:click=on_click
        >
            {children()}
        </a>
    }
}

/// Keeps `aria-current="page"` on exactly the links to the route shown, as the route
/// changes: one effect for the page. A reactive attribute on each link re-ran every link
/// on every keystroke instead (the route holds the search text), some ninety on a page
/// of results; a link made later marks itself when made (`AppLink`).
pub fn mark_links_to_current(state: AppState) {
    crate::effect::effect(move || state.current.with(|route| mark_links_to(&route.href())));
}

/// Sets `aria-current="page"` on the links to `here` and takes it off any other.
fn mark_links_to(here: &str) {
    let links = document().links();
    for link in (0..links.length()).filter_map(|i| links.item(i)) {
        if link.get_attribute("href").as_deref() == Some(here) {
            let _ = link.set_attribute("aria-current", "page");
        } else {
            let _ = link.remove_attribute("aria-current");
        }
    }
}
