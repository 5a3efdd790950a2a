//! Reading a corpus folder: which files are articles, their bytes decoded to
//! text, JSONL lines split into articles, and `corpus.toml` parsed.
//!
//! Accepted input:
//! - `*.txt` anywhere below the folder (searched recursively, symbolic links
//!   followed, each folder once): one article; its id is the path relative to
//!   the folder without the extension, with `/` separators.
//! - `*.jsonl`: one article a line, fields `id`, `title`, `date`, `source`,
//!   `url`, `text` (only `text` is required; other fields are ignored). Without
//!   `id`, a line's id is the file's relative path without extension, a `/`
//!   and the line number (`feeds/ag/12`).
//! - `corpus.toml` at the folder's root: the corpus `title` and
//!   `description`, and per-document overrides `[documents."<id>"]` with
//!   `title`, `date`, `source`, `url`.
//! - Anything else is reported as skipped ("not an article (.png)"); hidden
//!   files and folders (name starting with `.`) are reported and not searched.
//!
//! Text that is not valid UTF-8 is decoded as Windows-1252 (which extends
//! Latin-1) with a warning naming the line of the first bad byte; a UTF-8
//! byte-order mark is dropped, UTF-16 with a byte-order mark is decoded.
//!
//! Limits, so that memory stays bounded by what is kept rather than by what is
//! offered: a file over [`MAX_FILE_BYTES`] is skipped without being read (reading
//! one holds its bytes, its decoded text and its articles at once, about three
//! times its size), and an article over [`MAX_ARTICLE_BYTES`] (no news article
//! comes near it: that is a book, a dump or a mistake) is left out with a message
//! naming it; folders deeper than [`MAX_DEPTH`] are not searched (a tree that deep
//! is a link loop the canonical-path check missed, or generated). Each says so
//! in the report; the other files compile.
//!
//! Invariant: one bad file never stops the others; every file and folder met
//! gets a [`FileReport`] (also one that cannot be opened, or that vanished
//! between the folder's listing and its reading). Only a missing folder or a
//! malformed `corpus.toml` is a [`CompileError`].

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use communique_core::{Diagnostic, FileReport, PartialDate, Severity};
use serde::Deserialize;

use crate::{dates, CompileError};

/// The largest file read, in bytes (64 MiB): a JSONL file of tens of thousands of articles fits.
pub const MAX_FILE_BYTES: u64 = 64 << 20;
/// The longest article kept, in bytes of text (4 MiB, some hundred times a long news story).
pub const MAX_ARTICLE_BYTES: usize = 4 << 20;
/// How many folders deep the search goes below the corpus folder.
pub const MAX_DEPTH: usize = 64;

/// Metadata stated explicitly (JSONL fields or `corpus.toml`); it wins over what is guessed from the text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    /// The title.
    pub title: Option<String>,
    /// The publication date.
    pub date: Option<PartialDate>,
    /// The publication time `HH:MM`, when the date carried one.
    pub time: Option<String>,
    /// The outlet.
    pub source: Option<String>,
    /// The original address.
    pub url: Option<String>,
}

impl Metadata {
    /// Fills each field of `self` that `other` gives, `other` winning.
    pub fn override_with(&mut self, other: &Metadata) {
        if other.date.is_some() {
            self.date = other.date;
            self.time = other.time.clone();
        }
        let fields = [
            (&mut self.title, &other.title),
            (&mut self.source, &other.source),
            (&mut self.url, &other.url),
        ];
        for (mine, theirs) in fields {
            if theirs.is_some() {
                mine.clone_from(theirs);
            }
        }
    }
}

/// One article as read from its file, before cleaning.
#[derive(Clone, Debug, PartialEq)]
pub struct RawArticle {
    /// The document id.
    pub id: String,
    /// Index of its file in [`Input::files`].
    pub file: usize,
    /// 1-based line in a JSONL file.
    pub line: Option<u32>,
    /// The decoded text.
    pub text: String,
    /// Explicit metadata from the JSONL line.
    pub metadata: Metadata,
}

/// The settings of `corpus.toml`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Settings {
    /// Corpus title, when given.
    pub title: Option<String>,
    /// Corpus description, when given.
    pub description: Option<String>,
    /// Overrides per document id, with the line of their table.
    pub documents: BTreeMap<String, (u32, Metadata)>,
}

/// Everything read from a folder.
#[derive(Debug, Default)]
pub struct Input {
    /// From `corpus.toml`, or defaults.
    pub settings: Settings,
    /// The articles, in file order.
    pub articles: Vec<RawArticle>,
    /// One report per file or skipped folder, in the order met (sorted later).
    pub files: Vec<FileReport>,
}

pub use communique_core::SETTINGS_FILE;

/// Reads every file under `dir`.
pub fn read_dir(dir: &Path) -> Result<Input, CompileError> {
    let fatal = |message: String| CompileError {
        path: dir.display().to_string(),
        line: None,
        message,
    };
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(fatal("not a folder".into())),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return Err(fatal("no such folder".into()))
        }
        Err(err) => return Err(fatal(format!("cannot open folder: {err}"))),
    }
    let mut input = Input::default();
    let settings_path = dir.join(SETTINGS_FILE);
    if settings_path.is_file() {
        let (settings, report) = read_settings(&settings_path)?;
        input.settings = settings;
        input.files.push(report);
    }
    let mut seen = HashSet::new();
    walk(dir, "", 0, &mut seen, &mut input);
    Ok(input)
}

/// Visits `folder` (relative path `prefix`, `depth` folders below the corpus folder) in name order.
fn walk(folder: &Path, prefix: &str, depth: usize, seen: &mut HashSet<PathBuf>, input: &mut Input) {
    if depth > MAX_DEPTH {
        let path = prefix.trim_end_matches('/').to_owned();
        let why = format!("folder more than {MAX_DEPTH} levels deep, not searched");
        input.files.push(skipped(path, &why));
        return;
    }
    // A symbolic link back up the tree must not loop forever.
    if let Ok(real) = fs::canonicalize(folder) {
        if !seen.insert(real) {
            let path = prefix.trim_end_matches('/').to_owned();
            input
                .files
                .push(skipped(path, "folder already searched (symbolic link)"));
            return;
        }
    }
    let mut entries: Vec<(String, PathBuf)> = match fs::read_dir(folder) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
            .collect(),
        Err(err) => {
            let mut report = skipped(
                prefix.trim_end_matches('/').to_owned(),
                "folder not readable",
            );
            report
                .messages
                .push(error(None, format!("cannot list folder: {err}")));
            input.files.push(report);
            return;
        }
    };
    entries.sort();
    for (name, path) in entries {
        let rel = format!("{prefix}{name}");
        let meta = match fs::metadata(&path) {
            Ok(meta) => meta,
            Err(err) => {
                input.files.push(unreadable(rel, &err, "open"));
                continue;
            }
        };
        if prefix.is_empty() && name == SETTINGS_FILE && meta.is_file() {
            // Read first, by `read_dir`, and reported there.
            continue;
        }
        if name.starts_with('.') {
            let what = if meta.is_dir() {
                "hidden folder, not searched"
            } else {
                "hidden file"
            };
            input.files.push(skipped(rel, what));
        } else if meta.is_dir() {
            walk(&path, &format!("{rel}/"), depth + 1, seen, input);
        } else if meta.is_file() && meta.len() > MAX_FILE_BYTES {
            let why = format!(
                "too large to read ({}; at most {} a file): split it into several files",
                megabytes(meta.len()),
                megabytes(MAX_FILE_BYTES)
            );
            input.files.push(skipped(rel, &why));
        } else if meta.is_file() {
            read_file(&path, rel, input);
        } else {
            // A pipe or device would block or never end.
            input.files.push(skipped(rel, "not a regular file"));
        }
    }
}

/// Reads one file into articles, or reports why not.
fn read_file(path: &Path, rel: String, input: &mut Input) {
    let extension = Path::new(&rel)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase());
    let kind = match extension.as_deref() {
        Some("txt") => Kind::Text,
        Some("jsonl") => Kind::Lines,
        _ if Path::new(&rel)
            .file_name()
            .is_some_and(|n| n == SETTINGS_FILE) =>
        {
            input.files.push(skipped(
                rel,
                "corpus settings are only read at the folder's root",
            ));
            return;
        }
        Some(ext) => {
            input
                .files
                .push(skipped(rel, &format!("not an article (.{ext})")));
            return;
        }
        None => {
            input
                .files
                .push(skipped(rel, "not an article (no extension)"));
            return;
        }
    };
    let mut report = FileReport {
        path: rel.clone(),
        ..FileReport::default()
    };
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            input.files.push(unreadable(rel, &err, "read"));
            return;
        }
    };
    if bytes.contains(&0) && encoding_rs::Encoding::for_bom(&bytes).is_none() {
        report.skipped = Some("binary data (NUL bytes), not text".into());
        input.files.push(report);
        return;
    }
    let (text, warning) = decode(&bytes);
    report.messages.extend(warning);
    let file = input.files.len();
    let stem = rel[..rel.len() - extension.map_or(0, |e| e.len() + 1)].to_owned();
    match kind {
        Kind::Text if text.trim().is_empty() => report.skipped = Some("empty file".into()),
        Kind::Text if text.len() > MAX_ARTICLE_BYTES => {
            report.skipped = Some(too_long(text.len()));
        }
        Kind::Text => input.articles.push(RawArticle {
            id: stem,
            file,
            line: None,
            text,
            metadata: Metadata::default(),
        }),
        Kind::Lines => {
            let before = input.articles.len();
            read_lines(&text, &stem, file, &mut report, &mut input.articles);
            if input.articles.len() == before {
                let why = if text.trim().is_empty() {
                    "empty file"
                } else {
                    "no usable article lines"
                };
                report.skipped = Some(why.into());
            }
        }
    }
    input.files.push(report);
}

#[derive(Clone, Copy)]
enum Kind {
    Text,
    Lines,
}

/// A JSONL line as written; unknown fields are ignored.
#[derive(Deserialize)]
struct JsonArticle {
    id: Option<serde_json::Value>,
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
    text: Option<String>,
}

/// Splits a JSONL file into articles, reporting each bad line.
fn read_lines(
    text: &str,
    stem: &str,
    file: usize,
    report: &mut FileReport,
    out: &mut Vec<RawArticle>,
) {
    for (index, line) in text.lines().enumerate() {
        let number = index as u32 + 1;
        if line.trim().is_empty() {
            continue;
        }
        let article: JsonArticle = match serde_json::from_str(line) {
            Ok(article) => article,
            Err(err) => {
                report.messages.push(error(
                    Some(number),
                    format!("malformed JSON line, not included: {}", json_problem(&err)),
                ));
                continue;
            }
        };
        let id = match article.id {
            None | Some(serde_json::Value::Null) => format!("{stem}/{number}"),
            Some(serde_json::Value::String(id)) if !id.trim().is_empty() => id.trim().to_owned(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            Some(other) => {
                report.messages.push(error(Some(number), format!("`id` must be a non-empty string or a number, not {other}; line not included")));
                continue;
            }
        };
        let Some(text) = article.text else {
            report.messages.push(error(
                Some(number),
                "missing `text`; line not included".into(),
            ));
            continue;
        };
        if text.trim().is_empty() {
            report.messages.push(warning(
                Some(number),
                "empty `text`; line not included".into(),
            ));
            continue;
        }
        if text.len() > MAX_ARTICLE_BYTES {
            let why = format!("{}; line not included", too_long(text.len()));
            report.messages.push(error(Some(number), why));
            continue;
        }
        let mut metadata = Metadata {
            title: non_empty(article.title),
            source: non_empty(article.source),
            url: non_empty(article.url),
            ..Metadata::default()
        };
        if let Some(date) = non_empty(article.date) {
            match dates::parse_metadata_date(&date) {
                Ok((date, time)) => (metadata.date, metadata.time) = (Some(date), time),
                Err(problem) => report.messages.push(warning(
                    Some(number),
                    format!("{problem}; date guessed from the text instead"),
                )),
            }
        }
        out.push(RawArticle {
            id,
            file,
            line: Some(number),
            text,
            metadata,
        });
    }
}

/// The report of a file that could not be opened or read (`doing`): gone since the folder was
/// listed (deleted or moved while compiling, or a link to nothing), or refused.
fn unreadable(rel: String, err: &std::io::Error, doing: &str) -> FileReport {
    let (why, message) = match err.kind() {
        std::io::ErrorKind::NotFound => (
            "vanished",
            "listed in its folder, then not found (deleted or moved during the compile, or a \
             link to nothing)"
                .to_string(),
        ),
        std::io::ErrorKind::PermissionDenied => {
            ("not readable", format!("cannot {doing}: permission denied"))
        }
        _ => ("not readable", format!("cannot {doing}: {err}")),
    };
    let mut report = skipped(rel, why);
    report.messages.push(error(None, message));
    report
}

/// "3.2 MB": a size for a message.
fn megabytes(bytes: u64) -> String {
    let tenths = bytes * 10 / (1 << 20);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// Why an article too long to keep is left out.
fn too_long(bytes: usize) -> String {
    format!(
        "article too long ({} of text; at most {} an article)",
        megabytes(bytes as u64),
        megabytes(MAX_ARTICLE_BYTES as u64)
    )
}

/// A serde_json error without its "at line 1 column N" tail, plus the column.
fn json_problem(err: &serde_json::Error) -> String {
    let text = err.to_string();
    let message = text.split(" at line ").next().unwrap_or(&text);
    format!("{message} (column {})", err.column())
}

fn non_empty(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// Decodes file bytes: UTF-8 (BOM dropped), UTF-16 with a BOM, or else
/// Windows-1252 with a warning naming the first bad line.
pub fn decode(bytes: &[u8]) -> (String, Option<Diagnostic>) {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        let note = (encoding != encoding_rs::UTF_8).then(|| {
            warning(
                None,
                format!("{} text (byte-order mark) decoded", encoding.name()),
            )
        });
        return (text.into_owned(), note);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), None),
        Err(err) => {
            let line = bytes[..err.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            let message = "not valid UTF-8; decoded as Windows-1252/Latin-1".to_owned();
            (
                decode_mixed(bytes),
                Some(warning(Some(line as u32), message)),
            )
        }
    }
}

/// Valid UTF-8 runs as they are, every other byte as Windows-1252: a Latin-1
/// file comes out right, and so does a UTF-8 file with a few Latin-1 bytes
/// pasted in (decoding it all as Windows-1252 would garble its `’` into `â€™`).
fn decode_mixed(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(text) => {
                out.push_str(text);
                return out;
            }
            Err(err) => {
                let (good, bad) = rest.split_at(err.valid_up_to());
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                let len = err.error_len().unwrap_or(bad.len());
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bad[..len]);
                out.push_str(&text);
                rest = &bad[len..];
            }
        }
    }
}

/// The `corpus.toml` file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsFile {
    title: Option<String>,
    description: Option<String>,
    #[serde(default)]
    documents: BTreeMap<toml::Spanned<String>, DocumentSettings>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentSettings {
    title: Option<String>,
    /// A string, or a TOML date (`date = 2016-09-14`) or year (`date = 2016`), as people write both.
    date: Option<WrittenDate>,
    source: Option<String>,
    url: Option<String>,
}

/// A date as written in `corpus.toml`: a string, a TOML date or a bare year,
/// kept as text for [`dates::parse_metadata_date`].
struct WrittenDate(String);

impl<'de> Deserialize<'de> for WrittenDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = WrittenDate;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a date: \"YYYY-MM-DD\", YYYY-MM-DD or YYYY")
            }
            fn visit_str<E>(self, text: &str) -> Result<WrittenDate, E> {
                Ok(WrittenDate(text.to_owned()))
            }
            fn visit_i64<E>(self, year: i64) -> Result<WrittenDate, E> {
                Ok(WrittenDate(year.to_string()))
            }
            fn visit_u64<E>(self, year: u64) -> Result<WrittenDate, E> {
                Ok(WrittenDate(year.to_string()))
            }
            // toml hands its own date values over as a map.
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<WrittenDate, A::Error> {
                let date = toml::value::Datetime::deserialize(
                    serde::de::value::MapAccessDeserializer::new(map),
                )?;
                Ok(WrittenDate(date.to_string()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Parses `corpus.toml`: a syntax error is fatal; a bad date is a warning.
fn read_settings(path: &Path) -> Result<(Settings, FileReport), CompileError> {
    let fatal = |line: Option<u32>, message: String| CompileError {
        path: path.display().to_string(),
        line,
        message,
    };
    let bytes = fs::read(path).map_err(|err| fatal(None, format!("cannot read: {err}")))?;
    let (text, note) = decode(&bytes);
    let parsed: SettingsFile = toml::from_str(&text).map_err(|err| {
        let line = err.span().map(|span| line_of(&text, span.start));
        // toml's messages may span lines; a report line must not.
        let message = err
            .message()
            .trim()
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("; ");
        fatal(line, message)
    })?;
    let mut report = FileReport {
        path: SETTINGS_FILE.into(),
        ..FileReport::default()
    };
    report.messages.extend(note);
    let mut settings = Settings {
        title: non_empty(parsed.title),
        description: non_empty(parsed.description),
        documents: BTreeMap::new(),
    };
    for (id, doc) in parsed.documents {
        let line = line_of(&text, id.span().start);
        let mut metadata = Metadata {
            title: non_empty(doc.title),
            source: non_empty(doc.source),
            url: non_empty(doc.url),
            ..Metadata::default()
        };
        if let Some(date) = doc.date {
            match dates::parse_metadata_date(&date.0) {
                Ok((date, time)) => (metadata.date, metadata.time) = (Some(date), time),
                Err(problem) => report.messages.push(warning(
                    Some(key_line(&text, id.span().start, "date")),
                    format!("{problem} for document \"{}\"; ignored", id.get_ref()),
                )),
            }
        }
        settings.documents.insert(id.into_inner(), (line, metadata));
    }
    Ok((settings, report))
}

/// The line of `key = …` in the table starting at byte `table` (the table's
/// own line when the key is not found on a later line).
fn key_line(text: &str, table: usize, key: &str) -> u32 {
    let first = line_of(text, table);
    let after_table = text[table.min(text.len())..].lines().skip(1);
    let found = after_table
        .take_while(|l| !l.trim_start().starts_with('['))
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        });
    found.map_or(first, |n| first + n as u32 + 1)
}

/// The 1-based line of byte `offset`.
fn line_of(text: &str, offset: usize) -> u32 {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u32
        + 1
}

/// A report for a file that produced nothing.
pub fn skipped(path: String, why: &str) -> FileReport {
    FileReport {
        path,
        skipped: Some(why.into()),
        ..FileReport::default()
    }
}

/// A warning diagnostic.
pub fn warning(line: Option<u32>, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        line,
        message,
    }
}

/// An error diagnostic.
pub fn error(line: Option<u32>, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        line,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decodes `bytes`; `expect` is the text, then ` !line:message` for a warning.
    fn check(bytes: &[u8], expect: &str) {
        let (text, note) = decode(bytes);
        let note = note
            .map(|d| format!(" !{}:{}", d.line.unwrap_or(0), d.message))
            .unwrap_or_default();
        assert_eq!(format!("{text}{note}"), expect);
    }

    #[test]
    fn decodes_utf8_latin1_and_boms() {
        check("Rōhānī".as_bytes(), "Rōhānī");
        check(b"\xEF\xBB\xBFhi", "hi");
        check(
            b"a\nM\xE9xico \x80",
            "a\nMéxico € !2:not valid UTF-8; decoded as Windows-1252/Latin-1",
        );
        check(
            b"\xFF\xFEh\0i\0",
            "hi !0:UTF-16LE text (byte-order mark) decoded",
        );
        check(
            b"It\xE2\x80\x99s a caf\xE9\n\xC3",
            "It’s a café\nÃ !1:not valid UTF-8; decoded as Windows-1252/Latin-1",
        );
    }

    #[test]
    fn jsonl_lines_become_articles_or_diagnostics() {
        let text = concat!(
            "{\"id\": \"a\", \"title\": \"T\", \"date\": \"2016-09\", \"text\": \"Body.\", \"category\": \"x\"}\n",
            "\n",
            "{\"text\": \"No id.\", \"date\": \"yesterday\"}\n",
            "{\"title\": \"no text\"}\n",
            "{broken\n",
            "{\"id\": [1], \"text\": \"x\"}\n",
        );
        let mut report = FileReport::default();
        let mut out = Vec::new();
        read_lines(text, "feeds/ag", 0, &mut report, &mut out);
        let ids: Vec<_> = out
            .iter()
            .map(|a| (a.id.as_str(), a.line, a.metadata.date.map(|d| d.iso())))
            .collect();
        assert_eq!(
            ids,
            [
                ("a", Some(1), Some("2016-09".into())),
                ("feeds/ag/3", Some(3), None)
            ]
        );
        let messages: Vec<String> = report
            .messages
            .iter()
            .map(|d| format!("{}: {}", d.line.unwrap(), d.message))
            .collect();
        assert_eq!(messages[0], "3: bad date \"yesterday\": expected YYYY, YYYY-MM or YYYY-MM-DD; date guessed from the text instead");
        assert_eq!(messages[1], "4: missing `text`; line not included");
        assert!(
            messages[2].starts_with(
                "5: malformed JSON line, not included: key must be a string (column 2)"
            ),
            "{}",
            messages[2]
        );
        assert!(
            messages[3].starts_with("6: `id` must be"),
            "{}",
            messages[3]
        );
        assert_eq!(messages.len(), 4);
    }

    #[test]
    fn metadata_overrides_field_by_field() {
        let mut base = Metadata {
            title: Some("a".into()),
            source: Some("s".into()),
            ..Metadata::default()
        };
        base.override_with(&Metadata {
            title: Some("b".into()),
            date: PartialDate::parse_iso("2016"),
            ..Metadata::default()
        });
        assert_eq!(base.title.as_deref(), Some("b"));
        assert_eq!(base.source.as_deref(), Some("s"));
        assert_eq!(base.date, PartialDate::parse_iso("2016"));
    }
}
