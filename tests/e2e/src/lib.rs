//! The end-to-end harness: the release site in headless Chromium, driven over WebDriver.
//!
//! [`run_test`] serves the built site (`COMMUNIQUE_DIST`, default `<repo>/dist`) from a small
//! std-only server on 127.0.0.1 (see [`server`]), starts chromedriver and headless Chromium with a
//! fresh profile (see [`browser`]), hands the test a [`Page`], then always saves a screenshot to
//! `target/e2e-screenshots/NAME.png` and closes everything. A failure message carries the
//! page's console errors: a broken WASM otherwise only shows as a wait timeout.
//!
//! The tests in `tests/explorer.rs` follow the page's DOM and URL contract (ids, classes and
//! query parameters shared with the UI); `cargo xtask bench` reuses [`Page`] for in-browser timings.
//!
//! Invariant: a missing build is a failure that says how to make one, never a silent skip.

pub mod browser;
pub mod fixtures;
pub mod server;

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use serde_json::Value;

use browser::{ConsoleLog, DevTools, Driver};
use server::StaticServer;

/// How long to wait for the app to mount and decode its corpus.
const READY_TIMEOUT: Duration = Duration::from_secs(60);
/// How long to wait for the page to react to an action.
const ACTION_TIMEOUT: Duration = Duration::from_secs(15);
/// How often a wait looks again.
const POLL_INTERVAL: Duration = Duration::from_millis(50);

/// Records when `body[data-ready=true]` first appears, as `performance.now()` (milliseconds since
/// navigation started), in `window.__communiqueReadyAt`.
const READY_TIMER: &str = r#"(() => {
  const mark = () => {
    if (window.__communiqueReadyAt === undefined && document.body
        && document.body.getAttribute('data-ready') === 'true') {
      window.__communiqueReadyAt = performance.now();
    }
  };
  new MutationObserver(mark).observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'],
  });
})();"#;

/// Why an end-to-end check failed, in words for the person reading the test output.
#[derive(Debug)]
pub struct Failure(pub String);

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<fantoccini::error::CmdError> for Failure {
    fn from(err: fantoccini::error::CmdError) -> Failure {
        Failure(format!("WebDriver: {err}"))
    }
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure(message)
    }
}

/// The result of a step of an end-to-end test.
pub type Outcome<T = ()> = Result<T, Failure>;

/// Fails the current test with a formatted message unless the condition holds.
#[macro_export]
macro_rules! ensure {
    ($condition:expr, $($message:tt)+) => {
        if !$condition {
            return Err($crate::Failure(format!($($message)+)));
        }
    };
}

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("tests/e2e is two levels below the root")
        .to_path_buf()
}

/// The built site under test: `COMMUNIQUE_DIST`, or `<repo>/dist`.
pub fn dist_dir() -> PathBuf {
    match std::env::var_os("COMMUNIQUE_DIST") {
        Some(dist) if !dist.is_empty() => PathBuf::from(dist),
        _ => repo_root().join("dist"),
    }
}

/// Where screenshots go: `<repo>/target/e2e-screenshots`.
pub fn screenshot_dir() -> PathBuf {
    repo_root().join("target/e2e-screenshots")
}

/// Runs one end-to-end test named `name` against the built site, and panics with a full account
/// (the failure, the page's console errors, the screenshot's path) if it fails or the page logs
/// errors while it runs.
pub async fn run_test(name: &str, body: impl AsyncFnOnce(&Page) -> Outcome) {
    run_test_at(name, &dist_dir(), body).await;
}

/// [`run_test`] on the site in `site` instead of the build under test (a copy the test changed,
/// or another build such as the security tests' corpus).
pub async fn run_test_at(name: &str, site: &Path, body: impl AsyncFnOnce(&Page) -> Outcome) {
    let page = match Page::open(site).await {
        Ok(page) => page,
        Err(failure) => panic!("{name}: {failure}"),
    };
    let outcome = body(&page).await;
    let screenshot = match page.screenshot(name).await {
        Ok(path) => format!("screenshot: {}", path.display()),
        Err(failure) => format!("no screenshot: {failure}"),
    };
    let errors = page.console_errors().await;
    page.close().await;
    let failure = match outcome {
        Err(failure) => failure.0,
        Ok(()) if !errors.is_empty() => "the page logged errors".to_string(),
        Ok(()) => return,
    };
    let console = if errors.is_empty() {
        "no console errors".to_string()
    } else {
        format!("console errors:\n  {}", errors.join("\n  "))
    };
    panic!("{name}: {failure}\n{console}\n{screenshot}");
}

/// The explorer open in a headless Chromium, with helpers that wait for the page to react.
pub struct Page {
    client: Client,
    base: String,
    /// Console errors read so far (reading chromedriver's log empties it).
    errors: RefCell<Vec<String>>,
    // Dropped after `client` is closed: the driver, then the server.
    _driver: Driver,
    /// `None` once [`Page::stop_server`] has cut the network.
    server: RefCell<Option<StaticServer>>,
}

impl Page {
    /// Serves `dist` and opens a browser on it (not navigated yet: see [`Page::visit`]).
    pub async fn open(dist: &Path) -> Outcome<Page> {
        ensure!(
            dist.join("index.html").is_file(),
            "no built site at {} (index.html missing): run `cargo xtask test`, or \
             `cargo xtask dist` then `cargo test -p communique-e2e`",
            dist.display()
        );
        let server = StaticServer::start(dist)
            .map_err(|err| Failure(format!("cannot serve {}: {err}", dist.display())))?;
        let (driver, client) = Driver::start_session().await?;
        // Best effort: if this DevTools command is unavailable, only the start-up time is missing.
        let _ = client
            .issue_cmd(DevTools::script_on_new_document(READY_TIMER))
            .await;
        Ok(Page {
            client,
            base: server.url(),
            errors: RefCell::new(Vec::new()),
            _driver: driver,
            server: RefCell::new(Some(server)),
        })
    }

    /// Closes the browser (the driver and server stop when the page is dropped).
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }

    /// Stops the site's server and closes its open connections: from now on every request for
    /// the site fails as if the network were cut (the offline tests).
    pub fn stop_server(&self) {
        self.server.borrow_mut().take();
    }

    /// The underlying WebDriver client, for anything the helpers do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The site's address with `query` appended (e.g. `?q=Iran`).
    pub fn url_for(&self, query: &str) -> String {
        format!("{}{query}", self.base)
    }

    /// Navigates to the site with `query` (e.g. `""`, `"?q=Iran&doc=…"`) and waits until ready.
    pub async fn visit(&self, query: &str) -> Outcome {
        self.client.goto(&self.url_for(query)).await?;
        self.wait_ready().await
    }

    /// Waits for `body[data-ready=true]`: the app has mounted and decoded its corpus.
    pub async fn wait_ready(&self) -> Outcome {
        self.wait_until_for(
            "the app to be ready (body[data-ready=true])",
            READY_TIMEOUT,
            async || match self.find("body[data-ready='true']").await? {
                Some(_) => Ok(Ok(())),
                None => Ok(Err("body has no data-ready=true".to_string())),
            },
        )
        .await
    }

    /// Polls `probe` until it gives `Ok(value)`; `Err(state)` describes what it saw instead,
    /// and the last state is part of the timeout message. WebDriver errors inside the probe
    /// (such as an element replaced while being read) count as "not yet".
    pub async fn wait_until<T>(
        &self,
        what: &str,
        probe: impl AsyncFnMut() -> Outcome<Result<T, String>>,
    ) -> Outcome<T> {
        self.wait_until_for(what, ACTION_TIMEOUT, probe).await
    }

    async fn wait_until_for<T>(
        &self,
        what: &str,
        timeout: Duration,
        mut probe: impl AsyncFnMut() -> Outcome<Result<T, String>>,
    ) -> Outcome<T> {
        let deadline = Instant::now() + timeout;
        loop {
            let state = match probe().await {
                Ok(Ok(value)) => return Ok(value),
                Ok(Err(state)) => state,
                Err(failure) => failure.0,
            };
            if Instant::now() > deadline {
                let url = self
                    .client
                    .current_url()
                    .await
                    .map(|url| url.to_string())
                    .unwrap_or_default();
                return Err(Failure(format!(
                    "timed out after {} s waiting for {what}; last seen: {state}; at {url}",
                    timeout.as_secs()
                )));
            }
            tokio::time::sleep(POLL_INTERVAL).await;
        }
    }

    /// The first element matching `css`, if any.
    pub async fn find(&self, css: &str) -> Outcome<Option<Element>> {
        Ok(self
            .client
            .find_all(Locator::Css(css))
            .await?
            .into_iter()
            .next())
    }

    /// Every element matching `css`.
    pub async fn find_all(&self, css: &str) -> Outcome<Vec<Element>> {
        Ok(self.client.find_all(Locator::Css(css)).await?)
    }

    /// Waits for an element matching `css` and returns it.
    pub async fn wait_for(&self, css: &str) -> Outcome<Element> {
        self.wait_until(&format!("`{css}`"), async || match self.find(css).await? {
            Some(element) => Ok(Ok(element)),
            None => Ok(Err(format!("no `{css}`"))),
        })
        .await
    }

    /// Waits until nothing matches `css`.
    pub async fn wait_gone(&self, css: &str) -> Outcome {
        self.wait_until(&format!("`{css}` to go away"), async || {
            match self.find(css).await? {
                Some(_) => Ok(Err(format!("`{css}` still there"))),
                None => Ok(Ok(())),
            }
        })
        .await
    }

    /// The text content of the first element matching `css` (whitespace as in the DOM, hidden
    /// text included), or a failure naming the selector.
    pub async fn text(&self, css: &str) -> Outcome<String> {
        match self.find(css).await? {
            Some(element) => Ok(text_content(&element).await?),
            None => Err(Failure(format!("no `{css}` on the page"))),
        }
    }

    /// The text content of every element matching `css`.
    pub async fn texts(&self, css: &str) -> Outcome<Vec<String>> {
        let mut texts = Vec::new();
        for element in self.find_all(css).await? {
            texts.push(text_content(&element).await?);
        }
        Ok(texts)
    }

    /// The value of attribute `name` on every element matching `css` (missing ones skipped).
    pub async fn attrs(&self, css: &str, name: &str) -> Outcome<Vec<String>> {
        let mut values = Vec::new();
        for element in self.find_all(css).await? {
            values.extend(element.attr(name).await?);
        }
        Ok(values)
    }

    /// Clicks the first element matching `css`, waiting for it to exist. It is scrolled to the
    /// middle of the window first, instantly: WebDriver's own scrolling lands it at an edge, where
    /// a sticky header can cover it, and under CSS `scroll-behavior: smooth` WebDriver clicks
    /// before the scroll has finished ("element click intercepted").
    pub async fn click(&self, css: &str) -> Outcome {
        let element = self.wait_for(css).await?;
        let argument = serde_json::to_value(&element)
            .map_err(|err| Failure(format!("cannot pass `{css}` to a script: {err}")))?;
        self.script(
            "arguments[0].scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'});",
            vec![argument],
        )
        .await?;
        Ok(element.click().await?)
    }

    /// Types `text` into the element matching `css` (waiting for it), as a user would, key by key.
    pub async fn type_into(&self, css: &str, text: &str) -> Outcome {
        Ok(self.wait_for(css).await?.send_keys(text).await?)
    }

    /// Clears the field matching `css` and types `text` into it.
    pub async fn replace_text(&self, css: &str, text: &str) -> Outcome {
        let field = self.wait_for(css).await?;
        field.clear().await?;
        Ok(field.send_keys(text).await?)
    }

    /// Presses and releases one key wherever the focus is (use [`fantoccini::key::Key`] for
    /// special keys: `Key::Down.into()`).
    pub async fn press(&self, key: char) -> Outcome {
        let keys = KeyActions::new("keyboard".to_string())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client.perform_actions(keys).await?;
        Ok(self.client.release_actions().await?)
    }

    /// The `id` of the focused element (empty when it has none).
    pub async fn focused_id(&self) -> Outcome<String> {
        let focused = self.client.active_element().await?;
        Ok(focused.attr("id").await?.unwrap_or_default())
    }

    /// The page's address now.
    pub async fn url(&self) -> Outcome<url::Url> {
        Ok(self.client.current_url().await?)
    }

    /// The value of query parameter `name` in the page's address now.
    pub async fn query_param(&self, name: &str) -> Outcome<Option<String>> {
        let url = self.url().await?;
        Ok(url
            .query_pairs()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.into_owned()))
    }

    /// The browser's back button.
    pub async fn back(&self) -> Outcome {
        Ok(self.client.back().await?)
    }

    /// Reloads the page and waits until the app is ready again.
    pub async fn reload(&self) -> Outcome {
        self.client.refresh().await?;
        self.wait_ready().await
    }

    /// Sets the window to `width` × `height` pixels and the colour scheme to `scheme`
    /// (`light` or `dark`), as the size tests of each view do.
    pub async fn size_and_scheme(&self, (width, height): (u32, u32), scheme: &str) -> Outcome {
        self.client.set_window_size(width, height).await?;
        self.client
            .issue_cmd(DevTools::color_scheme(scheme))
            .await
            .map_err(|err| Failure(format!("{scheme} scheme: {err}")))?;
        Ok(())
    }

    /// Fails if the page scrolls sideways (at a window `width` pixels wide, for the message).
    pub async fn fits_width(&self, width: u32) -> Outcome {
        let overflow = self
            .script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
                Vec::new(),
            )
            .await?;
        if overflow.as_f64().unwrap_or(0.0) > 0.0 {
            return Err(Failure(format!(
                "at {width} px the page scrolls sideways by {overflow}"
            )));
        }
        Ok(())
    }

    /// Clicks each of `buttons` (CSS selectors), each of which should offer a file, and answers
    /// the files offered, their names and texts, in order. The files are caught as the page
    /// makes them (its CSP forbids fetching `blob:` URLs): the Blob given to
    /// `URL.createObjectURL` and the name of the link clicked for it.
    pub async fn downloads(&self, buttons: &[&str]) -> Outcome<Vec<(String, String)>> {
        self.script(
            "if (!window.__downloads) {
               const create = URL.createObjectURL;
               URL.createObjectURL = (blob) => { window.__blob = blob; return create(blob); };
               HTMLAnchorElement.prototype.click = function () {
                 window.__downloads.push([this.download, window.__blob]);
               };
             }
             window.__downloads = [];",
            Vec::new(),
        )
        .await?;
        for button in buttons {
            self.click(button).await?;
        }
        let files = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 Promise.all(window.__downloads.map(([name, blob]) =>
                   blob.text().then((text) => [name, text])))
                   .then(done);",
                Vec::new(),
            )
            .await?;
        serde_json::from_value(files).map_err(|err| Failure(format!("the downloads: {err}")))
    }

    /// Runs JavaScript in the page (`arguments[i]` are `args`); a returned promise is awaited.
    pub async fn script(&self, js: &str, args: Vec<Value>) -> Outcome<Value> {
        Ok(self.client.execute(js, args).await?)
    }

    /// Milliseconds from the start of navigation until `body[data-ready=true]` appeared.
    pub async fn ready_at_ms(&self) -> Outcome<f64> {
        let value = self
            .script("return window.__communiqueReadyAt ?? null;", Vec::new())
            .await?;
        value.as_f64().ok_or_else(|| {
            Failure("the start-up time was not recorded (DevTools script unavailable)".into())
        })
    }

    /// Saves a screenshot of the window to `target/e2e-screenshots/NAME.png`.
    pub async fn screenshot(&self, name: &str) -> Outcome<PathBuf> {
        let png = self.client.screenshot().await?;
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir)
            .map_err(|err| Failure(format!("{}: {err}", dir.display())))?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).map_err(|err| Failure(format!("{}: {err}", path.display())))?;
        Ok(path)
    }

    /// The console errors logged so far, removed from what [`run_test`] checks at the end: for a
    /// step that must log errors (a request the test made fail on purpose); the caller checks
    /// they are the expected ones.
    pub async fn take_console_errors(&self) -> Vec<String> {
        self.console_errors().await;
        std::mem::take(&mut *self.errors.borrow_mut())
    }

    /// Every console error the page has logged so far (uncaught exceptions, panics, failed loads).
    pub async fn console_errors(&self) -> Vec<String> {
        if let Ok(log) = self.client.issue_cmd(ConsoleLog).await {
            self.errors
                .borrow_mut()
                .extend(browser::severe_entries(&log));
        }
        self.errors.borrow().clone()
    }
}

/// `textContent` rather than WebDriver's rendered text: independent of layout and visibility.
async fn text_content(element: &Element) -> Outcome<String> {
    Ok(element.prop("textContent").await?.unwrap_or_default())
}

/// Collapses runs of whitespace to one space and lower-cases, for comparing texts loosely.
pub fn normalize(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &str) {
        assert_eq!(normalize(text), expect, "{text:?}");
    }

    #[test]
    fn normalizes_whitespace_and_case() {
        check("  Strategic\n\tPartnership ", "strategic partnership");
        check("", "");
    }

    #[test]
    fn a_missing_build_says_how_to_make_one() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let missing = repo_root().join("target/no-such-dist");
        let failure = runtime.block_on(Page::open(&missing)).err().unwrap();
        assert!(failure.0.contains("run `cargo xtask test`"), "{failure}");
    }
}
