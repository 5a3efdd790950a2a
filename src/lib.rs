//! The Communiqué explorer: a Leptos client-side app over the embedded corpus.

use leptos::prelude::*;

pub mod bundle;

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let corpus = bundle::corpus();
    view! { <main><h1>{corpus.meta.title.clone()}</h1><p>{corpus.documents.len()} " articles"</p></main> }
}
