//! The entity page (`?view=entity&id=…`): who or what an entity is, the roles
//! stated for it, the places it travelled to and whom it met there (each linking to its
//! sentence), the articles and sentences that mention it, the entities most often mentioned
//! with it, and a button that filters the search by it.

use communique_core::facet::{entity_documents, Facet};
use communique_core::{EntityId, EntityKind, SourceRef, Span};
use leptos::prelude::*;

use crate::bundle;
use crate::components::app_link::AppLink;
use crate::components::doc_date::DocDate;
use crate::components::entity_link::EntityLink;
use crate::components::marked_text::MarkedText;
use crate::components::mention_text::kind_label;
use crate::format;
use crate::state::{AppState, Route};

/// How many articles the page lists, those that mention the entity most.
const ENTITY_ARTICLES: usize = 25;

/// How many co-mentioned entities the page lists.
const RELATED_LIMIT: usize = 12;

/// The sentence a fact's evidence lies in (the evidence itself when it lies
/// outside every sentence): what a `s=` link marks in the reader.
pub fn evidence_sentence(source: SourceRef) -> Span {
    bundle::corpus()
        .documents
        .get(source.doc as usize)
        .and_then(|doc| doc.sentence_at(source.span.start).map(|i| doc.sentences[i]))
        .unwrap_or(source.span)
}

/// A route opening the reader at `span` of document `doc`, keeping the
/// query and filters.
fn cite_route(from: &Route, doc: communique_core::DocId, span: Span) -> Route {
    let id = &bundle::corpus().documents[doc as usize].id;
    Route {
        cite: Some(span),
        ..from.with_doc(id)
    }
}

/// Coordinates as people read them: `35.69° N, 51.39° E`.
pub fn coordinates(lat: f64, lon: f64) -> String {
    let ns = if lat < 0.0 { 'S' } else { 'N' };
    let ew = if lon < 0.0 { 'W' } else { 'E' };
    format!(
        "{}° {ns}, {}° {ew}",
        format::fixed(lat.abs(), 2),
        format::fixed(lon.abs(), 2)
    )
}

/// `article#entity.entity-page[data-entity]`: `h1#entity-name`, `.entity-facts`
/// (kind, country, coordinates, aliases), `button#filter-by-entity`, an `ol.entity-roles` for
/// each of the roles, the places travelled to and whom it met (each in a section labelled by
/// `#entity-roles-heading`, `#entity-travels-heading` or `#entity-met-heading`),
/// `ol.entity-documents` with `.mention-sentence` links, and `ul.entity-related`.
#[component]
pub fn EntityPage(
    /// The entity to show.
    entity: EntityId,
) -> impl IntoView {
    let state = AppState::expect();
    let corpus = bundle::corpus();
    let item = &corpus.entities[entity as usize];
    let here = state.current.get_untracked();

    let back_to = Route {
        view: crate::state::View::Explore,
        entity: None,
        ..here.clone()
    };
    let back_label = if back_to.shows_results() {
        "← Back to results"
    } else {
        "← Back to overview"
    };
    let facet = Facet::of_kind(item.kind);
    let filter_to = here.adding_filter(facet, &item.id);
    let filter_by = move |_| state.follow(filter_to.clone());

    let country = item
        .country
        .as_deref()
        .filter(|c| *c != item.name)
        .map(|c| view! { <li class="entity-country">"Country: " {c}</li> });
    let place = match (item.kind, item.lat, item.lon) {
        (EntityKind::Place, Some(lat), Some(lon)) => Some(view! {
            <li class="entity-coordinates">"Coordinates: " {coordinates(lat, lon)}</li>
        }),
        _ => None,
    };
    let aliases = (!item.aliases.is_empty()).then(|| {
        view! { <li class="entity-aliases">"Also named: " {item.aliases.join(", ")}</li> }
    });

    // The roles stated for the entity, the visits it made and whom it met on them (as the
    // traveller, its hosts; as a host, the traveller): a section each, a row a fact, with
    // when and the sentence that states it.
    let named = |name: &String| *name == *item.name || item.aliases.contains(name);
    let mut facts: [Vec<(String, String, SourceRef)>; 3] = Default::default();
    for role in &item.roles {
        let as_of = match role.as_of {
            Some(date) => format!("as of {}", format::human_date(Some(date))),
            None => "date not stated".to_string(),
        };
        facts[0].push((role.title.clone(), as_of, role.source));
    }
    for visit in &corpus.visits {
        let travelled = visit.traveler_entity == Some(entity);
        let Some(evidence) = visit.evidence.first() else {
            continue;
        };
        if !travelled && !visit.hosts.iter().any(named) {
            continue;
        }
        let (when, source) = (format::visit_dates(visit), evidence.source);
        if travelled {
            facts[1].push((visit.destination.clone(), when.clone(), source));
            for host in &visit.hosts {
                facts[2].push((host.clone(), when.clone(), source));
            }
        } else {
            facts[2].push((visit.traveler.clone(), when, source));
        }
    }
    let mut sections = Vec::new();
    for (rows, (id, title)) in facts.into_iter().zip([
        ("entity-roles-heading", "Roles"),
        ("entity-travels-heading", "Travelled to"),
        ("entity-met-heading", "Met with"),
    ]) {
        if rows.is_empty() {
            continue;
        }
        let rows = (rows.into_iter())
            .map(|(what, when, source)| {
                let to = cite_route(&here, source.doc, evidence_sentence(source));
                let article = &corpus.documents[source.doc as usize];
                view! {
                    <li class="entity-role">
                        <span class="role-title">{what}</span>
                        <span class="role-as-of">{when}</span>
                        <AppLink to=to class="role-source" title=&*article.title>
                            "source sentence"
                        </AppLink>
                    </li>
                }
            })
            .collect_view();
        sections.push(
            view! {
                <section class="entity-section" aria-labelledby=id>
                    <h2 id=id>{title}</h2>
                    <ol class="entity-roles">{rows}</ol>
                </section>
            }
            .into_any(),
        );
    }

    // The articles most about the entity: an entity of a large corpus is in thousands, and
    // each listed article's text is read (in the sharded layout, fetched). The summary says
    // how many there are, and the filter button above lists them all as results.
    let found = entity_documents(corpus, entity, ENTITY_ARTICLES);
    let summary = format!(
        "{} in {}",
        format::count_of(found.mentions, "mention", "mentions"),
        format::count_of(found.articles, "article", "articles")
    );
    let document_rows = found
        .documents
        .into_iter()
        .map(|found| {
            let article = &corpus.documents[found.doc as usize];
            let sentences = found
                .sentences
                .into_iter()
                .map(|sentence| {
                    let to = cite_route(&here, found.doc, sentence.span);
                    view! {
                        <li>
                            <AppLink to=to class="mention-sentence">
                                <MarkedText
                                    text=&article.text
                                    within=sentence.span
                                    marks=sentence.mentions
                                />
                            </AppLink>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li class="entity-document" data-doc=&*article.id>
                    <h3 class="entity-document-title">
                        <AppLink to=here.with_doc(&article.id)>{&*article.title}</AppLink>
                    </h3>
                    <p class="entity-document-meta">
                        <DocDate date=article.date />
                        {article.source.as_deref().map(|s| view! { <span>{s}</span> })}
                        <span>{format::count_of(found.mentions as usize, "mention", "mentions")}</span>
                    </p>
                    <ul class="mention-sentences">{sentences}</ul>
                </li>
            }
        })
        .collect_view();

    let related = bundle::facets().co_mentioned(entity, RELATED_LIMIT);
    let related = (!related.is_empty()).then(|| {
        let rows = related
            .into_iter()
            .map(|other| {
                let together = if other.sentences > 0 {
                    format::count_of(other.sentences as usize, "sentence", "sentences")
                } else {
                    format::count_of(other.documents as usize, "article", "articles")
                };
                view! {
                    <li>
                        <EntityLink entity=other.entity />
                        <span class="related-count">{together}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="entity-section" aria-labelledby="entity-related-heading">
                <h2 id="entity-related-heading">"Often mentioned with"</h2>
                <ul class="entity-related">{rows}</ul>
            </section>
        }
    });

    view! {
        <article
            id="entity"
            class=format!("entity-page kind-{}", item.kind.as_str())
            aria-labelledby="entity-name"
            data-entity=&*item.id
        >
            <nav class="entity-nav" aria-label="Entity">
                <AppLink to=back_to class="back-link">{back_label}</AppLink>
            </nav>
            <p class="entity-kind">{kind_label(item.kind)}</p>
            <h1 id="entity-name" tabindex="-1">{&*item.name}</h1>
            <ul class="entity-facts">{country} {place} {aliases}</ul>
            <p class="entity-summary">{summary}</p>
            <button type="button" id="filter-by-entity" class="filter-by" on:click=filter_by>
                {format!("Show articles mentioning {}", item.name)}
            </button>
            {sections}
            <section class="entity-section" aria-labelledby="entity-documents-heading">
                <h2 id="entity-documents-heading">"Mentioned most in"</h2>
                <ol class="entity-documents">{document_rows}</ol>
            </section>
            {related}
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(lat: f64, lon: f64, expect: &str) {
        assert_eq!(coordinates(lat, lon), expect);
    }

    #[test]
    fn coordinates_read_with_hemispheres() {
        check(35.6892, 51.389, "35.69° N, 51.39° E");
        check(-33.8688, -70.6693, "33.87° S, 70.67° W");
        check(0.0, 0.0, "0.00° N, 0.00° E");
    }
}
