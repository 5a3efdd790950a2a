//! `DocDate`: a document's date as a `<time>` element at its own precision.

use communique_core::PartialDate;
use leptos::prelude::*;

use crate::format;

/// A date in words ("14 Sep 2016", "Feb 2016", "Undated") with the ISO form in
/// `datetime` when known, so it can be read by machines too.
#[component]
pub fn DocDate(
    /// The date, `None` when the document has none.
    date: Option<PartialDate>,
    /// The time of day `HH:MM`, shown after the date when given.
    #[prop(optional_no_strip)]
    time: Option<&'static str>,
    /// Classes of the `<time>` element.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let datetime = date.map(|d| match (d.precision(), time) {
        (communique_core::DatePrecision::Day, Some(time)) => format!("{}T{time}", d.iso()),
        _ => d.iso(),
    });
    view! {
        <time class=class datetime=datetime>
            {format::human_date_time(date, time)}
        </time>
    }
}
