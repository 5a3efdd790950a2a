//! Compiles the corpus folder into the bundle that `src/bundle.rs` embeds.
//!
//! The folder is `corpus/` unless `COMMUNIQUE_CORPUS` names another one
//! (relative paths are taken from the project root). Cargo re-runs this script
//! whenever a file in that folder changes, so editing an article rebuilds the app.
//!
//! Layout (core's `bundle` module): with the `sharded` feature (which `cargo xtask dist`
//! turns on past a corpus size), the corpus is written in the sharded layout: the head is
//! embedded, and the shards go to the folder `COMMUNIQUE_DATA` (default
//! `target/communique-data`), with `shards.txt` listing them, which `cargo xtask
//! post-build` copies into the site's `data/` folder; `COMMUNIQUE_SHARD_SIZE` sets the bytes
//! of every shard instead of core's defaults (the tests' small corpus gets many shards so),
//! and `COMMUNIQUE_FETCH_AHEAD` the most bytes of shards a page fetches ahead of its reading
//! (core's `shard::FETCH_AHEAD_BYTES` unless given).
//! Without it, one bundle holds all. Either way the folder also gets `map.txt` and
//! `network.txt`, what the map and network views draw, which post-build copies into the site's
//! `views/` folder.

use std::path::{Path, PathBuf};

/// The map view's facts, written beside the shards (core's `export::map_facts`).
const MAP_FILE: &str = "map.txt";
/// The network view's file, written beside the shards (its reader is core's
/// `export::drawing`).
const NETWORK_FILE: &str = "network.txt";
/// The most bytes of shards a page fetches ahead, instead of core's `FETCH_AHEAD_BYTES`
/// (0: none), passed on to the app as a compile-time variable of the same name.
const FETCH_AHEAD_VAR: &str = "COMMUNIQUE_FETCH_AHEAD";

fn main() {
    println!("cargo:rerun-if-env-changed=COMMUNIQUE_CORPUS");
    println!("cargo:rerun-if-env-changed=COMMUNIQUE_DATA");
    println!("cargo:rerun-if-env-changed=COMMUNIQUE_SHARD_SIZE");
    println!("cargo:rerun-if-env-changed={FETCH_AHEAD_VAR}");
    // The most bytes of shards the page fetches ahead (the app's `shards::fetch_ahead`).
    let ahead = match std::env::var(FETCH_AHEAD_VAR) {
        Ok(value) => value.parse::<usize>().unwrap_or_else(|_| {
            fail(&format!(
                "{FETCH_AHEAD_VAR}={value:?}: expected a number of bytes"
            ))
        }),
        Err(_) => communique_core::shard::FETCH_AHEAD_BYTES,
    };
    println!("cargo:rustc-env={FETCH_AHEAD_VAR}={ahead}");
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
        Err(err) => fail(&format!("cannot compile the corpus: {err:#}")),
    };
    let data = match std::env::var_os("COMMUNIQUE_DATA") {
        Some(dir) if !dir.is_empty() => root.join(dir),
        _ => root.join("target/communique-data"),
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    // Cargo tells a build script the package's features through the environment.
    let head = if std::env::var_os("CARGO_FEATURE_SHARDED").is_some() {
        let mut sizes = communique_core::bundle::ShardSizes::default();
        if let Ok(value) = std::env::var("COMMUNIQUE_SHARD_SIZE") {
            let bytes = value.parse().unwrap_or_else(|_| {
                fail(&format!(
                    "COMMUNIQUE_SHARD_SIZE={value:?}: expected a number of bytes"
                ))
            });
            (sizes.texts, sizes.mentions, sizes.postings) = (bytes, bytes, bytes);
        }
        let sharded = communique_core::bundle::encode_sharded(&corpus, &sizes);
        write_shards(&data, &sharded.files)
            .unwrap_or_else(|err| fail(&format!("cannot write {}: {err}", data.display())));
        sharded.head
    } else {
        write_shards(&data, &[])
            .unwrap_or_else(|err| fail(&format!("cannot write {}: {err}", data.display())));
        communique_core::bundle::encode(&corpus)
    };
    std::fs::write(out.join("corpus.bin"), head).expect("OUT_DIR is writable");
    // What the map and the network views draw, which `cargo xtask post-build` copies beside
    // them.
    for (name, text) in [
        (MAP_FILE, communique_core::export::map_facts::write(&corpus)),
        (
            NETWORK_FILE,
            communique_compiler::export::network_drawing(&corpus),
        ),
    ] {
        let path = data.join(name);
        std::fs::write(&path, text)
            .unwrap_or_else(|err| fail(&format!("cannot write {}: {err}", path.display())));
    }
    std::fs::write(
        out.join("report.txt"),
        communique_compiler::report::render(&corpus),
    )
    .expect("OUT_DIR is writable");
}

/// Writes `files` into `data` (emptied of older shards first) and lists them, one name a
/// line, in `data/shards.txt`: what the site's `data/` folder must hold.
fn write_shards(data: &Path, files: &[(String, Vec<u8>)]) -> std::io::Result<()> {
    if data.is_dir() {
        for entry in std::fs::read_dir(data)? {
            let path = entry?.path();
            if path
                .extension()
                .is_some_and(|ext| ext == "bin" || ext == "txt")
            {
                std::fs::remove_file(path)?;
            }
        }
    }
    std::fs::create_dir_all(data)?;
    let mut list = String::new();
    for (name, bytes) in files {
        std::fs::write(data.join(name), bytes)?;
        list.push_str(name);
        list.push('\n');
    }
    std::fs::write(data.join("shards.txt"), list)
}

/// Stops the build with `message`.
fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
