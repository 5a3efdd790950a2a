//! Embed mode: the explorer inside another site's iframe (`?embed=1`), as `embed.js` inserts it.
//!
//! The URL says how: `panels=search,facets,timeline` (which parts show; default all),
//! `origin=https://host.example` (the embedding page's origin, the only one the app talks to) and
//! `frame=ID` (which iframe of that page this is), beside the usual state (query, filters, dates).
//! [`install`] marks the document (`html.embed`, and `html.hide-PANEL` for each panel left out,
//! which `style/main.css` turns into a compact layout) and posts the page's height to the parent
//! whenever it changes, so the snippet can size the iframe to its content.
//!
//! Trust, both ways: heights are posted with `targetOrigin` set to `origin`, so the browser
//! delivers them only if the parent really has that origin; messages are accepted only from that
//! origin (`communique:measure`, which asks for the height again); without a valid `origin`
//! nothing is posted at all.
//!
//! Invariant: embed options survive in-app navigation ([`keep_in_url`] re-appends them to every
//! URL the app writes), so a reload inside the iframe stays embedded.

use std::sync::OnceLock;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// One part of the page an embedding can show or leave out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// The search field and the result list.
    Search,
    /// The filters by person, organisation and place.
    Facets,
    /// The timeline of visits.
    Timeline,
}

impl Panel {
    /// Every panel, in the order URLs and the embed builder list them.
    pub const ALL: [Panel; 3] = [Panel::Search, Panel::Facets, Panel::Timeline];

    /// The panel's name in the `panels` parameter.
    pub fn name(self) -> &'static str {
        match self {
            Panel::Search => "search",
            Panel::Facets => "facets",
            Panel::Timeline => "timeline",
        }
    }

    /// The words shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            Panel::Search => "Search field and results",
            Panel::Facets => "Filters (people, organisations, places)",
            Panel::Timeline => "Timeline of visits",
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of panels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Panels(u8);

impl Default for Panels {
    /// Every panel.
    fn default() -> Panels {
        Panels(Panel::ALL.iter().fold(0, |bits, panel| bits | panel.bit()))
    }
}

impl Panels {
    /// Whether `panel` is in the set.
    pub fn shows(self, panel: Panel) -> bool {
        self.0 & panel.bit() != 0
    }

    /// The set with `panel` added (`on`) or removed.
    pub fn with(self, panel: Panel, on: bool) -> Panels {
        if on {
            Panels(self.0 | panel.bit())
        } else {
            Panels(self.0 & !panel.bit())
        }
    }

    /// How many panels the set has.
    pub fn count(self) -> usize {
        Panel::ALL
            .iter()
            .filter(|panel| self.shows(**panel))
            .count()
    }

    /// Reads a `panels` value (`search,timeline`); unknown names are ignored, and a value naming
    /// no known panel means every panel (an embedding never shows an empty frame).
    pub fn from_param(text: &str) -> Panels {
        let panels = text
            .split(',')
            .filter_map(|name| Panel::ALL.into_iter().find(|p| p.name() == name.trim()))
            .fold(Panels(0), |set, panel| set.with(panel, true));
        if panels.count() == 0 {
            Panels::default()
        } else {
            panels
        }
    }

    /// The `panels` value for this set.
    pub fn to_param(self) -> String {
        Panel::ALL
            .into_iter()
            .filter(|panel| self.shows(*panel))
            .map(Panel::name)
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// The options of an embedded explorer, from its URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embed {
    /// The panels shown.
    pub panels: Panels,
    /// The embedding page's origin (`scheme://host[:port]`), if a valid one was given.
    pub parent_origin: Option<String>,
    /// The id the embedding page gave this iframe, echoed in every message.
    pub frame: Option<String>,
}

impl Embed {
    /// The embed options of a query string, `None` unless it says `embed=1`.
    pub fn from_query(search: &str) -> Option<Embed> {
        let search = search.strip_prefix('?').unwrap_or(search);
        let mut embedded = false;
        let mut embed = Embed {
            panels: Panels::default(),
            parent_origin: None,
            frame: None,
        };
        for (key, value) in form_urlencoded::parse(search.as_bytes()) {
            match &*key {
                "embed" => embedded = value == "1",
                "panels" => embed.panels = Panels::from_param(&value),
                "origin" => embed.parent_origin = parse_origin(&value),
                "frame" => embed.frame = parse_frame(&value),
                _ => {}
            }
        }
        embedded.then_some(embed)
    }

    /// The query-string pairs that keep these options in a URL.
    pub fn to_pairs(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        out.append_pair("embed", "1");
        if self.panels != Panels::default() {
            out.append_pair("panels", &self.panels.to_param());
        }
        if let Some(origin) = &self.parent_origin {
            out.append_pair("origin", origin);
        }
        if let Some(frame) = &self.frame {
            out.append_pair("frame", frame);
        }
        out.finish()
    }
}

/// `text` as an origin if it is one: `http` or `https`, a host, an optional port, nothing
/// else (no path, no user name). Lower-cased, as browsers report origins.
pub fn parse_origin(text: &str) -> Option<String> {
    let lower = text.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let (host, port) = if rest.starts_with('[') {
        // An IPv6 address: `[::1]` or `[::1]:3000`.
        let end = rest.find(']')? + 1;
        match &rest[end..] {
            "" => (&rest[..end], None),
            after => (&rest[..end], Some(after.strip_prefix(':')?)),
        }
    } else {
        match rest.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (rest, None),
        }
    };
    let host_ok = if let Some(inner) = host.strip_prefix('[') {
        inner.strip_suffix(']').is_some_and(|ip| {
            !ip.is_empty() && ip.chars().all(|c| c.is_ascii_hexdigit() || c == ':')
        })
    } else {
        !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
    };
    let port_ok = port.is_none_or(|port| {
        !port.is_empty() && port.len() <= 5 && port.parse::<u16>().is_ok_and(|p| p > 0)
    });
    (host_ok && port_ok).then_some(lower)
}

/// A frame id: 1 to 64 letters, digits, `-` or `_`.
fn parse_frame(text: &str) -> Option<String> {
    let ok = !text.is_empty()
        && text.len() <= 64
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    ok.then(|| text.to_string())
}

/// The embed options this page was opened with, read once from its URL.
pub fn current() -> Option<&'static Embed> {
    static CURRENT: OnceLock<Option<Embed>> = OnceLock::new();
    CURRENT
        .get_or_init(|| Embed::from_query(&window().location().search().unwrap_or_default()))
        .as_ref()
}

/// Whether the page shows `panel`: always outside embed mode.
pub fn shows(panel: Panel) -> bool {
    current().is_none_or(|embed| embed.panels.shows(panel))
}

/// `url` (a query string such as `?q=iran`, or a bare path) with the embed options appended,
/// when the page is embedded; unchanged otherwise.
pub fn keep_in_url(url: String) -> String {
    match current() {
        None => url,
        Some(embed) if url.starts_with('?') => format!("{url}&{}", embed.to_pairs()),
        Some(embed) => format!("{url}?{}", embed.to_pairs()),
    }
}

/// Sets up embed mode if the URL asks for it: document classes, height reports, messages.
pub fn install() {
    let Some(embed) = current() else {
        return;
    };
    if let Some(root) = document().document_element() {
        let classes = root.class_list();
        let _ = classes.add_1("embed");
        for panel in Panel::ALL {
            if !embed.panels.shows(panel) {
                let _ = classes.add_1(&format!("hide-{}", panel.name()));
            }
        }
    }
    let Some(origin) = embed.parent_origin.clone() else {
        return;
    };
    let Some(body) = document().body() else {
        return;
    };
    // Reports last as long as the page, so the observer's callback is leaked on purpose.
    let on_resize = Closure::<dyn Fn()>::new(post_height);
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    on_resize.forget();
    let _listener = window_event_listener(leptos::ev::message, move |event| {
        if event.origin() != origin {
            return;
        }
        let kind = js_sys::Reflect::get(&event.data(), &"type".into()).ok();
        if kind.and_then(|kind| kind.as_string()).as_deref() == Some("communique:measure") {
            post_height();
        }
    });
    post_height();
}

/// Posts `{type: "communique:height", frame, height}` to the parent, at the given origin only.
fn post_height() {
    let Some(embed) = current() else {
        return;
    };
    let Some(origin) = &embed.parent_origin else {
        return;
    };
    let window = window();
    let Some(parent) = window.parent().ok().flatten() else {
        return;
    };
    // Not in a frame: the page is its own parent, and there is nobody to tell.
    if js_sys::Object::is(&parent, &window) {
        return;
    }
    let height = document()
        .body()
        .map(|body| body.get_bounding_client_rect().height().ceil())
        .unwrap_or(0.0);
    let message = js_sys::Object::new();
    let set = |key: &str, value: wasm_bindgen::JsValue| {
        let _ = js_sys::Reflect::set(&message, &key.into(), &value);
    };
    set("type", "communique:height".into());
    set("height", height.into());
    set(
        "frame",
        embed
            .frame
            .as_deref()
            .map_or(wasm_bindgen::JsValue::NULL, Into::into),
    );
    let _ = parent.post_message(&message, origin);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the embed options of `url` and compares their debug form, then their URL form.
    fn check(url: &str, expect: Option<&str>, pairs: Option<&str>) {
        let embed = Embed::from_query(url);
        assert_eq!(
            embed.as_ref().map(|e| format!("{e:?}")).as_deref(),
            expect,
            "{url}"
        );
        assert_eq!(
            embed.as_ref().map(Embed::to_pairs).as_deref(),
            pairs,
            "{url}"
        );
    }

    #[test]
    fn reads_embed_options() {
        check("?q=iran", None, None);
        check("?embed=0&panels=search", None, None);
        check(
            "?embed=1",
            Some("Embed { panels: Panels(7), parent_origin: None, frame: None }"),
            Some("embed=1"),
        );
        check(
            "?q=x&embed=1&panels=timeline,search&origin=https%3A%2F%2FNews.Example%3A8443&frame=communique-ab12",
            Some(r#"Embed { panels: Panels(5), parent_origin: Some("https://news.example:8443"), frame: Some("communique-ab12") }"#),
            Some("embed=1&panels=search%2Ctimeline&origin=https%3A%2F%2Fnews.example%3A8443&frame=communique-ab12"),
        );
        // A bad origin or frame is dropped, never trusted; unknown panels mean all of them.
        check(
            "embed=1&panels=ads&origin=javascript:alert(1)&frame=<b>",
            Some("Embed { panels: Panels(7), parent_origin: None, frame: None }"),
            Some("embed=1"),
        );
    }

    #[test]
    fn accepts_only_real_origins() {
        for (text, expect) in [
            ("https://example.org", Some("https://example.org")),
            ("http://127.0.0.1:8080", Some("http://127.0.0.1:8080")),
            ("http://[::1]:3000", Some("http://[::1]:3000")),
            ("http://[::1]", Some("http://[::1]")),
            ("https://example.org/", None),
            ("https://example.org/path", None),
            ("https://user@example.org", None),
            ("https://example.org:0", None),
            ("https://example.org:99999", None),
            ("https://", None),
            ("ftp://example.org", None),
            ("null", None),
            ("*", None),
        ] {
            assert_eq!(parse_origin(text).as_deref(), expect, "{text}");
        }
    }

    #[test]
    fn panel_sets_round_trip() {
        for (param, expect) in [
            ("search,facets,timeline", "search,facets,timeline"),
            ("timeline", "timeline"),
            (" facets , search ", "search,facets"),
            ("", "search,facets,timeline"),
            ("nothing", "search,facets,timeline"),
        ] {
            assert_eq!(Panels::from_param(param).to_param(), expect, "{param}");
        }
        assert!(!Panels::from_param("search").shows(Panel::Timeline));
    }
}
