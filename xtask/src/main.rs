//! Project commands, run as `cargo xtask <command>` (the alias is in `.cargo/config.toml`).
//!
//! Why xtask: setting up, building, serving, testing and measuring the project are Rust programs
//! in the repository, so they behave the same on every machine that has `cargo`, with no
//! Makefile, shell scripts or task runner to install first (the pattern rust-analyzer uses;
//! see <https://github.com/matklad/cargo-xtask>). xtask has no dependencies, so it builds on a
//! fresh machine before `setup` has installed anything.
//!
//! Layout: the command line is declared once in `flags.rs`; each command has its own module
//! (`setup`, `dist` for dist and serve, `test` for test and e2e, `bench`, `fuzz`, `site` for the
//! service worker's build step and the icons); `run` runs programs;
//! `tidy` is a test that checks the repository's house rules under `cargo test`.

mod bench;
mod dist;
mod eval;
mod flags;
mod fuzz;
mod ner;
mod run;
mod setup;
mod short_names;
mod site;
mod test;
#[cfg(test)]
mod tidy;
mod views;

use std::process::ExitCode;

use dist::CorpusChoice;
use flags::Command;

fn main() -> ExitCode {
    run::prepare_path();
    let command = match flags::parse(std::env::args_os().skip(1)) {
        Ok(command) => command,
        Err(err) => {
            eprintln!("error: {err}\n\n{}", flags::HELP);
            return ExitCode::from(2);
        }
    };
    let result = match command {
        Command::Help => {
            print!("{}", flags::HELP);
            Ok(())
        }
        Command::Setup(setup) => setup::run(setup.dry_run),
        Command::Serve(serve) => {
            CorpusChoice::from_flag(serve.corpus.as_deref()).and_then(|corpus| {
                let layout = dist::Layout::from_flag(serve.shards.as_deref())?;
                setup::run(false)?;
                dist::serve(&corpus, layout, serve.port)
            })
        }
        Command::Dist(options) => {
            CorpusChoice::from_flag(options.corpus.as_deref()).and_then(|corpus| {
                let layout = dist::Layout::from_flag(options.shards.as_deref())?;
                setup::run(false)?;
                let dist = options
                    .dist
                    .map(|dist| run::absolute(&dist))
                    .unwrap_or_else(dist::default_dist);
                dist::build_in(&corpus, layout, &dist)
            })
        }
        Command::Test => test::run_all(),
        Command::E2e => test::run_e2e(),
        Command::Bench(options) => bench::run(options.bench_corpus.as_deref()),
        Command::ScaleCorpus(options) => {
            bench::scale_corpus(options.docs, options.out.as_deref()).map(|_| ())
        }
        Command::Ner(options) => ner::run(options.conll.as_deref()),
        Command::Eval(options) => eval::run(options.gold.as_deref(), options.texts.as_deref()),
        Command::Fuzz(options) => fuzz::run(options.target.as_deref(), options.seconds),
        Command::Icons => site::icons(),
        Command::PostBuild => site::post_build(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}
