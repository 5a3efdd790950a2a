//! Running programs for the commands: echo each command line, find tools on `PATH`, read
//! versions, and stream `cargo test` output while counting its results.
//!
//! Every command line is printed before it runs (`$ trunk build --release`), so a user can see
//! what xtask does and repeat any step by hand.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The error of a command: one message for the user, printed by `main`.
pub type Result<T> = std::result::Result<T, String>;

/// The repository root (the folder holding the workspace `Cargo.toml`).
pub fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the root")
        .to_path_buf()
}

/// `path` as the user meant it: relative paths are taken from the current directory, since
/// commands themselves run from the project root.
pub fn absolute(path: &Path) -> PathBuf {
    std::env::current_dir()
        .map(|cwd| cwd.join(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Where `setup` installs npm's binaryen when the machine has no suitable `wasm-opt`.
pub fn local_tools_bin() -> PathBuf {
    project_root().join(".tools/binaryen/node_modules/.bin")
}

/// Puts the project-local tools and Cargo's install folder first on `PATH`, for this process
/// and every child (Trunk looks up `wasm-opt` and `wasm-bindgen` on `PATH`).
pub fn prepare_path() {
    let mut dirs = vec![local_tools_bin()];
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")));
    if let Some(cargo_home) = cargo_home {
        dirs.push(cargo_home.join("bin"));
    }
    let current = std::env::var_os("PATH").unwrap_or_default();
    let existing: Vec<PathBuf> = std::env::split_paths(&current).collect();
    let mut path: Vec<PathBuf> = dirs
        .into_iter()
        .filter(|dir| dir.is_dir() && !existing.contains(dir))
        .collect();
    path.extend(existing);
    if let Ok(joined) = std::env::join_paths(path) {
        // Single-threaded at this point: nothing else reads the environment concurrently.
        std::env::set_var("PATH", joined);
    }
}

/// The first executable called `name` on `PATH`.
pub fn which(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// The first line a program prints for `args` (e.g. `--version`), or `None` if it cannot run.
pub fn first_line(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    Some(stdout.lines().next().unwrap_or("").trim().to_string())
}

/// The whole standard output of a program, or `None` if it cannot run or fails.
pub fn stdout_of(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// A command line about to run from the project root, printed before it starts.
pub struct Cmd {
    command: Command,
    line: String,
}

impl Cmd {
    /// `program args…`, run from the project root.
    pub fn new(program: &str, args: &[&str]) -> Cmd {
        let mut command = Command::new(program);
        command.args(args).current_dir(project_root());
        Cmd {
            command,
            line: std::iter::once(program)
                .chain(args.iter().copied())
                .map(shell_word)
                .collect::<Vec<_>>()
                .join(" "),
        }
    }

    /// Appends one more argument.
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Cmd {
        self.line.push(' ');
        self.line
            .push_str(&shell_word(&arg.as_ref().to_string_lossy()));
        self.command.arg(arg);
        self
    }

    /// Sets an environment variable for this command (and shows it in the echoed line).
    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Cmd {
        let value_word = shell_word(&value.as_ref().to_string_lossy());
        self.line = format!("{key}={value_word} {}", self.line);
        self.command.env(key, value);
        self
    }

    /// Removes an environment variable for this command, so the user's setting cannot leak in.
    pub fn env_remove(mut self, key: &str) -> Cmd {
        self.command.env_remove(key);
        self
    }

    /// The command line as echoed.
    pub fn line(&self) -> &str {
        &self.line
    }

    /// Runs to completion; an error names the command and how it ended.
    pub fn run(mut self) -> Result<()> {
        println!("$ {}", self.line);
        let status = self
            .command
            .status()
            .map_err(|err| format!("cannot start `{}`: {err}", self.line))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("`{}` failed ({status})", self.line))
        }
    }

    /// Runs to completion while echoing its standard output line by line and counting the
    /// `test result:` lines of `cargo test` in it.
    pub fn run_counting_tests(mut self, counts: &mut TestCounts) -> Result<()> {
        println!("$ {}", self.line);
        let mut child = self
            .command
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|err| format!("cannot start `{}`: {err}", self.line))?;
        let stdout = child.stdout.take().expect("stdout is piped");
        for line in BufReader::new(stdout).lines() {
            let line = line.map_err(|err| format!("reading `{}`: {err}", self.line))?;
            println!("{line}");
            counts.add_line(&line);
        }
        let status = child
            .wait()
            .map_err(|err| format!("waiting for `{}`: {err}", self.line))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("`{}` failed ({status})", self.line))
        }
    }
}

impl Cmd {
    /// Runs to completion while echoing its standard error line by line; returns whether it
    /// succeeded and the last `keep` lines of standard error (for a summary to be read from).
    pub fn run_keeping_stderr(mut self, keep: usize) -> Result<(bool, Vec<String>)> {
        println!("$ {}", self.line);
        let mut child = self
            .command
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|err| format!("cannot start `{}`: {err}", self.line))?;
        let stderr = child.stderr.take().expect("stderr is piped");
        let mut tail = std::collections::VecDeque::with_capacity(keep);
        for line in BufReader::new(stderr).lines() {
            let line = line.map_err(|err| format!("reading `{}`: {err}", self.line))?;
            eprintln!("{line}");
            if tail.len() == keep {
                tail.pop_front();
            }
            tail.push_back(line);
        }
        let status = child
            .wait()
            .map_err(|err| format!("waiting for `{}`: {err}", self.line))?;
        Ok((status.success(), tail.into()))
    }
}

/// `word` as a shell would need it typed, so an echoed command line can be pasted back: quoted
/// when it holds spaces or other characters the shell treats specially.
fn shell_word(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// Passed and failed tests summed over every `cargo test` run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TestCounts {
    /// Tests that passed.
    pub passed: u64,
    /// Tests that failed.
    pub failed: u64,
}

impl TestCounts {
    /// Adds the counts of a libtest summary line such as
    /// `test result: FAILED. 3 passed; 1 failed; 0 ignored; …`; other lines change nothing.
    pub fn add_line(&mut self, line: &str) {
        let Some(summary) = line.trim().strip_prefix("test result: ") else {
            return;
        };
        for part in summary.split([';', '.']) {
            let mut words = part.split_whitespace();
            let (Some(number), Some(what)) = (words.next(), words.next()) else {
                continue;
            };
            let Ok(number) = number.parse::<u64>() else {
                continue;
            };
            match what {
                "passed" => self.passed += number,
                "failed" => self.failed += number,
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(lines: &[&str], expect: TestCounts) {
        let mut counts = TestCounts::default();
        for line in lines {
            counts.add_line(line);
        }
        assert_eq!(counts, expect, "{lines:?}");
    }

    #[test]
    fn echoes_command_lines_a_shell_can_run() {
        let line = Cmd::new("cargo", &["run", "--"])
            .arg("--label")
            .arg("scale corpus")
            .arg("it's")
            .env("COMMUNIQUE_CORPUS", "/tmp/my articles")
            .line()
            .to_string();
        assert_eq!(
            line,
            "COMMUNIQUE_CORPUS='/tmp/my articles' cargo run -- --label 'scale corpus' 'it'\\''s'"
        );
    }

    #[test]
    fn counts_libtest_summaries() {
        check(
            &["test result: ok. 12 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s"],
            TestCounts { passed: 12, failed: 0 },
        );
        check(
            &[
                "test result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out",
                "running 3 tests",
                "test parses ... ok",
                "test result: FAILED. 1 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out",
            ],
            TestCounts {
                passed: 3,
                failed: 2,
            },
        );
        check(
            &["the test result: 5 passed", "5 passed; 1 failed"],
            TestCounts::default(),
        );
    }
}
