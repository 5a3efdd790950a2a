//! The native corpus compiler: turns a folder of news articles into a [`Corpus`].
//!
//! Pipeline: `read` (folder, JSONL, corpus.toml, encodings) → `clean`
//! (boilerplate, title, dateline, source) → `dates` → `entities` → `visits` →
//! the core's index writer → `report`.
//!
//! Invariant: one bad file never stops the others; every input file gets a
//! [`FileReport`](communique_core::FileReport) saying what became of it.
#![deny(missing_docs)]

use std::path::Path;

use communique_core::Corpus;

pub mod entities;
pub mod report;
pub mod visits;

/// A problem that stops the whole compile (the folder is missing, or `corpus.toml` is malformed).
#[derive(Debug)]
pub struct CompileError {
    /// The file or folder at fault.
    pub path: String,
    /// 1-based line, when known.
    pub line: Option<u32>,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for CompileError {}

/// Compiles every article under `dir` into a corpus with its index and report.
pub fn compile_dir(dir: &Path) -> Result<Corpus, CompileError> {
    if !dir.is_dir() {
        return Err(CompileError {
            path: dir.display().to_string(),
            line: None,
            message: "not a folder".into(),
        });
    }
    // Placeholder pipeline until the reader lands: no documents yet.
    let documents = Vec::new();
    let entities = entities::extract(&documents);
    let visits = visits::extract(&documents, &entities);
    let index = communique_core::SearchIndex::build(&documents);
    Ok(Corpus {
        documents,
        entities,
        visits,
        index,
        ..Corpus::default()
    })
}
