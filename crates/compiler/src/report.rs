//! The compile report as text, printed by the CLI and build.rs.

use communique_core::Corpus;

/// Renders what became of every input file, one block per file.
pub fn render(corpus: &Corpus) -> String {
    let mut out = String::new();
    for file in &corpus.report.files {
        out.push_str(&file.path);
        out.push('\n');
    }
    out
}
