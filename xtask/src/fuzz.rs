//! `cargo xtask fuzz [TARGET] [--seconds N]`: runs the fuzz targets of `fuzz/` (`query`,
//! `compile`, `bundle`; their bodies are in `crates/fuzz`) for N seconds each and sums up each
//! run: inputs tried, crashes, hangs, peak memory.
//!
//! Engine: cargo-fuzz with libFuzzer, from crates.io (installed here when missing). Its coverage
//! instrumentation takes unstable compiler switches, which the stable toolchain accepts under
//! `RUSTC_BOOTSTRAP=1` as the size build does. No sanitizer (`--sanitizer none`): the address
//! sanitizer needs a nightly runtime, and safe Rust turns memory errors into panics anyway
//! (cargo-fuzz builds with debug assertions, so overflows panic too).
//!
//! Limits, passed to libFuzzer: at most [`RSS_LIMIT_MB`] of memory (an input that needs more is
//! reported as a crash: memory stays bounded), [`TIMEOUT_SECONDS`] per input (a slower one is a
//! hang), inputs of at most [`MAX_LEN`] bytes.
//!
//! Inputs: the committed seeds of `fuzz/seeds/<target>/` (and, for `bundle`, the default
//! corpus's bundle, written fresh since it follows the format), grown into
//! `target/fuzz-corpus/<target>/`. A failing input lands in `fuzz/artifacts/<target>/`; once
//! the bug is fixed, copy it to `fuzz/regressions/<target>/`, which `cargo test` replays.

use std::path::Path;

use crate::run::{project_root, which, Cmd, Result};

/// The targets, as `fuzz/Cargo.toml` names them.
const TARGETS: [&str; 3] = ["query", "compile", "bundle"];
/// The cargo-fuzz release the command installs when none is there.
const CARGO_FUZZ_VERSION: &str = "0.13.2";
/// libFuzzer's memory limit per process, in MB.
const RSS_LIMIT_MB: u32 = 2048;
/// libFuzzer's time limit per input, in seconds.
const TIMEOUT_SECONDS: u32 = 10;
/// The longest input libFuzzer makes, in bytes (a compile of 64 KB of text is plenty to reach
/// every rule; longer ones only slow the search down).
const MAX_LEN: u32 = 65_536;

/// Runs `target` (or every target in turn) for `seconds` each; fails if any run found a bug.
pub fn run(target: Option<&str>, seconds: u64) -> Result<()> {
    let targets: Vec<&str> = match target {
        Some(name) if TARGETS.contains(&name) => vec![name],
        Some(name) => {
            return Err(format!(
                "no fuzz target {name:?}; the targets are {}",
                TARGETS.join(", ")
            ))
        }
        None => TARGETS.to_vec(),
    };
    ensure_cargo_fuzz()?;
    let mut summaries = Vec::new();
    let mut failed = Vec::new();
    for target in targets {
        let (ok, summary) = run_one(target, seconds)?;
        if !ok {
            failed.push(target);
        }
        summaries.push(summary);
    }
    println!("\nfuzz summary ({seconds} s each, memory limit {RSS_LIMIT_MB} MB, {TIMEOUT_SECONDS} s per input):");
    for summary in &summaries {
        println!("  {summary}");
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "fuzz target(s) {} failed: the input is in fuzz/artifacts/<target>/",
            failed.join(", ")
        ))
    }
}

fn ensure_cargo_fuzz() -> Result<()> {
    if which("cargo-fuzz").is_some() {
        return Ok(());
    }
    Cmd::new(
        "cargo",
        &[
            "install",
            "cargo-fuzz",
            "--version",
            CARGO_FUZZ_VERSION,
            "--locked",
        ],
    )
    .run()
}

/// One target's run: whether it found nothing, and its summary line.
fn run_one(target: &str, seconds: u64) -> Result<(bool, String)> {
    let root = project_root();
    let corpus = root.join("target/fuzz-corpus").join(target);
    std::fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    if target == "bundle" {
        let seed = corpus.join("default-corpus.bundle");
        Cmd::new(
            "cargo",
            &[
                "run",
                "-q",
                "--release",
                "-p",
                "communique-fuzz",
                "--example",
                "seed_bundle",
                "--",
            ],
        )
        .arg(&seed)
        .run()?;
    }
    let seeds = root.join("fuzz/seeds").join(target);
    let (ok, tail) = Cmd::new(
        "cargo",
        &[
            "fuzz",
            "run",
            "--sanitizer",
            "none",
            "--fuzz-dir",
            "fuzz",
            target,
        ],
    )
    .env("RUSTC_BOOTSTRAP", "1")
    .arg(&corpus)
    .arg(&seeds)
    .arg("--")
    .arg(format!("-max_total_time={seconds}"))
    .arg(format!("-rss_limit_mb={RSS_LIMIT_MB}"))
    .arg(format!("-timeout={TIMEOUT_SECONDS}"))
    .arg(format!("-max_len={MAX_LEN}"))
    .arg("-print_final_stats=1")
    .run_keeping_stderr(400)?;
    Ok((ok, summary(target, ok, &tail, &corpus)))
}

/// `TARGET: N runs in S s, 0 crashes, 0 hangs, peak RSS M MB, corpus C inputs`, from
/// libFuzzer's final lines.
fn summary(target: &str, ok: bool, tail: &[String], corpus: &Path) -> String {
    let stat = |name: &str| {
        tail.iter()
            .rev()
            .find_map(|line| line.strip_prefix(&format!("stat::{name}:")))
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|| "?".into())
    };
    let hang = tail.iter().any(|l| l.contains("ERROR: libFuzzer: timeout"));
    let oom = tail
        .iter()
        .any(|l| l.contains("ERROR: libFuzzer: out-of-memory"));
    let crash = !ok && !hang && !oom;
    let inputs = std::fs::read_dir(corpus).map_or(0, |d| d.count());
    // "Done 1234 runs in 60 second(s)"
    let seconds = tail
        .iter()
        .rev()
        .find_map(|line| line.strip_prefix("Done ")?.split(" runs in ").nth(1))
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or("?");
    format!(
        "{target}: {} runs in {} s, {} crash{}, {} hang{}, {} out of memory, peak RSS {} MB, corpus {inputs} inputs",
        stat("number_of_executed_units"),
        seconds,
        u8::from(crash),
        if crash { "" } else { "es" },
        u8::from(hang),
        if hang { "" } else { "s" },
        u8::from(oom),
        stat("peak_rss_mb"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_up_libfuzzer_s_final_stats() {
        let tail: Vec<String> = [
            "Done 1234 runs in 60 second(s)",
            "stat::number_of_executed_units: 1234",
            "stat::average_exec_per_sec:     20",
            "stat::peak_rss_mb:              311",
        ]
        .map(String::from)
        .to_vec();
        let line = summary("query", true, &tail, Path::new("/nonexistent"));
        assert_eq!(
            line,
            "query: 1234 runs in 60 s, 0 crashes, 0 hangs, 0 out of memory, peak RSS 311 MB, corpus 0 inputs"
        );
        let hang = ["ERROR: libFuzzer: timeout after 10 seconds".to_string()];
        assert!(summary("compile", false, &hang, Path::new("/x")).contains("1 hang,"));
        assert!(summary("bundle", false, &[], Path::new("/x")).contains("1 crash,"));
    }
}
