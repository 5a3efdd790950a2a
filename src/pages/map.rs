//! The map page (`?view=map`): where the visits that the query, the filters and the dates let
//! through went. The map itself is drawn by the views that load on demand (`src/views.rs`);
//! this page gives them the marks in view and shows the cards of what a click chose: every
//! visit of a route or to a place, with the sentences that report it.

use communique_core::facet::Facet;
use communique_core::routes::{ends, is_tentative};
use communique_core::{EntityId, Visit};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::bundle;
use crate::components::entity_link::EntityLink;
use crate::components::visit_card::VisitCard;
use crate::format::{self, fixed};
use crate::state::AppState;

/// The element the views draw the map in.
const HOST_ID: &str = "views-map";

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

/// The marks in view as the views read them (`crates/views/src/lib.rs`): a line per visit with
/// both ends placed or (`u`) on no route with why, and a line per place the articles in view
/// name; with what the views' GeoJSON download says of each.
fn marks_text(visits: &[&'static Visit], places: &[(EntityId, u32)]) -> String {
    let corpus = bundle::corpus();
    let mut text = String::new();
    let base = corpus.visits.as_ptr() as usize;
    let entity_id = |id: EntityId| corpus.entities.get(id as usize).map_or("", |e| &*e.id);
    for &visit in visits {
        let number = (visit as *const Visit as usize - base) / std::mem::size_of::<Visit>();
        match ends(corpus, visit) {
            Ok(ends) => {
                put(&mut text, "v");
                put(&mut text, &number.to_string());
                put(&mut text, ends.country);
                put(&mut text, &ends.origin.name);
                put(&mut text, &fixed(ends.origin.lat, 3));
                put(&mut text, &fixed(ends.origin.lon, 3));
                put(&mut text, &ends.destination.to_string());
                put(&mut text, &ends.end.name);
                put(&mut text, &fixed(ends.end.lat, 3));
                put(&mut text, &fixed(ends.end.lon, 3));
                put(&mut text, if is_tentative(visit) { "1" } else { "0" });
            }
            Err(why) => {
                put(&mut text, "u");
                put(&mut text, &format::visit_summary(visit));
                put(&mut text, why.code());
            }
        }
        // What the GeoJSON download says of the visit: its id, traveller, date and the
        // articles that state it.
        put(&mut text, &visit.id);
        put(&mut text, &visit.traveler);
        put(&mut text, &visit.date.map(|d| d.iso()).unwrap_or_default());
        let docs: Vec<&str> = (visit.evidence.iter())
            .filter_map(|e| Some(&*corpus.documents.get(e.source.doc as usize)?.id))
            .collect();
        put(&mut text, &docs.join(" "));
        if let Some(destination) = visit.destination_entity {
            put(&mut text, entity_id(destination));
        }
        end_line(&mut text);
    }
    for &(id, articles) in places {
        let Some(place) = corpus.entities.get(id as usize) else {
            continue;
        };
        if let (Some(lat), Some(lon)) = (place.lat, place.lon) {
            put(&mut text, "p");
            put(&mut text, &id.to_string());
            put(&mut text, &place.name);
            put(&mut text, &fixed(lat, 3));
            put(&mut text, &fixed(lon, 3));
            put(&mut text, &articles.to_string());
            put(&mut text, &place.id);
            put(&mut text, place.country.as_deref().unwrap_or(""));
            end_line(&mut text);
        }
    }
    text
}

/// The map page: `h1#map-heading`, `div#views-map` (filled by the views), and the visit cards
/// of the route or place chosen there.
#[component]
pub fn MapPage() -> impl IntoView {
    let state = AppState::expect();
    let visits = state.visits();
    // The chosen mark's `data-visits`; a card's close button clears it, closing them all.
    let chosen = RwSignal::new(None::<String>);
    crate::views::load();
    crate::effect::effect(move || {
        let counts = state.filters.with(|filters| {
            state
                .found
                .with(|found| bundle::facet_counts(found, filters))
        });
        let places: Vec<(EntityId, u32)> = (counts.get(Facet::Places).values.iter())
            .filter(|value| value.count > 0)
            .filter_map(|value| Some((bundle::entity(&value.key)?.0, value.count)))
            .collect();
        let text = visits.with(|v| marks_text(v, &places));
        let Some(host) = crate::dom::by_id::<web_sys::Element>(HOST_ID) else {
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
        <section class="map-page" aria-labelledby="map-heading">
            <h1 id="map-heading">"Map"</h1>
            <div id=HOST_ID class="views-map" on:click=on_click></div>
            {cards}
        </section>
    }
}
