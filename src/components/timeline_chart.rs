//! `TimelineChart`: the visits drawn as SVG marks across time, in lanes by
//! direction of travel, with zoom, pan, a brush that sets the date range, a
//! tooltip and keyboard navigation.
//!
//! Geometry (lanes, spans, window, ticks, stacking) comes from core's
//! `timeline` module; this file only turns it into SVG and events. The axis
//! and the lanes are computed over the whole corpus, so filtering never moves
//! a mark: only which marks show changes.
//!
//! Pointer use: a drag brushes a date range (`from`/`to` in the URL); the
//! wheel zooms around the pointer; two fingers pinch to zoom and pan. Buttons
//! do the same for keyboards: +/−/reset, ←/→, and "Show only this stretch".
//! Marks are focusable in date order; ←/→ (and Home/End) move between them;
//! Enter or Space opens the visit's card.
//!
//! The SVG's layers (lanes and ticks, the brush, the marks) are drawn by
//! effects with plain DOM calls rather than by `view!`: every reactive SVG
//! element and per-mark handler instantiated Leptos's rendering code anew, and
//! the chart cost a tenth of the WASM (measured with `cargo xtask bench`). The
//! marks' events are handled once, on the `<svg>`, by the mark they hit.
//!
//! Invariant: corpus text reaches the SVG only as text nodes and attribute
//! values, never as markup.

use communique_core::facet::DateRange;
use communique_core::timeline::{self, Lanes, TickLevel, VisitSpan, Window};
use communique_core::{civil_from_days, DateBasis, Visit, VisitStatus};
use leptos::ev::{KeyboardEvent, PointerEvent, WheelEvent};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::bundle;
use crate::components::show_if::ShowIf;
use crate::dom;
use crate::format;
use crate::state::AppState;

/// Height of a lane's title band.
const LANE_TITLE: f64 = 18.0;
/// Height of one row of marks inside a lane.
const ROW: f64 = 22.0;
/// Height of the time axis under the lanes.
const AXIS: f64 = 26.0;
/// Radius of a one-day mark; also the least half-width of any mark.
const DOT: f64 = 6.0;
/// Space kept between labelled ticks.
const TICK_SPACING: f64 = 64.0;
/// Width allowed per character of a tick label (11 px type), to tell whether
/// it fits between its tick and the right edge.
const LABEL_CHAR_WIDTH: f64 = 7.0;
/// How far a pointer must move before a press becomes a brush, in pixels.
const DRAG_THRESHOLD: f64 = 4.0;
/// At most this many lanes: the most frequent directions, then "Other".
const MAX_LANES: usize = 4;
/// The zoom step of the +/− buttons.
const ZOOM_STEP: f64 = 0.6;
/// The share of the window the ←/→ buttons move it by.
const PAN_STEP: f64 = 0.4;

/// One mark, laid out.
#[derive(Clone, Debug, PartialEq)]
struct Mark {
    visit: &'static Visit,
    span: VisitSpan,
    lane: usize,
    row: usize,
    /// Position in date order: the keyboard's order.
    order: usize,
}

/// The lanes of the whole corpus, and the window showing all of it.
fn corpus_layout() -> (Lanes, Option<Window>) {
    let visits = &bundle::corpus().visits;
    let lanes = Lanes::of(visits.iter().filter(|v| v.date.is_some()), MAX_LANES);
    let bounds = Window::fit(visits.iter().filter_map(VisitSpan::of));
    (lanes, bounds)
}

/// How the ids of mark elements start.
const MARK_ID_PREFIX: &str = "tl-mark-";

/// An id for a mark element, from its position in date order.
fn mark_id(order: usize) -> String {
    format!("{MARK_ID_PREFIX}{order}")
}

/// Gives the keyboard focus to the SVG element `id`, if there is one.
fn focus_svg_element(id: &str) {
    if let Some(el) = dom::by_id::<web_sys::SvgElement>(id) {
        let _ = el.focus();
    }
}

/// The words for a visit that a tooltip and a screen reader give.
pub fn visit_summary(visit: &Visit) -> String {
    let role = visit
        .traveler_role
        .as_deref()
        .map(|role| format!(", {role}"))
        .unwrap_or_default();
    let country = match &visit.country {
        Some(country) if *country != visit.destination => format!(", {country}"),
        _ => String::new(),
    };
    format!(
        "{}{role} → {}{country}, {}",
        visit.traveler,
        visit.destination,
        visit_dates(visit)
    )
}

/// A visit's dates in words, with its status when it did not simply happen.
pub fn visit_dates(visit: &Visit) -> String {
    let dates = match (visit.date, visit.date_end) {
        (Some(start), Some(end)) if end != start => {
            format!(
                "{} – {}",
                format::human_date(Some(start)),
                format::human_date(Some(end))
            )
        }
        (date, _) => format::human_date(date),
    };
    let dates = if visit.date_basis == Some(DateBasis::Publication) {
        format!("{dates} (date of the report)")
    } else {
        dates
    };
    match visit.status {
        VisitStatus::Happened => dates,
        VisitStatus::Planned => format!("{dates} (planned)"),
        VisitStatus::Cancelled => format!("{dates} (cancelled)"),
    }
}

/// The label of a tick: the year, the month's abbreviation, or the day.
fn tick_label(tick: &timeline::Tick) -> String {
    match tick.level {
        TickLevel::Year => tick.date.year.to_string(),
        TickLevel::Month => format::human_date(Some(tick.date))
            .split(' ')
            .next()
            .unwrap_or_default()
            .to_string(),
        TickLevel::Day => tick.date.day.to_string(),
    }
}

/// The SVG timeline of `visits` (the ones the query and filters let through;
/// undated ones are skipped here and listed by `UndatedVisits`). A click,
/// Enter or Space on a mark sets `selected` to the visit's id.
#[component]
pub fn TimelineChart(
    /// The visits to draw (undated ones are ignored).
    #[prop(into)]
    visits: Signal<Vec<&'static Visit>>,
    /// The id of the visit whose card is open.
    selected: RwSignal<Option<String>>,
    /// A short strip (above search results) rather than the full view.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let state = AppState::expect();
    let (lanes, bounds) = corpus_layout();
    let Some(bounds) = bounds else {
        return view! { <p class="timeline-empty">"No dated visits in this corpus."</p> }
            .into_any();
    };
    let lanes = StoredValue::new(lanes);
    let window = RwSignal::new(bounds);
    let width = RwSignal::new(800.0_f64);
    let container = NodeRef::<leptos::html::Div>::new();
    let hovered = RwSignal::new(None::<usize>);
    // The brush while dragging: the day where it started and where it is now.
    let brush = RwSignal::new(None::<(f64, f64)>);
    // The x of each pointer down on the chart, by pointer id (two at most in a pinch).
    let pointers = StoredValue::new(Vec::<(i32, f64)>::new());
    let press = StoredValue::new(None::<(i32, f64, bool)>);

    // The axis is as wide as the chart's box: measured now and on resize.
    let measure = move || {
        if let Some(el) = container.get_untracked() {
            let w = f64::from(el.client_width());
            if w > 0.0 {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if container.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let marks = Memo::new(move |_| {
        let shown = visits.get();
        let order = timeline::date_order(&shown);
        let w = width.get();
        let view = window.get();
        let mut marks: Vec<Mark> = order
            .iter()
            .enumerate()
            .filter_map(|(position, &i)| {
                let visit = shown[i];
                let span = VisitSpan::of(visit)?;
                Some(Mark {
                    visit,
                    span,
                    lane: lanes.with_value(|l| l.lane_of(visit)),
                    row: 0,
                    order: position,
                })
            })
            .collect();
        // Rows per lane, from the marks' extent on screen at this zoom.
        let lane_count = lanes.with_value(|l| l.labels.len());
        for lane in 0..lane_count {
            let members: Vec<usize> = (0..marks.len())
                .filter(|&m| marks[m].lane == lane)
                .collect();
            let intervals: Vec<(f64, f64)> = members
                .iter()
                .map(|&m| {
                    let (x0, x1) = extent_px(&marks[m].span, view, w);
                    (x0, x1)
                })
                .collect();
            let (rows, _) = timeline::stack(&intervals, 3.0);
            for (&m, row) in members.iter().zip(rows) {
                marks[m].row = row;
            }
        }
        marks
    });
    // Each lane's top and height: a title band and as many rows as it needs.
    let lane_boxes = Memo::new(move |_| {
        let lane_count = lanes.with_value(|l| l.labels.len());
        let mut rows = vec![1usize; lane_count];
        marks.with(|marks| {
            for mark in marks {
                rows[mark.lane] = rows[mark.lane].max(mark.row + 1);
            }
        });
        let mut top = 0.0;
        rows.into_iter()
            .map(|rows| {
                let height = LANE_TITLE + rows as f64 * ROW;
                let lane = (top, height);
                top += height;
                lane
            })
            .collect::<Vec<(f64, f64)>>()
    });
    let plot_height =
        move || lane_boxes.with(|b| b.last().map_or(ROW, |(top, height)| top + height));

    let x_of = move |day: f64| window.with(|view| view.x(day, width.get()));
    let day_at = move |x: f64| window.with_untracked(|view| view.day_at(x, width.get_untracked()));
    let offset_x = move |ev: &PointerEvent| {
        // Relative to the chart box, so nested targets (marks, ticks) agree.
        container
            .get_untracked()
            .map_or(f64::from(ev.offset_x()), |el| {
                f64::from(ev.client_x()) - el.get_bounding_client_rect().left()
            })
    };

    let zoom = move |factor: f64, anchor: Option<f64>| {
        window.update(|view| {
            let anchor = anchor.unwrap_or((view.start + view.end) / 2.0);
            *view = view.zoomed(factor, anchor, bounds);
        });
    };
    let pan = move |share: f64| {
        window.update(|view| *view = view.panned(view.days() * share, bounds));
    };

    let on_wheel = move |ev: WheelEvent| {
        ev.prevent_default();
        let x = container
            .get_untracked()
            .map_or(f64::from(ev.offset_x()), |el| {
                f64::from(ev.client_x()) - el.get_bounding_client_rect().left()
            });
        // Horizontal scrolling (trackpads, shift+wheel) pans; vertical zooms.
        if ev.delta_x().abs() > ev.delta_y().abs() || ev.shift_key() {
            let delta = if ev.shift_key() {
                ev.delta_y()
            } else {
                ev.delta_x()
            };
            pan(delta / width.get_untracked().max(1.0));
        } else {
            zoom((ev.delta_y() * 0.002).exp(), Some(day_at(x)));
        }
    };

    let on_pointer_down = move |ev: PointerEvent| {
        if !ev.is_primary() && ev.pointer_type() == "mouse" {
            return;
        }
        let x = offset_x(&ev);
        pointers.update_value(|p| move_pointer(p, ev.pointer_id(), x));
        if pointers.with_value(|p| p.len()) == 1 && ev.button() <= 0 {
            press.set_value(Some((ev.pointer_id(), x, false)));
        } else {
            // A second finger turns the gesture into a pinch.
            press.set_value(None);
            brush.set(None);
        }
    };
    let on_pointer_move = move |ev: PointerEvent| {
        let x = offset_x(&ev);
        let id = ev.pointer_id();
        let before = pointers.with_value(|p| p.clone());
        let Some(old) = before.iter().find(|(k, _)| *k == id).map(|&(_, v)| v) else {
            return;
        };
        if before.len() == 2 {
            // Pinch: the distance between the fingers zooms, their middle pans.
            let other = before.iter().find(|(k, _)| *k != id).map(|&(_, v)| v);
            if let Some(other) = other {
                let (old_gap, new_gap) = ((old - other).abs(), (x - other).abs());
                if old_gap > 10.0 && new_gap > 10.0 {
                    let anchor = day_at((x + other) / 2.0);
                    zoom(old_gap / new_gap, Some(anchor));
                }
                pan(-((x + other) / 2.0 - (old + other) / 2.0) / width.get_untracked().max(1.0));
            }
            pointers.update_value(|p| move_pointer(p, id, x));
            return;
        }
        pointers.update_value(|p| move_pointer(p, id, x));
        let Some((press_id, start, dragging)) = press.get_value() else {
            return;
        };
        if press_id != id {
            return;
        }
        if !dragging && (x - start).abs() < DRAG_THRESHOLD {
            return;
        }
        if !dragging {
            // Captured only once it is a drag, so a plain click still reaches its mark.
            if let Some(target) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = target.set_pointer_capture(id);
            }
            press.set_value(Some((id, start, true)));
        }
        brush.set(Some((day_at(start), day_at(x))));
    };
    let on_pointer_up = move |ev: PointerEvent| {
        pointers.update_value(|p| p.retain(|&(k, _)| k != ev.pointer_id()));
        let finished = press.get_value();
        press.set_value(None);
        if let (Some((id, _, true)), Some((a, b))) = (finished, brush.get_untracked()) {
            if id == ev.pointer_id() {
                brush.set(None);
                state.set_date_range(DateRange::from_days(a.floor() as i64, b.floor() as i64));
            }
        }
    };
    let on_pointer_cancel = move |ev: PointerEvent| {
        pointers.update_value(|p| p.retain(|&(k, _)| k != ev.pointer_id()));
        press.set_value(None);
        brush.set(None);
    };

    // The range shown shaded: the drag in progress, else the URL's range.
    let shaded = move || {
        if let Some((a, b)) = brush.get() {
            return Some((a.min(b), a.max(b)));
        }
        let range = state.filters.with(|f| f.dates);
        if !range.is_set() {
            return None;
        }
        let (from, to) = range.days();
        let view = window.get();
        let from = if from == i64::MIN {
            view.start
        } else {
            from as f64
        };
        let to = if to == i64::MAX {
            view.end
        } else {
            to as f64 + 1.0
        };
        Some((from, to))
    };

    // A focused mark outside the window brings the window to it. Only a real
    // move notifies: a redraw refocuses the mark, which must not redraw again.
    let reveal = move |span: VisitSpan| {
        window.maybe_update(|view| {
            let (first, last) = (span.first as f64, span.last as f64 + 1.0);
            if first < view.start || last > view.end {
                let middle = (first + last) / 2.0;
                *view = view.panned(middle - (view.start + view.end) / 2.0, bounds);
                true
            } else {
                false
            }
        });
    };
    // The mark an event happened in: its position in date order and its layout.
    let mark_of = move |ev: &web_sys::Event| -> Option<Mark> {
        let order: usize = ev
            .target()?
            .dyn_into::<web_sys::Element>()
            .ok()?
            .closest(".tl-mark")
            .ok()??
            .get_attribute("data-order")?
            .parse()
            .ok()?;
        marks.with_untracked(|m| m.iter().find(|m| m.order == order).cloned())
    };
    let on_mark_click = move |ev: web_sys::MouseEvent| {
        if let Some(mark) = mark_of(&ev) {
            selected.set(Some(mark.visit.id.clone()));
        }
    };
    let on_mark_key = move |ev: KeyboardEvent| {
        let Some(mark) = mark_of(&ev) else {
            return;
        };
        let count = marks.with_untracked(Vec::len);
        let target = match ev.key().as_str() {
            "Enter" | " " => {
                ev.prevent_default();
                selected.set(Some(mark.visit.id.clone()));
                return;
            }
            "ArrowRight" | "ArrowDown" if mark.order + 1 < count => mark.order + 1,
            "ArrowLeft" | "ArrowUp" if mark.order > 0 => mark.order - 1,
            "Home" => 0,
            "End" => count.saturating_sub(1),
            _ => return,
        };
        ev.prevent_default();
        focus_svg_element(&mark_id(target));
    };
    let on_mark_focus = move |ev: web_sys::FocusEvent| {
        if let Some(mark) = mark_of(&ev) {
            reveal(mark.span);
            hovered.set(Some(mark.order));
        }
    };
    let on_mark_hover = move |ev: web_sys::MouseEvent| hovered.set(mark_of(&ev).map(|m| m.order));

    // The SVG and its four layers, each redrawn by its own effect below, so
    // that a drag redraws only the shade and a chosen visit only the marks.
    // They are found in the plot by class once it is mounted (one node
    // reference, not five: each element type of `NodeRef` is compiled anew).
    let part = move |class: &str| -> Option<web_sys::Element> {
        container.get()?.query_selector(class).ok()?
    };

    // The size, the lanes and the ticks: on a new layout, window or width.
    Effect::new(move |_| {
        let (Some(svg), Some(lanes_g), Some(ticks_g)) =
            (part(".tl-svg"), part(".tl-lanes"), part(".tl-ticks"))
        else {
            return;
        };
        let (view, w) = (window.get(), width.get());
        let boxes = lane_boxes.get();
        let bottom = plot_height();
        let h = bottom + AXIS;
        set_attributes(
            &svg,
            &[
                ("width", &px(w)),
                ("height", &px(h)),
                (
                    "viewBox",
                    &format!("0 0 {} {}", format::fixed(w, 0), format::fixed(h, 0)),
                ),
            ],
        );
        lanes_g.set_text_content(None);
        lanes.with_value(|l| {
            for (i, ((top, height), label)) in boxes.iter().zip(&l.labels).enumerate() {
                let class = if i % 2 == 0 {
                    "tl-lane even"
                } else {
                    "tl-lane odd"
                };
                let g = svg_child(&lanes_g, "g", &[("class", class)]);
                svg_child(
                    &g,
                    "rect",
                    &[
                        ("x", "0"),
                        ("y", &px(*top)),
                        ("width", &px(w)),
                        ("height", &px(*height)),
                    ],
                );
                let text = svg_child(
                    &g,
                    "text",
                    &[
                        ("class", "tl-lane-label"),
                        ("x", "6"),
                        ("y", &px(top + 13.0)),
                    ],
                );
                text.set_text_content(Some(label));
            }
        });

        ticks_g.set_text_content(None);
        for tick in timeline::ticks(view, w, TICK_SPACING) {
            let x = view.x(tick.day as f64, w);
            let class = match tick.level {
                TickLevel::Year => "tl-tick year",
                TickLevel::Month => "tl-tick month",
                TickLevel::Day => "tl-tick day",
            };
            let g = svg_child(&ticks_g, "g", &[("class", class)]);
            svg_child(
                &g,
                "line",
                &[
                    ("x1", &px(x)),
                    ("x2", &px(x)),
                    ("y1", "0"),
                    ("y2", &px(bottom + 4.0)),
                ],
            );
            // A label that would run past the right edge ends at its tick instead.
            let label = tick_label(&tick);
            let fits = x + 3.0 + label.chars().count() as f64 * LABEL_CHAR_WIDTH <= w;
            let (label_x, anchor) = if fits {
                (x + 3.0, "start")
            } else {
                (x - 3.0, "end")
            };
            let text = svg_child(
                &g,
                "text",
                &[
                    ("x", &px(label_x)),
                    ("y", &px(bottom + 17.0)),
                    ("text-anchor", anchor),
                ],
            );
            text.set_text_content(Some(&label));
        }
    });

    // The shaded range: while dragging, on every move.
    Effect::new(move |_| {
        let Some(shade_g) = part(".tl-shade") else {
            return;
        };
        shade_g.set_text_content(None);
        if let Some((a, b)) = shaded() {
            let (x0, x1) = (x_of(a).max(0.0), x_of(b).min(width.get()));
            if x1 > x0 {
                svg_child(
                    &shade_g,
                    "rect",
                    &[
                        ("class", "tl-brush"),
                        ("x", &px(x0)),
                        ("y", "0"),
                        ("width", &px(x1 - x0)),
                        ("height", &px(plot_height())),
                    ],
                );
            }
        }
    });

    // The marks, keeping the keyboard focus on its mark across the redraw.
    Effect::new(move |_| {
        let Some(marks_g) = part(".tl-marks") else {
            return;
        };
        let (view, w) = (window.get(), width.get());
        let boxes = lane_boxes.get();
        let chosen = selected.get();
        let focused = document()
            .active_element()
            .map(|el| el.id())
            .filter(|id| id.starts_with(MARK_ID_PREFIX));
        marks_g.set_text_content(None);
        marks.with(|marks| {
            for mark in marks {
                let (x0, x1) = extent_px(&mark.span, view, w);
                let top = boxes.get(mark.lane).map_or(0.0, |(top, _)| *top);
                let cy = top + LANE_TITLE + mark.row as f64 * ROW + ROW / 2.0;
                let visit = mark.visit;
                let shape = if !mark.span.exact {
                    "vague"
                } else if mark.span.is_range() {
                    "range"
                } else {
                    "day"
                };
                let chosen = if chosen.as_deref() == Some(visit.id.as_str()) {
                    " selected"
                } else {
                    ""
                };
                // A date no sentence states is drawn dotted: the report's publication date.
                let defaulted = if visit.date_basis == Some(DateBasis::Publication) {
                    " defaulted"
                } else {
                    ""
                };
                let label = visit_summary(visit);
                let g = svg_child(
                    &marks_g,
                    "g",
                    &[
                        ("id", &mark_id(mark.order)),
                        (
                            "class",
                            &format!(
                                "tl-mark {shape} {}{defaulted}{chosen}",
                                visit.status.as_str()
                            ),
                        ),
                        ("tabindex", "0"),
                        ("role", "button"),
                        ("aria-label", &label),
                        ("data-visit", &visit.id),
                        ("data-order", &mark.order.to_string()),
                    ],
                );
                svg_child(&g, "title", &[]).set_text_content(Some(&label));
                if shape == "day" {
                    svg_child(
                        &g,
                        "circle",
                        &[
                            ("cx", &px((x0 + x1) / 2.0)),
                            ("cy", &px(cy)),
                            ("r", &px(DOT)),
                        ],
                    );
                } else {
                    svg_child(
                        &g,
                        "rect",
                        &[
                            ("x", &px(x0)),
                            ("y", &px(cy - DOT)),
                            ("width", &px((x1 - x0).max(2.0 * DOT))),
                            ("height", &px(2.0 * DOT)),
                            ("rx", &px(DOT)),
                        ],
                    );
                }
            }
        });
        if let Some(id) = focused {
            focus_svg_element(&id);
        }
    });

    // The tooltip of the hovered or focused mark, placed below it.
    let tooltip = move || {
        let order = hovered.get()?;
        let mark = marks.with(|m| m.iter().find(|m| m.order == order).cloned())?;
        let (x0, x1) = extent_px(&mark.span, window.get(), width.get());
        let top = lane_boxes.with(|b| b.get(mark.lane).map_or(0.0, |(top, _)| *top));
        // Below the mark: above it, the top lane's tooltip would leave the chart.
        let y = top + LANE_TITLE + (mark.row + 1) as f64 * ROW;
        let x = timeline::limit((x0 + x1) / 2.0, 0.0, width.get());
        let visit = mark.visit;
        // Kept inside the chart: anchored left, centre or right by where the mark is.
        let side = if x < width.get() * 0.25 {
            "left"
        } else if x > width.get() * 0.75 {
            "right"
        } else {
            "centre"
        };
        Some(view! {
            <div
                class=format!("tl-tooltip {side}")
                role="tooltip"
                // Set through the CSSOM, which the page's CSP allows (inline style attributes it does not).
                style:left=format!("{}px", px(x))
                style:top=format!("{}px", px(y))
            >
                <strong class="tl-tooltip-traveler">{visit.traveler.clone()}</strong>
                {visit.traveler_role.clone().map(|role| view! { <span class="tl-tooltip-role">{role}</span> })}
                <span class="tl-tooltip-destination">
                    {format!("→ {}", visit.destination)}
                    {visit
                        .country
                        .clone()
                        .filter(|c| *c != visit.destination)
                        .map(|c| format!(", {c}"))}
                </span>
                <span class="tl-tooltip-date">{visit_dates(visit)}</span>
            </div>
        })
    };

    let range_set = move || state.filters.with(|f| f.dates.is_set());
    let range_label = move || state.filters.with(|f| f.dates.label());
    let zoomed_in = move || !window.with(|view| view.covers(bounds));
    let limit_to_window = move |_| {
        let view = window.get_untracked();
        state.set_date_range(DateRange::from_days(
            view.start.ceil() as i64,
            view.end.floor() as i64 - 1,
        ));
    };
    let window_label = move || {
        let view = window.get();
        format!(
            "{} – {}",
            format::human_date(Some(civil_from_days(view.start.ceil() as i64))),
            format::human_date(Some(civil_from_days(view.end.floor() as i64 - 1)))
        )
    };
    let root_class = if compact {
        "timeline-chart compact"
    } else {
        "timeline-chart"
    };

    view! {
        <div class=root_class>
            <div class="tl-toolbar" role="toolbar" aria-label="Timeline zoom and range">
                <button type="button" class="tl-zoom-in" aria-label="Zoom in" title="Zoom in" on:click=move |_| zoom(ZOOM_STEP, None)>
                    "+"
                </button>
                <button type="button" class="tl-zoom-out" aria-label="Zoom out" title="Zoom out" disabled=move || !zoomed_in() on:click=move |_| zoom(1.0 / ZOOM_STEP, None)>
                    "−"
                </button>
                <button type="button" class="tl-pan-left" aria-label="Earlier" title="Earlier" disabled=move || !zoomed_in() on:click=move |_| pan(-PAN_STEP)>
                    "←"
                </button>
                <button type="button" class="tl-pan-right" aria-label="Later" title="Later" disabled=move || !zoomed_in() on:click=move |_| pan(PAN_STEP)>
                    "→"
                </button>
                <button type="button" class="tl-reset" disabled=move || !zoomed_in() on:click=move |_| window.set(bounds)>
                    "Reset"
                </button>
                <span class="tl-window" aria-live="polite">{window_label}</span>
                <button type="button" class="tl-limit" title="Filter the results to the stretch of time shown" on:click=limit_to_window>
                    "Show only this stretch"
                </button>
                <ShowIf when=range_set>
                    <button type="button" class="tl-clear-range" on:click=move |_| state.set_date_range(DateRange::default())>
                        {move || format!("Clear dates ({})", range_label())}
                    </button>
                </ShowIf>
            </div>
            <div class="tl-plot" node_ref=container>
                <svg
                    class="tl-svg"
                    role="group"
                    aria-label="Visits over time; drag across to filter by date"
                    on:wheel=on_wheel
                    on:pointerdown=on_pointer_down
                    on:pointermove=on_pointer_move
                    on:pointerup=on_pointer_up
                    on:pointercancel=on_pointer_cancel
                    on:click=on_mark_click
                    on:keydown=on_mark_key
                    on:focusin=on_mark_focus
                    on:focusout=move |_| hovered.set(None)
                    on:mouseover=on_mark_hover
                    on:mouseleave=move |_| hovered.set(None)
                >
                    <g class="tl-lanes"></g>
                    <g class="tl-ticks"></g>
                    <g class="tl-shade"></g>
                    <g class="tl-marks"></g>
                </svg>
                {tooltip}
            </div>
            // The full view only; `compact` never changes.
            {(!compact).then(|| view! {
                <ul class="tl-legend" aria-label="Legend">
                    <li>
                        <svg width="16" height="12" aria-hidden="true"><circle class="tl-key day" cx="8" cy="6" r="5" /></svg>
                        "known day"
                    </li>
                    <li>
                        <svg width="28" height="12" aria-hidden="true"><rect class="tl-key range" x="1" y="1" width="26" height="10" rx="5" /></svg>
                        "several days"
                    </li>
                    <li>
                        <svg width="28" height="12" aria-hidden="true"><rect class="tl-key vague" x="1" y="1" width="26" height="10" rx="5" /></svg>
                        "month or year only (dashed)"
                    </li>
                    <li>
                        <svg width="16" height="12" aria-hidden="true"><circle class="tl-key day planned" cx="8" cy="6" r="5" /></svg>
                        "planned (hollow)"
                    </li>
                    <li>
                        <svg width="16" height="12" aria-hidden="true"><circle class="tl-key day defaulted" cx="8" cy="6" r="5" /></svg>
                        "report's date, none stated (dotted)"
                    </li>
                </ul>
            })}
            <p class="tl-hint">
                "Drag across the chart to filter by date; scroll or pinch to zoom. Marks: Tab or ←/→ to move, Enter to open."
            </p>
        </div>
    }
    .into_any()
}

/// An SVG coordinate or length, to a tenth of a pixel (`format::fixed`, not the standard
/// library's float formatting).
fn px(x: f64) -> String {
    format::fixed(x, 1)
}

/// The SVG namespace, which `createElementNS` needs for SVG elements.
const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Sets attributes of `element`. Values are attribute values, never markup.
fn set_attributes(element: &web_sys::Element, attributes: &[(&str, &str)]) {
    for (name, value) in attributes {
        let _ = element.set_attribute(name, value);
    }
}

/// A new SVG element `tag` with `attributes`, appended to `parent`.
fn svg_child(
    parent: &web_sys::Element,
    tag: &str,
    attributes: &[(&str, &str)],
) -> web_sys::Element {
    let element = document()
        .create_element_ns(Some(SVG_NS), tag)
        .expect("an SVG tag name is valid");
    set_attributes(&element, attributes);
    let _ = parent.append_child(&element);
    element
}

/// Records pointer `id` at `x` among the pointers down.
fn move_pointer(pointers: &mut Vec<(i32, f64)>, id: i32, x: f64) {
    match pointers.iter_mut().find(|(k, _)| *k == id) {
        Some(pointer) => pointer.1 = x,
        None => pointers.push((id, x)),
    }
}

/// The left and right x of a mark: its days, widened to at least a dot.
fn extent_px(span: &VisitSpan, view: Window, width: f64) -> (f64, f64) {
    let x0 = view.x(span.first as f64, width);
    let x1 = view.x(span.last as f64 + 1.0, width);
    let middle = (x0 + x1) / 2.0;
    (x0.min(middle - DOT), x1.max(middle + DOT))
}
