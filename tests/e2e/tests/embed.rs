//! Embedding: the `embed.js` snippet on a host page served from another origin (another port),
//! the iframe it inserts (`?embed=1`: compact, its options kept in the URL, its height posted to
//! the host), the origin checks on both sides, and the embed builder (`?view=embed`) whose
//! snippet, pasted into a host page, shows the same view.

use communique_e2e::fixtures::HostSite;
use communique_e2e::{ensure, normalize, run_test, Outcome, Page};
use serde_json::{json, Value};

/// The article that mentions Ali Akbar Velayati.
const VELAYATI_DOC: &str = "001_062efcb31f6393b3";

/// A host page holding `body`, which records every message from `app_origin` it receives in
/// `window.fromApp` (the snippet itself is what sizes the iframe).
fn host_page(app_origin: &str, body: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>A host page</title></head>
<body>
<h1>A news site that embeds Communiqué</h1>
<script>
window.fromApp = [];
window.addEventListener("message", (event) => {{
  window.fromApp.push({{ origin: event.origin, data: event.data }});
}});
window.appOrigin = {app_origin:?};
</script>
{body}
<p>After the explorer.</p>
</body>
</html>
"#
    )
}

/// The iframe's height in CSS pixels as the host page sets it.
async fn frame_height(page: &Page, css: &str) -> Outcome<f64> {
    let value = page
        .script(
            "const frame = document.querySelector(arguments[0]);
             return frame ? parseFloat(frame.style.height) || 0 : -1;",
            vec![json!(css)],
        )
        .await?;
    Ok(value.as_f64().unwrap_or(-1.0))
}

/// Inside the current frame: the height of the app's content (what it reports).
async fn content_height(page: &Page) -> Outcome<f64> {
    let value = page
        .script(
            "return Math.ceil(document.body.getBoundingClientRect().height);",
            Vec::new(),
        )
        .await?;
    Ok(value.as_f64().unwrap_or(-1.0))
}

/// Switches into the first iframe matching `css` and waits until the app in it is ready.
async fn enter(page: &Page, css: &str) -> Outcome {
    let frame = page.wait_for(css).await?;
    frame.enter_frame().await?;
    page.wait_ready().await
}

/// Waits until the host's iframe `css` is as tall as the app's content, read inside the frame.
async fn wait_until_fitted(page: &Page, css: &str) -> Outcome<f64> {
    enter(page, css).await?;
    let content = content_height(page).await?;
    page.client().enter_parent_frame().await?;
    page.wait_until(&format!("the iframe to be {content}px tall"), async || {
        let height = frame_height(page, css).await?;
        if (height - content).abs() <= 1.0 {
            Ok(Ok(height))
        } else {
            Ok(Err(format!("iframe height {height}, content {content}")))
        }
    })
    .await
}

/// The query parameters of the current frame's address.
async fn frame_params(page: &Page) -> Outcome<Vec<(String, String)>> {
    let search = page
        .script("return location.search;", Vec::new())
        .await?
        .as_str()
        .unwrap_or("")
        .to_string();
    Ok(
        url::form_urlencoded::parse(search.trim_start_matches('?').as_bytes())
            .map(|(key, value)| (key.into_owned(), value.into_owned()))
            .collect(),
    )
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

#[tokio::test]
async fn the_snippet_embeds_a_view_that_fits_its_content() {
    run_test("embed_snippet", async |page: &Page| {
        let app = page.url_for("");
        let app_origin = communique_e2e::fixtures::origin_of(&app);
        let snippet = format!(
            r##"<div id="news"></div>
<script src="{app}embed.js" data-communique="#news" data-query="Velayati" data-panels="search" async></script>"##
        );
        let host = HostSite::start(&[("host.html", host_page(&app_origin, &snippet))])?;
        ensure!(host.origin() != app_origin, "the host must be another origin");
        page.client().goto(&host.url("host.html")).await?;
        let frame = "#news iframe";
        page.wait_for(frame).await?;
        let title = page.attrs(frame, "title").await?;
        ensure!(
            title.first().is_some_and(|title| !title.is_empty()),
            "the iframe has no title (its accessible name)"
        );

        let first = wait_until_fitted(page, frame).await?;
        enter(page, frame).await?;
        let params = frame_params(page).await?;
        for (name, expect) in [
            ("embed", "1"),
            ("q", "Velayati"),
            ("panels", "search"),
            ("origin", host.origin().as_str()),
        ] {
            ensure!(
                param(&params, name) == Some(expect),
                "the iframe's URL has {name}={:?}, expected {expect:?}: {params:?}",
                param(&params, name)
            );
        }
        ensure!(
            page.find("html.embed.hide-facets.hide-timeline").await?.is_some(),
            "the embedded page is not in compact mode with only the search panel"
        );
        let footer_shown = match page.find(".site-footer").await? {
            Some(footer) => footer.is_displayed().await?,
            None => false,
        };
        ensure!(!footer_shown, "the embedded page shows its footer");
        let docs = page.attrs("#results .result", "data-doc").await?;
        ensure!(
            docs.first().map(String::as_str) == Some(VELAYATI_DOC),
            "the embedded results are {docs:?}, expected {VELAYATI_DOC} first"
        );

        // Opening an article changes the content's height: the iframe follows, and the
        // embed options stay in the iframe's URL.
        page.click(&format!(
            "#results .result[data-doc='{VELAYATI_DOC}'] a.result-title"
        ))
        .await?;
        page.wait_for("article#reader").await?;
        let params = frame_params(page).await?;
        ensure!(
            param(&params, "embed") == Some("1")
                && param(&params, "panels") == Some("search")
                && param(&params, "doc") == Some(VELAYATI_DOC),
            "after opening an article the iframe's URL is {params:?}"
        );
        page.client().enter_parent_frame().await?;
        let second = wait_until_fitted(page, frame).await?;
        ensure!(
            (second - first).abs() > 1.0,
            "the iframe kept its height ({first}px) when the content changed"
        );

        // A message from any other origin (here the host itself) cannot resize the iframe.
        let id = page.attrs(frame, "id").await?.pop().unwrap_or_default();
        let before = page
            .script("return window.fromApp.length;", Vec::new())
            .await?
            .as_u64()
            .unwrap_or(0);
        page.script(
            "window.postMessage({ type: 'communique:height', frame: arguments[0], height: 7777 }, '*');
             document.querySelector(arguments[1]).contentWindow
               .postMessage({ type: 'communique:measure' }, arguments[2]);",
            vec![json!(id), json!(frame), json!(app_origin)],
        )
        .await?;
        page.wait_until("the app to answer a height request", async || {
            let count = page
                .script(
                    "return window.fromApp.filter((m) => m.origin === window.appOrigin).length;",
                    Vec::new(),
                )
                .await?
                .as_u64()
                .unwrap_or(0);
            if count > before {
                Ok(Ok(()))
            } else {
                Ok(Err(format!("{count} messages from the app")))
            }
        })
        .await?;
        let height = frame_height(page, frame).await?;
        ensure!(
            (height - second).abs() <= 1.0,
            "a forged message resized the iframe to {height}px"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_app_talks_only_to_the_origin_it_was_given() {
    run_test("embed_origins", async |page: &Page| {
        let app = page.url_for("");
        let app_origin = communique_e2e::fixtures::origin_of(&app);
        // Two frames without the snippet: one told the host's real origin, one another origin.
        let host = HostSite::start(&[("placeholder.html", String::new())])?;
        let origin = host.origin();
        let frames = format!(
            r#"<iframe id="good" title="Told the right origin" src="{app}?embed=1&frame=good&origin={origin}"></iframe>
<iframe id="bad" title="Told another origin" src="{app}?embed=1&frame=bad&origin=http://127.0.0.1:9"></iframe>"#
        );
        std::fs::write(
            host.folder().join("frames.html"),
            host_page(&app_origin, &frames),
        )
        .map_err(|err| err.to_string())?;
        page.client().goto(&host.url("frames.html")).await?;
        for frame in ["#good", "#bad"] {
            enter(page, frame).await?;
            page.client().enter_parent_frame().await?;
        }
        // Ask both for their height again, then wait for the good one's answer.
        let asked = page
            .script(
                "const before = window.fromApp.length;
                 for (const id of ['good', 'bad']) {
                   document.getElementById(id).contentWindow
                     .postMessage({ type: 'communique:measure' }, window.appOrigin);
                 }
                 return before;",
                Vec::new(),
            )
            .await?
            .as_u64()
            .unwrap_or(0) as usize;
        let messages = page
            .wait_until("the good frame to answer", async || {
                let messages = page.script("return window.fromApp;", Vec::new()).await?;
                let list = messages.as_array().cloned().unwrap_or_default();
                let answered = list
                    .iter()
                    .skip(asked)
                    .any(|m| m["data"]["frame"] == "good");
                if answered {
                    Ok(Ok(list))
                } else {
                    Ok(Err(format!("messages {messages}")))
                }
            })
            .await?;
        let frames: Vec<&Value> = messages.iter().map(|m| &m["data"]["frame"]).collect();
        ensure!(
            messages.iter().all(|m| m["origin"] == json!(app_origin)
                && m["data"]["type"] == "communique:height"
                && m["data"]["frame"] == "good"),
            "the host received {frames:?}; only the frame told its origin may post to it"
        );
        // The browser refuses the other frame's messages itself, and says so in the console.
        for error in page.take_console_errors().await {
            ensure!(
                error.contains("does not match the recipient window's origin"),
                "unexpected console error: {error}"
            );
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_builder_writes_a_snippet_that_shows_the_same_view() {
    run_test("embed_builder", async |page: &Page| {
        page.visit("?q=Iran&sort=newest").await?;
        page.click("a#embed-link").await?;
        page.wait_for("section#embed-builder").await?;
        for (name, expect) in [("view", "embed"), ("q", "Iran"), ("sort", "newest")] {
            let value = page.query_param(name).await?;
            ensure!(
                value.as_deref() == Some(expect),
                "the builder's URL has {name}={value:?}"
            );
        }
        page.click("input#panel-timeline").await?;
        page.replace_text("input#embed-target", "#news").await?;
        let app = page.url_for("");
        let snippet = page
            .wait_until("the snippet to follow the choices", async || {
                let snippet = page
                    .script(
                        "return document.getElementById('embed-snippet').value;",
                        Vec::new(),
                    )
                    .await?
                    .as_str()
                    .unwrap_or("")
                    .to_string();
                let wanted = [
                    format!("src=\"{app}embed.js\""),
                    "data-communique=\"#news\"".to_string(),
                    "data-query=\"Iran\"".to_string(),
                    "data-panels=\"search,facets\"".to_string(),
                    "data-params=\"sort=newest\"".to_string(),
                ];
                if wanted.iter().all(|part| snippet.contains(part.as_str())) {
                    Ok(Ok(snippet))
                } else {
                    Ok(Err(format!("snippet {snippet:?}")))
                }
            })
            .await?;
        ensure!(
            snippet.starts_with("<script ")
                && snippet.ends_with("</script>")
                && !snippet.contains('\n'),
            "the snippet is not one <script> line: {snippet:?}"
        );
        page.click("button#copy-snippet").await?;
        page.wait_until("the copy button to report", async || {
            let status = normalize(&page.text("#copy-status").await?);
            if status.is_empty() {
                Ok(Err("no status".to_string()))
            } else {
                Ok(Ok(status))
            }
        })
        .await?;

        // The snippet, pasted into a page of another origin, shows the same view.
        let app_origin = communique_e2e::fixtures::origin_of(&app);
        let body = format!("<div id=\"news\"></div>\n{snippet}");
        let host = HostSite::start(&[("host.html", host_page(&app_origin, &body))])?;
        page.client().goto(&host.url("host.html")).await?;
        wait_until_fitted(page, "#news iframe").await?;
        enter(page, "#news iframe").await?;
        let params = frame_params(page).await?;
        ensure!(
            param(&params, "q") == Some("Iran")
                && param(&params, "sort") == Some("newest")
                && param(&params, "panels") == Some("search,facets"),
            "the embedded view's URL is {params:?}"
        );
        page.wait_for("#results .result").await?;
        ensure!(
            page.find("html.embed.hide-timeline").await?.is_some()
                && page.find("html.hide-search").await?.is_none(),
            "the embedded page does not show the chosen panels"
        );
        Ok(())
    })
    .await;
}
