//! Publication dates and times: finding them in an article's header lines and
//! reading them from metadata, normalised to [`PartialDate`] plus `HH:MM`.
//!
//! Forms understood in a line (month names full or abbreviated, any case,
//! optional weekday and ordinal suffix):
//! `September 14, 2016 - 15:34`, `Monday, February 1, 2016`, `14 September 2016`,
//! `28th of November, 2014`, `Nov. 2014` (month precision), `2016-09-14`,
//! `2016/09/14`, `14.09.2016` (dotted numbers are day first), `14/09/2016` only
//! when one part is over 12 (otherwise the order is ambiguous and no date is
//! taken), and a year glued to the time (`January 28, 201920:43`, a scraping
//! accident where the space between `2019` and `20:43` was lost).
//! Times are `H:MM` or `HH:MM`, with an optional `am`/`pm`, anywhere on the line.
//!
//! Invariant: never invents a date. A day is only given when the text states
//! it, and it must exist in the calendar; years outside 1800–2200 are ignored.
//!
//! Invariant: reads lines, not documents; the cleaner decides which lines are
//! header lines, so a date in the middle of the body never becomes the
//! publication date.

use std::ops::Range;

use communique_core::{days_in_month, PartialDate};

/// A date (and maybe a time) found in a line of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundDate {
    /// The date at the precision the text states.
    pub date: PartialDate,
    /// `HH:MM` (24-hour), when the line gives a time.
    pub time: Option<String>,
    /// Bytes of the line taken by the date (and weekday), not the time.
    pub span: Range<usize>,
}

/// Finds the first date stated in `line`, and a time anywhere else on it.
pub fn find_in_line(line: &str) -> Option<FoundDate> {
    let tokens = tokenize(line);
    let (date, used, glued_hour) =
        (0..tokens.len()).find_map(|at| match_date(line, &tokens, at))?;
    let mut span = tokens[used.start].span.start..tokens[used.end - 1].span.end;
    // A weekday name just before the date belongs to it ("Monday, February 1").
    if let Some(prev) = used
        .start
        .checked_sub(1)
        .and_then(|i| before_comma(&tokens, i))
    {
        if weekday(tokens[prev].text(line)) {
            span.start = tokens[prev].span.start;
        }
    }
    let time = match glued_hour {
        Some((hour, minute_at)) => time_text(hour, tokens[minute_at].text(line), None),
        None => find_time(line, &tokens, &used),
    };
    Some(FoundDate { date, time, span })
}

/// Whether `line` is a date line of a page header (`Date :Friday, November 28th,
/// 2014 | Time : 00:02 |ID: 13749 | Print`): a date, and besides it only labels,
/// separators, numbers and a short closing credit (`… by admin`). Returns the
/// date found.
pub fn header_date(line: &str) -> Option<FoundDate> {
    if line.len() > 160 {
        return None;
    }
    let found = find_in_line(line)?;
    let tokens = tokenize(line);
    // `Posted on September 14, 2016 by admin`: a short credit ends the line.
    let credit = tokens
        .iter()
        .rposition(|t| t.kind == Kind::Word && t.text(line).eq_ignore_ascii_case("by"))
        .filter(|&by| tokens[by].span.start >= found.span.end)
        .filter(|&by| {
            tokens[by + 1..]
                .iter()
                .filter(|t| t.kind == Kind::Word)
                .count()
                <= 4
        })
        .unwrap_or(tokens.len());
    let leftover_words = tokens[..credit]
        .iter()
        .filter(|t| t.kind == Kind::Word && !overlaps(&t.span, &found.span))
        .map(|t| t.text(line).to_ascii_lowercase())
        .filter(|w| !HEADER_LABELS.contains(&w.as_str()) && !weekday(w) && !meridiem(w))
        .count();
    (leftover_words == 0).then_some(found)
}

/// Reads a date given in metadata (JSONL `date`, `corpus.toml`): `YYYY`,
/// `YYYY-MM`, `YYYY-MM-DD`, optionally followed by `T` or a space and a time
/// `HH:MM[:SS…]`; failing that, a line that is only a date in a form
/// [`find_in_line`] reads (`September 14, 2016`, `Wed, 14 Sep 2016 15:34:00
/// +0000`), as feeds write them. Returns the date and the time, or why it was
/// rejected.
pub fn parse_metadata_date(text: &str) -> Result<(PartialDate, Option<String>), String> {
    let text = text.trim();
    if let Some(iso) = parse_iso_with_time(text) {
        return Ok(iso);
    }
    match header_date(text) {
        Some(found) => Ok((found.date, found.time)),
        None => Err(format!(
            "bad date {text:?}: expected YYYY, YYYY-MM or YYYY-MM-DD"
        )),
    }
}

/// `YYYY[-MM[-DD]]` with an optional `THH:MM…` or ` HH:MM…`.
fn parse_iso_with_time(text: &str) -> Option<(PartialDate, Option<String>)> {
    let (day, clock) = match text.split_once(['T', ' ']) {
        Some((day, clock)) => (day, Some(clock)),
        None => (text, None),
    };
    let date = PartialDate::parse_iso(day)?;
    let time = match clock {
        None => None,
        Some(clock) => {
            let hour = clock.get(0..2)?.parse::<u32>().ok()?;
            if clock.get(2..3) != Some(":") {
                return None;
            }
            Some(time_text(hour, clock.get(3..5)?, None)?)
        }
    };
    Some((date, time))
}

/// The month number of an English month name or its usual abbreviation.
pub fn month_number(word: &str) -> Option<u8> {
    let lower = word.to_ascii_lowercase();
    let lower = lower.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|(full, short)| {
            lower == *full || lower == *short || (*short == "sep" && lower == "sept")
        })
        .map(|i| i as u8 + 1)
}

/// Full and three-letter English month names.
const MONTHS: [(&str, &str); 12] = [
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may", "may"),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
];

/// Words a header date line may carry besides the date itself.
#[rustfmt::skip]
const HEADER_LABELS: &[&str] = &[
    // What the line is.
    "date", "time", "publishdate", "publish", "published", "publication", "posted", "updated",
    "update", "last", "modified", "created", "release", "released", "issued", "first", "on", "at",
    "of", "the", "id", "print", "code", "news", "story", "no", "local", "hrs", "h",
    // Ordinal suffixes written apart (`28 th`).
    "st", "nd", "rd", "th",
    // Time zones.
    "gmt", "utc", "z", "et", "pt", "ct", "est", "edt", "pst", "pdt", "cst", "cdt", "mst", "mdt",
    "bst", "cet", "cest", "eet", "eest", "wet", "west", "msk", "irst", "irdt", "ist", "pkt", "ast",
    "gst", "sast", "eat", "wat", "cat", "hkt", "sgt", "jst", "kst", "aest", "aedt",
];

/// English weekday names, Monday first.
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The weekday a full English weekday name denotes, any case, 0 for Monday: "Tuesday" → 1.
pub fn weekday_number(word: &str) -> Option<u8> {
    WEEKDAYS
        .iter()
        .position(|d| d.eq_ignore_ascii_case(word))
        .map(|p| p as u8)
}

/// Whether a word is a weekday name or its three-letter abbreviation ("Tue").
fn weekday(word: &str) -> bool {
    weekday_number(word).is_some()
        || (word.len() == 3 && WEEKDAYS.iter().any(|d| d[..3].eq_ignore_ascii_case(word)))
}

fn meridiem(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "am" | "pm" | "a" | "p" | "m"
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Word,
    Number,
    Punct,
}

#[derive(Clone, Debug)]
struct Token {
    kind: Kind,
    span: Range<usize>,
}

impl Token {
    fn text<'a>(&self, line: &'a str) -> &'a str {
        &line[self.span.clone()]
    }
}

/// Letters runs, digit runs and single punctuation marks; spaces dropped.
fn tokenize(line: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    for (at, ch) in line.char_indices() {
        let kind = if ch.is_alphabetic() {
            Kind::Word
        } else if ch.is_ascii_digit() {
            Kind::Number
        } else if ch.is_whitespace() {
            continue;
        } else {
            Kind::Punct
        };
        let end = at + ch.len_utf8();
        match tokens.last_mut() {
            Some(last) if last.kind == kind && kind != Kind::Punct && last.span.end == at => {
                last.span.end = end;
            }
            _ => tokens.push(Token {
                kind,
                span: at..end,
            }),
        }
    }
    tokens
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// `i` itself, or the token before it when `i` is a comma.
fn before_comma(tokens: &[Token], i: usize) -> Option<usize> {
    let is_comma = tokens[i].kind == Kind::Punct && tokens[i].span.len() == 1;
    if is_comma {
        i.checked_sub(1)
    } else {
        Some(i)
    }
}

/// A cursor over tokens, for reading one date pattern.
struct Reader<'a> {
    line: &'a str,
    tokens: &'a [Token],
    at: usize,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<(&'a Token, &'a str)> {
        self.tokens.get(self.at).map(|t| (t, t.text(self.line)))
    }

    fn punct(&mut self, marks: &str) -> bool {
        match self.peek() {
            Some((t, text)) if t.kind == Kind::Punct && marks.contains(text) => {
                self.at += 1;
                true
            }
            _ => false,
        }
    }

    fn word(&mut self, words: &[&str]) -> bool {
        match self.peek() {
            Some((t, text))
                if t.kind == Kind::Word && words.iter().any(|w| w.eq_ignore_ascii_case(text)) =>
            {
                self.at += 1;
                true
            }
            _ => false,
        }
    }

    fn number(&mut self, digits: Range<usize>) -> Option<&'a str> {
        match self.peek() {
            Some((t, text)) if t.kind == Kind::Number && digits.contains(&text.len()) => {
                self.at += 1;
                Some(text)
            }
            _ => None,
        }
    }

    fn month(&mut self) -> Option<u8> {
        let (t, text) = self.peek()?;
        let month = (t.kind == Kind::Word)
            .then(|| month_number(text))
            .flatten()?;
        // "May" alone is too often the verb; accept it only capitalised.
        if month == 5 && !text.starts_with('M') {
            return None;
        }
        self.at += 1;
        // An abbreviation may carry its full stop ("Sept. 14").
        if text.len() <= 4 {
            self.punct(".");
        }
        Some(month)
    }

    /// A day number with an optional ordinal suffix glued to it ("28th").
    fn day(&mut self) -> Option<u8> {
        let start = self.at;
        let day: u8 = self.number(1..3)?.parse().ok()?;
        if let Some((t, text)) = self.peek() {
            let glued = t.span.start == self.tokens[self.at - 1].span.end;
            if glued
                && t.kind == Kind::Word
                && ["st", "nd", "rd", "th"].contains(&text.to_ascii_lowercase().as_str())
            {
                self.at += 1;
            }
        }
        if day == 0 || day > 31 {
            self.at = start;
            return None;
        }
        Some(day)
    }

    /// A four-digit year, or a year glued to an hour (`201920` before `:43`):
    /// returns the year and the glued hour.
    fn year(&mut self) -> Option<(i32, Option<u32>)> {
        let (t, text) = self.peek()?;
        if t.kind != Kind::Number {
            return None;
        }
        let glued = text.len() == 6
            && self
                .tokens
                .get(self.at + 1)
                .is_some_and(|c| c.text(self.line) == ":");
        if text.len() != 4 && !glued {
            return None;
        }
        let year: i32 = text[..4].parse().ok()?;
        if !(1800..=2200).contains(&year) {
            return None;
        }
        self.at += 1;
        let hour = glued.then(|| text[4..].parse().ok()).flatten();
        Some((year, hour))
    }
}

type DateMatch = (PartialDate, Range<usize>, Option<(u32, usize)>);

/// Year, month (1–12), day (0 when only the month is known) and an hour glued to the year.
type DateParts = (i32, u8, u8, Option<u32>);

/// One way of writing a date, read from a cursor.
type Pattern = fn(&mut Reader) -> Option<DateParts>;

/// Tries every date pattern starting at token `at`.
fn match_date(line: &str, tokens: &[Token], at: usize) -> Option<DateMatch> {
    let attempts: [Pattern; 4] = [month_day_year, day_month_year, numeric_date, month_year];
    for attempt in attempts {
        let mut reader = Reader { line, tokens, at };
        if let Some((year, month, day, hour)) = attempt(&mut reader) {
            if day > days_in_month(year, month) {
                continue;
            }
            let date = if day == 0 {
                PartialDate::ym(year, month)
            } else {
                PartialDate::ymd(year, month, day)
            };
            // A glued hour is followed by ':' and the minutes.
            let glued = hour
                .map(|h| (h, reader.at + 1))
                .filter(|(_, m)| *m < tokens.len());
            return Some((date, at..reader.at, glued));
        }
    }
    None
}

/// `September 14, 2016`, `Nov 28th, 2014`.
fn month_day_year(r: &mut Reader) -> Option<DateParts> {
    let month = r.month()?;
    let day = r.day()?;
    r.punct(",");
    let (year, hour) = r.year()?;
    Some((year, month, day, hour))
}

/// `14 September 2016`, `28th of November, 2014`.
fn day_month_year(r: &mut Reader) -> Option<DateParts> {
    let day = r.day()?;
    r.word(&["of"]);
    let month = r.month()?;
    r.punct(",");
    let (year, hour) = r.year()?;
    Some((year, month, day, hour))
}

/// `September 2016`: month precision.
fn month_year(r: &mut Reader) -> Option<DateParts> {
    let month = r.month()?;
    r.punct(",");
    let (year, hour) = r.year()?;
    Some((year, month, 0, hour))
}

/// `2016-09-14`, `2016/09/14`, `14.09.2016`, `14/09/2016` (when unambiguous).
fn numeric_date(r: &mut Reader) -> Option<DateParts> {
    if let Some(year) = r.number(4..5) {
        let sep = r.peek()?.1;
        if !["-", "/"].contains(&sep) {
            return None;
        }
        r.at += 1;
        let month: u8 = r.number(1..3)?.parse().ok()?;
        if !r.punct(sep) {
            return None;
        }
        let day: u8 = r.number(1..3)?.parse().ok()?;
        let year: i32 = year.parse().ok()?;
        return ((1..=12).contains(&month) && day >= 1 && (1800..=2200).contains(&year))
            .then_some((year, month, day, None));
    }
    let first: u8 = r.number(1..3)?.parse().ok()?;
    let sep = r.peek()?.1;
    if !["/", "."].contains(&sep) {
        return None;
    }
    r.at += 1;
    let second: u8 = r.number(1..3)?.parse().ok()?;
    if !r.punct(sep) {
        return None;
    }
    let year: i32 = r.number(4..5)?.parse().ok()?;
    let (day, month) = match sep {
        "." => (first, second),
        _ if first > 12 => (first, second),
        _ if second > 12 => (second, first),
        _ => return None,
    };
    ((1..=12).contains(&month) && day >= 1 && (1800..=2200).contains(&year))
        .then_some((year, month, day, None))
}

/// The first `H:MM` on the line outside the date, as 24-hour `HH:MM`.
fn find_time(line: &str, tokens: &[Token], date: &Range<usize>) -> Option<String> {
    (0..tokens.len().saturating_sub(2))
        .filter(|i| !date.contains(i))
        .find_map(|i| {
            let [hour, colon, minute] = [&tokens[i], &tokens[i + 1], &tokens[i + 2]];
            let adjacent = colon.span.start == hour.span.end && minute.span.start == colon.span.end;
            if !(hour.kind == Kind::Number
                && colon.text(line) == ":"
                && minute.kind == Kind::Number
                && adjacent)
            {
                return None;
            }
            // Not a clock when glued to more digits or colons (`12:30:45:10`, `1:2`).
            if hour.span.len() > 2 || minute.span.len() != 2 {
                return None;
            }
            let suffix = tokens.get(i + 3).map(|t| t.text(line).to_ascii_lowercase());
            let meridiem = match suffix.as_deref() {
                Some("am") | Some("a") => Some(false),
                Some("pm") | Some("p") => Some(true),
                _ => None,
            };
            time_text(hour.text(line).parse().ok()?, minute.text(line), meridiem)
        })
}

/// `HH:MM` from an hour, minute digits and an optional pm flag; `None` when impossible.
fn time_text(hour: u32, minute: &str, pm: Option<bool>) -> Option<String> {
    let minute: u32 = minute.parse().ok().filter(|_| minute.len() == 2)?;
    let hour = match pm {
        Some(_) if hour == 0 || hour > 12 => return None,
        Some(true) if hour < 12 => hour + 12,
        Some(false) if hour == 12 => 0,
        _ => hour,
    };
    (hour < 24 && minute < 60).then(|| format!("{hour:02}:{minute:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `expect` is `ISO[ HH:MM] @covered-text`, or "none".
    fn check(line: &str, expect: &str) {
        let got = match find_in_line(line) {
            None => "none".to_owned(),
            Some(found) => {
                let time = found.time.map(|t| format!(" {t}")).unwrap_or_default();
                format!("{}{time} @{}", found.date.iso(), &line[found.span])
            }
        };
        assert_eq!(got, expect, "line: {line:?}");
    }

    #[test]
    fn finds_dates_in_the_forms_of_the_default_corpus() {
        check(
            "September 14, 2016 - 15:34",
            "2016-09-14 15:34 @September 14, 2016",
        );
        check(
            "Monday, February 1, 2016",
            "2016-02-01 @Monday, February 1, 2016",
        );
        check(
            "PublishDate: Monday, January 28, 201920:43",
            "2019-01-28 20:43 @Monday, January 28, 201920",
        );
        check(
            "Date :Friday, November 28th, 2014 | Time : 00:02 |ID: 13749 | Print",
            "2014-11-28 00:02 @Friday, November 28th, 2014",
        );
    }

    #[test]
    fn finds_other_common_forms() {
        check("14 September 2016", "2016-09-14 @14 September 2016");
        check(
            "Published on the 28th of November, 2014 at 3:05 pm",
            "2014-11-28 15:05 @28th of November, 2014",
        );
        check(
            "Sept. 14, 2016 12:00 am",
            "2016-09-14 00:00 @Sept. 14, 2016",
        );
        check("Updated 2016-09-14T10:00", "2016-09-14 10:00 @2016-09-14");
        check("14.09.2016", "2016-09-14 @14.09.2016");
        check("09/14/2016", "2016-09-14 @09/14/2016");
        check("November 2014", "2014-11 @November 2014");
    }

    #[test]
    fn never_invents_a_date() {
        check("03/04/2016", "none");
        check("February 30, 2016", "none");
        check("He may 14 times, 2016 people", "none");
        check("Code 134776", "none");
        check("Time : 25:99", "none");
        check("in 1066 the Normans came", "none");
    }

    #[test]
    fn header_date_lines_hold_only_labels_besides_the_date() {
        let header = |line: &str| header_date(line).map(|f| f.date.iso());
        assert_eq!(
            header("Date :Friday, November 28th, 2014 | Time : 00:02 |ID: 13749 | Print")
                .as_deref(),
            Some("2014-11-28")
        );
        assert_eq!(
            header("PublishDate: Monday, January 28, 201920:43").as_deref(),
            Some("2019-01-28")
        );
        assert_eq!(
            header("Iran and Russia sign deal on September 14, 2016"),
            None
        );
        assert_eq!(
            header("Updated: September 14, 2016 3:34 pm ET").as_deref(),
            Some("2016-09-14")
        );
        assert_eq!(
            header("Posted on September 14, 2016 by Site Admin").as_deref(),
            Some("2016-09-14")
        );
        assert_eq!(
            header("By the end of September 14, 2016 nothing was signed"),
            None
        );
    }

    #[test]
    fn metadata_dates_are_iso_at_their_precision() {
        let parse =
            |text: &str| parse_metadata_date(text).map(|(d, t)| format!("{} {t:?}", d.iso()));
        assert_eq!(parse("2016"), Ok("2016 None".into()));
        assert_eq!(parse("2016-09"), Ok("2016-09 None".into()));
        assert_eq!(
            parse("2016-09-14T15:34:00Z"),
            Ok("2016-09-14 Some(\"15:34\")".into())
        );
        assert_eq!(parse("September 14, 2016"), Ok("2016-09-14 None".into()));
        assert_eq!(
            parse("Wed, 14 Sep 2016 15:34:00 +0000"),
            Ok("2016-09-14 Some(\"15:34\")".into())
        );
        assert!(parse("03/04/2016")
            .unwrap_err()
            .contains("expected YYYY, YYYY-MM or YYYY-MM-DD"));
        assert!(parse("2016-02-30").is_err());
        assert!(parse("2016-09-14T25:00").is_err());
        assert!(parse("yesterday").is_err());
    }
}
