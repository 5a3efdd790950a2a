//! The parts of the built site that Trunk does not make: the service worker's list of files
//! (`cargo xtask post-build`, run by Trunk as a `post_build` hook) and the PNG icons rendered
//! from `icons/icon.svg` by Chromium and reduced to a palette by Debian's `pngquant`
//! (`cargo xtask icons`, whose output is committed).
//!
//! Why the list is written at build time: the service worker must cache exactly this build's
//! files (Trunk gives the WASM, JS and CSS hashed names), and its cache version must change
//! whenever any file does, so that browsers install the new build and drop the old cache.
//! The version is a hash of every file's name and bytes, so an identical build keeps its version
//! and an open page is never told of an "update" that changes nothing.

use std::path::{Path, PathBuf};

use crate::run::{project_root, which, Cmd, Result};
use crate::short_names::StagedModule;

/// The service worker's file name, at the root of the site.
const SERVICE_WORKER: &str = "sw.js";
/// How the line that `post-build` replaces starts in `sw.js`.
const BUILD_LINE: &str = "const BUILD = ";
/// The site's hand-written scripts (copied by Trunk as they are), whose comments `post-build`
/// leaves out of the build: they explain the source, and cost the reader's download a third.
const HAND_WRITTEN_SCRIPTS: [&str; 4] = ["boot.js", SERVICE_WORKER, EMBED_SCRIPT, SHARDS_WORKER];
/// The service worker's part for a corpus in shards: kept only in builds that have shards.
const SHARDS_WORKER: &str = "sw-shards.js";
/// The snippet other sites load to embed the explorer.
const EMBED_SCRIPT: &str = "embed.js";
/// How many colours the PNG icons keep (`pngquant`'s palette size).
const ICON_COLOURS: &str = "16";
/// The icon sizes the web app manifest lists, in pixels.
pub const ICON_SIZES: [u32; 2] = [192, 512];

/// Set (to anything) by `cargo xtask test`'s builds: a post-build step that finds nothing to
/// do is then an error rather than a note, since its saving would otherwise vanish unnoticed
/// (a wasm-bindgen upgrade that names its imports differently, say).
pub const STRICT_POST_BUILD_VAR: &str = "COMMUNIQUE_STRICT_POST_BUILD";

/// `cargo xtask post-build`, on the site Trunk is staging (`TRUNK_STAGING_DIR`, set by Trunk for
/// its hooks): shortens the WASM's link names (`short_names.rs`), minifies the JS glue, updates
/// their integrity digests, strips the hand-written scripts' comments, then fills in the service
/// worker.
pub fn post_build() -> Result<()> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR").ok_or(
        "post-build runs as Trunk's post_build hook (see Trunk.toml); TRUNK_STAGING_DIR is unset",
    )?;
    let site = Path::new(&staging);
    let module = StagedModule::read(site)?;
    let shortened = module.shorten_names()?;
    println!("post-build: {shortened} import and export names shortened");
    require_shortened(shortened, std::env::var_os(STRICT_POST_BUILD_VAR).is_some())?;
    minify(&module.js_path, Script::Module)?;
    module.update_integrity(site)?;
    for script in HAND_WRITTEN_SCRIPTS {
        strip_comments_in(&site.join(script))?;
    }
    minify(&site.join(EMBED_SCRIPT), Script::Classic)?;
    let shards = copy_shards(site)?;
    let shards_worker = site.join(SHARDS_WORKER);
    if shards > 0 {
        println!("post-build: {shards} shards of the corpus in {SHARDS_FOLDER}/");
        minify(&shards_worker, Script::Classic)?;
    } else {
        // A corpus in one bundle has no shards to keep: the site goes without that part.
        std::fs::remove_file(&shards_worker)
            .map_err(|err| format!("{}: {err}", shards_worker.display()))?;
    }
    crate::views::build(site)?;
    // The service worker comes last: its version hashes the final files. It is minified once
    // its list is written (the list's line is what `write_service_worker` looks for).
    let (version, count) = write_service_worker(site, shards > 0)?;
    minify(&site.join(SERVICE_WORKER), Script::Classic)?;
    println!("post-build: {SERVICE_WORKER} caches {count} files, build {version}");
    Ok(())
}

/// The site's folder of shards (the sharded layout, `build.rs`), fetched by the page when
/// needed and never precached by the service worker.
pub const SHARDS_FOLDER: &str = "data";

/// The site's files and folders that the page fetches only when a view needs them (the map's
/// outline, the views' WASM and the network's drawing), which the service worker keeps once
/// fetched instead of downloading them at install: the first load stays as small as without
/// them. Their bytes still make the build's version.
///
/// `embed.js` is one too, though the page never fetches it: other sites' pages load it to
/// embed the explorer, and a worker never serves another origin's page, so a copy in the
/// worker's cache served no one (605 bytes gzipped of every first load).
pub const ON_DEMAND: [&str; 3] = ["land-110m.svg", "views/", EMBED_SCRIPT];

/// Whether the site's file `file` (a path relative to the site) is loaded on demand.
pub fn on_demand(file: &str) -> bool {
    ON_DEMAND
        .iter()
        .any(|entry| file == *entry || (entry.ends_with('/') && file.starts_with(entry)))
}

/// Copies the shards `build.rs` wrote for this build and their list (`shards.txt`) into the
/// site's [`SHARDS_FOLDER`]; how many shards. None for a corpus in one bundle.
fn copy_shards(site: &Path) -> Result<usize> {
    let data = build_data();
    let list = data.join("shards.txt");
    let names = match std::fs::read_to_string(&list) {
        Ok(names) => names,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(err) => return Err(format!("{}: {err}", list.display())),
    };
    let folder = site.join(SHARDS_FOLDER);
    let names: Vec<&str> = names.lines().filter(|name| !name.is_empty()).collect();
    if names.is_empty() {
        return Ok(0);
    }
    std::fs::create_dir_all(&folder).map_err(|err| format!("{}: {err}", folder.display()))?;
    // The list too: the service worker keeps only the shards it names (sw.js).
    for name in names.iter().copied().chain(["shards.txt"]) {
        let from = data.join(name);
        std::fs::copy(&from, folder.join(name)).map_err(|err| {
            format!(
                "{}: {err} (listed in {}; build.rs writes both)",
                from.display(),
                list.display()
            )
        })?;
    }
    Ok(names.len())
}

/// The folder `build.rs` wrote this build's shards and network file to
/// ([`crate::dist::DATA_VAR`], as `build.rs` reads it).
pub fn build_data() -> PathBuf {
    match std::env::var_os(crate::dist::DATA_VAR) {
        Some(dir) if !dir.is_empty() => project_root().join(dir),
        _ => project_root().join("target/communique-data"),
    }
}

/// Under [`STRICT_POST_BUILD_VAR`], an error when no name was shortened.
fn require_shortened(shortened: usize, strict: bool) -> Result<()> {
    if shortened == 0 && strict {
        return Err(format!(
            "post-build: no import or export name was shortened, so the site lost about 5 KB \
             gzipped; `short_names.rs` no longer understands this wasm-bindgen's output \
             (checked under `cargo xtask test`, {STRICT_POST_BUILD_VAR})"
        ));
    }
    Ok(())
}

/// Writes the version and file list of the site in `site` into its `sw.js`; returns the version
/// and the number of files listed.
pub fn write_service_worker(site: &Path, shards: bool) -> Result<(String, usize)> {
    let worker = site.join(SERVICE_WORKER);
    let source =
        std::fs::read_to_string(&worker).map_err(|err| format!("{}: {err}", worker.display()))?;
    let mut files = Vec::new();
    list_files(site, site, &mut files)?;
    // The shards are fetched when needed and kept then (sw.js); the WASM names every one by
    // its hash, so the version changes with them all the same.
    let folder = format!("{SHARDS_FOLDER}/");
    files.retain(|file| file != SERVICE_WORKER && !file.starts_with(&folder));
    files.sort();
    let mut hash = Fnv64::default();
    for file in &files {
        let path = site.join(file);
        let bytes = std::fs::read(&path).map_err(|err| format!("{}: {err}", path.display()))?;
        hash.write(file.as_bytes());
        hash.write(&[0]);
        hash.write(&bytes);
        hash.write(&[0]);
    }
    let version = format!("{:016x}", hash.0);
    files.retain(|file| !on_demand(file));
    let updated = with_build_line(&source, &build_line(&version, &files, shards))
        .map_err(|err| format!("{}: {err}", worker.display()))?;
    std::fs::write(&worker, updated).map_err(|err| format!("{}: {err}", worker.display()))?;
    Ok((version, files.len()))
}

/// How terser must read a script.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    /// An ES module: wasm-bindgen's glue.
    Module,
    /// A classic script: the service worker and the embedding snippet.
    Classic,
}

/// Minifies the ES module at `path` in place with terser (see [`minify`]): the views' glue.
pub fn minify_module(path: &Path) -> Result<()> {
    minify(path, Script::Module)
}

/// Minifies the script at `path` in place with terser (installed by `cargo xtask setup`).
/// wasm-bindgen's glue (which Trunk's own minifier cannot parse): about 1.7 KB less gzipped;
/// `embed.js` and `sw.js`, after their comments went: 0.2 KB more (709 to 609 and 860 to 744
/// bytes gzipped, 2026-12-06). `boot.js`, one statement, gains nothing. Without terser (a build
/// run by hand), the script stays as it is, with a message.
fn minify(path: &Path, script: Script) -> Result<()> {
    let terser = crate::setup::terser_program();
    if !terser.is_file() {
        println!(
            "post-build: {} is not minified: no {} (run `cargo xtask setup`)",
            path.display(),
            terser.display()
        );
        return Ok(());
    }
    let args: &[&str] = match script {
        Script::Module => &["--module", "--compress", "--mangle", "--output"],
        Script::Classic => &["--compress", "--mangle", "--output"],
    };
    Cmd::new(&terser.display().to_string(), args)
        .arg(path)
        .arg(path)
        .run()
}

/// Rewrites the script at `path` without its comment lines and indentation (see [`without_comments`]).
fn strip_comments_in(path: &Path) -> Result<()> {
    let source =
        std::fs::read_to_string(path).map_err(|err| format!("{}: {err}", path.display()))?;
    match without_comments(&source) {
        Some(stripped) => {
            std::fs::write(path, stripped).map_err(|err| format!("{}: {err}", path.display()))
        }
        None => {
            println!(
                "post-build: {} keeps its comments (a template literal or string may span lines)",
                path.display()
            );
            Ok(())
        }
    }
}

/// `source` without its whole-line comments (`// …`, and `/* … */` on one line), blank lines and
/// indentation; `None` when a line has a backquote or ends in a backslash outside those comments,
/// since a template literal or a continued string may span lines whose spaces count. Comments
/// after code on a line are kept (a `//` there may be inside a string).
fn without_comments(source: &str) -> Option<String> {
    let mut out = String::with_capacity(source.len());
    for line in source.lines().map(str::trim) {
        let one_line_block = line.len() >= 4
            && line.starts_with("/*")
            && line.ends_with("*/")
            && !line[2..line.len() - 2].contains("*/");
        if line.is_empty() || line.starts_with("//") || one_line_block {
            continue;
        }
        if line.contains('`') || line.ends_with('\\') {
            return None;
        }
        out.push_str(line);
        out.push('\n');
    }
    Some(out)
}

/// The JavaScript line declaring the build: `const BUILD = {"version": …, "assets": […]};`,
/// with `shards: 1` when the build has shards (`sw.js` then runs `sw-shards.js`).
fn build_line(version: &str, files: &[String], shards: bool) -> String {
    let assets: Vec<String> = files.iter().map(|file| json_string(file)).collect();
    format!(
        "{BUILD_LINE}{{ version: {}, assets: [{}]{} }};",
        json_string(version),
        assets.join(", "),
        if shards { ", shards: 1" } else { "" }
    )
}

/// `source` with its one line starting with [`BUILD_LINE`] replaced by `line`.
fn with_build_line(source: &str, line: &str) -> std::result::Result<String, String> {
    let mut found = 0;
    let lines: Vec<&str> = source
        .lines()
        .map(|current| {
            if current.starts_with(BUILD_LINE) {
                found += 1;
                line
            } else {
                current
            }
        })
        .collect();
    match found {
        1 => Ok(lines.join("\n") + "\n"),
        0 => Err(format!("no line starting with `{BUILD_LINE}` to fill in")),
        n => Err(format!("{n} lines start with `{BUILD_LINE}`; expected one")),
    }
}

/// A JSON string literal (also a JavaScript one) for `text`.
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Every file under `dir`, as a path relative to `root` with `/` separators.
fn list_files(root: &Path, dir: &Path, files: &mut Vec<String>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|err| format!("{}: {err}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|err| format!("{}: {err}", dir.display()))?
            .path();
        if path.is_dir() {
            list_files(root, &path, files)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            let parts: Vec<String> = relative
                .components()
                .map(|part| part.as_os_str().to_string_lossy().into_owned())
                .collect();
            files.push(parts.join("/"));
        }
    }
    Ok(())
}

/// FNV-1a, 64 bits: a stable, dependency-free fingerprint (not a security hash; it only has to
/// change when the build does).
pub(crate) struct Fnv64(pub(crate) u64);

impl Default for Fnv64 {
    fn default() -> Fnv64 {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv64 {
    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// `cargo xtask icons`: renders `icons/icon.svg` to `icons/icon-192.png` and `icons/icon-512.png`
/// with headless Chromium's screenshot (the SVG has no size of its own, so it fills the window).
pub fn icons() -> Result<()> {
    let root = project_root();
    let svg = root.join("icons/icon.svg");
    if !svg.is_file() {
        return Err(format!("{}: missing", svg.display()));
    }
    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find_map(which)
        .ok_or("no Chromium on PATH: run `cargo xtask setup`")?;
    crate::setup::ensure_debian_program("pngquant", "pngquant")?;
    for size in ICON_SIZES {
        let png = icon_path(&root, size);
        let profile = std::env::temp_dir().join(format!("communique-icons-{}", std::process::id()));
        let result = Cmd::new(
            &chromium.display().to_string(),
            &[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--no-first-run",
                "--disable-background-networking",
                "--default-background-color=00000000",
            ],
        )
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--window-size={size},{size}"))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", svg.display()))
        .run();
        let _ = std::fs::remove_dir_all(&profile);
        result?;
        // The icon is flat: four colours and their anti-aliased edges. A 16-colour palette looks
        // the same and makes both icons 2.3 KB instead of 8.2 (the service worker caches them).
        let png_path = png.display().to_string();
        Cmd::new(
            "pngquant",
            &[
                ICON_COLOURS,
                "--speed",
                "1",
                "--strip",
                "--force",
                "--output",
            ],
        )
        .arg(&png_path)
        .arg(&png_path)
        .run()?;
        match png_size(&std::fs::read(&png).map_err(|err| format!("{}: {err}", png.display()))?) {
            Some(found) if found == (size, size) => println!("icons: wrote {}", png.display()),
            found => {
                return Err(format!(
                    "{}: expected {size}×{size}, got {found:?}",
                    png.display()
                ))
            }
        }
    }
    Ok(())
}

/// Where the PNG icon of `size` pixels is committed.
pub fn icon_path(root: &Path, size: u32) -> PathBuf {
    root.join(format!("icons/icon-{size}.png"))
}

/// Width and height from a PNG's header, `None` if `bytes` is not a PNG.
pub fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.get(..8)? != SIGNATURE || bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    let number = |at: usize| Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    Some((number(16)?, number(20)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checked_build_fails_when_no_name_was_shortened() {
        assert!(require_shortened(0, true).is_err());
        assert!(require_shortened(0, false).is_ok());
        assert!(require_shortened(7, true).is_ok());
    }

    fn check(source: &str, files: &[&str], expect: std::result::Result<&str, &str>) {
        let files: Vec<String> = files.iter().map(|file| file.to_string()).collect();
        let got = with_build_line(source, &build_line("v1", &files, false));
        assert_eq!(
            got.as_deref(),
            expect.map_err(String::from).as_deref(),
            "{source}"
        );
    }

    #[test]
    fn leaves_out_comment_lines_and_indentation() {
        let check = |source: &str, expect: Option<&str>| {
            assert_eq!(without_comments(source).as_deref(), expect, "{source}");
        };
        check(
            "// Why.\n/** What. */\nfunction f() {\n    // Inside.\n\n    return \"//\"; // kept\n}\n",
            Some("function f() {\nreturn \"//\"; // kept\n}\n"),
        );
        // A block comment over several lines stays (only indentation goes), and so does `a /* */`.
        check(
            "/* one\n   two */\na /* b */;",
            Some("/* one\ntwo */\na /* b */;\n"),
        );
        check("const t = `\n  x`;", None);
        check("const s = \"a\\\n  b\";", None);
        check("/**/ x", Some("/**/ x\n"));
    }

    #[test]
    fn fills_in_the_service_worker() {
        check(
            "// worker\nconst BUILD = { version: \"dev\", assets: [] };\nrun();\n",
            &["index.html", "icons/icon.svg", "a\"b.js"],
            Ok(
                "// worker\nconst BUILD = { version: \"v1\", assets: [\"index.html\", \
                \"icons/icon.svg\", \"a\\\"b.js\"] };\nrun();\n",
            ),
        );
        check(
            "run();\n",
            &[],
            Err("no line starting with `const BUILD = ` to fill in"),
        );
        check(
            "const BUILD = 1;\nconst BUILD = 2;\n",
            &[],
            Err("2 lines start with `const BUILD = `; expected one"),
        );
    }

    #[test]
    fn the_version_follows_names_and_bytes() {
        let version = |parts: &[&[u8]]| {
            let mut hash = Fnv64::default();
            for part in parts {
                hash.write(part);
            }
            hash.0
        };
        assert_eq!(version(&[]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(version(&[b"a"]), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(version(&[b"ab"]), version(&[b"ba"]));
    }

    #[test]
    fn the_committed_icons_have_their_sizes() {
        let root = project_root();
        for size in ICON_SIZES {
            let path = icon_path(&root, size);
            let bytes = std::fs::read(&path)
                .unwrap_or_else(|err| panic!("{}: {err}; run `cargo xtask icons`", path.display()));
            assert_eq!(png_size(&bytes), Some((size, size)), "{}", path.display());
        }
        assert_eq!(png_size(b"GIF89a"), None);
    }
}
