//! The page's elements by id, for the few imperative steps that follow a
//! render: giving focus, scrolling into view, pressing a button for a key.
//!
//! Why ids rather than Leptos node references: each element type of a
//! `NodeRef` compiles its own copy of the reference's signal, and these steps
//! only need an element that the view has already given an id.

use leptos::prelude::document;
use wasm_bindgen::JsCast;

/// The element with id `id` as a `T` (`HtmlElement`, `HtmlInputElement`,
/// `SvgElement`, …), if the page has one of that kind.
pub fn by_id<T: JsCast>(id: &str) -> Option<T> {
    document().get_element_by_id(id)?.dyn_into().ok()
}
