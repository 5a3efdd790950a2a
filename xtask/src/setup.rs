//! `cargo xtask setup`: installs what the build and the tests need, skipping what is already there.
//!
//! Each tool is checked by its version, not just its presence, because the wrong version fails in
//! ways that are hard to trace (see `docs/TOOLCHAIN.md` for how each fact was checked):
//! - Trunk is pinned to 0.21.14, the last release that builds with our rustc;
//! - the wasm-bindgen CLI must equal the `wasm-bindgen` crate in `Cargo.lock`, and is installed
//!   without `--locked` (its own lockfile names a crate version the registry lacks);
//! - wasm-opt must be binaryen 132 from npm: Debian's 108 builds a WASM that fails at start-up;
//! - Chromium and chromedriver come from Debian, for the end-to-end tests.
//!
//! Trunk runs `cargo build --offline` (Trunk.toml), so setup ends with `cargo fetch`, once for the
//! project and once for the standard library's own dependencies, which the release build compiles
//! from the toolchain's `rust-src` (`dist::SIZE_BUILD_ENV`).

use crate::run::{
    first_line, local_tools_bin, prepare_path, project_root, stdout_of, which, Cmd, Result,
};

/// The Trunk release the project builds with.
const TRUNK_VERSION: &str = "0.21.14";
/// The npm package providing wasm-opt.
const BINARYEN_PACKAGE: &str = "binaryen@132";
/// What `wasm-opt --version` prints for that package.
const WASM_OPT_VERSION: &str = "version_132";
/// The axe-core release the end-to-end accessibility checks inject (never shipped in the site).
const AXE: NpmTool = NpmTool {
    package: "axe-core",
    version: "4.11.0",
    folder: "axe",
    file: "axe.min.js",
    purpose: "for the accessibility tests",
};
/// The terser release that minifies wasm-bindgen's JavaScript glue in `cargo xtask post-build`
/// (`site.rs`), since Trunk's minifier cannot parse it.
const TERSER: NpmTool = NpmTool {
    package: "terser",
    version: "5.51.2",
    folder: "terser",
    file: "bin/terser",
    purpose: "minifies the JS glue",
};
/// The Rust target the explorer compiles to.
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Checks every tool and installs the missing ones; with `dry_run`, only says what it would do.
pub fn run(dry_run: bool) -> Result<()> {
    let setup = Setup { dry_run };
    setup.wasm_target()?;
    setup.rust_src()?;
    setup.lint_tools()?;
    setup.debian_packages()?;
    setup.trunk()?;
    setup.wasm_bindgen()?;
    setup.wasm_opt()?;
    setup.npm_tool(&AXE)?;
    setup.npm_tool(&TERSER)?;
    // The size build needs the standard library's own dependencies fetched as well.
    let mut fetch = vec![Cmd::new("cargo", &["fetch"])];
    match crate::dist::size_build_probe() {
        Ok(version) => {
            println!("setup: size build: ok ({version} takes its switches)");
            fetch.push(
                Cmd::new("cargo", &["fetch", "--target", WASM_TARGET])
                    .arg(format!("-Zbuild-std={}", crate::dist::BUILD_STD_CRATES))
                    .env("RUSTC_BOOTSTRAP", "1"),
            );
        }
        Err(why) => {
            println!("setup: size build: unavailable ({why}); release builds will be plain")
        }
    }
    setup.perform("dependencies", "fetched for offline builds", fetch)?;
    println!("setup: done{}", if dry_run { " (dry run)" } else { "" });
    Ok(())
}

struct Setup {
    dry_run: bool,
}

impl Setup {
    /// Reports a tool that is fine as it is.
    fn present(&self, what: &str, found: &str) {
        println!("setup: {what}: ok ({found})");
    }

    /// Runs (or, in a dry run, lists) the commands that install `what`.
    fn perform(&self, what: &str, why: &str, commands: Vec<Cmd>) -> Result<()> {
        println!("setup: {what}: {why}");
        for command in commands {
            if self.dry_run {
                println!("would run: {}", command.line());
            } else {
                command.run()?;
            }
        }
        Ok(())
    }

    fn wasm_target(&self) -> Result<()> {
        let what = format!("Rust target {WASM_TARGET}");
        if let Some(installed) = stdout_of("rustup", &["target", "list", "--installed"]) {
            if installed.lines().any(|line| line.trim() == WASM_TARGET) {
                self.present(&what, "installed");
                return Ok(());
            }
            return self.perform(
                &what,
                "missing",
                vec![Cmd::new("rustup", &["target", "add", WASM_TARGET])],
            );
        }
        // Without rustup (a distribution's Rust), the target's standard library sits in the sysroot.
        let sysroot = first_line("rustc", &["--print", "sysroot"]).unwrap_or_default();
        if std::path::Path::new(&sysroot)
            .join("lib/rustlib")
            .join(WASM_TARGET)
            .is_dir()
        {
            self.present(&what, "in the sysroot");
            Ok(())
        } else {
            Err(format!(
                "{what} is missing and rustup is not installed: install the target's standard \
                 library for your Rust toolchain"
            ))
        }
    }

    /// The standard library's source, which the release build recompiles for size.
    fn rust_src(&self) -> Result<()> {
        let what = "Rust component rust-src";
        let sysroot = first_line("rustc", &["--print", "sysroot"]).unwrap_or_default();
        if std::path::Path::new(&sysroot)
            .join("lib/rustlib/src/rust/library/Cargo.lock")
            .is_file()
        {
            self.present(what, "installed");
            return Ok(());
        }
        if which("rustup").is_none() {
            return Err(format!(
                "{what} is missing and rustup is not installed: the release build recompiles the \
                 standard library, so install your toolchain's rust-src"
            ));
        }
        self.perform(
            what,
            "missing",
            vec![Cmd::new("rustup", &["component", "add", "rust-src"])],
        )
    }

    /// rustfmt and clippy, which `cargo xtask test` runs before the tests.
    fn lint_tools(&self) -> Result<()> {
        for (program, component) in [("rustfmt", "rustfmt"), ("cargo-clippy", "clippy")] {
            let what = format!("Rust component {component}");
            if let Some(version) = first_line(program, &["--version"]) {
                self.present(&what, &version);
                continue;
            }
            if which("rustup").is_none() {
                return Err(format!(
                    "{what} is missing and rustup is not installed: `cargo xtask test` checks \
                     formatting and lints with it, so install it for your toolchain"
                ));
            }
            self.perform(
                &what,
                "missing",
                vec![Cmd::new("rustup", &["component", "add", component])],
            )?;
        }
        Ok(())
    }

    /// Chromium, chromedriver, and npm when wasm-opt must come from npm, with one `apt-get update`.
    fn debian_packages(&self) -> Result<()> {
        let mut missing = Vec::new();
        for (program, package) in [
            ("chromium", "chromium"),
            ("chromedriver", "chromium-driver"),
        ] {
            match which(program) {
                Some(path) => self.present(package, &path.display().to_string()),
                None => missing.push(package),
            }
        }
        if (!wasm_opt_is_right() || !AXE.is_installed() || !TERSER.is_installed())
            && which("npm").is_none()
        {
            missing.push("npm");
        }
        self.apt_install(&missing)
    }

    /// Installs Debian packages with one `apt-get update`, through sudo when not root.
    fn apt_install(&self, missing: &[&str]) -> Result<()> {
        if missing.is_empty() {
            return Ok(());
        }
        let sudo = if is_root() {
            None
        } else if which("sudo").is_some() {
            Some("sudo")
        } else {
            return Err(format!(
                "Debian packages {} are missing; install them as root \
                 (apt-get install -y {}) or install sudo",
                missing.join(", "),
                missing.join(" ")
            ));
        };
        let apt = |args: &[&str]| match sudo {
            Some(sudo) => Cmd::new(sudo, &[&["apt-get"], args].concat()),
            None => Cmd::new("apt-get", args),
        };
        self.perform(
            &format!("Debian packages {}", missing.join(", ")),
            "missing",
            vec![
                apt(&["update"]),
                apt(&[&["install", "-y"], missing].concat()),
            ],
        )
    }

    fn trunk(&self) -> Result<()> {
        self.versioned_tool(
            &format!("trunk {TRUNK_VERSION}"),
            "trunk",
            |found| found.split_whitespace().any(|word| word == TRUNK_VERSION),
            vec![Cmd::new(
                "cargo",
                &["install", "trunk", "--version", TRUNK_VERSION, "--locked"],
            )],
        )
    }

    fn wasm_bindgen(&self) -> Result<()> {
        let lock_path = project_root().join("Cargo.lock");
        let lock = std::fs::read_to_string(&lock_path)
            .map_err(|err| format!("{}: {err}", lock_path.display()))?;
        let version = locked_version(&lock, "wasm-bindgen").ok_or_else(|| {
            format!(
                "{}: no `wasm-bindgen` package; run `cargo generate-lockfile`",
                lock_path.display()
            )
        })?;
        self.versioned_tool(
            &format!("wasm-bindgen CLI {version} (as in Cargo.lock)"),
            "wasm-bindgen",
            |found| found.split_whitespace().nth(1) == Some(version.as_str()),
            // No `--locked`: the CLI's own lockfile pins a crate version the registry lacks.
            vec![Cmd::new(
                "cargo",
                &["install", "wasm-bindgen-cli", "--version", &version],
            )],
        )
    }

    /// Skips `program` if the first line of `program --version` satisfies `is_right`; otherwise
    /// runs `install` and checks again (another copy earlier on `PATH` would still shadow it).
    fn versioned_tool(
        &self,
        what: &str,
        program: &str,
        is_right: impl Fn(&str) -> bool,
        install: Vec<Cmd>,
    ) -> Result<()> {
        let found = first_line(program, &["--version"]);
        if let Some(found) = found.as_deref().filter(|found| is_right(found)) {
            self.present(what, found);
            return Ok(());
        }
        self.perform(what, &missing_because(found), install)?;
        if self.dry_run {
            return Ok(());
        }
        prepare_path();
        match first_line(program, &["--version"]) {
            Some(found) if is_right(&found) => Ok(()),
            found => Err(format!(
                "installed {what}, but `{program} --version` now says {:?} (from {}); \
                 is another copy earlier on PATH?",
                found.unwrap_or_default(),
                which(program).map_or("nowhere".into(), |path| path.display().to_string())
            )),
        }
    }

    fn wasm_opt(&self) -> Result<()> {
        let prefix = local_tools_bin()
            .parent()
            .and_then(|modules| modules.parent())
            .expect("the tools folder is two levels below .bin")
            .to_path_buf();
        // A project-local prefix instead of `npm -g`: no root needed, and a system wasm-opt
        // (often Debian's 108) is shadowed only for this project's commands (`run::prepare_path`).
        self.versioned_tool(
            &format!("wasm-opt {WASM_OPT_VERSION} (npm {BINARYEN_PACKAGE})"),
            "wasm-opt",
            |found| found.contains(WASM_OPT_VERSION),
            vec![Cmd::new("npm", &["install", "--no-save", "--prefix"])
                .arg(&prefix)
                .arg(BINARYEN_PACKAGE)],
        )
    }
}

/// A package setup installs from npm into `.tools/<folder>/node_modules`, for the project alone.
struct NpmTool {
    package: &'static str,
    version: &'static str,
    folder: &'static str,
    /// The file the project uses, inside the package.
    file: &'static str,
    /// What it is for, as setup reports it.
    purpose: &'static str,
}

impl NpmTool {
    /// The folder of the installed package.
    fn package_dir(&self) -> std::path::PathBuf {
        project_root()
            .join(".tools")
            .join(self.folder)
            .join("node_modules")
            .join(self.package)
    }

    /// The file the project uses (a script to inject, or a command to run).
    fn path(&self) -> std::path::PathBuf {
        self.package_dir().join(self.file)
    }

    /// The installed version, from its `package.json`, if its file is there.
    fn installed_version(&self) -> Option<String> {
        let text = std::fs::read_to_string(self.package_dir().join("package.json")).ok()?;
        let rest = &text[text.find("\"version\"")? + "\"version\"".len()..];
        let start = rest.find('"')? + 1;
        let end = start + rest[start..].find('"')?;
        self.path().is_file().then(|| rest[start..end].to_string())
    }

    fn is_installed(&self) -> bool {
        self.installed_version().as_deref() == Some(self.version)
    }
}

impl Setup {
    /// Installs `tool` from npm unless that version is there.
    fn npm_tool(&self, tool: &NpmTool) -> Result<()> {
        let what = format!("{} {} (npm, {})", tool.package, tool.version, tool.purpose);
        if tool.is_installed() {
            self.present(&what, &tool.path().display().to_string());
            return Ok(());
        }
        self.perform(
            &what,
            &missing_because(tool.installed_version()),
            vec![Cmd::new("npm", &["install", "--no-save", "--prefix"])
                .arg(project_root().join(".tools").join(tool.folder))
                .arg(format!("{}@{}", tool.package, tool.version))],
        )
    }
}

/// Where `setup` puts terser's command (`cargo xtask post-build` runs it).
pub fn terser_program() -> std::path::PathBuf {
    TERSER.path()
}

/// Makes sure `program` is on `PATH`, installing Debian's `package` if it is not (for tools only
/// some commands need, such as `brotli` for `cargo xtask bench`).
pub fn ensure_debian_program(program: &str, package: &str) -> Result<()> {
    let setup = Setup { dry_run: false };
    match which(program) {
        Some(path) => {
            setup.present(package, &path.display().to_string());
            Ok(())
        }
        None => setup.apt_install(&[package]),
    }
}

/// Why a tool needs installing, from what its `--version` printed.
fn missing_because(found: Option<String>) -> String {
    match found {
        Some(found) => format!("wrong version (found {found})"),
        None => "missing".to_string(),
    }
}

fn wasm_opt_is_right() -> bool {
    first_line("wasm-opt", &["--version"]).is_some_and(|found| found.contains(WASM_OPT_VERSION))
}

fn is_root() -> bool {
    first_line("id", &["-u"]).as_deref() == Some("0")
}

/// The version of package `name` in the text of a `Cargo.lock`.
pub fn locked_version(lock: &str, name: &str) -> Option<String> {
    let wanted = format!("name = \"{name}\"");
    let mut lines = lock.lines().map(str::trim);
    while let Some(line) = lines.next() {
        if line == wanted {
            let version = lines.next()?.strip_prefix("version = \"")?;
            return Some(version.trim_end_matches('"').to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(lock: &str, name: &str, expect: Option<&str>) {
        assert_eq!(locked_version(lock, name).as_deref(), expect, "{name}");
    }

    #[test]
    fn reads_versions_from_cargo_lock() {
        let lock = r#"
[[package]]
name = "wasm-bindgen-macro"
version = "0.2.130"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
"#;
        check(lock, "wasm-bindgen", Some("0.2.130"));
        check(lock, "wasm-bindgen-macro", Some("0.2.130"));
        check(lock, "leptos", None);
        check("", "wasm-bindgen", None);
    }

    #[test]
    fn the_project_lockfile_pins_wasm_bindgen() {
        let lock = std::fs::read_to_string(project_root().join("Cargo.lock")).unwrap();
        assert!(locked_version(&lock, "wasm-bindgen").is_some());
    }
}
