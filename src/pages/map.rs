//! The map (`?view=map`) and network (`?view=network`) pages: where the visits that the
//! query, the filters and the dates let through went, and who met whom. Both are drawn by the
//! views that load on demand (`src/views.rs`); this page gives them the marks in view and
//! shows the cards of what a click chose: every visit of a route, a place or a tie, with the
//! sentences that report it; a click on a person or organisation opens its page.

use communique_core::facet::{Facet, FacetCounts, Filters};
use communique_core::query::SortOrder;
use communique_core::{EntityId, Visit};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::bundle;
use crate::components::entity_link::EntityLink;
use crate::components::visit_card::VisitCard;
use crate::state::AppState;

/// The visits a mark's `data-visits` names (their numbers in the corpus, after `p ENTITY `
/// for a place), and the place.
fn read_choice(detail: &str) -> (Option<EntityId>, Vec<&'static Visit>) {
    let visits = &bundle::corpus().visits;
    let (place, rest) = match detail.strip_prefix("p ") {
        Some(rest) => {
            let (place, rest) = rest.split_once(' ').unwrap_or((rest, ""));
            (place.parse().ok(), rest)
        }
        None => (None, detail),
    };
    let visits = (rest.split(' '))
        .filter_map(|w| visits.get(w.parse::<u32>().ok()? as usize))
        .collect();
    (place, visits)
}

/// Appends `field` to the mark line being written in `text`, then a tab: the tabs and line
/// breaks in it made spaces.
fn put(text: &mut String, field: &str) {
    text.extend(field.chars().map(|c| if c < ' ' { ' ' } else { c }));
    text.push('\t');
}

/// Ends the mark line being written in `text`.
fn end_line(text: &mut String) {
    text.pop();
    text.push('\n');
}

/// The marks in view as the views read them (`crates/views/src/marks.rs`, which joins them
/// with what the build wrote of each: core's `export::map_facts`): for the map, `v visit` per
/// visit and `p id articles` per place that the articles in view name; for the `network`,
/// `e id articles` per person or organisation they name.
fn marks_text(visits: &[&'static Visit], counts: &FacetCounts, network: bool) -> String {
    let mut text = String::new();
    let base = bundle::corpus().visits.as_ptr() as usize;
    for &visit in visits {
        let number = (visit as *const Visit as usize - base) / std::mem::size_of::<Visit>();
        put(&mut text, "v");
        put(&mut text, &number.to_string());
        end_line(&mut text);
    }
    for (facet, mark) in [
        (Facet::Places, "p"),
        (Facet::People, "e"),
        (Facet::Organizations, "e"),
    ] {
        if network != (mark == "e") {
            continue;
        }
        for value in counts.get(facet).values.iter().filter(|v| v.count > 0) {
            put(&mut text, mark);
            put(&mut text, &value.key);
            put(&mut text, &value.count.to_string());
            end_line(&mut text);
        }
    }
    text
}

/// The map page (`network` false: `h1#map-heading`, `div#views-map`) or the network page
/// (`h1#network-heading`, `div#views-network`), both filled by the views, and the visit cards
/// of the route, place or tie chosen there.
#[component]
pub fn MapPage(
    /// Whether the page shows the network rather than the map.
    network: bool,
) -> impl IntoView {
    let state = AppState::expect();
    let visits = state.visits();
    let (name, heading) = match network {
        true => ("network", "Who met whom"),
        false => ("map", "Map"),
    };
    let host_id = format!("views-{name}");
    // The chosen mark's `data-visits`; a card's close button clears it, closing them all.
    let chosen = RwSignal::new(None::<String>);
    crate::views::load();
    crate::effect::effect(move || {
        // What the articles in view name: counted over them alone, so that a filter on one
        // person leaves out the people its articles do not name (the facet panel's counts
        // say what a value would add instead).
        let counts = state.filters.with(|filters| {
            state.found.with(|found| {
                if found.ranking().is_none() && filters.is_empty() {
                    return bundle::facet_counts(found, filters);
                }
                let rows = bundle::search(found, SortOrder::Relevance, filters, 0);
                let docs = rows.iter().map(|row| row.doc);
                bundle::facets().counts(docs, &Filters::default())
            })
        });
        // The network draws no visit: its page leaves the memo of visits unread, so a
        // keystroke there does not compute it.
        let text = match network {
            true => marks_text(&[], &counts, true),
            false => visits.with(|v| marks_text(v, &counts, false)),
        };
        let Some(host) = crate::dom::by_id::<web_sys::Element>(&format!("views-{name}")) else {
            return;
        };
        let _ = host.set_attribute("data-marks", &text);
        if let Ok(event) = web_sys::Event::new("communique:marks") {
            let _ = host.dispatch_event(&event);
        }
    });
    // A click (or Enter, which the views turn into a click) on a mark or a route's button.
    let on_click = move |ev: web_sys::MouseEvent| {
        let mark = (ev.target())
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("[data-visits]").ok().flatten());
        if let Some(mark) = mark {
            chosen.set(mark.get_attribute("data-visits"));
        }
        // A person or organisation of the network: its page.
        let entity = (ev.target())
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("[data-entity]").ok().flatten())
            .and_then(|node| node.get_attribute("data-entity"));
        if let Some(id) = entity {
            state.follow(state.current.get_untracked().with_entity(&id));
        }
    };
    let cards = move || {
        let (place, visits) = read_choice(&chosen.get()?);
        // The place's own page, from a place's card.
        let place = place
            .filter(|&id| (id as usize) < bundle::corpus().entities.len())
            .map(|entity| view! { <p class="route-card-about"><EntityLink entity=entity /></p> });
        let cards = (visits.into_iter())
            .map(|visit| view! { <VisitCard visit=visit selected=chosen /> })
            .collect_view();
        Some(view! {
            <section class="route-cards" aria-label="The visits chosen on the map">
                {place}
                {cards}
            </section>
        })
    };
    view! {
        <section class="map-page" aria-labelledby=format!("{name}-heading")>
            <h1 id=format!("{name}-heading")>{heading}</h1>
            <div id=host_id class="views-map" on:click=on_click></div>
            {cards}
        </section>
    }
}
