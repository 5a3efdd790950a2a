//! The embed builder (`?view=embed`, beside the query, filters and dates of the view to embed):
//! writes the one-line `<script>` snippet that shows that view on another site, with a copy
//! button; and [`EmbedLink`], the header link that opens it for the current view.
//!
//! Invariant: the snippet carries the view's whole state from [`Route::to_query`], so filters
//! and dates added to the route later are embedded without changes here.

use leptos::prelude::*;

use crate::dom;
use crate::embed::{Panel, Panels};
use crate::state::{AppState, Route, View};

/// The view an embedding of `route` shows: the same search, filters and dates, no article open.
fn embedded_view(route: &Route) -> Route {
    Route {
        view: View::Explore,
        doc: None,
        cite: None,
        ..route.clone()
    }
}

/// The snippet that embeds `route` with `panels` from the site at `app` (its folder's address,
/// ending in `/`), filling the element `selector` (or, when it is empty, placed where pasted).
pub fn snippet(app: &str, route: &Route, panels: Panels, selector: &str) -> String {
    let view = embedded_view(route);
    let query = view.query.clone();
    let rest = Route {
        query: String::new(),
        ..view
    }
    .to_query();
    let mut attributes = vec![format!("src=\"{}\"", escape(&format!("{app}embed.js")))];
    let mut add = |name: &str, value: &str| {
        if !value.is_empty() {
            attributes.push(format!("data-{name}=\"{}\"", escape(value)));
        }
    };
    add("communique", selector.trim());
    add("query", &query);
    if panels != Panels::default() {
        add("panels", &panels.to_param());
    }
    add("params", rest.trim_start_matches('?'));
    format!("<script {} async></script>", attributes.join(" "))
}

/// `text` safe inside a double-quoted HTML attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The address of the folder this page was loaded from, ending in `/`.
fn app_folder() -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let folder = path.rfind('/').map_or("/", |end| &path[..=end]);
    format!("{origin}{folder}")
}

/// The embed builder page: `section#embed-builder` with the panel checkboxes
/// (`input#panel-search`, …), the target field `input#embed-target`, the snippet in
/// `textarea#embed-snippet`, `button#copy-snippet` and its `#copy-status`, and a preview link.
#[component]
pub fn EmbedBuilderPage() -> impl IntoView {
    let state = AppState::expect();
    let panels = RwSignal::new(Panels::default());
    let selector = RwSignal::new(String::new());
    let (status, set_status) = signal(String::new());
    let app = app_folder();
    let code = Memo::new(move |_| {
        state
            .current
            .with(|route| snippet(&app, route, panels.get(), &selector.get()))
    });
    let preview = move || {
        let view = state.current.with(embedded_view);
        let embed = format!("embed=1&panels={}", panels.get().to_param());
        match view.to_query() {
            query if query.is_empty() => format!("?{embed}"),
            query => format!("{query}&{embed}"),
        }
    };
    let described = move || {
        state.current.with(|route| {
            let params = embedded_view(route).to_query();
            if params.is_empty() {
                "the overview of the whole corpus".to_string()
            } else {
                params.trim_start_matches('?').replace('&', " · ")
            }
        })
    };
    let copy = move |_| {
        let text = code.get_untracked();
        set_status.set(String::new());
        let clipboard = window().navigator().clipboard();
        leptos::task::spawn_local(async move {
            let copied = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
                .await
                .is_ok();
            if copied {
                set_status.set("Copied to the clipboard.".to_string());
            } else {
                // No clipboard access (permission, an unfocused page): select the text instead.
                if let Some(area) = dom::by_id::<web_sys::HtmlTextAreaElement>("embed-snippet") {
                    let _ = area.focus();
                    area.select();
                }
                set_status
                    .set("The snippet is selected: press Ctrl+C (⌘C) to copy it.".to_string());
            }
        });
    };
    let panel_choice = move |panel: Panel| {
        let id = format!("panel-{}", panel.name());
        let checked = move || panels.get().shows(panel);
        // The last panel cannot be unticked: an embedding always shows something.
        let last = move || checked() && panels.get().count() == 1;
        view! {
            <li>
                <input
                    type="checkbox"
                    id=id.clone()
                    prop:checked=checked
                    disabled=last
                    on:change=move |ev| panels.update(|set| *set = set.with(panel, event_target_checked(&ev)))
                />
                <label for=id>{panel.label()}</label>
            </li>
        }
    };
    view! {
        <section id="embed-builder" class="embed-builder" aria-labelledby="embed-heading">
            <h1 id="embed-heading">"Embed this view"</h1>
            <p>
                "Paste the line below into any web page to show the explorer there, with this view's "
                "search, filters and dates. The frame takes the height of its content."
            </p>
            <p class="embed-view">"This view: " <span class="embed-view-params">{described}</span></p>
            <fieldset class="embed-panels">
                <legend>"Panels to show"</legend>
                <ul>{Panel::ALL.into_iter().map(panel_choice).collect_view()}</ul>
            </fieldset>
            <p class="embed-field">
                <label for="embed-target">"Element to fill (a CSS selector such as #news)"</label>
                <input
                    id="embed-target"
                    type="text"
                    placeholder="Empty: where the line is pasted"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || selector.get()
                    on:input=move |ev| selector.set(event_target_value(&ev))
                />
            </p>
            <p class="embed-field">
                <label for="embed-snippet">"Snippet"</label>
                <textarea id="embed-snippet" readonly rows="4" spellcheck="false" prop:value=move || code.get()></textarea>
            </p>
            <p class="embed-actions">
                <button id="copy-snippet" type="button" on:click=copy>"Copy snippet"</button>
                <span id="copy-status" role="status" aria-live="polite">{status}</span>
            </p>
            <p>
                <a id="embed-preview" href=preview target="_blank" rel="noopener">
                    "Preview the embedded view"
                    <span class="visually-hidden">" (opens a new tab)"</span>
                </a>
            </p>
        </section>
    }
}

/// The header's link to the embed builder for the view on screen (`a#embed-link`).
#[component]
pub fn EmbedLink() -> impl IntoView {
    let state = AppState::expect();
    let target = move || {
        state.current.with(|route| Route {
            view: View::Embed,
            ..embedded_view(route)
        })
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let modified = ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key();
        if ev.default_prevented() || ev.button() != 0 || modified {
            return;
        }
        ev.prevent_default();
        state.follow(target());
    };
    view! {
        <a id="embed-link" href=move || target().href() on:click=on_click>
            "Embed"
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(url: &str, panels: &str, selector: &str, expect: &str) {
        let route = Route::from_query(url);
        let got = snippet(
            "https://host.example/tools/communique/",
            &route,
            Panels::from_param(panels),
            selector,
        );
        assert_eq!(got, expect, "{url}");
    }

    #[test]
    fn writes_the_snippet_for_a_view() {
        check(
            "",
            "",
            "",
            r#"<script src="https://host.example/tools/communique/embed.js" async></script>"#,
        );
        check(
            "?q=%22Iran%22+%26+Russia&sort=newest&doc=a&s=1-9&view=embed",
            "search,timeline",
            "#news",
            "<script src=\"https://host.example/tools/communique/embed.js\" data-communique=\"#news\" \
             data-query=\"&quot;Iran&quot; &amp; Russia\" data-panels=\"search,timeline\" \
             data-params=\"sort=newest\" async></script>",
        );
        check(
            "?q=<img onerror=x>",
            "facets",
            "",
            "<script src=\"https://host.example/tools/communique/embed.js\" \
             data-query=\"&lt;img onerror=x&gt;\" data-panels=\"facets\" async></script>",
        );
    }
}
