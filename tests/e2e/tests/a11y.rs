//! Accessibility: axe-core's rules on every view, and the keyboard and screen-reader behaviour
//! axe cannot see (focus order, visible focus, operable filters, announced result counts).
//!
//! axe-core comes from npm into `.tools/axe/node_modules` (`cargo xtask setup`) and is injected
//! by the tests with `execute_script`: it is never part of the built site.

use communique_e2e::{ensure, repo_root, run_test, Failure, Outcome, Page};
use fantoccini::key::Key;
use serde_json::{json, Value};

/// The article that mentions Ali Akbar Velayati.
const VELAYATI_DOC: &str = "001_062efcb31f6393b3";

/// axe-core's browser script, as `cargo xtask setup` installs it.
fn axe_source() -> Outcome<String> {
    let path = repo_root().join(".tools/axe/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).map_err(|err| {
        Failure(format!(
            "{}: {err}; run `cargo xtask setup` to install axe-core",
            path.display()
        ))
    })
}

/// Runs axe-core on the page as it is now and fails with every violation, each with its rule,
/// impact, help text and the first elements it concerns.
async fn check_axe(page: &Page, view: &str) -> Outcome {
    let loaded = page
        .script("return typeof window.axe === 'object';", Vec::new())
        .await?;
    if loaded != json!(true) {
        page.script(&axe_source()?, Vec::new()).await?;
    }
    let violations = page
        .script(
            "return axe.run(document, { resultTypes: ['violations'], iframes: false })
               .then((result) => result.violations.map((v) => ({
                 id: v.id, impact: v.impact, help: v.help,
                 nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ')),
               })));",
            Vec::new(),
        )
        .await?;
    let list = violations.as_array().cloned().unwrap_or_default();
    ensure!(
        list.is_empty(),
        "axe-core found {} violation(s) on {view}:\n{}",
        list.len(),
        list.iter()
            .map(|v| format!(
                "  {} ({}): {} at {}",
                v["id"].as_str().unwrap_or(""),
                v["impact"].as_str().unwrap_or(""),
                v["help"].as_str().unwrap_or(""),
                v["nodes"]
            ))
            .collect::<Vec<_>>()
            .join("\n")
    );
    Ok(())
}

#[tokio::test]
async fn every_view_passes_axe() {
    run_test("a11y_axe", async |page: &Page| {
        let mut views: Vec<(String, &str)> = vec![
            (String::new(), "section#overview"),
            ("?q=Iran".into(), "#results .result"),
            (format!("?q=Velayati&doc={VELAYATI_DOC}"), "article#reader"),
            ("?view=report".into(), "section#report"),
            ("?view=no-such-view".into(), "main h1"),
            ("?view=embed&q=Iran".into(), "section#embed-builder"),
            ("?embed=1&q=Iran".into(), "#results .result"),
            ("?embed=1&q=Iran&panels=search".into(), "#results .result"),
            ("?view=timeline".into(), "main > *"),
            ("?view=map".into(), "#views-map svg .map-route"),
            ("?view=network".into(), "#views-network svg .network-node"),
        ];
        // Entity pages, and any other view the reader links to, as the app names them.
        page.visit(&format!("?doc={VELAYATI_DOC}")).await?;
        page.wait_for("article#reader").await?;
        let links = page.attrs("main a[href*='view=']", "href").await?;
        let mut seen = std::collections::BTreeSet::new();
        for link in links {
            let view = link
                .split(['?', '&'])
                .find_map(|pair| pair.strip_prefix("view="))
                .unwrap_or("")
                .to_string();
            if seen.insert(view) {
                let query = link
                    .rsplit_once('?')
                    .map_or(link.clone(), |(_, q)| format!("?{q}"));
                views.push((query, "main > *"));
            }
        }
        for (query, ready) in &views {
            page.visit(query).await?;
            page.wait_for(ready).await?;
            check_axe(
                page,
                if query.is_empty() {
                    "the overview"
                } else {
                    query.as_str()
                },
            )
            .await?;
        }
        Ok(())
    })
    .await;
}

/// Whether the focused element shows a focus indicator (an outline or a box shadow).
async fn focus_is_visible(page: &Page) -> Outcome<(String, bool)> {
    let value = page
        .script(
            "const el = document.activeElement;
             const style = getComputedStyle(el);
             const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
             const shadow = style.boxShadow && style.boxShadow !== 'none';
             return [el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                     + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''),
                     outline || shadow];",
            Vec::new(),
        )
        .await?;
    Ok((
        value[0].as_str().unwrap_or("").to_string(),
        value[1] == Value::Bool(true),
    ))
}

#[tokio::test]
async fn the_keyboard_reaches_everything_in_order_with_visible_focus() {
    run_test("a11y_keyboard", async |page: &Page| {
        page.visit("?q=Iran").await?;
        page.wait_for("#results .result").await?;
        let count = page
            .find("#result-count")
            .await?
            .ok_or_else(|| Failure("no #result-count on the results".into()))?;
        ensure!(
            count.attr("aria-live").await?.as_deref() == Some("polite"),
            "#result-count is not a polite live region, so counts are not announced"
        );
        for landmark in [
            "header",
            "main#main",
            "footer",
            "nav",
            "form[role='search']",
        ] {
            ensure!(
                page.find(landmark).await?.is_some(),
                "no {landmark} landmark"
            );
        }
        // From the top of the page: the skip link first, the search field before any result,
        // and a visible focus indicator on every stop.
        page.script(
            "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);",
            Vec::new(),
        )
        .await?;
        let mut order = Vec::new();
        for _ in 0..14 {
            page.press(Key::Tab.into()).await?;
            let (element, visible) = focus_is_visible(page).await?;
            ensure!(
                visible,
                "{element} has focus but no visible focus indicator"
            );
            order.push(element);
        }
        ensure!(
            order
                .first()
                .is_some_and(|first| first.contains("skip-link")),
            "the first Tab stop is {:?}, not the skip link",
            order.first()
        );
        let search = order.iter().position(|e| e.contains("input#search"));
        let result = order.iter().position(|e| e.contains("result-title"));
        ensure!(
            search.is_some() && result.is_none_or(|result| search < Some(result)),
            "focus order {order:?}: the search field must come before the results"
        );
        // The skip link moves focus to the main content.
        page.script(
            "window.scrollTo(0, 0); document.querySelector('.skip-link').focus();",
            Vec::new(),
        )
        .await?;
        page.press(Key::Enter.into()).await?;
        page.wait_until("focus in main", async || {
            let inside = page
                .script(
                    "return !!document.activeElement.closest('main');",
                    Vec::new(),
                )
                .await?;
            if inside == json!(true) {
                Ok(Ok(()))
            } else {
                Ok(Err("focus outside main".to_string()))
            }
        })
        .await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn filters_work_from_the_keyboard() {
    run_test("a11y_facets", async |page: &Page| {
        page.visit("?q=Iran").await?;
        page.wait_for("#results .result").await?;
        let Some(_) = page.find(".facet-panel input[type='checkbox']").await? else {
            // The filter panel is part of the results page; without it there is nothing to test.
            return Err(Failure("no filter checkboxes (.facet-panel input) on the results".into()));
        };
        let before = page.url().await?.to_string();
        page.script(
            "const box = document.querySelector('.facet-panel input[type=checkbox]');
             box.scrollIntoView({ block: 'center' }); box.focus();",
            Vec::new(),
        )
        .await?;
        page.press(' ').await?;
        let after = page
            .wait_until("Space on a filter to change the view", async || {
                let now = page.url().await?.to_string();
                if now != before {
                    Ok(Ok(now))
                } else {
                    Ok(Err(format!("URL still {now}")))
                }
            })
            .await?;
        let checked = page
            .script(
                "return document.activeElement.matches('.facet-panel input[type=checkbox]') && document.activeElement.checked;",
                Vec::new(),
            )
            .await?;
        ensure!(
            checked == json!(true),
            "after Space the focused filter is not checked (URL {after})"
        );
        Ok(())
    })
    .await;
}
