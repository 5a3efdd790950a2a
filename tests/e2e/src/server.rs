//! A small static file server for the built site, on 127.0.0.1 and a free port, std only.
//!
//! The site is served under a sub-path (`/site/`), not at the root, because the explorer promises
//! to work from any folder of a static host; a root-absolute URL in the build would break here.
//!
//! Invariant: only files inside the served folder are ever read (`..` is refused).

use std::io::{BufRead, BufReader, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// The path prefix the site is served under.
pub const SITE_PREFIX: &str = "/site/";

/// A running server; dropping it stops it.
pub struct StaticServer {
    address: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    /// Every connection accepted, so that stopping also closes the ones a browser keeps alive
    /// (otherwise a "stopped" server would go on answering on them).
    connections: Arc<Mutex<Vec<TcpStream>>>,
}

impl StaticServer {
    /// Serves `root` on 127.0.0.1 and a port the system picks.
    pub fn start(root: &Path) -> std::io::Result<StaticServer> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let address = listener.local_addr()?;
        let stop = Arc::new(AtomicBool::new(false));
        let root = root.to_path_buf();
        let stopping = Arc::clone(&stop);
        let connections = Arc::new(Mutex::new(Vec::new()));
        let open = Arc::clone(&connections);
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                if let (Ok(copy), Ok(mut open)) = (stream.try_clone(), open.lock()) {
                    open.push(copy);
                }
                let root = root.clone();
                // One thread per connection: the browser opens a few at once, and a slow one
                // (a large WASM) must not hold the others up.
                std::thread::spawn(move || {
                    let _ = serve_connection(stream, &root);
                });
            }
        });
        Ok(StaticServer {
            address,
            stop,
            thread: Some(thread),
            connections,
        })
    }

    /// The site's address, ending in `/`.
    pub fn url(&self) -> String {
        format!("http://{}{SITE_PREFIX}", self.address)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.address);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        if let Ok(mut open) = self.connections.lock() {
            for stream in open.drain(..) {
                let _ = stream.shutdown(Shutdown::Both);
            }
        }
    }
}

/// A file whose presence in the served folder makes the server answer every reload
/// (`Cache-Control: no-cache`) [`SLOW_RELOAD_PAUSE`] late. A service worker's install asks
/// for each file of the build so: a test makes it slow, as a large build on a slow network
/// would be, and sees what the page does before the worker controls it.
pub const SLOW_RELOADS: &str = "e2e-slow-reloads";
/// How late [`SLOW_RELOADS`] makes a reload's answer.
const SLOW_RELOAD_PAUSE: std::time::Duration = std::time::Duration::from_millis(1500);

/// Answers the requests of one connection (keep-alive), until the client closes it.
fn serve_connection(stream: TcpStream, root: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut stream = stream;
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line)? == 0 {
            return Ok(());
        }
        // Of the headers, only a reload's `Cache-Control: no-cache` changes anything (below).
        let mut reload = false;
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
                break;
            }
            reload |= header
                .trim()
                .eq_ignore_ascii_case("cache-control: no-cache");
        }
        if reload && root.join(SLOW_RELOADS).exists() {
            std::thread::sleep(SLOW_RELOAD_PAUSE);
        }
        let mut parts = request_line.split_whitespace();
        let method = parts.next().unwrap_or("");
        let target = parts.next().unwrap_or("");
        let (status, content_type, body) = match method {
            // Chromium asks the host's root for a favicon when a page names none; the root
            // belongs to the host, not the site, so answer "nothing" rather than log a 404.
            "GET" | "HEAD" if target == "/favicon.ico" => {
                ("204 No Content", "image/x-icon", Vec::new())
            }
            "GET" | "HEAD" => match resolve(root, target)
                .and_then(|path| std::fs::read(&path).ok().map(|bytes| (path, bytes)))
            {
                Some((path, bytes)) => ("200 OK", mime_type(&path), bytes),
                None => (
                    "404 Not Found",
                    "text/plain; charset=utf-8",
                    b"not found\n".to_vec(),
                ),
            },
            _ => (
                "405 Method Not Allowed",
                "text/plain; charset=utf-8",
                b"method not allowed\n".to_vec(),
            ),
        };
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
             Cache-Control: no-store\r\n\r\n",
            body.len()
        );
        // One write for the head and the body: written apart, the body of a small answer on a
        // kept-alive connection waited for the client's delayed acknowledgement of the head
        // (Nagle's algorithm), 40 ms a shard, which no static host makes a page wait.
        let mut answer = head.into_bytes();
        if method != "HEAD" {
            answer.extend_from_slice(&body);
        }
        stream.write_all(&answer)?;
        stream.flush()?;
    }
}

/// The file a request target names: `/site/` maps to `index.html`, query and fragment are
/// ignored, `%XX` escapes decoded; `None` outside the prefix or the folder.
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let relative = percent_decode(path.strip_prefix(SITE_PREFIX)?)?;
    let mut file = root.to_path_buf();
    for component in Path::new(&relative).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `Content-Type` of a file by its extension (`application/wasm` matters: browsers refuse
/// to stream-compile WASM served as anything else).
pub fn mime_type(path: &Path) -> &'static str {
    match path.extension().and_then(|ext| ext.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(target: &str, expect: Option<&str>) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let found = resolve(root, target);
        let relative = found
            .as_deref()
            .map(|path| path.strip_prefix(root).unwrap().display().to_string());
        assert_eq!(relative.as_deref(), expect, "{target}");
    }

    #[test]
    fn resolves_only_files_inside_the_site() {
        check("/site/Cargo.toml", Some("Cargo.toml"));
        check("/site/src/server.rs?x=1#top", Some("src/server.rs"));
        check("/site/src/%73erver.rs", Some("src/server.rs"));
        check("/site/../e2e/Cargo.toml", None);
        check("/site/src/../../e2e/Cargo.toml", None);
        check("/Cargo.toml", None);
        check("/site/missing.txt", None);
        check("/site/%zz", None);
    }

    #[test]
    fn names_the_types_browsers_need() {
        for (file, expect) in [
            ("a_bg.wasm", "application/wasm"),
            ("index.html", "text/html; charset=utf-8"),
            ("app-1f2e.js", "text/javascript; charset=utf-8"),
            ("main-9a8b.css", "text/css; charset=utf-8"),
            ("blob", "application/octet-stream"),
        ] {
            assert_eq!(mime_type(Path::new(file)), expect, "{file}");
        }
    }
}
