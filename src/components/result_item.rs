//! `ResultItem`: one search result: title, date, source and snippets.

use leptos::prelude::*;

use crate::bundle::{self, ResultRow};
use crate::components::app_link::AppLink;
use crate::components::doc_date::DocDate;
use crate::components::entity_link::EntityLink;
use crate::components::marked_text::MarkedText;
use crate::components::snippet::Snippet;
use crate::state::AppState;
use communique_core::Span;

/// The id of the result at `index` in the list, which the search field names
/// as its active descendant.
pub fn result_id(index: usize) -> String {
    format!("result-{index}")
}

/// A `.result` list item for one document: its highlighted title as a real
/// link to the reader (`?q=…&doc=…`), its date and source, and its snippets.
/// It is drawn active (`aria-current`, which the style sheet draws) if the arrow keys
/// rest on it as it is built; the list marks it when they move (`result_list::mark_active`). Not an
/// ARIA `option`: options may not hold links (axe-core's nested-interactive rule).
#[component]
pub fn ResultItem(
    /// Position in the result list, from 0.
    index: usize,
    /// The result to show.
    row: ResultRow,
) -> impl IntoView {
    let state = AppState::expect();
    let doc = row.document();
    // Read untracked: a row must not subscribe to the app's signals (see
    // `result_list::mark_active`).
    let active = state.active.get_untracked() == Some(index);
    let (title_marks, snippets) = state
        .found
        .with_untracked(|found| bundle::row_details(&row, found));
    let to = state.current.get_untracked().with_doc(&doc.id);
    let title = Span::new(0, doc.title.len());
    view! {
        <li
            class="result"
            id=result_id(index)
            aria-current=active.then_some("true")
            data-doc=&*doc.id
        >
            <h2 class="result-heading">
                <AppLink to=to class="result-title">
                    <MarkedText text=&doc.title within=title marks=title_marks />
                </AppLink>
            </h2>
            <p class="result-meta">
                <DocDate date=doc.date class="result-date" />
                <span class="result-source">{doc.source.as_deref().unwrap_or("Source not stated")}</span>
            </p>
            {snippets
                .into_iter()
                .map(|snippet| view! { <Snippet text=&doc.text snippet=snippet /> })
                .collect_view()}
            <ResultEntities doc=row.doc />
        </li>
    }
}

/// How many of a result's entities its entity line names.
const RESULT_ENTITIES: usize = 5;

/// `p.result-entities`: the entities the document mentions most, as small
/// links to their pages; nothing when it mentions none.
#[component]
fn ResultEntities(
    /// The result's document.
    doc: communique_core::DocId,
) -> impl IntoView {
    let top = bundle::top_entities(doc, RESULT_ENTITIES);
    (!top.is_empty()).then(|| {
        view! {
            <p class="result-entities">
                <span class="visually-hidden">"Mentions: "</span>
                {top.into_iter().map(|entity| view! { <EntityLink entity=entity /> }).collect_view()}
            </p>
        }
    })
}
