//! `TimelineStrip`: a compact timeline above the search results, so a search
//! shows at once when the visits it concerns took place, and a drag across it
//! narrows the results to a stretch of time.

use leptos::prelude::*;

use crate::components::app_link::AppLink;
use crate::components::show_if::ShowIf;
use crate::components::timeline_chart::TimelineChart;
use crate::components::visit_card::selected_card;
use crate::format;
use crate::state::{AppState, View};

/// `section.timeline-strip`: the visits of the current query and filters as a
/// compact [`TimelineChart`], a link to the full timeline, and the card of a
/// visit chosen in it; nothing when no visit matches and no range is set.
#[component]
pub fn TimelineStrip() -> impl IntoView {
    let state = AppState::expect();
    let visits = state.visits();
    let selected = RwSignal::new(None::<String>);
    let shown = move || {
        visits.with(|v| v.iter().any(|visit| visit.date.is_some()))
            || state.filters.with(|f| f.dates.is_set())
    };
    let full = move |view: View| {
        let mut route = state.current.get();
        route.view = view;
        route.doc = None;
        route.cite = None;
        route
    };
    let card = move || selected_card(selected);
    view! {
        <ShowIf when=shown>
            <section class="timeline-strip" aria-labelledby="strip-heading">
                <h2 id="strip-heading">
                    {move || visits.with(|v| format::count_of(v.len(), "visit", "visits"))}
                    " "
                    {move || view! { <AppLink to=full(View::Timeline) class="strip-full-link">"open the timeline"</AppLink> }}
                    " · "
                    {move || view! { <AppLink to=full(View::Map) class="strip-map-link">"on the map"</AppLink> }}
                </h2>
                <TimelineChart visits=visits selected=selected compact=true />
                {card}
            </section>
        </ShowIf>
    }
}
