//! End-to-end tests of the visits timeline on the default corpus, through its DOM and URL
//! contract: `?view=timeline`, `#visit-count` ("5 visits (1 undated)"), `.tl-mark[data-visit]`
//! (one per dated visit, `id=tl-mark-N` in date order), `.tl-tooltip`, `section.visit-card` with
//! `.visit-evidence-link`s to the reader (`doc`, `s`), `.undated-visit`, the compact strip
//! `section.timeline-strip` above search results, and the `from`/`to` parameters set by a drag.
//!
//! Expected numbers come from the page's own count, and names from the evidence sentences
//! themselves, so the tests follow the compiler's extraction rather than a copy of it.

use communique_e2e::{ensure, normalize, run_test, Outcome, Page};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::key::Key;

/// The numbers `#visit-count` states: `5 visits (1 undated)` → (5, 1), `1 visit` → (1, 0).
fn stated_counts(text: &str) -> Option<(usize, usize)> {
    let text = normalize(text);
    if text.starts_with("no visits") {
        return Some((0, 0));
    }
    let mut words = text.split(' ');
    let all = words.next()?.replace(',', "").parse().ok()?;
    let undated = match text.split_once('(') {
        Some((_, rest)) => rest.split(' ').next()?.parse().ok()?,
        None => 0,
    };
    Some((all, undated))
}

/// Opens the timeline and waits until the marks agree with `#visit-count`; returns (all, undated).
async fn open_timeline(page: &Page, query: &str) -> Outcome<(usize, usize)> {
    page.visit(&format!("?view=timeline{query}")).await?;
    page.wait_until("the timeline's marks to match #visit-count", async || {
        let count = page.text("#visit-count").await?;
        let marks = page.find_all(".timeline-page .tl-mark").await?.len();
        let undated = page.find_all(".undated-visit").await?.len();
        match stated_counts(&count) {
            Some((all, u)) if all == marks + undated && u == undated => Ok(Ok((all, u))),
            other => Ok(Err(format!(
                "count {count:?} ({other:?}), {marks} marks, {undated} undated"
            ))),
        }
    })
    .await
}

/// Presses `key` on the focused element.
async fn press_key(page: &Page, key: Key) -> Outcome {
    let c: char = key.into();
    page.press(c).await
}

#[tokio::test]
async fn the_timeline_shows_every_visit_with_tooltips_and_cards() {
    run_test("timeline_cards", async |page: &Page| {
        let (all, undated) = open_timeline(page, "").await?;
        ensure!(
            all >= 4,
            "the default corpus has at least 4 visits, the page says {all}"
        );
        ensure!(
            undated >= 1,
            "the default corpus has an undated visit (Raisi's)"
        );
        // The undated visit is listed beside the chart, not dropped.
        let undated_texts = page.texts(".undated-visit").await?;
        ensure!(
            undated_texts.iter().any(|t| t.contains("Raisi")),
            "undated visits listed: {undated_texts:?}"
        );
        // Hovering Velayati's Moscow visit shows who went where and when.
        let labels = page.attrs(".tl-mark", "aria-label").await?;
        let velayati = labels
            .iter()
            .position(|l| l.contains("Velayati") && l.contains("Moscow"))
            .ok_or(format!(
                "no mark for Velayati's Moscow visit among {labels:?}"
            ))?;
        let marks = page.find_all(".tl-mark").await?;
        let mark = marks[velayati].clone();
        let hover = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
            element: mark.clone(),
            duration: None,
            x: 0.0,
            y: 0.0,
        });
        page.client().perform_actions(hover).await?;
        let tooltip = page.wait_for(".tl-tooltip").await?.text().await?;
        ensure!(
            tooltip.contains("Ali Akbar Velayati")
                && tooltip.contains("Moscow")
                && tooltip.contains("2016"),
            "tooltip: {tooltip:?}"
        );
        // A click opens the card with the evidence sentences.
        mark.click().await?;
        let card = page.wait_for(".visit-card").await?.text().await?;
        ensure!(card.contains("Velayati"), "card: {card:?}");
        let links = page.find_all(".visit-card .visit-evidence-link").await?;
        ensure!(!links.is_empty(), "the card lists no evidence");
        let sentence = links[0].text().await?;
        let href = links[0].attr("href").await?.unwrap_or_default();
        ensure!(
            href.contains("doc=") && href.contains("s="),
            "the evidence links to its sentence: {href}"
        );
        // The link opens the reader with that sentence marked.
        links[0].click().await?;
        page.wait_for("article#reader").await?;
        let cited = page.wait_for(".cited").await?.text().await?;
        ensure!(
            normalize(&cited) == normalize(&sentence),
            "reader marks {cited:?}, the card showed {sentence:?}"
        );
        ensure!(
            page.query_param("s").await?.is_some(),
            "the reader URL keeps s"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn marks_are_keyboard_operable_in_date_order() {
    run_test("timeline_keyboard", async |page: &Page| {
        let (all, undated) = open_timeline(page, "").await?;
        ensure!(all - undated >= 2, "need two dated visits to move between");
        page.script("document.getElementById('tl-mark-0').focus()", vec![])
            .await?;
        press_key(page, Key::Right).await?;
        ensure!(
            page.focused_id().await? == "tl-mark-1",
            "→ moves to the next visit"
        );
        press_key(page, Key::Left).await?;
        ensure!(page.focused_id().await? == "tl-mark-0", "← moves back");
        let tooltip = page.wait_for(".tl-tooltip").await?.text().await?;
        ensure!(!tooltip.is_empty(), "focus shows the tooltip");
        press_key(page, Key::Enter).await?;
        let visit = page.attrs("#tl-mark-0", "data-visit").await?;
        let card = page.attrs(".visit-card", "data-visit").await?;
        ensure!(
            card == visit,
            "Enter opens the focused visit's card: {card:?} vs {visit:?}"
        );
        Ok(())
    })
    .await;
}

/// Drags across `.tl-svg` inside `scope` from `from` to `to`, as shares of its width.
async fn brush(page: &Page, scope: &str, from: f64, to: f64) -> Outcome {
    let svg = page.wait_for(&format!("{scope} .tl-svg")).await?;
    let (_, _, width, _) = svg.rectangle().await?;
    let at = |share: f64| (share - 0.5) * width;
    let drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: svg.clone(),
            duration: None,
            x: at(from),
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveBy {
            duration: None,
            x: (at(to) - at(from)) / 2.0,
            y: 0.0,
        })
        .then(PointerAction::MoveBy {
            duration: None,
            x: (at(to) - at(from)) / 2.0,
            y: 0.0,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    page.client().perform_actions(drag).await?;
    Ok(())
}

#[tokio::test]
async fn a_brush_filters_the_results_and_survives_a_reload() {
    run_test("timeline_brush", async |page: &Page| {
        page.visit("?q=Iran").await?;
        page.wait_for(".timeline-strip .tl-mark").await?;
        let before = page.find_all("#results .result").await?.len();
        let marks_before = page.find_all(".timeline-strip .tl-mark").await?.len();
        // The left half of the axis: the corpus's visits run 2016–2019.
        brush(page, ".timeline-strip", 0.01, 0.5).await?;
        let (from, to) = page
            .wait_until("from and to in the URL", async || {
                match (
                    page.query_param("from").await?,
                    page.query_param("to").await?,
                ) {
                    (Some(from), Some(to)) => Ok(Ok((from, to))),
                    other => Ok(Err(format!("{other:?}"))),
                }
            })
            .await?;
        ensure!(from < to, "from {from} should precede to {to}");
        let after = page
            .wait_until("the results to narrow", async || {
                let n = page.find_all("#results .result").await?.len();
                Ok(if n < before {
                    Ok(n)
                } else {
                    Err(format!("{n} results"))
                })
            })
            .await?;
        ensure!(
            after > 0,
            "the first half of the axis holds the 2016 articles"
        );
        let marks_after = page.find_all(".timeline-strip .tl-mark").await?.len();
        ensure!(
            marks_after < marks_before,
            "the 2019 visit leaves the strip: {marks_before} → {marks_after}"
        );
        ensure!(
            page.find(".timeline-strip .tl-brush").await?.is_some(),
            "the range is shaded"
        );
        // A reload of the URL gives the same view.
        page.reload().await?;
        page.wait_for(".timeline-strip .tl-brush").await?;
        let reloaded = page.find_all("#results .result").await?.len();
        ensure!(
            reloaded == after,
            "after reload {reloaded} results, before {after}"
        );
        ensure!(
            page.query_param("from").await?.as_deref() == Some(from.as_str()),
            "from kept"
        );
        // The timeline view follows the same range, and clearing it restores every visit.
        let query = format!("&q=Iran&from={from}&to={to}");
        let (narrowed, _) = open_timeline(page, &query).await?;
        page.click(".timeline-page .tl-clear-range").await?;
        let all = page
            .wait_until("the range to clear", async || {
                let count = page.text("#visit-count").await?;
                let from = page.query_param("from").await?;
                match stated_counts(&count) {
                    Some((n, _)) if from.is_none() && n > narrowed => Ok(Ok(n)),
                    other => Ok(Err(format!("{other:?}, from={from:?}"))),
                }
            })
            .await?;
        ensure!(all > narrowed, "{all} > {narrowed}");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_export_downloads_the_visits_shown() {
    run_test("timeline_export", async |page: &Page| {
        let (all, _) = open_timeline(page, "").await?;
        let files = page.downloads(&[".export-json", ".export-csv"]).await?;
        ensure!(files.len() == 2, "two downloads: {files:?}");
        let (json_name, json_text) = &files[0];
        ensure!(json_name == "visits.json", "{json_name}");
        let records: serde_json::Value = serde_json::from_str(json_text)
            .map_err(|err| communique_e2e::Failure(format!("JSON export: {err}")))?;
        let records = records.as_array().cloned().unwrap_or_default();
        ensure!(
            records.len() == all,
            "{} records for {all} visits",
            records.len()
        );
        for field in communique_core::export::VisitOut::FIELDS {
            ensure!(records[0].get(field).is_some(), "JSON record lacks {field}");
        }
        let (csv_name, csv_text) = &files[1];
        ensure!(csv_name == "visits.csv", "{csv_name}");
        ensure!(csv_text.lines().count() == all + 1, "CSV: {csv_text}");
        let header = communique_core::export::VisitOut::FIELDS.join(",");
        ensure!(
            csv_text.lines().next() == Some(header.as_str()),
            "CSV header: {csv_text}"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_timeline_at_375_and_1280_px_light_and_dark() {
    run_test("timeline_sizes", async |page: &Page| {
        for (width, height) in [(1280u32, 900u32), (375, 800)] {
            for scheme in ["light", "dark"] {
                page.size_and_scheme((width, height), scheme).await?;
                open_timeline(page, "").await?;
                page.click(".timeline-page .tl-mark").await?;
                page.wait_for(".visit-card").await?;
                // Nothing sticks out sideways at this width.
                page.fits_width(width).await?;
                // Every tick label lies inside the chart, the last one included.
                let clipped = page
                    .script(
                        "const box = document.querySelector('.timeline-page .tl-svg').getBoundingClientRect();
                         return [...document.querySelectorAll('.timeline-page .tl-tick text')]
                           .filter(t => { const r = t.getBoundingClientRect();
                                          return r.left < box.left - 0.5 || r.right > box.right + 0.5; })
                           .map(t => t.textContent);",
                        vec![],
                    )
                    .await?;
                ensure!(
                    clipped.as_array().is_some_and(|labels| labels.is_empty()),
                    "at {width} px these tick labels leave the chart: {clipped}"
                );
                page.screenshot(&format!("timeline_{width}_{scheme}")).await?;
                page.visit("?q=Moscow").await?;
                page.wait_for(".timeline-strip .tl-mark").await?;
                page.screenshot(&format!("timeline_strip_{width}_{scheme}")).await?;
            }
        }
        Ok(())
    })
    .await;
}
