//! End-to-end tests of the explorer on the default corpus (`corpus/`), through the page's DOM and
//! URL contract: `input#search`, `#result-count`, `#results .result[data-doc]`, `article#reader`,
//! `section#overview`, `section#report`, and the `q`, `doc`, `sort` and `view` query parameters.
//!
//! Each test saves a screenshot to `target/e2e-screenshots/<test name>.png`. Expected documents
//! are read from the corpus folder or the page itself wherever possible, not written down here.

use std::collections::BTreeSet;

use communique_e2e::{ensure, normalize, repo_root, run_test, Outcome, Page};
use fantoccini::key::Key;

/// The article that mentions Ali Akbar Velayati (the default corpus's `001_…` file).
const VELAYATI_DOC: &str = "001_062efcb31f6393b3";
/// The article that mentions Reshetnikov.
const RESHETNIKOV_DOC: &str = "000_7232237f068ca451";

/// The document ids of the default corpus: file names without extension (the model's rule).
fn corpus_ids() -> Vec<String> {
    let dir = repo_root().join("corpus");
    let mut ids: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "txt").then(|| path.file_stem()?.to_str().map(String::from))?
        })
        .collect();
    ids.sort();
    ids
}

/// The number a `#result-count` text states: `3 results` → 3, `1 result` → 1, `No results` → 0.
fn stated_count(text: &str) -> Option<usize> {
    let text = normalize(text);
    if text.starts_with("no result") {
        return Some(0);
    }
    text.split(' ').next()?.replace(',', "").parse().ok()
}

/// Types `query` into the search box of the open page and waits until the page shows results for
/// it: the URL's `q` says so, and `#result-count` agrees with the items in `#results`. Returns
/// the documents in the order shown.
async fn search(page: &Page, query: &str) -> Outcome<Vec<String>> {
    page.replace_text("input#search", query).await?;
    results_for(page, query).await
}

/// Waits until the page shows the results of `query` and returns their documents in order.
async fn results_for(page: &Page, query: &str) -> Outcome<Vec<String>> {
    page.wait_until(&format!("the results of {query:?}"), async || {
        let q = page.query_param("q").await?;
        if q.as_deref() != Some(query) {
            return Ok(Err(format!("URL q={q:?}")));
        }
        let count = page.text("#result-count").await?;
        let docs = page.attrs("#results .result", "data-doc").await?;
        match stated_count(&count) {
            Some(n) if n == docs.len() => Ok(Ok(docs)),
            _ => Ok(Err(format!(
                "#result-count {count:?} with {} items",
                docs.len()
            ))),
        }
    })
    .await
}

/// The highlighted words inside `css`, normalised.
async fn marks(page: &Page, css: &str) -> Outcome<Vec<String>> {
    Ok(page
        .texts(&format!("{css} mark"))
        .await?
        .iter()
        .map(|mark| normalize(mark))
        .collect())
}

/// Waits for the reader to show `doc` with its title and returns the title.
async fn reader_shows(page: &Page, doc: &str) -> Outcome<String> {
    page.wait_for("article#reader").await?;
    let shown = page.query_param("doc").await?;
    ensure!(
        shown.as_deref() == Some(doc),
        "the reader is open on doc={shown:?}, expected {doc}"
    );
    let title = page.text("article#reader h1").await?;
    ensure!(!title.trim().is_empty(), "the reader's h1 is empty");
    let body = page.text("article#reader .reader-body").await?;
    ensure!(
        !body.trim().is_empty(),
        "the reader's .reader-body is empty"
    );
    // The headline opens the document's text; the reader shows it once, as the heading.
    let first = page.text("article#reader .reader-body p").await?;
    ensure!(
        normalize(&first) != normalize(&title),
        "the reader shows the headline {title:?} again as the first paragraph"
    );
    Ok(title)
}

#[tokio::test]
async fn search_ranks_the_matching_article_first_with_highlights() {
    run_test("search_velayati", async |page: &Page| {
        page.visit("").await?;
        let docs = search(page, "Velayati").await?;
        ensure!(
            docs.first().map(String::as_str) == Some(VELAYATI_DOC),
            "expected {VELAYATI_DOC} first, got {docs:?}"
        );
        let first = format!("#results .result[data-doc='{VELAYATI_DOC}']");
        let highlighted = marks(page, &format!("{first} .snippet")).await?;
        ensure!(
            highlighted.iter().any(|mark| mark.contains("velayati")),
            "the snippet highlights {highlighted:?}, not Velayati"
        );
        let href = page
            .attrs(&format!("{first} a.result-title"), "href")
            .await?;
        ensure!(
            href.first().is_some_and(
                |href| href.contains(&format!("doc={VELAYATI_DOC}")) && href.contains("q=")
            ),
            "a.result-title should link to ?q=…&doc={VELAYATI_DOC}, has href {href:?}"
        );
        for part in [".result-date", ".result-source"] {
            ensure!(
                page.find(&format!("{first} {part}")).await?.is_some(),
                "the result has no {part}"
            );
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn opening_a_result_shows_the_reader_with_highlights() {
    run_test("open_result", async |page: &Page| {
        page.visit("?q=Velayati").await?;
        results_for(page, "Velayati").await?;
        page.click(&format!(
            "#results .result[data-doc='{VELAYATI_DOC}'] a.result-title"
        ))
        .await?;
        reader_shows(page, VELAYATI_DOC).await?;
        let highlighted = marks(page, "article#reader .reader-body").await?;
        ensure!(
            highlighted.iter().any(|mark| mark.contains("velayati")),
            "the reader highlights {highlighted:?}, not Velayati"
        );
        let meta = page.text("article#reader .reader-meta").await?;
        ensure!(
            !meta.trim().is_empty(),
            "the reader's .reader-meta is empty"
        );
        page.wait_for("article#reader .reader-body p").await?;
        if page.find("button#show-removed").await?.is_some() {
            page.click("button#show-removed").await?;
            let removed = page.wait_for("#removed-text").await?;
            ensure!(
                removed.is_displayed().await?,
                "#removed-text is not visible after pressing button#show-removed"
            );
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn next_and_previous_step_through_the_reader_matches() {
    run_test("match_nav", async |page: &Page| {
        page.visit(&format!("?q=Moscow&doc={VELAYATI_DOC}")).await?;
        reader_shows(page, VELAYATI_DOC).await?;
        let total = page
            .find_all("#reader-title mark, #reader .reader-body mark")
            .await?
            .len();
        ensure!(total >= 2, "only {total} marks for Moscow to step through");
        let count = page.text("#reader .reader-matches .match-count").await?;
        ensure!(
            count.starts_with(&format!("{total} matches")),
            "the reader says {count:?} for {total} marks"
        );
        page.click("button#next-match").await?;
        match_position_is(page, 1, total).await?;
        page.press('n').await?;
        match_position_is(page, 2, total).await?;
        page.press('N').await?;
        match_position_is(page, 1, total).await?;
        // Before the first match comes the last.
        page.click("button#previous-match").await?;
        match_position_is(page, total, total).await?;
        let current = page.find_all("#reader mark.current").await?.len();
        ensure!(current == 1, "{current} marks are current, not one");
        Ok(())
    })
    .await;
}

/// Waits until the reader says "Match AT of TOTAL" and marks that match (1-based) as current.
async fn match_position_is(page: &Page, at: usize, total: usize) -> Outcome {
    let expect = format!("Match {at} of {total}");
    page.wait_until(&expect, async || {
        let status = page.text("#reader .match-position").await?;
        let marks = page
            .find_all("#reader-title mark, #reader .reader-body mark")
            .await?;
        let mut current = Vec::new();
        for (i, mark) in marks.iter().enumerate() {
            let class = mark.attr("class").await?.unwrap_or_default();
            if class.split_whitespace().any(|c| c == "current") {
                current.push(i + 1);
            }
        }
        Ok(if status.trim() == expect && current == [at] {
            Ok(())
        } else {
            Err(format!("status {status:?}, current marks {current:?}"))
        })
    })
    .await
}

#[tokio::test]
async fn a_deep_link_reopens_the_reader_after_reload() {
    run_test("deep_link_reload", async |page: &Page| {
        page.visit(&format!("?q=Velayati&doc={VELAYATI_DOC}"))
            .await?;
        let title = reader_shows(page, VELAYATI_DOC).await?;
        page.reload().await?;
        let again = reader_shows(page, VELAYATI_DOC).await?;
        ensure!(
            title == again,
            "the title changed on reload: {title:?} then {again:?}"
        );
        let highlighted = marks(page, "article#reader .reader-body").await?;
        ensure!(
            highlighted.iter().any(|mark| mark.contains("velayati")),
            "after reload the reader highlights {highlighted:?}, not Velayati"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn back_returns_from_the_reader_to_the_results() {
    run_test("back_button", async |page: &Page| {
        page.visit("").await?;
        let before = search(page, "Velayati").await?;
        page.click(&format!(
            "#results .result[data-doc='{VELAYATI_DOC}'] a.result-title"
        ))
        .await?;
        reader_shows(page, VELAYATI_DOC).await?;
        page.back().await?;
        page.wait_gone("article#reader").await?;
        let after = results_for(page, "Velayati").await?;
        ensure!(
            before == after,
            "results before {before:?}, after back {after:?}"
        );
        let doc = page.query_param("doc").await?;
        ensure!(doc.is_none(), "after back the URL still has doc={doc:?}");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn typing_keeps_what_the_overview_and_the_results_share() {
    run_test("overview_to_results", async |page: &Page| {
        page.visit("").await?;
        // The overview shows the corpus's visits in the timeline strip, as the results do.
        page.wait_for("section#overview .timeline-strip .tl-mark")
            .await?;
        page.screenshot("overview_strip").await?;
        // Tag the parts the overview and the results share, and the overview's articles: a
        // part built anew by the first key or by clearing the query loses its tag.
        let tag = r#"
for (const css of ['.facet-panel', '.timeline-strip', '.doc-list']) {
  document.querySelector(css).dataset.kept = 'yes';
}
"#;
        page.script(tag, Vec::new()).await?;
        page.replace_text("input#search", "Tehran").await?;
        page.wait_for("#results .result").await?;
        page.wait_gone("section#overview").await?;
        let hidden = r#"
return [...document.querySelectorAll('.overview-part')].every(part => part.hidden)
  && !document.querySelector('.results-part').hidden;
"#;
        ensure!(
            page.script(hidden, Vec::new()).await? == true,
            "the results show while the overview's parts are hidden"
        );
        let kept = r#"
return ['.facet-panel', '.timeline-strip', '.doc-list']
  .filter(css => document.querySelector(css)?.dataset.kept !== 'yes');
"#;
        let rebuilt = page.script(kept, Vec::new()).await?;
        ensure!(
            rebuilt == serde_json::json!([]),
            "the first key rebuilt {rebuilt}"
        );
        let clear = r#"
const box = document.getElementById('search');
box.value = '';
box.dispatchEvent(new Event('input', { bubbles: true }));
"#;
        page.script(clear, Vec::new()).await?;
        page.wait_for("section#overview").await?;
        let rebuilt = page.script(kept, Vec::new()).await?;
        ensure!(
            rebuilt == serde_json::json!([]),
            "clearing the query rebuilt {rebuilt}"
        );
        let shown = r#"
return [...document.querySelectorAll('.overview-part')].every(part => !part.hidden)
  && document.querySelector('.results-part').hidden
  && !document.querySelector('#results');
"#;
        ensure!(
            page.script(shown, Vec::new()).await? == true,
            "the overview shows again, and the results are gone"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_address_keeps_the_whole_query_when_a_link_follows_typing_at_once() {
    run_test("typing_then_link", async |page: &Page| {
        page.visit("").await?;
        // The address is written once typing pauses (`state.rs`): a link followed before then
        // must still leave the whole query behind it, so back returns to it.
        let typed = page
            .script(
                r#"
return (async () => {
const box = document.getElementById('search');
for (const value of ['Teh', 'Tehran']) {
  box.value = value;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise(done => setTimeout(done, 0));
}
const before = location.search;
document.getElementById('report-link').click();
return before;
})();
"#,
                Vec::new(),
            )
            .await?;
        page.wait_for("section#report").await?;
        page.back().await?;
        page.wait_gone("section#report").await?;
        let q = page.query_param("q").await?;
        ensure!(
            q.as_deref() == Some("Tehran"),
            "back from the report shows q={q:?} (the address before the link: {typed})"
        );
        let value = page
            .script(
                "return document.getElementById('search').value;",
                Vec::new(),
            )
            .await?;
        ensure!(value == "Tehran", "the search box holds {value}");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_keyboard_alone_finds_opens_and_closes_an_article() {
    run_test("keyboard", async |page: &Page| {
        page.visit("").await?;
        page.press('/').await?;
        let focused = page.focused_id().await?;
        ensure!(
            focused == "search",
            "`/` focused #{focused:?}, not input#search"
        );
        page.type_into("input#search", "Russia").await?;
        let docs = results_for(page, "Russia").await?;
        ensure!(
            docs.len() >= 2,
            "expected several results for Russia, got {docs:?}"
        );
        for (key, active) in [(Key::Down, 0), (Key::Down, 1), (Key::Up, 0)] {
            page.press(key.into()).await?;
            let expected = docs[active].clone();
            page.wait_until(&format!("result {active} to be active"), async || {
                let selected = page
                    .attrs("#results .result[aria-current='true']", "data-doc")
                    .await?;
                if selected == [expected.clone()] {
                    Ok(Ok(()))
                } else {
                    Ok(Err(format!("active results {selected:?}")))
                }
            })
            .await?;
        }
        page.press(Key::Enter.into()).await?;
        reader_shows(page, &docs[0]).await?;
        page.press(Key::Escape.into()).await?;
        page.wait_gone("article#reader").await?;
        results_for(page, "Russia").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_phrase_finds_only_articles_with_those_words_in_order() {
    run_test("phrase", async |page: &Page| {
        let phrase = "strategic partnership";
        // What each article says, read from the reader (the clean text the index holds).
        let mut with_phrase = BTreeSet::new();
        let mut with_both_words = BTreeSet::new();
        for doc in corpus_ids() {
            page.visit(&format!("?doc={doc}")).await?;
            reader_shows(page, &doc).await?;
            let text = normalize(&page.text("article#reader").await?);
            if text.contains(phrase) {
                with_phrase.insert(doc.clone());
            }
            if phrase.split(' ').all(|word| text.contains(word)) {
                with_both_words.insert(doc);
            }
        }
        ensure!(!with_phrase.is_empty(), "no article contains {phrase:?}");
        page.visit("").await?;
        let quoted = format!("\"{phrase}\"");
        let found: BTreeSet<String> = search(page, &quoted).await?.into_iter().collect();
        ensure!(
            found == with_phrase,
            "{quoted} found {found:?}; the articles containing it are {with_phrase:?} \
             (articles with both words anywhere: {with_both_words:?})"
        );
        let highlighted = marks(page, "#results .snippet").await?;
        ensure!(
            !highlighted.is_empty()
                && highlighted
                    .iter()
                    .all(|mark| phrase.contains(mark.as_str()) || mark.contains(phrase)),
            "the snippets highlight {highlighted:?}, expected only the phrase's words"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn misspelt_names_still_find_their_article() {
    run_test("misspellings", async |page: &Page| {
        page.visit("").await?;
        for (typo, doc) in [("Velayatti", VELAYATI_DOC), ("Reshetnikv", RESHETNIKOV_DOC)] {
            let docs = search(page, typo).await?;
            ensure!(
                docs.first().map(String::as_str) == Some(doc),
                "{typo:?} should find {doc} first, found {docs:?}"
            );
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_overview_lists_every_article() {
    run_test("overview", async |page: &Page| {
        page.visit("").await?;
        page.wait_for("section#overview").await?;
        let title = page.text("section#overview .corpus-title").await?;
        ensure!(
            !title.trim().is_empty(),
            "the overview has an empty .corpus-title"
        );
        let ids = corpus_ids();
        let stats = normalize(&page.text("section#overview .corpus-stats").await?);
        let count = format!("{} articles", ids.len());
        ensure!(
            stats.contains(&count),
            ".corpus-stats says {stats:?}, expected {count:?}"
        );
        let links = page
            .attrs("section#overview a[href*='doc=']", "href")
            .await?;
        let listed: BTreeSet<String> = links.iter().filter_map(|href| doc_param(href)).collect();
        let expected: BTreeSet<String> = ids.into_iter().collect();
        ensure!(
            listed == expected,
            "the overview links to {listed:?}, expected {expected:?}"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_report_lists_every_input_file() {
    run_test("report", async |page: &Page| {
        page.visit("").await?;
        page.wait_for("a.brand-link[aria-current='page']").await?;
        page.click("a#report-link").await?;
        page.wait_for("section#report").await?;
        let view = page.query_param("view").await?;
        ensure!(
            view.as_deref() == Some("report"),
            "the URL says view={view:?}"
        );
        // The link to the page shown says so, and only that link (`mark_links_to_current`).
        page.wait_for("a#report-link[aria-current='page']").await?;
        let current = page.attrs("a[aria-current]", "href").await?;
        ensure!(current.len() == 1, "links marked current: {current:?}");
        let files = page.texts("section#report .report-file").await?;
        let ids = corpus_ids();
        // The settings file is an input too, and the report says what it did.
        let settings = repo_root().join("corpus/corpus.toml").is_file();
        let inputs = ids.len() + usize::from(settings);
        ensure!(
            files.len() == inputs,
            "{} .report-file entries for {inputs} input files",
            files.len()
        );
        ensure!(
            !settings
                || files
                    .iter()
                    .any(|file| file.contains("corpus.toml") && file.contains("Settings:")),
            "no .report-file says that corpus.toml holds the settings: {files:?}"
        );
        for id in &ids {
            let name = format!("{id}.txt");
            ensure!(
                files.iter().any(|file| file.contains(&name)),
                "no .report-file names {name}"
            );
        }
        // Narrowed to the files that need attention: those skipped or with a message.
        let attention: Vec<&String> = files
            .iter()
            .filter(|file| {
                ["Skipped:", "Warning:", "Error:"]
                    .iter()
                    .any(|word| file.contains(word))
            })
            .collect();
        let want = attention.len();
        // The default corpus has an undated article, whose file carries a warning.
        ensure!(want > 0, "no .report-file shows a skip, warning or error");
        page.click("input#report-attention").await?;
        let narrowed = page
            .wait_until(
                "the report narrowed to files that need attention",
                async || {
                    let now = page.texts("section#report .report-file").await?;
                    Ok(if now.len() == want {
                        Ok(now)
                    } else {
                        Err(format!("{} files listed, {want} need attention", now.len()))
                    })
                },
            )
            .await?;
        ensure!(
            narrowed.iter().zip(&attention).all(|(a, b)| a == *b),
            "narrowed to {narrowed:?}, expected {attention:?}"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn sorting_by_newest_keeps_the_results_and_records_it_in_the_url() {
    run_test("sort_newest", async |page: &Page| {
        page.visit("").await?;
        let by_relevance = search(page, "Iran").await?;
        let sort = page.wait_for("select#sort").await?;
        sort.select_by_value("newest").await?;
        page.wait_until("sort=newest in the URL", async || {
            match page.query_param("sort").await? {
                Some(sort) if sort == "newest" => Ok(Ok(())),
                other => Ok(Err(format!("sort={other:?}"))),
            }
        })
        .await?;
        let by_date = results_for(page, "Iran").await?;
        let (a, b): (BTreeSet<_>, BTreeSet<_>) =
            (by_relevance.iter().collect(), by_date.iter().collect());
        ensure!(
            a == b,
            "sorting changed which articles match: {by_relevance:?} vs {by_date:?}"
        );
        Ok(())
    })
    .await;
}

/// The `doc` parameter of a link's address (relative or absolute).
fn doc_param(href: &str) -> Option<String> {
    let query = href.split_once('?')?.1;
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(key, _)| key == "doc")
        .map(|(_, value)| value.into_owned())
}

#[test]
fn reads_counts_and_links() {
    assert_eq!(stated_count("3 results"), Some(3));
    assert_eq!(stated_count("1 result"), Some(1));
    assert_eq!(stated_count("No results"), Some(0));
    assert_eq!(stated_count("1,204 results"), Some(1204));
    assert_eq!(stated_count("Searching…"), None);
    assert_eq!(doc_param("./?q=Iran&doc=001_x"), Some("001_x".into()));
    assert_eq!(doc_param("?q=Iran"), None);
}
