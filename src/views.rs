//! The views that load on demand (the map and the network): a WASM of their own
//! (`crates/views`), which the page starts the first time a view is shown by adding
//! `views/boot.js` as a module script. Until then, none of their code is loaded (the default
//! site's first load has a budget).
//!
//! The app and the views talk through the DOM: the app fills `div#views-map`'s (or
//! `div#views-network`'s) `data-marks` and sends `communique:marks` from it; the marks the
//! views draw carry `data-visits` or `data-entity`, which the page reads from a click (see
//! `crates/views/src/lib.rs`).

use leptos::prelude::document;

/// The id of the script element that starts the views.
const SCRIPT_ID: &str = "communique-views";

/// Adds the views' module script to the page, once.
pub fn load() {
    let document = document();
    if document.get_element_by_id(SCRIPT_ID).is_some() {
        return;
    }
    let Ok(script) = document.create_element("script") else {
        return;
    };
    crate::dom::set_attributes(
        &script,
        &[
            ("id", SCRIPT_ID),
            ("type", "module"),
            ("src", "views/boot.js"),
        ],
    );
    if let Some(body) = document.body() {
        let _ = body.append_child(&script);
    }
}
