//! `cargo xtask dist` and `cargo xtask serve`: build the explorer with Trunk (release), and serve it.
//!
//! Both accept `--corpus DIR`, passed to `build.rs` as `COMMUNIQUE_CORPUS`, so the site can embed
//! any folder of articles. Without it, `corpus/` is embedded (or whatever `COMMUNIQUE_CORPUS`
//! already says in the caller's environment).

use std::path::{Path, PathBuf};

use crate::run::{absolute, project_root, Cmd, Result};

/// The environment variable `build.rs` reads to find the folder of articles.
pub const CORPUS_VAR: &str = "COMMUNIQUE_CORPUS";

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

    fn apply(&self, command: Cmd) -> Cmd {
        match self {
            CorpusChoice::Inherit => command,
            CorpusChoice::Default => command.env_remove(CORPUS_VAR),
            CorpusChoice::Folder(folder) => command.env(CORPUS_VAR, folder),
        }
    }
}

/// Builds the release site embedding `corpus` into `dist`.
pub fn build(corpus: &CorpusChoice, dist: &Path) -> Result<()> {
    let command = Cmd::new("trunk", &["build", "--release", "--dist"]).arg(dist);
    corpus.apply(command).run()?;
    println!("dist: built {}", dist.display());
    Ok(())
}

/// Builds and serves the release site on 127.0.0.1:`port` until interrupted, rebuilding on edits.
pub fn serve(corpus: &CorpusChoice, port: u16) -> Result<()> {
    println!("serve: the explorer will be at http://127.0.0.1:{port}/ once built (Ctrl-C stops)");
    let command = Cmd::new(
        "trunk",
        &["serve", "--release", "--address", "127.0.0.1", "--port"],
    )
    .arg(port.to_string());
    corpus.apply(command).run()
}
