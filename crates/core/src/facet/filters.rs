//! [`Filters`]: the user's facet selections and date range. Their URL form is the
//! app's (`src/url.rs` owns every parameter); here they are plain values.

use super::{Facet, SortedSet};
use crate::model::{civil_from_days, PartialDate};

/// The key of the "no date" value in the years facet and in the URL (`year=undated`).
pub const UNDATED_KEY: &str = "undated";

/// What the user selected: OR within a facet, AND across facets and the date range.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Filters {
    /// Selected people, by entity id (`person/…`).
    pub people: SortedSet<String>,
    /// Selected organisations, by entity id (`organization/…`).
    pub organizations: SortedSet<String>,
    /// Selected places, by entity id (`place/…`).
    pub places: SortedSet<String>,
    /// Selected sources, by their exact name.
    pub sources: SortedSet<String>,
    /// Selected publication years.
    pub years: SortedSet<i32>,
    /// Whether undated documents are selected in the years facet.
    pub undated: bool,
    /// The date range (from the timeline brush or typed dates); unset by default.
    pub dates: DateRange,
}

impl Filters {
    /// Whether nothing is selected: every document passes.
    pub fn is_empty(&self) -> bool {
        Facet::ALL
            .into_iter()
            .all(|facet| self.is_facet_empty(facet))
            && !self.dates.is_set()
    }

    /// Whether nothing is selected in `facet`.
    pub fn is_facet_empty(&self, facet: Facet) -> bool {
        match facet {
            Facet::Years => self.years.is_empty() && !self.undated,
            _ => self.entity_or_source_set(facet).is_empty(),
        }
    }

    /// Removes every selection and the date range ("clear all").
    pub fn clear(&mut self) {
        *self = Filters::default();
    }

    /// The selected keys of `facet`: entity ids, source names, or years as text
    /// ([`UNDATED_KEY`] last), in a stable order.
    pub fn keys(&self, facet: Facet) -> Vec<String> {
        match facet {
            Facet::Years => {
                let mut keys: Vec<String> = self.years.iter().map(i32::to_string).collect();
                if self.undated {
                    keys.push(UNDATED_KEY.to_owned());
                }
                keys
            }
            _ => self.entity_or_source_set(facet).iter().cloned().collect(),
        }
    }

    /// Whether `key` is selected in `facet`.
    pub fn contains(&self, facet: Facet, key: &str) -> bool {
        match facet {
            Facet::Years => match parse_year_key(key) {
                Some(YearKey::Year(year)) => self.years.contains(&year),
                Some(YearKey::Undated) => self.undated,
                None => false,
            },
            _ => self.entity_or_source_set(facet).contains(key),
        }
    }

    /// Selects `key` in `facet`; false when the key cannot be a value of that facet
    /// (an empty key, or a year that is not a number nor [`UNDATED_KEY`]).
    pub fn insert(&mut self, facet: Facet, key: &str) -> bool {
        self.set(facet, key, true)
    }

    /// Deselects `key` in `facet` (removing a chip); false when it was not selected.
    pub fn remove(&mut self, facet: Facet, key: &str) -> bool {
        let was = self.contains(facet, key);
        self.set(facet, key, false);
        was
    }

    /// Selects `key` in `facet` if it is not selected, deselects it otherwise (a
    /// click on a facet value).
    pub fn toggle(&mut self, facet: Facet, key: &str) {
        let on = !self.contains(facet, key);
        self.set(facet, key, on);
    }

    /// Adds or removes `key` in `facet`; false when the key cannot be a value of it.
    fn set(&mut self, facet: Facet, key: &str, on: bool) -> bool {
        if key.is_empty() {
            return false;
        }
        match facet {
            Facet::Years => match parse_year_key(key) {
                Some(YearKey::Undated) => self.undated = on,
                Some(YearKey::Year(year)) if on => {
                    self.years.insert(year);
                }
                Some(YearKey::Year(year)) => {
                    self.years.remove(&year);
                }
                None => return false,
            },
            _ => {
                let set = self.entity_or_source_set_mut(facet);
                if on {
                    set.insert(key.to_owned());
                } else {
                    set.remove(key);
                }
            }
        }
        true
    }

    /// The string set of an entity facet or of sources (years are numbers).
    fn entity_or_source_set(&self, facet: Facet) -> &SortedSet<String> {
        match facet {
            Facet::People => &self.people,
            Facet::Organizations => &self.organizations,
            Facet::Places => &self.places,
            Facet::Sources | Facet::Years => &self.sources,
        }
    }

    /// Mutable twin of [`Filters::entity_or_source_set`].
    fn entity_or_source_set_mut(&mut self, facet: Facet) -> &mut SortedSet<String> {
        match facet {
            Facet::People => &mut self.people,
            Facet::Organizations => &mut self.organizations,
            Facet::Places => &mut self.places,
            Facet::Sources | Facet::Years => &mut self.sources,
        }
    }
}

/// A value of the years facet, read from its key.
enum YearKey {
    /// A publication year.
    Year(i32),
    /// Documents without a date.
    Undated,
}

/// Reads a years-facet key: a (possibly negative) integer or [`UNDATED_KEY`].
fn parse_year_key(key: &str) -> Option<YearKey> {
    if key == UNDATED_KEY {
        return Some(YearKey::Undated);
    }
    key.parse().ok().map(YearKey::Year)
}

/// An inclusive range of days, each end optional, at any date precision: `from`
/// counts from its first day (`2016-09` from 1 September), `to` up to its last
/// (`2016-09` to 30 September).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DateRange {
    /// The earliest date, or `None` for no lower bound.
    pub from: Option<PartialDate>,
    /// The latest date, or `None` for no upper bound.
    pub to: Option<PartialDate>,
}

impl DateRange {
    /// A range between two dates, swapped when given in reverse order.
    pub fn new(from: Option<PartialDate>, to: Option<PartialDate>) -> DateRange {
        match (from, to) {
            (Some(a), Some(b)) if a.first_day() > b.last_day() => DateRange {
                from: Some(b),
                to: Some(a),
            },
            _ => DateRange { from, to },
        }
    }

    /// The day-precision range between two day numbers (from [`PartialDate::first_day`]),
    /// in either order: what a drag across the timeline gives.
    pub fn from_days(a: i64, b: i64) -> DateRange {
        DateRange {
            from: Some(civil_from_days(a.min(b))),
            to: Some(civil_from_days(a.max(b))),
        }
    }

    /// Whether either end is set (an unset range lets every date through).
    pub fn is_set(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// The first and last day numbers of the range; open ends are `i64::MIN` / `i64::MAX`.
    pub fn days(&self) -> (i64, i64) {
        (
            self.from.map_or(i64::MIN, |date| date.first_day()),
            self.to.map_or(i64::MAX, |date| date.last_day()),
        )
    }

    /// The range in words for its chip: `2016-09-01 – 2016-09-14`, `2016-09` (both
    /// ends the same), `from 2016-09`, `until 2017`; empty when unset.
    pub fn label(&self) -> String {
        match (self.from, self.to) {
            (Some(from), Some(to)) if from == to => from.iso(),
            (Some(from), Some(to)) => format!("{} – {}", from.iso(), to.iso()),
            (Some(from), None) => format!("from {}", from.iso()),
            (None, Some(to)) => format!("until {}", to.iso()),
            (None, None) => String::new(),
        }
    }

    /// Whether the days `first..=last` share at least one day with the range.
    pub fn overlaps_days(&self, first: i64, last: i64) -> bool {
        let (from, to) = self.days();
        first <= to && last >= from
    }

    /// Whether a date, taken as every day it may denote, overlaps the range; an
    /// unset range admits every date (and `None`), a set range no `None`.
    pub fn admits(&self, date: Option<PartialDate>) -> bool {
        match date {
            _ if !self.is_set() => true,
            Some(date) => self.overlaps_days(date.first_day(), date.last_day()),
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chips_toggle_and_clear() {
        let mut filters = Filters::default();
        assert!(filters.insert(Facet::People, "person/zarif"));
        assert!(filters.insert(Facet::Years, "2016"));
        assert!(filters.insert(Facet::Years, UNDATED_KEY));
        assert!(!filters.insert(Facet::Years, "twenty"));
        assert!(!filters.insert(Facet::Sources, ""));
        filters.toggle(Facet::Sources, "IRNA");
        assert_eq!(filters.keys(Facet::Years), ["2016", "undated"]);
        assert_eq!(filters.keys(Facet::Sources), ["IRNA"]);
        filters.toggle(Facet::Sources, "IRNA");
        assert!(filters.is_facet_empty(Facet::Sources));
        assert!(filters.remove(Facet::Years, UNDATED_KEY));
        assert!(!filters.remove(Facet::Years, UNDATED_KEY));
        assert!(filters.contains(Facet::People, "person/zarif"));
        assert!(!filters.is_empty());
        filters.dates = DateRange::from_days(10, 3);
        filters.clear();
        assert!(filters.is_empty());
    }

    fn check_range(from: &str, to: &str, date: &str, expect: bool) {
        let parse = |text: &str| PartialDate::parse_iso(text);
        let range = DateRange::new(parse(from), parse(to));
        assert_eq!(
            range.admits(parse(date)),
            expect,
            "{from}..{to} admits {date:?}"
        );
    }

    #[test]
    fn date_ranges_overlap_at_every_precision() {
        // Day-precision range against dates of each precision.
        check_range("2016-09-10", "2016-09-20", "2016-09-14", true);
        check_range("2016-09-10", "2016-09-20", "2016-09-21", false);
        check_range("2016-09-10", "2016-09-20", "2016-09", true);
        check_range("2016-09-10", "2016-09-20", "2016-08", false);
        check_range("2016-09-10", "2016-09-20", "2016", true);
        check_range("2016-09-10", "2016-09-20", "2015", false);
        // Month- and year-precision ends cover their whole month or year.
        check_range("2016-09", "2016-09", "2016-09-30", true);
        check_range("2016-09", "2016-09", "2016-10-01", false);
        check_range("2016", "2016", "2016-12-31", true);
        check_range("2016", "2016", "2017-01-01", false);
        check_range("2016-02", "2016-02", "2016-02-29", true);
        // Open ends.
        check_range("2016-09-14", "", "2030", true);
        check_range("2016-09-14", "", "2016-09-13", false);
        check_range("", "2016-09", "1900", true);
        check_range("", "2016-09", "2016-10-01", false);
        // Undated documents fail a set range and pass an unset one.
        check_range("2016", "2017", "", false);
        check_range("", "", "", true);
        check_range("", "", "2016", true);
        // Reversed ends are put in order.
        check_range("2017", "2016", "2016-06", true);
    }

    #[test]
    fn brush_day_numbers_become_day_dates() {
        let (a, b) = (
            PartialDate::ymd(2016, 9, 14).first_day(),
            PartialDate::ymd(2016, 9, 1).first_day(),
        );
        let range = DateRange::from_days(a, b);
        assert_eq!(range.from, Some(PartialDate::ymd(2016, 9, 1)));
        assert_eq!(range.to, Some(PartialDate::ymd(2016, 9, 14)));
        assert_eq!(range.days(), (b, a));
        assert_eq!(DateRange::from_days(a, a).days(), (a, a));
    }

    fn check_label(url_query: &str, expect: &str) {
        let filters = super::super::test_corpus::filters(url_query);
        assert_eq!(filters.dates.label(), expect, "{url_query}");
    }

    #[test]
    fn date_range_labels() {
        check_label("from=2016-09-01&to=2016-09-14", "2016-09-01 – 2016-09-14");
        check_label("from=2016-09&to=2016-09", "2016-09");
        check_label("from=2016-09", "from 2016-09");
        check_label("to=2017", "until 2017");
        check_label("", "");
    }
}
