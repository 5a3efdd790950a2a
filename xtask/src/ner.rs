//! `cargo xtask ner`: scores the entity extractor on the CoNLL-2003 English test set and prints
//! its per-kind precision, recall and F1 table (PER, ORG, LOC; exact spans).
//!
//! The scoring itself is the compiler crate's `eval_ner` example; this command only finds the
//! data file and runs it in release mode, so the numbers are the same whoever measures them.

use std::path::{Path, PathBuf};

use crate::run::{absolute, project_root, Cmd, Result};

/// Runs the evaluation on `conll_file`, or on `../shared/ner/conll2003_eng.testb` by default.
pub fn run(conll_file: Option<&Path>) -> Result<()> {
    let file = match conll_file {
        Some(file) => absolute(file),
        None => default_file(),
    };
    if !file.is_file() {
        return Err(format!(
            "{}: no CoNLL-2003 file there (pass another with --conll FILE)",
            file.display()
        ));
    }
    Cmd::new(
        "cargo",
        &[
            "run",
            "--release",
            "-p",
            "communique-compiler",
            "--example",
            "eval_ner",
            "--",
        ],
    )
    .arg(&file)
    .run()
}

/// The shared copy of the CoNLL-2003 English test set, next to the repository.
fn default_file() -> PathBuf {
    project_root().join("../shared/ner/conll2003_eng.testb")
}
