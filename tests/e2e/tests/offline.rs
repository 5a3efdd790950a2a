//! Offline use, installability, hosting under a sub-path, and updates, in headless Chromium with
//! the network really cut: the site's server is stopped (`Page::stop_server`), so every request
//! the service worker cannot answer fails.
//!
//! The build is copied under `tools/communique/`, so these tests also prove that the folder works
//! from a deeper path than the other tests' `/site/`: asset URLs, the worker's scope and the
//! manifest are all relative.

use std::collections::BTreeSet;

use communique_e2e::fixtures::site_copy;
use communique_e2e::{dist_dir, ensure, run_test_at, Outcome, Page};
use serde_json::{json, Value};

/// Where the copy of the build is served, below the harness's `/site/`.
const SUB_PATH: &str = "tools/communique/";
/// The article that mentions Ali Akbar Velayati.
const VELAYATI_DOC: &str = "001_062efcb31f6393b3";

/// Waits until a service worker controls the page and has cached its build; returns its script
/// URL, scope and cache name.
async fn wait_for_offline_copy(page: &Page) -> Outcome<(String, String, String)> {
    page.wait_until("a service worker to control the page", async || {
        let state = run_async(
            page,
            "const controller = navigator.serviceWorker && navigator.serviceWorker.controller;
             if (!controller) return null;
             const registration = await navigator.serviceWorker.getRegistration();
             const names = (await caches.keys()).filter((n) => n.startsWith('communique:'));
             return { script: controller.scriptURL, scope: registration.scope, caches: names };",
            Vec::new(),
        )
        .await?;
        let caches: Vec<String> = state["caches"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|name| name.as_str().map(String::from))
            .collect();
        match caches.as_slice() {
            [cache] => Ok(Ok((
                state["script"].as_str().unwrap_or("").to_string(),
                state["scope"].as_str().unwrap_or("").to_string(),
                cache.clone(),
            ))),
            _ => Ok(Err(format!("service worker state {state}"))),
        }
    })
    .await
}

/// Runs `js` (the body of an async function) in the page and returns its result.
async fn run_async(page: &Page, js: &str, args: Vec<Value>) -> Outcome<Value> {
    page.script(&format!("return (async () => {{ {js} }})();"), args)
        .await
}

/// Every file of the build, relative to it (`index.html`, `icons/icon.svg`, …).
fn built_files() -> Vec<String> {
    fn walk(dir: &std::path::Path, root: &std::path::Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if let Ok(relative) = path.strip_prefix(root) {
                out.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut files = Vec::new();
    walk(&dist_dir(), &dist_dir(), &mut files);
    files.sort();
    files
}

#[tokio::test]
async fn every_view_works_offline_under_a_sub_path() {
    let copy = site_copy(&dist_dir(), SUB_PATH).expect("copy of the build");
    run_test_at("offline_sub_path", copy.path(), async |page: &Page| {
        page.visit(SUB_PATH).await?;
        let base = page.url_for(SUB_PATH);
        let (script, scope, cache) = wait_for_offline_copy(page).await?;
        ensure!(
            script == format!("{base}sw.js") && scope == base,
            "the service worker is {script} with scope {scope}; expected {base}sw.js, scope {base}"
        );
        // Every file of the build is in the cache (the worker lists them at build time).
        let cached = run_async(
            page,
            "const cache = await caches.open(arguments[0]);
             return (await cache.keys()).map((request) => request.url);",
            vec![json!(cache)],
        )
        .await?;
        let cached: BTreeSet<String> = cached
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|url| url.as_str()?.strip_prefix(&base).map(String::from))
            .collect();
        // What a view loads on demand (the map's code and outline), and the embedding
        // snippet that only other sites load, are not fetched at install.
        let on_demand = |file: &str| {
            ["land-110m.svg", "embed.js"].contains(&file) || file.starts_with("views/")
        };
        let missing: Vec<String> = built_files()
            .into_iter()
            .filter(|file| file != "sw.js" && !on_demand(file) && !cached.contains(file))
            .collect();
        ensure!(
            missing.is_empty(),
            "not cached for offline use: {missing:?}"
        );
        let early: Vec<&String> = cached.iter().filter(|file| on_demand(file)).collect();
        ensure!(early.is_empty(), "cached at install: {early:?}");
        // Once the map has been shown, it works offline too.
        page.visit(&format!("{SUB_PATH}?view=map")).await?;
        page.wait_for("#views-map svg .map-route").await?;

        page.stop_server();
        // The network is really gone: a file the worker never cached cannot be fetched.
        let probe = run_async(
            page,
            "try { await fetch('not-in-the-build.txt?' + Date.now()); return 'fetched'; }
             catch (error) { return 'failed'; }",
            Vec::new(),
        )
        .await?;
        ensure!(probe == "failed", "a request reached the stopped server ({probe})");
        // That failed request is the only error the page may log.
        for error in page.take_console_errors().await {
            ensure!(
                error.contains("not-in-the-build.txt"),
                "unexpected console error while offline: {error}"
            );
        }

        // A reload, and every kind of view opened by its own address, work from the cache.
        page.reload().await?;
        for (query, what) in [
            ("", "section#overview"),
            ("?q=Velayati", "#results .result"),
            (&format!("?q=Velayati&doc={VELAYATI_DOC}") as &str, "article#reader"),
            ("?view=report", "section#report"),
            ("?view=embed&q=Iran", "section#embed-builder"),
            ("?embed=1&q=Iran", "#results .result"),
            ("?view=timeline", "main > *"),
            ("?view=map", "#views-map svg .map-route"),
        ] {
            page.visit(&format!("{SUB_PATH}{query}")).await?;
            page.wait_for(what).await?;
        }
        // Typing a search and following links inside the app work offline too.
        page.visit(SUB_PATH).await?;
        page.replace_text("input#search", "Russia").await?;
        page.wait_for("#results .result").await?;
        let entity_links = page.attrs("a[href*='view=entity']", "href").await?;
        if let Some(entity) = entity_links.first() {
            page.visit(&format!("{SUB_PATH}{entity}")).await?;
            page.wait_for("main > *").await?;
        }

        // Installable: the manifest and every icon it names load (from the cache, offline),
        // and its addresses are relative, so it works in any folder.
        let manifest = run_async(
            page,
            "const link = document.querySelector('link[rel=manifest]');
             const response = await fetch(link.href);
             const manifest = await response.json();
             const icons = [];
             for (const icon of manifest.icons) {
               const answer = await fetch(new URL(icon.src, link.href));
               const bytes = (await answer.arrayBuffer()).byteLength;
               icons.push({ src: icon.src, ok: answer.ok, type: answer.headers.get('content-type'), bytes });
             }
             return { manifest, icons };",
            Vec::new(),
        )
        .await?;
        let fields = &manifest["manifest"];
        for key in ["start_url", "scope"] {
            let value = fields[key].as_str().unwrap_or("");
            ensure!(
                value == "./",
                "the manifest's {key} is {value:?}, expected \"./\" (relative)"
            );
        }
        ensure!(
            fields["name"].as_str().is_some_and(|name| !name.is_empty())
                && fields["theme_color"].as_str().is_some(),
            "the manifest lacks a name or theme colour: {fields}"
        );
        let icons = manifest["icons"].as_array().cloned().unwrap_or_default();
        ensure!(icons.len() >= 3, "the manifest lists {} icons", icons.len());
        for icon in &icons {
            ensure!(
                icon["ok"] == true && icon["bytes"].as_u64().unwrap_or(0) > 100,
                "icon {icon} did not load offline"
            );
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_new_build_is_announced_and_replaces_the_old_one() {
    let copy = site_copy(&dist_dir(), "").expect("copy of the build");
    let site = copy.path().to_path_buf();
    run_test_at("update_banner", &site, async |page: &Page| {
        page.visit("").await?;
        let (_, _, old_cache) = wait_for_offline_copy(page).await?;

        // Publish a "new build": a changed page, and the worker that lists it with a new version.
        let index = site.join("index.html");
        let html = std::fs::read_to_string(&index).map_err(|err| err.to_string())?;
        let marker = r#"<meta name="communique-test-build" content="2" />"#;
        std::fs::write(
            &index,
            // Before the first `<meta>`: the release build's minified page has no `<head>` tag.
            html.replacen("<meta", &format!("{marker}<meta"), 1),
        )
        .map_err(|err| err.to_string())?;
        let worker = site.join("sw.js");
        let source = std::fs::read_to_string(&worker).map_err(|err| err.to_string())?;
        let old_version = old_cache.rsplit(':').next().unwrap_or("").to_string();
        ensure!(
            !old_version.is_empty() && old_version != "dev" && source.contains(&old_version),
            "the built sw.js does not carry its build version ({old_cache})"
        );
        std::fs::write(
            &worker,
            source.replace(&old_version, &format!("{old_version}-next")),
        )
        .map_err(|err| err.to_string())?;

        // Loading the page again makes the browser check the worker; the page still runs the
        // old build, and says that a new one is ready.
        page.reload().await?;
        page.wait_for("#update-reload").await?;
        let banner = page.text(".update-banner").await?;
        ensure!(
            banner.contains("new version"),
            "the update banner says {banner:?}"
        );
        ensure!(
            page.find("meta[name='communique-test-build']")
                .await?
                .is_none(),
            "the new build was served before the reader agreed to reload"
        );

        page.click("#update-reload").await?;
        page.wait_for("meta[name='communique-test-build']").await?;
        page.wait_ready().await?;
        let names = run_async(
            page,
            "return (await caches.keys()).filter((n) => n.startsWith('communique:'));",
            Vec::new(),
        )
        .await?;
        let expected = format!("{}-next", old_cache);
        ensure!(
            names == json!([expected]),
            "after the update the caches are {names}, expected only {expected:?}"
        );
        ensure!(
            page.find("#update-reload").await?.is_none(),
            "the update banner is still shown after the update"
        );
        Ok(())
    })
    .await;
}
