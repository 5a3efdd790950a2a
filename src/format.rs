//! Words for numbers and dates as the page shows them: "14 Sep 2016",
//! "Feb 2016", "Undated", "3 results", "Nov 2014 – Jan 2022".
//!
//! Invariant: a date is shown at exactly the precision it is known; nothing
//! here invents a day or a month.

use communique_core::{DateBasis, DatePrecision, PartialDate, Visit, VisitStatus};

// Shared with the views that load on demand, which cannot depend on the app.
pub use communique_core::words::{count_of, thousands};

/// English month abbreviations, January first.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// What the page shows for a document without a date.
pub const UNDATED: &str = "Undated";

/// A date at its own precision: "14 Sep 2016", "Feb 2016", "2016", or "Undated".
pub fn human_date(date: Option<PartialDate>) -> String {
    let Some(date) = date else {
        return UNDATED.to_string();
    };
    let month = || MONTHS[usize::from(date.month.clamp(1, 12)) - 1];
    match date.precision() {
        DatePrecision::Day => format!("{} {} {}", date.day, month(), date.year),
        DatePrecision::Month => format!("{} {}", month(), date.year),
        DatePrecision::Year => date.year.to_string(),
    }
}

/// A date followed by its time when both are known: "14 Sep 2016, 15:34".
pub fn human_date_time(date: Option<PartialDate>, time: Option<&str>) -> String {
    match (date, time) {
        (Some(_), Some(time)) => format!("{}, {time}", human_date(date)),
        _ => human_date(date),
    }
}

/// The span of a set of dates: "Nov 2014 – Jan 2022", one date when all fall
/// on the same one, `None` when there are no dates at all.
pub fn date_range(dates: impl IntoIterator<Item = PartialDate>) -> Option<String> {
    let mut dates = dates.into_iter();
    let first = dates.next()?;
    let (min, max) = dates.fold((first, first), |(min, max), d| {
        let min = if d.first_day() < min.first_day() {
            d
        } else {
            min
        };
        let max = if d.last_day() > max.last_day() {
            d
        } else {
            max
        };
        (min, max)
    });
    let (from, to) = (human_date(Some(min)), human_date(Some(max)));
    Some(if from == to {
        from
    } else {
        format!("{from} – {to}")
    })
}

/// `x` rounded to `decimals` places (at most 3) and written out: `fixed(12.345, 1)` is "12.3",
/// `fixed(-0.04, 1)` is "0.0".
///
/// Why not `format!("{x:.1}")`: the standard library's float formatting (Grisu and Dragon4
/// with their tables) is about 12 KB of WASM, and the page only ever needs a pixel position or
/// a coordinate to a few places. Non-finite input is written as "0".
pub fn fixed(x: f64, decimals: u32) -> String {
    let decimals = decimals.min(3);
    let scale = 10_i64.pow(decimals);
    if !x.is_finite() {
        return "0".to_string();
    }
    let scaled = (x * scale as f64).round() as i64;
    let (units, fraction) = (scaled.abs() / scale, scaled.abs() % scale);
    let sign = if scaled < 0 { "-" } else { "" };
    if decimals == 0 {
        return format!("{sign}{units}");
    }
    let fraction = fraction.to_string();
    let zeros = "000"
        .get(..decimals as usize - fraction.len())
        .unwrap_or("");
    format!("{sign}{units}.{zeros}{fraction}")
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
            format!("{} – {}", human_date(Some(start)), human_date(Some(end)))
        }
        (date, _) => human_date(date),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Formats each `(ISO date or "", time or "")` and compares with the expected words.
    fn check(cases: &[(&str, &str, &str)]) {
        for &(iso, time, expect) in cases {
            let date = PartialDate::parse_iso(iso);
            let time = (!time.is_empty()).then_some(time);
            assert_eq!(human_date_time(date, time), expect, "{iso:?} {time:?}");
        }
    }

    #[test]
    fn dates_keep_their_precision() {
        check(&[
            ("2016-09-14", "", "14 Sep 2016"),
            ("2016-09-14", "15:34", "14 Sep 2016, 15:34"),
            ("2016-02", "", "Feb 2016"),
            ("2014", "", "2014"),
            ("2019-01-01", "", "1 Jan 2019"),
            ("2022-12-31", "", "31 Dec 2022"),
            ("", "", "Undated"),
            // A time without a date says nothing useful on its own.
            ("", "10:00", "Undated"),
        ]);
    }

    #[test]
    fn ranges_span_the_extremes() {
        let parse =
            |list: &[&str]| date_range(list.iter().map(|d| PartialDate::parse_iso(d).unwrap()));
        assert_eq!(parse(&[]), None);
        assert_eq!(parse(&["2016-09-14"]).as_deref(), Some("14 Sep 2016"));
        assert_eq!(
            parse(&["2016-02", "2014-11-28", "2022-01-19", "2019-01-28"]).as_deref(),
            Some("28 Nov 2014 – 19 Jan 2022")
        );
        // A year-precision date reaches to the end of its year.
        assert_eq!(parse(&["2016-09-14", "2016"]).as_deref(), Some("2016"));
    }

    #[test]
    fn fixed_rounds_to_its_places() {
        for (x, places, expect) in [
            (12.345, 1, "12.3"),
            (12.35, 0, "12"),
            (0.5, 0, "1"),
            (-0.04, 1, "0.0"),
            (-3.25, 2, "-3.25"),
            (35.6892, 2, "35.69"),
            (0.05, 2, "0.05"),
            (7.0, 3, "7.000"),
            (1.0e12, 1, "1000000000000.0"),
            (f64::NAN, 1, "0"),
            (f64::INFINITY, 0, "0"),
        ] {
            assert_eq!(fixed(x, places), expect, "{x} to {places}");
        }
    }
}
