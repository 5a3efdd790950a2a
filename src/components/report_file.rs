//! `ReportFile`: the fate of one input file in the compile report.

use communique_core::{FileFate, FileReport, Severity};
use leptos::prelude::*;

use crate::bundle;
use crate::components::app_link::AppLink;
use crate::format;
use crate::state::Route;

/// Article links shown per file before an "and N more" button.
pub const ARTICLES_SHOWN: usize = 12;

/// A `.report-file` entry: the file's path, what became of it (the articles it
/// produced, as links to the reader; that it holds the settings; or why it was
/// skipped) and its messages,
/// each with its severity and line.
#[component]
pub fn ReportFile(
    /// The file's report.
    file: &'static FileReport,
) -> impl IntoView {
    let fate = match file.fate() {
        FileFate::Skipped(reason) => view! {
            <p class="report-fate skipped">
                <span class="fate-label">"Skipped: "</span>
                {reason}
            </p>
        }
        .into_any(),
        FileFate::Settings => view! {
            <p class="report-fate used">
                <span class="fate-label">"Settings: "</span>
                "the corpus title and description, and metadata for named articles"
            </p>
        }
        .into_any(),
        FileFate::Articles(count) => {
            // A JSONL file can give thousands of articles: the first few are
            // linked at once, the rest when asked for.
            let all = RwSignal::new(false);
            let links = move || {
                let limit = if all.get() {
                    usize::MAX
                } else {
                    ARTICLES_SHOWN
                };
                file.documents
                    .iter()
                    .take(limit)
                    .map(|id| {
                        // The title says more than the id; an id the bundle
                        // lacks still shows, so the report never hides a file.
                        let title = bundle::document(id).map_or(id.as_str(), |(_, d)| &*d.title);
                        view! {
                            <AppLink to=Route::default().with_doc(id) class="report-doc">
                                {title}
                            </AppLink>
                            " "
                        }
                    })
                    .collect_view()
            };
            let rest = count.saturating_sub(ARTICLES_SHOWN);
            let show_all = move || {
                (rest > 0 && !all.get()).then(|| {
                    view! {
                        <button type="button" class="report-all" on:click=move |_| all.set(true)>
                            {format!("and {} more", format::thousands(rest))}
                        </button>
                    }
                })
            };
            view! {
                <p class="report-fate used">
                    <span class="fate-label">
                        {format!("{}: ", format::count_of(count, "article", "articles"))}
                    </span>
                    {links}
                    {show_all}
                </p>
            }
            .into_any()
        }
    };
    let messages = (!file.messages.is_empty()).then(|| {
        view! {
            <ul class="report-messages">
                {file
                    .messages
                    .iter()
                    .map(|message| {
                        let (class, word) = match message.severity {
                            Severity::Warning => ("report-message warning", "Warning"),
                            Severity::Error => ("report-message error", "Error"),
                        };
                        let line = message.line.map(|n| format!("line {n}: "));
                        view! {
                            <li class=class>
                                <span class="severity">{word}</span>
                                ": "
                                {line}
                                {message.message.as_str()}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    });
    view! {
        <li class="report-file" class:skipped=file.skipped.is_some()>
            <h2 class="report-path">
                <code>{file.path.as_str()}</code>
            </h2>
            {fate}
            {messages}
        </li>
    }
}
