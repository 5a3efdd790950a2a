//! The views that load on demand (`crates/views`, the map), built into the staged site's
//! `views/` folder by `cargo xtask post-build`: compiled for the WASM target (with the size
//! build's environment, which the hook inherits from the release build), bound with
//! wasm-bindgen as an ES module, shrunk by wasm-opt and terser, and started by `views/boot.js`,
//! the one script the app adds to the page when a view is first shown (`src/views.rs`), with
//! their style sheet, `crates/views/views.css`, and what the map and the network draw of the
//! corpus (`map.txt` and `network.txt`, which `build.rs` writes with the bundle).
//!
//! None of it is cached at install (`site::ON_DEMAND`): the first load stays as it was.

use std::path::{Path, PathBuf};

use crate::run::{project_root, Cmd, Result};

/// The site's folder of the views.
pub const VIEWS_FOLDER: &str = "views";

/// What the map and the network views draw (core's `export::map_facts` and
/// `export::drawing`), from `build.rs`.
pub const DRAWN_FILES: [&str; 2] = ["map.txt", "network.txt"];

/// What the app loads: imports the bound module and starts it.
const BOOT: &str = "import init from \"./views.js\";\ninit();\n";

/// Builds the views into `site/views/`.
pub fn build(site: &Path) -> Result<()> {
    Cmd::new(
        "cargo",
        &[
            "build",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "communique-views",
        ],
    )
    .run()?;
    let wasm = target_dir().join("wasm32-unknown-unknown/release/communique_views.wasm");
    let out = site.join(VIEWS_FOLDER);
    Cmd::new(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            "views",
            "--out-dir",
        ],
    )
    .arg(&out)
    .arg(&wasm)
    .run()?;
    let bound = out.join("views_bg.wasm");
    // wasm-opt takes the WASM features the target enabled from the module's own section.
    Cmd::new("wasm-opt", &["-Oz", "--converge", "-o"])
        .arg(&bound)
        .arg(&bound)
        .run()?;
    crate::site::minify_module(&out.join("views.js"))?;
    let css = project_root().join("crates/views/views.css");
    std::fs::copy(&css, out.join("views.css"))
        .map_err(|err| format!("{}: {err}", css.display()))?;
    std::fs::write(out.join("boot.js"), BOOT)
        .map_err(|err| format!("{}: {err}", out.join("boot.js").display()))?;
    // What the map and the network draw of this build's corpus, which build.rs wrote.
    for name in DRAWN_FILES {
        let from = crate::site::build_data().join(name);
        std::fs::copy(&from, out.join(name)).map_err(|err| {
            format!(
                "{}: {err} (build.rs writes it with the corpus)",
                from.display()
            )
        })?;
    }
    Ok(())
}

/// Cargo's target folder: `CARGO_TARGET_DIR` where set, else the project's `target/`.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| project_root().join("target"))
}
