//! Every kind of input file, good and bad: what the compile report says about
//! it, and that nothing but a missing folder or a malformed `corpus.toml`
//! stops a compile.

use communique_compiler::{compile_dir, report};
use communique_core::Corpus;

use crate::util::{test_data, TempCorpus};

const ARTICLE: &[u8] = b"Ministers meet in Moscow\n\nSeptember 14, 2016\n\nThe foreign ministers met in Moscow on Wednesday. They discussed trade.\n";

/// Compiles a folder made of `files` and compares the rendered report.
fn check(files: &[(&str, &[u8])], expect: &str) -> Corpus {
    let dir = TempCorpus::new(files);
    let corpus = compile_dir(dir.path()).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(report::render(&corpus), expect);
    corpus
}

/// Compiles a folder made of `files` and compares the fatal error, minus the folder's path.
fn check_fatal(files: &[(&str, &[u8])], expect: &str) {
    let dir = TempCorpus::new(files);
    let err = compile_dir(dir.path())
        .expect_err("the compile must fail")
        .to_string();
    let prefix = format!("{}/", dir.path().display());
    assert_eq!(err.strip_prefix(&prefix).unwrap_or(&err), expect);
}

#[test]
fn each_kind_of_file_is_accounted_for() {
    let corpus = check(
        &[
            ("a.txt", ARTICLE),
            ("copy.txt", ARTICLE),
            ("empty.txt", b"  \n\n"),
            ("latin1.txt", b"Caf\xe9 society\n\nThe caf\xe9 opened in Paris, officials said on Monday.\n"),
            ("nested/deeper/b.txt", b"Talks in Tehran\n\nThe delegation arrived in Tehran.\n"),
            ("logo.png", b"\x89PNG\r\n"),
            ("README", b"notes"),
            (".hidden.txt", b"secret"),
            ("binary.txt", b"Not\0text"),
            ("only-boilerplate.txt", b"Leave a Reply\n\nComments are closed.\n"),
            (
                "feeds/wire.jsonl",
                concat!(
                    "{\"id\": \"w1\", \"title\": \"Wire one\", \"date\": \"2016-09\", \"text\": \"The envoy flew to Baku.\"}\n",
                    "{\"id\": \"w2\", \"text\": \"Broken line\n",
                    "{\"id\": \"w3\", \"title\": \"No text here\"}\n",
                    "{\"title\": \"Bad date\", \"date\": \"03/04/2016\", \"text\": \"The envoy flew to Ankara.\", \"category\": \"World\"}\n",
                    "\n",
                    "{\"id\": \"w5\", \"text\": \"The foreign ministers met in Moscow on Wednesday. They discussed trade.\"}\n",
                    "{\"id\": \"a\", \"text\": \"Same id as a.txt, other text.\"}\n",
                )
                .as_bytes(),
            ),
            (
                "corpus.toml",
                b"title = \"Test corpus\"\ndescription = \"Made by a test.\"\n\n[documents.\"nested/deeper/b\"]\ndate = \"2016-09-14\"\nsource = \"Wire\"\n\n[documents.latin1]\ndate = \"2016-13\"\n\n[documents.\"no/such/doc\"]\ntitle = \"Ghost\"\n",
            ),
        ],
        "\
skipped   .hidden.txt: hidden file
skipped   README: not an article (no extension)
included  a.txt
skipped   binary.txt: binary data (NUL bytes), not text
skipped   copy.txt: duplicate of \"a\" (same clean text)
settings  corpus.toml
  warning: line 9: bad date \"2016-13\": expected YYYY, YYYY-MM or YYYY-MM-DD for document \"latin1\"; ignored
  warning: line 11: no document with id \"no/such/doc\" for these settings
skipped   empty.txt: empty file
included  feeds/wire.jsonl (2 documents)
  error: line 2: malformed JSON line, not included: EOF while parsing a string (column 33)
  error: line 3: missing `text`; line not included
  warning: line 4: bad date \"03/04/2016\": expected YYYY, YYYY-MM or YYYY-MM-DD; date guessed from the text instead
  warning: line 4: no date found
  warning: line 6: duplicate of \"a\" (same clean text); not included
  error: line 7: id \"a\" already used by a.txt; not included
included  latin1.txt
  warning: line 1: not valid UTF-8; decoded as Windows-1252/Latin-1
  warning: no date found
skipped   logo.png: not an article (.png)
included  nested/deeper/b.txt
skipped   only-boilerplate.txt: no article text (only headline, date or boilerplate lines)

12 files: 4 included (5 documents), 7 skipped, settings from corpus.toml; 3 errors, 7 warnings
",
    );
    assert_eq!(corpus.meta.title, "Test corpus");
    assert_eq!(corpus.meta.description, "Made by a test.");
    let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_ref()).collect();
    assert_eq!(
        ids,
        ["a", "feeds/wire/4", "latin1", "nested/deeper/b", "w1"]
    );
    let latin1 = &corpus.documents[2];
    assert_eq!((latin1.title.as_ref(), latin1.date), ("Café society", None));
    // The headline opens the text; the story follows it.
    assert!(latin1.text.starts_with("Café society\n\nThe café opened"));
    let nested = &corpus.documents[3];
    assert_eq!(nested.date.map(|d| d.iso()).as_deref(), Some("2016-09-14"));
    assert_eq!(nested.source.as_deref(), Some("Wire"));
    let wire = &corpus.documents[4];
    assert_eq!(
        (wire.title.as_ref(), wire.date.map(|d| d.iso())),
        ("Wire one", Some("2016-09".into()))
    );
}

#[test]
fn explicit_metadata_wins_over_the_text() {
    let corpus = check(
        &[
            (
                "feed.jsonl",
                b"{\"id\": \"x\", \"title\": \"Ministers meet in Moscow\", \"date\": \"2015\", \"source\": \"Feed\", \"url\": \"https://example.org/x\", \"text\": \"Ministers meet in Moscow\\n\\nSeptember 14, 2016 - 10:15\\n\\nAVA- The ministers met on Wednesday.\"}\n",
            ),
            (
                "corpus.toml",
                b"[documents.x]\ntitle = \"Better title\"\n\n[documents.y]\ndate = 2016-09-14\n\n[documents.z]\ndate = 2016\n",
            ),
            ("y.txt", b"Talks in Vienna\n\nThe talks began on Monday in Vienna.\n"),
            ("z.txt", b"Talks in Rome\n\nMay 2015\n\nThe talks began on Monday in Rome.\n"),
        ],
        "\
settings  corpus.toml
included  feed.jsonl
included  y.txt
included  z.txt

4 files: 3 included (3 documents), 0 skipped, settings from corpus.toml; 0 errors, 0 warnings
",
    );
    // TOML dates and bare years are dates too; they win over the text's.
    let dates: Vec<String> = corpus
        .documents
        .iter()
        .map(|d| d.date.unwrap().iso())
        .collect();
    assert_eq!(dates, ["2015", "2016-09-14", "2016"]);
    let doc = &corpus.documents[0];
    assert_eq!(doc.title, "Better title");
    assert_eq!(doc.date.map(|d| d.iso()).as_deref(), Some("2015"));
    // The text's time belongs to its own date, not to the metadata's.
    assert_eq!(doc.time, None);
    assert_eq!(doc.source.as_deref(), Some("Feed"));
    assert_eq!(doc.url.as_deref(), Some("https://example.org/x"));
    // The title given by metadata is the headline that opens the text.
    assert_eq!(doc.text, "Better title\n\nThe ministers met on Wednesday.");
    assert!(doc.headline);
}

#[test]
fn a_malformed_corpus_toml_names_its_line() {
    check_fatal(
        &[
            ("a.txt", ARTICLE),
            (
                "corpus.toml",
                b"title = \"ok\"\n\n[documents.a]\ndate = 2016-09-14\nsource = \n",
            ),
        ],
        "corpus.toml:5: invalid string; expected `\"`, `'`",
    );
    check_fatal(
        &[(
            "corpus.toml",
            b"title = \"ok\"\n[documents.a]\nauthor = \"x\"\n",
        )],
        "corpus.toml:3: unknown field `author`, expected one of `title`, `date`, `source`, `url`",
    );
}

#[test]
fn a_missing_folder_is_a_clear_error() {
    let dir = TempCorpus::new(&[("a.txt", ARTICLE)]);
    let missing = dir.path().join("nope");
    let err = compile_dir(&missing).unwrap_err().to_string();
    assert_eq!(err, format!("{}: no such folder", missing.display()));
    let file = dir.path().join("a.txt");
    let err = compile_dir(&file).unwrap_err().to_string();
    assert_eq!(err, format!("{}: not a folder", file.display()));
}

#[cfg(unix)]
#[test]
fn a_pipe_is_skipped_not_read() {
    let dir = TempCorpus::new(&[("a.txt", ARTICLE)]);
    let status = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.txt"))
        .status();
    if !status.is_ok_and(|s| s.success()) {
        return; // No mkfifo here: nothing to check.
    }
    let corpus = compile_dir(dir.path()).unwrap();
    let lines: Vec<String> = corpus.report.files.iter().map(report::file_line).collect();
    assert_eq!(
        lines,
        ["included  a.txt", "skipped   pipe.txt: not a regular file"]
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_loop_is_searched_once() {
    let dir = TempCorpus::new(&[("sub/a.txt", ARTICLE)]);
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    let corpus = compile_dir(dir.path()).unwrap();
    let paths: Vec<String> = corpus.report.files.iter().map(report::file_line).collect();
    assert_eq!(
        paths,
        [
            "included  sub/a.txt",
            "skipped   sub/loop: folder already searched (symbolic link)"
        ]
    );
}

/// `test_data/mixed`: every accepted form of input plus files to skip; its
/// report is kept in `test_data/mixed.report.txt`.
#[test]
fn the_test_data_folder_compiles() {
    let corpus = compile_dir(&test_data().join("mixed")).unwrap();
    let expect = std::fs::read_to_string(test_data().join("mixed.report.txt")).unwrap();
    assert_eq!(report::render(&corpus), expect);
    let summary: Vec<String> = corpus
        .documents
        .iter()
        .map(|d| {
            let date = d.date.map(|d| d.iso()).unwrap_or_default();
            let source = d.source.as_deref().unwrap_or("");
            let dateline = d.dateline.as_deref().unwrap_or("");
            format!(
                "{} | {} | {date} | {source} | {dateline} | {}",
                d.id,
                d.title,
                d.sentences.len()
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            "europe/2016/talks-in-vienna | Envoys resume talks in Vienna | 2016-09 | Test Wire | Vienna | 4",
            "europe/cafe-paris | Café diplomacy in Paris | 2016-03-07 |  |  | 2",
            "feeds/wire/3 | Envoy in Ankara |  | AP | Ankara | 2",
            "wire-1 | Minister visits Baku | 2016-10-02 | Wire |  | 2",
            "wire-5 | Talks end |  |  |  | 2",
        ]
    );
    let vienna = &corpus.documents[0];
    let sentences: Vec<&str> = vienna.sentences.iter().map(|s| vienna.slice(*s)).collect();
    // Sentence 0 is the headline, 1 the lead.
    assert_eq!(sentences[0], "Envoys resume talks in Vienna");
    assert_eq!(
        sentences[2..],
        [
            "Mr. Smith, the U.S. envoy, arrived on Monday.",
            "He met Dr. Jones at 10.30 a.m. local time."
        ]
    );
}

/// Hostile input at scale: a file too large to read, an article too long to keep (alone and
/// as a JSONL line), a tree deeper than the search goes, thousands of tiny files, a link to
/// nothing (what a file deleted during the compile looks like), a file nobody may read. Each
/// gets its report line; the rest compiles.
#[cfg(unix)]
#[test]
fn hostile_input_is_reported_file_by_file() {
    use std::os::unix::fs::PermissionsExt;

    use communique_compiler::read::{MAX_ARTICLE_BYTES, MAX_DEPTH, MAX_FILE_BYTES};

    const TINY: usize = 2_000;
    let dir = TempCorpus::new(&[("a.txt", ARTICLE)]);
    let root = dir.path();
    // 200 MB, sparse: a file over the limit is never read, so this costs no memory or disk.
    let huge = std::fs::File::create(root.join("huge.txt")).unwrap();
    huge.set_len(200 << 20).unwrap();
    const { assert!(200 << 20 > MAX_FILE_BYTES) };
    let long = "word ".repeat(MAX_ARTICLE_BYTES / 4);
    std::fs::write(root.join("long.txt"), format!("Title\n\n{long}")).unwrap();
    let line = serde_json::json!({"id": "long", "text": long}).to_string();
    std::fs::write(
        root.join("lines.jsonl"),
        format!("{{\"id\": \"ok\", \"text\": \"The envoy flew to Baku.\"}}\n{line}\n"),
    )
    .unwrap();
    // A tree deeper than the search goes, with an article at depth 50 (found) and at the bottom.
    let mut deep = root.join("deep");
    for level in 1..=MAX_DEPTH + 5 {
        deep = deep.join(format!("d{level}"));
        if level == 50 || level == MAX_DEPTH + 5 {
            std::fs::create_dir_all(&deep).unwrap();
            let text = format!("Level {level}\n\nThe envoy flew to Baku from level {level}.\n");
            std::fs::write(deep.join("a.txt"), text).unwrap();
        }
    }
    std::fs::create_dir_all(root.join("many")).unwrap();
    for n in 0..TINY {
        std::fs::write(
            root.join(format!("many/{n:04}.txt")),
            format!("Note {n}\n\nThe envoy flew to Baku on day {n}.\n"),
        )
        .unwrap();
    }
    std::os::unix::fs::symlink(root.join("deleted.txt"), root.join("gone.txt")).unwrap();
    std::fs::write(
        root.join("locked.txt"),
        b"Locked\n\nThe envoy flew to Oslo.\n",
    )
    .unwrap();
    std::fs::set_permissions(
        root.join("locked.txt"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();

    let corpus = compile_dir(root).unwrap();
    let lines: Vec<String> = corpus.report.files.iter().map(report::file_line).collect();
    let line_of = |path: &str| {
        lines
            .iter()
            .find(|l| {
                l.split_whitespace()
                    .nth(1)
                    .is_some_and(|p| p.trim_end_matches(':') == path)
            })
            .cloned()
            .unwrap_or_else(|| panic!("no report line for {path}: {lines:#?}"))
    };
    assert_eq!(
        line_of("huge.txt"),
        "skipped   huge.txt: too large to read (200.0 MB; at most 64.0 MB a file): split it into several files"
    );
    assert_eq!(
        line_of("long.txt"),
        "skipped   long.txt: article too long (5.0 MB of text; at most 4.0 MB an article)"
    );
    assert_eq!(line_of("lines.jsonl"), "included  lines.jsonl");
    let rendered = report::render(&corpus);
    assert!(
        rendered.contains("\n  error: line 2: article too long (5.0 MB of text; at most 4.0 MB an article); line not included\n"),
        "{}",
        &rendered[..rendered.len().min(1500)]
    );
    assert_eq!(line_of("gone.txt"), "skipped   gone.txt: vanished");
    assert!(rendered.contains("gone.txt: vanished\n  error: listed in its folder, then not found"));
    // Root reads whatever the permissions say; anyone else is told why not.
    let locked = line_of("locked.txt");
    assert!(
        locked == "included  locked.txt" || locked == "skipped   locked.txt: not readable",
        "{locked}"
    );
    let found_deep = format!(
        "deep/{}/a.txt",
        (1..=50)
            .map(|l| format!("d{l}"))
            .collect::<Vec<_>>()
            .join("/")
    );
    assert_eq!(line_of(&found_deep), format!("included  {found_deep}"));
    // The corpus folder's `deep` is level 1, so `d64` is level 65: the first not searched.
    let too_deep = (1..=MAX_DEPTH)
        .map(|l| format!("d{l}"))
        .collect::<Vec<_>>()
        .join("/");
    assert_eq!(
        line_of(&format!("deep/{too_deep}")),
        format!(
            "skipped   deep/{too_deep}: folder more than {MAX_DEPTH} levels deep, not searched"
        )
    );
    let tiny = lines
        .iter()
        .filter(|l| l.starts_with("included  many/"))
        .count();
    assert_eq!(tiny, TINY);
    // Every file and folder met has its line: the tiny ones, a.txt, the deep article, the folder
    // too deep, gone, huge, lines, locked and long.
    assert_eq!(
        lines.len(),
        TINY + 8,
        "{:#?}",
        &lines[..12.min(lines.len())]
    );
}
