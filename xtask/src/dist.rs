//! `cargo xtask dist` and `cargo xtask serve`: build the explorer with Trunk (release), and serve it.
//!
//! Both accept `--corpus DIR`, passed to `build.rs` as `COMMUNIQUE_CORPUS`, so the site can embed
//! any folder of articles. Without it, `corpus/` is embedded (or whatever `COMMUNIQUE_CORPUS`
//! already says in the caller's environment).

use std::path::{Path, PathBuf};

use crate::run::{absolute, project_root, Cmd, Result};

/// The environment variable `build.rs` reads to find the folder of articles.
pub const CORPUS_VAR: &str = "COMMUNIQUE_CORPUS";

/// Above this many bytes of article files, `--shards auto` builds the sharded layout: about
/// 1,500 articles of the bench corpus, whose one bundle would take 2 MB. Below it,
/// embedding everything costs a first load less than fetching would cost each query
/// (the default corpus's files take 30 KB).
pub const SHARD_ABOVE: u64 = 2_000_000;

/// The environment variable that `build.rs` writes the shards of a sharded build to, and
/// `cargo xtask post-build` copies them from: a folder per site built (see [`data_folder`]).
pub const DATA_VAR: &str = "COMMUNIQUE_DATA";

/// The environment variable setting the bytes of each shard (`build.rs`; tests use small
/// ones so that a small corpus has many).
pub const SHARD_SIZE_VAR: &str = "COMMUNIQUE_SHARD_SIZE";
/// The variable that sets the most bytes of shards a page fetches ahead (`build.rs`).
pub const FETCH_AHEAD_VAR: &str = "COMMUNIQUE_FETCH_AHEAD";

/// Which layout a build writes (core's `bundle` module).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Shards past [`SHARD_ABOVE`] bytes of article files, one bundle below.
    Auto,
    /// One bundle embedded in the WASM, whatever the size.
    One,
    /// The sharded layout, whatever the size.
    Sharded,
}

impl Layout {
    /// The layout a `--shards` value names.
    pub fn from_flag(value: Option<&str>) -> Result<Layout> {
        match value {
            None | Some("auto") => Ok(Layout::Auto),
            Some("off") => Ok(Layout::One),
            Some("on") => Ok(Layout::Sharded),
            Some(other) => Err(format!("--shards expects auto, on or off, not {other:?}")),
        }
    }

    /// Whether a build of `corpus` in this layout is sharded.
    fn sharded(self, corpus: &CorpusChoice) -> Result<bool> {
        match self {
            Layout::One => Ok(false),
            Layout::Sharded => Ok(true),
            Layout::Auto => {
                let folder = corpus.folder();
                let bytes =
                    folder_bytes(&folder).map_err(|err| format!("{}: {err}", folder.display()))?;
                Ok(bytes > SHARD_ABOVE)
            }
        }
    }
}

/// The bytes of every file under `folder`, following links as the compiler does.
fn folder_bytes(folder: &Path) -> std::io::Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        let metadata = std::fs::metadata(&path)?;
        if metadata.is_dir() {
            total += folder_bytes(&path)?;
        } else if metadata.is_file() {
            total += metadata.len();
        }
    }
    Ok(total)
}

/// Where `build.rs` writes the shards of the site built into `dist`: a folder of its own
/// under `target/communique-data/`, so that each site's build script run and its shards
/// go together (Cargo reruns the script when this path changes).
pub fn data_folder(dist: &Path) -> PathBuf {
    let mut hash = crate::site::Fnv64::default();
    hash.write(dist.as_os_str().as_encoded_bytes());
    project_root().join(format!("target/communique-data/{:016x}", hash.0))
}

/// The environment variable naming the built site the end-to-end tests and the bench open.
pub const DIST_VAR: &str = "COMMUNIQUE_DIST";

/// The release build that `test`, `e2e` and `bench` make and open: `COMMUNIQUE_DIST`, or `dist/`.
pub fn test_dist() -> PathBuf {
    match std::env::var_os(DIST_VAR) {
        Some(dir) if !dir.is_empty() => absolute(Path::new(&dir)),
        _ => default_dist(),
    }
}

/// The folder the release site goes to unless told otherwise.
pub fn default_dist() -> PathBuf {
    project_root().join("dist")
}

/// Which corpus a build embeds.
#[derive(Clone, Debug, PartialEq)]
pub enum CorpusChoice {
    /// Whatever the caller's environment says (`corpus/` when `COMMUNIQUE_CORPUS` is unset).
    Inherit,
    /// Always `corpus/`, whatever the environment says (the tests expect its five articles).
    Default,
    /// A folder given by the user, made absolute.
    Folder(PathBuf),
}

impl CorpusChoice {
    /// The choice for an optional `--corpus DIR`, checked to be a folder; relative paths are
    /// taken from the current directory, as a user typing them expects.
    pub fn from_flag(corpus: Option<&Path>) -> Result<CorpusChoice> {
        let Some(corpus) = corpus else {
            return Ok(CorpusChoice::Inherit);
        };
        let absolute = absolute(corpus);
        if !absolute.is_dir() {
            return Err(format!("--corpus {}: not a folder", corpus.display()));
        }
        Ok(CorpusChoice::Folder(absolute))
    }

    /// The folder of articles a build reads.
    fn folder(&self) -> PathBuf {
        match self {
            CorpusChoice::Inherit => match std::env::var_os(CORPUS_VAR) {
                Some(dir) if !dir.is_empty() => project_root().join(dir),
                _ => project_root().join("corpus"),
            },
            CorpusChoice::Default => project_root().join("corpus"),
            CorpusChoice::Folder(folder) => folder.clone(),
        }
    }

    fn apply(&self, command: Cmd) -> Cmd {
        match self {
            CorpusChoice::Inherit => command,
            CorpusChoice::Default => command.env_remove(CORPUS_VAR),
            CorpusChoice::Folder(folder) => command.env(CORPUS_VAR, folder),
        }
    }
}

/// The environment of every release build Trunk makes for us: the standard library rebuilt for
/// size, and panics that abort at once. Measured with `cargo xtask bench` (README, "Measuring"),
/// it takes about 35 KB off the gzipped WASM, an eighth of it.
///
/// `-Zbuild-std` and the `-Z` flags are unstable. Nothing pins the toolchain (a fresh machine
/// would have to download it): the installed stable rustc has them behind `RUSTC_BOOTSTRAP=1`,
/// with its own `rust-src` (installed by `cargo xtask setup`), and [`size_build_probe`] checks
/// before every release build that it still accepts them; where it does not, the build is the
/// plain release and says so loudly. Checked with the rustc releases in
/// [`SIZE_BUILD_TESTED_RUSTC`] (see `docs/TOOLCHAIN.md`). What each switch does:
/// - `build-std` with `optimize_for_size`: `core`, `alloc` and `std` compiled with our profile
///   (`opt-level = "z"`, LTO) and their size-over-speed code paths, instead of the prebuilt ones;
/// - `-Cpanic=immediate-abort`: a panic traps without formatting a message, so no panic strings,
///   locations or formatting code are linked (`-Zlocation-detail=none` drops `#[track_caller]`
///   locations too). A panic is a bug either way; the console then shows `unreachable` rather
///   than the message, which a debug build (`trunk build`) still prints;
/// - `-Zfmt-debug=none`: `{:?}` prints nothing. The app never shows a `Debug` form (only tests
///   do, and they run natively, without these switches);
/// - `-Zinline-mir=no` and an LLVM inline threshold of 0: fewer copies of small functions (about
///   3 KB gzipped; search stays far below its 2 ms budget).
///
/// These reach only the WASM: Cargo applies `build-std` and target rustflags to `--target`
/// builds, and the Trunk hook's native `cargo xtask post-build` is unaffected.
pub const SIZE_BUILD_ENV: [(&str, &str); 4] = [
    ("RUSTC_BOOTSTRAP", "1"),
    ("CARGO_UNSTABLE_BUILD_STD", BUILD_STD_CRATES),
    ("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size"),
    (
        // Added to `.cargo/config.toml`'s flags for this target (Cargo joins the two lists).
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
        SIZE_RUSTFLAGS,
    ),
];

/// The size build's compiler switches (see [`SIZE_BUILD_ENV`]).
const SIZE_RUSTFLAGS: &str = "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none \
     -Zfmt-debug=none -Zinline-mir=no -Cllvm-args=-inline-threshold=0";

/// The standard library crates the release build compiles from source (`setup` fetches their
/// dependencies ahead of Trunk's offline build).
pub const BUILD_STD_CRATES: &str = "std,panic_abort";

/// The rustc releases whose size build was built and measured (`cargo xtask bench`).
pub const SIZE_BUILD_TESTED_RUSTC: &[&str] = &["1.95.0"];

/// What the size build saves, for the warning when it cannot run: WASM bytes gzipped, measured
/// with `cargo xtask bench` (README, "Measuring").
const SIZE_BUILD_SAVES: &str =
    "about 35 KB of gzipped WASM (the default site then exceeds its 250 KB budget)";

/// Asks the installed rustc whether it takes every switch of [`SIZE_BUILD_ENV`] (rustc refuses
/// an unknown option or value even when only printing its configuration) and whether its
/// `rust-src` has the `optimize_for_size` feature `build-std` is given. `Err` says what is missing.
pub fn size_build_probe() -> std::result::Result<String, String> {
    let version = crate::run::first_line("rustc", &["--version"])
        .ok_or_else(|| "rustc --version did not run".to_string())?;
    let mut probe = std::process::Command::new("rustc");
    probe
        .env("RUSTC_BOOTSTRAP", "1")
        .args(SIZE_RUSTFLAGS.split_whitespace())
        .args(["--target", "wasm32-unknown-unknown", "--print", "cfg"]);
    let output = probe
        .output()
        .map_err(|e| format!("{version}: rustc did not run: {e}"))?;
    if !output.status.success() {
        let why = String::from_utf8_lossy(&output.stderr);
        let why = why.lines().next().unwrap_or("").trim();
        return Err(format!(
            "{version} refuses the size build's switches: {why}"
        ));
    }
    let sysroot = crate::run::first_line("rustc", &["--print", "sysroot"]).unwrap_or_default();
    let std_manifest = Path::new(&sysroot).join("lib/rustlib/src/rust/library/std/Cargo.toml");
    match std::fs::read_to_string(&std_manifest) {
        Ok(text) if text.contains("optimize_for_size") => Ok(version),
        Ok(_) => Err(format!(
            "{version}: its rust-src has no `optimize_for_size` feature ({})",
            std_manifest.display()
        )),
        Err(e) => Err(format!(
            "{version}: no rust-src to rebuild the standard library from ({}: {e})",
            std_manifest.display()
        )),
    }
}

/// `command` (a Trunk release build or serve of the site in `dist`) with [`SIZE_BUILD_ENV`]
/// where the installed toolchain takes it, the corpus choice and the layout: a sharded build
/// turns on the app's `sharded` feature, which `build.rs` follows.
fn release_command(corpus: &CorpusChoice, sharded: bool, dist: &Path, command: Cmd) -> Cmd {
    let command = command.env(DATA_VAR, data_folder(dist));
    let command = match sharded {
        true => command.env("TRUNK_BUILD_FEATURES", "sharded"),
        false => command.env_remove("TRUNK_BUILD_FEATURES"),
    };
    let command = match size_build_probe() {
        Ok(version) => {
            let tested = SIZE_BUILD_TESTED_RUSTC
                .iter()
                .any(|v| version.contains(&format!(" {v} ")));
            if !tested {
                println!(
                    "note: {version} takes the size build's switches, but it was measured only \
                     with rustc {}; compare `cargo xtask bench`'s sizes",
                    SIZE_BUILD_TESTED_RUSTC.join(", ")
                );
            }
            SIZE_BUILD_ENV
                .iter()
                .fold(command, |command, (key, value)| command.env(key, value))
        }
        Err(why) => {
            eprintln!(
                "\n!!! WARNING: plain release build, without the size build: {why}.\n\
                 !!! It costs {SIZE_BUILD_SAVES}. Tested with rustc {}.\n",
                SIZE_BUILD_TESTED_RUSTC.join(", ")
            );
            command
        }
    };
    corpus.apply(command)
}

/// Builds the release site embedding `corpus` into `dist`, in the layout its size asks for.
pub fn build(corpus: &CorpusChoice, dist: &Path) -> Result<()> {
    build_in(corpus, Layout::Auto, dist)
}

/// Builds the release site embedding `corpus` into `dist`, in `layout`.
pub fn build_in(corpus: &CorpusChoice, layout: Layout, dist: &Path) -> Result<()> {
    trunk_build(corpus, layout, dist, false)
}

/// Builds like [`build`], but a post-build step that saves nothing fails the build
/// ([`crate::site::STRICT_POST_BUILD_VAR`]): `cargo xtask test` builds this way, so a
/// toolchain upgrade that silently loses a saving fails the tests.
pub fn build_checked(corpus: &CorpusChoice, layout: Layout, dist: &Path) -> Result<()> {
    trunk_build(corpus, layout, dist, true)
}

/// Builds like [`build_checked`], in the sharded layout with shards of about `shard_size`
/// bytes: the end-to-end tests' sharded sites, whose small corpus then has many shards; with
/// `ahead`, the page fetches ahead at most that many bytes of shards (`build.rs`).
pub fn build_sharded_checked(
    corpus: &CorpusChoice,
    dist: &Path,
    shard_size: usize,
    ahead: Option<usize>,
) -> Result<()> {
    let command = Cmd::new("trunk", &["build", "--release", "--dist"])
        .arg(dist)
        .env(SHARD_SIZE_VAR, shard_size.to_string());
    let command = match ahead {
        Some(bytes) => command.env(FETCH_AHEAD_VAR, bytes.to_string()),
        None => command.env_remove(FETCH_AHEAD_VAR),
    };
    trunk_build_with(command, corpus, Layout::Sharded, dist, true)
}

fn trunk_build(corpus: &CorpusChoice, layout: Layout, dist: &Path, strict: bool) -> Result<()> {
    let command = Cmd::new("trunk", &["build", "--release", "--dist"])
        .arg(dist)
        .env_remove(SHARD_SIZE_VAR);
    trunk_build_with(command, corpus, layout, dist, strict)
}

fn trunk_build_with(
    mut command: Cmd,
    corpus: &CorpusChoice,
    layout: Layout,
    dist: &Path,
    strict: bool,
) -> Result<()> {
    if strict {
        command = command.env(crate::site::STRICT_POST_BUILD_VAR, "1");
    }
    let sharded = layout.sharded(corpus)?;
    release_command(corpus, sharded, dist, command).run()?;
    let layout = if sharded { "sharded" } else { "one bundle" };
    println!("dist: built {} ({layout})", dist.display());
    Ok(())
}

/// Builds and serves the release site on 127.0.0.1:`port` until interrupted, rebuilding on edits.
pub fn serve(corpus: &CorpusChoice, layout: Layout, port: u16) -> Result<()> {
    println!("serve: the explorer will be at http://127.0.0.1:{port}/ once built (Ctrl-C stops)");
    let command = Cmd::new(
        "trunk",
        &["serve", "--release", "--address", "127.0.0.1", "--port"],
    )
    .arg(port.to_string());
    let sharded = layout.sharded(corpus)?;
    release_command(corpus, sharded, &default_dist(), command).run()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shards_flag_names_a_layout() {
        assert_eq!(Layout::from_flag(None), Ok(Layout::Auto));
        assert_eq!(Layout::from_flag(Some("auto")), Ok(Layout::Auto));
        assert_eq!(Layout::from_flag(Some("on")), Ok(Layout::Sharded));
        assert_eq!(Layout::from_flag(Some("off")), Ok(Layout::One));
        assert_eq!(
            Layout::from_flag(Some("yes")),
            Err("--shards expects auto, on or off, not \"yes\"".to_string())
        );
    }

    #[test]
    fn auto_shards_past_the_size_of_the_article_files() {
        let default = CorpusChoice::Default;
        // The default corpus's five articles stay in one bundle.
        assert_eq!(Layout::Auto.sharded(&default), Ok(false));
        assert_eq!(Layout::Sharded.sharded(&default), Ok(true));
        let missing = CorpusChoice::Folder(project_root().join("no-such-folder"));
        assert!(Layout::Auto.sharded(&missing).is_err());
        assert_eq!(Layout::One.sharded(&missing), Ok(false));
    }

    #[test]
    fn each_site_has_its_own_data_folder() {
        let a = data_folder(Path::new("/x/dist"));
        assert_eq!(a, data_folder(Path::new("/x/dist")));
        assert_ne!(a, data_folder(Path::new("/x/other")));
        assert!(a.starts_with(project_root().join("target/communique-data")));
    }
}
