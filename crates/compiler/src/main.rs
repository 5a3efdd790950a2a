//! The `communique-compiler` command line: compile a folder and print its
//! report, or export it as JSON for other tools.
//!
//! Arguments are parsed with std only: two subcommands and two flags do not
//! justify a dependency.
//!
//! Exit status: 0 when the corpus compiled (even if some files were skipped:
//! the report says which), 1 on a usage error, a missing folder, a malformed
//! `corpus.toml` or an unwritable output. Problems that cost an article are
//! also printed to stderr as `path:line: problem`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use communique_compiler::{compile_dir, export, report};
use communique_core::{Corpus, Severity};

const USAGE: &str = "\
Compiles a folder of news articles (.txt, .jsonl, corpus.toml) for Communiqué.

Usage:
  communique-compiler compile <DIR> [--quiet]
      Compile DIR and print what became of every file.
  communique-compiler export <DIR> --json <FILE> [--quiet]
      Compile DIR and write documents, entities and visits as JSON to FILE (`-` for stdout).

Options:
  -q, --quiet    Print only problems (to stderr), no report.
  -h, --help     Print this help.
  -V, --version  Print the version.

Exit status: 0 when the corpus compiled (skipped files and bad lines are in the
report, errors also on stderr as path:line: problem); 1 on bad usage, a missing
folder, a malformed corpus.toml or an unwritable output.
";

/// What the command line asks for.
#[derive(Debug, PartialEq)]
enum Command {
    Help,
    Version,
    Compile {
        dir: PathBuf,
        quiet: bool,
    },
    Export {
        dir: PathBuf,
        json: PathBuf,
        quiet: bool,
    },
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match parse_args(&args) {
        Ok(command) => command,
        Err(problem) => {
            eprintln!("communique-compiler: {problem}\n\n{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    match run(command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problem) => {
            eprintln!("{problem}");
            ExitCode::FAILURE
        }
    }
}

/// Reads the arguments (program name excluded).
fn parse_args(args: &[String]) -> Result<Command, String> {
    let mut positional = Vec::new();
    let mut quiet = false;
    let mut json = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "-q" | "--quiet" => quiet = true,
            "--json" => {
                json = Some(
                    args.next()
                        .ok_or("--json needs a file name (or - for stdout)")?
                        .as_str(),
                )
            }
            flag if flag.starts_with("--json=") => json = Some(&flag["--json=".len()..]),
            flag if flag.starts_with('-') && flag != "-" => {
                return Err(format!("unknown option {flag}"))
            }
            _ => positional.push(arg.as_str()),
        }
    }
    let json = json.map(PathBuf::from);
    match (positional.as_slice(), json) {
        ([], None) => Ok(Command::Help),
        (["compile", dir], None) => Ok(Command::Compile {
            dir: dir.into(),
            quiet,
        }),
        (["compile", _], Some(_)) => Err("--json belongs to `export`".into()),
        (["export", dir], Some(json)) => Ok(Command::Export {
            dir: dir.into(),
            json,
            quiet,
        }),
        (["export", _], None) => Err("export needs --json <FILE>".into()),
        ([command, ..], _) if !["compile", "export"].contains(command) => {
            Err(format!("unknown command {command:?}"))
        }
        _ => Err("expected exactly one folder".into()),
    }
}

/// Carries out a command; the error is the message to print.
fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Help => print!("{USAGE}"),
        Command::Version => println!("communique-compiler {}", env!("CARGO_PKG_VERSION")),
        Command::Compile { dir, quiet } => {
            let corpus = compile(&dir)?;
            if !quiet {
                print!("{}", report::render(&corpus));
            }
        }
        Command::Export { dir, json, quiet } => {
            let corpus = compile(&dir)?;
            let text = export::to_json(&corpus);
            if json.as_os_str() == "-" {
                let mut stdout = std::io::stdout().lock();
                writeln!(stdout, "{text}")
                    .map_err(|err| format!("cannot write to stdout: {err}"))?;
            } else {
                std::fs::write(&json, text + "\n")
                    .map_err(|err| format!("{}: cannot write: {err}", json.display()))?;
            }
            if !quiet {
                eprintln!("{}", report::summary(&corpus.report));
            }
        }
    }
    Ok(())
}

/// Compiles `dir`, printing every error-level problem to stderr as `path:line: problem`.
fn compile(dir: &Path) -> Result<Corpus, String> {
    let corpus = compile_dir(dir).map_err(|err| err.to_string())?;
    for file in &corpus.report.files {
        let path = dir.join(&file.path);
        for message in file
            .messages
            .iter()
            .filter(|m| m.severity == Severity::Error)
        {
            match message.line {
                Some(line) => eprintln!("{}:{line}: {}", path.display(), message.message),
                None => eprintln!("{}: {}", path.display(), message.message),
            }
        }
    }
    Ok(corpus)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `line` (split on spaces) and compares the result's debug form.
    fn check(line: &str, expect: &str) {
        let args: Vec<String> = line.split_whitespace().map(String::from).collect();
        let got = match parse_args(&args) {
            Ok(command) => format!("{command:?}"),
            Err(problem) => format!("error: {problem}"),
        };
        assert_eq!(got, expect);
    }

    #[test]
    fn parses_the_two_commands() {
        check(
            "compile corpus",
            r#"Compile { dir: "corpus", quiet: false }"#,
        );
        check(
            "compile --quiet corpus",
            r#"Compile { dir: "corpus", quiet: true }"#,
        );
        check(
            "export corpus --json out.json",
            r#"Export { dir: "corpus", json: "out.json", quiet: false }"#,
        );
        check(
            "export corpus --json=- -q",
            r#"Export { dir: "corpus", json: "-", quiet: true }"#,
        );
        check("", "Help");
        check("compile corpus --help", "Help");
    }

    #[test]
    fn explains_bad_usage() {
        check("export corpus", "error: export needs --json <FILE>");
        check(
            "export corpus --json",
            "error: --json needs a file name (or - for stdout)",
        );
        check("compile", "error: expected exactly one folder");
        check("compile a b", "error: expected exactly one folder");
        check("build corpus", "error: unknown command \"build\"");
        check("compile corpus --fast", "error: unknown option --fast");
    }
}
