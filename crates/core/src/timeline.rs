//! Geometry of the visits timeline: the lane (direction of travel) of each
//! visit, the days each mark covers, the visible window (zoom and pan), the
//! ticks of its axis, and the stacking of marks that would overlap.
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
/// `f64::clamp` would do, but its "min > max" panic message formats floats, which alone
/// brings about 10 KB of float formatting code into the WASM; this never panics.
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
}
