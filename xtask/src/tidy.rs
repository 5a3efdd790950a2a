//! The house rules that a machine can check, run as a test: `cargo test -p xtask`.
//!
//! Checked over the files git tracks: every `.rs` opens with a `//!` line saying what it owns; no
//! trailing whitespace in source and docs (reported as `path:line`); no `should_panic` or `ignore`
//! test attributes (a test that cannot fail, or never runs, is worse than none); `crates/core`
//! stays browser-free and IO-free (no web-sys, js-sys, wasm-bindgen or leptos dependency, no
//! `std::fs`);
//! and every dependency in every `Cargo.toml` has a `#` comment above it saying why;
//! components drawn once per result row read the app's state untracked ([`ROW_COMPONENTS`]);
//! `FORMAT_VERSION` moves whenever the types it covers change (a fingerprint of `corpus.rs`,
//! `documents.rs`, `model.rs`, `index/format.rs`, `index/deferred.rs`, `facet/tables.rs` and
//! `lazy.rs` is recorded per version in `crates/core/format-versions.txt`, as rust-analyzer ties
//! a doc to its source).
//!
//! Every problem is collected, so one run lists them all.

use std::path::{Path, PathBuf};

use crate::run::project_root;

/// Extensions of the files whose whitespace is checked (scraped articles and data are exempt).
const TEXT_EXTENSIONS: [&str; 8] = ["rs", "toml", "md", "html", "css", "js", "sh", "yml"];
/// Folders holding data kept byte for byte as it came.
const DATA_FOLDERS: [&str; 2] = ["corpus/", "test_data/"];
/// Browser crates the core must never depend on.
const BROWSER_CRATES: [&str; 4] = ["web-sys", "js-sys", "wasm-bindgen", "leptos"];

/// The app's components drawn anew for every result row on every keystroke. They read the
/// app's signals untracked: Leptos keeps a disposed effect among the subscribers of each
/// signal it read until that signal's life ends, and copies them all on every change, so a
/// tracked read here piles up dead subscribers (see `mark_active` in `result_list.rs`).
const ROW_COMPONENTS: [&str; 5] = [
    "src/components/result_item.rs",
    "src/components/entity_link.rs",
    "src/components/doc_date.rs",
    "src/components/marked_text.rs",
    "src/components/snippet.rs",
];
/// Reads of a signal that subscribe the effect or memo running them.
const TRACKED_READS: [&str; 4] = [".get()", ".with(", ".track()", ".read()"];

#[test]
fn test() {
    let root = project_root();
    let files = tracked_files(&root);
    let mut problems = Vec::new();
    for path in &files {
        let Ok(text) = std::fs::read_to_string(root.join(path)) else {
            // Deleted in the work tree but still tracked, or not UTF-8 (binary): nothing to check.
            continue;
        };
        let name = path.to_string_lossy().replace('\\', "/");
        problems.extend(check_file(&name, &text));
    }
    problems.extend(format_version_problems(&root));
    assert!(
        problems.is_empty(),
        "tidy found {} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The files whose types the bundle's bytes are made of.
const FORMAT_SOURCES: [&str; 9] = [
    "crates/core/src/corpus.rs",
    "crates/core/src/documents.rs",
    "crates/core/src/entities.rs",
    "crates/core/src/records.rs",
    "crates/core/src/model.rs",
    "crates/core/src/index/format.rs",
    "crates/core/src/index/deferred.rs",
    "crates/core/src/facet/tables.rs",
    "crates/core/src/lazy.rs",
];
/// Where `FORMAT_VERSION` is defined.
const FORMAT_VERSION_FILE: &str = "crates/core/src/bundle.rs";
/// One line per format version: the version and the fingerprint of [`FORMAT_SOURCES`].
const FORMAT_RECORD: &str = "crates/core/format-versions.txt";

/// The fingerprint of the format's sources: FNV-1a over their code lines, so comments and
/// blank lines may change freely but any change to a type, field or constant moves it.
fn format_fingerprint(sources: &[&str]) -> String {
    let mut hash = crate::site::Fnv64::default();
    for text in sources {
        for line in text.lines().map(str::trim) {
            if line.is_empty() || line.starts_with("//") {
                continue;
            }
            hash.write(line.as_bytes());
            hash.write(b"\n");
        }
    }
    format!("{:016x}", hash.0)
}

/// Checks that the last line of [`FORMAT_RECORD`] is today's `FORMAT_VERSION` and today's
/// fingerprint, with versions rising line by line.
fn format_version_problems(root: &Path) -> Vec<String> {
    let read = |path: &str| std::fs::read_to_string(root.join(path)).unwrap_or_default();
    let sources: Vec<String> = FORMAT_SOURCES.iter().map(|p| read(p)).collect();
    let fingerprint = format_fingerprint(&sources.iter().map(String::as_str).collect::<Vec<_>>());
    let version = read(FORMAT_VERSION_FILE).lines().find_map(|line| {
        line.trim()
            .strip_prefix("pub const FORMAT_VERSION: u32 = ")?
            .strip_suffix(';')?
            .parse::<u32>()
            .ok()
    });
    check_format_record(&read(FORMAT_RECORD), version, &fingerprint)
}

/// The rules of [`format_version_problems`] on the record's text.
fn check_format_record(record: &str, version: Option<u32>, fingerprint: &str) -> Vec<String> {
    let Some(version) = version else {
        return vec![format!(
            "{FORMAT_VERSION_FILE}: no `pub const FORMAT_VERSION: u32 = N;`"
        )];
    };
    let mut problems = Vec::new();
    let mut lines = Vec::new();
    for (n, line) in record.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line
            .split_once(' ')
            .map(|(v, h)| (v.parse::<u32>(), h.trim()))
        {
            Some((Ok(v), h)) => lines.push((n + 1, v, h)),
            _ => problems.push(format!(
                "{FORMAT_RECORD}:{}: expected `VERSION FINGERPRINT`",
                n + 1
            )),
        }
    }
    for pair in lines.windows(2) {
        if pair[1].1 <= pair[0].1 {
            problems.push(format!(
                "{FORMAT_RECORD}:{}: version {} after {}: versions must rise",
                pair[1].0, pair[1].1, pair[0].1
            ));
        }
    }
    let fix = format!(
        "set FORMAT_VERSION in {FORMAT_VERSION_FILE} to {} and append `{} {fingerprint}` to \
         {FORMAT_RECORD} (a reader of the old bundles must refuse the new ones)",
        version + 1,
        version + 1
    );
    match lines.last() {
        None => problems.push(format!("{FORMAT_RECORD}: no version recorded; {fix}")),
        Some(&(n, v, _)) if v != version => problems.push(format!(
            "{FORMAT_RECORD}:{n}: records version {v}, but FORMAT_VERSION is {version}: append \
             `{version} {fingerprint}`"
        )),
        Some(&(n, _, h)) if h != fingerprint => problems.push(format!(
            "{}: changed since version {version} was recorded ({FORMAT_RECORD}:{n}, fingerprint \
             {h}, now {fingerprint}): {fix}",
            FORMAT_SOURCES.join(" or ")
        )),
        Some(_) => {}
    }
    problems
}

/// Every house-rule problem of one file, each starting with `path` or `path:line`.
fn check_file(path: &str, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let is_data = DATA_FOLDERS
        .iter()
        .any(|folder| path.starts_with(folder) || path.contains(&format!("/{folder}")));
    let extension = Path::new(path)
        .extension()
        .and_then(|ext| ext.to_str())
        .unwrap_or("");
    if !is_data && (TEXT_EXTENSIONS.contains(&extension) || path.starts_with(".ci/")) {
        problems.extend(trailing_whitespace(path, text));
    }
    if extension == "rs" {
        problems.extend(rust_rules(path, text));
    }
    if ROW_COMPONENTS.contains(&path) {
        problems.extend(tracked_state_reads(path, text));
    }
    if path == "Cargo.toml" || path.ends_with("/Cargo.toml") {
        problems.extend(undocumented_dependencies(path, text));
        if path == "crates/core/Cargo.toml" {
            problems.extend(browser_dependencies(path, text));
        }
    }
    problems
}

fn trailing_whitespace(path: &str, text: &str) -> Vec<String> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| line.ends_with([' ', '\t']))
        .map(|(i, _)| format!("{path}:{}: trailing whitespace", i + 1))
        .collect()
}

fn rust_rules(path: &str, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if !text.trim_start_matches('\u{feff}').starts_with("//!") {
        problems.push(format!(
            "{path}:1: must open with a `//!` comment saying what the file owns"
        ));
    }
    // Spelled in pieces so that this file does not trip its own check.
    let banned = [concat!("#[should", "_panic"), concat!("#[ig", "nore")];
    // The library only: examples and tests of core may read files to feed it bytes.
    let in_core = path.starts_with("crates/core/src/");
    for (i, line) in text.lines().enumerate() {
        for attribute in banned {
            if line.contains(attribute) {
                problems.push(format!(
                    "{path}:{}: `{attribute}]` is not allowed: assert on the error value, and make \
                     slow checks a `cargo xtask bench` measurement",
                    i + 1
                ));
            }
        }
        if in_core && uses_std_fs(line) {
            problems.push(format!(
                "{path}:{}: crates/core takes bytes, never files: no `std::fs`",
                i + 1
            ));
        }
    }
    problems
}

/// Lines of a [`ROW_COMPONENTS`] file that read the app's state (`state.…`) tracked.
fn tracked_state_reads(path: &str, text: &str) -> Vec<String> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            let code = line.split("//").next().unwrap_or("");
            code.contains("state.") && TRACKED_READS.iter().any(|read| code.contains(read))
        })
        .map(|(i, _)| {
            format!(
                "{path}:{}: drawn once per result row: read the app's state untracked \
                 (`get_untracked`, `with_untracked`), or in the list, once",
                i + 1
            )
        })
        .collect()
}

fn uses_std_fs(line: &str) -> bool {
    let code = line.split("//").next().unwrap_or("");
    let compact: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    compact.contains("std::fs")
        || (compact.contains("usestd::{")
            && compact
                .split(['{', ',', '}'])
                .any(|part| part == "fs" || part.starts_with("fs::")))
}

/// A dependency table header: `[dependencies]`, `[dev-dependencies]`, `[build-dependencies]`,
/// `[workspace.dependencies]`, `[target.'cfg(…)'.dependencies]`, or one dependency's own table
/// such as `[dependencies.serde]`.
#[derive(Debug, PartialEq)]
enum Section {
    /// Not a dependency table.
    Other,
    /// A table listing dependencies, one a line.
    List,
    /// A table that is one dependency.
    One,
}

fn section_kind(header: &str) -> Section {
    let name = header.trim_matches(|c| c == '[' || c == ']').trim();
    let parts: Vec<&str> = name.split('.').collect();
    let is_dep_word = |part: &str| {
        matches!(
            part,
            "dependencies" | "dev-dependencies" | "build-dependencies"
        )
    };
    match parts.iter().position(|part| is_dep_word(part)) {
        None => Section::Other,
        Some(i) if i + 1 == parts.len() => Section::List,
        Some(_) => Section::One,
    }
}

fn undocumented_dependencies(path: &str, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut section = Section::Other;
    let mut previous = "";
    // Depth of `[`/`{` left open by a multi-line value, whose later lines are not new keys.
    let mut open = 0i32;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let is_key = open == 0 && !line.is_empty() && !line.starts_with('#');
        if is_key && line.starts_with('[') {
            section = section_kind(line);
            if section == Section::One && !previous.starts_with('#') {
                problems.push(undocumented(path, i, line));
            }
        } else if is_key && section == Section::List && !previous.starts_with('#') {
            problems.push(undocumented(path, i, line));
        }
        if !line.starts_with('#') {
            let code = line.split(" #").next().unwrap_or("");
            if !(open == 0 && code.starts_with('[')) {
                open += code.matches(['[', '{']).count() as i32;
                open -= code.matches([']', '}']).count() as i32;
                open = open.max(0);
            }
        }
        if !line.is_empty() {
            previous = line;
        }
    }
    problems
}

fn undocumented(path: &str, index: usize, line: &str) -> String {
    let name = line.split(['=', ' ']).next().unwrap_or(line);
    format!(
        "{path}:{}: dependency `{name}` needs a `#` comment on the line above saying why",
        index + 1
    )
}

fn browser_dependencies(path: &str, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut section = Section::Other;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.starts_with('[') {
            section = section_kind(line);
        }
        let name = match section {
            Section::List if !line.starts_with('[') => line.split(['=', ' ']).next().unwrap_or(""),
            Section::One if line.starts_with('[') => line
                .trim_matches(|c| c == '[' || c == ']')
                .rsplit('.')
                .next()
                .unwrap_or(""),
            _ => continue,
        };
        if BROWSER_CRATES.contains(&name.trim().trim_matches('"')) {
            problems.push(format!(
                "{path}:{}: crates/core must stay browser-free: no `{}` dependency",
                i + 1,
                name.trim()
            ));
        }
    }
    problems
}

fn tracked_files(root: &Path) -> Vec<PathBuf> {
    let output = std::process::Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(root)
        .output()
        .expect("tidy needs git to list the tracked files");
    assert!(output.status.success(), "`git ls-files` failed");
    output
        .stdout
        .split(|byte| *byte == 0)
        .filter(|name| !name.is_empty())
        .map(|name| PathBuf::from(String::from_utf8_lossy(name).into_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(path: &str, text: &str, expect: &[&str]) {
        let problems = check_file(path, text);
        let starts: Vec<String> = problems
            .iter()
            .map(|problem| problem.split(": ").next().unwrap_or("").to_string())
            .collect();
        assert_eq!(starts, expect, "{path}: {problems:#?}");
    }

    #[test]
    fn ties_the_format_version_to_its_sources() {
        let a = format_fingerprint(&["pub struct A {\n    x: u32,\n}\n"]);
        // Comments and blank lines do not move the fingerprint; a field does.
        let commented = format_fingerprint(&["/// An A.\npub struct A {\n\n    x: u32, \n}\n"]);
        assert_eq!(a, commented);
        let b = format_fingerprint(&["pub struct A {\n    x: u64,\n}\n"]);
        assert_ne!(a, b);
        let record = format!("# comment\n1 0000000000000000\n2 {a}\n");
        assert!(check_format_record(&record, Some(2), &a).is_empty());
        // The sources changed but the version did not move.
        let stale = check_format_record(&record, Some(2), &b);
        assert_eq!(stale.len(), 1, "{stale:?}");
        assert!(stale[0].contains("set FORMAT_VERSION") && stale[0].contains(&format!("3 {b}")));
        // The version moved but nobody recorded it.
        assert!(check_format_record(&record, Some(3), &b)[0].contains("records version 2"));
        // Versions must rise.
        let falling = format!("2 {a}\n1 {a}\n");
        assert!(check_format_record(&falling, Some(1), &a)[0].contains("must rise"));
        assert!(!check_format_record("", Some(1), &a).is_empty());
        assert!(!check_format_record(&record, None, &a).is_empty());
    }

    #[test]
    fn checks_rust_files() {
        check("src/a.rs", "//! Owns a.\nfn main() {}\n", &[]);
        check("src/a.rs", "// Not a doc.\nfn main() {}\n", &["src/a.rs:1"]);
        check("src/a.rs", "//! A.\nfn main() {} \n", &["src/a.rs:2"]);
        let banned = concat!("//! A.\n#[test]\n#[ig", "nore]\nfn t() {}\n");
        check("src/a.rs", banned, &["src/a.rs:3"]);
        let panics = concat!("//! A.\n#[should", "_panic(expected = \"x\")]\n");
        check("src/a.rs", panics, &["src/a.rs:2"]);
    }

    #[test]
    fn keeps_core_free_of_files() {
        let text = "//! Core.\nuse std::fs;\nuse std::{io, fs::File};\n// std::fs in a comment\n";
        check(
            "crates/core/src/x.rs",
            text,
            &["crates/core/src/x.rs:2", "crates/core/src/x.rs:3"],
        );
        check("crates/compiler/src/x.rs", text, &[]);
        check("crates/core/examples/x.rs", text, &[]);
    }

    #[test]
    fn keeps_rows_from_subscribing_to_the_app() {
        let text = "//! A row.\nlet a = state.active.get_untracked();\n\
                    let b = state.active.get() == Some(1);\n\
                    let c = move || state.filters.with(|f| f.is_empty());\n\
                    // state.current.get() in a comment\nlet d = other.get();\n";
        let row = "src/components/result_item.rs";
        check(row, text, &[&format!("{row}:3"), &format!("{row}:4")]);
        check("src/components/result_list.rs", text, &[]);
    }

    #[test]
    fn exempts_data_from_whitespace_rules() {
        check("corpus/001.txt", "scraped line \n", &[]);
        check("crates/compiler/test_data/a.md", "kept as is \n", &[]);
        check("README.md", "a line \n", &["README.md:1"]);
        check(".ci/run", "set -e \n", &[".ci/run:1"]);
    }

    #[test]
    fn asks_why_for_every_dependency() {
        let toml = r#"[package]
name = "x"

[dependencies]
# Why serde.
serde = { version = "1", features = [
    "derive",
] }
toml = "0.8"

[target.'cfg(unix)'.dev-dependencies]
# Why libc.
libc = "0.2"

[dependencies.undocumented]
version = "1"
"#;
        check(
            "crates/x/Cargo.toml",
            toml,
            &["crates/x/Cargo.toml:9", "crates/x/Cargo.toml:15"],
        );
    }

    #[test]
    fn keeps_core_free_of_the_browser() {
        let toml = "[dependencies]\n# Why.\nserde = \"1\"\n# Why.\nweb-sys = \"0.3\"\n\n[dependencies.leptos]\nversion = \"0.8\"\n";
        check(
            "crates/core/Cargo.toml",
            toml,
            &[
                "crates/core/Cargo.toml:7",
                "crates/core/Cargo.toml:5",
                "crates/core/Cargo.toml:7",
            ],
        );
    }
}
