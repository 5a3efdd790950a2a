//! End-to-end tests of the entity features on the default corpus (`corpus/`): the facet panel
//! (`aside#facets`, `fieldset.facet-group[data-facet]`, checkboxes `input[data-key]`), the filter
//! chips (`.filter-chips button.chip[data-param][data-key]`, `#clear-filters`), the filter URL
//! parameters (`person`, `place`, … from core's facet module), the reader's mentions
//! (`.mention a[data-entity]`) and the entity page (`?view=entity&id=…`, `article#entity`).
//!
//! Each test saves screenshots to `target/e2e-screenshots/`; the last test also shows the views
//! at 375 px and in the dark scheme. Expected documents come from the brief's examples (the
//! article naming Velayati) and from the page itself (counts shown before a click must match
//! the results after it).

use std::collections::BTreeSet;

use communique_e2e::{ensure, normalize, run_test, Outcome, Page};

/// The article that mentions Ali Akbar Velayati.
const VELAYATI_DOC: &str = "001_062efcb31f6393b3";
/// The two articles that mention Hossein Jaberi Ansari.
const JABERI_DOCS: [&str; 2] = ["000_7232237f068ca451", "002_7850ec27218cba1f"];
/// Of the articles above, the one that also names Libya.
const LIBYA_DOC: &str = "002_7850ec27218cba1f";
const VELAYATI: &str = "person/ali-akbar-velayati";
const JABERI: &str = "person/hossein-jaberi-ansari";
const LIBYA: &str = "place/libya";
const MOSCOW: &str = "place/moscow";

/// The facet value checkbox of `key` in the facet with URL parameter `param`.
fn checkbox(param: &str, key: &str) -> String {
    format!("#facets fieldset[data-facet='{param}'] input[data-key='{key}']")
}

/// The number at the start of `#result-count` (`3 results` → 3, `No results` → 0).
fn stated_count(text: &str) -> Option<usize> {
    let text = normalize(text);
    if text.starts_with("no result") {
        return Some(0);
    }
    text.split(' ').next()?.replace(',', "").parse().ok()
}

/// Waits until the results list shows exactly the documents `expect` (in any order) with a
/// matching `#result-count`, and returns how many there are.
async fn results_are(page: &Page, expect: &[&str]) -> Outcome<usize> {
    let want: BTreeSet<String> = expect.iter().map(|s| s.to_string()).collect();
    page.wait_until(&format!("the results {want:?}"), async || {
        let count = page.text("#result-count").await.unwrap_or_default();
        let docs: BTreeSet<String> = page
            .attrs("#results .result", "data-doc")
            .await?
            .into_iter()
            .collect();
        if docs == want && stated_count(&count) == Some(want.len()) {
            Ok(Ok(want.len()))
        } else {
            Ok(Err(format!("#result-count {count:?}, results {docs:?}")))
        }
    })
    .await
}

/// Every value of URL parameter `name`, in order.
async fn params(page: &Page, name: &str) -> Outcome<Vec<String>> {
    Ok(page
        .url()
        .await?
        .query_pairs()
        .filter(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
        .collect())
}

/// The count the panel shows beside a facet value.
async fn facet_count(page: &Page, param: &str, key: &str) -> Outcome<usize> {
    let id = page
        .attrs(&checkbox(param, key), "id")
        .await?
        .pop()
        .ok_or_else(|| communique_e2e::Failure(format!("no checkbox for {param}={key}")))?;
    let text = page
        .text(&format!("label[for='{id}'] .facet-count"))
        .await?;
    text.trim()
        .replace(',', "")
        .parse()
        .map_err(|_| communique_e2e::Failure(format!("facet count {text:?} is not a number")))
}

/// Waits for the entity page of `id` and returns its `h1`.
async fn entity_page_shows(page: &Page, id: &str) -> Outcome<String> {
    page.wait_for(&format!("article#entity[data-entity='{id}']"))
        .await?;
    ensure!(
        page.query_param("view").await?.as_deref() == Some("entity")
            && page.query_param("id").await?.as_deref() == Some(id),
        "the URL does not name the entity page of {id}: {}",
        page.url().await?
    );
    let name = page.text("#entity-name").await?;
    ensure!(!name.trim().is_empty(), "the entity page's h1 is empty");
    Ok(name)
}

#[tokio::test]
async fn filtering_by_a_person_then_a_place_narrows_with_and_semantics() {
    run_test("entities_filter_person_place", async |page: &Page| {
        page.visit("").await?;
        // With no query, the overview carries the panel; the find box reaches any value.
        page.wait_for("#facets fieldset[data-facet='person']")
            .await?;
        page.type_into(
            "#facets fieldset[data-facet='person'] input.facet-find",
            "velay",
        )
        .await?;
        let shown = page
            .attrs(
                "#facets fieldset[data-facet='person'] input[type=checkbox]",
                "data-key",
            )
            .await?;
        ensure!(
            shown == [VELAYATI],
            "finding 'velay' among people should leave only {VELAYATI}, shows {shown:?}"
        );
        let before = facet_count(page, "person", VELAYATI).await?;
        page.click(&checkbox("person", VELAYATI)).await?;
        let n = results_are(page, &[VELAYATI_DOC]).await?;
        ensure!(
            n == before,
            "the panel said {before} for Velayati, the results are {n}"
        );
        ensure!(
            params(page, "person").await? == ["ali-akbar-velayati"],
            "the URL should carry person=ali-akbar-velayati: {}",
            page.url().await?
        );
        ensure!(
            page.query_param("q").await?.is_none(),
            "browsing by filter alone should not set q"
        );
        ensure!(
            page.focused_id().await?.starts_with("facet-person-"),
            "focus should stay on the checkbox after the click, is on #{}",
            page.focused_id().await?
        );

        // OR within a facet: a second person adds that person's articles.
        page.replace_text(
            "#facets fieldset[data-facet='person'] input.facet-find",
            "jaberi",
        )
        .await?;
        page.click(&checkbox("person", JABERI)).await?;
        let mut either = JABERI_DOCS.to_vec();
        either.push(VELAYATI_DOC);
        results_are(page, &either).await?;

        // AND across facets: a place keeps only the articles that also name it.
        page.type_into(
            "#facets fieldset[data-facet='place'] input.facet-find",
            "liby",
        )
        .await?;
        let libya = facet_count(page, "place", LIBYA).await?;
        page.click(&checkbox("place", LIBYA)).await?;
        let n = results_are(page, &[LIBYA_DOC]).await?;
        ensure!(
            n == libya,
            "the panel said {libya} for Libya, the results are {n}"
        );
        ensure!(
            params(page, "place").await? == ["libya"] && params(page, "person").await?.len() == 2,
            "the URL should carry both people and place=libya: {}",
            page.url().await?
        );
        let chips = page.attrs(".filter-chips button.chip", "data-key").await?;
        ensure!(
            chips == [VELAYATI, JABERI, LIBYA] || chips == [JABERI, VELAYATI, LIBYA],
            "expected one chip per filter, got {chips:?}"
        );
        // The links reproduce the view.
        page.reload().await?;
        results_are(page, &[LIBYA_DOC]).await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn removing_a_chip_and_clearing_all() {
    run_test("entities_chips", async |page: &Page| {
        page.visit("?person=hossein-jaberi-ansari&place=libya&q=minister")
            .await?;
        results_are(page, &[LIBYA_DOC]).await?;
        page.click(&format!(".filter-chips button.chip[data-key='{LIBYA}']"))
            .await?;
        let docs: Vec<&str> = JABERI_DOCS.to_vec();
        results_are(page, &docs).await?;
        ensure!(
            params(page, "place").await?.is_empty()
                && params(page, "person").await? == ["hossein-jaberi-ansari"]
                && page.query_param("q").await?.as_deref() == Some("minister"),
            "removing the Libya chip should keep the rest of the URL: {}",
            page.url().await?
        );
        ensure!(
            page.find(&format!("{}:checked", checkbox("place", LIBYA)))
                .await?
                .is_none(),
            "the Libya checkbox is still checked"
        );
        page.click("#clear-filters").await?;
        page.wait_gone(".filter-chips").await?;
        ensure!(
            params(page, "person").await?.is_empty(),
            "clear all left filters in the URL: {}",
            page.url().await?
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_reader_mention_opens_the_entity_page_with_roles_and_sentences() {
    run_test("entities_from_reader", async |page: &Page| {
        page.visit(&format!("?doc={VELAYATI_DOC}")).await?;
        let mention = format!("article#reader .mention a[data-entity='{VELAYATI}']");
        page.wait_for(&mention).await?;
        let title = page.attrs(&mention, "title").await?;
        ensure!(
            title
                .first()
                .is_some_and(|t| t.contains("Ali Akbar Velayati") && t.contains("Person")),
            "the mention's title should give the canonical name and kind: {title:?}"
        );
        page.wait_for("article#reader .mention-legend").await?;
        page.click(&mention).await?;
        let name = entity_page_shows(page, VELAYATI).await?;
        ensure!(name.trim() == "Ali Akbar Velayati", "h1 is {name:?}");
        let roles = page.texts(".entity-roles .role-title").await?;
        ensure!(
            roles.iter().any(|r| normalize(r).contains("adviser")),
            "the roles should state his office as adviser: {roles:?}"
        );
        let sentences = page.texts(".entity-documents .mention-sentence").await?;
        ensure!(!sentences.is_empty(), "no mention sentences listed");
        for sentence in &sentences {
            ensure!(
                normalize(sentence).contains("velayati"),
                "a mention sentence should name Velayati: {sentence:?}"
            );
        }
        let marked = page
            .find_all(".entity-documents .mention-sentence mark")
            .await?;
        ensure!(
            marked.len() >= sentences.len(),
            "each mention sentence should mark the mention: {} marks in {} sentences",
            marked.len(),
            sentences.len()
        );
        let docs = page.attrs(".entity-document", "data-doc").await?;
        ensure!(docs == [VELAYATI_DOC], "mentioned in {docs:?}");

        // A role links to its sentence: the reader opens with that sentence cited.
        page.click(".entity-roles .role-source").await?;
        page.wait_for("article#reader .cited").await?;
        ensure!(
            page.query_param("doc").await?.as_deref() == Some(VELAYATI_DOC)
                && page.query_param("s").await?.is_some(),
            "the role link should open ?doc=…&s=…: {}",
            page.url().await?
        );
        let cited = normalize(&page.text("article#reader .cited").await?);
        ensure!(
            cited.contains("adviser"),
            "the cited sentence should state the role: {cited:?}"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_facet_value_opens_its_page_and_filter_by_this_browses_its_articles() {
    run_test("entities_from_facet", async |page: &Page| {
        page.visit("?q=Tehran").await?;
        page.click(&format!(
            "#facets fieldset[data-facet='place'] input[data-key='{MOSCOW}'] ~ a.facet-about"
        ))
        .await?;
        let name = entity_page_shows(page, MOSCOW).await?;
        ensure!(name.trim() == "Moscow", "h1 is {name:?}");
        ensure!(
            normalize(&page.text(".entity-kind").await?) == "place",
            "Moscow should be shown as a place"
        );
        let docs = page.attrs(".entity-document", "data-doc").await?;
        ensure!(!docs.is_empty(), "Moscow is mentioned in no article?");
        let related = page.attrs(".entity-related a", "data-entity").await?;
        ensure!(
            !related.is_empty() && !related.iter().any(|id| id == MOSCOW),
            "co-mentioned entities should list others, not Moscow itself: {related:?}"
        );
        page.screenshot("entities_moscow_page").await?;

        page.click("#filter-by-entity").await?;
        page.wait_for("#results").await?;
        ensure!(
            params(page, "place").await? == ["moscow"]
                && page.query_param("q").await?.as_deref() == Some("Tehran"),
            "filter by this should add place=moscow and keep the query: {}",
            page.url().await?
        );
        // Every article mentioning Moscow that also matches the query is a result.
        let shown = page.attrs("#results .result", "data-doc").await?;
        ensure!(
            !shown.is_empty() && shown.iter().all(|doc| docs.contains(doc)),
            "results {shown:?} should be among Moscow's articles {docs:?}"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_views_at_375_and_1280_px_light_and_dark() {
    run_test("entities_sizes", async |page: &Page| {
        let views = [
            (
                "results",
                "?q=minister&person=hossein-jaberi-ansari".to_string(),
                "#results",
            ),
            (
                "reader",
                format!("?doc={VELAYATI_DOC}&q=Velayati"),
                ".mention",
            ),
            (
                "entity",
                format!("?view=entity&id={VELAYATI}"),
                "#entity-name",
            ),
        ];
        for (width, height) in [(1280u32, 900u32), (375, 800)] {
            for scheme in ["light", "dark"] {
                page.size_and_scheme((width, height), scheme).await?;
                for (name, query, ready) in &views {
                    page.visit(query).await?;
                    page.wait_for(ready).await?;
                    if *name == "results" {
                        let groups = page.wait_for("#facet-groups").await?;
                        let narrow = width < 640;
                        ensure!(
                            groups.is_displayed().await? != narrow,
                            "at {width} px the facet groups should be {}",
                            if narrow { "collapsed" } else { "shown" }
                        );
                        if narrow {
                            page.click(".facet-toggle").await?;
                            ensure!(
                                groups.is_displayed().await?,
                                "the Filters button should expand the panel at {width} px"
                            );
                        }
                    }
                    page.screenshot(&format!("entities_{name}_{width}_{scheme}"))
                        .await?;
                }
            }
        }
        Ok(())
    })
    .await;
}
