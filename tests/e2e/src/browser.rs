//! Starting headless Chromium through chromedriver, and the chromedriver-only commands the harness
//! needs (the browser's console log, and a script run before every page's own scripts).
//!
//! Every process started here is stopped when its owner is dropped, even after a failed test.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

/// Chromium's flags: headless and quiet (no background network, updates, sync or QUIC, which
/// the machine cannot reach anyway and which would only slow start-up).
pub const CHROMIUM_FLAGS: [&str; 8] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
];

/// The browser window size, so screenshots and layouts are the same on every machine.
pub const WINDOW_SIZE: (u32, u32) = (1280, 900);

/// A chromedriver process on its own port, and the temporary Chromium profile of its session.
pub struct Driver {
    process: Child,
    port: u16,
    profile: TempDir,
}

impl Driver {
    /// Starts `chromedriver --port=N` on a free port and waits until it accepts connections.
    pub fn start() -> Result<Driver, String> {
        let port = free_port().map_err(|err| format!("no free port for chromedriver: {err}"))?;
        let process = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|err| {
                format!("cannot start chromedriver ({err}); run `cargo xtask setup` to install it")
            })?;
        let profile = TempDir::new("communique-e2e-profile")
            .map_err(|err| format!("cannot create a Chromium profile folder: {err}"))?;
        let mut driver = Driver {
            process,
            port,
            profile,
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = driver.process.try_wait() {
                return Err(format!("chromedriver exited at start-up ({status})"));
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "chromedriver did not listen on port {port} within 20 s"
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        // Someone listens; make sure it is this driver, not another that holds the port.
        if let Ok(Some(status)) = driver.process.try_wait() {
            return Err(format!(
                "chromedriver exited at start-up ({status}): port {port} is taken"
            ));
        }
        Ok(driver)
    }

    /// Starts a driver and opens a session on it, trying again on a new port and profile when
    /// the session cannot be created. Why: tests run in parallel, and the free port a driver
    /// is given can be taken by another test's driver before it binds it; the loser exits and
    /// its session request reaches the winner, or nothing ("webdriver server did not respond").
    pub async fn start_session() -> Result<(Driver, Client), String> {
        const ATTEMPTS: usize = 3;
        let mut failures = Vec::new();
        for _ in 0..ATTEMPTS {
            let driver = match Driver::start() {
                Ok(driver) => driver,
                Err(failure) => {
                    failures.push(failure);
                    continue;
                }
            };
            match driver.connect().await {
                Ok(client) => return Ok((driver, client)),
                Err(failure) => failures.push(failure),
            }
        }
        Err(format!(
            "{ATTEMPTS} attempts failed: {}",
            failures.join("; ")
        ))
    }

    /// Opens a Chromium session with the project's flags, a fresh profile and console logging on.
    pub async fn connect(&self) -> Result<Client, String> {
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|flag| flag.to_string()).collect();
        args.push(format!("--user-data-dir={}", self.profile.path().display()));
        args.push(format!("--window-size={},{}", WINDOW_SIZE.0, WINDOW_SIZE.1));
        let mut options = json!({ "args": args });
        if let Some(binary) = chromium_binary() {
            options["binary"] = json!(binary.display().to_string());
        }
        let mut capabilities = Capabilities::new();
        capabilities.insert("goog:chromeOptions".into(), options);
        // Without this, console errors never leave the browser (see `ConsoleLog`).
        capabilities.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .map_err(|err| format!("cannot start headless Chromium through chromedriver: {err}"))
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The session is closed first when possible (that stops Chromium); this stops the driver.
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// Chromium's path: `$CHROME`, else the first of the usual names on `PATH`; `None` lets
/// chromedriver look for itself.
fn chromium_binary() -> Option<PathBuf> {
    if let Some(chrome) = std::env::var_os("CHROME").filter(|chrome| !chrome.is_empty()) {
        return Some(PathBuf::from(chrome));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// A port nobody listens on right now.
pub fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// A folder under the system's temporary folder, removed with everything in it on drop.
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    /// Creates a new, empty folder whose name starts with `prefix`.
    pub fn new(prefix: &str) -> std::io::Result<TempDir> {
        use std::sync::atomic::{AtomicU32, Ordering};
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|elapsed| elapsed.subsec_nanos())
            .unwrap_or(0);
        let name = format!(
            "{prefix}-{}-{}-{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        );
        let path = std::env::temp_dir().join(name);
        std::fs::create_dir(&path)?;
        Ok(TempDir { path })
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// `POST /session/{id}/se/log {"type": "browser"}`: chromedriver's console log since the last
/// call, entries `{level, message, timestamp}`.
#[derive(Debug)]
pub struct ConsoleLog;

impl WebDriverCompatibleCommand for ConsoleLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": "browser" }).to_string()),
        )
    }
}

/// A Chrome DevTools command sent through chromedriver's `goog/cdp/execute` endpoint.
#[derive(Debug)]
pub struct DevTools {
    /// The command, such as `Page.addScriptToEvaluateOnNewDocument`.
    pub cmd: &'static str,
    /// Its parameters.
    pub params: Value,
}

impl DevTools {
    /// Any command, with its parameters.
    pub fn new(cmd: &'static str, params: Value) -> DevTools {
        DevTools { cmd, params }
    }

    /// `Page.addScriptToEvaluateOnNewDocument`: `source` runs in every new document before the
    /// page's own scripts (used to time start-up from navigation, and to watch for injected code).
    pub fn script_on_new_document(source: &str) -> DevTools {
        DevTools {
            cmd: "Page.addScriptToEvaluateOnNewDocument",
            params: json!({ "source": source }),
        }
    }

    /// `Emulation.setEmulatedMedia`: the page as in the `dark` (or `light`) colour scheme.
    pub fn color_scheme(scheme: &str) -> DevTools {
        DevTools {
            cmd: "Emulation.setEmulatedMedia",
            params: json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        }
    }
}

impl WebDriverCompatibleCommand for DevTools {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// The error entries (level `SEVERE`) of a `ConsoleLog` answer, one line each.
pub fn severe_entries(log: &Value) -> Vec<String> {
    log.as_array()
        .into_iter()
        .flatten()
        .filter(|entry| entry["level"] == "SEVERE")
        .map(|entry| entry["message"].as_str().unwrap_or("").to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(log: Value, expect: &[&str]) {
        assert_eq!(severe_entries(&log), expect);
    }

    #[test]
    fn keeps_only_errors_from_the_console_log() {
        check(
            json!([
                {"level": "INFO", "message": "ready", "timestamp": 1},
                {"level": "SEVERE", "message": "panicked at src/lib.rs:3", "timestamp": 2},
                {"level": "WARNING", "message": "slow", "timestamp": 3},
            ]),
            &["panicked at src/lib.rs:3"],
        );
        check(json!([]), &[]);
        check(json!({"unexpected": true}), &[]);
    }
}
