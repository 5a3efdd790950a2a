//! The command line of `cargo xtask`, declared once: every subcommand, its options and the help text.
//!
//! Hand-written rather than `clap` or `xflags` because xtask has no dependencies: it must build on a
//! fresh machine before `cargo xtask setup` has installed anything.

use std::ffi::OsString;
use std::path::PathBuf;

/// The help text printed by `cargo xtask help` and on a usage error.
pub const HELP: &str = "\
cargo xtask <command> [options]

Commands:
  setup [--dry-run]            install what is missing: wasm target, Trunk, wasm-bindgen CLI,
                               wasm-opt (npm binaryen@132), Chromium and chromedriver; cargo fetch
  serve [--corpus DIR] [--port N] [--shards auto|on|off]
                               setup, then build and serve the explorer at http://127.0.0.1:8080
  dist [--corpus DIR] [--dist DIR] [--shards auto|on|off]
                               setup, then build the release site into dist/
  test                         setup, then every test: native crates, release build, end-to-end
  e2e                          release build, then only the end-to-end browser tests
  bench [--bench-corpus DIR]   sizes, compile time, native and in-browser search latency
  scale-corpus [--docs N] [--out DIR]
                               write a deterministic corpus of N articles (default 100000)
                               recombined from ../shared/bench, as JSONL 1,000 a file
                               (default: target/scale-corpus-N)
  ner [--conll FILE]           entity extraction precision/recall/F1 per kind on CoNLL-2003
                               (default: ../shared/ner/conll2003_eng.testb)
  eval [--gold FILE] [--texts DIR]
                               visits, dates and entities scored on annotated articles
                               (default: ../shared/eval/dev.json, texts in eval/texts/)
  fuzz [TARGET] [--seconds N]  run the fuzz targets (query, compile, bundle; default: each in
                               turn) with cargo-fuzz and libFuzzer, N seconds each (default 60)
  icons                        render icons/icon.svg to the committed PNG icons (headless Chromium)
  post-build                   Trunk's post_build hook: list the build's files in its sw.js
  help                         this text

--corpus DIR   the folder of articles to embed (default: corpus/); sets COMMUNIQUE_CORPUS
--shards       on: the corpus in shards beside the app, fetched as they are read (data/);
               off: one bundle embedded in the app; auto (default): on past 2,000,000 bytes of
               article files
";

/// One parsed invocation of `cargo xtask`.
#[derive(Debug, PartialEq)]
pub enum Command {
    /// Install the toolchain pieces that are missing.
    Setup(Setup),
    /// Build and serve the explorer.
    Serve(Serve),
    /// Build the release site only.
    Dist(Dist),
    /// Run every test of the project.
    Test,
    /// Build the release site and run the end-to-end tests only.
    E2e,
    /// Measure sizes and speeds.
    Bench(Bench),
    /// Write a scale corpus.
    ScaleCorpus(ScaleCorpus),
    /// Score the entity extractor on CoNLL-2003.
    Ner(Ner),
    /// Score visits, dates and entities on annotated articles.
    Eval(Eval),
    /// Run fuzz targets.
    Fuzz(Fuzz),
    /// Render the PNG icons from the SVG.
    Icons,
    /// Fill in the service worker of the site Trunk is staging.
    PostBuild,
    /// Print the help text.
    Help,
}

/// Options of `cargo xtask setup`.
#[derive(Debug, PartialEq)]
pub struct Setup {
    /// Print what would be installed without installing anything.
    pub dry_run: bool,
}

/// Options of `cargo xtask serve`.
#[derive(Debug, PartialEq)]
pub struct Serve {
    /// The folder of articles to embed instead of `corpus/`.
    pub corpus: Option<PathBuf>,
    /// `--shards`: `auto` (or none), `on` or `off`.
    pub shards: Option<String>,
    /// The port to listen on (8080 unless given).
    pub port: u16,
}

/// Options of `cargo xtask dist`.
#[derive(Debug, PartialEq)]
pub struct Dist {
    /// The folder of articles to embed instead of `corpus/`.
    pub corpus: Option<PathBuf>,
    /// `--shards`: `auto` (or none), `on` or `off`.
    pub shards: Option<String>,
    /// Where to write the site instead of `dist/`.
    pub dist: Option<PathBuf>,
}

/// Options of `cargo xtask bench`.
#[derive(Debug, PartialEq)]
pub struct Bench {
    /// The scale corpus (BBC folder plus AG News JSONL) instead of `../shared/bench`.
    pub bench_corpus: Option<PathBuf>,
}

/// Options of `cargo xtask ner`.
#[derive(Debug, PartialEq)]
pub struct Ner {
    /// The CoNLL-2003 file to score on instead of `../shared/ner/conll2003_eng.testb`.
    pub conll: Option<PathBuf>,
}

/// Options of `cargo xtask eval`.
#[derive(Debug, PartialEq)]
pub struct Eval {
    /// The gold file instead of `../shared/eval/dev.json`.
    pub gold: Option<PathBuf>,
    /// The folder of `<id>.txt` texts instead of `eval/texts/`.
    pub texts: Option<PathBuf>,
}

/// Options of `cargo xtask scale-corpus`.
#[derive(Debug, PartialEq)]
pub struct ScaleCorpus {
    /// How many articles.
    pub docs: usize,
    /// Where to write them instead of `target/scale-corpus-N`.
    pub out: Option<PathBuf>,
}

/// Options of `cargo xtask fuzz`.
#[derive(Debug, PartialEq)]
pub struct Fuzz {
    /// One target (`query`, `compile`, `bundle`), or every target in turn.
    pub target: Option<String>,
    /// How long each target runs.
    pub seconds: u64,
}

/// Parses the arguments after `cargo xtask`; the error is a message for the user.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut args = Args::new(args)?;
    let command =
        match args.subcommand().as_deref() {
            None | Some("help" | "--help" | "-h") => Command::Help,
            Some("setup") => Command::Setup(Setup {
                dry_run: args.flag("--dry-run"),
            }),
            Some("serve") => Command::Serve(Serve {
                corpus: args.value("--corpus")?.map(PathBuf::from),
                shards: args.value("--shards")?,
                port: match args.value("--port")? {
                    Some(port) => port.parse().ok().filter(|port| *port != 0).ok_or_else(|| {
                        format!("--port expects a number from 1 to 65535, not {port:?}")
                    })?,
                    None => 8080,
                },
            }),
            Some("dist") => Command::Dist(Dist {
                corpus: args.value("--corpus")?.map(PathBuf::from),
                shards: args.value("--shards")?,
                dist: args.value("--dist")?.map(PathBuf::from),
            }),
            Some("test") => Command::Test,
            Some("e2e") => Command::E2e,
            Some("bench") => Command::Bench(Bench {
                bench_corpus: args.value("--bench-corpus")?.map(PathBuf::from),
            }),
            Some("scale-corpus") => Command::ScaleCorpus(ScaleCorpus {
                docs: match args.value("--docs")? {
                    Some(n) => n.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                        format!("--docs expects a whole number above 0, not {n:?}")
                    })?,
                    None => 100_000,
                },
                out: args.value("--out")?.map(PathBuf::from),
            }),
            Some("icons") => Command::Icons,
            Some("post-build") => Command::PostBuild,
            Some("ner") => Command::Ner(Ner {
                conll: args.value("--conll")?.map(PathBuf::from),
            }),
            Some("eval") => Command::Eval(Eval {
                gold: args.value("--gold")?.map(PathBuf::from),
                texts: args.value("--texts")?.map(PathBuf::from),
            }),
            Some("fuzz") => {
                let seconds = match args.value("--seconds")? {
                    Some(n) => n.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                        format!("--seconds expects a whole number above 0, not {n:?}")
                    })?,
                    None => 60,
                };
                Command::Fuzz(Fuzz {
                    target: args.positional(),
                    seconds,
                })
            }
            Some(other) => return Err(format!("unknown command {other:?}")),
        };
    args.finish()?;
    Ok(command)
}

/// The arguments not consumed yet, consumed by name so the order of options does not matter.
struct Args {
    rest: Vec<String>,
}

impl Args {
    fn new(args: impl IntoIterator<Item = OsString>) -> Result<Args, String> {
        let rest = args
            .into_iter()
            .map(|arg| {
                arg.into_string()
                    .map_err(|arg| format!("argument {arg:?} is not valid UTF-8"))
            })
            .collect::<Result<_, _>>()?;
        Ok(Args { rest })
    }

    fn subcommand(&mut self) -> Option<String> {
        (!self.rest.is_empty()).then(|| self.rest.remove(0))
    }

    fn flag(&mut self, name: &str) -> bool {
        let before = self.rest.len();
        self.rest.retain(|arg| arg != name);
        self.rest.len() != before
    }

    /// `--name VALUE` or `--name=VALUE`.
    fn value(&mut self, name: &str) -> Result<Option<String>, String> {
        let prefix = format!("{name}=");
        for i in 0..self.rest.len() {
            if let Some(value) = self.rest[i].strip_prefix(&prefix) {
                let value = value.to_string();
                self.rest.remove(i);
                return Ok(Some(value));
            }
            if self.rest[i] == name {
                if i + 1 == self.rest.len() {
                    return Err(format!("{name} expects a value"));
                }
                let value = self.rest.remove(i + 1);
                self.rest.remove(i);
                return Ok(Some(value));
            }
        }
        Ok(None)
    }

    /// The first argument that is not an option, once the options are consumed.
    fn positional(&mut self) -> Option<String> {
        let at = self.rest.iter().position(|arg| !arg.starts_with("--"))?;
        Some(self.rest.remove(at))
    }

    fn finish(self) -> Result<(), String> {
        match self.rest.first() {
            Some(unknown) => Err(format!("unexpected argument {unknown:?}")),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(args: &str, expect: Result<Command, &str>) {
        let parsed = parse(args.split_whitespace().map(OsString::from));
        assert_eq!(parsed, expect.map_err(String::from), "{args}");
    }

    #[test]
    fn parses_scale_corpus() {
        check(
            "scale-corpus",
            Ok(Command::ScaleCorpus(ScaleCorpus {
                docs: 100_000,
                out: None,
            })),
        );
        check(
            "scale-corpus --docs 2000 --out x",
            Ok(Command::ScaleCorpus(ScaleCorpus {
                docs: 2000,
                out: Some("x".into()),
            })),
        );
        check(
            "scale-corpus --docs many",
            Err("--docs expects a whole number above 0, not \"many\""),
        );
    }

    #[test]
    fn parses_fuzz() {
        check(
            "fuzz",
            Ok(Command::Fuzz(Fuzz {
                target: None,
                seconds: 60,
            })),
        );
        check(
            "fuzz query --seconds 600",
            Ok(Command::Fuzz(Fuzz {
                target: Some("query".into()),
                seconds: 600,
            })),
        );
        check(
            "fuzz --seconds 0",
            Err("--seconds expects a whole number above 0, not \"0\""),
        );
        check("fuzz a b", Err("unexpected argument \"b\""));
    }

    #[test]
    fn parses_every_command() {
        check("", Ok(Command::Help));
        check("help", Ok(Command::Help));
        check("setup", Ok(Command::Setup(Setup { dry_run: false })));
        check(
            "setup --dry-run",
            Ok(Command::Setup(Setup { dry_run: true })),
        );
        check(
            "serve --corpus my/articles",
            Ok(Command::Serve(Serve {
                corpus: Some("my/articles".into()),
                shards: None,
                port: 8080,
            })),
        );
        check(
            "serve --port=9000 --shards off",
            Ok(Command::Serve(Serve {
                corpus: None,
                shards: Some("off".into()),
                port: 9000,
            })),
        );
        check(
            "dist --dist out --corpus=c --shards=on",
            Ok(Command::Dist(Dist {
                corpus: Some("c".into()),
                shards: Some("on".into()),
                dist: Some("out".into()),
            })),
        );
        check("test", Ok(Command::Test));
        check("e2e", Ok(Command::E2e));
        check("ner", Ok(Command::Ner(Ner { conll: None })));
        check(
            "ner --conll x.testa",
            Ok(Command::Ner(Ner {
                conll: Some("x.testa".into()),
            })),
        );
        check("icons", Ok(Command::Icons));
        check("post-build", Ok(Command::PostBuild));
        check(
            "bench --bench-corpus /data",
            Ok(Command::Bench(Bench {
                bench_corpus: Some("/data".into()),
            })),
        );
    }

    #[test]
    fn rejects_bad_input_with_a_message() {
        check("deploy", Err("unknown command \"deploy\""));
        check("test --fast", Err("unexpected argument \"--fast\""));
        check("serve --corpus", Err("--corpus expects a value"));
        check(
            "serve --port http",
            Err("--port expects a number from 1 to 65535, not \"http\""),
        );
    }
}
