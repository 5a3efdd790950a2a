//! Temporal expressions in a sentence: recognition ("on Monday", "earlier this
//! month", "February 1, 2016", "in early August", "three days ago") and
//! resolution against the article's publication date, as HeidelTime's news
//! mode does.
//!
//! Resolution rules (the anchor is `Document::date`):
//! - an explicit date with a year is taken as written;
//! - a month or day without a year ("in January", "on 12 March") is the most
//!   recent one on or before the anchor in past tense, the next one on or after
//!   it in future tense, and the anchor's year in the present tense;
//! - a bare weekday ("on Monday") is the latest such day on or before the anchor
//!   in past or present tense and the next one after it in future tense;
//!   "last Monday" is strictly before, "next Monday" strictly after, "this
//!   Monday" in the anchor's Monday-to-Sunday week;
//! - "today", "yesterday", "tomorrow", "N days ago" shift the anchor by days;
//!   "this/last/next week" is a Monday-to-Sunday range; "(earlier) this month",
//!   "last month", "next year" keep month or year precision.
//!
//! Invariant: nothing is invented. An expression that needs more of the anchor
//! than is known (a weekday against a month-precision date, anything relative in
//! an undated article) resolves to `None`.

use communique_core::{civil_from_days, days_in_month, DateBasis, DatePrecision, PartialDate};

use super::tokens::Token;

/// Grammatical tense of the clause an expression sits in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// Reported as done.
    Past,
    /// Under way, or no tense marker.
    Present,
    /// Announced.
    Future,
}

/// Which occurrence of a repeating date ("Monday", "January") is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shift {
    /// Decided by the clause's tense.
    ByTense,
    /// "last Monday", "last January": strictly before the anchor.
    Last,
    /// "next Monday": strictly after the anchor.
    Next,
    /// "this Monday": in the anchor's week (or year).
    This,
}

/// A recognised temporal expression, before resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timex {
    /// A calendar date, perhaps without a year or day ("May 2019", "12 March", "in 2019").
    Calendar {
        /// The year, when written.
        year: Option<i32>,
        /// 1–12, or 0 for a year alone.
        month: u8,
        /// 1–31, or 0 when not written.
        day: u8,
        /// Which occurrence, for a date without a year.
        shift: Shift,
    },
    /// A day of the week, 0 = Monday.
    Weekday {
        /// 0 = Monday … 6 = Sunday.
        weekday: u8,
        /// Which occurrence.
        shift: Shift,
    },
    /// Days from the anchor: today 0, yesterday −1, tomorrow +1.
    Days(i64),
    /// Monday-to-Sunday weeks from the anchor's week.
    Weeks(i64),
    /// The Saturday and Sunday of the week so many weeks from the anchor's ("last weekend").
    Weekend(i64),
    /// Calendar months from the anchor's month.
    Months(i64),
    /// Calendar years from the anchor's year.
    Years(i64),
}

/// A temporal expression found in text, with its byte span in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it says.
    pub timex: Timex,
}

impl Found {
    /// Explicit dates (with a year) are more trustworthy than relative ones.
    pub fn is_absolute(&self) -> bool {
        matches!(self.timex, Timex::Calendar { year: Some(_), .. })
    }
}

/// A resolved date or date range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct When {
    /// The date, at its precision.
    pub date: PartialDate,
    /// The last day, for a range such as "last week".
    pub end: Option<PartialDate>,
    /// Written out in the text, or resolved against the publication date.
    pub basis: DateBasis,
}

impl When {
    /// A single date, resolved against the publication date until [`resolve`] says otherwise.
    pub fn at(date: PartialDate) -> When {
        When {
            date,
            end: None,
            basis: DateBasis::Relative,
        }
    }

    /// First and last day number the expression may denote.
    pub fn days(&self) -> (i64, i64) {
        let last = self.end.unwrap_or(self.date).last_day();
        (self.date.first_day(), last)
    }

    /// Number of days the expression may denote: smaller is more precise.
    pub fn width(&self) -> i64 {
        let (first, last) = self.days();
        last - first + 1
    }
}

static NUMBER_WORDS: &[(&str, i64)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("several", 0),
];

/// Words after which a bare month or year is a date ("in January", "since 2019").
static DATE_PREPOSITIONS: &[&str] = &[
    "in",
    "early",
    "late",
    "mid",
    "during",
    "since",
    "until",
    "till",
    "by",
    "of",
    "from",
    "to",
    "before",
    "after",
    "on",
    "last",
    "next",
    "this",
    "end",
    "beginning",
    "start",
    "middle",
];

/// The month number of a capitalised month name or abbreviation ("Sept", "mid-August"),
/// read by the publication-date parser's own table.
pub fn month_number(token: &Token) -> Option<u8> {
    let written = token
        .text
        .get(4..)
        .filter(|_| token.lower.starts_with("mid-"))
        .unwrap_or(token.text);
    if !token.word || !written.starts_with(char::is_uppercase) {
        return None;
    }
    crate::dates::month_number(written)
}

fn weekday_of(token: &Token) -> Option<u8> {
    if !token.capitalised() {
        return None;
    }
    crate::dates::weekday_number(&token.lower)
}

/// A day of the month: "1", "01", "1st", "28th".
fn day_of(token: &Token) -> Option<u8> {
    let digits = token
        .lower
        .trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &token.lower[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A plausible year: four digits between 1900 and 2100.
fn year_of(token: &Token) -> Option<i32> {
    (token.lower.len() == 4 && token.lower.bytes().all(|b| b.is_ascii_digit()))
        .then(|| token.lower.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

fn shift_word(token: Option<&Token>) -> Option<Shift> {
    match token.map(|t| t.lower.as_ref()) {
        Some("last") | Some("past") | Some("previous") => Some(Shift::Last),
        Some("next") | Some("coming") => Some(Shift::Next),
        Some("this") => Some(Shift::This),
        _ => None,
    }
}

/// Finds the temporal expressions in a sentence's tokens, left to right, without overlaps.
pub fn find(tokens: &[Token]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match match_at(tokens, i) {
            Some((first, last, timex)) => {
                found.push(Found {
                    start: tokens[first].start,
                    end: tokens[last].end,
                    timex,
                });
                i = last + 1;
            }
            None => i += 1,
        }
    }
    found
}

/// Matches an expression whose key word is at `i`; returns first and last token
/// (the first may lie before `i`, e.g. "last" in "last Monday").
fn match_at(t: &[Token], i: usize) -> Option<(usize, usize, Timex)> {
    let at = |k: usize| t.get(k);
    let word_at = |k: usize, w: &str| at(k).is_some_and(|x| x.is(w));
    // Skips an abbreviation's dot ("Sept.").
    let after_dot = |k: usize| if word_at(k, ".") { k + 1 } else { k };
    let prev = if i > 0 { at(i - 1) } else { None };

    if let Some(month) = month_number(&t[i]) {
        let k = after_dot(i + 1);
        // Month day [,] [year]
        if let Some(day) = at(k).and_then(day_of) {
            let y = if word_at(k + 1, ",") { k + 2 } else { k + 1 };
            if let Some(year) = at(y).and_then(year_of) {
                return Some((i, y, calendar(Some(year), month, day, Shift::ByTense)));
            }
            return Some((i, k, calendar(None, month, day, Shift::ByTense)));
        }
        // Month [,] year
        let y = if word_at(k, ",") { k + 1 } else { k };
        if let Some(year) = at(y).and_then(year_of) {
            return Some((i, y, calendar(Some(year), month, 0, Shift::ByTense)));
        }
        // A bare month needs a date word before it; "May" also a capital (sentence starts excepted).
        let prev_ok =
            prev.is_some_and(|p| p.is_any(DATE_PREPOSITIONS)) || t[i].lower.starts_with("mid-");
        if prev_ok && !(t[i].lower == "may" && i == 0) {
            let shift = shift_word(prev).unwrap_or(Shift::ByTense);
            let first = if shift == Shift::ByTense { i } else { i - 1 };
            return Some((first, i, calendar(None, month, 0, shift)));
        }
        return None;
    }

    if let Some(day) = day_of(&t[i]) {
        // Day [of] Month [year]
        let m = if word_at(i + 1, "of") { i + 2 } else { i + 1 };
        if let Some(month) = at(m).and_then(month_number) {
            let k = after_dot(m + 1);
            if let Some(year) = at(k).and_then(year_of) {
                return Some((i, k, calendar(Some(year), month, day, Shift::ByTense)));
            }
            return Some((i, m, calendar(None, month, day, Shift::ByTense)));
        }
        return None;
    }

    if let Some(weekday) = weekday_of(&t[i]) {
        // "Monday, February 1, 2016": the calendar date that follows says it all.
        let next = if word_at(i + 1, ",") { i + 2 } else { i + 1 };
        if at(next).and_then(month_number).is_some() {
            return None;
        }
        let shift = shift_word(prev);
        let first = if shift.is_some() { i - 1 } else { i };
        return Some((
            first,
            i,
            Timex::Weekday {
                weekday,
                shift: shift.unwrap_or(Shift::ByTense),
            },
        ));
    }

    if let Some(year) = year_of(&t[i]) {
        if prev.is_some_and(|p| p.is_any(DATE_PREPOSITIONS))
            && !prev.is_some_and(|p| p.is("to") || p.is("on"))
        {
            return Some((i, i, calendar(Some(year), 0, 0, Shift::ByTense)));
        }
        return None;
    }

    match t[i].lower.as_ref() {
        "today" | "tonight" => return Some((i, i, Timex::Days(0))),
        "yesterday" => {
            if i >= 3 && word_at(i - 1, "before") && word_at(i - 2, "day") && word_at(i - 3, "the")
            {
                return Some((i - 3, i, Timex::Days(-2)));
            }
            return Some((i, i, Timex::Days(-1)));
        }
        "tomorrow" => {
            if i >= 3 && word_at(i - 1, "after") && word_at(i - 2, "day") && word_at(i - 3, "the") {
                return Some((i - 3, i, Timex::Days(2)));
            }
            return Some((i, i, Timex::Days(1)));
        }
        _ => {}
    }

    // (earlier|later) this|last|next|past|coming week|month|year
    if let Some(shift) = shift_word(Some(&t[i])) {
        let unit = at(i + 1)?;
        let n = match shift {
            Shift::Last => -1,
            Shift::Next => 1,
            _ => 0,
        };
        // "the past week" is a duration ending now, not a calendar week.
        if t[i].is("past") {
            return None;
        }
        let timex = match unit.lower.as_ref() {
            "week" => Timex::Weeks(n),
            "weekend" => Timex::Weekend(n),
            "month" => Timex::Months(n),
            "year" => Timex::Years(n),
            _ => return None,
        };
        let first = if i > 0
            && (word_at(i - 1, "earlier") || word_at(i - 1, "later"))
            && shift == Shift::This
        {
            i - 1
        } else {
            i
        };
        return Some((first, i + 1, timex));
    }

    // N days|weeks|months|years ago
    if word_at(i + 2, "ago") {
        let n = t[i]
            .lower
            .parse::<i64>()
            .ok()
            .or_else(|| {
                NUMBER_WORDS
                    .iter()
                    .find(|(w, _)| *w == t[i].lower)
                    .map(|(_, n)| *n)
            })
            .filter(|n| *n > 0)?;
        let timex = match t[i + 1].lower.trim_end_matches('s') {
            "day" => Timex::Days(-n),
            "week" => Timex::Weeks(-n),
            "month" => Timex::Months(-n),
            "year" => Timex::Years(-n),
            _ => return None,
        };
        return Some((i, i + 2, timex));
    }
    None
}

fn calendar(year: Option<i32>, month: u8, day: u8, shift: Shift) -> Timex {
    Timex::Calendar {
        year,
        month,
        day,
        shift,
    }
}

/// Day of the week of a day number, 0 = Monday (1970-01-01 was a Thursday).
fn weekday_of_day(day: i64) -> i64 {
    (day + 3).rem_euclid(7)
}

/// The calendar date of a day number (days since 1970-01-01).
pub fn date_of_day(day: i64) -> PartialDate {
    civil_from_days(day)
}

/// Shifts a year and month by `n` months.
fn add_months(year: i32, month: u8, n: i64) -> (i32, u8) {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + n;
    (
        index.div_euclid(12) as i32,
        (index.rem_euclid(12) + 1) as u8,
    )
}

/// Resolves an expression against the publication date, in the clause's tense.
pub fn resolve(timex: Timex, anchor: Option<PartialDate>, tense: Tense) -> Option<When> {
    let when = resolve_relative(timex, anchor, tense)?;
    // A calendar date with its year is written out; anything else needed the anchor.
    let stated = matches!(timex, Timex::Calendar { year: Some(_), .. });
    Some(When {
        basis: if stated {
            DateBasis::Stated
        } else {
            DateBasis::Relative
        },
        ..when
    })
}

fn resolve_relative(timex: Timex, anchor: Option<PartialDate>, tense: Tense) -> Option<When> {
    match timex {
        Timex::Calendar {
            year: Some(year),
            month,
            day,
            ..
        } => {
            if month == 0 {
                return Some(When::at(PartialDate::y(year)));
            }
            if day == 0 {
                return Some(When::at(PartialDate::ym(year, month)));
            }
            (day <= days_in_month(year, month))
                .then(|| When::at(PartialDate::ymd(year, month, day)))
        }
        Timex::Calendar {
            year: None,
            month,
            day,
            shift,
        } => {
            let anchor = anchor?;
            // Compare (month, day) with the anchor's; an unknown anchor month or day
            // counts as "same", so the anchor's own year is chosen.
            let here = (anchor.month, if day == 0 { 0 } else { anchor.day });
            let there = (month, day);
            let known = anchor.month != 0;
            let year = match (shift, tense) {
                (Shift::This, _) | (Shift::ByTense, Tense::Present) => anchor.year,
                (Shift::Last, _) if known && there >= here => anchor.year - 1,
                (Shift::Last, _) => anchor.year,
                (Shift::Next, _) if known && there <= here => anchor.year + 1,
                (Shift::Next, _) => anchor.year,
                (Shift::ByTense, Tense::Past) if known && there > here => anchor.year - 1,
                (Shift::ByTense, Tense::Future) if known && there < here => anchor.year + 1,
                (Shift::ByTense, _) => anchor.year,
            };
            if day == 0 {
                Some(When::at(PartialDate::ym(year, month)))
            } else {
                (day <= days_in_month(year, month))
                    .then(|| When::at(PartialDate::ymd(year, month, day)))
            }
        }
        Timex::Weekday { weekday, shift } => {
            let anchor = anchor.filter(|a| a.precision() == DatePrecision::Day)?;
            let today = anchor.first_day();
            let current = weekday_of_day(today);
            let wanted = i64::from(weekday);
            let back = (current - wanted).rem_euclid(7);
            let ahead = (wanted - current).rem_euclid(7);
            let day = match (shift, tense) {
                (Shift::This, _) => today - current + wanted,
                (Shift::Last, _) => today - if back == 0 { 7 } else { back },
                (Shift::Next, _) => today + if ahead == 0 { 7 } else { ahead },
                // News names today by its weekday too: "will visit Y on Monday" in
                // Monday's paper is today.
                (Shift::ByTense, Tense::Future) => today + ahead,
                (Shift::ByTense, _) => today - back,
            };
            Some(When::at(date_of_day(day)))
        }
        Timex::Days(n) => {
            let anchor = anchor.filter(|a| a.precision() == DatePrecision::Day)?;
            Some(When::at(date_of_day(anchor.first_day() + n)))
        }
        Timex::Weeks(n) => {
            let anchor = anchor.filter(|a| a.precision() == DatePrecision::Day)?;
            let today = anchor.first_day();
            let monday = today - weekday_of_day(today) + 7 * n;
            Some(When {
                end: Some(date_of_day(monday + 6)),
                ..When::at(date_of_day(monday))
            })
        }
        Timex::Weekend(n) => {
            let anchor = anchor.filter(|a| a.precision() == DatePrecision::Day)?;
            let today = anchor.first_day();
            let saturday = today - weekday_of_day(today) + 7 * n + 5;
            Some(When {
                end: Some(date_of_day(saturday + 1)),
                ..When::at(date_of_day(saturday))
            })
        }
        Timex::Months(n) => {
            let anchor = anchor.filter(|a| a.month != 0)?;
            let (year, month) = add_months(anchor.year, anchor.month, n);
            Some(When::at(PartialDate::ym(year, month)))
        }
        Timex::Years(n) => {
            let anchor = anchor?;
            Some(When::at(PartialDate::y(anchor.year + n as i32)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    /// Finds the expressions in `sentence`, resolves each against `anchor`
    /// (`YYYY-MM-DD`, or `-` for an undated article) in `tense`, and renders
    /// them as `text=ISO` (`text=..` when unresolved, `ISO/ISO` for ranges).
    fn check(sentence: &str, anchor: &str, tense: Tense, expect: &str) {
        let anchor = PartialDate::parse_iso(anchor);
        let tokens = tokenize(sentence, 0);
        let rendered: Vec<String> = find(&tokens)
            .iter()
            .map(|f| {
                let value = match resolve(f.timex, anchor, tense) {
                    Some(When {
                        date, end: None, ..
                    }) => date.iso(),
                    Some(When {
                        date,
                        end: Some(end),
                        ..
                    }) => format!("{}/{}", date.iso(), end.iso()),
                    None => "..".to_string(),
                };
                format!("{}={}", &sentence[f.start..f.end], value)
            })
            .collect();
        assert_eq!(rendered.join("; "), expect, "{sentence} @ {anchor:?}");
    }

    use Tense::*;

    #[test]
    fn explicit_dates() {
        check(
            "She arrived on February 1, 2016.",
            "2019-05-05",
            Past,
            "February 1, 2016=2016-02-01",
        );
        check(
            "on Monday (February 1, 2016) morning",
            "2016-02-01",
            Past,
            "Monday=2016-02-01; February 1, 2016=2016-02-01",
        );
        check(
            "It opened on 12 March 2019.",
            "-",
            Past,
            "12 March 2019=2019-03-12",
        );
        check(
            "He last went there in May 2019.",
            "2021-06-01",
            Past,
            "May 2019=2019-05",
        );
        check("talks held in 2015 failed", "2019-01-01", Past, "2015=2015");
        check(
            "Date: Monday, January 28, 2019",
            "-",
            Past,
            "January 28, 2019=2019-01-28",
        );
        check(
            "on Sept. 3rd, 2014",
            "-",
            Past,
            "Sept. 3rd, 2014=2014-09-03",
        );
        check(
            "on the 1st of March 2020",
            "-",
            Past,
            "1st of March 2020=2020-03-01",
        );
        check(
            "February 30, 2019 never was",
            "-",
            Past,
            "February 30, 2019=..",
        );
    }

    #[test]
    fn dates_without_a_year_follow_the_tense() {
        check(
            "He came in December.",
            "2019-01-10",
            Past,
            "December=2018-12",
        );
        check(
            "He will come in December.",
            "2019-01-10",
            Future,
            "December=2019-12",
        );
        check(
            "He will come in January.",
            "2019-01-10",
            Future,
            "January=2019-01",
        );
        check("He came in January.", "2019-01-10", Past, "January=2019-01");
        check(
            "He will come in early August.",
            "2016-09-14",
            Future,
            "August=2017-08",
        );
        check(
            "interview in early August",
            "2016-09-14",
            Past,
            "August=2016-08",
        );
        check(
            "He met her on 12 March.",
            "2019-03-11",
            Past,
            "12 March=2018-03-12",
        );
        check(
            "She will land on 12 March.",
            "2019-03-11",
            Future,
            "12 March=2019-03-12",
        );
        check(
            "It was signed last January.",
            "2019-01-10",
            Past,
            "last January=2018-01",
        );
        check("in mid-August", "2016-09-14", Past, "mid-August=2016-08");
        check("He came in December.", "-", Past, "December=..");
        check("Talks may resume", "2019-01-10", Past, "");
    }

    #[test]
    fn weekdays() {
        // 2019-01-07 was a Monday.
        check(
            "He left on Friday.",
            "2019-01-07",
            Past,
            "Friday=2019-01-04",
        );
        // Across a year boundary (2019-01-01 was a Tuesday) and a leap day.
        check(
            "He left on Friday.",
            "2019-01-01",
            Past,
            "Friday=2018-12-28",
        );
        check(
            "He will leave on Monday.",
            "2018-12-30",
            Future,
            "Monday=2018-12-31",
        );
        check(
            "He left on Sunday.",
            "2016-03-01",
            Past,
            "Sunday=2016-02-28",
        );
        check(
            "He left on Monday.",
            "2016-03-01",
            Past,
            "Monday=2016-02-29",
        );
        check(
            "He left on Monday.",
            "2019-01-07",
            Past,
            "Monday=2019-01-07",
        );
        // Wire style names today by its weekday: Monday's "will leave on Monday" is
        // today; "next Monday" is a week on.
        check(
            "He will leave on Monday.",
            "2019-01-07",
            Future,
            "Monday=2019-01-07",
        );
        check(
            "He will leave next Monday.",
            "2019-01-07",
            Future,
            "next Monday=2019-01-14",
        );
        check(
            "He will leave on Friday.",
            "2019-01-07",
            Future,
            "Friday=2019-01-11",
        );
        check(
            "He will leave next Monday.",
            "2019-01-09",
            Future,
            "next Monday=2019-01-14",
        );
        check(
            "He left last Monday.",
            "2019-01-07",
            Past,
            "last Monday=2018-12-31",
        );
        check(
            "said on Wednesday",
            "2016-09-14",
            Past,
            "Wednesday=2016-09-14",
        );
        check("left on Monday", "2016-09-14", Past, "Monday=2016-09-12");
        check("left on Monday", "2016-09", Past, "Monday=..");
        check("left on Monday", "-", Past, "Monday=..");
        check(
            "this Sunday",
            "2019-01-09",
            Future,
            "this Sunday=2019-01-13",
        );
    }

    #[test]
    fn relative_days_weeks_months_years() {
        check("He arrived today.", "2019-03-01", Past, "today=2019-03-01");
        check(
            "He arrived yesterday.",
            "2019-03-01",
            Past,
            "yesterday=2019-02-28",
        );
        check(
            "He arrives tomorrow.",
            "2020-02-28",
            Future,
            "tomorrow=2020-02-29",
        );
        check(
            "the day before yesterday",
            "2019-01-01",
            Past,
            "the day before yesterday=2018-12-30",
        );
        check(
            "three days ago",
            "2019-01-02",
            Past,
            "three days ago=2018-12-30",
        );
        check(
            "Earlier this month, he went.",
            "2019-01-28",
            Past,
            "Earlier this month=2019-01",
        );
        check(
            "He went last month.",
            "2019-01-28",
            Past,
            "last month=2018-12",
        );
        check(
            "He goes next month.",
            "2019-12-28",
            Future,
            "next month=2020-01",
        );
        check(
            "He goes next week.",
            "2019-01-09",
            Future,
            "next week=2019-01-14/2019-01-20",
        );
        // Weekends: Saturday and Sunday of the week meant (2023-03-29 is a Wednesday).
        check(
            "He was to leave last weekend.",
            "2023-03-29",
            Past,
            "last weekend=2023-03-25/2023-03-26",
        );
        check(
            "He leaves this weekend.",
            "2023-03-29",
            Future,
            "this weekend=2023-04-01/2023-04-02",
        );
        check(
            "He went last week.",
            "2019-01-01",
            Past,
            "last week=2018-12-24/2018-12-30",
        );
        check("He went last year.", "2019-05", Past, "last year=2018");
        check("two years ago", "2019", Past, "two years ago=2017");
        check("He went last month.", "2019", Past, "last month=..");
        check("in the past week", "2019-01-09", Past, "");
    }
}
