//! The reader: one whole article, its metadata, the query's matches marked,
//! the cited span (`s=START-END`) marked and scrolled to, the entity mentions
//! as links to their pages (with a legend), and the removed text.

use communique_core::{DocId, Span};
use leptos::prelude::*;

use crate::bundle;
use crate::components::doc_date::DocDate;
use crate::components::marked_text::MarkedText;
use crate::components::match_nav::MatchNav;
use crate::components::mention_legend::MentionLegend;
use crate::components::mention_text::MentionText;
use crate::components::removed_text::RemovedText;
use crate::dom;
use crate::state::AppState;

/// The id of the article's title, which takes the focus when it opens.
const READER_TITLE_ID: &str = "reader-title";

/// `article#reader` for one article: `h1` title, `.reader-meta`, the clean
/// text in `.reader-body` (paragraphs as `<p>`, matches as `<mark>`, the cited
/// span as `.cited`), the removed text and `button#close-reader`.
#[component]
pub fn ReaderPage(
    /// The article to show.
    doc: DocId,
) -> impl IntoView {
    let state = AppState::expect();
    let article = &bundle::corpus().documents[doc as usize];
    let text = article.text.as_str();
    let marks = Memo::new(move |_| state.found.with(|found| bundle::matches_in(article, found)));
    // A span from a link must lie inside this article; anything else is ignored.
    let cite = Memo::new(move |_| state.cite.get().filter(|s| s.end as usize <= text.len()));

    crate::effect::effect(move || {
        let cited = cite.get().is_some();
        // After the browser has laid out the article: show the cited passage,
        // or the top of the article, and give the heading focus so screen
        // readers start there.
        request_animation_frame(move || {
            if let Some(heading) = dom::by_id::<web_sys::HtmlElement>(READER_TITLE_ID) {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = heading.focus_with_options(&options);
            }
            let target = cited
                .then(|| document().query_selector("#reader .cited").ok().flatten())
                .flatten();
            match target {
                Some(target) => {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Center);
                    target.scroll_into_view_with_scroll_into_view_options(&options);
                }
                None => window().scroll_to_with_x_and_y(0.0, 0.0),
            }
        });
    });

    let mentions = bundle::mentions_in(doc);
    let mentions_empty = mentions.is_empty();
    // A headline opening the text is the heading already.
    let headline = article.headline_span();
    let paragraphs = if article.paragraphs.is_empty() && !text.is_empty() {
        vec![Span::new(0, text.len())]
    } else {
        article.paragraphs[usize::from(headline.is_some())..].to_vec()
    };
    let body = move || {
        let cited = cite.get();
        marks.with(|(body_marks, _)| {
            paragraphs
                .iter()
                .map(|&paragraph| {
                    let marks: Vec<Span> = body_marks
                        .iter()
                        .copied()
                        .filter(|m| m.overlaps(paragraph))
                        .collect();
                    let cited = cited.filter(|c| c.overlaps(paragraph));
                    let mentions = mentions
                        .iter()
                        .copied()
                        .filter(|m| m.span.overlaps(paragraph))
                        .collect();
                    view! {
                        <p>
                            <MentionText
                                text=text
                                within=paragraph
                                mentions=mentions
                                marks=marks
                                cited=cited
                            />
                        </p>
                    }
                })
                .collect_view()
        })
    };
    let title = move || {
        let marks = marks.with(|(_, title_marks)| title_marks.clone());
        view! {
            <MarkedText text=&article.title within=Span::new(0, article.title.len()) marks=marks />
        }
    };
    // Matches in a headline opening the text are the title's, shown and counted there.
    let story = article.story_start() as u32;
    let match_count = Signal::derive(move || {
        marks.with(|(body, title)| body.iter().filter(|m| m.start >= story).count() + title.len())
    });
    let query = Signal::derive(move || state.query.get());
    let match_note = move || {
        (!state.query.with(|q| q.trim().is_empty()))
            .then(|| view! { <MatchNav count=match_count query=query /> })
    };
    let back_label = move || {
        if state.query.with(|q| q.trim().is_empty()) {
            "Back to overview"
        } else {
            "Back to results"
        }
    };
    // Only web addresses become links: a `javascript:` URL in metadata must not.
    let url = article
        .url
        .as_deref()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"));

    view! {
        <article id="reader" class="reader" aria-labelledby=READER_TITLE_ID data-doc=&*article.id>
            <nav class="reader-nav" aria-label="Article">
                <button
                    type="button"
                    id="close-reader"
                    aria-keyshortcuts="Escape"
                    on:click=move |_| crate::shortcuts::close_reader(state)
                >
                    "← "
                    {back_label}
                </button>
            </nav>
            <h1 id=READER_TITLE_ID tabindex="-1">{title}</h1>
            <p class="reader-meta">
                <DocDate date=article.date time=article.time.as_deref() class="reader-date" />
                {article.source.as_deref().map(|s| view! { <span class="reader-source">{s}</span> })}
                {url.map(|u| {
                    view! {
                        <a class="reader-url" href=u rel="noopener noreferrer">
                            "Original article"
                        </a>
                    }
                })}
                <span class="reader-id">
                    <code>{&*article.id}</code>
                </span>
            </p>
            {match_note}
            {(!mentions_empty).then(|| view! { <MentionLegend /> })}
            <div class="reader-body">{body}</div>
            <RemovedText removed=&article.removed />
        </article>
    }
}
