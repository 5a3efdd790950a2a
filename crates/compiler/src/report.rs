//! The compile report as text, printed by the CLI and build.rs: one line per
//! input file with its fate, its messages indented below, then a summary.
//!
//! ```text
//! included  000_7232237f068ca451.txt
//! skipped   logo.png: not an article (.png)
//! included  feeds/ag.jsonl (7600 documents)
//!   warning: line 12: malformed JSON line, not included: … (column 4)
//!   warning: no date found (7600 times, lines 1–7600)
//!
//! 3 files: 2 included (7601 documents), 1 skipped; 0 errors, 2 warnings
//! ```
//!
//! Also here: [`compact`], which folds a message repeated on many lines of
//! one file into one, so a 7,600-line JSONL file without dates gives one
//! warning, not 7,600.

use std::fmt::Write;

use communique_core::{
    CompileReport, Corpus, Diagnostic, FileFate, FileReport, Severity, SETTINGS_FILE,
};

/// Renders what became of every input file, one block per file, and a summary.
pub fn render(corpus: &Corpus) -> String {
    let mut out = String::new();
    for file in &corpus.report.files {
        out.push_str(&file_line(file));
        out.push('\n');
        for message in &file.messages {
            let _ = writeln!(out, "  {}", message_text(message));
        }
    }
    if !corpus.report.files.is_empty() {
        out.push('\n');
    }
    out.push_str(&summary(&corpus.report));
    out.push('\n');
    out
}

/// `included  path (N documents)`, `skipped   path: why` or `settings  corpus.toml`.
pub fn file_line(file: &FileReport) -> String {
    match file.fate() {
        FileFate::Skipped(why) => format!("skipped   {}: {why}", file.path),
        FileFate::Settings => format!("settings  {}", file.path),
        FileFate::Articles(0) => format!("included  {} (no documents)", file.path),
        FileFate::Articles(1) => format!("included  {}", file.path),
        FileFate::Articles(n) => format!("included  {} ({n} documents)", file.path),
    }
}

/// `warning: line 3: problem` or `error: problem`.
pub fn message_text(message: &Diagnostic) -> String {
    let severity = match message.severity {
        Severity::Warning => "warning",
        Severity::Error => "error",
    };
    match message.line {
        Some(line) => format!("{severity}: line {line}: {}", message.message),
        None => format!("{severity}: {}", message.message),
    }
}

/// `5 files: 4 included (4 documents), 1 skipped; 0 errors, 2 warnings`, with
/// `, settings from corpus.toml` after the skipped count when the folder has one.
pub fn summary(report: &CompileReport) -> String {
    let fates: Vec<FileFate> = report.files.iter().map(FileReport::fate).collect();
    let skipped = fates
        .iter()
        .filter(|f| matches!(f, FileFate::Skipped(_)))
        .count();
    let settings = fates.contains(&FileFate::Settings);
    let documents: usize = report.files.iter().map(|f| f.documents.len()).sum();
    let count = |severity| {
        let messages = report.files.iter().flat_map(|f| &f.messages);
        messages
            .filter(|m| m.severity == severity)
            .map(|m| repeats(m).max(1))
            .sum::<usize>()
    };
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    format!(
        "{} {}: {} included ({documents} {}), {skipped} skipped{}; {errors} {}, {warnings} {}",
        report.files.len(),
        plural(report.files.len(), "file", "files"),
        report.files.len() - skipped - usize::from(settings),
        plural(documents, "document", "documents"),
        if settings {
            format!(", settings from {SETTINGS_FILE}")
        } else {
            String::new()
        },
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
    )
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// Folds messages that repeat on more than three lines of a file into one,
/// listing the lines as ranges: `no date found (7600 times, lines 1–7600)`.
pub fn compact(messages: &mut Vec<Diagnostic>) {
    let mut groups: Vec<(Severity, String, Vec<u32>)> = Vec::new();
    for message in messages.iter() {
        let Some(line) = message.line else { continue };
        match groups
            .iter_mut()
            .find(|(s, m, _)| *s == message.severity && *m == message.message)
        {
            Some((_, _, lines)) => lines.push(line),
            None => groups.push((message.severity, message.message.clone(), vec![line])),
        }
    }
    groups.retain(|(_, _, lines)| lines.len() > 3);
    if groups.is_empty() {
        return;
    }
    let mut folded = Vec::with_capacity(messages.len());
    for message in messages.drain(..) {
        let group = groups.iter_mut().find(|(s, m, _)| {
            message.line.is_some() && *s == message.severity && *m == message.message
        });
        match group {
            // Only the first of a group stays, carrying all its lines.
            Some((_, _, lines)) if !lines.is_empty() => {
                let lines = std::mem::take(lines);
                folded.push(Diagnostic {
                    severity: message.severity,
                    line: None,
                    message: format!(
                        "{} ({} times, {})",
                        message.message,
                        lines.len(),
                        line_ranges(&lines)
                    ),
                });
            }
            Some(_) => {}
            None => folded.push(message),
        }
    }
    *messages = folded;
}

/// How many occurrences a folded message stands for (0 when not folded).
fn repeats(message: &Diagnostic) -> usize {
    let Some(rest) = message.message.rsplit_once(" (").map(|(_, r)| r) else {
        return 0;
    };
    let Some((count, tail)) = rest.split_once(" times, lines ") else {
        return 0;
    };
    if message.line.is_some() || !tail.ends_with(')') {
        return 0;
    }
    count.parse().unwrap_or(0)
}

/// `lines 1–3, 7, 9–12`, at most ten ranges then `…`.
fn line_ranges(lines: &[u32]) -> String {
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for &line in lines {
        match ranges.last_mut() {
            Some((_, end)) if line == *end + 1 => *end = line,
            _ => ranges.push((line, line)),
        }
    }
    let mut parts: Vec<String> = ranges
        .iter()
        .take(10)
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect();
    if ranges.len() > 10 {
        parts.push("…".into());
    }
    format!("lines {}", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diagnostic(line: Option<u32>, message: &str) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            line,
            message: message.into(),
        }
    }

    /// Renders a report of `files` and compares it with `expect`.
    fn check(files: Vec<FileReport>, expect: &str) {
        let mut corpus = Corpus::default();
        corpus.report.files = files;
        for file in &mut corpus.report.files {
            compact(&mut file.messages);
        }
        assert_eq!(render(&corpus), expect);
    }

    #[test]
    fn one_line_per_file_with_messages_and_a_summary() {
        let files = vec![
            FileReport {
                path: "a.txt".into(),
                documents: vec!["a".into()],
                ..FileReport::default()
            },
            FileReport {
                path: "b.png".into(),
                skipped: Some("not an article (.png)".into()),
                ..FileReport::default()
            },
            FileReport {
                path: "c.jsonl".into(),
                documents: vec!["x".into(), "y".into()],
                messages: vec![diagnostic(Some(3), "missing `text`; line not included")],
                ..FileReport::default()
            },
        ];
        check(
            files,
            "included  a.txt\nskipped   b.png: not an article (.png)\nincluded  c.jsonl (2 documents)\n  warning: line 3: missing `text`; line not included\n\n3 files: 2 included (3 documents), 1 skipped; 0 errors, 1 warning\n",
        );
    }

    #[test]
    fn repeated_messages_fold_into_ranges() {
        let mut messages: Vec<Diagnostic> = [1, 2, 3, 5, 6, 9]
            .iter()
            .map(|&l| diagnostic(Some(l), "no date found"))
            .collect();
        messages.insert(2, diagnostic(Some(4), "other"));
        let file = FileReport {
            path: "f.jsonl".into(),
            documents: vec!["d".into()],
            messages,
            ..FileReport::default()
        };
        check(
            vec![file],
            "included  f.jsonl\n  warning: no date found (6 times, lines 1–3, 5–6, 9)\n  warning: line 4: other\n\n1 file: 1 included (1 document), 0 skipped; 0 errors, 7 warnings\n",
        );
    }
}
