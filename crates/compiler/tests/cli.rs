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
fn exports_the_map_and_the_network_for_gis_and_graph_tools() {
    let corpus = default_corpus();
    let scratch = TempCorpus::new(&[]);
    let file = |name: &str| scratch.path().join(name).to_str().unwrap().to_string();
    let names = [
        "all.json",
        "map.geojson",
        "net.gexf",
        "net.graphml",
        "edges.csv",
    ];
    let [json, geojson, gexf, graphml, edges] = names.map(file);
    let args = [
        "export",
        "--json",
        &json,
        "--geojson",
        &geojson,
        "--gexf",
        &gexf,
        "--graphml",
        &graphml,
        "--edges",
        &edges,
    ];
    let mut args = args.to_vec();
    args.insert(1, corpus.to_str().unwrap());
    let out = check(Path::new("."), &args, 0, "", "people and organisations");
    let read = |path: &str| std::fs::read_to_string(path).unwrap();
    let parse = |path: &str| -> serde_json::Value { serde_json::from_str(&read(path)).unwrap() };
    let (all, map) = (parse(&json), parse(&geojson));
    assert_eq!(map["type"], "FeatureCollection");
    let features = map["features"].as_array().unwrap();
    let of = |kind: &str| -> Vec<&serde_json::Value> {
        (features.iter())
            .filter(|f| f["properties"]["feature"] == kind)
            .collect()
    };
    let (places, routes) = (of("place"), of("route"));
    assert_eq!(places.len() + routes.len(), features.len());
    assert!(!places.is_empty() && !routes.is_empty());
    // Every visit is on one route or listed as on none, with the reason.
    let visits = all["visits"].as_array().unwrap().len();
    let routed: u64 = routes
        .iter()
        .map(|r| r["properties"]["visits"].as_u64().unwrap())
        .sum();
    let unrouted = map["unrouted"].as_array().unwrap();
    assert_eq!(routed as usize + unrouted.len(), visits);
    for route in routes {
        let line = route["geometry"]["coordinates"].as_array().unwrap();
        assert_eq!(line.len(), 2);
        for point in line {
            let (lon, lat) = (point[0].as_f64().unwrap(), point[1].as_f64().unwrap());
            assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
        }
        assert!(!route["properties"]["documents"]
            .as_array()
            .unwrap()
            .is_empty());
    }
    // The three graph files carry one graph: as many nodes, as many edges.
    let (gexf, graphml, edges) = (read(&gexf), read(&graphml), read(&edges));
    let ties = edges.lines().count() - 1;
    assert!(ties > 0);
    for text in [&gexf, &graphml] {
        assert_eq!(text.matches("<edge ").count(), ties);
    }
    let nodes = gexf.matches("<node ").count();
    assert_eq!(graphml.matches("<node ").count(), nodes);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!(
        "network: {nodes} people and organisations, {ties} ties"
    )));
    // The page's network view draws the same graph (the default corpus's is smaller than
    // its limit), laid out in the documented range.
    let compiled = communique_compiler::compile_dir(&corpus).unwrap();
    let text = communique_compiler::export::network_drawing(&compiled);
    let drawing = communique_compiler::export::drawing::read(&text).unwrap();
    assert!(nodes <= communique_compiler::export::PAGE_NETWORK_NODES);
    assert_eq!((drawing.nodes.len(), drawing.ties.len()), (nodes, ties));
    assert_eq!(drawing.total, (nodes, ties));
    for node in &drawing.nodes {
        assert!(gexf.contains(&format!("<node id=\"{}\"", node.node.id)));
        assert!((0.0..=1000.0).contains(&node.node.x) && (0.0..=1000.0).contains(&node.node.y));
    }
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
        "export needs at least one of --json, --geojson, --gexf, --graphml, --edges <FILE>",
    );
}
