//! `scale-corpus --docs N --source DIR --out DIR`: writes a deterministic corpus of N articles
//! recombined from the bench corpus in DIR (see `communique_bench::scale`); run by
//! `cargo xtask scale-corpus`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use communique_bench::scale;

const USAGE: &str = "usage: scale-corpus --docs N --source DIR --out DIR";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let (mut docs, mut source, mut out) = (None, None, None);
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let value = args
            .next()
            .ok_or_else(|| format!("{arg} expects a value\n{USAGE}"))?;
        match arg.as_str() {
            "--docs" => {
                docs = Some(
                    value
                        .parse::<usize>()
                        .ok()
                        .filter(|n| *n > 0)
                        .ok_or_else(|| {
                            format!("--docs expects a whole number above 0, not {value:?}")
                        })?,
                )
            }
            "--source" => source = Some(PathBuf::from(value)),
            "--out" => out = Some(PathBuf::from(value)),
            _ => return Err(format!("unknown option {arg:?}\n{USAGE}")),
        }
    }
    let (Some(docs), Some(source), Some(out)) = (docs, source, out) else {
        return Err(USAGE.into());
    };
    let started = Instant::now();
    let sources = scale::read_sources(&source)?;
    let articles = scale::generate(&sources, docs)?;
    let files = scale::write(&articles, &out)?;
    println!(
        "scale corpus: {} articles recombined from {} in {}, {files} files in {} ({:.1} s)",
        articles.len(),
        sources.len(),
        source.display(),
        out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
