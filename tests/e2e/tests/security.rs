//! Security: the strict Content-Security-Policy the site runs under, and corpus text that never
//! becomes markup.
//!
//! The hostile corpus `tests/e2e/xss-corpus` (scripts, `<img onerror>`, `<svg onload>`,
//! `javascript:` links, attribute breakouts, in titles, bodies, sources and the corpus title) is
//! built into its own site (`COMMUNIQUE_XSS_DIST`, made by `cargo xtask test`). Every view of
//! it must show that text literally, run none of it (no alert, no `window.__xss`), and create no
//! element or attribute from it. Before each page's own scripts, a probe records alerts and
//! Content-Security-Policy violations, which must stay empty.

use std::path::PathBuf;

use communique_e2e::browser::DevTools;
use communique_e2e::{dist_dir, ensure, repo_root, run_test, run_test_at, Failure, Outcome, Page};
use serde_json::{json, Value};

/// The policy `index.html` declares; README.md states the same for hosts that send headers.
const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; \
frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

/// Runs before every document's own scripts: records dialogs and CSP violations.
const PROBE: &str = r#"(() => {
  window.__dialogs = [];
  window.__violations = [];
  for (const name of ['alert', 'confirm', 'prompt']) {
    window[name] = (message) => { window.__dialogs.push(name + ': ' + message); };
  }
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push(event.violatedDirective + ' ' + event.blockedURI);
  });
})();"#;

/// The site built from the hostile corpus.
fn xss_dist() -> Outcome<PathBuf> {
    let dist = match std::env::var_os("COMMUNIQUE_XSS_DIST") {
        Some(dist) if !dist.is_empty() => PathBuf::from(dist),
        _ => repo_root().join("target/xss-dist"),
    };
    ensure!(
        dist.join("index.html").is_file(),
        "no build of the hostile corpus at {} (index.html missing): run `cargo xtask test`, or \
         `cargo xtask dist --corpus tests/e2e/xss-corpus --dist target/xss-dist`",
        dist.display()
    );
    Ok(dist)
}

/// Installs [`PROBE`] for every document the page opens from now on.
async fn install_probe(page: &Page) -> Outcome {
    page.client()
        .issue_cmd(DevTools::script_on_new_document(PROBE))
        .await?;
    Ok(())
}

/// Fails if the page ran anything from the corpus, or broke its policy.
async fn nothing_ran(page: &Page, view: &str) -> Outcome {
    let state = page
        .script(
            "return {
               xss: window.__xss === undefined ? null : String(window.__xss),
               dialogs: window.__dialogs || null,
               violations: window.__violations || null,
               handlers: [...document.querySelectorAll('*')].flatMap((el) =>
                 [...el.attributes].filter((a) => a.name.startsWith('on'))
                   .map((a) => el.tagName + '[' + a.name + ']')),
               scripts: [...document.scripts].filter((s) => !s.src).length,
               injected: [...document.querySelectorAll('main img, main iframe, main object, main embed, main script, body > img')]
                 .map((el) => el.outerHTML.slice(0, 80)),
               javascript_links: [...document.querySelectorAll('[href^=\"javascript:\" i], [src^=\"javascript:\" i]')]
                 .map((el) => el.outerHTML.slice(0, 80)),
             };",
            Vec::new(),
        )
        .await?;
    ensure!(
        state["dialogs"].is_array() && state["violations"].is_array(),
        "the probe did not run on {view}: {state}"
    );
    for (key, what) in [
        ("dialogs", "dialogs opened"),
        ("violations", "Content-Security-Policy violations"),
        ("handlers", "event-handler attributes"),
        ("injected", "elements made from corpus text"),
        ("javascript_links", "javascript: addresses"),
    ] {
        ensure!(
            state[key].as_array().is_some_and(Vec::is_empty),
            "{what} on {view}: {}",
            state[key]
        );
    }
    ensure!(
        state["xss"].is_null(),
        "corpus script ran on {view}: window.__xss = {}",
        state["xss"]
    );
    ensure!(
        state["scripts"] == json!(0),
        "{} inline script(s) on {view}",
        state["scripts"]
    );
    Ok(())
}

/// Fails unless the visible text of `css` contains `needle` literally.
async fn shows_literally(page: &Page, css: &str, needle: &str) -> Outcome {
    let element = page.wait_for(css).await?;
    let text = element.text().await?;
    ensure!(
        text.contains(needle),
        "{css} does not show {needle:?} as text; it shows {:?}",
        text.chars().take(400).collect::<String>()
    );
    Ok(())
}

#[tokio::test]
async fn hostile_corpus_text_is_shown_as_text_and_runs_nothing() {
    let dist = xss_dist().unwrap_or_else(|failure| panic!("xss_corpus: {failure}"));
    run_test_at("xss_corpus", &dist, async |page: &Page| {
        install_probe(page).await?;
        page.visit("").await?;
        nothing_ran(page, "the overview").await?;
        shows_literally(page, "main", "<script>window.__xss = 'corpus title'</script>").await?;
        let title = page.client().title().await?;
        ensure!(
            title.contains("<script>"),
            "the window title should show the corpus title literally, shows {title:?}"
        );

        // Every article, read in the reader, shows its markup as text.
        let mut docs = page
            .attrs("section#overview a[href*='doc=']", "href")
            .await?;
        docs.sort();
        docs.dedup();
        ensure!(
            docs.len() == 3,
            "the overview links to {docs:?}, expected the 3 articles"
        );
        for href in &docs {
            page.visit(href).await?;
            page.wait_for("article#reader").await?;
            nothing_ran(page, href).await?;
        }
        let jsonl = docs
            .iter()
            .find(|href| href.contains("jsonl-title"))
            .ok_or_else(|| Failure(format!("no article with id jsonl-title in {docs:?}")))?;
        page.visit(jsonl).await?;
        shows_literally(page, "article#reader h1", "<b onmouseover=").await?;
        shows_literally(page, "article#reader", "javascript:window.__xss='link'").await?;
        ensure!(
            page.find("article#reader a[href*='javascript' i]").await?.is_none(),
            "a javascript: link became a link"
        );

        // Searching for the markup finds it and highlights it as text.
        for (query, needle) in [
            ("onerror", "onerror="),
            ("script", "<script>"),
            ("javascript", "javascript:"),
        ] {
            page.visit(&format!("?q={query}")).await?;
            page.wait_for("#results .result").await?;
            nothing_ran(page, &format!("the results for {query}")).await?;
            shows_literally(page, "#results", needle).await?;
        }
        page.visit("?view=report").await?;
        page.wait_for("section#report").await?;
        nothing_ran(page, "the report").await?;
        // The map, drawn by the views on demand, shows whatever it names as text too.
        page.visit("?view=map").await?;
        page.wait_for("#views-map svg.world-map").await?;
        nothing_ran(page, "the map").await?;
        page.visit("?view=network").await?;
        page.wait_for("#views-network svg.network").await?;
        page.wait_until("the network to be read", async || {
            let count = page.text("#network-count").await?;
            Ok(if count.contains("in view") { Ok(()) } else { Err(count) })
        })
        .await?;
        nothing_ran(page, "the network").await?;
        page.visit("?view=embed&q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").await?;
        page.wait_for("section#embed-builder").await?;
        nothing_ran(page, "the embed builder").await?;
        let snippet = page
            .script("return document.getElementById('embed-snippet').value;", Vec::new())
            .await?;
        ensure!(
            snippet.as_str().is_some_and(|s| s.contains("data-query=\"&lt;script&gt;alert(1)&lt;/script&gt;\"")),
            "the snippet does not escape the query: {snippet}"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_site_declares_a_strict_policy_and_has_no_inline_script() {
    run_test("csp_policy", async |page: &Page| {
        let index = dist_dir().join("index.html");
        let html = std::fs::read_to_string(&index)
            .map_err(|err| Failure(format!("{}: {err}", index.display())))?;
        ensure!(
            html.contains(&format!("content=\"{POLICY}\"")),
            "{} does not declare the policy {POLICY:?}",
            index.display()
        );
        // Every script is a file of the site (no inline code for the policy to allow).
        for tag in html.split("<script").skip(1) {
            let open = tag.split('>').next().unwrap_or("");
            let body = tag.split_once('>').map_or("", |(_, rest)| rest);
            let body = body.split("</script>").next().unwrap_or("");
            ensure!(
                open.contains("src=") && body.trim().is_empty(),
                "inline script in index.html: <script{}>",
                open
            );
            ensure!(
                !open.contains("src=\"/") && !open.contains("src=\"http"),
                "a script address is not relative: <script{open}>"
            );
        }
        ensure!(
            !html.contains(" onload=") && !html.contains(" onerror=") && !html.contains("style=\""),
            "index.html has inline handlers or styles"
        );

        install_probe(page).await?;
        page.visit("?q=Iran").await?;
        page.wait_for("#results .result").await?;
        let policy: Value = page
            .script(
                "const meta = document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]');
                 return meta && meta.content;",
                Vec::new(),
            )
            .await?;
        ensure!(policy == json!(POLICY), "the page's policy is {policy}");
        nothing_ran(page, "the results").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_policy_refuses_injected_inline_script() {
    // Not `run_test`: the refusal is logged as a console error on purpose.
    let page = match Page::open(&dist_dir()).await {
        Ok(page) => page,
        Err(failure) => panic!("csp_enforced: {failure}"),
    };
    let outcome: Outcome = async {
        install_probe(&page).await?;
        page.visit("").await?;
        page.script(
            "const script = document.createElement('script');
             script.textContent = 'window.__inline = true';
             document.body.appendChild(script);
             const image = document.createElement('img');
             image.setAttribute('onerror', 'window.__inline = true');
             image.src = 'does-not-exist.png';
             document.body.appendChild(image);",
            Vec::new(),
        )
        .await?;
        page.wait_until("the policy to refuse the inline script", async || {
            let state = page
                .script(
                    "return [window.__inline === true, window.__violations.length];",
                    Vec::new(),
                )
                .await?;
            match (state[0].as_bool(), state[1].as_u64()) {
                (Some(true), _) => Ok(Err("the injected inline script ran".to_string())),
                (_, Some(n)) if n >= 2 => Ok(Ok(())),
                _ => Ok(Err(format!("violations so far: {state}"))),
            }
        })
        .await?;
        let ran = page
            .script("return window.__inline === true;", Vec::new())
            .await?;
        ensure!(
            ran == json!(false),
            "injected inline code ran despite the policy"
        );
        Ok(())
    }
    .await;
    let _ = page.screenshot("csp_enforced").await;
    page.close().await;
    if let Err(failure) = outcome {
        panic!("csp_enforced: {failure}");
    }
}
