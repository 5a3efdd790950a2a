//! The sharded layout in headless Chromium: the default corpus built in small shards
//! (`COMMUNIQUE_SHARDED_DIST`, made by `cargo xtask test`), against the same corpus embedded
//! in one bundle (the build under test). A query fetches only the shards it needs and finds
//! what the embedded build finds; the reader reads a text fetched on demand, and the report
//! page the report; a missing shard gives a message in the page; after "keep all", every
//! article reads with the network cut, and "keep all" with the network cut says what it could
//! not keep. The same corpus built to be fetched ahead
//! (`COMMUNIQUE_AHEAD_DIST`) fetches every shard with no query typed, then none, and keeps
//! them all for offline use from a first visit.

use std::path::PathBuf;

use communique_e2e::fixtures::site_copy;
use communique_e2e::server::SLOW_RELOADS;
use communique_e2e::{dist_dir, ensure, run_test_at, Outcome, Page};
use serde_json::Value;

/// The article that mentions Ali Akbar Velayati.
const VELAYATI_DOC: &str = "001_062efcb31f6393b3";
/// Where a copy of the sharded build is served below the harness's `/site/`.
const SUB_PATH: &str = "tools/archive/";

/// The sharded site of the default corpus.
fn sharded_dist() -> PathBuf {
    match std::env::var_os("COMMUNIQUE_SHARDED_DIST") {
        Some(dist) if !dist.is_empty() => PathBuf::from(dist),
        _ => communique_e2e::repo_root().join("target/sharded-dist"),
    }
}

/// The same sharded site, built to fetch every shard ahead once its first view is painted
/// (the default for a corpus this small; the other is built not to).
fn ahead_dist() -> PathBuf {
    match std::env::var_os("COMMUNIQUE_AHEAD_DIST") {
        Some(dist) if !dist.is_empty() => PathBuf::from(dist),
        _ => communique_e2e::repo_root().join("target/ahead-dist"),
    }
}

/// The shard files of the sharded site.
fn shard_files() -> Vec<String> {
    shard_files_of(&sharded_dist())
}

/// The shard files of the site in `dist`.
fn shard_files_of(dist: &std::path::Path) -> Vec<String> {
    let folder = dist.join("data");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap_or_else(|err| panic!("{}: {err}", folder.display()))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".bin"))
        .collect();
    names.sort();
    names
}

/// The shard files the page has requested so far (from the browser's resource timings).
async fn fetched_shards(page: &Page) -> Outcome<Vec<String>> {
    let names = page
        .script(
            "return performance.getEntriesByType('resource')
               .map((entry) => entry.name)
               .filter((name) => name.includes('/data/'))
               .map((name) => name.slice(name.lastIndexOf('/') + 1));",
            Vec::new(),
        )
        .await?;
    let mut names: Vec<String> = names
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|name| name.as_str().map(String::from))
        .collect();
    names.sort();
    names.dedup();
    Ok(names)
}

/// Fails if the page reports a shard it could not load.
async fn no_problems(page: &Page) -> Outcome {
    ensure!(
        page.find("#shard-problems li").await?.is_none(),
        "the page reports a problem: {}",
        page.text("#shard-problems").await?
    );
    Ok(())
}

/// The text of the element `css` once it contains `needle`.
async fn wait_for_text(page: &Page, css: &str, needle: &str) -> Outcome<String> {
    page.wait_until(&format!("{css} to say {needle:?}"), async || {
        let text = page.text(css).await.unwrap_or_default();
        Ok(match text.contains(needle) {
            true => Ok(text),
            false => Err(format!("{css} shows {text:?}")),
        })
    })
    .await
}

/// The result count once it is a number (not "Loading…"), and the documents listed.
async fn results(page: &Page) -> Outcome<(String, Vec<String>)> {
    page.wait_until("the results to settle", async || {
        let count = page.text("#result-count").await?;
        if count.contains("Loading") || count.is_empty() {
            return Ok(Err(format!("result count {count:?}")));
        }
        // Every row on screen has its passages: the texts have arrived.
        let rows = page.attrs("#results .result", "data-doc").await?;
        let snippets = page.find_all("#results .result .snippet").await?.len();
        if !rows.is_empty() && snippets == 0 {
            return Ok(Err("rows without passages".to_string()));
        }
        Ok(Ok((count, rows)))
    })
    .await
}

/// The queries the two layouts are compared on: words, a phrase, a prefix, a typo, a filter.
const QUERIES: [&str; 6] = [
    "?q=Velayati",
    "?q=%22nuclear+program%22",
    "?q=Iran+Russia",
    "?q=cooperat",
    "?q=Moskow",
    "?q=visit&sort=newest",
];

#[tokio::test]
async fn the_sharded_layout_finds_what_one_bundle_finds_fetching_only_what_it_needs() {
    let mut embedded = Vec::new();
    run_test_at(
        "shards_embedded_results",
        &dist_dir(),
        async |page: &Page| {
            for query in QUERIES {
                page.visit(query).await?;
                embedded.push(results(page).await?);
            }
            Ok(())
        },
    )
    .await;
    let all = shard_files();
    assert!(
        all.len() > 10,
        "the sharded test site has {} shards",
        all.len()
    );
    run_test_at("shards_results", &sharded_dist(), async |page: &Page| {
        page.visit("").await?;
        page.wait_for("section#overview").await?;
        let at_start = fetched_shards(page).await?;
        ensure!(
            at_start.is_empty(),
            "the overview fetched shards before any query: {at_start:?}"
        );
        page.visit(QUERIES[0]).await?;
        let (count, rows) = results(page).await?;
        let fetched = fetched_shards(page).await?;
        // One term's postings, and the texts of the rows shown (their passages), not more.
        let kind = |names: &[String], kind: &str| {
            names.iter().filter(|name| name.starts_with(kind)).count()
        };
        ensure!(
            kind(&fetched, "post-") == 1
                && kind(&all, "post-") > 2
                && (1..=rows.len()).contains(&kind(&fetched, "text-"))
                && kind(&all, "text-") > rows.len(),
            "a one-word query with {} rows fetched {fetched:?} of {all:?}",
            rows.len()
        );
        ensure!(
            fetched.iter().all(|name| all.contains(name)),
            "fetched files that are no shards: {fetched:?}"
        );
        ensure!(
            (count.clone(), rows.clone()) == embedded[0],
            "{}: {count} {rows:?}, but one bundle gives {:?}",
            QUERIES[0],
            embedded[0]
        );
        for (query, expect) in QUERIES.iter().zip(&embedded).skip(1) {
            page.visit(query).await?;
            let got = results(page).await?;
            ensure!(
                &got == expect,
                "{query}: {got:?}, but one bundle gives {expect:?}"
            );
        }
        no_problems(page).await
    })
    .await;
}

#[tokio::test]
async fn a_small_corpus_is_fetched_ahead_and_its_searches_then_fetch_nothing() {
    let mut embedded = None;
    run_test_at("shards_ahead_embedded", &dist_dir(), async |page: &Page| {
        page.visit(QUERIES[0]).await?;
        embedded = Some(results(page).await?);
        Ok(())
    })
    .await;
    let all = shard_files_of(&ahead_dist());
    run_test_at("shards_ahead", &ahead_dist(), async |page: &Page| {
        page.visit("").await?;
        page.wait_for("section#overview").await?;
        // With no query typed, every shard arrives.
        page.wait_until("every shard to be fetched ahead", async || {
            let fetched = fetched_shards(page).await?;
            Ok(match fetched == all {
                true => Ok(()),
                false => Err(format!("fetched {} of {} shards", fetched.len(), all.len())),
            })
        })
        .await?;
        wait_for_text(page, ".keep-all", "fetched once the page opens").await?;
        let requests = "return performance.getEntriesByType('resource').length;";
        let before = page.script(requests, Vec::new()).await?;
        // Typed into the page already open, which holds the shards (a visit would load
        // another page).
        page.type_into("#search", "Velayati").await?;
        let found = results(page).await?;
        ensure!(
            Some(&found) == embedded.as_ref(),
            "typed Velayati: {found:?}, but one bundle gives {embedded:?}"
        );
        page.click("#results .result .result-title").await?;
        wait_for_text(page, "article#reader", "Velayati").await?;
        let after = page.script(requests, Vec::new()).await?;
        ensure!(
            before == after,
            "a query and an article fetched ahead still requested files ({before} before, \
             {after} after)"
        );
        no_problems(page).await
    })
    .await;
}

#[tokio::test]
async fn a_first_visit_keeps_what_it_fetched_ahead_for_offline_use() {
    let copy = site_copy(&ahead_dist(), SUB_PATH).expect("copy of the fetched-ahead build");
    // The worker's install is slow: the shards would be fetched ahead before it controls the
    // page, bypassing it.
    std::fs::write(copy.path().join(SLOW_RELOADS), "").expect("the slow-reloads marker");
    let all = shard_files_of(&ahead_dist());
    run_test_at("shards_ahead_offline", copy.path(), async |page: &Page| {
        // A first visit: no worker controls the page as it opens. Nothing but the page is
        // visited, and no article is opened before the network is cut.
        page.visit(SUB_PATH).await?;
        page.wait_until("every shard to be kept by the service worker", async || {
            let kept = page.script(KEPT_SHARDS, Vec::new()).await?;
            Ok(match kept.as_u64() == Some(all.len() as u64) {
                true => Ok(()),
                false => Err(format!("{kept} of {} shards kept", all.len())),
            })
        })
        .await?;
        page.stop_server();
        page.visit(&format!("{SUB_PATH}?q=Velayati")).await?;
        let (_, rows) = results(page).await?;
        ensure!(
            rows.iter().any(|row| row == VELAYATI_DOC),
            "offline, Velayati should find {VELAYATI_DOC}, finds {rows:?}"
        );
        for id in crate_ids_offline(page).await? {
            reads_offline(page, &id).await?;
        }
        no_problems(page).await
    })
    .await;
}

/// How many shards the service worker keeps (its cache named in `sw-shards.js`), or `null`
/// before a worker is ready.
const KEPT_SHARDS: &str = "
const ready = navigator.serviceWorker && navigator.serviceWorker.controller;
if (!ready) { return null; }
return navigator.serviceWorker.ready
  .then((registration) => caches.open('communique-data:' + registration.scope))
  .then((cache) => cache.keys())
  .then((keys) => keys.length);";

/// The ids of the articles, from the overview, read with the network cut.
async fn crate_ids_offline(page: &Page) -> Outcome<Vec<String>> {
    page.visit(SUB_PATH).await?;
    page.wait_for("section#overview a.doc-title").await?;
    let ids = crate_ids(page).await?;
    ensure!(
        ids.len() == 5,
        "the overview lists {} articles offline",
        ids.len()
    );
    Ok(ids)
}

#[tokio::test]
async fn the_reader_reads_a_text_fetched_on_demand_under_a_sub_path() {
    let copy = site_copy(&sharded_dist(), SUB_PATH).expect("copy of the sharded build");
    run_test_at("shards_reader", copy.path(), async |page: &Page| {
        page.visit(&format!("{SUB_PATH}?doc={VELAYATI_DOC}"))
            .await?;
        let text = wait_for_text(page, "article#reader", "Velayati").await?;
        ensure!(
            text.len() > 500,
            "the reader shows only {} characters",
            text.len()
        );
        // Marks of entities need the mentions, fetched too.
        page.wait_for("article#reader mark, article#reader .mention")
            .await?;
        let fetched = fetched_shards(page).await?;
        ensure!(
            fetched.iter().any(|name| name.starts_with("text-")),
            "no text shard was fetched: {fetched:?}"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_report_is_read_from_its_own_shard_as_one_bundle_shows_it() {
    let mut embedded = (String::new(), Vec::new());
    run_test_at(
        "shards_report_embedded",
        &dist_dir(),
        async |page: &Page| {
            page.visit("?view=report").await?;
            embedded = (
                page.text("#report .report-summary").await?,
                page.texts("#report .report-file").await?,
            );
            Ok(())
        },
    )
    .await;
    run_test_at("shards_report", &sharded_dist(), async |page: &Page| {
        page.visit("?view=report").await?;
        let summary = wait_for_text(page, "#report .report-summary", " read, ").await?;
        let files = page.texts("#report .report-file").await?;
        ensure!(
            (&summary, &files) == (&embedded.0, &embedded.1),
            "the report shows {summary:?} {files:?}, but one bundle shows {embedded:?}"
        );
        let fetched = fetched_shards(page).await?;
        ensure!(
            fetched.len() == 1 && fetched[0].starts_with("report-"),
            "the report page fetched {fetched:?}"
        );
        no_problems(page).await
    })
    .await;
}

#[tokio::test]
async fn a_missing_shard_is_reported_in_the_page() {
    let copy = site_copy(&sharded_dist(), "").expect("copy of the sharded build");
    let data = copy.path().join("data");
    for name in shard_files() {
        if name.starts_with("text-") {
            std::fs::remove_file(data.join(&name)).expect("a shard of the copy");
        }
    }
    run_test_at("shards_missing", copy.path(), async |page: &Page| {
        page.visit(&format!("?doc={VELAYATI_DOC}")).await?;
        let message = wait_for_text(page, "#shard-problems", "could not be loaded").await?;
        ensure!(
            message.contains("text-") && message.contains("404"),
            "the message does not name the file and the reason: {message:?}"
        );
        // The rest of the page still works.
        page.visit("").await?;
        page.wait_for("section#overview").await?;
        // The failed requests are the only errors the page may log.
        for error in page.take_console_errors().await {
            ensure!(error.contains("404"), "unexpected console error: {error}");
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn what_was_read_reads_offline() {
    let copy = site_copy(&sharded_dist(), SUB_PATH).expect("copy of the sharded build");
    run_test_at("shards_offline_seen", copy.path(), async |page: &Page| {
        visit_with_worker(page).await?;
        // Read once online: the service worker keeps the shards the page fetched.
        let reader = format!("{SUB_PATH}?doc={VELAYATI_DOC}");
        page.visit(&reader).await?;
        wait_for_text(page, "article#reader", "Velayati").await?;
        page.stop_server();
        page.visit(&reader).await?;
        wait_for_text(page, "article#reader", "Velayati").await?;
        no_problems(page).await
    })
    .await;
}

/// Opens the copy under its sub-path and waits until a service worker controls the page.
async fn visit_with_worker(page: &Page) -> Outcome {
    page.visit(SUB_PATH).await?;
    page.wait_until("a service worker to control the page", async || {
        let controlled = page
            .script("return !!navigator.serviceWorker.controller;", Vec::new())
            .await?;
        Ok(match controlled {
            Value::Bool(true) => Ok(()),
            other => Err(format!("controller: {other}")),
        })
    })
    .await
}

#[tokio::test]
async fn after_keep_all_every_article_reads_offline() {
    let copy = site_copy(&sharded_dist(), SUB_PATH).expect("copy of the sharded build");
    run_test_at("shards_keep_all", copy.path(), async |page: &Page| {
        visit_with_worker(page).await?;
        page.click("#keep-all").await?;
        wait_for_text(page, "#keep-all-status", "All articles are kept").await?;
        page.stop_server();
        let ids = crate_ids(page).await?;
        ensure!(ids.len() == 5, "the overview lists {} articles", ids.len());
        for id in ids {
            reads_offline(page, &id).await?;
        }
        no_problems(page).await
    })
    .await;
}

#[tokio::test]
async fn keeping_all_with_the_network_cut_says_what_was_not_kept() {
    let copy = site_copy(&sharded_dist(), SUB_PATH).expect("copy of the sharded build");
    run_test_at("shards_keep_all_cut", copy.path(), async |page: &Page| {
        visit_with_worker(page).await?;
        page.stop_server();
        page.click("#keep-all").await?;
        let status = wait_for_text(page, "#keep-all-status", "could not be fetched").await?;
        ensure!(
            status.contains(&format!("of {} parts", shard_files().len())),
            "the status should say how many of the parts failed: {status:?}"
        );
        let disabled = page
            .script(
                "return document.getElementById('keep-all').disabled;",
                Vec::new(),
            )
            .await?;
        ensure!(
            disabled == Value::Bool(false),
            "the button should be enabled again to retry, disabled: {disabled}"
        );
        // The failed requests are the only errors the page may log.
        for error in page.take_console_errors().await {
            ensure!(
                error.contains("/data/") || error.contains("Failed to fetch"),
                "unexpected console error: {error}"
            );
        }
        Ok(())
    })
    .await;
}

/// Opens the article `id` in the reader, with the network cut, and waits for its text.
async fn reads_offline(page: &Page, id: &str) -> Outcome {
    page.visit(&format!("{SUB_PATH}?doc={id}")).await?;
    page.wait_until("the article's text offline", async || {
        let paragraphs = page.find_all("article#reader p").await?.len();
        Ok(match paragraphs > 1 {
            true => Ok(()),
            false => Err(format!("{paragraphs} paragraphs")),
        })
    })
    .await
}

/// The ids of the articles the overview links to.
async fn crate_ids(page: &Page) -> Outcome<Vec<String>> {
    let hrefs = page.attrs("section#overview a.doc-title", "href").await?;
    Ok(hrefs
        .iter()
        .filter_map(|href| href.split("doc=").nth(1))
        .map(|id| id.split('&').next().unwrap_or(id).to_string())
        .collect())
}
