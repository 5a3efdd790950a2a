//! `Snippet`: one passage of a search result, with its matches marked.

use leptos::prelude::*;

use crate::components::marked_text::MarkedText;
use crate::highlight;
use communique_core::Snippet as Passage;

/// A passage of `text` with its matches as `<mark>`, and an ellipsis at each
/// end that falls mid-paragraph so the reader knows the text goes on.
#[component]
pub fn Snippet(
    /// The document text the snippet's spans point into.
    text: &'static str,
    /// The passage and its matches.
    snippet: Passage,
) -> impl IntoView {
    let (cut_before, cut_after) = highlight::cut_ends(text, snippet.span);
    view! {
        <p class="snippet">
            {cut_before.then_some("… ")}
            <MarkedText text=text within=snippet.span marks=snippet.highlights />
            {cut_after.then_some(" …")}
        </p>
    }
}
