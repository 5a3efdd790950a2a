//! `VisitCard`: one visit in full: who went where and when, the hosts, the
//! inviter, the purpose, the status, and every sentence that reports it, each
//! linking to its article with the sentence marked.

use communique_core::{DateBasis, Visit};
use leptos::prelude::*;

use crate::bundle;
use crate::components::app_link::AppLink;
use crate::format;
use crate::format::visit_dates;
use crate::state::AppState;

/// The card of `visit` (`section.visit-card`), with a close button that
/// clears `selected`.
#[component]
pub fn VisitCard(
    /// The visit shown.
    visit: &'static Visit,
    /// The open card's visit id; closing sets it to `None`.
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = AppState::expect();
    let corpus = bundle::corpus();
    let field = |label: &'static str, value: Option<String>| {
        value.filter(|v| !v.is_empty()).map(|value| {
            view! {
                <dt>{label}</dt>
                <dd>{value}</dd>
            }
        })
    };
    let destination = match &visit.country {
        Some(country) if *country != visit.destination => {
            format!("{}, {country}", visit.destination)
        }
        _ => visit.destination.clone(),
    };
    let evidence = visit
        .evidence
        .iter()
        .filter_map(|evidence| {
            let doc = corpus.documents.get(evidence.source.doc as usize)?;
            let sentence = doc.text.get(evidence.source.span.range())?.to_string();
            let mut to = state.current.get_untracked().with_doc(&doc.id);
            to.cite = Some(evidence.source.span);
            let meta = format!("{} · {}", doc.title, format::human_date(doc.date));
            Some(view! {
                <li class="visit-evidence">
                    <blockquote>
                        <AppLink to=to class="visit-evidence-link">
                            {sentence}
                        </AppLink>
                    </blockquote>
                    <p class="visit-evidence-meta">
                        {meta}
                        <span class="visit-rule" title="The extraction rule that read this sentence">
                            {format!("rule: {}", evidence.rule)}
                        </span>
                    </p>
                </li>
            })
        })
        .collect_view();
    let heading = format!("{} → {}", visit.traveler, visit.destination);
    let aria = heading.clone();
    view! {
        <section class="visit-card" aria-label=aria data-visit=visit.id.clone()>
            <header class="visit-card-head">
                <h2>{heading}</h2>
                <button
                    type="button"
                    class="visit-card-close"
                    aria-label="Close the visit card"
                    on:click=move |_| selected.set(None)
                >
                    "×"
                </button>
            </header>
            <dl class="visit-facts">
                {field("Traveler", Some(visit.traveler.clone()))}
                {field("Role", visit.traveler_role.clone())}
                {field("Representing", visit.traveler_country.clone())}
                {field("Destination", Some(destination))}
                {field("Date", Some(visit_dates(visit)))}
                {field("Date from", visit.date_basis.map(|b| date_basis_text(b).to_string()))}
                {field("Status", Some(visit.status.as_str().to_string()))}
                {field("Hosts", Some(visit.hosts.join(", ")))}
                {field("Invited by", visit.inviter.clone())}
                {field("Purpose", visit.purpose.clone())}
            </dl>
            <h3>{format::count_of(visit.evidence.len(), "source sentence", "source sentences")}</h3>
            <ul class="visit-evidence-list">{evidence}</ul>
        </section>
    }
}

/// Why the card shows the date it shows.
fn date_basis_text(basis: DateBasis) -> &'static str {
    match basis {
        DateBasis::Stated => "a date stated in the text",
        DateBasis::Relative => {
            "a time the text gives relative to the report's date (\"on Tuesday\", \"last month\")"
        }
        DateBasis::Publication => {
            "no date is stated: the date of the report, for the days around it"
        }
    }
}

/// The card of the visit whose id `selected` holds, or nothing: the body of a
/// view closure, so the card follows the selection.
pub fn selected_card(selected: RwSignal<Option<String>>) -> Option<impl IntoView> {
    let id = selected.get()?;
    let visit = bundle::corpus().visits.iter().find(|v| v.id == id)?;
    Some(view! { <VisitCard visit=visit selected=selected /> })
}
