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
use communique_core::timeline::{self, GestureAction, Gestures, Lanes, VisitSpan, Window};
use communique_core::{civil_from_days, Visit};
use leptos::ev::{KeyboardEvent, PointerEvent, WheelEvent};
use leptos::prelude::*;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

use crate::bundle;
use crate::components::show_if::ShowIf;
use crate::components::timeline_svg::{
    draw_lanes, draw_marks, draw_ticks, extent_px, mark_id, px, set_attributes, svg_child, Mark,
    LANE_TITLE, MARK_ID_PREFIX, ROW,
};
use crate::dom;
use crate::format;
use crate::state::AppState;

/// Height of the time axis under the lanes.
const AXIS: f64 = 26.0;
/// At most this many lanes: the most frequent directions, then "Other".
const MAX_LANES: usize = 4;
/// The zoom step of the +/− buttons.
const ZOOM_STEP: f64 = 0.6;
/// The share of the window the ←/→ buttons move it by.
const PAN_STEP: f64 = 0.4;
/// The rows of marks a strip's lane keeps: at 100,000 articles the strip's 2,030 visits
/// stacked 5,000 pixels high, and drawing them took 80 ms of the first view and of each
/// broad query's keys. The full timeline draws every mark.
const STRIP_ROWS: usize = 3;

/// The lanes of the whole corpus, and the window showing all of it.
fn corpus_layout() -> (Lanes, Option<Window>) {
    let visits = &bundle::corpus().visits;
    let lanes = Lanes::of(visits.iter().filter(|v| v.date.is_some()), MAX_LANES);
    let bounds = Window::fit(visits.iter().filter_map(VisitSpan::of));
    (lanes, bounds)
}

/// Gives the keyboard focus to the SVG element `id`, if there is one.
fn focus_svg_element(id: &str) {
    if let Some(el) = dom::by_id::<web_sys::SvgElement>(id) {
        let _ = el.focus();
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
    // The axis is as wide as the chart's box; 0 until measured, and nothing is drawn until then.
    let width = RwSignal::new(0.0_f64);
    let container = NodeRef::<leptos::html::Div>::new();
    let hovered = RwSignal::new(None::<usize>);
    // The brush while dragging: the day where it started and where it is now.
    let brush = RwSignal::new(None::<(f64, f64)>);
    // The pointer gestures in progress (core's state machine), shared by the handlers below
    // (a plain cell: a `StoredValue` of its own type costs more WASM than the gestures).
    let gestures = std::rc::Rc::new(std::cell::RefCell::new(Gestures::default()));

    // The box's width is read when a `ResizeObserver` reports it: once the page is laid
    // out, and whenever the box changes. Read when the chart was mounted, it forced a layout
    // of the whole page in the middle of the app's work (5 ms of a query's first key at
    // 10,000 articles, and more of the start, once the overview showed the strip).
    let measure = Closure::<dyn Fn()>::new(move || {
        if let Some(Some(el)) = container.try_get_untracked() {
            let w = f64::from(el.client_width());
            if w > 0.0 && width.try_get_untracked() != Some(w) {
                width.try_set(w);
            }
        }
    });
    let observer = web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()).ok();
    if let Some(observer) = observer.clone() {
        crate::effect::effect(move || {
            if let Some(el) = container.get() {
                observer.observe(&el);
            }
        });
    }
    let kept = send_wrapper::SendWrapper::new((observer, measure));
    on_cleanup(move || {
        let (observer, _measure) = kept.take();
        if let Some(observer) = observer {
            observer.disconnect();
        }
    });

    let marks = Memo::new(move |_| {
        let w = width.get();
        if w <= 0.0 {
            return Vec::new();
        }
        let shown = visits.get();
        let order = timeline::date_order(&shown);
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
        let extents: Vec<(usize, f64, f64)> = marks
            .iter()
            .map(|m| {
                let (x0, x1) = extent_px(&m.span, view, w);
                (m.lane, x0, x1)
            })
            .collect();
        let lane_count = lanes.with_value(|l| l.labels.len());
        for (mark, row) in marks
            .iter_mut()
            .zip(timeline::lane_rows(&extents, lane_count, 3.0))
        {
            mark.row = row;
        }
        if compact && marks.iter().any(|m| m.row >= STRIP_ROWS) {
            marks.retain(|m| m.row < STRIP_ROWS);
            // Keyboard order without gaps: the arrow keys step from one drawn mark to the next.
            for (order, mark) in marks.iter_mut().enumerate() {
                mark.order = order;
            }
        }
        marks
    });
    // Whether the strip leaves out marks that would stack too high, which it then says.
    let crowded = move || {
        let dated = move || visits.with(|v| v.iter().filter_map(|v| VisitSpan::of(v)).count());
        compact && width.get() > 0.0 && marks.with(Vec::len) < dated()
    };
    // Each lane's top and height: a title band and as many rows as it needs.
    let lane_boxes = Memo::new(move |_| {
        let lane_count = lanes.with_value(|l| l.labels.len());
        let placed: Vec<(usize, usize)> =
            marks.with(|marks| marks.iter().map(|m| (m.lane, m.row)).collect());
        timeline::lane_boxes(&placed, lane_count, LANE_TITLE, ROW)
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

    // What a gesture asks for, in pixels, turned into days at the current window.
    let apply = move |action: GestureAction| match action {
        GestureAction::Nothing => {}
        GestureAction::Zoom { factor, anchor_x } => zoom(factor, anchor_x.map(day_at)),
        GestureAction::Pan { px } => pan(px / width.get_untracked().max(1.0)),
        GestureAction::Pinch { zoom: step, pan_px } => {
            if let Some((factor, anchor_x)) = step {
                zoom(factor, Some(day_at(anchor_x)));
            }
            pan(pan_px / width.get_untracked().max(1.0));
        }
        GestureAction::Brush { from_x, to_x, .. } => {
            brush.set(Some((day_at(from_x), day_at(to_x))))
        }
        GestureAction::Commit => {
            if let Some((a, b)) = brush.get_untracked() {
                brush.set(None);
                state.set_date_range(DateRange::from_days(a.floor() as i64, b.floor() as i64));
            }
        }
        GestureAction::Clear => brush.set(None),
    };
    let on_wheel = move |ev: WheelEvent| {
        ev.prevent_default();
        let x = container
            .get_untracked()
            .map_or(f64::from(ev.offset_x()), |el| {
                f64::from(ev.client_x()) - el.get_bounding_client_rect().left()
            });
        apply(Gestures::wheel(
            ev.delta_x(),
            ev.delta_y(),
            ev.shift_key(),
            x,
        ));
    };
    let on_pointer_down = {
        let gestures = gestures.clone();
        move |ev: PointerEvent| {
            if !ev.is_primary() && ev.pointer_type() == "mouse" {
                return;
            }
            let (id, x, main) = (ev.pointer_id(), offset_x(&ev), ev.button() <= 0);
            let action = gestures.borrow_mut().down(id, x, main);
            apply(action);
        }
    };
    let on_pointer_up = {
        let gestures = gestures.clone();
        move |ev: PointerEvent| {
            let action = gestures.borrow_mut().up(ev.pointer_id());
            apply(action);
        }
    };
    let on_pointer_cancel = {
        let gestures = gestures.clone();
        move |ev: PointerEvent| {
            let action = gestures.borrow_mut().cancel(ev.pointer_id());
            apply(action);
        }
    };
    let on_pointer_move = move |ev: PointerEvent| {
        let (id, x) = (ev.pointer_id(), offset_x(&ev));
        let action = gestures.borrow_mut().moved(id, x);
        if let GestureAction::Brush {
            capture: Some(id), ..
        } = action
        {
            // Captured only once it is a drag, so a plain click still reaches its mark.
            if let Some(target) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = target.set_pointer_capture(id);
            }
        }
        apply(action);
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
    crate::effect::effect(move || {
        let (Some(svg), Some(lanes_g), Some(ticks_g)) =
            (part(".tl-svg"), part(".tl-lanes"), part(".tl-ticks"))
        else {
            return;
        };
        let (view, w) = (window.get(), width.get());
        if w <= 0.0 {
            return;
        }
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
        lanes.with_value(|l| draw_lanes(&lanes_g, &boxes, &l.labels, w));
        draw_ticks(&ticks_g, view, w, bottom);
    });

    // The shaded range: while dragging, on every move.
    crate::effect::effect(move || {
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
    crate::effect::effect(move || {
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
        marks.with(|marks| draw_marks(&marks_g, marks, view, w, &boxes, chosen.as_deref()));
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
                <span class="tl-tooltip-date">{format::visit_dates(visit)}</span>
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
            <ShowIf when=crowded>
                <p class="tl-crowded">
                    "Too many visits to draw them all here: open the timeline to see each one."
                </p>
            </ShowIf>
            <p class="tl-hint">
                "Drag across the chart to filter by date; scroll or pinch to zoom. Marks: Tab or ←/→ to move, Enter to open."
            </p>
        </div>
    }
    .into_any()
}
