//! Scores the entity extractor on a CoNLL-2003 file (PER, ORG, LOC; exact spans).
//!
//! `cargo run --release -p communique-compiler --example eval_ner -- ../shared/ner/conll2003_eng.testb [ERRORS]`
//!
//! With a number ERRORS, also prints that many wrong ("fp") and missed ("fn") chunks.

use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: eval_ner <CONLL_FILE>");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let started = Instant::now();
    let max_errors = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    match communique_compiler::entities::evaluate_with_errors(&text, max_errors) {
        Ok((scores, errors)) => {
            for e in errors {
                println!("{e}");
            }
            print!("{path}\n{scores}");
            println!("took {:.2} s", started.elapsed().as_secs_f64());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::FAILURE
        }
    }
}
