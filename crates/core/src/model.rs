//! The data model of a compiled corpus: articles, sentences, entities, visits,
//! the compile report, and the references that tie every fact to its sentence.
//!
//! Invariant: every fact shown by the app (an entity mention, a role, a visit)
//! carries a [`SourceRef`], a byte span into one document's clean `text`, so the
//! page can always link back to the sentence it came from.
//!
//! Invariant: all offsets are byte offsets into [`Document::text`] and always lie
//! on UTF-8 character boundaries.

use std::borrow::Cow;

use serde::Serialize;

use crate::lazy::{Empty, Lazy};
use crate::wire::{decode_enum, decode_struct};

/// Index of a document in `Corpus::documents`.
pub type DocId = u32;
/// Index of an entity in `Corpus::entities`.
pub type EntityId = u32;

/// Title and description of a corpus, from `corpus.toml` or defaults.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CorpusMeta {
    /// Human title of the corpus, shown on the overview.
    pub title: String,
    /// One-paragraph description, possibly empty.
    pub description: String,
    /// The compiler version that produced the bundle.
    pub generator: String,
}

/// A half-open byte range `start..end` in one document's clean text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// Builds a span from `usize` offsets.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The span as a `usize` range, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A span in a given document: the link from a fact to its evidence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct SourceRef {
    /// The document.
    pub doc: DocId,
    /// The bytes of the evidence in that document's text.
    pub span: Span,
}

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum DatePrecision {
    /// Only the year.
    Year,
    /// Year and month.
    Month,
    /// Year, month and day.
    Day,
}

/// A calendar date known to year, month or day precision; never invented.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct PartialDate {
    /// Proleptic Gregorian year.
    pub year: i32,
    /// 1–12, or 0 when unknown.
    pub month: u8,
    /// 1–31, or 0 when unknown (always 0 when `month` is 0).
    pub day: u8,
}

impl PartialDate {
    /// A day-precision date. The caller guarantees it exists in the calendar.
    pub fn ymd(year: i32, month: u8, day: u8) -> PartialDate {
        PartialDate { year, month, day }
    }

    /// A month-precision date.
    pub fn ym(year: i32, month: u8) -> PartialDate {
        PartialDate {
            year,
            month,
            day: 0,
        }
    }

    /// A year-precision date.
    pub fn y(year: i32) -> PartialDate {
        PartialDate {
            year,
            month: 0,
            day: 0,
        }
    }

    /// How much of the date is known.
    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (0, _) => DatePrecision::Year,
            (_, 0) => DatePrecision::Month,
            _ => DatePrecision::Day,
        }
    }

    /// ISO 8601 at its own precision: `2016`, `2016-09` or `2016-09-14`.
    pub fn iso(&self) -> String {
        match self.precision() {
            DatePrecision::Year => format!("{:04}", self.year),
            DatePrecision::Month => format!("{:04}-{:02}", self.year, self.month),
            DatePrecision::Day => format!("{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` for anything else or an impossible date.
    pub fn parse_iso(text: &str) -> Option<PartialDate> {
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let mut parts = text.trim().split('-');
        let year: i32 = parts.next().filter(|y| digits(y, 4))?.parse().ok()?;
        let month: u8 = match parts.next() {
            Some(m) if digits(m, 2) => m.parse().ok().filter(|m| (1..=12).contains(m))?,
            Some(_) => return None,
            None => return Some(PartialDate::y(year)),
        };
        let day: u8 = match parts.next() {
            Some(d) if digits(d, 2) => d
                .parse()
                .ok()
                .filter(|d| *d >= 1 && *d <= days_in_month(year, month))?,
            Some(_) => return None,
            None => return Some(PartialDate::ym(year, month)),
        };
        if parts.next().is_some() {
            return None;
        }
        Some(PartialDate::ymd(year, month, day))
    }

    /// A sortable day number for the first day the date may denote (for timelines and ranges).
    pub fn first_day(&self) -> i64 {
        days_from_civil(self.year, self.month.max(1), self.day.max(1))
    }

    /// A sortable day number for the last day the date may denote.
    pub fn last_day(&self) -> i64 {
        match self.precision() {
            DatePrecision::Day => self.first_day(),
            DatePrecision::Month => {
                days_from_civil(self.year, self.month, days_in_month(self.year, self.month))
            }
            DatePrecision::Year => days_from_civil(self.year, 12, 31),
        }
    }
}

/// Number of days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar date of a day number from [`days_from_civil`].
pub fn civil_from_days(days: i64) -> PartialDate {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    PartialDate::ymd(year, month, day)
}

/// A string of the model's metadata: borrowed from the bundle's bytes when those live as long
/// as the program (the bundle embedded in the page's WASM), owned otherwise. At start the
/// page reads every article's and entity's names; borrowing them allocates and copies
/// nothing (`wire.rs`).
pub type Text = Cow<'static, str>;

/// One article, cleaned: its metadata, and its [`Body`], which it reads as (`Deref`), so
/// `document.text` is the body's text. The page decodes the metadata at start and the
/// body when first used (`lazy.rs`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Document {
    /// Path relative to the corpus folder without extension, or the JSONL `id`.
    pub id: Text,
    /// The headline, without site suffixes.
    pub title: Text,
    /// Publication date, if the article or its metadata states one.
    pub date: Option<PartialDate>,
    /// Publication time `HH:MM`, when stated.
    pub time: Option<Text>,
    /// Outlet or agency, when stated.
    pub source: Option<Text>,
    /// Place named by the article's dateline (`TEHRAN –` gives "Tehran"), when it has one.
    pub dateline: Option<Text>,
    /// Original address, when given in metadata.
    pub url: Option<Text>,
    /// The text and its structure.
    pub body: Lazy<Body>,
}

/// The text of an article and its structure.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Body {
    /// The clean body: boilerplate removed, paragraphs separated by `\n\n`.
    pub text: String,
    /// Paragraph spans in `text`.
    pub paragraphs: Vec<Span>,
    /// Sentence spans in `text`, in order, non-overlapping.
    pub sentences: Vec<Span>,
    /// Lines removed as boilerplate, kept so the reader can show them.
    pub removed: Vec<RemovedText>,
    /// Whether `text` opens with the headline as its own paragraph and sentence. The
    /// headline is text like any other for the extractors, so a fact only it states
    /// links to it; the search index reads it as the title only, and the reader shows
    /// it as the heading.
    pub headline: bool,
}

/// What a text read from a shard still to arrive looks like.
impl Empty for Body {
    fn empty() -> &'static Body {
        static EMPTY: Body = Body {
            text: String::new(),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            removed: Vec::new(),
            headline: false,
        };
        &EMPTY
    }
}

/// What mentions read from a shard still to arrive look like.
/// Where the report is read lazily (`corpus.rs`).
#[cfg(feature = "shards")]
impl Empty for CompileReport {
    fn empty() -> &'static CompileReport {
        static EMPTY: CompileReport = CompileReport { files: Vec::new() };
        &EMPTY
    }
}

impl Empty for Vec<SourceRef> {
    fn empty() -> &'static Vec<SourceRef> {
        static EMPTY: Vec<SourceRef> = Vec::new();
        &EMPTY
    }
}

impl std::ops::Deref for Document {
    type Target = Body;

    fn deref(&self) -> &Body {
        &self.body
    }
}

impl std::ops::DerefMut for Document {
    fn deref_mut(&mut self) -> &mut Body {
        &mut self.body
    }
}

impl Body {
    /// The index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: u32) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        (i < self.sentences.len() && self.sentences[i].start <= offset).then_some(i)
    }

    /// The text of a span of this document.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The headline's paragraph, when the text opens with it.
    pub fn headline_span(&self) -> Option<Span> {
        self.paragraphs.first().copied().filter(|_| self.headline)
    }

    /// Where the article's own text starts: after the headline, when it opens the text
    /// (always a character boundary of `text`, whatever the spans say).
    pub fn story_start(&self) -> usize {
        let start = match self.headline_span() {
            Some(_) => self
                .paragraphs
                .get(1)
                .map_or(self.text.len(), |p| p.start as usize),
            None => 0,
        };
        if self.text.is_char_boundary(start) {
            start
        } else {
            0
        }
    }
}

/// A line the cleaner removed, and why.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RemovedText {
    /// The removed text, as it was in the input.
    pub text: String,
    /// Why it was removed ("comment form", "related headlines", …).
    pub reason: String,
}

/// Kind of named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, ministry, agency, institute, alliance, …
    Organization,
    /// A country, region or city.
    Place,
}

impl EntityKind {
    /// The lower-case name used in URLs and the JSON export.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
        }
    }
}

/// A title or office held by a person, as of a date, with its evidence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Role {
    /// "Deputy Foreign Minister for Middle East and African Affairs".
    pub title: String,
    /// The date of the article that states it.
    pub as_of: Option<PartialDate>,
    /// Where it is stated.
    pub source: SourceRef,
}

/// One real-world person, organisation or place, merged across the corpus.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity {
    /// Stable slug for URLs, e.g. `person/leila-karimi-nasab`.
    pub id: Text,
    /// Canonical name (the longest well-formed mention).
    pub name: Text,
    /// Person, organisation or place.
    pub kind: EntityKind,
    /// Other surface forms seen in the corpus.
    pub aliases: Vec<String>,
    /// Roles over time (people only), oldest first.
    pub roles: Vec<Role>,
    /// Country name the entity belongs to or lies in.
    pub country: Option<Text>,
    /// Latitude (places only).
    pub lat: Option<f64>,
    /// Longitude (places only).
    pub lon: Option<f64>,
    /// Every mention, sorted by document then offset (read from the bundle when first used).
    pub mentions: Lazy<Vec<SourceRef>>,
}

/// Whether a visit took place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum VisitStatus {
    /// Reported as having taken place (or under way).
    Happened,
    /// Announced for the future.
    Planned,
    /// Called off.
    Cancelled,
}

impl VisitStatus {
    /// The lower-case name used in the JSON export.
    pub fn as_str(self) -> &'static str {
        match self {
            VisitStatus::Happened => "happened",
            VisitStatus::Planned => "planned",
            VisitStatus::Cancelled => "cancelled",
        }
    }
}

/// Where a visit's date comes from, so a reader can weigh it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum DateBasis {
    /// A calendar date written in the text ("on 4 March 2019", "in May 2015").
    Stated,
    /// Resolved against the publication date ("on Tuesday", "last week", "next month").
    Relative,
    /// No date in the text: the report's publication date (its day for a trip that
    /// happened, its month for a plan), as the frame news reports are written in.
    Publication,
}

impl DateBasis {
    /// The lower-case name used in the JSON export.
    pub fn as_str(self) -> &'static str {
        match self {
            DateBasis::Stated => "stated",
            DateBasis::Relative => "relative",
            DateBasis::Publication => "publication",
        }
    }
}

/// A sentence that supports a visit, and the rule that read it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    /// The sentence (or clause) in its document.
    pub source: SourceRef,
    /// Name of the extraction rule that fired, e.g. `arrived-in`.
    pub rule: String,
}

/// A named point on the globe.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Point {
    /// The place's name.
    pub name: String,
    /// Latitude in degrees, north positive.
    pub lat: f64,
    /// Longitude in degrees, east positive.
    pub lon: f64,
}

/// A diplomatic visit (CAMEO 042/043): a traveler goes to a place and is received there.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Visit {
    /// Stable id, e.g. `v3`.
    pub id: String,
    /// Traveler's display name (the person; for a delegation, the one who leads it).
    pub traveler: String,
    /// The traveler's entity, when resolved.
    pub traveler_entity: Option<EntityId>,
    /// The traveler's role at the time, when stated.
    pub traveler_role: Option<String>,
    /// Country the traveler represents.
    pub traveler_country: Option<String>,
    /// Where a map starts the trip: the capital of the traveller's country, when the
    /// compiler's gazetteer knows the country.
    pub origin: Option<Point>,
    /// Destination display name (a city or country).
    pub destination: String,
    /// The destination's place entity, when resolved.
    pub destination_entity: Option<EntityId>,
    /// Country of the destination.
    pub country: Option<String>,
    /// Hosts and counterparts met.
    pub hosts: Vec<String>,
    /// Who invited the traveler, when stated.
    pub inviter: Option<String>,
    /// Start date, at its precision; `None` when unknown.
    pub date: Option<PartialDate>,
    /// End date for a multi-day trip.
    pub date_end: Option<PartialDate>,
    /// Where `date` comes from; `None` when there is no date.
    pub date_basis: Option<DateBasis>,
    /// Happened, planned or cancelled.
    pub status: VisitStatus,
    /// Stated purpose, a short phrase.
    pub purpose: Option<String>,
    /// Every sentence reporting this trip, across articles; never empty.
    pub evidence: Vec<Evidence>,
}

/// What became of every input file of a compile.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CompileReport {
    /// One entry per input file, in path order.
    pub files: Vec<FileReport>,
}

/// The fate of one input file.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FileReport {
    /// Path relative to the corpus folder.
    pub path: String,
    /// Ids of the documents it produced (empty when skipped).
    pub documents: Vec<String>,
    /// Why it was skipped, when it was.
    pub skipped: Option<String>,
    /// Warnings and errors, each naming a line when it can.
    pub messages: Vec<Diagnostic>,
}

/// The name of the optional settings file at a corpus folder's root: the
/// corpus title and description and per-document metadata.
pub const SETTINGS_FILE: &str = "corpus.toml";

/// What became of an input file, as the report shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFate<'a> {
    /// Not used, for this reason.
    Skipped(&'a str),
    /// The settings file ([`SETTINGS_FILE`]): read, and gives no articles itself.
    Settings,
    /// Read, giving this many documents (possibly none).
    Articles(usize),
}

impl FileReport {
    /// What became of the file.
    pub fn fate(&self) -> FileFate<'_> {
        match (&self.skipped, self.documents.len()) {
            (Some(why), _) => FileFate::Skipped(why),
            (None, 0) if self.path == SETTINGS_FILE => FileFate::Settings,
            (None, n) => FileFate::Articles(n),
        }
    }
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Severity {
    /// The file was used, with a caveat.
    Warning,
    /// Part or all of the file was not used.
    Error,
}

/// One problem found in an input file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Warning or error.
    pub severity: Severity,
    /// 1-based line, when the problem has one.
    pub line: Option<u32>,
    /// What is wrong, in words a user can act on.
    pub message: String,
}

// How the bundle's reader (`wire.rs`) reads each type reachable from
// `Corpus` (`corpus.rs`): the fields in declaration order, the order serde writes them in.
decode_struct!(CorpusMeta {
    title,
    description,
    generator
});
decode_struct!(Span { start, end });
decode_struct!(SourceRef { doc, span });
decode_struct!(PartialDate { year, month, day });
decode_struct!(Document {
    id,
    title,
    date,
    time,
    source,
    dateline,
    url,
    body
});
decode_struct!(Body {
    text,
    paragraphs,
    sentences,
    removed,
    headline
});
decode_struct!(RemovedText { text, reason });
decode_enum!(EntityKind {
    Person,
    Organization,
    Place
});
decode_struct!(Role {
    title,
    as_of,
    source
});
decode_struct!(Entity {
    id,
    name,
    kind,
    aliases,
    roles,
    country,
    lat,
    lon,
    mentions
});
decode_enum!(VisitStatus {
    Happened,
    Planned,
    Cancelled
});
decode_enum!(DateBasis {
    Stated,
    Relative,
    Publication
});
decode_struct!(Evidence { source, rule });
decode_struct!(Point { name, lat, lon });
decode_struct!(Visit {
    id,
    traveler,
    traveler_entity,
    traveler_role,
    traveler_country,
    origin,
    destination,
    destination_entity,
    country,
    hosts,
    inviter,
    date,
    date_end,
    date_basis,
    status,
    purpose,
    evidence
});
decode_struct!(CompileReport { files });
decode_struct!(FileReport {
    path,
    documents,
    skipped,
    messages
});
decode_enum!(Severity { Warning, Error });
decode_struct!(Diagnostic {
    severity,
    line,
    message
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_round_trip_through_iso() {
        for text in ["2016", "2016-09", "2016-09-14", "2024-02-29"] {
            assert_eq!(PartialDate::parse_iso(text).unwrap().iso(), text);
        }
        for bad in ["2016-13", "2015-02-29", "16-9", "2016-09-14-1", "x"] {
            assert_eq!(PartialDate::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn day_numbers_invert() {
        for d in [-1000, 0, 1, 16_693, 19_000] {
            let date = civil_from_days(d);
            assert_eq!(date.first_day(), d);
        }
        assert_eq!(
            PartialDate::ym(2016, 2).last_day() - PartialDate::ym(2016, 2).first_day(),
            28
        );
    }
}
