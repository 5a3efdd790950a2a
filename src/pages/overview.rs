//! The overview's own parts, shown when nothing is typed: the corpus, its size and date
//! range, and its articles by date (a page at a time), grouped by year, undated last. The
//! facet panel beside them, whose filters browse the corpus without a query, and the timeline
//! strip above the articles are the browsing layout's (`browse.rs`), shared with the results.

use communique_core::{DocId, Documents};
use leptos::prelude::*;

use crate::bundle;
use crate::components::app_link::AppLink;
use crate::components::doc_date::DocDate;
use crate::components::show_more::ShowMore;
use crate::format;
use crate::state::Route;

/// Articles the overview lists at first, and adds at each "Show more": about five screens.
/// The first view of a large archive is built before the page can be used, and its rows stay
/// in the page, hidden, while results show; 100 rows were twice the work for no more to see.
const OVERVIEW_PAGE: usize = 50;

/// The overview's heading: `h1#overview-title.corpus-title`, the description and
/// `.corpus-stats`, or a note that the corpus is empty.
#[component]
pub fn OverviewHeading() -> impl IntoView {
    let corpus = bundle::corpus();
    let title = match corpus.meta.title.as_str() {
        "" => "Untitled corpus",
        title => title,
    };
    let dates = corpus
        .documents
        .sources_and_dates()
        .filter_map(|(_, date)| date);
    let range = format::date_range(dates);
    let stats = match range {
        Some(range) => format!(
            "{} · {range}",
            format::count_of(corpus.documents.len(), "article", "articles")
        ),
        None => format::count_of(corpus.documents.len(), "article", "articles"),
    };
    let empty = corpus.documents.is_empty().then(|| {
        view! {
            <p class="overview-empty">
                "The corpus folder gave no articles. The compile report says what became of each file."
            </p>
        }
    });
    view! {
        <h1 id="overview-title" class="corpus-title">{title}</h1>
        {(!corpus.meta.description.is_empty())
            .then(|| view! { <p class="corpus-description">{corpus.meta.description.as_str()}</p> })}
        <p class="corpus-stats">{stats}</p>
        {empty}
    }
}

/// The articles newest first, one list per year, then the undated ones, [`OVERVIEW_PAGE`]
/// at a time.
#[component]
pub fn OverviewArticles() -> impl IntoView {
    let documents = &bundle::corpus().documents;
    // The newest articles first, a page at a time: a large corpus would otherwise
    // build tens of thousands of rows before the page can be used. A year's articles are
    // put newest first when the list first reaches them.
    let years = std::cell::RefCell::new(by_year(documents));
    let total = documents.len();
    let shown = RwSignal::new(OVERVIEW_PAGE);
    let groups = move || {
        let mut left = shown.get();
        years
            .borrow_mut()
            .iter_mut()
            .map_while(|(year, docs, sorted)| {
                let take = docs.len().min(left);
                left -= take;
                if take == 0 {
                    return None;
                }
                if !*sorted {
                    newest_first(docs, documents);
                    *sorted = true;
                }
                let heading = year.map_or(format::UNDATED.to_string(), |y| y.to_string());
                let label = heading.clone();
                Some(view! {
                    <section class="year-group" aria-label=label>
                        <h2 class="year-heading">{heading}</h2>
                        <ul class="doc-list">
                            {docs[..take].iter().map(|&doc| view! { <DocEntry doc=doc /> }).collect_view()}
                        </ul>
                    </section>
                })
            })
            .collect_view()
    };
    view! {
        {groups}
        <ShowMore shown=shown step=OVERVIEW_PAGE total=Signal::derive(move || total) />
    }
}

/// One article in the overview list: its title as a link to the reader, its
/// date and its source.
#[component]
fn DocEntry(
    /// The article's index in the corpus.
    doc: DocId,
) -> impl IntoView {
    let doc = &bundle::corpus().documents[doc as usize];
    view! {
        <li class="doc-entry">
            <AppLink to=Route::default().with_doc(&doc.id) class="doc-title">
                {&*doc.title}
            </AppLink>
            <span class="doc-meta">
                <DocDate date=doc.date class="doc-date" />
                {doc.source.as_deref().map(|s| view! { <span class="doc-source">{s}</span> })}
            </span>
        </li>
    }
}

/// The documents grouped by year, newest year first, with the undated ones last under
/// `None`; within a year in corpus order, each with `false`: not yet put newest first
/// ([`newest_first`]). Only the years the overview reaches are sorted: sorting every
/// document by date took 50 ms of the page's start at 100,000 articles.
pub fn by_year(documents: &Documents) -> Vec<(Option<i32>, Vec<DocId>, bool)> {
    // Newest year first; `None` (undated) compares lowest and so lands last. The undated
    // group is in order already (corpus order is what `newest_first` leaves equal dates in),
    // so it is marked sorted: an archive without dates (9,684 articles of the bench corpus)
    // was sorted whole at start for nothing: 16-46 ms of a first load in a fresh browser.
    let mut groups: Vec<(Option<i32>, Vec<DocId>, bool)> = Vec::new();
    for doc in 0..documents.len() {
        let year = documents.date(doc).map(|d| d.year);
        let at = groups.partition_point(|(other, _, _)| *other > year);
        match groups.get_mut(at) {
            Some((other, docs, _)) if *other == year => docs.push(doc as DocId),
            _ => groups.insert(at, (year, vec![doc as DocId], year.is_none())),
        }
    }
    groups
}

/// Puts one year's `docs` newest first by the last day a date may denote, so "2016" sorts
/// with the end of 2016; equal dates keep corpus order.
pub fn newest_first(docs: &mut [DocId], documents: &Documents) {
    communique_core::sort::sort_by_key(docs, |&doc| {
        std::cmp::Reverse(documents.date(doc as usize).map(|d| d.last_day()))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use communique_core::{Document, PartialDate};

    /// Groups documents dated by `dates` (ISO or "" for undated) and compares
    /// with `(year, indices)` groups.
    fn check(dates: &[&str], expect: &[(Option<i32>, &[DocId])]) {
        let documents: Documents = dates
            .iter()
            .map(|d| Document {
                date: PartialDate::parse_iso(d),
                ..Document::default()
            })
            .collect::<Vec<_>>()
            .into();
        let got: Vec<(Option<i32>, Vec<DocId>)> = by_year(&documents)
            .into_iter()
            .map(|(year, mut docs, sorted)| {
                // Only the undated group is marked sorted, and it is in the order a sort gives.
                let before = docs.clone();
                newest_first(&mut docs, &documents);
                assert_eq!(sorted, year.is_none(), "{year:?} marked sorted: {sorted}");
                assert!(
                    !sorted || docs == before,
                    "{year:?} out of order: {before:?}"
                );
                (year, docs)
            })
            .collect();
        let expect: Vec<(Option<i32>, Vec<DocId>)> =
            expect.iter().map(|(y, ids)| (*y, ids.to_vec())).collect();
        assert_eq!(got, expect, "{dates:?}");
    }

    #[test]
    fn newest_year_first_undated_last() {
        check(&[], &[]);
        check(
            &[
                "2016-09-14",
                "2016-02",
                "",
                "2019-01-28",
                "2014-11-28",
                "2022-01-19",
            ],
            &[
                (Some(2022), &[5]),
                (Some(2019), &[3]),
                (Some(2016), &[0, 1]),
                (Some(2014), &[4]),
                (None, &[2]),
            ],
        );
        // A year-only date sorts at its year's end; equal dates keep corpus order.
        check(
            &["", "2016-03-01", "2016", "2016-03-01", ""],
            &[(Some(2016), &[2, 1, 3]), (None, &[0, 4])],
        );
    }
}
