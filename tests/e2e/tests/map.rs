//! The map (`?view=map`): drawn by the views that load on demand, from the visits and places in
//! view; a click or Enter on a route, a place or a route's button opens the cards of its
//! visits with their evidence; the query, filters and dates change what is drawn; it pans and
//! zooms; and neither its code nor its outline is part of the first load.

use communique_e2e::{ensure, run_test, Failure, Outcome, Page};
use fantoccini::actions::{
    Actions, InputSource, MouseActions, PointerAction, TouchActions, WheelAction, WheelActions,
    MOUSE_BUTTON_LEFT,
};
use serde_json::json;
use std::time::Duration;

/// Opens the map for `query` (a query string after `view=map`) and waits until it is drawn.
async fn open_map(page: &Page, query: &str) -> Outcome {
    page.visit(&format!("?view=map{query}")).await?;
    page.wait_for("#views-map svg.world-map").await?;
    page.wait_for("#route-count").await?;
    Ok(())
}

/// How many routes and visits the map lists, from its buttons' `data-visits`.
async fn routes_and_visits(page: &Page) -> Outcome<(usize, usize)> {
    let lists = page.attrs(".route-list .route-item", "data-visits").await?;
    let visits = lists.iter().map(|l| l.split(' ').count()).sum();
    Ok((lists.len(), visits))
}

/// Presses the mouse on the map at the middle of the first route's line, moves it by `drag`
/// pixels, and lets go: a click on the route when `drag` is nothing.
async fn press_on_route(page: &Page, drag: (f64, f64)) -> Outcome {
    let map = page.wait_for("svg.world-map").await?;
    // In view and still: the pointer goes where the line is drawn now.
    page.script(
        "document.querySelector('svg.world-map').scrollIntoView({ block: 'center' });
         return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));",
        vec![],
    )
    .await?;
    let offset = page
        .script(
            "const map = document.querySelector('svg.world-map').getBoundingClientRect();
             const path = document.querySelector('svg.world-map path.map-route');
             const m = path.getPointAtLength(path.getTotalLength() / 2);
             const c = path.getScreenCTM();
             return [m.x * c.a + m.y * c.c + c.e - (map.left + map.width / 2),
                     m.x * c.b + m.y * c.d + c.f - (map.top + map.height / 2)];",
            vec![],
        )
        .await?;
    let (x, y) = (
        offset[0].as_f64().unwrap_or(0.0),
        offset[1].as_f64().unwrap_or(0.0),
    );
    let mut press = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: map,
            duration: None,
            x,
            y,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        });
    if drag != (0.0, 0.0) {
        for _ in 0..2 {
            press = press.then(PointerAction::MoveBy {
                duration: None,
                x: drag.0 / 2.0,
                y: drag.1 / 2.0,
            });
        }
    }
    let press = press.then(PointerAction::Up {
        button: MOUSE_BUTTON_LEFT,
    });
    page.client().perform_actions(press).await?;
    Ok(page.client().release_actions().await?)
}

/// Waits until the map lists fewer than `all` visits (and some).
async fn fewer_visits_than(page: &Page, all: usize) -> Outcome {
    page.wait_until("the map to draw fewer visits", async || {
        let (_, visits) = routes_and_visits(page).await?;
        Ok(if visits < all && visits > 0 {
            Ok(())
        } else {
            Err(format!("{visits} visits, of {all}"))
        })
    })
    .await
}

#[tokio::test]
async fn routes_and_places_open_their_visits_with_evidence() {
    run_test("map_cards", async |page: &Page| {
        open_map(page, "").await?;
        let (routes, visits) = routes_and_visits(page).await?;
        ensure!(
            routes >= 2 && visits >= 3,
            "{routes} routes, {visits} visits"
        );
        // The map draws a path per route and a circle per place, each named for screen readers.
        let paths = page.find_all("svg.world-map path.map-route").await?.len();
        ensure!(paths == routes, "{paths} route paths for {routes} routes");
        let labels = page.attrs("svg.world-map .map-place", "aria-label").await?;
        ensure!(
            !labels.is_empty() && labels.iter().all(|l| l.contains("named in")),
            "places: {labels:?}"
        );
        let count = page.text("#route-count").await?;
        ensure!(
            count.starts_with(&format!("{routes} routes · {visits} visits")),
            "{count}"
        );
        // A route's button opens a card per visit, each quoting its sentences.
        let first = page.attrs(".route-list .route-item", "data-visits").await?;
        let expect = first[0].split(' ').count();
        page.click(".route-list .route-item").await?;
        page.wait_for(".route-cards .visit-card").await?;
        let cards = page.find_all(".route-cards .visit-card").await?.len();
        ensure!(
            cards == expect,
            "{cards} cards for a route of {expect} visits"
        );
        ensure!(
            !page
                .find_all(".route-cards .visit-evidence-link")
                .await?
                .is_empty(),
            "the cards quote no sentence"
        );
        // Closing one closes them.
        page.click(".route-cards .visit-card-close").await?;
        page.wait_gone(".route-cards").await?;
        // A click on the route's line on the map does the same.
        press_on_route(page, (0.0, 0.0)).await?;
        page.wait_for(".route-cards .visit-card").await?;
        // Enter on a place a route ends at opens its visits and a link to its page.
        page.script(
            "[...document.querySelectorAll('svg.world-map .map-place')]
               .find((p) => p.getAttribute('data-visits').split(' ').length > 2).focus();",
            vec![],
        )
        .await?;
        page.press('\u{e007}').await?;
        page.wait_for(".route-cards .entity-link a").await?;
        page.wait_for(".route-cards .visit-card").await?;
        // The evidence links open the reader at the sentence.
        page.click(".route-cards .visit-evidence-link").await?;
        page.wait_for("article#reader").await?;
        ensure!(
            page.query_param("s").await?.is_some(),
            "the reader opened with no sentence cited"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_query_filters_and_dates_change_what_is_drawn() {
    run_test("map_filters", async |page: &Page| {
        open_map(page, "").await?;
        let (_, all) = routes_and_visits(page).await?;
        let places = page.find_all("svg.world-map .map-place").await?.len();
        // A query that only one report matches.
        open_map(page, "&q=Kremlin").await?;
        fewer_visits_than(page, all).await?;
        let fewer_places = page.find_all("svg.world-map .map-place").await?.len();
        ensure!(fewer_places < places, "{fewer_places} places, of {places}");
        // A date range.
        open_map(page, "&from=2019").await?;
        let (_, dated) = routes_and_visits(page).await?;
        ensure!(
            dated < all && dated > 0,
            "{dated} visits from 2019, of {all}"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn it_pans_and_zooms_by_keyboard_and_buttons() {
    run_test("map_zoom", async |page: &Page| {
        open_map(page, "").await?;
        let view_box = async || -> Outcome<Vec<f64>> {
            let text = page.attrs("svg.world-map", "viewBox").await?.remove(0);
            Ok(text.split(' ').filter_map(|v| v.parse().ok()).collect())
        };
        ensure!(
            view_box().await? == [-180.0, -90.0, 360.0, 180.0],
            "the world first"
        );
        page.click(".map-zoom-in").await?;
        let zoomed = view_box().await?;
        ensure!(zoomed[2] < 360.0, "zoom in: {zoomed:?}");
        page.script("document.querySelector('svg.world-map').focus();", vec![])
            .await?;
        page.press('+').await?;
        let closer = view_box().await?;
        ensure!(closer[2] < zoomed[2], "+ zooms in: {closer:?}");
        // Arrow Right (WebDriver's code) pans east.
        page.press('\u{e014}').await?;
        let east = view_box().await?;
        ensure!(
            east[0] > closer[0],
            "→ pans east: {east:?} after {closer:?}"
        );
        page.press('0').await?;
        ensure!(
            view_box().await? == [-180.0, -90.0, 360.0, 180.0],
            "0 shows the world"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn it_zooms_by_wheel_and_pinch() {
    run_test("map_gestures", async |page: &Page| {
        open_map(page, "").await?;
        let width = async || -> Outcome<f64> {
            let text = page.attrs("svg.world-map", "viewBox").await?.remove(0);
            Ok(text.split(' ').nth(2).and_then(|w| w.parse().ok()).unwrap_or(0.0))
        };
        // The map's middle, in the window's pixels, once it is in view and still.
        let middle = page
            .script(
                "const map = document.querySelector('svg.world-map');
                 map.scrollIntoView({ block: 'center', behavior: 'instant' });
                 return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
                   const box = map.getBoundingClientRect();
                   done([Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)]);
                 })));",
                vec![],
            )
            .await?;
        let (x, y) = (
            middle[0].as_f64().unwrap_or(0.0),
            middle[1].as_f64().unwrap_or(0.0),
        );
        // Three notches of the wheel towards the reader zoom in.
        let mut wheel = WheelActions::new("wheel".into());
        wheel.push(WheelAction::Scroll {
            duration: None,
            x: x as i64,
            y: y as i64,
            delta_x: 0,
            delta_y: -300,
        });
        page.client().perform_actions(wheel).await?;
        page.client().release_actions().await?;
        let wheeled = width().await?;
        ensure!(wheeled < 360.0, "the wheel did not zoom: {wheeled}");
        page.click(".map-reset").await?;
        ensure!(width().await? == 360.0, "the world again");
        // Two fingers moving apart zoom in; together, out.
        let pinch = async |from: f64, to: f64| -> Outcome {
            let finger = |name: &str, sign: f64| {
                TouchActions::new(name.into())
                    .then(PointerAction::MoveTo {
                        duration: None,
                        x: x + sign * from,
                        y,
                    })
                    .then(PointerAction::Down { button: 0 })
                    .then(PointerAction::MoveTo {
                        duration: Some(Duration::from_millis(200)),
                        x: x + sign * to,
                        y,
                    })
                    .then(PointerAction::Up { button: 0 })
            };
            let fingers = Actions::from(finger("one", -1.0)).and(finger("two", 1.0));
            page.client().perform_actions(fingers).await?;
            Ok(page.client().release_actions().await?)
        };
        pinch(20.0, 120.0).await?;
        let spread = width().await?;
        ensure!(spread < 360.0, "spreading two fingers did not zoom in: {spread}");
        pinch(120.0, 20.0).await?;
        let pinched = width().await?;
        ensure!(
            pinched > spread,
            "pinching did not zoom out: {pinched} after {spread}"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_map_loads_on_demand_and_fits_375_and_1280_px_light_and_dark() {
    run_test("map_sizes", async |page: &Page| {
        // The overview loads neither the views nor the outline.
        page.visit("").await?;
        page.wait_ready().await?;
        let fetched = "return performance.getEntriesByType('resource').map(e => e.name)
                         .filter(n => n.includes('/views/') || n.includes('land-110m'));";
        let early = page.script(fetched, vec![]).await?;
        ensure!(early == json!([]), "the first load fetched {early}");
        for (width, height) in [(1280u32, 900u32), (375, 800)] {
            for scheme in ["light", "dark"] {
                page.size_and_scheme((width, height), scheme).await?;
                // From the header, at every width.
                page.visit("").await?;
                page.wait_ready().await?;
                page.click("#map-link").await?;
                page.wait_for("#views-map svg.world-map .map-route").await?;
                page.click(".route-list .route-item").await?;
                page.wait_for(".route-cards .visit-card").await?;
                page.fits_width(width).await?;
                page.script("window.scrollTo(0, 0);", vec![]).await?;
                page.screenshot(&format!("map_{width}_{scheme}")).await?;
            }
        }
        let late = page.script(fetched, vec![]).await?;
        ensure!(
            late.as_array().is_some_and(|names| names.len() >= 3),
            "the map fetched {late}"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_map_downloads_what_it_shows_as_geojson() {
    run_test("map_geojson", async |page: &Page| {
        open_map(page, "&from=2019").await?;
        let (routes, visits) = routes_and_visits(page).await?;
        let places = page.find_all("svg.world-map .map-place").await?.len();
        let file = page.downloads(&[".map-geojson"]).await?.remove(0);
        ensure!(file.0 == "visits.geojson", "{}", file.0);
        let geojson: serde_json::Value =
            serde_json::from_str(&file.1).map_err(|err| Failure(format!("GeoJSON: {err}")))?;
        ensure!(geojson["type"] == "FeatureCollection", "{geojson}");
        let features = geojson["features"].as_array().cloned().unwrap_or_default();
        let of = |kind: &str| {
            (features.iter())
                .filter(|f| f["properties"]["feature"] == kind)
                .cloned()
                .collect::<Vec<_>>()
        };
        let (drawn_routes, drawn_places) = (of("route"), of("place"));
        ensure!(
            drawn_routes.len() == routes && drawn_places.len() == places,
            "{} routes and {} places written for {routes} and {places} drawn",
            drawn_routes.len(),
            drawn_places.len()
        );
        let written: usize = (drawn_routes.iter())
            .map(|r| r["properties"]["visit_ids"].as_array().map_or(0, Vec::len))
            .sum();
        ensure!(
            written == visits,
            "{written} visits written for {visits} drawn"
        );
        ensure!(
            (drawn_routes.iter()).all(|r| r["properties"]["documents"]
                .as_array()
                .is_some_and(|d| !d.is_empty())),
            "a route names no article: {drawn_routes:?}"
        );
        Ok(())
    })
    .await;
}
