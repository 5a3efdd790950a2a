//! The URL schema, in one place: the name and form of every query parameter the
//! app reads and writes (the URL is the app's state; see `state.rs`).
//!
//! `view`, `q`, `sort`, `doc`, `s=START-END` (a cited span of the open article)
//! and `id` (the entity page's entity); then the facet filters, one parameter per
//! selected value, in this order: `person=… org=… place=… source=… year=… from=… to=…`.
//! Entity values drop the `kind/` prefix of their id (`person=hossein-jalali-nasab`
//! for the id `person/hossein-jalali-nasab`), which decoding puts back; years are
//! numbers or `undated`; `from` and `to` are ISO dates at any precision (`2016`,
//! `2016-09`, `2016-09-14`).
//!
//! Invariant: reading never fails. Unknown parameters are skipped without comment;
//! a value of ours that cannot be read (`year=soon`) is dropped, and
//! [`decode_filters`] says so for a notice, never silently.

use communique_core::facet::{DateRange, Facet, Filters, UNDATED_KEY};
use communique_core::{PartialDate, SortOrder, Span};

use crate::state::{Route, View};

/// URL parameter of the start of the date range.
const FROM_PARAM: &str = "from";
/// URL parameter of the end of the date range.
const TO_PARAM: &str = "to";

impl Route {
    /// Reads a route from a query string, with or without its leading `?`.
    /// Never fails: unknown parameters are ignored and malformed values dropped,
    /// so an old or hand-edited link still opens something sensible.
    pub fn from_query(search: &str) -> Route {
        let search = search.strip_prefix('?').unwrap_or(search);
        let mut route = Route {
            filters: decode_filters(form_urlencoded::parse(search.as_bytes())).0,
            ..Route::default()
        };
        for (key, value) in form_urlencoded::parse(search.as_bytes()) {
            match &*key {
                "view" => route.view = View::from_name(&value),
                "q" => route.query = value.into_owned(),
                "sort" => route.sort = SortOrder::from_name(&value),
                "doc" if !value.is_empty() => route.doc = Some(value.into_owned()),
                "s" => route.cite = parse_span(&value),
                "id" if !value.is_empty() => route.entity = Some(value.into_owned()),
                _ => {}
            }
        }
        route
    }

    /// The query string of this route, with its leading `?`, or `""` for the
    /// default route. Defaults are omitted so links stay short.
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if let Some(view) = self.view.name() {
            out.append_pair("view", view);
        }
        if !self.query.is_empty() {
            out.append_pair("q", &self.query);
        }
        if self.sort != SortOrder::default() {
            out.append_pair("sort", self.sort.name());
        }
        if let Some(doc) = &self.doc {
            out.append_pair("doc", doc);
        }
        if let Some(span) = self.cite {
            out.append_pair("s", &format!("{}-{}", span.start, span.end));
        }
        if let Some(entity) = &self.entity {
            out.append_pair("id", entity);
        }
        for (param, value) in filters_to_pairs(&self.filters) {
            out.append_pair(param, &value);
        }
        let pairs = out.finish();
        if pairs.is_empty() {
            pairs
        } else {
            format!("?{pairs}")
        }
    }
}

/// Parses `START-END` (byte offsets, `START < END`); `None` when malformed.
fn parse_span(text: &str) -> Option<Span> {
    let (start, end) = text.split_once('-')?;
    let (start, end): (u32, u32) = (start.trim().parse().ok()?, end.trim().parse().ok()?);
    (start < end).then_some(Span { start, end })
}

/// The `kind/` prefix that entity ids of an entity facet carry, dropped in URLs.
fn entity_prefix(facet: Facet) -> Option<String> {
    facet
        .entity_kind()
        .map(|kind| format!("{}/", kind.as_str()))
}

/// Encodes the filters as URL query pairs, one per value, in a stable order
/// (see the module docs); empty filters give no pairs.
pub fn filters_to_pairs(filters: &Filters) -> Vec<(&'static str, String)> {
    let mut pairs = Vec::new();
    for facet in Facet::ALL {
        let prefix = entity_prefix(facet);
        for key in filters.keys(facet) {
            let value = match &prefix {
                Some(prefix) => key.strip_prefix(prefix.as_str()).unwrap_or(&key).to_owned(),
                None => key,
            };
            pairs.push((facet.param(), value));
        }
    }
    if let Some(from) = filters.dates.from {
        pairs.push((FROM_PARAM, from.iso()));
    }
    if let Some(to) = filters.dates.to {
        pairs.push((TO_PARAM, to.iso()));
    }
    pairs
}

/// Decodes filters from URL query pairs, with one message per value of ours that
/// could not be read (for a notice such as "year=soon was ignored: …").
///
/// Other parameters are skipped; empty values are skipped; repeated values
/// accumulate; a later `from` or `to` replaces an earlier one; a reversed range
/// is put in order.
pub fn decode_filters<K, V>(pairs: impl IntoIterator<Item = (K, V)>) -> (Filters, Vec<String>)
where
    K: AsRef<str>,
    V: AsRef<str>,
{
    let mut filters = Filters::default();
    let mut problems = Vec::new();
    let (mut from, mut to) = (None, None);
    for (param, value) in pairs {
        let (param, value) = (param.as_ref(), value.as_ref().trim());
        if value.is_empty() {
            continue;
        }
        if param == FROM_PARAM || param == TO_PARAM {
            match PartialDate::parse_iso(value) {
                Some(date) if param == FROM_PARAM => from = Some(date),
                Some(date) => to = Some(date),
                None => problems.push(format!(
                    "{param}={value} was ignored: not a date (expected 2016, 2016-09 or 2016-09-14)"
                )),
            }
            continue;
        }
        let Some(facet) = Facet::from_param(param) else {
            continue;
        };
        let key = match entity_prefix(facet) {
            Some(prefix) if !value.starts_with(prefix.as_str()) => format!("{prefix}{value}"),
            _ => value.to_owned(),
        };
        if !filters.insert(facet, &key) {
            problems.push(format!(
                "{param}={value} was ignored: not a year (expected e.g. 2016 or {UNDATED_KEY})"
            ));
        }
    }
    filters.dates = DateRange::new(from, to);
    (filters, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `a=b&c=d` as pairs, without percent-decoding.
    fn pairs(url_query: &str) -> Vec<(String, String)> {
        url_query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                (name.to_owned(), value.to_owned())
            })
            .collect()
    }

    /// Decodes `query`, checks the re-encoded form and the problems, and that the
    /// re-encoded form decodes to the same filters.
    fn check(query: &str, expect_encoded: &str, expect_problems: &[&str]) {
        let (filters, problems) = decode_filters(pairs(query));
        let encoded: Vec<String> = filters_to_pairs(&filters)
            .into_iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect();
        assert_eq!(encoded.join("&"), expect_encoded, "{query}");
        assert_eq!(problems, expect_problems, "{query}");
        assert_eq!(filters.is_empty(), expect_encoded.is_empty(), "{query}");
        assert_eq!(decode_filters(pairs(expect_encoded)).0, filters);
    }

    #[test]
    fn query_pairs_round_trip() {
        check("", "", &[]);
        check("q=iran&sort=date&page=2", "", &[]);
        check(
            "year=2016&person=zarif&q=x&person=lavrov&org=united-nations",
            "person=lavrov&person=zarif&org=united-nations&year=2016",
            &[],
        );
        // Full ids are accepted too, and repeated values collapse.
        check(
            "person=person/zarif&person=zarif&place=place/moscow",
            "person=zarif&place=moscow",
            &[],
        );
        check(
            "source=Tehran Times&source=IRNA&year=undated&year=2015&year=-44",
            "source=IRNA&source=Tehran Times&year=-44&year=2015&year=undated",
            &[],
        );
        check("from=2016-09&to=2017", "from=2016-09&to=2017", &[]);
        // A reversed range is put in order; a later end replaces an earlier one.
        check(
            "from=2017-01-05&to=2016&to=2016-09",
            "from=2016-09&to=2017-01-05",
            &[],
        );
        check("to=2016-09-14", "to=2016-09-14", &[]);
        check(
            "year=soon&from=yesterday&person=&year=2016",
            "year=2016",
            &[
                "year=soon was ignored: not a year (expected e.g. 2016 or undated)",
                "from=yesterday was ignored: not a date (expected 2016, 2016-09 or 2016-09-14)",
            ],
        );
    }
}
