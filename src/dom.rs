//! The page's elements by id, for the few imperative steps that follow a
//! render: giving focus, scrolling into view, pressing a button for a key; and SVG
//! elements made with DOM calls.
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

/// The SVG namespace, which `createElementNS` needs for SVG elements.
const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Sets attributes of `element`. Values are attribute values, never markup.
pub fn set_attributes(element: &web_sys::Element, attributes: &[(&str, &str)]) {
    for (name, value) in attributes {
        let _ = element.set_attribute(name, value);
    }
}

/// A new SVG element `tag` with `attributes`, appended to `parent`: drawing many marks with
/// DOM calls costs the WASM less than a component per element (the timeline's and the
/// map's marks).
pub fn svg_child(
    parent: &web_sys::Element,
    tag: &str,
    attributes: &[(&str, &str)],
) -> web_sys::Element {
    let element = document()
        .create_element_ns(Some(SVG_NS), tag)
        .expect("an SVG tag name is valid");
    set_attributes(&element, attributes);
    let _ = parent.append_child(&element);
    element
}
