//! Drawing the timeline's SVG with DOM calls (cheaper in the WASM than a component per
//! element): the lanes, the axis ticks and the marks, each into its own layer, plus the
//! measures they share. `timeline_chart.rs` decides when each layer is redrawn.
//!
//! Invariant: corpus text reaches the SVG only as text nodes and attribute values, never
//! as markup.

use communique_core::timeline::{self, TickLevel, VisitSpan, Window};
use communique_core::{DateBasis, Visit};

pub(super) use crate::dom::{set_attributes, svg_child};
use crate::format::{self, visit_summary};

/// Height of a lane's title band.
pub(super) const LANE_TITLE: f64 = 18.0;
/// Height of one row of marks inside a lane.
pub(super) const ROW: f64 = 22.0;
/// Radius of a one-day mark; also the least half-width of any mark.
pub(super) const DOT: f64 = 6.0;
/// Space kept between labelled ticks.
pub(super) const TICK_SPACING: f64 = 64.0;
/// Width allowed per character of a tick label (11 px type), to tell whether
/// it fits between its tick and the right edge.
pub(super) const LABEL_CHAR_WIDTH: f64 = 7.0;

/// One mark, laid out.
#[derive(Clone, Debug)]
pub(super) struct Mark {
    pub(super) visit: &'static Visit,
    pub(super) span: VisitSpan,
    pub(super) lane: usize,
    pub(super) row: usize,
    /// Position in date order: the keyboard's order.
    pub(super) order: usize,
}

impl PartialEq for Mark {
    /// The same visit (the corpus's own, compared as a pointer, as `state::visits_changed`
    /// does) laid out alike.
    fn eq(&self, other: &Mark) -> bool {
        std::ptr::eq(self.visit, other.visit)
            && self.span == other.span
            && (self.lane, self.row, self.order) == (other.lane, other.row, other.order)
    }
}

/// How the ids of mark elements start.
pub(super) const MARK_ID_PREFIX: &str = "tl-mark-";

/// An id for a mark element, from its position in date order.
pub(super) fn mark_id(order: usize) -> String {
    format!("{MARK_ID_PREFIX}{order}")
}

/// The label of a tick: the year, the month's abbreviation, or the day.
pub(super) fn tick_label(tick: &timeline::Tick) -> String {
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

/// An SVG coordinate or length, to a tenth of a pixel (`format::fixed`, not the standard
/// library's float formatting).
pub(super) fn px(x: f64) -> String {
    format::fixed(x, 1)
}

/// The left and right x of a mark: its days, widened to at least a dot.
pub(super) fn extent_px(span: &VisitSpan, view: Window, width: f64) -> (f64, f64) {
    let x0 = view.x(span.first as f64, width);
    let x1 = view.x(span.last as f64 + 1.0, width);
    let middle = (x0 + x1) / 2.0;
    (x0.min(middle - DOT), x1.max(middle + DOT))
}

/// Redraws the lane bands of `labels` in `lanes_g`, at their `boxes` (top, height).
pub(super) fn draw_lanes(
    lanes_g: &web_sys::Element,
    boxes: &[(f64, f64)],
    labels: &[String],
    w: f64,
) {
    lanes_g.set_text_content(None);
    for (i, ((top, height), label)) in boxes.iter().zip(labels).enumerate() {
        let class = if i % 2 == 0 {
            "tl-lane even"
        } else {
            "tl-lane odd"
        };
        let g = svg_child(lanes_g, "g", &[("class", class)]);
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
}

/// Redraws the axis ticks of the window `view` in `ticks_g`, under a plot `bottom` high.
pub(super) fn draw_ticks(ticks_g: &web_sys::Element, view: Window, w: f64, bottom: f64) {
    ticks_g.set_text_content(None);
    for tick in timeline::ticks(view, w, TICK_SPACING) {
        let x = view.x(tick.day as f64, w);
        let class = match tick.level {
            TickLevel::Year => "tl-tick year",
            TickLevel::Month => "tl-tick month",
            TickLevel::Day => "tl-tick day",
        };
        let g = svg_child(ticks_g, "g", &[("class", class)]);
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
}

/// Redraws the marks in `marks_g` at the window `view`, in their lanes' `boxes`; the visit
/// with id `chosen` is drawn selected.
pub(super) fn draw_marks(
    marks_g: &web_sys::Element,
    marks: &[Mark],
    view: Window,
    w: f64,
    boxes: &[(f64, f64)],
    chosen: Option<&str>,
) {
    marks_g.set_text_content(None);
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
        let chosen = if chosen == Some(visit.id.as_str()) {
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
            marks_g,
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
}
