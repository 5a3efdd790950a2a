//! Keyboard shortcuts that work anywhere on the page: `/` focuses the search
//! field, Esc closes the reader, `n` and `N` (Shift) step to the reader's next
//! and previous match. (↑/↓/Enter belong to the search field: see
//! `components::search_box`.)

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::match_nav::{NEXT_MATCH_ID, PREVIOUS_MATCH_ID};
use crate::components::search_box::SEARCH_ID;
use crate::dom;
use crate::state::AppState;

/// Listens for the page-wide shortcuts for as long as the page lives.
pub fn install(state: AppState) {
    // The app lives as long as the page, so the listener is never removed.
    let _listener = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        if ev.default_prevented() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        match ev.key().as_str() {
            "/" if !typing_in_field(&ev) => {
                ev.prevent_default();
                focus_search();
            }
            // Prevented so that Esc in the search field closes the reader
            // rather than also clearing the query.
            "Escape" if state.doc.get_untracked().is_some() => {
                ev.prevent_default();
                close_reader(state);
            }
            // Pressing the buttons keeps one code path for mouse and keyboard.
            key @ ("n" | "N") if state.doc.get_untracked().is_some() && !typing_in_field(&ev) => {
                let id = if key == "n" {
                    NEXT_MATCH_ID
                } else {
                    PREVIOUS_MATCH_ID
                };
                if let Some(button) = dom::by_id::<web_sys::HtmlElement>(id) {
                    ev.prevent_default();
                    button.click();
                }
            }
            _ => {}
        }
    });
}

/// Closes the reader and puts the keyboard back in the search field, where
/// ↑/↓ continue through the results.
pub fn close_reader(state: AppState) {
    state.close_doc();
    focus_search();
}

/// Moves focus to the search field and selects its text, ready to retype.
pub fn focus_search() {
    if let Some(field) = dom::by_id::<web_sys::HtmlInputElement>(SEARCH_ID) {
        let _ = field.focus();
        field.select();
    }
}

/// Whether the key went to something that takes text, where `/` is a character.
fn typing_in_field(ev: &KeyboardEvent) -> bool {
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    matches!(target.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || target.is_content_editable()
}
