//! The compile report page (`?view=report`): what became of every input file.
//!
//! A large corpus has thousands of files: the page lists them a page at a
//! time, and can narrow the list to the files that need attention (skipped,
//! or with warnings or errors), which is what a user checking a compile wants.

use communique_core::{FileFate, FileReport, Severity};
use leptos::prelude::*;

use crate::bundle;
use crate::components::report_file::ReportFile;
use crate::format;

/// Files listed at first, and added by each "Show more".
pub const REPORT_PAGE: usize = 100;

/// Whether a file needs a look: skipped, or with any message.
fn needs_attention(file: &FileReport) -> bool {
    matches!(file.fate(), FileFate::Skipped(_)) || !file.messages.is_empty()
}

/// `section#report`: a summary line, a "only files that need attention"
/// switch, then one [`ReportFile`] per input file in path order, a page at a
/// time, so a user can see which files were used, which were skipped and why.
#[component]
pub fn ReportPage() -> impl IntoView {
    let corpus = bundle::corpus();
    // A large corpus keeps its report in a shard: the page is drawn again once it is here.
    #[cfg(feature = "sharded")]
    if !corpus.report.is_available() {
        return view! {
            <section id="report" aria-labelledby="report-heading" aria-busy="true">
                <h1 id="report-heading">"Compile report"</h1>
                <p class="report-summary">"Loading the report…"</p>
            </section>
        }
        .into_any();
    }
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
        format::count_of(count_messages(Severity::Error), "error", "errors").to_ascii_lowercase(),
        format::count_of(count_messages(Severity::Warning), "warning", "warnings")
            .to_ascii_lowercase(),
    );
    let attention = files.iter().filter(|f| needs_attention(f)).count();
    let only_attention = RwSignal::new(false);
    let shown = RwSignal::new(REPORT_PAGE);
    let listed = Memo::new(move |_| {
        let only = only_attention.get();
        files
            .iter()
            .filter(|f| !only || needs_attention(f))
            .collect::<Vec<&'static FileReport>>()
    });
    let rows = move || {
        listed.with(|listed| {
            listed
                .iter()
                .take(shown.get())
                .map(|&file| view! { <ReportFile file=file /> })
                .collect_view()
        })
    };
    let more = move || {
        let hidden = listed.with(Vec::len).saturating_sub(shown.get());
        (hidden > 0).then(|| {
            view! {
                <button
                    type="button"
                    class="show-more"
                    id="report-more"
                    on:click=move |_| shown.update(|n| *n += REPORT_PAGE)
                >
                    {format!("Show more files ({} not shown)", format::thousands(hidden))}
                </button>
            }
        })
    };
    let page = view! {
        <section id="report" aria-labelledby="report-heading">
            <h1 id="report-heading">"Compile report"</h1>
            <p class="report-summary">{summary}</p>
            <p class="report-filter">
                <label>
                    <input
                        type="checkbox"
                        id="report-attention"
                        prop:checked=move || only_attention.get()
                        on:change=move |ev| {
                            only_attention.set(event_target_checked(&ev));
                            shown.set(REPORT_PAGE);
                        }
                    />
                    {format!(
                        " Only files that need attention ({}: skipped, or with warnings or errors)",
                        format::thousands(attention)
                    )}
                </label>
            </p>
            <ol class="report-files">{rows}</ol>
            {more}
        </section>
    };
    #[cfg(feature = "sharded")]
    let page = page.into_any();
    page
}
