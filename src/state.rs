//! App-wide state: the [`Route`] (what the page shows) mirrored to the URL's
//! query string, and the [`AppState`] handle that reads and changes it.
//!
//! Invariant: the URL is the truth. Every view the app can show is a [`Route`],
//! and every [`Route`] round-trips through [`Route::to_query`] /
//! [`Route::from_query`], so a copied link reproduces the view and back/forward
//! restore it. Routing uses query parameters, never paths, so the built folder
//! works under any sub-path without server rewrites.
//!
//! History: [`AppState::navigate`] pushes or replaces one entry; typing replaces
//! the entry (one per search session, not one per keystroke), written once typing
//! pauses for [`REPLACE_PAUSE`] (or before the next push, or when the page is left);
//! opening an article or changing view pushes one; `popstate` (installed by
//! [`AppState::install`]) restores the route from the URL.
//!
//! Components never hold the route's write half: they read narrow memos
//! ([`AppState::query`], [`AppState::doc`], …) so that a change of one parameter
//! re-renders only what depends on it, and change the route through the
//! intention-named methods below.
//!
//! How to add a view (say `?view=timeline`): add a variant to [`View`] and its
//! name in [`View::name`] and [`View::from_name`]; add its page under
//! `src/pages/` and a match arm in `lib.rs`'s `Page`; add a row to the
//! `urls_round_trip` test. How to add a parameter (say `entity=person/x`): add a
//! field to [`Route`], read it in [`Route::from_query`] and write it in
//! [`Route::to_query`] (both in `url.rs`, which owns every parameter's name and
//! form; omit it when empty, so URLs stay short), add a memo to [`AppState`] if
//! components need it alone, and add test rows.

use communique_core::facet::{DateRange, Facet, Filters};
use communique_core::{SortOrder, Span};
use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::bundle::{self, Found, ResultRow};

/// How long a replacing navigation (typing) waits for the next before it writes the
/// address: `history.replaceState` took 2 ms of every keystroke, the largest single step of
/// one, and Safari refuses more than 100 calls in 30 seconds.
const REPLACE_PAUSE: std::time::Duration = std::time::Duration::from_millis(250);

thread_local! {
    /// The entry state and address a replacing navigation has still to write.
    static UNWRITTEN: RefCell<Option<(JsValue, String)>> = const { RefCell::new(None) };
}

/// Writes the replacement [`UNWRITTEN`] holds, if any: when typing pauses, before any
/// entry is pushed (so entries keep their order), and when the page is left.
fn write_unwritten() {
    if let Some((entry_state, url)) = UNWRITTEN.with(|unwritten| unwritten.take()) {
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&entry_state, "", Some(&url));
        }
    }
}

/// How many results the list shows at first, and adds per "Show more": a screen
/// and a half at 1280 × 800, so that each keystroke rebuilds only rows a reader can
/// see (every row's passages and marks change with the query).
pub const RESULTS_PAGE: usize = 10;

/// Which page the app shows, from the `view` URL parameter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// No `view` parameter: the overview, the search results or the reader.
    #[default]
    Explore,
    /// `view=report`: what became of every input file.
    Report,
    /// `view=entity&id=…`: one person, organisation or place.
    Entity,
    /// `view=timeline`: the visits across time.
    Timeline,
    /// `view=map`: the visits' routes and the places named, on a world map.
    Map,
    /// `view=network`: who met whom, the people and organisations tied by visits and
    /// sentences.
    Network,
    /// `view=embed`: the embed builder, for the view the other parameters describe.
    Embed,
    /// A `view` this build does not know (an old or mistyped link).
    Unknown(String),
}

impl View {
    /// The value of the `view` parameter, `None` for the default view.
    pub fn name(&self) -> Option<&str> {
        match self {
            View::Explore => None,
            View::Report => Some("report"),
            View::Entity => Some("entity"),
            View::Timeline => Some("timeline"),
            View::Map => Some("map"),
            View::Network => Some("network"),
            View::Embed => Some("embed"),
            View::Unknown(name) => Some(name),
        }
    }

    /// The view named by a `view` parameter.
    pub fn from_name(name: &str) -> View {
        match name {
            "" => View::Explore,
            "report" => View::Report,
            "entity" => View::Entity,
            "timeline" => View::Timeline,
            "map" => View::Map,
            "network" => View::Network,
            "embed" => View::Embed,
            other => View::Unknown(other.to_string()),
        }
    }
}

/// Everything the URL says about the page: one value per query parameter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Route {
    /// `view`: which page.
    pub view: View,
    /// `q`: the search text, exactly as typed.
    pub query: String,
    /// `sort`: the order of the results.
    pub sort: SortOrder,
    /// `doc`: the id of the article open in the reader.
    pub doc: Option<String>,
    /// `s=START-END`: a byte span of the open article to mark and scroll to.
    pub cite: Option<Span>,
    /// `id`: the entity shown by `view=entity` (`person/…`, `place/…`, …).
    pub entity: Option<String>,
    /// `person`, `org`, `place`, `source`, `year`, `from`, `to`: the facet
    /// filters (their URL form is in `url.rs` too).
    pub filters: Filters,
}

impl Route {
    /// The href of a link to this route: its query string, or `./` for the
    /// default route (an empty href would keep the current query).
    pub fn href(&self) -> String {
        match self.to_query() {
            query if query.is_empty() => "./".to_string(),
            query => query,
        }
    }

    /// This route with `doc` open in the reader (dropping any cited span and view).
    pub fn with_doc(&self, doc: &str) -> Route {
        Route {
            view: View::Explore,
            doc: Some(doc.to_string()),
            cite: None,
            entity: None,
            ..self.clone()
        }
    }

    /// This route with the reader closed: back to the results or the overview.
    pub fn without_doc(&self) -> Route {
        Route {
            doc: None,
            cite: None,
            ..self.clone()
        }
    }

    /// Whether this route shows the search results (a query or a filter, no
    /// article, default view): filters alone browse the corpus.
    pub fn shows_results(&self) -> bool {
        self.view == View::Explore
            && self.doc.is_none()
            && (!self.query.trim().is_empty() || !self.filters.is_empty())
    }

    /// This route showing the page of the entity `id` (keeping query and filters,
    /// so "back to results" and "filter by this" keep the user's search).
    pub fn with_entity(&self, id: &str) -> Route {
        Route {
            view: View::Entity,
            entity: Some(id.to_string()),
            doc: None,
            cite: None,
            ..self.clone()
        }
    }

    /// This route showing the results under `filters` (leaving any article or entity page).
    pub fn with_filters(&self, filters: Filters) -> Route {
        Route {
            view: View::Explore,
            doc: None,
            cite: None,
            entity: None,
            filters,
            ..self.clone()
        }
    }

    /// This route's results with `key` of `facet` selected too.
    pub fn adding_filter(&self, facet: Facet, key: &str) -> Route {
        let mut filters = self.filters.clone();
        filters.insert(facet, key);
        self.with_filters(filters)
    }
}

/// How a navigation changes the browser history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryMode {
    /// A new entry: back returns to the current view.
    Push,
    /// Overwrite the current entry (refining a search).
    Replace,
}

/// The `history.state` of entries the app pushed itself when opening an
/// article, so closing the reader can step back instead of pushing.
const OPENED_IN_APP: f64 = 1.0;

/// The app-wide state handle, provided as context by `App`: cheap to copy,
/// read through narrow memos, changed through the methods below.
#[derive(Clone, Copy)]
pub struct AppState {
    route: RwSignal<Route>,
    /// The whole route, read-only.
    pub current: Memo<Route>,
    /// The search text (`q`).
    pub query: Memo<String>,
    /// The result order (`sort`).
    pub sort: Memo<SortOrder>,
    /// The id of the open article (`doc`).
    pub doc: Memo<Option<String>>,
    /// The cited span of the open article (`s`).
    pub cite: Memo<Option<Span>>,
    /// The page (`view`).
    pub view: Memo<View>,
    /// The entity of the entity page (`id`).
    pub entity: Memo<Option<String>>,
    /// The facet filters (`person`, `org`, `place`, `source`, `year`, `from`, `to`).
    pub filters: Memo<Filters>,
    /// The query prepared and searched once per change of the text (`q`);
    /// results, facet counts, the timeline and the reader all read it.
    pub found: Memo<Found>,
    /// The results of the current query in the current order (empty for an
    /// empty query); computed only while something reads them.
    pub results: Memo<Vec<ResultRow>>,
    /// The result chosen with the arrow keys, cleared when the results change.
    pub active: RwSignal<Option<usize>>,
    /// How many results the list shows (grows by [`RESULTS_PAGE`]).
    pub shown: RwSignal<usize>,
}

impl AppState {
    /// State starting at `route` (read from the URL at start-up).
    pub fn new(route: Route) -> AppState {
        let route = RwSignal::new(route);
        let query = Memo::new(move |_| route.with(|r| r.query.clone()));
        let sort = Memo::new(move |_| route.with(|r| r.sort));
        let filters = Memo::new(move |_| route.with(|r| r.filters.clone()));
        let found = Memo::new(move |_| query.with(|q| bundle::find(q)));
        let shown = RwSignal::new(RESULTS_PAGE);
        AppState {
            route,
            current: Memo::new(move |_| route.get()),
            query,
            sort,
            doc: Memo::new(move |_| route.with(|r| r.doc.clone())),
            cite: Memo::new(move |_| route.with(|r| r.cite)),
            view: Memo::new(move |_| route.with(|r| r.view.clone())),
            entity: Memo::new(move |_| route.with(|r| r.entity.clone())),
            filters,
            found,
            results: Memo::new(move |_| {
                let (sort, shown) = (sort.get(), shown.get());
                filters.with(|f| found.with(|found| bundle::search(found, sort, f, shown)))
            }),
            active: RwSignal::new(None),
            shown,
        }
    }

    /// Shows `route` without touching history; a new query or order starts
    /// the result list afresh.
    fn show(&self, route: Route) {
        let fresh = self.route.with_untracked(|r| {
            r.query != route.query || r.sort != route.sort || r.filters != route.filters
        });
        if fresh {
            self.active.set(None);
            self.shown.set(RESULTS_PAGE);
        }
        self.route.set(route);
    }

    /// State read from the browser's current URL, with `popstate` restoring it.
    pub fn install() -> AppState {
        let state = AppState::new(Route::from_query(&current_search()));
        // The app lives as long as the page, so the listener is never removed.
        let _listener = window_event_listener(leptos::ev::popstate, move |_| {
            // The entry left behind keeps its address: a replacement not yet written was for it.
            UNWRITTEN.with(|unwritten| unwritten.take());
            state.show(Route::from_query(&current_search()));
        });
        let _listener = window_event_listener(leptos::ev::pagehide, |_| write_unwritten());
        state
    }

    /// The state provided by `App`; every component below it can call this.
    pub fn expect() -> AppState {
        expect_context::<AppState>()
    }

    /// The visits the query and filters let through (`bundle::visits`), kept
    /// current as either changes; the timeline page and strip draw them.
    pub fn visits(self) -> Memo<Vec<&'static communique_core::Visit>> {
        Memo::new_with_compare(
            move |_| {
                self.filters.with(|filters| {
                    self.found
                        .with(|found| crate::bundle::visits(found, filters))
                })
            },
            visits_changed,
        )
    }

    /// Shows `route`, recording it in the browser history as `mode` says.
    pub fn navigate(&self, route: Route, mode: HistoryMode) {
        self.navigate_with_state(route, mode, JsValue::NULL);
    }

    fn navigate_with_state(&self, route: Route, mode: HistoryMode, entry_state: JsValue) {
        if self.route.with_untracked(|r| *r == route) {
            return;
        }
        let url = match route.to_query() {
            // An empty query string must still drop the old one.
            query if query.is_empty() => window().location().pathname().unwrap_or_default(),
            query => query,
        };
        // An embedded page stays embedded across navigation and reloads (see embed.rs).
        let url = crate::embed::keep_in_url(url);
        // Failing to record history (e.g. a sandboxed frame) must not stop the page from
        // showing the route: the view still changes.
        match mode {
            HistoryMode::Push => {
                write_unwritten();
                if let Ok(history) = window().history() {
                    let _ = history.push_state_with_url(&entry_state, "", Some(&url));
                }
            }
            HistoryMode::Replace => {
                let waiting =
                    UNWRITTEN.with(|unwritten| unwritten.replace(Some((entry_state, url))));
                if waiting.is_none() {
                    set_timeout(write_unwritten, REPLACE_PAUSE);
                }
            }
        }
        self.show(route);
    }

    /// Sets the search text as the user types. The first keystroke of a search
    /// pushes an entry (so back returns to the overview or article); later ones
    /// replace it, so back does not step through every prefix.
    pub fn set_query(&self, text: String) {
        let current = self.route.get_untracked();
        let mode = if current.shows_results() {
            HistoryMode::Replace
        } else {
            HistoryMode::Push
        };
        let route = Route {
            view: View::Explore,
            query: text,
            doc: None,
            cite: None,
            entity: None,
            ..current
        };
        self.navigate(route, mode);
    }

    /// Changes the order of the results (a new history entry).
    pub fn set_sort(&self, sort: SortOrder) {
        let route = Route {
            sort,
            ..self.route.get_untracked()
        };
        self.navigate(route, HistoryMode::Push);
    }

    /// Opens an article in the reader, keeping the query so its matches are marked.
    pub fn open_doc(&self, doc: &str) {
        let route = self.route.get_untracked().with_doc(doc);
        self.navigate_with_state(route, HistoryMode::Push, JsValue::from_f64(OPENED_IN_APP));
    }

    /// Closes the reader: steps back when the app opened it (so forward reopens
    /// it), otherwise pushes the results or overview.
    pub fn close_doc(&self) {
        let current = self.route.get_untracked();
        if current.doc.is_none() {
            return;
        }
        let history = window().history().ok();
        let opened_here = history
            .as_ref()
            .and_then(|h| h.state().ok())
            .and_then(|s| s.as_f64())
            == Some(OPENED_IN_APP);
        match history {
            // popstate then restores the previous route.
            Some(history) if opened_here && history.back().is_ok() => {}
            _ => self.navigate(current.without_doc(), HistoryMode::Push),
        }
    }

    /// Opens the result at `index` of the current results, if there is one.
    pub fn open_result(&self, index: usize) {
        let doc = self
            .results
            .with_untracked(|rows| rows.get(index).map(|r| r.doc));
        if let Some(doc) = doc {
            self.open_doc(&bundle::corpus().documents[doc as usize].id);
        }
    }

    /// Shows the results under `filters` instead of the current ones (a new
    /// history entry, so back undoes a filter change).
    pub fn set_filters(&self, filters: Filters) {
        let route = self.route.get_untracked().with_filters(filters);
        self.navigate(route, HistoryMode::Push);
    }

    /// Sets the date range (`from`/`to`, from the timeline's brush; unset
    /// clears it): the timeline view stays on screen, elsewhere the results
    /// show under the range. A new history entry, so back undoes it.
    pub fn set_date_range(&self, range: DateRange) {
        let current = self.route.get_untracked();
        let mut filters = current.filters.clone();
        filters.dates = range;
        let route = match current.view {
            View::Timeline => Route { filters, ..current },
            _ => current.with_filters(filters),
        };
        self.navigate(route, HistoryMode::Push);
    }

    /// Selects or deselects `key` of `facet` (a facet checkbox).
    pub fn toggle_filter(&self, facet: Facet, key: &str) {
        let mut filters = self.filters.get_untracked();
        filters.toggle(facet, key);
        self.set_filters(filters);
    }

    /// Follows an in-app link to `route` (a new history entry), as a click on
    /// an `AppLink` does.
    pub fn follow(&self, route: Route) {
        if route.doc.is_some() && route.doc != self.route.get_untracked().doc {
            self.navigate_with_state(route, HistoryMode::Push, JsValue::from_f64(OPENED_IN_APP));
        } else {
            self.navigate(route, HistoryMode::Push);
        }
    }
}

/// The current URL's query string (`location.search`), `""` when unreadable.
/// Whether a memo of visits changed: compared as the corpus's visits they point to, not
/// field by field, which is as fast as comparing ids (the derived comparison of visits cost
/// the site 500 bytes).
pub fn visits_changed(
    old: Option<&Vec<&'static communique_core::Visit>>,
    new: Option<&Vec<&'static communique_core::Visit>>,
) -> bool {
    old.zip(new).is_none_or(|(old, new)| {
        old.len() != new.len() || old.iter().zip(new).any(|(a, b)| !std::ptr::eq(*a, *b))
    })
}

fn current_search() -> String {
    window().location().search().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The route's fields in debug form; the entity and the filters (as URL
    /// pairs) follow only when set, so rows without them stay short.
    fn describe(route: &Route) -> String {
        let Route {
            view,
            query,
            sort,
            doc,
            cite,
            entity,
            filters,
        } = route;
        let mut out = format!(
            "Route {{ view: {view:?}, query: {query:?}, sort: {sort:?}, doc: {doc:?}, cite: {cite:?} }}"
        );
        if let Some(entity) = entity {
            out += &format!(" entity={entity}");
        }
        for (param, value) in crate::url::filters_to_pairs(filters) {
            out += &format!(" {param}={value}");
        }
        out
    }

    /// Reads `url`, checks the route's description, then checks it writes back as `canonical`.
    fn check(url: &str, expect: &str, canonical: &str) {
        let route = Route::from_query(url);
        assert_eq!(describe(&route), expect, "reading {url}");
        assert_eq!(route.to_query(), canonical, "writing {url}");
        assert_eq!(
            Route::from_query(canonical),
            route,
            "re-reading {canonical}"
        );
    }

    #[test]
    fn urls_round_trip() {
        check(
            "",
            r#"Route { view: Explore, query: "", sort: Relevance, doc: None, cite: None }"#,
            "",
        );
        check(
            "?q=iran+russia&sort=newest",
            r#"Route { view: Explore, query: "iran russia", sort: Newest, doc: None, cite: None }"#,
            "?q=iran+russia&sort=newest",
        );
        check(
            "?doc=001_062efcb31f6393b3&s=120-245&q=%22Rezaei+Nasab%22",
            r#"Route { view: Explore, query: "\"Rezaei Nasab\"", sort: Relevance, doc: Some("001_062efcb31f6393b3"), cite: Some(Span { start: 120, end: 245 }) }"#,
            "?q=%22Rezaei+Nasab%22&doc=001_062efcb31f6393b3&s=120-245",
        );
        check(
            "view=report",
            r#"Route { view: Report, query: "", sort: Relevance, doc: None, cite: None }"#,
            "?view=report",
        );
        check(
            "?view=nonsense&sort=relevance",
            r#"Route { view: Unknown("nonsense"), query: "", sort: Relevance, doc: None, cite: None }"#,
            "?view=nonsense",
        );
        // Entity pages and facet filters (core's parameter names, kind prefix dropped).
        check(
            "?view=entity&id=person%2Fleila-karimi-nasab&q=iran",
            r#"Route { view: Entity, query: "iran", sort: Relevance, doc: None, cite: None } entity=person/leila-karimi-nasab"#,
            "?view=entity&q=iran&id=person%2Fleila-karimi-nasab",
        );
        check(
            "?place=moscow&person=person%2Fkarimi&year=2016&q=",
            r#"Route { view: Explore, query: "", sort: Relevance, doc: None, cite: None } person=karimi place=moscow year=2016"#,
            "?person=karimi&place=moscow&year=2016",
        );
        // The timeline with a brushed range.
        check(
            "?view=timeline&to=2016-12-31&from=2016-01-01",
            r#"Route { view: Timeline, query: "", sort: Relevance, doc: None, cite: None } from=2016-01-01 to=2016-12-31"#,
            "?view=timeline&from=2016-01-01&to=2016-12-31",
        );
        // Non-ASCII text and ids with slashes survive.
        check(
            "?q=Ros%C3%A1tom&doc=news%2F2016%2Fa",
            r#"Route { view: Explore, query: "Rosátom", sort: Relevance, doc: Some("news/2016/a"), cite: None }"#,
            "?q=Ros%C3%A1tom&doc=news%2F2016%2Fa",
        );
    }

    #[test]
    fn the_embed_builder_keeps_the_view_it_embeds() {
        let route = Route::from_query("?view=embed&q=iran&sort=newest");
        assert_eq!(route.view, View::Embed);
        assert_eq!(route.query, "iran");
        assert_eq!(route.to_query(), "?view=embed&q=iran&sort=newest");
    }

    #[test]
    fn malformed_values_are_dropped_not_fatal() {
        for bad in [
            "s=9-3",
            "s=abc",
            "s=5",
            "s=-4-9",
            "doc=",
            "sort=sideways",
            "zzz=1",
        ] {
            let route = Route::from_query(bad);
            assert_eq!(route.cite, None, "{bad}");
            assert_eq!(route.doc, None, "{bad}");
            assert_eq!(route.sort, SortOrder::Relevance, "{bad}");
        }
    }

    #[test]
    fn links_and_transitions() {
        let results = Route::from_query("?q=moscow&sort=newest");
        assert!(results.shows_results());
        let reader = results.with_doc("a");
        assert_eq!(reader.href(), "?q=moscow&sort=newest&doc=a");
        assert!(!reader.shows_results());
        assert_eq!(reader.without_doc(), results);
        assert_eq!(Route::default().href(), "./");
        assert!(!Route::from_query("?q=+++").shows_results());
        // Filters alone browse; adding one leaves an article or entity page.
        let browse = Route::from_query("?person=karimi");
        assert!(browse.shows_results());
        let entity = browse.with_entity("place/moscow");
        assert_eq!(
            entity.href(),
            "?view=entity&id=place%2Fmoscow&person=karimi"
        );
        assert!(!entity.shows_results());
        let both = entity.adding_filter(Facet::Places, "place/moscow");
        assert_eq!(both.href(), "?person=karimi&place=moscow");
        assert!(both.shows_results());
    }
}
