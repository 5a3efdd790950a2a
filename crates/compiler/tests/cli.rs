//! The command line as other tools call it: report, JSON export, exit codes.

use std::path::Path;
use std::process::{Command, Output};

use crate::util::{default_corpus, TempCorpus};

/// Runs the compiler binary with `args` in `cwd`.
fn run(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_communique-compiler"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("the compiler binary runs")
}

/// Runs the binary and compares exit code, and what stdout and stderr contain.
fn check(cwd: &Path, args: &[&str], code: i32, stdout_has: &str, stderr_has: &str) -> Output {
    let out = run(cwd, args);
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(
        out.status.code(),
        Some(code),
        "{args:?}\nstdout: {stdout}\nstderr: {stderr}"
    );
    assert!(
        stdout.contains(stdout_has),
        "{args:?}: stdout lacks {stdout_has:?}:\n{stdout}"
    );
    assert!(
        stderr.contains(stderr_has),
        "{args:?}: stderr lacks {stderr_has:?}:\n{stderr}"
    );
    out
}

#[test]
fn export_writes_the_documented_json_shape() {
    let root = default_corpus().join("..");
    let scratch = TempCorpus::new(&[]);
    let out_file = scratch.path().join("out.json");
    let out_arg = out_file.to_str().unwrap();
    // From the project root with a relative folder, as other tools call it.
    check(
        &root,
        &["export", "corpus", "--json", out_arg],
        0,
        "",
        "6 files: 5 included (5 documents), 0 skipped, settings from corpus.toml",
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    let keys =
        |v: &serde_json::Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys(&json), ["documents", "entities", "visits"]);
    assert!(json["entities"].is_array() && json["visits"].is_array());
    let documents = json["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 5);
    let mut doc_keys = keys(&documents[0]);
    doc_keys.sort();
    assert_eq!(
        doc_keys,
        [
            "date",
            "date_precision",
            "headline",
            "id",
            "removed",
            "source",
            "text",
            "title",
            "url"
        ]
    );
    let first = &documents[0];
    assert_eq!(first["id"], "000_7232237f068ca451");
    assert_eq!(
        (&first["date"], &first["date_precision"]),
        (&"2016-09-14".into(), &"day".into())
    );
    assert_eq!(
        first["removed"][0],
        serde_json::json!({"text": "September 14, 2016 - 15:34", "reason": "publication date line"})
    );
    let undated = &documents[4];
    assert_eq!(
        (
            &undated["date"],
            &undated["date_precision"],
            &undated["source"]
        ),
        (
            &serde_json::Value::Null,
            &serde_json::Value::Null,
            &serde_json::Value::Null
        )
    );
    // The headline opens the text as its own paragraph.
    assert_eq!(undated["headline"], true);
    let text = undated["text"].as_str().unwrap();
    let title = undated["title"].as_str().unwrap();
    assert!(text.starts_with(&format!("{title}\n\nThe presidents of Russia")));
}

#[test]
fn export_to_stdout_and_compile_print_the_report() {
    let corpus = default_corpus();
    let corpus = corpus.to_str().unwrap();
    let out = check(
        Path::new("."),
        &["export", corpus, "--json", "-", "--quiet"],
        0,
        "\"documents\": [",
        "",
    );
    assert!(out.stderr.is_empty());
    check(
        Path::new("."),
        &["compile", corpus],
        0,
        "included  004_a69506151a1a2a0e.txt\n  warning: no date found",
        "",
    );
    let quiet = check(Path::new("."), &["compile", "--quiet", corpus], 0, "", "");
    assert!(quiet.stdout.is_empty() && quiet.stderr.is_empty());
}

#[test]
fn errors_go_to_stderr_with_path_and_line() {
    let dir = TempCorpus::new(&[
        ("feed.jsonl", b"{\"text\": \"Fine line of text.\"}\n{oops\n"),
        ("bad/corpus.toml", b"title = \"x\"\n"),
    ]);
    let path = dir.path().to_str().unwrap();
    // A bad line costs that line only: the compile succeeds.
    check(
        Path::new("."),
        &["compile", path],
        0,
        "included  feed.jsonl",
        &format!("{path}/feed.jsonl:2: malformed JSON line"),
    );
    std::fs::write(dir.path().join("corpus.toml"), "title = \n").unwrap();
    check(
        Path::new("."),
        &["compile", path],
        1,
        "",
        &format!("{path}/corpus.toml:1: "),
    );
    check(
        Path::new("."),
        &["compile", &format!("{path}/missing")],
        1,
        "",
        "missing: no such folder",
    );
    check(
        Path::new("."),
        &["export", path],
        1,
        "",
        "export needs --json <FILE>",
    );
}
