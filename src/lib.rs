//! The Communiqué explorer: a Leptos client-side app over the embedded corpus.
//!
//! `App` reads the route from the URL (`state.rs`), provides the [`AppState`]
//! as context, and shows one [`Page`], chosen by the pure [`page_for`]:
//! the overview, the search results, the reader, the compile report, or
//! "not found". Data comes only from `bundle.rs`.
//!
//! Invariant: corpus text is always rendered as text (via
//! `components::marked_text` or plain text nodes), never as HTML.

use communique_core::{DocId, EntityId};
use leptos::prelude::*;

pub mod bench;
pub mod bundle;
pub mod components;
pub mod dom;
pub mod effect;
pub mod embed;
pub mod format;
pub mod highlight;
pub mod pages;
pub mod shards;
pub mod shortcuts;
pub mod state;
pub mod sw;
pub mod url;
pub mod views;
pub mod visit_export;

use components::open_full::OpenFull;
use components::site_footer::SiteFooter;
use components::site_header::SiteHeader;
use components::update_banner::UpdateBanner;
use pages::browse::BrowsePage;
use pages::embed_builder::EmbedBuilderPage;
use pages::entity::EntityPage;
use pages::map::MapPage;
use pages::not_found::NotFoundPage;
use pages::reader::ReaderPage;
use pages::report::ReportPage;
use pages::timeline::TimelinePage;
use state::{AppState, Route, View};

/// The page a route shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Page {
    /// Nothing typed, no article open: the corpus at a glance.
    Overview,
    /// A query typed or a filter chosen: the results.
    Results,
    /// `view=entity&id=…`: one entity's page.
    Entity(EntityId),
    /// An article open in the reader.
    Reader(DocId),
    /// `view=report`.
    Report,
    /// `view=timeline`: the visits across time.
    Timeline,
    /// `view=map`: where the visits went.
    Map,
    /// `view=network`: who met whom.
    Network,
    /// `view=embed`: the embed builder.
    EmbedBuilder,
    /// A link this build cannot follow, with what went wrong.
    NotFound(String),
}

/// The page for `route`; `find` looks a document id up in the corpus,
/// `find_entity` an entity id.
pub fn page_for(
    route: &Route,
    find: impl Fn(&str) -> Option<DocId>,
    find_entity: impl Fn(&str) -> Option<EntityId>,
) -> Page {
    match &route.view {
        View::Report => Page::Report,
        View::Timeline => Page::Timeline,
        View::Map => Page::Map,
        View::Network => Page::Network,
        View::Embed => Page::EmbedBuilder,
        View::Entity => match route.entity.as_deref().map(|id| (id, find_entity(id))) {
            Some((_, Some(entity))) => Page::Entity(entity),
            Some((id, None)) => Page::NotFound(format!("This corpus has no entity “{id}”.")),
            None => Page::NotFound("This link names no entity (its `id` is missing).".into()),
        },
        View::Unknown(name) => Page::NotFound(format!("This explorer has no “{name}” view.")),
        View::Explore => match &route.doc {
            Some(id) => match find(id) {
                Some(doc) => Page::Reader(doc),
                None => Page::NotFound(format!("This corpus has no article with id “{id}”.")),
            },
            None if !route.shows_results() => Page::Overview,
            None => Page::Results,
        },
    }
}

/// The root component: header, the routed page in `main`, footer.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::install();
    provide_context(state);
    // Offline use and update notices (sw.rs); embed mode when the URL asks for it (embed.rs).
    provide_context(sw::UpdateStatus::install());
    embed::install();
    shortcuts::install(state);
    bench::register();
    components::app_link::mark_links_to_current(state);

    let page = Memo::new(move |_| {
        state.current.with(|route| {
            page_for(
                route,
                |id| bundle::document(id).map(|(doc, _)| doc),
                |id| bundle::entity(id).map(|(entity, _)| entity),
            )
        })
    });
    // The overview and the results are one page to the switch below (`BrowsePage`, which
    // keeps the facet panel they share and tells them apart).
    let shown = Memo::new(move |_| {
        page.with(|page| match page {
            Page::Results => Page::Overview,
            other => other.clone(),
        })
    });
    crate::effect::effect(move || {
        let corpus = bundle::corpus();
        let quoted;
        let name: &str = match page.get() {
            Page::Reader(doc) => &corpus.documents[doc as usize].title,
            Page::Results => match state.query.get().trim() {
                "" => "Filtered articles",
                query => {
                    quoted = format!("“{query}”");
                    &quoted
                }
            },
            Page::Entity(entity) => &corpus.entities[entity as usize].name,
            Page::Report => "Compile report",
            Page::Timeline => "Visits timeline",
            Page::Map => "Map of visits",
            Page::Network => "Who met whom",
            Page::EmbedBuilder => "Embed this view",
            Page::Overview => &corpus.meta.title,
            Page::NotFound(_) => "Not found",
        };
        document().set_title(&format!("{name} · Communiqué"));
    });
    // Effects run once the view is mounted; the corpus was decoded above, so
    // the page is ready for tests and the time-to-interactive bench.
    crate::effect::effect(move || {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-ready", "true");
        }
        // A large corpus's search index is prepared once the first view is painted (the
        // second animation frame from now), in a task of its own (about 25 ms at 10,000
        // articles): the page is usable meanwhile, and the first keystroke finds it ready.
        // A corpus in one bundle was prepared when opened (core's `index/deferred.rs`).
        // Then the shards of a corpus small enough are fetched ahead (`shards::fetch_ahead`),
        // and the service worker, once it controls the page, is given those it missed.
        #[cfg(feature = "sharded")]
        request_animation_frame(|| {
            request_animation_frame(|| {
                bundle::prepare_search();
                crate::shards::fetch_ahead();
                crate::shards::keep_what_bypassed();
            })
        });
    });

    view! {
        <a class="skip-link" href="#main">
            "Skip to content"
        </a>
        <UpdateBanner />
        <OpenFull />
        <SiteHeader />
        <main id="main" tabindex="-1">
            {move || match shown.get() {
                Page::Overview | Page::Results => view! { <BrowsePage page=page /> }.into_any(),
                // Their text and mentions, or the report, may be in shards still to arrive
                // (a large corpus): drawn again when they have (`shards.rs`; nothing to wait
                // for otherwise).
                Page::Reader(doc) => {
                    shards::track();
                    view! { <ReaderPage doc=doc /> }.into_any()
                }
                Page::Entity(entity) => {
                    shards::track();
                    view! { <EntityPage entity=entity /> }.into_any()
                }
                Page::Report => {
                    shards::track();
                    view! { <ReportPage /> }.into_any()
                }
                Page::Timeline => view! { <TimelinePage /> }.into_any(),
                Page::Map => view! { <MapPage network=false /> }.into_any(),
                Page::Network => view! { <MapPage network=true /> }.into_any(),
                Page::EmbedBuilder => view! { <EmbedBuilderPage /> }.into_any(),
                Page::NotFound(message) => view! { <NotFoundPage message=message /> }.into_any(),
            }}
        </main>
        <SiteFooter />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Routes the URL `url` in a corpus of the document (and entity) ids
    /// `ids` and compares the page.
    fn check(url: &str, ids: &[&str], expect: Page) {
        let find = |id: &str| ids.iter().position(|x| *x == id).map(|i| i as DocId);
        assert_eq!(
            page_for(&Route::from_query(url), find, find),
            expect,
            "{url}"
        );
    }

    #[test]
    fn routes() {
        let ids = ["a", "b"];
        check("", &ids, Page::Overview);
        check("?q=+", &ids, Page::Overview);
        check("?q=iran", &ids, Page::Results);
        check("?q=iran&doc=b", &ids, Page::Reader(1));
        check("?doc=a&s=3-9", &ids, Page::Reader(0));
        check("?view=report&q=iran", &ids, Page::Report);
        check("?view=timeline&q=iran&from=2016", &ids, Page::Timeline);
        check("?view=map&q=iran&person=x", &ids, Page::Map);
        check("?view=network&from=2019", &ids, Page::Network);
        check("?view=embed&q=iran", &ids, Page::EmbedBuilder);
        check("?person=x", &ids, Page::Results);
        check("?person=x&doc=a", &ids, Page::Reader(0));
        check("?view=entity&id=b&q=iran", &ids, Page::Entity(1));
        check(
            "?view=entity&id=zzz",
            &ids,
            Page::NotFound("This corpus has no entity “zzz”.".into()),
        );
        check(
            "?view=entity",
            &ids,
            Page::NotFound("This link names no entity (its `id` is missing).".into()),
        );
        check(
            "?doc=zzz",
            &ids,
            Page::NotFound("This corpus has no article with id “zzz”.".into()),
        );
        check(
            "?view=atlas",
            &ids,
            Page::NotFound("This explorer has no “atlas” view.".into()),
        );
    }
}
