//! `cargo xtask eval`: scores visits, their dates and the entities on hand-annotated articles
//! (by default the 40 of `../shared/eval/dev.json`) and prints every miss and false fact.
//!
//! The articles' texts are not ours to commit: they are re-obtained as the gold's README says into
//! `eval/texts/` (git-ignored) or any folder given with `--texts`. The scoring is the compiler
//! crate's `eval_dev` example, run in release mode, so the figures are the same whoever measures.

use std::path::{Path, PathBuf};

use crate::run::{absolute, project_root, Cmd, Result};

/// Runs the evaluation of `gold` (default `../shared/eval/dev.json`) on the texts in `texts`
/// (default `eval/texts/`).
pub fn run(gold: Option<&Path>, texts: Option<&Path>) -> Result<()> {
    let gold = gold
        .map(absolute)
        .unwrap_or_else(|| project_root().join("../shared/eval/dev.json"));
    let texts = texts
        .map(absolute)
        .unwrap_or_else(|| project_root().join("eval/texts"));
    if !gold.is_file() {
        return Err(format!(
            "{}: no gold file there (pass one with --gold FILE)",
            gold.display()
        ));
    }
    if !texts.is_dir() {
        return Err(format!(
            "{}: no folder of article texts there; obtain them as the gold's README says, or pass --texts DIR",
            texts.display()
        ));
    }
    let work: PathBuf = project_root().join("target/eval");
    Cmd::new(
        "cargo",
        &[
            "run",
            "--release",
            "-q",
            "-p",
            "communique-compiler",
            "--example",
            "eval_dev",
            "--",
        ],
    )
    .arg(&gold)
    .arg(&texts)
    .arg(&work)
    .run()
}
