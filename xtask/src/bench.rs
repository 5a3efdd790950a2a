//! `cargo xtask bench`: the numbers that matter to a reader of the explorer, measured end to end.
//!
//! 1. Transfer size of the default release site: each file and the total, raw, `gzip -9` and
//!    `brotli -q 11` (what a static host serves compressed).
//! 2. The bench corpus (BBC folder plus AG News JSONL, about 9,800 documents), then the
//!    generated scale corpus of 100,000 articles (`cargo xtask scale-corpus`): compile time,
//!    bundle size and native search latency, by the `communique-bench` binary.
//! 3. In the browser (headless Chromium through the end-to-end harness): time from navigation to
//!    interactive, the bytes before it, keystroke and search latency, for the default site and for
//!    the sites of the bench and scale corpora, both in the sharded layout (their build time and
//!    file sizes too, the shards summed on one line).
//!
//! Speed is measured here and never asserted in tests: timings vary with the machine's load.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::dist::{self, CorpusChoice};
use crate::run::{absolute, project_root, Cmd, Result};
use crate::setup;

/// Reference target for the default site: total gzip transfer at most this many
/// bytes. The issue says 250 KB; the stricter reading (250,000 bytes, not 250 KiB)
/// is the one checked.
const TARGET_GZIP_TOTAL: u64 = 250_000;

/// Articles of the generated scale corpus (`cargo xtask scale-corpus`).
const SCALE_DOCS: usize = 100_000;

/// Runs every measurement; `bench_corpus` overrides the scale corpus folder.
pub fn run(bench_corpus: Option<&Path>) -> Result<()> {
    setup::run(false)?;
    setup::ensure_debian_program("brotli", "brotli")?;
    let root = project_root();
    let queries = root.join("crates/bench/queries.txt");
    let source = match bench_corpus {
        Some(folder) => absolute(folder),
        None => root.join("../shared/bench"),
    };

    let default_dist = dist::test_dist();
    dist::build(&CorpusChoice::Default, &default_dist)?;
    let sizes = measure_sizes(&default_dist)?;
    print_sizes("default site (corpus/, release)", &sizes);
    // What a view loads on demand (the map's code and outline) is no part of the first load.
    let (later, first): (Vec<_>, Vec<_>) =
        (sizes.iter()).partition(|f| crate::site::on_demand(&f.0));
    let total = (first.iter()).fold(Sizes::default(), |sum, file| sum.add(&file.1));
    let on_demand = (later.iter()).fold(Sizes::default(), |sum, file| sum.add(&file.1));
    println!(
        "loaded on demand (the map), not counted below: {} bytes gzip -9 in {} files",
        on_demand.gzip,
        later.len()
    );
    println!(
        "target: first load, total gzip -9 <= {} bytes ({}): {}",
        TARGET_GZIP_TOTAL,
        total.gzip,
        if total.gzip <= TARGET_GZIP_TOTAL {
            "met"
        } else {
            "NOT MET"
        }
    );

    let corpus = assemble_bench_corpus(&source, &root.join("target/bench-corpus"))?;
    native_bench(&corpus, &queries, None)?;

    let scale = scale_corpus(SCALE_DOCS, None)?;
    native_bench(&scale, &queries, Some(1))?;

    browser_bench("default corpus", &default_dist, &queries)?;
    // Both large corpora are sites in the sharded layout (they pass `dist::SHARD_ABOVE`).
    for (label, folder, site) in [
        ("bench corpus", corpus, "target/bench-dist"),
        ("scale corpus", scale, "target/scale-dist"),
    ] {
        let dist = root.join(site);
        let started = std::time::Instant::now();
        dist::build(&CorpusChoice::Folder(folder), &dist)?;
        println!(
            "{label} site: built in {:.0} s (compile, shards, WASM)",
            started.elapsed().as_secs_f64()
        );
        print_sizes(&format!("{label} site (release)"), &measure_sizes(&dist)?);
        browser_bench(label, &dist, &queries)?;
    }
    Ok(())
}

/// The `communique-bench` binary on `corpus`: compile time, bundle size, native search latency
/// (each query the median of `runs` passes, 5 unless given). Its core reads bundles as the
/// pages of the corpora it measures do, which are large enough for the sharded layout: with
/// the `shards` feature (articles decoded when first read, the search index prepared at the
/// first search).
fn native_bench(corpus: &Path, queries: &Path, runs: Option<usize>) -> Result<()> {
    let mut cmd = Cmd::new(
        "cargo",
        &[
            "run",
            "--release",
            "-p",
            "communique-bench",
            "--features",
            "communique-core/shards",
            "--bin",
            "communique-bench",
            "--",
        ],
    )
    .arg(corpus)
    .arg(queries);
    if let Some(runs) = runs {
        cmd = cmd.arg("--runs").arg(runs.to_string());
    }
    cmd.run()
}

/// Writes the scale corpus of `docs` articles into `out` (default `target/scale-corpus-N`) from
/// `../shared/bench`, by the `scale-corpus` binary of `communique-bench`; returns the folder.
pub fn scale_corpus(docs: usize, out: Option<&Path>) -> Result<PathBuf> {
    let root = project_root();
    let out = match out {
        Some(out) => absolute(out),
        None => root.join(format!("target/scale-corpus-{docs}")),
    };
    Cmd::new(
        "cargo",
        &[
            "run",
            "--release",
            "-q",
            "-p",
            "communique-bench",
            "--bin",
            "scale-corpus",
            "--",
        ],
    )
    .arg("--docs")
    .arg(docs.to_string())
    .arg("--source")
    .arg(root.join("../shared/bench"))
    .arg("--out")
    .arg(&out)
    .run()?;
    Ok(out)
}

/// Opens a built site in headless Chromium and prints its time to interactive and search latency.
fn browser_bench(label: &str, dist: &Path, queries: &Path) -> Result<()> {
    // The debug profile shares the end-to-end tests' build; the timing happens in the browser.
    Cmd::new(
        "cargo",
        &[
            "run",
            "-p",
            "communique-e2e",
            "--bin",
            "browser-bench",
            "--",
        ],
    )
    .arg("--label")
    .arg(label)
    .arg("--dist")
    .arg(dist)
    .arg("--queries")
    .arg(queries)
    .run()
}

/// Byte counts of one file or a total.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Sizes {
    raw: u64,
    gzip: u64,
    brotli: u64,
}

impl Sizes {
    fn add(self, other: &Sizes) -> Sizes {
        Sizes {
            raw: self.raw + other.raw,
            gzip: self.gzip + other.gzip,
            brotli: self.brotli + other.brotli,
        }
    }
}

/// Raw and compressed sizes of every file of a built site, by path relative to it.
fn measure_sizes(dist: &Path) -> Result<Vec<(String, Sizes)>> {
    let mut files = Vec::new();
    list_files(dist, &mut files)?;
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path
                .strip_prefix(dist)
                .unwrap_or(&path)
                .display()
                .to_string();
            let raw = std::fs::metadata(&path)
                .map_err(|err| format!("{}: {err}", path.display()))?
                .len();
            let sizes = Sizes {
                raw,
                gzip: compressed_len("gzip", &["-9", "-c"], &path)?,
                brotli: compressed_len("brotli", &["-q", "11", "-c"], &path)?,
            };
            Ok((name, sizes))
        })
        .collect()
}

fn list_files(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|err| format!("{}: {err}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|err| format!("{}: {err}", dir.display()))?
            .path();
        if path.is_dir() {
            list_files(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// The length of what `program args… file` writes to standard output.
fn compressed_len(program: &str, args: &[&str], file: &Path) -> Result<u64> {
    let output = Command::new(program)
        .args(args)
        .arg(file)
        .output()
        .map_err(|err| format!("cannot run {program}: {err}"))?;
    if !output.status.success() {
        return Err(format!(
            "{program} {} failed on {}",
            args.join(" "),
            file.display()
        ));
    }
    Ok(output.stdout.len() as u64)
}

fn print_sizes(title: &str, sizes: &[(String, Sizes)]) {
    println!("{title}: transfer size in bytes");
    println!(
        "  {:<44} {:>10} {:>10} {:>12}",
        "file", "raw", "gzip -9", "brotli -q 11"
    );
    let mut total = Sizes::default();
    let mut wasm = Sizes::default();
    // A sharded site's `data/` is summed on one line: it holds up to 1,900 files.
    let mut shards = (0, Sizes::default());
    for (name, file) in sizes {
        total = total.add(file);
        if name.starts_with("data/") {
            shards = (shards.0 + 1, shards.1.add(file));
            continue;
        }
        println!(
            "  {:<44} {:>10} {:>10} {:>12}",
            name, file.raw, file.gzip, file.brotli
        );
        if name.ends_with(".wasm") && !crate::site::on_demand(name) {
            wasm = wasm.add(file);
        }
    }
    let data = format!("data/ ({} files, fetched as read)", shards.0);
    let initial = Sizes {
        raw: total.raw - shards.1.raw,
        gzip: total.gzip - shards.1.gzip,
        brotli: total.brotli - shards.1.brotli,
    };
    let mut sums = vec![("WASM", wasm)];
    if shards.0 > 0 {
        sums.extend([(data.as_str(), shards.1), ("total without data/", initial)]);
    }
    sums.push(("total", total));
    for (label, sum) in sums {
        println!(
            "  {:<44} {:>10} {:>10} {:>12}",
            label, sum.raw, sum.gzip, sum.brotli
        );
    }
}

/// Builds a folder of symbolic links to the scale corpus: each topic folder of `source/bbc` as
/// `bbc/<topic>` (skipping the dataset's README) and `source/ag_news_test.jsonl`.
fn assemble_bench_corpus(source: &Path, dest: &Path) -> Result<PathBuf> {
    let bbc = source.join("bbc");
    let ag_news = source.join("ag_news_test.jsonl");
    if !bbc.is_dir() || !ag_news.is_file() {
        return Err(format!(
            "{}: expected the scale corpus there (bbc/ and ag_news_test.jsonl); \
             pass --bench-corpus DIR",
            source.display()
        ));
    }
    if dest.exists() {
        // Removes the links, never what they point to.
        std::fs::remove_dir_all(dest).map_err(|err| format!("{}: {err}", dest.display()))?;
    }
    let dest_bbc = dest.join("bbc");
    std::fs::create_dir_all(&dest_bbc).map_err(|err| format!("{}: {err}", dest.display()))?;
    let topics = std::fs::read_dir(&bbc).map_err(|err| format!("{}: {err}", bbc.display()))?;
    for topic in topics {
        let topic = topic
            .map_err(|err| format!("{}: {err}", bbc.display()))?
            .path();
        if topic.is_dir() {
            link(
                &topic,
                &dest_bbc.join(topic.file_name().expect("a folder has a name")),
            )?;
        }
    }
    link(&ag_news, &dest.join("ag_news_test.jsonl"))?;
    println!("bench: scale corpus assembled in {}", dest.display());
    Ok(dest.to_path_buf())
}

fn link(target: &Path, at: &Path) -> Result<()> {
    let target = target
        .canonicalize()
        .map_err(|err| format!("{}: {err}", target.display()))?;
    #[cfg(unix)]
    let made = std::os::unix::fs::symlink(&target, at);
    #[cfg(not(unix))]
    let made = Err(std::io::Error::other("symbolic links need a Unix system"));
    made.map_err(|err| format!("linking {} to {}: {err}", at.display(), target.display()))
}
