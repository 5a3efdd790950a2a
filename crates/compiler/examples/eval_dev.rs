//! Scores the extractor on a hand-annotated gold file (see `communique_compiler::eval`).
//!
//! `cargo run --release -p communique-compiler --example eval_dev -- GOLD TEXTS WORK`
//!
//! GOLD is the gold JSON, TEXTS the folder of `<id>.txt` article texts, WORK a scratch
//! folder where the articles are written as one JSONL file for the compiler.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use communique_compiler::eval::{score, Gold};

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [gold_path, texts, work] = args.as_slice() else {
        eprintln!("usage: eval_dev <GOLD_JSON> <TEXTS_DIR> <WORK_DIR>");
        return ExitCode::from(2);
    };
    match run(gold_path, texts, work) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn run(gold_path: &Path, texts: &Path, work: &Path) -> Result<(), String> {
    let gold = Gold::read(gold_path)?;
    let (jsonl, missing) = gold.jsonl(texts)?;
    if jsonl.is_empty() {
        return Err(format!(
            "{}: none of the {} articles of {} is there as <id>.txt (see the gold's README for how to obtain them)",
            texts.display(),
            gold.documents.len(),
            gold_path.display()
        ));
    }
    if !missing.is_empty() {
        eprintln!(
            "warning: {} articles have no text in {} and are left out: {}",
            missing.len(),
            texts.display(),
            missing.join(" ")
        );
    }
    std::fs::create_dir_all(work).map_err(|e| format!("{}: {e}", work.display()))?;
    let file = work.join("articles.jsonl");
    std::fs::write(&file, jsonl).map_err(|e| format!("{}: {e}", file.display()))?;
    let started = Instant::now();
    let corpus = communique_compiler::compile_dir(work).map_err(|e| e.to_string())?;
    let took = started.elapsed();
    print!("{}", score(&gold, &corpus));
    println!("compiled in {:.2} s", took.as_secs_f64());
    Ok(())
}
