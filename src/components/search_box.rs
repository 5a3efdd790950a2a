//! `SearchBox`: the search field in the header, with keyboard navigation of
//! the results (↑/↓ choose, Enter opens).

use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::html;
use leptos::prelude::*;

use crate::components::result_item::result_id;
use crate::state::AppState;

/// The id of the search field; `/` focuses it from anywhere (see `lib.rs`).
pub const SEARCH_ID: &str = "search";

/// The search form: a labelled `input#search` that updates the query on every
/// keystroke. While results show, ArrowDown/ArrowUp move the active result and
/// Enter opens it; the field is a combobox whose active descendant is that result.
#[component]
pub fn SearchBox() -> impl IntoView {
    let state = AppState::expect();
    let input = NodeRef::<html::Input>::new();

    // Keep the field in step with the URL (back/forward, links) without
    // rewriting it while the user types, which would move the caret.
    crate::effect::effect(move || {
        let query = state.query.get();
        if let Some(input) = input.get() {
            if input.value() != query {
                input.set_value(&query);
            }
        }
    });

    let showing_results = move || state.current.with(|r| r.shows_results());
    let on_keydown = move |ev: KeyboardEvent| {
        if !untrack(showing_results) {
            return;
        }
        let count = state
            .results
            .with_untracked(|rows| rows.len())
            .min(state.shown.get_untracked());
        let active = state.active.get_untracked();
        match ev.key().as_str() {
            "ArrowDown" if count > 0 => {
                ev.prevent_default();
                state
                    .active
                    .set(Some(active.map_or(0, |i| (i + 1).min(count - 1))));
            }
            "ArrowUp" if count > 0 => {
                ev.prevent_default();
                // Up from the first result returns to the field alone.
                state.active.set(active.and_then(|i| i.checked_sub(1)));
            }
            "Enter" => {
                if let Some(index) = active {
                    ev.prevent_default();
                    state.open_result(index);
                }
            }
            _ => {}
        }
    };
    let active_id = move || {
        state
            .active
            .get()
            .filter(|_| showing_results())
            .map(result_id)
    };

    view! {
        <form
            class="search-box"
            role="search"
            on:submit=move |ev: SubmitEvent| ev.prevent_default()
        >
            <label for=SEARCH_ID class="visually-hidden">
                "Search the articles"
            </label>
            <input
                node_ref=input
                id=SEARCH_ID
                type="search"
                name="q"
                placeholder="Search the articles  ( / )"
                autocomplete="off"
                spellcheck="false"
                role="combobox"
                aria-autocomplete="list"
                aria-controls="results"
                aria-expanded=move || showing_results().to_string()
                aria-activedescendant=active_id
                aria-keyshortcuts="/"
                value=state.query.get_untracked()
                on:input=move |ev| state.set_query(event_target_value(&ev))
                on:keydown=on_keydown
            />
        </form>
    }
}
