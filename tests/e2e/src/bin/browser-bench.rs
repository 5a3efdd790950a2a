//! `browser-bench --dist DIR --queries FILE [--label TEXT] [--loads N] [--cold N]
//! [--profile FILE] [--profile-load FILE] [--profile-cold FILE] [--profile-again FILE]`:
//! in-browser timings of a
//! built site, run by `cargo xtask bench`.
//!
//! Time to interactive: milliseconds from the start of navigation until `body[data-ready=true]`
//! (the app mounted and decoded its corpus), for first loads, each in a browser of its own
//! (`--cold N`, their median: one first load varies by 100 ms on a busy machine), and for
//! reloads. For a sharded site, in the first of those browsers, whether the page fetched every
//! shard ahead after its first view, and when the last arrived.
//! The map: milliseconds from the start of navigation to `?view=map` in a fresh browser until
//! the views (loaded on demand) have drawn it, and the bytes of its code and outline.
//! Search latency: the page is opened with `?bench=1` and `window.communiqueBench(queries)`
//! is called with the queries as an array of strings; it answers each query's time in milliseconds (an array of numbers, or an object
//! with a `timings_ms` array), measured inside the page with `performance.now()`.
//! Keystroke latency, what a person waits for: [`TYPED_QUERIES`] queries spread over the file are typed
//! into the real search box one character at a time (the value set, an `input` event fired),
//! each timed from just before the event to the app's last DOM change it caused (a
//! `MutationObserver` over the whole page, settled once nothing changed for [`SETTLE_MS`]);
//! then the same queries typed again, when a sharded site has every shard they need.
//! Memory: the WASM's linear memory (caught as the page instantiates its module) and the JS heap
//! (`performance.memory.usedJSHeapSize`, Chromium only), after the first load and after the
//! typed queries, beside the bytes the page had loaded by then (the WASM and the shards, decoded).
//! Bytes: those fetched before the page was ready, those the first typed query fetched, and
//! those opening the overview's first article in the reader fetched.
//! `--profile FILE`: a CPU profile of the first typing of the queries, written as a
//! `.cpuprofile` (DevTools opens it), and the functions that took the most time themselves.
//! `--profile-load FILE`: the same of the load of the page the queries are typed in (from the
//! browser's cache, so it shows the page's own start: decoding the bundle, the first view).
//! `--profile-cold FILE`: the same of a first load in a fresh browser, one more than `--cold`
//! and not timed, which is what the first-load target is stated for: nothing is cached, so
//! the WebAssembly is compiled as its functions are first called, and runs in the browser's
//! first, slower tier meanwhile (about three times the start of a load from the cache here).
//! `--profile-again FILE`: the same of the queries typed again (what the 100,000-article target
//! is stated for: the shards they need are kept).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use communique_bench::queries::read_queries;
use communique_bench::stats::{ms, targets, verdict, Summary};
use communique_e2e::browser::DevTools;
use communique_e2e::{Failure, Outcome, Page};
use serde_json::{json, Value};

/// Page loads timed unless `--loads` says otherwise (the first is cold, the rest are reloads).
const DEFAULT_LOADS: usize = 6;
/// First loads, each in a fresh browser, unless `--cold` says otherwise.
const DEFAULT_COLD: usize = 5;
/// Queries typed key by key into the search box.
const TYPED_QUERIES: usize = 30;
/// Quiet time after which a keystroke's DOM changes count as finished, in milliseconds.
const SETTLE_MS: u32 = 60;

/// Where a load's time and bytes went, from the Resource Timing entries: when the WASM had
/// arrived and when the page was ready (both from navigation start), and the bytes every
/// resource fetched before the page was ready took on the wire and decoded.
const FIRST_LOAD_PHASES: &str = r#"
const ready = window.__communiqueReadyAt;
const entries = performance.getEntriesByType('resource').filter(e => e.startTime <= ready);
const wasm = entries.find(e => e.name.endsWith('.wasm'));
const sum = key => entries.reduce((total, e) => total + (e[key] || 0), 0);
return `WASM arrived ${wasm ? wasm.responseEnd.toFixed(0) : '?'} ms, ready ${ready.toFixed(0)} ms; `
  + `${entries.length} requests before ready, ${sum('encodedBodySize')} bytes on the wire `
  + `(${sum('decodedBodySize')} decoded)`;
"#;

/// The requests made since the first `arguments[0]` resource entries, and their bytes.
const FETCHED_SINCE: &str = r#"
const entries = performance.getEntriesByType('resource').slice(arguments[0]);
const bytes = entries.reduce((total, e) => total + (e.encodedBodySize || 0), 0);
return `${entries.length} requests, ${bytes} bytes on the wire`;
"#;

/// Run before the page's own scripts: keeps the memory of every WebAssembly instance the page
/// makes (wasm-bindgen instantiates through one of these two), for [`MEMORY`].
const WATCH_WASM_MEMORY: &str = r#"(() => {
  window.__wasmMemories = [];
  const keep = result => {
    const instance = result.instance || result;
    if (instance.exports && instance.exports.memory) { window.__wasmMemories.push(instance.exports.memory); }
    return result;
  };
  const streaming = WebAssembly.instantiateStreaming, plain = WebAssembly.instantiate;
  if (streaming) { WebAssembly.instantiateStreaming = (...args) => streaming(...args).then(keep); }
  WebAssembly.instantiate = (...args) => plain(...args).then(keep);
})();"#;

/// The page's memory now, and what it has loaded: one line.
const MEMORY: &str = r#"
const wasm = (window.__wasmMemories || []).reduce((total, m) => total + m.buffer.byteLength, 0);
const heap = performance.memory ? performance.memory.usedJSHeapSize : 0;
const loaded = performance.getEntriesByType('resource')
  .filter(e => /\.wasm$|\/data\/[^/]*\.bin$/.test(e.name))
  .reduce((total, e) => total + (e.decodedBodySize || 0), 0);
return [wasm, heap, loaded];
"#;

/// Types `arguments[0]` (one query) into the search box key by key and answers the
/// milliseconds from each `input` event to the last DOM change it caused; then clears the
/// box, untimed. One query a call keeps each call within WebDriver's script timeout.
const TYPE_KEYS: &str = r#"
const query = arguments[0], settle = arguments[1];
const box = document.getElementById('search');
if (!box) { return 'no #search box'; }
const key = value => new Promise(done => {
  const start = performance.now();
  let last = start;
  const seen = new MutationObserver(() => { last = performance.now(); });
  seen.observe(document.documentElement,
    { subtree: true, childList: true, attributes: true, characterData: true });
  box.value = value;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  const check = () => {
    if (performance.now() - last >= settle) { seen.disconnect(); done(last - start); }
    else { setTimeout(check, 5); }
  };
  setTimeout(check, 5);
});
return (async () => {
  const times = [];
  for (let n = 1; n <= query.length; n++) { times.push(await key(query.slice(0, n))); }
  box.value = '';
  box.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise(done => setTimeout(done, settle * 2));
  return times;
})();
"#;

struct Options {
    dist: PathBuf,
    queries: PathBuf,
    label: String,
    loads: usize,
    cold: usize,
    /// Where to write a CPU profile of the typed queries (`--profile FILE`), if anywhere.
    profile: Option<PathBuf>,
    /// Where to write a CPU profile of the page's start (`--profile-load FILE`), if anywhere.
    profile_load: Option<PathBuf>,
    /// Where to write a CPU profile of a first load in a fresh browser (`--profile-cold FILE`).
    profile_cold: Option<PathBuf>,
    /// Where to write a CPU profile of the queries typed again (`--profile-again FILE`).
    profile_again: Option<PathBuf>,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1).collect()) {
        Ok(options) => options,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    };
    let ahead = match cold_loads(&options).await {
        Ok(ahead) => ahead,
        Err(failure) => {
            eprintln!("error: {failure}");
            return ExitCode::FAILURE;
        }
    };
    for (view, drawn) in [("map", MAP_DRAWN), ("network", NETWORK_DRAWN)] {
        if let Err(failure) = cold_view_loads(&options, view, drawn).await {
            eprintln!("error: {failure}");
            return ExitCode::FAILURE;
        }
    }
    let page = match Page::open(&options.dist).await {
        Ok(page) => page,
        Err(failure) => {
            eprintln!("error: {failure}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = measure(&page, &options, ahead).await;
    let errors = page.console_errors().await;
    page.close().await;
    for error in &errors {
        eprintln!("console error: {error}");
    }
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("error: {failure}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args(args: Vec<String>) -> Result<Options, String> {
    const USAGE: &str =
        "usage: browser-bench --dist DIR --queries FILE [--label TEXT] [--loads N] [--cold N] \
         [--profile FILE] [--profile-load FILE] [--profile-cold FILE] [--profile-again FILE]";
    let mut options = Options {
        dist: PathBuf::new(),
        queries: PathBuf::new(),
        label: "site".into(),
        loads: DEFAULT_LOADS,
        cold: DEFAULT_COLD,
        profile: None,
        profile_load: None,
        profile_cold: None,
        profile_again: None,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let value = args
            .next()
            .ok_or_else(|| format!("{arg} expects a value\n{USAGE}"))?;
        match arg.as_str() {
            "--dist" => options.dist = value.into(),
            "--queries" => options.queries = value.into(),
            "--label" => options.label = value,
            "--loads" => {
                options.loads = value
                    .parse()
                    .ok()
                    .filter(|loads| *loads > 0)
                    .ok_or_else(|| format!("--loads expects a positive number, not {value:?}"))?
            }
            "--cold" => {
                options.cold = value
                    .parse()
                    .map_err(|_| format!("--cold expects a number, not {value:?}"))?
            }
            "--profile" => options.profile = Some(value.into()),
            "--profile-load" => options.profile_load = Some(value.into()),
            "--profile-cold" => options.profile_cold = Some(value.into()),
            "--profile-again" => options.profile_again = Some(value.into()),
            _ => return Err(format!("unknown option {arg:?}\n{USAGE}")),
        }
    }
    if options.dist.as_os_str().is_empty() || options.queries.as_os_str().is_empty() {
        return Err(USAGE.to_string());
    }
    Ok(options)
}

/// Times `options.cold` first loads, each in a browser of its own, and prints their median;
/// and for a sharded site, in the first of them, what the page fetched ahead ([`FETCHED_AHEAD`]).
/// Whether it fetched every shard ahead.
async fn cold_loads(options: &Options) -> Outcome<bool> {
    let shards = shard_count(&options.dist);
    let (mut times, mut ahead) = (Vec::new(), false);
    for time in 0..options.cold {
        let page = Page::open(&options.dist).await?;
        let ready: Result<f64, Failure> = async {
            page.visit("").await?;
            let ready = page.ready_at_ms().await?;
            if time == 0 && shards > 0 {
                ahead = print_fetched_ahead(&page, &options.label, shards).await?;
            }
            Ok(ready)
        }
        .await;
        page.close().await;
        times.push(Duration::from_secs_f64(ready? / 1000.0));
    }
    if let Some(summary) = Summary::of(&times) {
        println!(
            "browser {}: time to interactive, first load in a fresh browser ({} browsers): {summary}",
            options.label, summary.count
        );
    }
    if let Some(path) = &options.profile_cold {
        let page = Page::open(&options.dist).await?;
        let profiled = profile_first_load(&page, &options.label, path).await;
        page.close().await;
        profiled?;
    }
    Ok(ahead)
}

/// Writes a CPU profile of a first load in `page`'s fresh browser to `path`. The profiler
/// follows one page, so it starts on a small file of the same site (the web manifest), then
/// the page is opened in the same tab.
async fn profile_first_load(page: &Page, label: &str, path: &std::path::Path) -> Outcome {
    let manifest = page.url_for("manifest.webmanifest");
    page.client().goto(&manifest).await?;
    start_profile(page).await?;
    page.visit("").await?;
    page.ready_at_ms().await?;
    stop_profile(page, label, path, "a first load in a fresh browser").await
}

/// The shard files of the site in `dist` (none for a corpus in one bundle).
fn shard_count(dist: &std::path::Path) -> usize {
    std::fs::read_dir(dist.join("data")).map_or(0, |files| {
        (files.flatten())
            .filter(|file| file.file_name().to_string_lossy().ends_with(".bin"))
            .count()
    })
}

/// The shards a page has fetched: how many, their bytes on the wire, and when the last
/// arrived (milliseconds from navigation start).
const FETCHED_AHEAD: &str = r#"
const shards = performance.getEntriesByType('resource').filter(e => /\/data\/[^/]*\.bin$/.test(e.name));
return [shards.length, shards.reduce((n, e) => n + (e.encodedBodySize || 0), 0),
  shards.reduce((last, e) => Math.max(last, e.responseEnd), 0)];"#;

/// Waits, after the first view, for the page to fetch its `shards` ahead (a site small
/// enough fetches them all, `src/shards.rs`), until all have arrived or none arrived for two
/// seconds, and prints what it fetched and when the last arrived; whether it fetched them all.
async fn print_fetched_ahead(page: &Page, label: &str, shards: usize) -> Outcome<bool> {
    let _ = page
        .script(
            "performance.setResourceTimingBufferSize(1000000);",
            Vec::new(),
        )
        .await?;
    let (mut seen, mut quiet) = (Value::Null, 0);
    while quiet < 40 {
        tokio::time::sleep(Duration::from_millis(50)).await;
        let now = page.script(FETCHED_AHEAD, Vec::new()).await?;
        if now[0].as_u64() == Some(shards as u64) {
            seen = now;
            break;
        }
        quiet = if now == seen { quiet + 1 } else { 0 };
        seen = now;
    }
    let [count, bytes, last] = [0, 1, 2].map(|n| seen[n].as_f64().unwrap_or(0.0));
    if count as usize == shards {
        println!(
            "browser {label}: every shard fetched ahead after the first view ({shards} files, \
             {bytes} bytes on the wire): the last arrived {last:.0} ms after navigation start"
        );
    } else {
        println!(
            "browser {label}: no shards fetched ahead: {count} of {shards} files fetched two \
             seconds after the last ({bytes} bytes on the wire)"
        );
    }
    Ok(count as usize == shards)
}

/// When the map a person opens by its address is drawn (its code and outline load on demand):
/// milliseconds from navigation start, and the bytes of those on-demand files.
const MAP_DRAWN: &str = "
const marks = document.querySelector('#views-map .map-marks');
if (!marks || !marks.firstChild || !document.getElementById('route-count')?.textContent) {
  return null;
}
const later = performance.getEntriesByType('resource')
  .filter((e) => e.name.includes('/views/') || e.name.includes('land-110m'));
return [performance.now(), later.reduce((n, e) => n + e.encodedBodySize, 0), later.length];";

/// When the network a person opens by its address is drawn (its code and drawing load on
/// demand): as [`MAP_DRAWN`].
const NETWORK_DRAWN: &str = "
const nodes = document.querySelector('#views-network .network-nodes');
if (!nodes || !nodes.firstChild || !document.getElementById('network-count')?.textContent.includes('in view')) {
  return null;
}
const later = performance.getEntriesByType('resource').filter((e) => e.name.includes('/views/'));
return [performance.now(), later.reduce((n, e) => n + e.encodedBodySize, 0), later.length];";

/// Times `options.cold` first loads of a view drawn by the views that load on demand
/// (`?view=map` or `?view=network`, `view`), each in a browser of its own, until `drawn` (a
/// script) says it is drawn, and prints their median.
async fn cold_view_loads(options: &Options, view: &str, drawn: &str) -> Outcome {
    let mut times = Vec::new();
    let mut fetched = Value::Null;
    for _ in 0..options.cold {
        let page = Page::open(&options.dist).await?;
        let answer = async {
            page.visit(&format!("?view={view}")).await?;
            page.wait_until(&format!("the {view} to be drawn"), async || {
                let answer = page.script(drawn, Vec::new()).await?;
                Ok(if answer.is_array() {
                    Ok(answer)
                } else {
                    Err("not yet".to_string())
                })
            })
            .await
        }
        .await;
        page.close().await;
        let answer = answer?;
        times.push(Duration::from_secs_f64(
            answer[0].as_f64().unwrap_or(0.0) / 1000.0,
        ));
        fetched = answer;
    }
    if let Some(summary) = Summary::of(&times) {
        println!(
            "browser {}: the {view} drawn, first load of ?view={view} in a fresh browser ({} \
             browsers): {summary}; its code and data, loaded on demand: {} bytes on the wire in \
             {} files",
            options.label, summary.count, fetched[1], fetched[2]
        );
    }
    Ok(())
}

/// `ahead`: whether the site fetches every shard ahead, so that what the first query and the
/// first article fetched counts those fetched ahead meanwhile.
async fn measure(page: &Page, options: &Options, ahead: bool) -> Outcome {
    let meanwhile = if ahead {
        " (with the shards fetched ahead meanwhile)"
    } else {
        ""
    };
    let label = &options.label;
    let queries = read_queries(&options.queries)?;

    // Best effort, as `Page::open`'s timer: without it the memory line says it is missing.
    let _ = page
        .client()
        .issue_cmd(DevTools::script_on_new_document(WATCH_WASM_MEMORY))
        .await;
    page.visit("?bench=1").await?;
    let first = page.ready_at_ms().await?;
    print_memory(
        label,
        "after the first load",
        &page.script(MEMORY, Vec::new()).await?,
    );
    let phases = page.script(FIRST_LOAD_PHASES, Vec::new()).await?;
    let mut reloads = Vec::new();
    for _ in 1..options.loads {
        page.reload().await?;
        reloads.push(Duration::from_secs_f64(page.ready_at_ms().await? / 1000.0));
    }
    let reload_median = Summary::of(&reloads).map_or("n/a".to_string(), |s| ms(s.median));
    println!(
        "browser {label}: time to interactive {} first load, {reload_median} median of {} reloads \
         (navigation start to body[data-ready=true])",
        ms(Duration::from_secs_f64(first / 1000.0)),
        reloads.len()
    );
    if let Some(line) = phases.as_str() {
        println!("browser {label}: first load, {line}");
    }

    if options.profile_load.is_some() {
        start_profile(page).await?;
    }
    page.visit("").await?;
    if let Some(path) = &options.profile_load {
        stop_profile(page, label, path, "the page's start").await?;
    }
    // Spread over the file: single words, pairs, phrases, prefixes and misspellings alike.
    let step = (queries.len() / TYPED_QUERIES).max(1);
    let typed: Vec<&String> = queries.iter().step_by(step).take(TYPED_QUERIES).collect();
    let (mut keystrokes, mut first_keys, mut later_keys) = (Vec::new(), Vec::new(), Vec::new());
    // What the first query fetched beyond the first view (a sharded site's shards). The
    // browser keeps 250 resource timings unless asked for more: the typed queries fetch more
    // shards than that, and the memory they are set against must count them all.
    let loaded = page
        .script(
            "performance.setResourceTimingBufferSize(1000000); \
             return performance.getEntriesByType('resource').length;",
            Vec::new(),
        )
        .await?;
    if options.profile.is_some() {
        start_profile(page).await?;
    }
    let typed_keys = type_queries(page, &typed, label, Some((&loaded, meanwhile))).await?;
    for times in &typed_keys {
        first_keys.extend(times.first());
        later_keys.extend(times.iter().skip(1));
        keystrokes.extend(times);
    }
    if let Some(path) = &options.profile {
        stop_profile(page, label, path, "the typed queries").await?;
    }
    print_memory(
        label,
        "after the typed queries",
        &page.script(MEMORY, Vec::new()).await?,
    );
    let summary = Summary::of(&keystrokes).ok_or_else(|| Failure("no keystrokes".into()))?;
    println!(
        "browser {label}: keystroke to last DOM change ({} keys of {} queries, real search box): \
         {summary}",
        summary.count,
        typed.len(),
    );
    // The first key of a query also swaps the overview for the results page.
    let parts = [
        ("first keys (overview to results)", &first_keys),
        ("later keys", &later_keys),
    ];
    for (what, times) in parts {
        if let Some(summary) = Summary::of(times) {
            println!("browser {label}: {what}: {summary}");
        }
    }
    println!(
        "browser {label}: {}",
        verdict(
            &format!("keystroke p95 <= {}", ms(targets::KEYSTROKE_P95)),
            summary.p95 <= targets::KEYSTROKE_P95
        )
    );

    // The same queries again: a sharded site has now fetched and kept every shard they need,
    // which is what the issue's 100,000-article target is stated for.
    if options.profile_again.is_some() {
        start_profile(page).await?;
    }
    let again: Vec<Duration> = type_queries(page, &typed, label, None)
        .await?
        .into_iter()
        .flatten()
        .collect();
    if let Some(path) = &options.profile_again {
        stop_profile(page, label, path, "the queries typed again").await?;
    }
    if let Some(summary) = Summary::of(&again) {
        println!("browser {label}: the same queries typed again (their shards kept): {summary}");
    }

    // What opening an article fetches (in a sharded site, its text and the mention lists of
    // its entities): the overview's first, in a page loaded afresh, which holds no shard (the
    // browser's cache may answer the requests; they are counted all the same).
    page.visit("").await?;
    if page.find(".doc-title").await?.is_some() {
        let before = page
            .script(
                "return performance.getEntriesByType('resource').length;",
                Vec::new(),
            )
            .await?;
        page.click(".doc-title").await?;
        page.wait_for("article#reader").await?;
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let fetched = page.script(FETCHED_SINCE, vec![before]).await?;
        println!(
            "browser {label}: opening the overview's first article: {}{meanwhile}",
            fetched.as_str().unwrap_or("?")
        );
    }

    page.visit("?bench=1").await?;
    let has_hook = page
        .script(
            "return typeof window.communiqueBench === 'function';",
            Vec::new(),
        )
        .await?;
    if has_hook != json!(true) {
        return Err(Failure(format!(
            "browser {label}: no search timings: the page (opened with ?bench=1) does not define \
             window.communiqueBench(queries)"
        )));
    }
    let answer = page
        .script(
            "return window.communiqueBench(arguments[0]);",
            vec![json!(queries)],
        )
        .await?;
    let timings = timings_of(&answer).ok_or_else(|| {
        Failure(format!(
            "window.communiqueBench answered {answer}, not an array of milliseconds \
             (or {{\"timings_ms\": [...]}})"
        ))
    })?;
    let summary = Summary::of(&timings).ok_or_else(|| Failure("no timings".into()))?;
    println!(
        "browser {label}: search ({} timings, in page): {summary}",
        summary.count
    );
    println!(
        "browser {label}: {}",
        verdict(
            &format!("search p95 <= {}", ms(targets::BROWSER_P95)),
            summary.p95 <= targets::BROWSER_P95
        )
    );
    Ok(())
}

/// Types each of `queries` into the search box, key by key, and answers each key's time to the
/// app's last DOM change, per query. With `loaded` (the resource entries before the first
/// query, and a note to add), prints what the first query fetched.
async fn type_queries(
    page: &Page,
    queries: &[&String],
    label: &str,
    loaded: Option<(&Value, &str)>,
) -> Outcome<Vec<Vec<Duration>>> {
    let mut typed = Vec::new();
    for query in queries {
        let answer = page
            .script(TYPE_KEYS, vec![json!(query), json!(SETTLE_MS)])
            .await?;
        if let (Some((loaded, note)), true) = (loaded, typed.is_empty()) {
            let fetched = page.script(FETCHED_SINCE, vec![loaded.clone()]).await?;
            println!(
                "browser {label}: first query {query:?}: {}{note}",
                fetched.as_str().unwrap_or("?")
            );
        }
        typed.push(timings_of(&answer).ok_or_else(|| {
            Failure(format!(
                "typing {query:?} into the search box answered {answer}"
            ))
        })?);
    }
    Ok(typed)
}

/// Starts the CPU profiler, sampling every 0.1 ms.
async fn start_profile(page: &Page) -> Outcome {
    for cmd in [
        DevTools::new("Profiler.enable", json!({})),
        DevTools::new("Profiler.setSamplingInterval", json!({ "interval": 100 })),
        DevTools::new("Profiler.start", json!({})),
    ] {
        page.client().issue_cmd(cmd).await?;
    }
    Ok(())
}

/// Stops the CPU profiler and writes what it sampled, `what`, to `path` ([`write_profile`]).
async fn stop_profile(page: &Page, label: &str, path: &std::path::Path, what: &str) -> Outcome {
    let answer = page
        .client()
        .issue_cmd(DevTools::new("Profiler.stop", json!({})))
        .await?;
    write_profile(label, path, what, &answer["profile"])
}

/// Writes a `Profiler.stop` answer's profile to `path` (Chrome's `.cpuprofile`, which DevTools
/// opens) and prints the functions that took the most time themselves, by name and script.
fn write_profile(label: &str, path: &std::path::Path, what: &str, profile: &Value) -> Outcome {
    /// Functions printed.
    const TOP: usize = 25;
    std::fs::write(path, profile.to_string())
        .map_err(|err| Failure(format!("cannot write {}: {err}", path.display())))?;
    let empty = Vec::new();
    let nodes = profile["nodes"].as_array().unwrap_or(&empty);
    let name_of = |node: &Value| {
        let frame = &node["callFrame"];
        let script = frame["url"].as_str().unwrap_or("");
        let script = script.rsplit('/').next().unwrap_or(script);
        format!(
            "{} ({script})",
            frame["functionName"].as_str().unwrap_or("?")
        )
    };
    let names: std::collections::HashMap<u64, String> = nodes
        .iter()
        .map(|node| (node["id"].as_u64().unwrap_or(0), name_of(node)))
        .collect();
    let mut self_us: std::collections::HashMap<&str, f64> = std::collections::HashMap::new();
    let samples = profile["samples"].as_array().unwrap_or(&empty);
    let deltas = profile["timeDeltas"].as_array().unwrap_or(&empty);
    // A sample's time is the delta to the next sample (Chrome records the delta before it).
    for (sample, delta) in samples.iter().zip(deltas.iter().skip(1)) {
        if let Some(name) = sample.as_u64().and_then(|id| names.get(&id)) {
            *self_us.entry(name).or_default() += delta.as_f64().unwrap_or(0.0);
        }
    }
    let total: f64 = self_us.values().sum();
    let mut top: Vec<(&str, f64)> = self_us.into_iter().collect();
    top.sort_by(|a, b| b.1.total_cmp(&a.1));
    println!(
        "browser {label}: CPU profile of {what} in {} ({} ms sampled); most self time:",
        path.display(),
        (total / 1000.0).round()
    );
    for (name, us) in top.into_iter().take(TOP) {
        println!(
            "    {:>8.1} ms {:>5.1}%  {name}",
            us / 1000.0,
            100.0 * us / total.max(1.0)
        );
    }
    Ok(())
}

/// Prints [`MEMORY`]'s answer: the WASM's memory and the JS heap against the bytes loaded.
fn print_memory(label: &str, when: &str, answer: &Value) {
    let figure = |i: usize| answer[i].as_f64().unwrap_or(0.0);
    let (wasm, heap, loaded) = (figure(0), figure(1), figure(2));
    if wasm == 0.0 {
        println!("browser {label}: memory {when}: the WASM's memory was not caught");
        return;
    }
    println!(
        "browser {label}: memory {when}: WASM {:.1} MB + JS heap {:.1} MB = {:.1}× the {:.1} MB \
         of WASM and shards loaded (decoded)",
        wasm / 1e6,
        heap / 1e6,
        (wasm + heap) / loaded.max(1.0),
        loaded / 1e6
    );
}

/// The per-query milliseconds in the hook's answer: `[1.2, …]` or `{"timings_ms": [1.2, …]}`.
fn timings_of(answer: &Value) -> Option<Vec<Duration>> {
    let list = match answer {
        Value::Array(list) => list,
        Value::Object(fields) => fields.get("timings_ms")?.as_array()?,
        _ => return None,
    };
    list.iter()
        .map(|ms| {
            ms.as_f64()
                .filter(|ms| *ms >= 0.0)
                .map(|ms| Duration::from_secs_f64(ms / 1000.0))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(answer: Value, expect: Option<&[u64]>) {
        let micros = timings_of(&answer).map(|list| {
            list.iter()
                .map(|d| d.as_micros() as u64)
                .collect::<Vec<_>>()
        });
        assert_eq!(micros.as_deref(), expect, "{answer}");
    }

    #[test]
    fn reads_the_hook_answer() {
        check(json!([1.5, 0.25]), Some(&[1500, 250]));
        check(json!({"timings_ms": [2]}), Some(&[2000]));
        check(json!({"timings": [2]}), None);
        check(json!([1, "x"]), None);
        check(json!([-1]), None);
        check(json!("done"), None);
    }
}
