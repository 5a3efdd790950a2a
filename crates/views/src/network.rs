//! The network view (`#views-network`): who met whom, drawn from the layout the build wrote
//! (`views/network.txt`, core's `export::drawing`), fetched the first time it is shown.
//!
//! The app's `data-marks` say what the articles in view name: an `e id articles` line per
//! person or organisation. The people and organisations they do not name, and the ties to
//! them, are dimmed rather than moved, so the drawing keeps its shape as the query, filters
//! and dates change. Each node carries `data-entity` (the app opens its page on a click, or
//! Enter), each tie made by visits `data-visits` (the app shows their cards). Under the
//! drawing, a list says the same for keyboards and screen readers.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use communique_core::export::drawing::{read, Drawing, DrawnNode, DrawnTie};
use communique_core::export::graph::{write_edges_csv, write_gexf, write_graphml};
use communique_core::words::{count_of, thousands};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, MouseEvent};

use crate::{click, deg, document, fetch_text, html, listen, on_resize, save, svg, Loaded};

/// The app's element the network is drawn in.
pub const HOST_ID: &str = "views-network";
/// The build's drawing of the network, beside the views.
const DRAWING_URL: &str = "views/network.txt";
/// The drawing's coordinates run over `0..=1000`; this much more shows on each side, so
/// that nodes on the edge and their names fit.
const MARGIN: f64 = 60.0;
/// How many of the nodes in view may carry their name (those whose name covers no other):
/// one per this many pixels of the drawing's width.
const PIXELS_PER_LABEL: f64 = 40.0;
/// The kinds of node, as the drawing names them, and what the switches call them.
const KINDS: [(&str, &str); 2] = [("person", "People"), ("organization", "Organisations")];

/// The view's state: the drawing and which kinds of node are shown.
struct NetworkState {
    loaded: Loaded<Drawing>,
    /// The drawing's side in pixels when last drawn: a resize to the same size redraws
    /// nothing (the observer reports the first size too, just after the first drawing).
    side: f64,
    hidden: Vec<&'static str>,
}

thread_local! {
    static STATE: RefCell<NetworkState> = const {
        RefCell::new(NetworkState { loaded: Loaded::Not, side: 0.0, hidden: Vec::new() })
    };
}

/// Draws the network in `host` for its `data-marks`, fetching the drawing first if need be.
pub fn show(host: &Element) {
    let fetch = STATE.with(|s| {
        let mut s = s.borrow_mut();
        let idle = matches!(s.loaded, Loaded::Not);
        if idle {
            s.loaded = Loaded::Fetching;
        }
        idle
    });
    if fetch {
        fetch_drawing();
    }
    draw(host);
}

/// Fetches and reads the drawing, then draws it in the page's host.
fn fetch_drawing() {
    fetch_text(DRAWING_URL, |text| {
        let drawing =
            text.and_then(|text| read(&text).map_err(|err| format!("{DRAWING_URL}: {err}")));
        STATE.with(|s| s.borrow_mut().loaded = Loaded::from(drawing));
        if let Some(host) = document().get_element_by_id(HOST_ID) {
            draw(&host);
        }
    });
}

/// What the articles in view name, from the app's `e` lines: entity id → articles.
fn in_view(marks: &str) -> HashMap<&str, u32> {
    (marks.lines())
        .filter_map(|line| {
            let mut fields = line.split('\t');
            (fields.next()? == "e").then_some(())?;
            Some((fields.next()?, fields.next()?.parse().ok()?))
        })
        .collect()
}

/// The part of the drawing in view: the nodes shown (of a kind not switched off) that the
/// articles in view name, and the ties between two of them.
fn visible<'a>(
    drawing: &'a Drawing,
    named: &HashMap<&str, u32>,
    hidden: &[&str],
) -> (Vec<&'a DrawnNode>, Vec<&'a DrawnTie>) {
    let nodes: Vec<&DrawnNode> = (drawing.nodes.iter())
        .filter(|n| !hidden.contains(&&*n.node.kind) && named.contains_key(&*n.node.id))
        .collect();
    let kept: HashSet<u32> = nodes.iter().map(|n| n.entity).collect();
    let kept = |entity: u32| kept.contains(&entity);
    let ties = (drawing.ties.iter())
        .filter(|t| kept(t.ends[0]) && kept(t.ends[1]))
        .collect();
    (nodes, ties)
}

/// A tie in words: "Ansari – Lavrov: 2 visits, 1 sentence naming both".
fn tie_label(tie: &DrawnTie) -> String {
    let edge = &tie.edge;
    let mut parts = Vec::new();
    if edge.visits > 0 {
        parts.push(count_of(edge.visits, "visit", "visits"));
    }
    if edge.sentences > 0 {
        parts.push(count_of(edge.sentences, "sentence", "sentences") + " naming both");
    }
    format!(
        "{} – {}: {}",
        edge.source_name,
        edge.target_name,
        parts.join(", ")
    )
}

/// The skeleton in `host`: the count, the switches and downloads, the drawing's layers and
/// the list.
fn build(host: &Element) {
    host.set_text_content(None);
    html(
        host,
        "p",
        &[
            ("id", "network-count"),
            ("aria-live", "polite"),
            ("aria-atomic", "true"),
        ],
    );
    let toolbar = html(
        host,
        "div",
        &[
            ("class", "tl-toolbar"),
            ("role", "toolbar"),
            ("aria-label", "Network"),
        ],
    );
    for (kind, label) in KINDS {
        let switch = html(&toolbar, "label", &[("class", "network-kind")]);
        let input = html(
            &switch,
            "input",
            &[("type", "checkbox"), ("data-kind", kind), ("checked", "")],
        );
        switch.append_with_str_1(label).ok();
        listen(&input, "change", move |ev: Event| {
            let on = (ev.target())
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .is_some_and(|input| input.checked());
            STATE.with(|s| {
                let hidden = &mut s.borrow_mut().hidden;
                hidden.retain(|k| *k != kind);
                if !on {
                    hidden.push(kind);
                }
            });
            if let Some(host) = document().get_element_by_id(HOST_ID) {
                draw(&host);
            }
        });
    }
    for (class, text, title) in [
        (
            "network-gexf",
            "GEXF",
            "Download the network shown as GEXF (Gephi)",
        ),
        (
            "network-graphml",
            "GraphML",
            "Download the network shown as GraphML",
        ),
        (
            "network-csv",
            "CSV edges",
            "Download the ties shown as a CSV edge list",
        ),
    ] {
        let button = html(
            &toolbar,
            "button",
            &[("type", "button"), ("class", class), ("title", title)],
        );
        button.set_text_content(Some(text));
        listen(&button, "click", move |_: MouseEvent| download(class));
    }
    let span = format!(
        "{} {} {} {}",
        -MARGIN,
        -MARGIN,
        1000.0 + 2.0 * MARGIN,
        1000.0 + 2.0 * MARGIN
    );
    let drawing = svg(
        host,
        "svg",
        &[
            ("class", "network"),
            ("role", "group"),
            (
                "aria-label",
                "Who met whom: people and organisations tied by visits and by sentences naming both",
            ),
            ("viewBox", &span),
        ],
    );
    svg(&drawing, "g", &[("class", "network-ties")]);
    svg(&drawing, "g", &[("class", "network-nodes")]);
    on_resize(&drawing, || {
        let host = document().get_element_by_id(HOST_ID);
        let drawn = STATE.with(|s| s.borrow().side);
        if let Some(host) = host.filter(|host| side(host) != Some(drawn)) {
            draw(&host);
        }
    });
    listen(&drawing, "keydown", |ev: web_sys::KeyboardEvent| {
        if matches!(ev.key().as_str(), "Enter" | " ") && click(ev.target()) {
            ev.prevent_default();
        }
    });
    html(host, "h2", &[("id", "network-list-heading")])
        .set_text_content(Some("People and organisations in view"));
    html(
        host,
        "ol",
        &[
            ("class", "network-list"),
            ("aria-labelledby", "network-list-heading"),
        ],
    );
}

/// Offers the part of the network in view as the file `class` names.
fn download(class: &str) {
    let Some(host) = document().get_element_by_id(HOST_ID) else {
        return;
    };
    let marks = host.get_attribute("data-marks").unwrap_or_default();
    let named = in_view(&marks);
    let file = STATE.with(|s| {
        let s = s.borrow();
        let Loaded::Ready(drawing) = &s.loaded else {
            return None;
        };
        let (nodes, ties) = visible(drawing, &named, &s.hidden);
        let nodes: Vec<_> = nodes.into_iter().map(|n| n.node.clone()).collect();
        let edges: Vec<_> = ties.into_iter().map(|t| t.edge.clone()).collect();
        Some(match class {
            "network-gexf" => (
                "network.gexf",
                "application/gexf+xml",
                write_gexf(&drawing.title, &nodes, &edges),
            ),
            "network-graphml" => (
                "network.graphml",
                "application/graphml+xml",
                write_graphml(&nodes, &edges),
            ),
            _ => ("network-edges.csv", "text/csv", write_edges_csv(&edges)),
        })
    });
    if let Some((name, mime, text)) = file {
        save(name, mime, &text);
    }
}

/// The side of `host`'s drawing in pixels: it is square, and fits the smaller side of its box.
fn side(host: &Element) -> Option<f64> {
    let drawing = host.query_selector("svg.network").ok()??;
    let rect = drawing.get_bounding_client_rect();
    Some(rect.width().min(rect.height()))
}

/// Draws the network in `host` as its marks and the switches say.
fn draw(host: &Element) {
    if host.query_selector("svg.network").ok().flatten().is_none() {
        build(host);
    }
    let marks = host.get_attribute("data-marks").unwrap_or_default();
    let named = in_view(&marks);
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.side = side(host).unwrap_or(0.0);
        let s = &*s;
        let count = host.query_selector("#network-count").ok().flatten();
        let drawing = match &s.loaded {
            Loaded::Ready(drawing) => drawing,
            Loaded::Failed(why) => {
                if let Some(count) = count {
                    let _ = count.set_attribute("class", "network-problem");
                    count.set_text_content(Some(&format!("The network cannot be shown. {why}.")));
                }
                return;
            }
            _ => {
                if let Some(count) = count {
                    count.set_text_content(Some("Loading the network…"));
                }
                return;
            }
        };
        let (nodes, ties) = visible(drawing, &named, &s.hidden);
        if let Some(count) = count {
            count.set_text_content(Some(&summary(drawing, nodes.len(), ties.len())));
        }
        let Ok(Some(svg_element)) = host.query_selector("svg.network") else {
            return;
        };
        // Units of the drawing per pixel: it is square, and fits the smaller side.
        let side = s.side.max(1.0);
        let px = (1000.0 + 2.0 * MARGIN) / side;
        let labelled = (side / PIXELS_PER_LABEL) as usize;
        draw_ties(&svg_element, drawing, &ties, &s.hidden, px);
        draw_nodes(
            &svg_element,
            drawing,
            &nodes,
            &ties,
            &s.hidden,
            px,
            labelled,
        );
        draw_list(host, &nodes, &ties);
    });
}

/// "12 of 25 people and organisations, and 9 of 21 ties, in view", and when the drawing
/// holds only the most tied, of how many.
fn summary(drawing: &Drawing, nodes: usize, ties: usize) -> String {
    let mut text = format!(
        "{} of {} people and organisations, and {} of {} ties, in view",
        thousands(nodes),
        thousands(drawing.nodes.len()),
        thousands(ties),
        thousands(drawing.ties.len())
    );
    if drawing.total.0 > drawing.nodes.len() {
        text += &format!(
            "; drawn are the {} with the strongest ties of {} (the compiler's export has all)",
            thousands(drawing.nodes.len()),
            thousands(drawing.total.0)
        );
    }
    text
}

/// Every tie between two nodes of kinds shown, dimmed unless `ties` (those in view) holds it.
fn draw_ties(root: &Element, drawing: &Drawing, ties: &[&DrawnTie], hidden: &[&str], px: f64) {
    let Ok(Some(layer)) = root.query_selector(".network-ties") else {
        return;
    };
    layer.set_text_content(None);
    // Where each node of a kind shown is, by entity number.
    let at: HashMap<u32, (f64, f64)> = (drawing.nodes.iter())
        .filter(|n| !hidden.contains(&&*n.node.kind))
        .map(|n| (n.entity, (f64::from(n.node.x), f64::from(n.node.y))))
        .collect();
    let lit: HashSet<*const DrawnTie> = ties.iter().map(|t| *t as *const DrawnTie).collect();
    for tie in &drawing.ties {
        let (Some(a), Some(b)) = (at.get(&tie.ends[0]), at.get(&tie.ends[1])) else {
            continue;
        };
        let lit = lit.contains(&(tie as *const DrawnTie));
        let kind = if tie.visits.is_empty() {
            "mention"
        } else {
            "visit"
        };
        let class = format!("network-tie {kind}{}", if lit { "" } else { " out" });
        let width = (1.0 + (tie.edge.weight() as f64).ln()) * 1.5 * px;
        let visits: Vec<String> = tie.visits.iter().map(u32::to_string).collect();
        let line = svg(
            &layer,
            "line",
            &[
                ("class", &class),
                ("x1", &deg(a.0)),
                ("y1", &deg(a.1)),
                ("x2", &deg(b.0)),
                ("y2", &deg(b.1)),
                ("stroke-width", &deg(width)),
            ],
        );
        if !tie.visits.is_empty() {
            let _ = line.set_attribute("data-visits", &visits.join(" "));
        }
        svg(&line, "title", &[]).set_text_content(Some(&tie_label(tie)));
    }
}

/// Every node of a kind shown, dimmed unless in `nodes`; the first `labelled` of those in
/// view (the most tied) named.
fn draw_nodes(
    root: &Element,
    drawing: &Drawing,
    nodes: &[&DrawnNode],
    ties: &[&DrawnTie],
    hidden: &[&str],
    px: f64,
    labelled: usize,
) {
    let Ok(Some(layer)) = root.query_selector(".network-nodes") else {
        return;
    };
    layer.set_text_content(None);
    // Each node's ties in view: how many, and what they weigh.
    let mut tied: HashMap<u32, (usize, usize)> = HashMap::new();
    for tie in ties {
        for end in tie.ends {
            let slot = tied.entry(end).or_default();
            *slot = (slot.0 + 1, slot.1 + tie.edge.weight());
        }
    }
    let mut lit: Vec<&DrawnNode> = nodes.to_vec();
    lit.sort_by_key(|n| {
        (
            std::cmp::Reverse(tied.get(&n.entity).map_or(0, |t| t.1)),
            n.entity,
        )
    });
    let in_view: HashSet<u32> = nodes.iter().map(|n| n.entity).collect();
    let dimmed = (drawing.nodes.iter())
        .filter(|n| !hidden.contains(&&*n.node.kind) && !in_view.contains(&n.entity));
    let mut placed = Vec::new();
    // The dimmed first, so that the nodes in view are drawn over them.
    for (rank, node, in_view) in dimmed
        .map(|n| (usize::MAX, n, false))
        .chain(lit.iter().enumerate().map(|(rank, n)| (rank, *n, true)))
    {
        let (x, y) = (f64::from(node.node.x), f64::from(node.node.y));
        let r = (4.0 + 1.5 * (node.node.articles as f64).sqrt()).min(14.0) * px;
        let class = format!(
            "network-node {}{}",
            node.node.kind,
            if in_view { "" } else { " out" }
        );
        let ties_in_view = tied.get(&node.entity).map_or(0, |t| t.0);
        let label = format!(
            "{}, {}: {}{}",
            node.node.name,
            if node.node.kind == "person" {
                "person"
            } else {
                "organisation"
            },
            count_of(ties_in_view, "tie", "ties"),
            if in_view {
                " in view"
            } else {
                ", not named in the articles in view"
            }
        );
        let circle = svg(
            &layer,
            "circle",
            &[
                ("class", &class),
                ("cx", &deg(x)),
                ("cy", &deg(y)),
                ("r", &deg(r)),
                ("data-entity", &node.node.id),
                ("tabindex", if in_view { "0" } else { "-1" }),
                ("role", "link"),
                ("aria-label", &label),
            ],
        );
        svg(&circle, "title", &[]).set_text_content(Some(&node.node.name));
        // A name goes beside its node where it covers no name placed before (an average
        // letter of the 12-pixel type is about 6.6 pixels wide).
        let width = node.node.name.chars().count() as f64 * 6.6 * px;
        // Towards the middle, unless only the other side has room for it; a name that fits
        // on neither side (a long one on a phone) is left to the node's title and the list.
        let room_right = 1000.0 + MARGIN - (x + r + 3.0 * px);
        let room_left = x - r - 3.0 * px + MARGIN;
        let fits = width <= room_left || width <= room_right;
        let left = match (x > 500.0, width <= room_left, width <= room_right) {
            (true, false, true) => false,
            (false, true, false) => true,
            (middle_is_left, _, _) => middle_is_left,
        };
        let label_box = (
            if left {
                x - r - 3.0 * px - width
            } else {
                x + r + 3.0 * px
            },
            y - 8.0 * px,
            width,
            14.0 * px,
        );
        let clear = !placed.iter().any(|b: &(f64, f64, f64, f64)| {
            b.0 < label_box.0 + label_box.2
                && label_box.0 < b.0 + b.2
                && b.1 < label_box.1 + label_box.3
                && label_box.1 < b.1 + b.3
        });
        if rank < labelled && clear && fits {
            placed.push(label_box);
            let text = svg(
                &layer,
                "text",
                &[
                    ("class", "network-name"),
                    ("x", &deg(if left { x - r - 3.0 * px } else { label_box.0 })),
                    ("text-anchor", if left { "end" } else { "start" }),
                    ("y", &deg(y + 4.0 * px)),
                    ("font-size", &deg(12.0 * px)),
                    ("aria-hidden", "true"),
                ],
            );
            text.set_text_content(Some(&node.node.name));
        }
    }
}

/// The list under the drawing: each person or organisation in view, the most tied first,
/// with its ties in view; a button opens its page, another a tie's visits.
fn draw_list(host: &Element, nodes: &[&DrawnNode], ties: &[&DrawnTie]) {
    let Ok(Some(list)) = host.query_selector(".network-list") else {
        return;
    };
    list.set_text_content(None);
    let mut rows: Vec<(&DrawnNode, Vec<&DrawnTie>)> = (nodes.iter())
        .map(|n| {
            let mine = (ties.iter().copied())
                .filter(|t| t.ends.contains(&n.entity))
                .collect();
            (*n, mine)
        })
        .collect();
    let weight = |ties: &[&DrawnTie]| -> usize { ties.iter().map(|t| t.edge.weight()).sum() };
    rows.sort_by_key(|(n, mine)| (std::cmp::Reverse(weight(mine)), n.entity));
    for (node, mine) in rows {
        let item = html(&list, "li", &[]);
        let name = html(
            &item,
            "button",
            &[
                ("type", "button"),
                ("class", &format!("network-item {}", node.node.kind)),
                ("data-entity", &node.node.id),
            ],
        );
        name.set_text_content(Some(&node.node.name));
        if mine.is_empty() {
            item.append_with_str_1(": no tie in view").ok();
            continue;
        }
        let ties_list = html(&item, "ul", &[("class", "network-ties-list")]);
        for tie in mine {
            let line = html(&ties_list, "li", &[]);
            line.set_text_content(Some(&tie_label(tie)));
            if !tie.visits.is_empty() {
                let visits: Vec<String> = tie.visits.iter().map(u32::to_string).collect();
                let button = html(
                    &line,
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "network-visits"),
                        ("data-visits", &visits.join(" ")),
                    ],
                );
                button.set_text_content(Some("the visits"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three people and an organisation: Ansari–Lavrov by a visit (visit 4), Lavrov–Putin by
    /// a sentence, Putin–Gazprom by both; of 9 people and organisations in all.
    const DRAWING: &str = "h\t9\t7\tT\n\
        n\t0\tperson/ansari\tAnsari\tperson\t2\t100\t100\n\
        n\t1\tperson/lavrov\tLavrov\tperson\t1\t200\t100\n\
        n\t2\tperson/putin\tPutin\tperson\t1\t300\t100\n\
        n\t5\torg/gazprom\tGazprom\torganization\t1\t400\t100\n\
        t\t0\t1\t4\t0\tv4\td/1\n\
        t\t1\t2\t\t2\t\td/1; d/2\n\
        t\t2\t5\t7\t1\tv7\td/2\n";

    fn names(nodes: &[&DrawnNode]) -> Vec<String> {
        nodes.iter().map(|n| n.node.name.clone()).collect()
    }

    #[test]
    fn the_articles_in_view_light_their_nodes_and_the_ties_between_them() {
        let drawing = read(DRAWING).unwrap();
        // The app's `e` lines; the map's lines beside them are no concern of the network.
        let marks = "v\t4\tIran\n\
            e\tperson/ansari\t2\n\
            e\tperson/lavrov\t1\n\
            e\torg/gazprom\t1\n\
            e\tperson/nobody-drawn\t3\n";
        let named = in_view(marks);
        assert_eq!(named.len(), 4);
        assert_eq!(named["person/ansari"], 2);
        let (nodes, ties) = visible(&drawing, &named, &[]);
        assert_eq!(names(&nodes), ["Ansari", "Lavrov", "Gazprom"]);
        // Putin is not named, so neither of his ties is in view.
        assert_eq!(ties.len(), 1);
        assert_eq!(tie_label(ties[0]), "Ansari – Lavrov: 1 visit");
        // Organisations switched off.
        let (nodes, _) = visible(&drawing, &named, &["organization"]);
        assert_eq!(names(&nodes), ["Ansari", "Lavrov"]);
        assert_eq!(
            summary(&drawing, 3, 1),
            "3 of 4 people and organisations, and 1 of 3 ties, in view; drawn are the 4 with \
             the strongest ties of 9 (the compiler's export has all)"
        );
        assert_eq!(
            tie_label(&drawing.ties[2]),
            "Putin – Gazprom: 1 visit, 1 sentence naming both"
        );
    }
}
