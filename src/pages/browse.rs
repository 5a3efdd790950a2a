//! Browsing the corpus: the overview or the search results, beside the facet panel both
//! show. The panel stays mounted when the first key typed turns the overview into the
//! results (or clearing the query turns them back): rebuilding it was most of that
//! keystroke (a median of 42 ms at 10,000 articles, against 13 ms for later keys).

use leptos::prelude::*;

use crate::components::facet_panel::FacetPanel;
use crate::pages::overview::OverviewPage;
use crate::pages::search::SearchPage;
use crate::Page;

/// `.browse-layout`: the facet panel, then [`SearchPage`] while `page` is the results,
/// else [`OverviewPage`].
#[component]
pub fn BrowsePage(
    /// The page routed to: the overview or the results (a memo, so that typing, which
    /// leaves it the results, does not draw them anew).
    page: Memo<Page>,
) -> impl IntoView {
    view! {
        <div class="browse-layout">
            <FacetPanel />
            {move || match page.with(|page| *page == Page::Results) {
                true => view! { <SearchPage /> }.into_any(),
                false => view! { <OverviewPage /> }.into_any(),
            }}
        </div>
    }
}
