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

use communique_compiler::export::{self, Format};
use communique_compiler::{compile_dir, report};
use communique_core::{Corpus, Severity};

const USAGE: &str = "\
Compiles a folder of news articles (.txt, .jsonl, corpus.toml) for Communiqué.

Usage:
  communique-compiler compile <DIR> [--quiet]
      Compile DIR and print what became of every file.
  communique-compiler export <DIR> [--json <FILE>] [--geojson <FILE>] [--gexf <FILE>]
                                   [--graphml <FILE>] [--edges <FILE>] [--quiet]
      Compile DIR and write, to each FILE given (`-` for stdout):
        --json     documents, entities and visits as JSON;
        --geojson  places and visit routes as GeoJSON (QGIS, Kepler);
        --gexf     who met whom as GEXF 1.3 (Gephi);
        --graphml  who met whom as GraphML (yEd, Cytoscape);
        --edges    who met whom as a CSV edge list.

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
        outputs: Vec<(Format, PathBuf)>,
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
    let mut outputs: Vec<(Format, PathBuf)> = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let (flag, value) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value)),
            _ => (arg.as_str(), None),
        };
        if let Some(format) = Format::from_flag(flag) {
            let file = match value {
                Some(file) => file,
                None => args
                    .next()
                    .ok_or(format!("{flag} needs a file name (or - for stdout)"))?,
            };
            outputs.push((format, file.into()));
            continue;
        }
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "-q" | "--quiet" => quiet = true,
            flag if flag.starts_with('-') && flag != "-" => {
                return Err(format!("unknown option {flag}"))
            }
            _ => positional.push(arg.as_str()),
        }
    }
    let stdout = outputs.iter().filter(|(_, file)| file.as_os_str() == "-");
    if stdout.count() > 1 {
        return Err("only one output can go to stdout (-)".into());
    }
    match (positional.as_slice(), outputs.is_empty()) {
        ([], true) => Ok(Command::Help),
        (["compile", dir], true) => Ok(Command::Compile {
            dir: dir.into(),
            quiet,
        }),
        (["compile", _], false) => Err("output files belong to `export`".into()),
        (["export", dir], false) => Ok(Command::Export {
            dir: dir.into(),
            outputs,
            quiet,
        }),
        (["export", _], true) => Err(
            "export needs at least one of --json, --geojson, --gexf, --graphml, --edges <FILE>"
                .into(),
        ),
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
        Command::Export {
            dir,
            outputs,
            quiet,
        } => {
            let corpus = compile(&dir)?;
            let exports = export::Exports::new(&corpus);
            for (format, file) in outputs {
                let text = exports.write(format);
                if file.as_os_str() == "-" {
                    let mut stdout = std::io::stdout().lock();
                    write!(stdout, "{text}")
                        .map_err(|err| format!("cannot write to stdout: {err}"))?;
                } else {
                    std::fs::write(&file, text)
                        .map_err(|err| format!("{}: cannot write: {err}", file.display()))?;
                }
            }
            if !quiet {
                eprintln!("{}", report::summary(&corpus.report));
                for line in exports.notes() {
                    eprintln!("{line}");
                }
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
            r#"Export { dir: "corpus", outputs: [(Json, "out.json")], quiet: false }"#,
        );
        check(
            "export corpus --json=- -q",
            r#"Export { dir: "corpus", outputs: [(Json, "-")], quiet: true }"#,
        );
        check(
            "export corpus --geojson map.geojson --gexf=g.gexf --graphml g.graphml --edges -",
            concat!(
                r#"Export { dir: "corpus", outputs: [(GeoJson, "map.geojson"), "#,
                r#"(Gexf, "g.gexf"), (GraphMl, "g.graphml"), (Edges, "-")], quiet: false }"#
            ),
        );
        check("", "Help");
        check("compile corpus --help", "Help");
    }

    #[test]
    fn explains_bad_usage() {
        check(
            "export corpus",
            "error: export needs at least one of --json, --geojson, --gexf, --graphml, --edges <FILE>",
        );
        check(
            "export corpus --json",
            "error: --json needs a file name (or - for stdout)",
        );
        check(
            "export corpus --gexf",
            "error: --gexf needs a file name (or - for stdout)",
        );
        check(
            "export corpus --json - --edges -",
            "error: only one output can go to stdout (-)",
        );
        check(
            "compile corpus --gexf g",
            "error: output files belong to `export`",
        );
        check("compile", "error: expected exactly one folder");
        check("compile a b", "error: expected exactly one folder");
        check("build corpus", "error: unknown command \"build\"");
        check("compile corpus --fast", "error: unknown option --fast");
    }
}
