//! The compile report page (`?view=report`): what became of every input file.

use communique_core::{FileFate, Severity};
use leptos::prelude::*;

use crate::bundle;
use crate::components::report_file::ReportFile;
use crate::format;

/// `section#report`: a summary line, then one [`ReportFile`] per input file in
/// path order, so a user can see which files were used, which were skipped
/// and why.
#[component]
pub fn ReportPage() -> impl IntoView {
    let corpus = bundle::corpus();
    let files = &corpus.report.files;
    let skipped = files
        .iter()
        .filter(|f| matches!(f.fate(), FileFate::Skipped(_)))
        .count();
    let count_messages = |severity: Severity| {
        files
            .iter()
            .flat_map(|f| &f.messages)
            .filter(|m| m.severity == severity)
            .count()
    };
    let summary = format!(
        "{} read, {} produced, {} skipped; {}, {}.",
        format::count_of(files.len(), "file", "files"),
        format::count_of(corpus.documents.len(), "article", "articles"),
        format::thousands(skipped),
        format::count_of(count_messages(Severity::Error), "error", "errors").to_lowercase(),
        format::count_of(count_messages(Severity::Warning), "warning", "warnings").to_lowercase(),
    );
    view! {
        <section id="report" aria-labelledby="report-heading">
            <h1 id="report-heading">"Compile report"</h1>
            <p class="report-summary">{summary}</p>
            <ol class="report-files">
                {files.iter().map(|file| view! { <ReportFile file=file /> }).collect_view()}
            </ol>
        </section>
    }
}
