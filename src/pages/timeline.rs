//! The timeline page (`?view=timeline`): the visits that the search query and
//! the filters let through, drawn across time, with the undated ones listed
//! beside, the card of the chosen visit, and downloads.

use leptos::prelude::*;

use crate::components::app_link::AppLink;
use crate::components::export_buttons::ExportButtons;
use crate::components::show_if::ShowIf;
use crate::components::timeline_chart::TimelineChart;
use crate::components::undated_visits::UndatedVisits;
use crate::components::visit_card::selected_card;
use crate::format;
use crate::state::AppState;

/// The visits view: a count (`#visit-count`), the [`TimelineChart`], the
/// [`UndatedVisits`], the [`VisitCard`](crate::components::visit_card::VisitCard) of the visit chosen, the
/// [`ExportButtons`] and a link to the articles behind the visits shown.
#[component]
pub fn TimelinePage() -> impl IntoView {
    let state = AppState::expect();
    let visits = state.visits();
    let selected = RwSignal::new(None::<String>);
    let count = move || {
        visits.with(|v| {
            let undated = v.iter().filter(|visit| visit.date.is_none()).count();
            let all = format::count_of(v.len(), "visit", "visits");
            match undated {
                0 => all,
                n => format!("{all} ({n} undated)"),
            }
        })
    };
    let card = move || selected_card(selected);
    let results = move || state.current.get().with_filters(state.filters.get());
    let has_search = move || {
        state
            .current
            .with(|r| r.with_filters(r.filters.clone()).shows_results())
    };
    view! {
        <section class="timeline-page" aria-labelledby="timeline-heading">
            <div class="timeline-head">
                <h1 id="timeline-heading">"Visits"</h1>
                <p id="visit-count" aria-live="polite" aria-atomic="true">
                    {count}
                </p>
                <ExportButtons visits=visits />
            </div>
            <div class="timeline-body">
                <TimelineChart visits=visits selected=selected />
                <UndatedVisits visits=visits selected=selected />
            </div>
            {card}
            <ShowIf when=has_search>
                <p class="timeline-results-link">
                    {move || view! {
                        <AppLink to=results()>"The articles behind these visits"</AppLink>
                    }}
                </p>
            </ShowIf>
        </section>
    }
}
