//! The native corpus compiler: turns a folder of news articles into a [`Corpus`].
//!
//! Pipeline: [`read`] (folder, JSONL, `corpus.toml`, encodings) → [`clean`]
//! (title, date, source, dateline, boilerplate, paragraphs, sentences; dates
//! by [`dates`]) → metadata overrides and duplicate checks here →
//! [`entities`] → [`visits`] → the core's index writer. [`report`] renders what
//! became of every file; [`export`] writes the JSON other tools read.
//!
//! ```no_run
//! let corpus = communique_compiler::compile_dir(std::path::Path::new("corpus"))?;
//! print!("{}", communique_compiler::report::render(&corpus));
//! println!("{}", communique_compiler::export::to_json(&corpus));
//! # Ok::<(), communique_compiler::CompileError>(())
//! ```
//!
//! Invariant: one bad file never stops the others; every input file gets a
//! [`FileReport`] saying what became of it. Only a missing folder or a
//! malformed `corpus.toml` fails the whole compile.
//!
//! Invariant: metadata given explicitly wins over what is guessed from the
//! text: `corpus.toml` over the JSONL line over the article's header.
#![deny(missing_docs)]

use std::collections::HashMap;
use std::path::Path;

use communique_core::{Body, Corpus, CorpusMeta, Diagnostic, Document, FileReport, Text};

pub mod clean;
pub mod dates;
pub mod entities;
pub mod eval;
pub mod export;
pub mod read;
pub mod report;
pub mod sentences;
pub mod visits;

use read::{error, warning, Metadata, RawArticle};

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
    let input = read::read_dir(dir)?;
    let mut files = input.files;
    let mut settings = input.settings;
    let mut documents = Vec::with_capacity(input.articles.len());
    for (raw, document) in clean_all(input.articles, &settings) {
        let file = &mut files[raw.file];
        settings.documents.remove(&raw.id);
        match document {
            Ok((document, notes)) => documents.push((raw.file, raw.line, document, notes)),
            Err(problem) => skip(file, raw.line, problem),
        }
    }
    // Overrides left over name no document: say so where they are written.
    if let Some(report) = files.iter_mut().find(|f| f.path == read::SETTINGS_FILE) {
        for (id, (line, _)) in &settings.documents {
            report.messages.push(warning(
                Some(*line),
                format!("no document with id \"{id}\" for these settings"),
            ));
        }
    }
    let documents = deduplicate(documents, &mut files);
    let entities = entities::extract(&documents);
    let visits = visits::extract(&documents, &entities);
    let index = communique_core::SearchIndex::build(&documents);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    for file in &mut files {
        // Messages come from reading, cleaning and deduplication: show them in
        // line order, those about the whole file last.
        file.messages.sort_by_key(|m| m.line.unwrap_or(u32::MAX));
        report::compact(&mut file.messages);
    }
    let folder_name = std::fs::canonicalize(dir)
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "corpus".into());
    Ok(Corpus {
        meta: CorpusMeta {
            title: settings.title.unwrap_or(folder_name),
            description: settings.description.unwrap_or_default(),
            generator: format!("communique-compiler {}", env!("CARGO_PKG_VERSION")),
        },
        documents: documents.into(),
        entities: entities.into(),
        visits,
        report: communique_core::CompileReport { files }.into(),
        index,
    })
}

/// A cleaned document and its warnings, or why the article yields none.
type Cleaned = Result<(Document, Vec<Diagnostic>), String>;

/// Cleans every article, on all cores: cleaning is independent per article.
fn clean_all(articles: Vec<RawArticle>, settings: &read::Settings) -> Vec<(RawArticle, Cleaned)> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let chunk = articles.len().div_ceil(threads).max(64);
    let mut chunks: Vec<Vec<RawArticle>> = Vec::new();
    let mut articles = articles.into_iter().peekable();
    while articles.peek().is_some() {
        chunks.push(articles.by_ref().take(chunk).collect());
    }
    std::thread::scope(|scope| {
        let workers: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .into_iter()
                        .map(|raw| {
                            // A bug in a cleaning rule costs one article, not the compile.
                            let attempt = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                build_document(&raw, settings)
                            }));
                            let cleaned = attempt.unwrap_or_else(|_| {
                                Err("internal error while cleaning this article (a bug: please report it)".into())
                            });
                            (raw, cleaned)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// Cleans one article and settles its metadata: explicit over guessed.
fn build_document(raw: &RawArticle, settings: &read::Settings) -> Cleaned {
    let mut metadata = raw.metadata.clone();
    if let Some((_, overrides)) = settings.documents.get(&raw.id) {
        metadata.override_with(overrides);
    }
    // The text's first line may repeat either explicit title.
    let known_titles: Vec<&str> = [&raw.metadata.title, &metadata.title]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let cleaned = clean::clean(&raw.text, &known_titles);
    if cleaned.text.is_empty() {
        return Err("no article text (only headline, date or boilerplate lines)".into());
    }
    let mut notes: Vec<Diagnostic> = cleaned
        .notes
        .iter()
        .map(|n| warning(raw.line, n.clone()))
        .collect();
    let guessed = Metadata {
        title: Some(cleaned.title),
        date: cleaned.date,
        time: cleaned.time,
        source: cleaned.source,
        url: None,
    };
    let mut settled = guessed.clone();
    settled.override_with(&metadata);
    // A time read from the text still holds when metadata states the same day.
    if settled.time.is_none() && settled.date == guessed.date {
        settled.time = guessed.time;
    }
    if settled.date.is_none() {
        notes.push(warning(raw.line, "no date found".into()));
    }
    Ok((
        Document {
            id: raw.id.clone().into(),
            title: settled.title.unwrap_or_default().into(),
            date: settled.date,
            time: settled.time.map(Text::from),
            source: settled.source.map(Text::from),
            dateline: cleaned.dateline.map(Text::from),
            url: settled.url.map(Text::from),
            body: Body {
                text: cleaned.text,
                paragraphs: cleaned.paragraphs,
                sentences: cleaned.sentences,
                removed: cleaned.removed,
                headline: cleaned.headline,
            }
            .into(),
        },
        notes,
    ))
}

/// Records that an article of `file` produced no document.
fn skip(file: &mut FileReport, line: Option<u32>, problem: String) {
    match line {
        // A JSONL line: the file goes on.
        Some(_) => file
            .messages
            .push(warning(line, format!("{problem}; line not included"))),
        None => file.skipped = Some(problem),
    }
}

/// A cleaned document with its file, JSONL line and warnings.
type Compiled = (usize, Option<u32>, Document, Vec<Diagnostic>);

/// Sorts documents by id and drops repeated ids and repeated texts, reporting
/// each drop (or the kept document's warnings) on the file it came from.
fn deduplicate(mut documents: Vec<Compiled>, files: &mut [FileReport]) -> Vec<Document> {
    // Stable sort: for equal ids the earlier file (path order) wins.
    documents.sort_by(|a, b| a.2.id.cmp(&b.2.id));
    let mut kept: Vec<Document> = Vec::with_capacity(documents.len());
    let mut by_text: HashMap<&str, usize> = HashMap::with_capacity(documents.len());
    let mut fates = Vec::with_capacity(documents.len());
    for (at, (file, line, document, _)) in documents.iter().enumerate() {
        let fate = match kept_index(&documents, at) {
            Some(first) => Err(error(
                *line,
                format!(
                    "id \"{}\" already used by {}; not included",
                    document.id, files[documents[first].0].path
                ),
            )),
            None => match by_text.get(story(document)) {
                Some(&first) => Err(warning(
                    *line,
                    format!(
                        "duplicate of \"{}\" (same clean text); not included",
                        documents[first].2.id
                    ),
                )),
                None => {
                    by_text.insert(story(document), at);
                    Ok(())
                }
            },
        };
        fates.push((*file, *line, fate));
    }
    for ((file, line, fate), (_, _, document, notes)) in fates.into_iter().zip(documents) {
        let report = &mut files[file];
        match fate {
            Ok(()) => {
                report.messages.extend(notes);
                report.documents.push(document.id.to_string());
                kept.push(document);
            }
            // A whole file: it is skipped, and the reason says why.
            Err(diagnostic) if line.is_none() => {
                report.skipped = Some(
                    diagnostic
                        .message
                        .trim_end_matches("; not included")
                        .to_owned(),
                );
            }
            Err(diagnostic) => report.messages.push(diagnostic),
        }
    }
    kept
}

/// A document's text without its headline: a story republished under another
/// headline is the same story.
fn story(document: &Document) -> &str {
    &document.text[document.story_start()..]
}

/// The first earlier document with the same id as `documents[at]`, if any.
fn kept_index(documents: &[Compiled], at: usize) -> Option<usize> {
    let id = &documents[at].2.id;
    let first = documents[..at].partition_point(|d| d.2.id < *id);
    (first < at).then_some(first)
}
