//! Geometry of the visits timeline: the lane (direction of travel) of each
//! visit, the days each mark covers, the visible window (zoom and pan), the
//! ticks of its axis, the stacking of marks that would overlap into rows and
//! lanes, and the pointer gestures (brush, pinch, wheel) as a state machine.
//!
//! The app draws these numbers as SVG; everything that can be decided without
//! a browser is decided here, so it is tested natively.
//!
//! Day numbers are those of [`PartialDate::first_day`] (days since 1970-01-01).
//! On the axis, day `d` covers the continuous interval `d .. d + 1`, so a
//! one-day visit has a width and a window is a pair of `f64` day positions.
//!
//! Invariant: every function is total: empty input gives empty output, a
//! window never becomes empty or inverted, nothing panics on odd dates.

use crate::model::{days_from_civil, DatePrecision, PartialDate, Visit};

/// Label of the lane that gathers the directions without a lane of their own
/// (less frequent ones, and visits whose countries are unknown).
pub const OTHER_LANE: &str = "Other";

/// The narrowest window a zoom can reach, in days: a week stays readable.
pub const MIN_WINDOW_DAYS: f64 = 7.0;

/// The direction of travel of a visit, `"Iran → Russia"`; `None` when either
/// country is unknown.
pub fn direction(visit: &Visit) -> Option<String> {
    let from = visit.traveler_country.as_deref()?;
    let to = visit.country.as_deref()?;
    Some(format!("{from} → {to}"))
}

/// The lanes of a timeline: the most frequent directions of travel, most
/// frequent first, then [`OTHER_LANE`] when some visits fit none of them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lanes {
    /// One label per lane, top to bottom.
    pub labels: Vec<String>,
}

impl Lanes {
    /// Lanes for `visits`: at most `max` lanes (at least one), the last being
    /// [`OTHER_LANE`] when the directions do not all fit. Ties in frequency go
    /// alphabetically, so the layout is stable.
    pub fn of<'a>(visits: impl IntoIterator<Item = &'a Visit>, max: usize) -> Lanes {
        let max = max.max(1);
        let mut counts: Vec<(String, usize)> = Vec::new();
        let mut undirected = false;
        for visit in visits {
            match direction(visit) {
                Some(label) => match counts.iter_mut().find(|(l, _)| *l == label) {
                    Some((_, count)) => *count += 1,
                    None => counts.push((label, 1)),
                },
                None => undirected = true,
            }
        }
        crate::sort::sort_by(&mut counts, |(a, ca), (b, cb)| {
            cb.cmp(ca).then_with(|| a.cmp(b))
        });
        let fits = counts.len() + usize::from(undirected) <= max;
        let own = if fits { counts.len() } else { max - 1 };
        let mut labels: Vec<String> = counts.into_iter().take(own).map(|(l, _)| l).collect();
        if !fits || undirected {
            labels.push(OTHER_LANE.to_owned());
        }
        Lanes { labels }
    }

    /// The lane of `visit`: its direction's, else the [`OTHER_LANE`] (the last).
    pub fn lane_of(&self, visit: &Visit) -> usize {
        let last = self.labels.len().saturating_sub(1);
        direction(visit)
            .and_then(|label| self.labels.iter().position(|l| *l == label))
            .unwrap_or(last)
    }
}

/// The days a visit's mark covers on the axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VisitSpan {
    /// The first day the visit may have started.
    pub first: i64,
    /// The last day it may have lasted to (equal to `first` for one day).
    pub last: i64,
    /// Whether both ends are known to the day; otherwise the mark spans the
    /// month or year the date names and is drawn as uncertain.
    pub exact: bool,
}

impl VisitSpan {
    /// The span of a visit; `None` for an undated one.
    pub fn of(visit: &Visit) -> Option<VisitSpan> {
        let start = visit.date?;
        let end = visit.date_end.unwrap_or(start);
        Some(VisitSpan {
            first: start.first_day().min(end.first_day()),
            last: start.last_day().max(end.last_day()),
            exact: start.precision() == DatePrecision::Day && end.precision() == DatePrecision::Day,
        })
    }

    /// Whether the mark covers more than one day (a bar rather than a dot).
    pub fn is_range(&self) -> bool {
        self.last > self.first
    }
}

/// The dated visits among `visits`, as indices, in date order (earliest start
/// first, then shortest, then by id): the order of keyboard focus.
pub fn date_order(visits: &[&Visit]) -> Vec<usize> {
    let mut dated: Vec<(VisitSpan, usize)> = visits
        .iter()
        .enumerate()
        .filter_map(|(i, visit)| VisitSpan::of(visit).map(|span| (span, i)))
        .collect();
    crate::sort::sort_by(&mut dated, |(a, i), (b, j)| {
        (a.first, a.last)
            .cmp(&(b.first, b.last))
            .then_with(|| visits[*i].id.cmp(&visits[*j].id))
    });
    dated.into_iter().map(|(_, i)| i).collect()
}

/// A visible stretch of time, in continuous day positions (`start < end`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    /// Day position at the left edge.
    pub start: f64,
    /// Day position at the right edge.
    pub end: f64,
}

impl Window {
    /// The whole-timeline window for marks covering days `first..=last`: padded
    /// by a twentieth on each side (at least a fortnight) so edge marks do not
    /// touch the frame; `None` when there is nothing to show.
    pub fn fit(spans: impl IntoIterator<Item = VisitSpan>) -> Option<Window> {
        let (first, last) = spans.into_iter().fold(None, |acc, span| match acc {
            None => Some((span.first, span.last)),
            Some((a, b)) => Some((span.first.min(a), span.last.max(b))),
        })?;
        let (first, last) = (first as f64, last as f64 + 1.0);
        let pad = ((last - first) / 20.0).max(14.0);
        Some(Window {
            start: first - pad,
            end: last + pad,
        })
    }

    /// The number of days shown.
    pub fn days(&self) -> f64 {
        self.end - self.start
    }

    /// The x coordinate of day position `day` on an axis `width` wide.
    pub fn x(&self, day: f64, width: f64) -> f64 {
        (day - self.start) / self.days() * width
    }

    /// The day position at x coordinate `x` on an axis `width` wide.
    pub fn day_at(&self, x: f64, width: f64) -> f64 {
        self.start + x / width.max(1.0) * self.days()
    }

    /// This window zoomed by `factor` (below 1 zooms in) around day position
    /// `anchor`, which stays at the same place on screen; kept within `bounds`
    /// and no narrower than [`MIN_WINDOW_DAYS`].
    pub fn zoomed(&self, factor: f64, anchor: f64, bounds: Window) -> Window {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let min_days = MIN_WINDOW_DAYS.min(bounds.days());
        let days = limit(self.days() * factor, min_days, bounds.days());
        let anchor = limit(anchor, self.start, self.end);
        let share = (anchor - self.start) / self.days();
        let start = anchor - share * days;
        Window {
            start,
            end: start + days,
        }
        .within(bounds)
    }

    /// This window moved by `days` (positive: later), kept within `bounds`.
    pub fn panned(&self, days: f64, bounds: Window) -> Window {
        let days = if days.is_finite() { days } else { 0.0 };
        Window {
            start: self.start + days,
            end: self.end + days,
        }
        .within(bounds)
    }

    /// Whether this window shows all of `bounds` (nothing to reset or pan).
    pub fn covers(&self, bounds: Window) -> bool {
        self.start <= bounds.start && self.end >= bounds.end
    }

    /// This window slid (never resized, unless wider) to lie inside `bounds`.
    fn within(self, bounds: Window) -> Window {
        if self.days() >= bounds.days() {
            return bounds;
        }
        let shift = if self.start < bounds.start {
            bounds.start - self.start
        } else if self.end > bounds.end {
            bounds.end - self.end
        } else {
            0.0
        };
        Window {
            start: self.start + shift,
            end: self.end + shift,
        }
    }
}

/// How much of a date a tick marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TickLevel {
    /// The first day of a month or day step.
    Day,
    /// The first day of a month.
    Month,
    /// The first day of a year.
    Year,
}

/// One tick of the time axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tick {
    /// The day it marks (its left edge is the tick's position).
    pub day: i64,
    /// The date it names, at the precision of its level.
    pub date: PartialDate,
    /// Year, month or day tick: how strongly it is drawn and how it is labelled.
    pub level: TickLevel,
}

/// Tick steps to choose from: days between day ticks, months between month
/// ticks, years between year ticks; the first that keeps labels apart wins.
const DAY_STEPS: [u8; 3] = [1, 2, 7];
const MONTH_STEPS: [u8; 4] = [1, 2, 3, 6];
const YEAR_STEPS: [i32; 6] = [1, 2, 5, 10, 20, 50];
/// Average month length, for deciding how many month ticks a window holds.
const DAYS_PER_MONTH: f64 = 30.44;

/// `x` limited to `low..=high` (to `low` when `x` is NaN).
///
/// Not `f64::clamp`, which panics when `low > high`: the zoom window meets that case when a
/// corpus spans fewer days than the smallest window. (It once also saved 10 KB of float
/// formatting in the WASM; since panics abort without a message, only 19 bytes gzipped.)
pub fn limit(x: f64, low: f64, high: f64) -> f64 {
    if x > high {
        high
    } else if x >= low {
        x
    } else {
        low
    }
}

/// The ticks of `window` on an axis `width` wide, leaving at least `spacing`
/// between labelled ticks: years always (when any falls inside), then months,
/// then days, as far as the zoom allows. Sorted by day, one tick per day.
pub fn ticks(window: Window, width: f64, spacing: f64) -> Vec<Tick> {
    let slots = (width / spacing.max(1.0)).max(2.0);
    let per_slot = window.days() / slots;
    let first = window.start.ceil() as i64;
    let last = window.end.floor() as i64;
    let (first_date, last_date) = (
        crate::model::civil_from_days(first),
        crate::model::civil_from_days(last),
    );
    let mut out = Vec::new();
    let year_step = YEAR_STEPS
        .into_iter()
        .find(|&step| f64::from(step) * 365.25 >= per_slot)
        .unwrap_or(100);
    let month_step = MONTH_STEPS
        .into_iter()
        .find(|&step| f64::from(step) * DAYS_PER_MONTH >= per_slot);
    let day_step = DAY_STEPS
        .into_iter()
        .find(|&step| f64::from(step) >= per_slot);
    for year in first_date.year..=last_date.year {
        for month in 1..=12u8 {
            let month_day = days_from_civil(year, month, 1);
            // Once months show, every new year is marked; before, only every step-th.
            if month == 1 && (month_step.is_some() || year.rem_euclid(year_step) == 0) {
                out.push(Tick {
                    day: month_day,
                    date: PartialDate::y(year),
                    level: TickLevel::Year,
                });
            } else if month_step.is_some_and(|step| (month - 1) % step == 0) {
                out.push(Tick {
                    day: month_day,
                    date: PartialDate::ym(year, month),
                    level: TickLevel::Month,
                });
            }
            let Some(step) = day_step else { continue };
            // Weekly ticks fall on the 8th, 15th and 22nd; denser steps count from the 1st.
            let days = crate::model::days_in_month(year, month);
            for day in (1 + step..=days).step_by(usize::from(step)) {
                if step == 7 && day > 22 {
                    break;
                }
                out.push(Tick {
                    day: days_from_civil(year, month, day),
                    date: PartialDate::ymd(year, month, day),
                    level: TickLevel::Day,
                });
            }
        }
    }
    out.retain(|tick| tick.day >= first && tick.day <= last);
    out
}

/// Stacks intervals (`(start, end)` in any unit, in drawing order) into rows
/// so that no two in a row come closer than `gap`: each goes to the first row
/// free at its start. Returns each interval's row and the number of rows.
pub fn stack(intervals: &[(f64, f64)], gap: f64) -> (Vec<usize>, usize) {
    let mut order: Vec<usize> = (0..intervals.len()).collect();
    crate::sort::sort_by(&mut order, |&a, &b| {
        intervals[a].0.total_cmp(&intervals[b].0)
    });
    let mut row_ends: Vec<f64> = Vec::new();
    let mut rows = vec![0; intervals.len()];
    for i in order {
        let (start, end) = intervals[i];
        let row = match row_ends.iter().position(|&row_end| row_end + gap <= start) {
            Some(row) => row,
            None => {
                row_ends.push(f64::NEG_INFINITY);
                row_ends.len() - 1
            }
        };
        row_ends[row] = end.max(start);
        rows[i] = row;
    }
    let count = row_ends.len();
    (rows, count)
}

/// Rows for marks grouped in lanes: each mark is `(lane, left, right)` in screen pixels at the
/// current zoom; within a lane, marks that would come closer than `gap` go on separate rows
/// ([`stack`]). Returns each mark's row.
pub fn lane_rows(marks: &[(usize, f64, f64)], lane_count: usize, gap: f64) -> Vec<usize> {
    let mut rows = vec![0; marks.len()];
    for lane in 0..lane_count {
        let members: Vec<usize> = (0..marks.len()).filter(|&m| marks[m].0 == lane).collect();
        let intervals: Vec<(f64, f64)> =
            members.iter().map(|&m| (marks[m].1, marks[m].2)).collect();
        let (lane_rows, _) = stack(&intervals, gap);
        for (&m, row) in members.iter().zip(lane_rows) {
            rows[m] = row;
        }
    }
    rows
}

/// Each lane's top and height, lanes stacked from 0: a title band of height `title` and as
/// many rows of height `row` as its marks need (at least one). `marks` are `(lane, row)`.
pub fn lane_boxes(
    marks: &[(usize, usize)],
    lane_count: usize,
    title: f64,
    row: f64,
) -> Vec<(f64, f64)> {
    let mut rows = vec![1usize; lane_count];
    for &(lane, mark_row) in marks {
        if let Some(rows) = rows.get_mut(lane) {
            *rows = (*rows).max(mark_row + 1);
        }
    }
    let mut top = 0.0;
    rows.into_iter()
        .map(|rows| {
            let height = title + rows as f64 * row;
            let lane = (top, height);
            top += height;
            lane
        })
        .collect()
}

/// How far a pointer must move before a press becomes a brush, in pixels.
pub const DRAG_THRESHOLD: f64 = 4.0;
/// A pinch zooms only while both fingers are at least this far apart, in pixels (closer,
/// their distance is too noisy to divide by).
const PINCH_MIN_GAP: f64 = 10.0;

/// What the chart should do after a pointer or wheel event, in screen pixels; the component
/// turns pixels into days with its [`Window`] and applies it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GestureAction {
    /// Nothing to do.
    Nothing,
    /// Zoom the window by `factor` (below 1 zooms in) around the day at `anchor_x`, or around
    /// the window's middle.
    Zoom {
        /// The ratio of the new window's length to the old one's.
        factor: f64,
        /// The x that stays put.
        anchor_x: Option<f64>,
    },
    /// Move the window by `px` pixels' worth of days (positive: later).
    Pan {
        /// The distance, in pixels.
        px: f64,
    },
    /// One step of a two-finger pinch: zoom when the fingers are far enough apart, then pan
    /// by how far their middle moved.
    Pinch {
        /// The zoom factor and the x it keeps in place (the fingers' middle).
        zoom: Option<(f64, f64)>,
        /// The pan, in pixels.
        pan_px: f64,
    },
    /// Show the brush from `from_x` to `to_x`; `capture` names the pointer to capture when
    /// the drag has just begun (a plain click must still reach its mark, so not before).
    Brush {
        /// Where the press went down.
        from_x: f64,
        /// Where the pointer is now.
        to_x: f64,
        /// The pointer to capture, once.
        capture: Option<i32>,
    },
    /// The brush was released: its range becomes the date filter.
    Commit,
    /// Drop any brush on show.
    Clear,
}

/// The chart's pointer gestures as a state machine: a press that moves more than
/// [`DRAG_THRESHOLD`] becomes a brush, released as a date range; a second pointer turns the
/// gesture into a pinch that zooms and pans. Pure, so every gesture is tested natively.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gestures {
    /// The x of each pointer down, by pointer id (two at most in a pinch).
    pointers: Vec<(i32, f64)>,
    /// The pointer pressed alone: its id, where it went down, whether it is dragging yet.
    press: Option<(i32, f64, bool)>,
}

impl Gestures {
    /// Pointer `id` went down at `x`; `main_button` is false for a right or middle click.
    pub fn down(&mut self, id: i32, x: f64, main_button: bool) -> GestureAction {
        self.place(id, x);
        if self.pointers.len() == 1 && main_button {
            self.press = Some((id, x, false));
            GestureAction::Nothing
        } else {
            // A second finger (or another button) ends any brush: it is a pinch now.
            self.press = None;
            GestureAction::Clear
        }
    }

    /// Pointer `id` moved to `x`.
    pub fn moved(&mut self, id: i32, x: f64) -> GestureAction {
        let Some(old) = self.x_of(id) else {
            return GestureAction::Nothing;
        };
        let other = self
            .pointers
            .iter()
            .find(|(k, _)| *k != id)
            .map(|&(_, v)| v);
        self.place(id, x);
        if let (2, Some(other)) = (self.pointers.len(), other) {
            let (old_gap, new_gap) = ((old - other).abs(), (x - other).abs());
            let zoom = (old_gap > PINCH_MIN_GAP && new_gap > PINCH_MIN_GAP)
                .then(|| (old_gap / new_gap, (x + other) / 2.0));
            return GestureAction::Pinch {
                zoom,
                pan_px: -((x + other) / 2.0 - (old + other) / 2.0),
            };
        }
        match self.press {
            Some((press_id, start, dragging))
                if press_id == id && (dragging || (x - start).abs() >= DRAG_THRESHOLD) =>
            {
                self.press = Some((id, start, true));
                GestureAction::Brush {
                    from_x: start,
                    to_x: x,
                    capture: (!dragging).then_some(id),
                }
            }
            _ => GestureAction::Nothing,
        }
    }

    /// Pointer `id` went up: a brush it was dragging is committed.
    pub fn up(&mut self, id: i32) -> GestureAction {
        self.pointers.retain(|&(k, _)| k != id);
        match self.press.take() {
            Some((press_id, _, true)) if press_id == id => GestureAction::Commit,
            _ => GestureAction::Nothing,
        }
    }

    /// The browser took pointer `id` away (a scroll, a system gesture): nothing is committed.
    pub fn cancel(&mut self, id: i32) -> GestureAction {
        self.pointers.retain(|&(k, _)| k != id);
        self.press = None;
        GestureAction::Clear
    }

    /// A wheel turn by `(dx, dy)` at `x`: horizontal scrolling (trackpads, shift+wheel) pans,
    /// vertical zooms around the pointer.
    pub fn wheel(dx: f64, dy: f64, shift: bool, x: f64) -> GestureAction {
        if dx.abs() > dy.abs() || shift {
            GestureAction::Pan {
                px: if shift { dy } else { dx },
            }
        } else {
            GestureAction::Zoom {
                factor: (dy * 0.002).exp(),
                anchor_x: Some(x),
            }
        }
    }

    fn x_of(&self, id: i32) -> Option<f64> {
        self.pointers
            .iter()
            .find(|(k, _)| *k == id)
            .map(|&(_, x)| x)
    }

    /// Records pointer `id` at `x` among the pointers down.
    fn place(&mut self, id: i32, x: f64) {
        match self.pointers.iter_mut().find(|(k, _)| *k == id) {
            Some(pointer) => pointer.1 = x,
            None => self.pointers.push((id, x)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, SourceRef, VisitStatus};

    #[test]
    fn limit_keeps_values_in_range_and_never_panics() {
        assert_eq!(limit(5.0, 0.0, 10.0), 5.0);
        assert_eq!(limit(-1.0, 0.0, 10.0), 0.0);
        assert_eq!(limit(11.0, 0.0, 10.0), 10.0);
        assert_eq!(limit(f64::NAN, 0.0, 10.0), 0.0);
        // Where `f64::clamp` would panic (low above high), the high end wins.
        assert_eq!(limit(5.0, 10.0, 0.0), 0.0);
    }

    /// A visit from a compact description: `"id Iran>Russia 2016-09-12..2016-09-14"`;
    /// `?` for an unknown country, `-` for no date.
    fn visit(text: &str) -> Visit {
        let mut parts = text.split(' ');
        let id = parts.next().unwrap_or_default().to_owned();
        let (from, to) = parts
            .next()
            .unwrap_or(">")
            .split_once('>')
            .unwrap_or(("?", "?"));
        let country = |c: &str| (c != "?").then(|| c.to_owned());
        let dates = parts.next().unwrap_or("-");
        let (start, end) = match dates.split_once("..") {
            Some((a, b)) => (PartialDate::parse_iso(a), PartialDate::parse_iso(b)),
            None => (PartialDate::parse_iso(dates), None),
        };
        Visit {
            id,
            traveler: "T".into(),
            traveler_entity: None,
            traveler_role: None,
            traveler_country: country(from),
            origin: None,
            destination: to.into(),
            destination_entity: None,
            country: country(to),
            hosts: Vec::new(),
            inviter: None,
            date: start,
            date_end: end,
            date_basis: None,
            status: VisitStatus::Happened,
            purpose: None,
            evidence: vec![Evidence {
                source: SourceRef::default(),
                rule: "r".into(),
            }],
        }
    }

    /// Lays out the visits described one per line (see [`visit`]) in at most
    /// `max` lanes: lane labels, then `id@lane` in date order.
    fn check(visits: &str, max: usize, expect: &str) {
        let visits: Vec<Visit> = visits.lines().map(str::trim).map(visit).collect();
        let refs: Vec<&Visit> = visits.iter().collect();
        let lanes = Lanes::of(refs.iter().copied(), max);
        let placed: Vec<String> = date_order(&refs)
            .into_iter()
            .map(|i| format!("{}@{}", refs[i].id, lanes.lane_of(refs[i])))
            .collect();
        let got = format!("{} | {}", lanes.labels.join(", "), placed.join(" "));
        assert_eq!(got, expect, "{visits:#?}");
    }

    #[test]
    fn lanes_by_frequent_direction() {
        check(
            "a Iran>Russia 2016-09-12..2016-09-14
             b Russia>Iran 2016-08
             c Iran>Russia 2016
             d ?>Syria 2015-01-02
             e Iran>Russia -",
            3,
            "Iran → Russia, Russia → Iran, Other | d@2 c@0 b@1 a@0",
        );
        // Too many directions: the rarest share the last lane.
        check(
            "a Iran>Russia 2016-09-12
             b Russia>Iran 2016-08-01
             c Iran>Russia 2016-10-01
             d Iran>Syria 2016-11-01",
            2,
            "Iran → Russia, Other | b@1 a@0 c@0 d@1",
        );
        // Ties go alphabetically; no Other lane when everything fits.
        check(
            "b Russia>Iran 2016-08-01
             a Iran>Russia 2016-08-01",
            3,
            "Iran → Russia, Russia → Iran | a@0 b@1",
        );
        check("", 3, " | ");
        check("u ?>? -", 3, "Other | ");
    }

    #[test]
    fn spans_keep_precision() {
        let span = |text: &str| VisitSpan::of(&visit(text));
        let day = |iso: &str| {
            PartialDate::parse_iso(iso)
                .map(|d| d.first_day())
                .unwrap_or(0)
        };
        assert_eq!(
            span("a Iran>Russia 2016-09-12..2016-09-14"),
            Some(VisitSpan {
                first: day("2016-09-12"),
                last: day("2016-09-14"),
                exact: true
            })
        );
        assert_eq!(
            span("a Iran>Russia 2016-09"),
            Some(VisitSpan {
                first: day("2016-09-01"),
                last: day("2016-09-30"),
                exact: false
            })
        );
        // A reversed range is put in order; a vague end makes the span vague.
        assert_eq!(
            span("a Iran>Russia 2016-10-02..2016-09"),
            Some(VisitSpan {
                first: day("2016-09-01"),
                last: day("2016-10-02"),
                exact: false
            })
        );
        assert_eq!(span("a Iran>Russia -"), None);
        assert!(!span("a x>y 2016-09-12").is_some_and(|s| s.is_range()));
    }

    #[test]
    fn windows_zoom_and_pan_within_bounds() {
        let span = |a: &str, b: &str| VisitSpan::of(&visit(&format!("v x>y {a}..{b}")));
        let bounds = Window::fit(span("2016-01-01", "2016-12-31")).unwrap_or(Window {
            start: 0.0,
            end: 1.0,
        });
        let near = |a: f64, b: f64| (a - b).abs() < 1e-6;
        // 366 days padded by 18.3 on each side.
        assert!(near(bounds.days(), 366.0 * 1.1));
        let zoomed = bounds.zoomed(0.5, bounds.start + bounds.days() / 4.0, bounds);
        assert!(near(zoomed.days(), bounds.days() / 2.0));
        assert!(near(zoomed.start, bounds.start + bounds.days() / 8.0));
        // Zooming out past the bounds, or panning past an edge, stops at the bounds.
        assert_eq!(zoomed.zoomed(10.0, zoomed.start, bounds), bounds);
        assert_eq!(zoomed.panned(-1000.0, bounds).start, bounds.start);
        assert_eq!(zoomed.panned(1000.0, bounds).end, bounds.end);
        assert_eq!(zoomed.panned(f64::NAN, bounds), zoomed);
        // Never narrower than a week, never NaN.
        assert!(near(
            bounds.zoomed(1e-9, 0.0, bounds).days(),
            MIN_WINDOW_DAYS
        ));
        assert_eq!(bounds.zoomed(f64::NAN, 0.0, bounds), bounds);
        assert!(bounds.covers(bounds) && !zoomed.covers(bounds));
        // Screen and day positions are inverse.
        assert!(near(
            zoomed.day_at(zoomed.x(17000.0, 800.0), 800.0),
            17000.0
        ));
        assert_eq!(Window::fit([]), None);
        // A single day gets a fortnight on each side.
        assert_eq!(
            Window::fit(span("2016-01-01", "2016-01-01")).map(|w| w.days()),
            Some(29.0)
        );
    }

    /// The ticks of the window between two ISO days on an axis `width` wide
    /// with labels 60 apart, as `Y2016 M2016-04 D2016-04-08`.
    fn check_ticks(from: &str, to: &str, width: f64, expect: &str) {
        let day = |iso: &str| PartialDate::parse_iso(iso).map_or(0.0, |d| d.first_day() as f64);
        let window = Window {
            start: day(from),
            end: day(to),
        };
        let got: Vec<String> = ticks(window, width, 60.0)
            .into_iter()
            .map(|tick| {
                let level = match tick.level {
                    TickLevel::Year => 'Y',
                    TickLevel::Month => 'M',
                    TickLevel::Day => 'D',
                };
                assert_eq!(tick.day, tick.date.first_day());
                format!("{level}{}", tick.date.iso())
            })
            .collect();
        assert_eq!(got.join(" "), expect, "{from}..{to} at {width}");
    }

    #[test]
    fn ticks_follow_the_zoom() {
        // Eight years on a phone: every other year.
        check_ticks("2014-06-01", "2022-03-01", 300.0, "Y2016 Y2018 Y2020 Y2022");
        // Eight years on a desktop: half years.
        check_ticks(
            "2014-06-01",
            "2022-03-01",
            1200.0,
            "M2014-07 Y2015 M2015-07 Y2016 M2016-07 Y2017 M2017-07 Y2018 M2018-07 Y2019 \
             M2019-07 Y2020 M2020-07 Y2021 M2021-07 Y2022",
        );
        // One year: every other month, years still marked.
        check_ticks(
            "2016-02-15",
            "2017-02-15",
            480.0,
            "M2016-03 M2016-05 M2016-07 M2016-09 M2016-11 Y2017",
        );
        // A month: weeks.
        check_ticks(
            "2016-08-28",
            "2016-09-27",
            600.0,
            "M2016-09 D2016-09-08 D2016-09-15 D2016-09-22",
        );
        // A week on a wide axis: every day.
        check_ticks(
            "2016-09-12",
            "2016-09-15",
            600.0,
            "D2016-09-12 D2016-09-13 D2016-09-14 D2016-09-15",
        );
    }

    #[test]
    fn stacking_separates_overlaps() {
        let check_stack = |intervals: &[(f64, f64)], expect: (&[usize], usize)| {
            let (rows, count) = stack(intervals, 2.0);
            assert_eq!((rows.as_slice(), count), expect, "{intervals:?}");
        };
        check_stack(&[], (&[], 0));
        check_stack(&[(0.0, 10.0), (20.0, 30.0)], (&[0, 0], 1));
        check_stack(&[(0.0, 10.0), (11.0, 30.0), (5.0, 6.0)], (&[0, 1, 1], 2));
        check_stack(&[(12.0, 13.0), (0.0, 10.0)], (&[0, 0], 1));
    }

    #[test]
    fn marks_stack_in_rows_within_their_lanes() {
        // Lane 0: two overlapping marks and one far away; lane 1: one mark.
        let marks = [
            (0, 0.0, 10.0),
            (0, 5.0, 15.0),
            (1, 0.0, 10.0),
            (0, 40.0, 50.0),
        ];
        let rows = lane_rows(&marks, 2, 3.0);
        assert_eq!(rows, [0, 1, 0, 0]);
        let placed: Vec<(usize, usize)> = marks.iter().zip(&rows).map(|(m, &r)| (m.0, r)).collect();
        // Lane 0 needs two rows, lane 1 one, lane 2 (empty) one.
        assert_eq!(
            lane_boxes(&placed, 3, 18.0, 22.0),
            [(0.0, 62.0), (62.0, 40.0), (102.0, 40.0)]
        );
        assert!(lane_boxes(&[], 0, 18.0, 22.0).is_empty());
    }

    #[test]
    fn a_press_that_moves_becomes_a_brush_committed_on_release() {
        let mut g = Gestures::default();
        assert_eq!(g.down(1, 100.0, true), GestureAction::Nothing);
        // Below the threshold a move is still a click.
        assert_eq!(g.moved(1, 102.0), GestureAction::Nothing);
        let start = GestureAction::Brush {
            from_x: 100.0,
            to_x: 110.0,
            capture: Some(1),
        };
        assert_eq!(g.moved(1, 110.0), start);
        // Captured once only.
        let later = GestureAction::Brush {
            from_x: 100.0,
            to_x: 90.0,
            capture: None,
        };
        assert_eq!(g.moved(1, 90.0), later);
        assert_eq!(g.up(1), GestureAction::Commit);
        // A click commits nothing.
        g.down(1, 50.0, true);
        assert_eq!(g.up(1), GestureAction::Nothing);
        // A right click never brushes.
        assert_eq!(g.down(2, 50.0, false), GestureAction::Clear);
        assert_eq!(g.moved(2, 80.0), GestureAction::Nothing);
        // Another pointer's move or release does not touch the press.
        g.down(3, 10.0, true);
        assert_eq!(g.up(4), GestureAction::Nothing);
        assert_eq!(g.moved(4, 30.0), GestureAction::Nothing);
        // A cancelled drag commits nothing.
        g.moved(3, 30.0);
        assert_eq!(g.cancel(3), GestureAction::Clear);
        assert_eq!(g.up(3), GestureAction::Nothing);
    }

    #[test]
    fn two_fingers_pinch_to_zoom_and_pan() {
        let mut g = Gestures::default();
        g.down(1, 100.0, true);
        // The second finger ends the would-be brush.
        assert_eq!(g.down(2, 200.0, true), GestureAction::Clear);
        // Spreading the fingers zooms in around their middle, and pans by the middle's move.
        assert_eq!(
            g.moved(2, 300.0),
            GestureAction::Pinch {
                zoom: Some((0.5, 200.0)),
                pan_px: -50.0
            }
        );
        // Fingers too close together only pan.
        g.moved(2, 105.0);
        assert_eq!(
            g.moved(2, 104.0),
            GestureAction::Pinch {
                zoom: None,
                pan_px: 0.5
            }
        );
        // Lifting one finger ends the pinch without committing anything.
        assert_eq!(g.up(2), GestureAction::Nothing);
        assert_eq!(g.moved(1, 300.0), GestureAction::Nothing);
    }

    #[test]
    fn the_wheel_zooms_vertically_and_pans_horizontally() {
        assert_eq!(
            Gestures::wheel(0.0, 0.0, false, 40.0),
            GestureAction::Zoom {
                factor: 1.0,
                anchor_x: Some(40.0)
            }
        );
        assert_eq!(
            Gestures::wheel(30.0, 5.0, false, 40.0),
            GestureAction::Pan { px: 30.0 }
        );
        assert_eq!(
            Gestures::wheel(0.0, 12.0, true, 40.0),
            GestureAction::Pan { px: 12.0 }
        );
        let GestureAction::Zoom { factor, .. } = Gestures::wheel(0.0, 100.0, false, 0.0) else {
            panic!("a vertical turn zooms");
        };
        assert!(factor > 1.0, "scrolling down zooms out");
    }
}
