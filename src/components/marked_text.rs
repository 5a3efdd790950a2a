//! `MarkedText`: a stretch of corpus text with matches as `<mark>` and the
//! cited span wrapped in `<span class="cited">`.
//!
//! Invariant: corpus text only ever becomes text nodes here, never markup.

use communique_core::Span;
use leptos::prelude::*;

use crate::highlight::{self, Run};

/// Renders `text[within]`, wrapping `marks` in `<mark>` and the `cited` span in
/// one `<span class="cited">` (matches inside it stay marked). Spans may be
/// unsorted, overlapping or out of range: see `highlight::runs`.
#[component]
pub fn MarkedText(
    /// The text all spans point into (a document's text, or a title).
    text: &'static str,
    /// The stretch of `text` to show.
    within: Span,
    /// Matches to mark.
    #[prop(optional)]
    marks: Vec<Span>,
    /// A span to show as cited.
    #[prop(optional_no_strip)]
    cited: Option<Span>,
) -> impl IntoView {
    let runs = highlight::runs(text, within, &marks, cited);
    let piece = move |run: &Run| {
        let slice = &text[run.range.clone()];
        if run.marked {
            view! { <mark>{slice}</mark> }.into_any()
        } else {
            slice.into_any()
        }
    };
    match highlight::cited_runs(&runs) {
        None => runs.iter().map(piece).collect_view().into_any(),
        Some(cited) => view! {
            {runs[..cited.start].iter().map(piece).collect_view()}
            <span class="cited">{runs[cited.clone()].iter().map(piece).collect_view()}</span>
            {runs[cited.end..].iter().map(piece).collect_view()}
        }
        .into_any(),
    }
}
