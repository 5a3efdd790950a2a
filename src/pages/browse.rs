//! Browsing the corpus: the overview or the search results, beside the facet panel both
//! show. What the two share stays mounted when the first key typed turns the overview into
//! the results (or clearing the query turns them back): the facet panel, the filter chips
//! and the timeline strip. Rebuilding the panel was most of that keystroke (a median of
//! 42 ms at 10,000 articles, against 13 ms for later keys); building the strip anew, with the
//! layout its width forced, was the largest part of what remained.

use leptos::prelude::*;

use crate::components::facet_panel::FacetPanel;
use crate::components::filter_chips::FilterChips;
use crate::components::timeline_strip::TimelineStrip;
use crate::pages::overview::{OverviewArticles, OverviewHeading};
use crate::pages::search::{SearchHeading, SearchResults};
use crate::Page;

/// `.browse-layout`: the facet panel, then one section, `section.browse-main`: `#overview`
/// (labelled by the corpus title) while `page` is the overview, labelled by the results'
/// hidden heading while it is the results. In it, the page's heading, the [`FilterChips`]
/// and the [`TimelineStrip`], then the overview's articles or the results; the overview's
/// parts, once built, are hidden (`div.overview-part[hidden]`) rather than taken down while
/// the results show.
#[component]
pub fn BrowsePage(
    /// The page routed to: the overview or the results.
    page: Memo<Page>,
) -> impl IntoView {
    // A memo, so that typing, which leaves it the results, draws nothing anew.
    let results = Memo::new(move |_| page.with(|page| *page == Page::Results));
    // The overview is built when first shown, then only hidden while the results are: taking
    // its hundred articles down was a third of a query's first key, and building them again
    // is most of clearing the query.
    let overview_built =
        Memo::new(move |built: Option<&bool>| built == Some(&true) || !results.get());
    let overview_articles = move || {
        overview_built.get().then(|| {
            view! {
                <div class="overview-part">
                    <OverviewArticles />
                </div>
            }
        })
    };
    let search_results = move || results.get().then(|| view! { <SearchResults /> });
    // The section's id and label follow the page, and the overview's parts are hidden while
    // the results show. Set by DOM calls, once mounted: as reactive attributes they cost the
    // default site 1.2 KB gzipped.
    crate::effect::effect(move || {
        let results = results.get();
        let Some(section) = document().query_selector(".browse-main").ok().flatten() else {
            return;
        };
        let (label, _) = match results {
            true => ("results-heading", section.remove_attribute("id")),
            false => ("overview-title", section.set_attribute("id", "overview")),
        };
        let _ = section.set_attribute("aria-labelledby", label);
        let parts = section.children();
        for part in (0..parts.length()).filter_map(|i| parts.item(i)) {
            let hidden = match part.class_name().as_str() {
                "overview-part" => results,
                "results-part" => !results,
                _ => continue,
            };
            let _ = part.toggle_attribute_with_force("hidden", hidden);
        }
    });
    view! {
        <div class="browse-layout">
            <FacetPanel />
            <section class="browse-main">
                <div class="overview-part">
                    <OverviewHeading />
                </div>
                <SearchHeading />
                <FilterChips />
                <TimelineStrip />
                {overview_articles}
                {search_results}
            </section>
        </div>
    }
}
