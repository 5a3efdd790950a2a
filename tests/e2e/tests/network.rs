//! The network (`?view=network`): who met whom, drawn by the views that load on demand from the
//! layout the build wrote; opened from the header; a click or Enter on a person or
//! organisation opens its page, and a tie's visits open their cards; the query, filters and
//! dates dim what falls outside; the switches hide a kind; the downloads hold what is in view.

use communique_e2e::{ensure, run_test, Failure, Outcome, Page};
use serde_json::json;

/// Opens the network for `query` (a query string after `view=network`) and waits until it is
/// drawn.
async fn open_network(page: &Page, query: &str) -> Outcome {
    page.visit(&format!("?view=network{query}")).await?;
    page.wait_for("#views-network svg.network .network-node")
        .await?;
    Ok(())
}

/// How many nodes and ties are drawn in view (not dimmed), and in all.
async fn in_view(page: &Page) -> Outcome<(usize, usize, usize, usize)> {
    let count = |css: &str| {
        let css = css.to_string();
        async move { Ok::<usize, Failure>(page.find_all(&css).await?.len()) }
    };
    Ok((
        count("svg.network .network-node:not(.out)").await?,
        count("svg.network .network-tie:not(.out)").await?,
        count("svg.network .network-node").await?,
        count("svg.network .network-tie").await?,
    ))
}

/// Waits until fewer than `all` nodes are in view (and some).
async fn fewer_nodes_than(page: &Page, all: usize) -> Outcome<usize> {
    page.wait_until("the network to dim some nodes", async || {
        let (lit, _, _, _) = in_view(page).await?;
        Ok(if lit < all && lit > 0 {
            Ok(lit)
        } else {
            Err(format!("{lit} nodes in view, of {all}"))
        })
    })
    .await
}

#[tokio::test]
async fn the_header_opens_it_and_a_node_opens_its_page() {
    run_test("network_open", async |page: &Page| {
        page.visit("").await?;
        page.wait_ready().await?;
        page.click("#network-link").await?;
        page.wait_for("#views-network svg.network .network-node")
            .await?;
        ensure!(
            page.query_param("view").await?.as_deref() == Some("network"),
            "the header's link did not open ?view=network"
        );
        let (nodes, ties, all_nodes, all_ties) = in_view(page).await?;
        ensure!(
            nodes >= 5 && ties >= 3 && nodes == all_nodes && ties == all_ties,
            "{nodes} of {all_nodes} nodes and {ties} of {all_ties} ties in view"
        );
        // Both kinds of tie: visits (which open cards) and sentences naming both.
        ensure!(
            !page
                .find_all("svg.network .network-tie.visit")
                .await?
                .is_empty()
                && !page
                    .find_all("svg.network .network-tie.mention")
                    .await?
                    .is_empty(),
            "a kind of tie is missing"
        );
        let count = page.text("#network-count").await?;
        ensure!(
            count.starts_with(&format!("{nodes} of {nodes} people and organisations")),
            "{count}"
        );
        // A click on a node opens its entity page.
        let id = page
            .attrs("svg.network .network-node", "data-entity")
            .await?
            .remove(0);
        page.click("svg.network .network-node").await?;
        page.wait_for("article#entity").await?;
        let shown = page.attrs("article#entity", "data-entity").await?.remove(0);
        ensure!(shown == id, "the page of {shown}, not {id}");
        // Enter on a focused node does the same.
        open_network(page, "").await?;
        let id = page
            .script(
                "const node = document.querySelectorAll('svg.network .network-node')[1];
                 node.focus();
                 return node.getAttribute('data-entity');",
                vec![],
            )
            .await?;
        page.press('\u{e007}').await?;
        page.wait_for("article#entity").await?;
        let shown = page.attrs("article#entity", "data-entity").await?.remove(0);
        ensure!(json!(shown) == id, "Enter opened {shown}, not {id}");
        // In the list, a tie's visits open their cards, with the sentences that report them.
        open_network(page, "").await?;
        page.click(".network-list .network-visits").await?;
        page.wait_for(".route-cards .visit-card .visit-evidence-link")
            .await?;
        // And a name there opens its page.
        page.click(".network-list .network-item").await?;
        page.wait_for("article#entity").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_query_filters_and_dates_dim_what_falls_outside() {
    run_test("network_filters", async |page: &Page| {
        open_network(page, "").await?;
        let (all, _, _, _) = in_view(page).await?;
        // A query that only one report matches.
        open_network(page, "&q=Kremlin").await?;
        let queried = fewer_nodes_than(page, all).await?;
        // Dimmed, not gone: the drawing keeps its shape.
        let (_, _, drawn, _) = in_view(page).await?;
        ensure!(drawn == all, "{drawn} nodes drawn, of {all}");
        // A date range.
        open_network(page, "&from=2019").await?;
        fewer_nodes_than(page, all).await?;
        // A filter on one person keeps only who the articles naming them name.
        let person = page
            .attrs("svg.network .network-node.person", "data-entity")
            .await?
            .remove(0);
        open_network(page, &format!("&person={person}")).await?;
        fewer_nodes_than(page, all).await?;
        // The list has a row per node in view.
        open_network(page, "&q=Kremlin").await?;
        fewer_nodes_than(page, all).await?;
        let rows = page.find_all(".network-list > li").await?.len();
        ensure!(rows == queried, "{rows} rows for {queried} nodes in view");
        // The switches hide a kind, and its ties.
        open_network(page, "").await?;
        ensure!(
            !page
                .find_all("svg.network .network-node.organization")
                .await?
                .is_empty(),
            "no organisation drawn"
        );
        page.click(".network-kind input[data-kind='organization']")
            .await?;
        page.wait_gone("svg.network .network-node.organization")
            .await?;
        ensure!(
            !page
                .find_all("svg.network .network-node.person")
                .await?
                .is_empty(),
            "the people went too"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn it_fits_375_and_1280_px_light_and_dark() {
    run_test("network_sizes", async |page: &Page| {
        for (width, height) in [(1280u32, 900u32), (375, 800)] {
            for scheme in ["light", "dark"] {
                page.size_and_scheme((width, height), scheme).await?;
                // From the header, at every width.
                page.visit("?q=Iran").await?;
                page.wait_ready().await?;
                page.click("#network-link").await?;
                page.wait_for("#views-network svg.network .network-node")
                    .await?;
                page.fits_width(width).await?;
                page.script("window.scrollTo(0, 0);", vec![]).await?;
                page.screenshot(&format!("network_{width}_{scheme}"))
                    .await?;
            }
        }
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_downloads_hold_what_is_in_view() {
    run_test("network_downloads", async |page: &Page| {
        open_network(page, "&q=Kremlin").await?;
        let (nodes, ties, all, _) = in_view(page).await?;
        ensure!(
            nodes < all && ties > 0,
            "{nodes} of {all} nodes, {ties} ties"
        );
        let files = page
            .downloads(&[".network-gexf", ".network-graphml", ".network-csv"])
            .await?;
        ensure!(files.len() == 3, "three downloads: {files:?}");
        let (name, gexf) = &files[0];
        ensure!(name == "network.gexf", "{name}");
        ensure!(
            gexf.matches("<node ").count() == nodes && gexf.matches("<edge ").count() == ties,
            "the GEXF holds {} nodes and {} edges for {nodes} and {ties} in view",
            gexf.matches("<node ").count(),
            gexf.matches("<edge ").count()
        );
        let (name, graphml) = &files[1];
        ensure!(
            name == "network.graphml" && graphml.matches("<node ").count() == nodes,
            "{name}: {graphml}"
        );
        let (name, csv) = &files[2];
        ensure!(
            name == "network-edges.csv" && csv.lines().count() == ties + 1,
            "{name}: {csv}"
        );
        ensure!(csv.starts_with("source,target,"), "{csv}");
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn an_entity_page_says_where_it_travelled_and_whom_it_met() {
    run_test("network_met_with", async |page: &Page| {
        open_network(page, "").await?;
        // A person or organisation of the list with a tie made by visits, and who is at its
        // other end.
        let found = page
            .script(
                "for (const item of document.querySelectorAll('.network-list > li')) {
                   const tie = [...item.querySelectorAll('.network-ties-list li')]
                     .find((li) => li.querySelector('.network-visits'));
                   if (!tie) continue;
                   const name = item.querySelector('.network-item').textContent;
                   const [ends] = tie.firstChild.textContent.split(':');
                   const other = ends.split(' – ').find((n) => n !== name);
                   item.querySelector('.network-item').setAttribute('id', 'chosen-node');
                   return [name, other];
                 }
                 return null;",
                vec![],
            )
            .await?;
        let (name, other) = (
            found[0].as_str().unwrap_or("").to_string(),
            found[1].as_str().unwrap_or("").to_string(),
        );
        ensure!(
            !name.is_empty() && !other.is_empty(),
            "no visit tie: {found}"
        );
        page.click("#chosen-node").await?;
        page.wait_for("article#entity").await?;
        ensure!(
            page.text("#entity-name").await? == name,
            "not {name}'s page"
        );
        // Whom it met, with when and the sentence that says so.
        let met = page
            .texts("section[aria-labelledby='entity-met-heading'] .role-title")
            .await?;
        ensure!(met.contains(&other), "{name} met {met:?}, not {other}");
        let travels = "section[aria-labelledby='entity-travels-heading'] .role-title";
        let mut travelled = page.texts(travels).await?;
        let when = page
            .texts("section[aria-labelledby='entity-met-heading'] .role-as-of")
            .await?;
        ensure!(when.iter().all(|w| !w.is_empty()), "{when:?}");
        page.click("section[aria-labelledby='entity-met-heading'] .role-source")
            .await?;
        page.wait_for("article#reader").await?;
        ensure!(
            page.query_param("s").await?.is_some(),
            "the reader opened with no sentence cited"
        );
        // One of the two travelled, and their page says where to.
        open_network(page, "").await?;
        page.script(
            "[...document.querySelectorAll('.network-list .network-item')]
               .find((b) => b.textContent === arguments[0]).setAttribute('id', 'other-node');",
            vec![json!(other)],
        )
        .await?;
        page.click("#other-node").await?;
        page.wait_for("article#entity").await?;
        ensure!(
            page.text("#entity-name").await? == other,
            "not {other}'s page"
        );
        travelled.extend(page.texts(travels).await?);
        ensure!(
            !travelled.is_empty() && travelled.iter().all(|t| !t.is_empty()),
            "neither {name} nor {other} travelled: {travelled:?}"
        );
        Ok(())
    })
    .await;
}
