//! `SiteFooter`: what the page was built from, and the keyboard shortcuts.

use leptos::prelude::*;

use crate::bundle;
use crate::format;

/// The content info: article count, the compiler that built the bundle, and
/// a reminder of the keyboard shortcuts.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let corpus = bundle::corpus();
    let generator = match corpus.meta.generator.as_str() {
        "" => String::new(),
        name => format!(" by {name}"),
    };
    view! {
        <footer class="site-footer">
            <p>
                {format::count_of(corpus.documents.len(), "article", "articles")}
                ", compiled"
                {generator}
                ". Every passage shown links back to the article it comes from."
            </p>
            <p class="shortcuts">
                <kbd>"/"</kbd> " search · " <kbd>"↑"</kbd> <kbd>"↓"</kbd> " choose a result · "
                <kbd>"Enter"</kbd> " open · " <kbd>"Esc"</kbd> " close the article · " <kbd>"n"</kbd> <kbd>"N"</kbd> " next or previous match"
            </p>
        </footer>
    }
}
