//! `cargo xtask test` and `cargo xtask e2e`: every test of the project, failing loudly.
//!
//! Order: `cargo fmt --check` and `cargo clippy -D warnings` over the whole workspace (the
//! house style and `clippy.toml`'s bans are promises only if something checks them), the
//! native crates' tests (core, compiler, bench, and xtask's tidy), the app's unit
//! tests (natively), the release build
//! into `dist/` (or `COMMUNIQUE_DIST`) and of the hostile corpus `tests/e2e/xss-corpus` into
//! `target/xss-dist`, then the end-to-end browser tests against those builds. A
//! failing step does not hide the others' results; the last line sums every libtest summary.

use std::path::Path;

use crate::dist::{self, CorpusChoice, Layout};
use crate::run::{project_root, Cmd, Result, TestCounts};
use crate::setup;

/// The environment variable naming the site built from [`XSS_CORPUS`] (`tests/e2e/tests/security.rs`).
pub const XSS_DIST_VAR: &str = "COMMUNIQUE_XSS_DIST";
/// The corpus of hostile articles (markup and scripts in titles and bodies).
const XSS_CORPUS: &str = "tests/e2e/xss-corpus";
/// Where the site of that corpus is built.
const XSS_DIST: &str = "target/xss-dist";
/// The environment variable naming the sharded site of the default corpus (`tests/e2e/tests/shards.rs`).
pub const SHARDED_DIST_VAR: &str = "COMMUNIQUE_SHARDED_DIST";
/// Where that site is built.
const SHARDED_DIST: &str = "target/sharded-dist";
/// The bytes of each shard of that site: small, so that its five articles make many shards
/// and a test can tell the shards a query needs from the others.
const TEST_SHARD_SIZE: usize = 500;
/// The variable that names the sharded site which fetches every shard ahead.
pub const AHEAD_DIST_VAR: &str = "COMMUNIQUE_AHEAD_DIST";
/// Where that site is built.
const AHEAD_DIST: &str = "target/ahead-dist";

/// The packages the workspace-wide `cargo test` leaves out: the app, whose unit tests (routing,
/// URL state, highlighting, exports) run natively in a step of their own, `--lib` only, since
/// its binary target is the browser entry point; and the browser tests, run separately against
/// the release build.
const NOT_NATIVE: [&str; 2] = ["communique", "communique-e2e"];

/// Runs every test; the error lists each failed step.
pub fn run_all() -> Result<()> {
    setup::run(false)?;
    let mut counts = TestCounts::default();
    let mut failures = Vec::new();
    let lints = [
        Cmd::new("cargo", &["fmt", "--all", "--check"]),
        Cmd::new(
            "cargo",
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ),
    ];
    for lint in lints {
        if let Err(err) = lint.run() {
            failures.push(err);
        }
    }
    // `--no-fail-fast`: one failing crate must not hide the results of the others.
    let mut native = Cmd::new("cargo", &["test", "--workspace", "--no-fail-fast"]);
    for package in NOT_NATIVE {
        native = native.arg("--exclude").arg(package);
    }
    if let Err(err) = native.run_counting_tests(&mut counts) {
        failures.push(err);
    }
    // The workspace builds core for a corpus in one bundle; its tests of the sharded layout
    // (`shard.rs`) need the `shards` feature, which no default member may turn on (Trunk's
    // build of the app would then carry it).
    let sharded = Cmd::new(
        "cargo",
        &[
            "test",
            "-p",
            "communique-core",
            "--features",
            "shards",
            "--lib",
        ],
    );
    if let Err(err) = sharded.run_counting_tests(&mut counts) {
        failures.push(err);
    }
    let app = Cmd::new("cargo", &["test", "-p", "communique", "--lib"]);
    if let Err(err) = app.run_counting_tests(&mut counts) {
        failures.push(err);
    }
    if let Err(err) = build_and_run_e2e(&mut counts) {
        failures.push(err);
    }
    finish(counts, failures)
}

/// Builds the release site and runs only the end-to-end tests.
pub fn run_e2e() -> Result<()> {
    setup::run(false)?;
    let mut counts = TestCounts::default();
    let failures = build_and_run_e2e(&mut counts).err().into_iter().collect();
    finish(counts, failures)
}

fn build_and_run_e2e(counts: &mut TestCounts) -> Result<()> {
    let dist = dist::test_dist();
    // The security tests' site, from articles whose titles and bodies hold markup and scripts.
    // Built first, so that the last build (and Cargo's cache) is the default site's.
    let xss_dist = project_root().join(XSS_DIST);
    dist::build_checked(
        &CorpusChoice::Folder(project_root().join(XSS_CORPUS)),
        Layout::One,
        &xss_dist,
    )
    .map_err(|err| format!("{err}; the end-to-end tests did not run"))?;
    // The default corpus again, in the sharded layout with small shards: fetched as the page
    // reads them, and (the default for a corpus this small) all fetched ahead.
    let sharded_dist = project_root().join(SHARDED_DIST);
    dist::build_sharded_checked(
        &CorpusChoice::Default,
        &sharded_dist,
        TEST_SHARD_SIZE,
        Some(0),
    )
    .map_err(|err| format!("{err}; the end-to-end tests did not run"))?;
    let ahead_dist = project_root().join(AHEAD_DIST);
    dist::build_sharded_checked(&CorpusChoice::Default, &ahead_dist, TEST_SHARD_SIZE, None)
        .map_err(|err| format!("{err}; the end-to-end tests did not run"))?;
    // Always the default corpus: the tests expect its five articles.
    dist::build_checked(&CorpusChoice::Default, Layout::One, &dist)
        .map_err(|err| format!("{err}; the end-to-end tests did not run"))?;
    e2e_against(&dist, &xss_dist, [&sharded_dist, &ahead_dist], counts)
}

/// Runs the end-to-end tests against the default site, the hostile corpus's site, and the
/// sharded sites (fetched as read, and fetched ahead).
fn e2e_against(
    dist: &Path,
    xss_dist: &Path,
    [sharded_dist, ahead_dist]: [&Path; 2],
    counts: &mut TestCounts,
) -> Result<()> {
    Cmd::new("cargo", &["test", "--no-fail-fast", "-p", "communique-e2e"])
        .env(dist::DIST_VAR, dist)
        .env(XSS_DIST_VAR, xss_dist)
        .env(SHARDED_DIST_VAR, sharded_dist)
        .env(AHEAD_DIST_VAR, ahead_dist)
        .run_counting_tests(counts)
}

fn finish(counts: TestCounts, failures: Vec<String>) -> Result<()> {
    for failure in &failures {
        println!("FAILED: {failure}");
    }
    println!("{} passed, {} failed", counts.passed, counts.failed);
    if failures.is_empty() && counts.failed == 0 {
        Ok(())
    } else {
        Err(format!(
            "{} step(s) failed, {} test(s) failed",
            failures.len(),
            counts.failed
        ))
    }
}
