//! The map and the network, loaded on demand: a WASM of its own that draws the routes and
//! places the app gives it into the app's `#views-map` element, pans and zooms, and tells the
//! app what a click or Enter chose; and who met whom into `#views-network` (`network.rs`). The
//! app's first load carries none of this code (README, "The map" and "The network").
//!
//! How the two talk, through the DOM only:
//! - the app renders `div#views-map` (or `div#views-network`) with `data-marks` (the lines
//!   below) and, whenever it sets them, sends a `communique:marks` event from it; this module
//!   draws every such element when it starts, and again at each event;
//! - each mark and each route's button carries `data-visits`: the numbers in the corpus of the
//!   visits it stands for, separated by spaces, after `p NUMBER ` (the place's entity number)
//!   for a place; a node of the network carries `data-entity`, the entity's id; the app reads
//!   them from the click (Enter on a mark clicks it).
//!
//! `data-marks` holds one line for each visit, place, person and organisation in view, fields
//! separated by tabs: `v visit` (its number in the corpus), `p id articles` (a place's entity
//! id, and how many articles in view name it) and `e id articles` (a person or organisation).
//! What to draw of each comes from the build, fetched when the view is first shown: the map's
//! `views/map.txt` (core's `export::map_facts`, joined with the app's lines by `marks.rs`
//! into the lines `parse` reads) and the network's `views/network.txt` (core's
//! `export::drawing`).
//!
//! Invariant: corpus text reaches the DOM only as text nodes and attribute values.

use std::cell::RefCell;

use communique_core::map::{bend, curve_middle, project, MapWindow};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, KeyboardEvent, MouseEvent, PointerEvent, WheelEvent};

mod marks;
mod network;

pub use marks::{parse, Facts, Marks, Place, RouteMark, PLACES_DRAWN};

/// The app's element the map is drawn in.
const HOST_ID: &str = "views-map";
/// What the build wrote of each visit and place, beside the views.
const MAP_FACTS_URL: &str = "views/map.txt";
/// The SVG namespace.
const SVG_NS: &str = "http://www.w3.org/2000/svg";
/// How much one step of the keyboard or the buttons zooms.
const ZOOM_STEP: f64 = 1.5;
/// How far one arrow key pans, as a fraction of the window.
const PAN_STEP: f64 = 0.1;
/// How many of the most named places carry their name: one per this many pixels of the map's
/// width (12 on a 1,000-pixel map, 3 on a phone's), so that names do not cover each other.
const PIXELS_PER_LABEL: f64 = 80.0;

/// The map on screen: its window onto the world, the marks drawn, and the pointers down.
struct MapState {
    window: MapWindow,
    /// What the build wrote of each visit and place, once fetched.
    facts: Loaded<Facts>,
    marks: Marks,
    /// Pointers down on the map (id, x, y), and whether they have dragged.
    pointers: Vec<(i32, f64, f64)>,
    dragged: bool,
}

thread_local! {
    static STATE: RefCell<MapState> = RefCell::new(MapState {
        window: MapWindow::WORLD,
        facts: Loaded::Not,
        marks: Marks::default(),
        pointers: Vec::new(),
        dragged: false,
    });
}

pub(crate) fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("the views run in a page")
}

/// Adds the views' style sheet, draws the map the page already shows, and listens for the
/// app's marks from then on.
#[wasm_bindgen(start)]
pub fn start() {
    let document = document();
    if let Some(body) = document.body() {
        html(
            &body,
            "link",
            &[("rel", "stylesheet"), ("href", "views/views.css")],
        );
    }
    let on_marks = Closure::<dyn FnMut(Event)>::new(|event: Event| {
        if let Some(host) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) {
            show(&host);
        }
    });
    let _ = document
        .add_event_listener_with_callback("communique:marks", on_marks.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    on_marks.forget();
    for id in [HOST_ID, network::HOST_ID] {
        if let Some(host) = document.get_element_by_id(id) {
            show(&host);
        }
    }
}

/// Draws `host`'s marks: the network in `#views-network`, else the map, building the map
/// in it first if it has none yet.
fn show(host: &Element) {
    if host.id() == network::HOST_ID {
        return network::show(host);
    }
    if host.query_selector("svg").ok().flatten().is_none() {
        build(host);
        STATE.with(|s| s.borrow_mut().window = MapWindow::WORLD);
    }
    let lines = host.get_attribute("data-marks").unwrap_or_default();
    let joined = STATE.with(|s| {
        let mut s = s.borrow_mut();
        match &s.facts {
            Loaded::Ready(facts) => Ok(facts.join(&lines)),
            Loaded::Failed(why) => Err(format!("The map cannot be shown. {why}.")),
            Loaded::Fetching => Err("Loading the map…".to_string()),
            Loaded::Not => {
                s.facts = Loaded::Fetching;
                fetch_text(MAP_FACTS_URL, |text| {
                    let facts = text.and_then(|text| {
                        Facts::read(&text).map_err(|err| format!("{MAP_FACTS_URL}: {err}"))
                    });
                    STATE.with(|s| s.borrow_mut().facts = Loaded::from(facts));
                    if let Some(host) = document().get_element_by_id(HOST_ID) {
                        show(&host);
                    }
                });
                Err("Loading the map…".to_string())
            }
        }
    });
    let marks = match joined {
        Ok(joined) => parse(&joined),
        Err(message) => {
            if let Ok(Some(count)) = host.query_selector("#route-count") {
                count.set_text_content(Some(&message));
            }
            return;
        }
    };
    draw_lists(host, &marks);
    STATE.with(|s| s.borrow_mut().marks = marks);
    redraw();
}

/// A file the views fetch: nothing yet, being fetched, read, or why not.
#[derive(Default)]
pub(crate) enum Loaded<T> {
    #[default]
    Not,
    Fetching,
    Ready(T),
    Failed(String),
}

impl<T> From<Result<T, String>> for Loaded<T> {
    fn from(result: Result<T, String>) -> Loaded<T> {
        match result {
            Ok(value) => Loaded::Ready(value),
            Err(why) => Loaded::Failed(why),
        }
    }
}

/// Fetches the site's file `url` and gives `done` its text, or why there is none.
pub(crate) fn fetch_text(url: &'static str, done: impl FnOnce(Result<String, String>) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // Whichever of the two callbacks runs takes `done`.
    let done = std::rc::Rc::new(RefCell::new(Some(done)));
    let finish = {
        let done = done.clone();
        move |result: Result<String, String>| {
            if let Some(done) = done.borrow_mut().take() {
                done(result);
            }
        }
    };
    let on_failure = {
        let finish = finish.clone();
        Closure::once(move |_: JsValue| {
            finish(Err(format!(
                "{url} could not be fetched: the page is offline, and it was not kept for \
                 offline use because this view had not been shown before"
            )))
        })
    };
    let on_response = Closure::once(move |response: JsValue| {
        let response: web_sys::Response = response.unchecked_into();
        let text = match response.ok() {
            true => response.text().ok(),
            false => None,
        };
        let Some(text) = text else {
            let status = response.status();
            return finish(Err(format!("{url}: the site answered {status}")));
        };
        let on_text =
            Closure::once(move |text: JsValue| finish(Ok(text.as_string().unwrap_or_default())));
        let _ = text.then(&on_text);
        on_text.forget();
    });
    let _ = window
        .fetch_with_str(url)
        .then(&on_response)
        .catch(&on_failure);
    on_response.forget();
    on_failure.forget();
}

/// A new element `tag` (in `namespace`, or HTML) with `attributes`, appended to `parent`.
fn child(
    parent: &Element,
    namespace: Option<&str>,
    tag: &str,
    attributes: &[(&str, &str)],
) -> Element {
    let element = document()
        .create_element_ns(namespace, tag)
        .expect("a tag name is valid");
    for (name, value) in attributes {
        let _ = element.set_attribute(name, value);
    }
    let _ = parent.append_child(&element);
    element
}

pub(crate) fn svg(parent: &Element, tag: &str, attributes: &[(&str, &str)]) -> Element {
    child(parent, Some(SVG_NS), tag, attributes)
}

pub(crate) fn html(parent: &Element, tag: &str, attributes: &[(&str, &str)]) -> Element {
    child(
        parent,
        Some("http://www.w3.org/1999/xhtml"),
        tag,
        attributes,
    )
}

/// Adds `handler` for `event` on `target`, for the page's life.
pub(crate) fn listen<E: wasm_bindgen::convert::FromWasmAbi + 'static>(
    target: &Element,
    event: &str,
    handler: impl FnMut(E) + 'static,
) {
    let closure = Closure::<dyn FnMut(E)>::new(handler);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// The map's skeleton in `host`: the SVG (outline, marks layer), its zoom buttons, the key,
/// the list of routes and the visits on none; with the handlers of its gestures.
fn build(host: &Element) {
    host.set_text_content(None);
    let map = svg(
        host,
        "svg",
        &[
            ("class", "world-map"),
            ("role", "group"),
            (
                "aria-label",
                "World map of the visits' routes and the places named; arrow keys pan, + and - zoom, 0 shows the world",
            ),
            ("tabindex", "0"),
            ("viewBox", "-180 -90 360 180"),
        ],
    );
    svg(
        &map,
        "image",
        &[
            ("class", "map-land"),
            ("href", "land-110m.svg"),
            ("x", "-180"),
            ("y", "-90"),
            ("width", "360"),
            ("height", "180"),
        ],
    );
    svg(&map, "g", &[("class", "map-marks")]);
    // Before the map in the page's order, though built after it.
    let count = html(
        host,
        "p",
        &[
            ("id", "route-count"),
            ("aria-live", "polite"),
            ("aria-atomic", "true"),
        ],
    );
    let _ = host.insert_before(&count, Some(&map));
    let toolbar = html(
        host,
        "div",
        &[
            ("class", "tl-toolbar"),
            ("role", "toolbar"),
            ("aria-label", "Map zoom"),
        ],
    );
    let download = html(
        &toolbar,
        "button",
        &[
            ("type", "button"),
            ("class", "map-geojson"),
            ("title", "Download the routes and places shown as GeoJSON"),
        ],
    );
    download.set_text_content(Some("GeoJSON"));
    listen(&download, "click", |_: MouseEvent| {
        let text = STATE.with(|s| s.borrow().marks.geojson());
        save("visits.geojson", "application/geo+json", &text);
    });
    for (class, label, text) in [
        ("map-zoom-in", "Zoom in", "+"),
        ("map-zoom-out", "Zoom out", "−"),
        ("map-reset", "Show the world", "World"),
    ] {
        let button = html(
            &toolbar,
            "button",
            &[
                ("type", "button"),
                ("class", class),
                ("aria-label", label),
                ("title", label),
            ],
        );
        button.set_text_content(Some(text));
        listen(&button, "click", move |_: MouseEvent| {
            set_window(|w| match class {
                "map-zoom-in" => w.zoom(ZOOM_STEP, (0.5, 0.5)),
                "map-zoom-out" => w.zoom(1.0 / ZOOM_STEP, (0.5, 0.5)),
                _ => MapWindow::WORLD,
            })
        });
    }
    let key = html(host, "p", &[("class", "map-key"), ("aria-hidden", "true")]);
    for (class, text) in [
        ("map-key-east", "eastward"),
        ("map-key-west", "westward"),
        ("map-key-tentative", "planned or undated"),
        ("map-key-place", "place named (by articles)"),
    ] {
        html(&key, "span", &[("class", class)]).set_text_content(Some(text));
    }
    html(host, "h2", &[("id", "route-list-heading")]).set_text_content(Some("Routes"));
    html(
        host,
        "ol",
        &[
            ("class", "route-list"),
            ("aria-labelledby", "route-list-heading"),
        ],
    );
    html(host, "details", &[("class", "unrouted")]);
    listen(&map, "pointerdown", |ev: PointerEvent| {
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            s.pointers.retain(|p| p.0 != ev.pointer_id());
            s.pointers.push((
                ev.pointer_id(),
                f64::from(ev.client_x()),
                f64::from(ev.client_y()),
            ));
            s.dragged = false;
        });
    });
    listen(&map, "pointermove", on_pointer_move);
    for event in ["pointerup", "pointercancel"] {
        listen(&map, event, |ev: PointerEvent| {
            STATE.with(|s| s.borrow_mut().pointers.retain(|p| p.0 != ev.pointer_id()));
        });
    }
    listen(&map, "wheel", |ev: WheelEvent| {
        ev.prevent_default();
        let anchor = fraction(f64::from(ev.client_x()), f64::from(ev.client_y()));
        // A notch (100 pixels of scroll) zooms by a fifth.
        let factor = 1.0 + communique_core::timeline::limit(-ev.delta_y() / 500.0, -0.5, 0.5);
        set_window(|w| w.zoom(factor, anchor));
    });
    listen(&map, "keydown", move |ev: KeyboardEvent| {
        let step = match ev.key().as_str() {
            "Enter" | " " => {
                if click(ev.target()) {
                    ev.prevent_default();
                }
                return;
            }
            "ArrowLeft" => |w: MapWindow| w.pan(-PAN_STEP, 0.0),
            "ArrowRight" => |w: MapWindow| w.pan(PAN_STEP, 0.0),
            "ArrowUp" => |w: MapWindow| w.pan(0.0, -PAN_STEP),
            "ArrowDown" => |w: MapWindow| w.pan(0.0, PAN_STEP),
            "+" | "=" => |w: MapWindow| w.zoom(ZOOM_STEP, (0.5, 0.5)),
            "-" => |w: MapWindow| w.zoom(1.0 / ZOOM_STEP, (0.5, 0.5)),
            "0" => |_| MapWindow::WORLD,
            _ => return,
        };
        ev.prevent_default();
        set_window(step);
    });
    on_resize(&map, redraw);
    // A drag that ends on a mark is no click on it.
    listen(&map, "click", move |ev: MouseEvent| {
        if STATE.with(|s| s.borrow().dragged) {
            ev.stop_propagation();
        }
    });
}

/// Calls `redraw` whenever `element`'s size changes (and once it is first laid out): marks are
/// sized in pixels, and the style sheet, which sizes the drawing, loads after the views start.
pub(crate) fn on_resize(element: &Element, redraw: impl Fn() + 'static) {
    let closure = Closure::<dyn FnMut()>::new(redraw);
    if let Ok(observer) = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()) {
        observer.observe(element);
    }
    // Both live as long as the page.
    closure.forget();
}

/// Offers `text` as a file `name` of type `mime`: a Blob, an object URL and a click on a
/// link made for it (as the app's visit downloads do).
pub(crate) fn save(name: &str, mime: &str, text: &str) {
    let parts = js_sys_array(text);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(body) = document().body() {
        let link = html(&body, "a", &[("href", &url), ("download", name)]);
        if let Some(link) = link.dyn_ref::<web_sys::HtmlElement>() {
            link.click();
        }
        link.remove();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// A JavaScript array holding the one string `text`, as `Blob` wants its parts.
fn js_sys_array(text: &str) -> JsValue {
    let array = js_sys::Array::new();
    array.push(&JsValue::from_str(text));
    array.into()
}

/// Pans with one pointer dragging, zooms with two pinching.
fn on_pointer_move(ev: PointerEvent) {
    let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
    let step = STATE.with(|s| {
        let mut s = s.borrow_mut();
        let at = s.pointers.iter().position(|p| p.0 == ev.pointer_id())?;
        let before = s.pointers.clone();
        s.pointers[at] = (ev.pointer_id(), x, y);
        let (_, _, width, height) = map_box();
        let now = s.pointers.clone();
        match (before.as_slice(), now.as_slice()) {
            ([(_, x0, y0)], [_]) => {
                let (dx, dy) = (x - x0, y - y0);
                if !s.dragged && (dx * dx + dy * dy) < 16.0 {
                    // Not yet a drag: the press may still be a click on a mark.
                    s.pointers = before;
                    return None;
                }
                if !s.dragged {
                    s.dragged = true;
                    // Captured only once it drags, so a click still reaches its mark.
                    if let Some(map) = map_element() {
                        let _ = map.set_pointer_capture(ev.pointer_id());
                    }
                }
                Some(s.window.pan(-dx / width, -dy / height))
            }
            ([a, b], [c, d]) => {
                s.dragged = true;
                let spread = |p: &(i32, f64, f64), q: &(i32, f64, f64)| {
                    ((p.1 - q.1).powi(2) + (p.2 - q.2).powi(2)).sqrt().max(1.0)
                };
                let middle = fraction((c.1 + d.1) / 2.0, (c.2 + d.2) / 2.0);
                Some(s.window.zoom(spread(c, d) / spread(a, b), middle))
            }
            _ => None,
        }
    });
    if let Some(window) = step {
        set_window(|_| window);
    }
}

fn map_element() -> Option<Element> {
    document()
        .query_selector(&format!("#{HOST_ID} svg"))
        .ok()
        .flatten()
}

/// The map's box on screen: left, top, width, height.
fn map_box() -> (f64, f64, f64, f64) {
    map_element().map_or((0.0, 0.0, 1.0, 1.0), |el| {
        let rect = el.get_bounding_client_rect();
        (
            rect.left(),
            rect.top(),
            rect.width().max(1.0),
            rect.height().max(1.0),
        )
    })
}

/// Where a pointer is, as fractions of the map's width and height.
fn fraction(x: f64, y: f64) -> (f64, f64) {
    let (left, top, width, height) = map_box();
    ((x - left) / width, (y - top) / height)
}

/// Moves the window as `step` says and redraws.
fn set_window(step: impl FnOnce(MapWindow) -> MapWindow) {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.window = step(s.window);
    });
    redraw();
}

/// Clicks the mark `target` (one with `data-visits`, or a node with `data-entity`) for the
/// app; whether it was one.
pub(crate) fn click(target: Option<web_sys::EventTarget>) -> bool {
    let Some(mark) = target.and_then(|t| t.dyn_into::<Element>().ok()) else {
        return false;
    };
    if !mark.has_attribute("data-visits") && !mark.has_attribute("data-entity") {
        return false;
    }
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = MouseEvent::new_with_mouse_event_init_dict("click", &init) {
        let _ = mark.dispatch_event(&event);
    }
    true
}

/// Draws the marks in the window: the view box, then the places and routes, sized for the
/// pixels the map is drawn at.
fn redraw() {
    let Some(map) = map_element() else {
        return;
    };
    STATE.with(|s| {
        let s = s.borrow();
        let w = s.window;
        let _ = map.set_attribute(
            "viewBox",
            &format!(
                "{} {} {} {}",
                deg(w.x),
                deg(w.y),
                deg(w.width),
                deg(w.height())
            ),
        );
        let (_, _, width, _) = map_box();
        if let Ok(Some(layer)) = map.query_selector(".map-marks") {
            let labelled = (width / PIXELS_PER_LABEL) as usize;
            draw_marks(&layer, &s.marks, w.width / width, labelled);
        }
    });
}

/// A number for an SVG attribute: map degrees to a hundredth.
pub(crate) fn deg(x: f64) -> String {
    let hundredths = (x * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let hundredths = hundredths.abs();
    format!("{sign}{}.{:02}", hundredths / 100, hundredths % 100)
}

/// Draws the arrowheads' definitions, the places (the first `labelled` named) and the
/// routes over them into `layer`, sized for `px` map degrees a pixel; each mark focusable and
/// named for screen readers.
fn draw_marks(layer: &Element, marks: &Marks, px: f64, labelled: usize) {
    layer.set_text_content(None);
    let defs = svg(layer, "defs", &[]);
    for way in ["east", "west"] {
        let size = deg(9.0 * px);
        let marker = svg(
            &defs,
            "marker",
            &[
                ("id", &format!("map-arrow-{way}")),
                ("class", &format!("map-arrow {way}")),
                ("viewBox", "0 0 10 10"),
                ("refX", "9"),
                ("refY", "5"),
                ("markerUnits", "userSpaceOnUse"),
                ("markerWidth", &size),
                ("markerHeight", &size),
                ("orient", "auto"),
            ],
        );
        svg(&marker, "path", &[("d", "M0 0L10 5L0 10z")]);
    }
    let mark = |tag: &str, index: String, label: &str, attributes: &[(&str, &str)]| {
        let element = svg(layer, tag, attributes);
        let visits = marks.chosen(&index).unwrap_or_default();
        for (name, value) in [
            ("data-visits", visits.as_str()),
            ("tabindex", "0"),
            ("role", "button"),
            ("aria-label", label),
        ] {
            let _ = element.set_attribute(name, value);
        }
    };
    let text = |class: &str, x: f64, y: f64, size: f64, content: &str| {
        let element = svg(
            layer,
            "text",
            &[
                ("class", class),
                ("x", &deg(x)),
                ("y", &deg(y)),
                ("font-size", &deg(size)),
                ("aria-hidden", "true"),
            ],
        );
        element.set_text_content(Some(content));
    };
    for (rank, place) in marks.places.iter().take(PLACES_DRAWN).enumerate() {
        let (x, y) = project(place.lat, place.lon);
        let r = (2.5 + 1.5 * f64::from(place.articles).sqrt()).min(18.0) * px;
        let articles = if place.articles == 1 {
            "article"
        } else {
            "articles"
        };
        let label = format!("{}: named in {} {articles}", place.name, place.articles);
        mark(
            "circle",
            format!("p{rank}"),
            &label,
            &[
                ("class", "map-place"),
                ("cx", &deg(x)),
                ("cy", &deg(y)),
                ("r", &deg(r)),
            ],
        );
        if rank < labelled {
            text(
                "map-place-name",
                x + r + 3.0 * px,
                y + 4.0 * px,
                11.0 * px,
                &place.name,
            );
        }
    }
    for (index, route) in marks.routes.iter().enumerate() {
        let from = project(route.from.1, route.from.2);
        let to = project(route.to.1, route.to.2);
        let control = bend(from, to);
        let d = format!(
            "M{} {}Q{} {} {} {}",
            deg(from.0),
            deg(from.1),
            deg(control.0),
            deg(control.1),
            deg(to.0),
            deg(to.1)
        );
        let way = if to.0 >= from.0 { "east" } else { "west" };
        let dashed = route.tentative == route.visits.len();
        let class = format!("map-route {way}{}", if dashed { " tentative" } else { "" });
        // A wide, unpainted line under the route, so a click or tap near it hits it.
        let visits = marks.chosen(&format!("r{index}")).unwrap_or_default();
        svg(
            layer,
            "path",
            &[
                ("class", "map-route-hit"),
                ("d", &d),
                ("data-visits", &visits),
                ("aria-hidden", "true"),
            ],
        );
        mark(
            "path",
            format!("r{index}"),
            &route.label(),
            &[
                ("class", &class),
                ("d", &d),
                ("marker-end", &format!("url(#map-arrow-{way})")),
            ],
        );
        if route.visits.len() > 1 {
            let (x, y) = curve_middle(from, to);
            text(
                "map-count",
                x,
                y,
                12.0 * px,
                &route.visits.len().to_string(),
            );
        }
    }
}

/// The count of what the map shows, the routes as a list of buttons (for keyboards and screen
/// readers), and the visits on no route with why.
fn draw_lists(host: &Element, marks: &Marks) {
    if let Ok(Some(count)) = host.query_selector("#route-count") {
        count.set_text_content(Some(&marks.summary()));
    }
    if let Ok(Some(list)) = host.query_selector(".route-list") {
        list.set_text_content(None);
        for (index, route) in marks.routes.iter().enumerate() {
            let item = html(&list, "li", &[]);
            let button = html(
                &item,
                "button",
                &[
                    ("type", "button"),
                    ("class", "route-item"),
                    (
                        "data-visits",
                        &marks.chosen(&format!("r{index}")).unwrap_or_default(),
                    ),
                ],
            );
            button.set_text_content(Some(&route.label()));
        }
    }
    if let Ok(Some(details)) = host.query_selector(".unrouted") {
        details.set_text_content(None);
        let _ = details.set_attribute(
            "class",
            if marks.unrouted.is_empty() {
                "unrouted empty"
            } else {
                "unrouted"
            },
        );
        let count = marks.unrouted.len();
        let summary = if count == 1 {
            "1 visit is not on the map".to_string()
        } else {
            format!("{count} visits are not on the map")
        };
        html(&details, "summary", &[]).set_text_content(Some(&summary));
        let list = html(&details, "ul", &[]);
        for (label, _, why) in &marks.unrouted {
            let text = format!("{label}: {}", why.as_str());
            html(&list, "li", &[]).set_text_content(Some(&text));
        }
    }
}
