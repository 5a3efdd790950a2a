//! Compiles the corpus folder into the bundle that `src/bundle.rs` embeds.
//!
//! The folder is `corpus/` unless `COMMUNIQUE_CORPUS` names another one
//! (relative paths are taken from the project root). Cargo re-runs this script
//! whenever a file in that folder changes, so editing an article rebuilds the app.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=COMMUNIQUE_CORPUS");
    let root = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let dir = match std::env::var_os("COMMUNIQUE_CORPUS") {
        Some(dir) if !dir.is_empty() => root.join(dir),
        _ => root.join("corpus"),
    };
    println!("cargo:rerun-if-changed={}", dir.display());
    let corpus = match communique_compiler::compile_dir(&dir) {
        Ok(corpus) => corpus,
        Err(err) => {
            eprintln!("error: cannot compile the corpus: {err:#}");
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let bytes = communique_core::bundle::encode(&corpus);
    std::fs::write(out.join("corpus.bin"), bytes).expect("OUT_DIR is writable");
    std::fs::write(
        out.join("report.txt"),
        communique_compiler::report::render(&corpus),
    )
    .expect("OUT_DIR is writable");
}
