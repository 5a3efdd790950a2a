//! `EntityLink`: a small link to an entity's page, marked by kind.

use communique_core::EntityId;
use leptos::prelude::*;

use crate::bundle;
use crate::components::app_link::AppLink;
use crate::components::mention_text::mention_description;
use crate::state::AppState;

/// `span.entity-link.kind-<kind>` holding a link to the page of `entity`
/// (`?view=entity&id=…`, keeping the query and filters), its text the
/// canonical name, its `title` the name, kind and role.
#[component]
pub fn EntityLink(
    /// The entity to link to.
    entity: EntityId,
) -> impl IntoView {
    let state = AppState::expect();
    let entity = &bundle::corpus().entities[entity as usize];
    let to = state.current.get_untracked().with_entity(&entity.id);
    view! {
        <span class=format!("entity-link kind-{}", entity.kind.as_str())>
            <AppLink
                to=to
                title=mention_description(entity)
                entity=&*entity.id
            >
                {&*entity.name}
            </AppLink>
        </span>
    }
}
