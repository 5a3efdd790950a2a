//! `FacetGroup`: one facet of the panel (People, Places, …): its values as
//! labelled checkboxes with counts, the top few first, a box to find a value.

use communique_core::facet::{Facet, FacetCounts, FacetValue};
use leptos::prelude::*;

use crate::bundle;
use crate::components::show_if::ShowIf;
use crate::dom;
use crate::format;
use crate::state::{AppState, Route};

/// How many values a facet shows before "Show all": enough to see the main
/// names at a glance, few enough that five facets fit beside the results.
pub const TOP_VALUES: usize = 8;

/// How many of the values whose name contains what is typed in the find box it lists, most
/// frequent first: "a" typed in the People box of the 9.8k bench corpus found 6,085 values,
/// and that key took 500 ms to list them all.
pub const FOUND_LIMIT: usize = 50;

/// The values a facet shows, and how many more the find box found: those whose name contains
/// `needle` when one is typed (the first [`FOUND_LIMIT`]; a selected one further down is
/// among the chips above), else the first [`TOP_VALUES`] unless `all`, plus any selected
/// value further down (a checked box never hides).
pub fn visible_values<'a>(
    values: &'a [FacetValue],
    found: Option<Vec<&'a FacetValue>>,
    all: bool,
) -> (Vec<&'a FacetValue>, usize) {
    match found {
        Some(mut found) => {
            let more = found.len().saturating_sub(FOUND_LIMIT);
            found.truncate(FOUND_LIMIT);
            (found, more)
        }
        None => (
            values
                .iter()
                .enumerate()
                .filter(|(i, value)| all || *i < TOP_VALUES || value.selected)
                .map(|(_, value)| value)
                .collect(),
            0,
        ),
    }
}

/// The `id` of a value's checkbox: stable across re-renders, so focus can
/// return to it after a click re-counts the panel.
pub fn checkbox_id(facet: Facet, key: &str) -> String {
    let key: String = key
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    format!("facet-{}-{key}", facet.param())
}

/// `fieldset.facet-group[data-facet=<param>]`: a legend, a find box when the
/// facet has more than [`TOP_VALUES`] values, one `li.facet-value` per shown
/// value (a checkbox `input[data-key]` in a label with `.facet-label` and
/// `.facet-count`; entity values also link to their page), and a "Show all"
/// toggle. Hidden when the facet has no values at all.
#[component]
pub fn FacetGroup(
    /// Which facet.
    facet: Facet,
    /// The panel's counts, shared by every group.
    counts: Memo<FacetCounts>,
) -> impl IntoView {
    let state = AppState::expect();
    let needle = RwSignal::new(String::new());
    let show_all = RwSignal::new(false);
    let total = move || counts.with(|c| c.get(facet).values.len());
    let list_id = format!("facet-values-{}", facet.param());
    let find_id = format!("facet-find-{}", facet.param());

    let toggle = move |key: String| {
        state.toggle_filter(facet, &key);
        // The list is rebuilt with the new counts: give focus back to the box.
        let id = checkbox_id(facet, &key);
        request_animation_frame(move || {
            if let Some(element) = dom::by_id::<web_sys::HtmlElement>(&id) {
                let _ = element.focus();
            }
        });
    };

    let items = move || {
        let typed = needle.get();
        let all = show_all.get();
        counts.with(|counts| {
            let values = counts.get(facet);
            let found = (!typed.trim().is_empty())
                .then(|| values.find(bundle::facets(), bundle::corpus(), typed.trim()));
            let (shown, more) = visible_values(&values.values, found, all);
            let note = |text: String| view! { <li class="facet-none">{text}</li> }.into_any();
            if shown.is_empty() {
                return note("No value matches.".into());
            }
            let mut listed: Vec<AnyView> = shown
                .into_iter()
                .map(|value| {
                    let key = value.key.to_string();
                    let id = checkbox_id(facet, &key);
                    let on_change = {
                        let key = key.clone();
                        move |_| toggle(key.clone())
                    };
                    let about = facet.entity_kind().map(|_| {
                        let to: Route = state.current.get_untracked().with_entity(&key);
                        let label = format!("About {}", value.label);
                        let title = label.clone();
                        view! {
                            <crate::components::app_link::AppLink
                                to=to
                                class="facet-about"
                                title=title
                            >
                                <span aria-hidden="true">"›"</span>
                                <span class="visually-hidden">{label}</span>
                            </crate::components::app_link::AppLink>
                        }
                    });
                    view! {
                        <li class="facet-value" class:selected=value.selected>
                            <input
                                type="checkbox"
                                id=id.clone()
                                data-key=key.clone()
                                prop:checked=value.selected
                                on:change=on_change
                            />
                            <label for=id>
                                <span class="facet-label">{value.label.to_string()}</span>
                                <span class="facet-count">{format::thousands(value.count as usize)}</span>
                            </label>
                            {about}
                        </li>
                    }
                    .into_any()
                })
                .collect();
            if more > 0 {
                let more = format::thousands(more);
                listed.push(note(more + " more: keep typing"));
            }
            listed.into_any()
        })
    };

    // The find box and "Show all" exist while the facet has more values than it shows: a memo,
    // so that a new count (every keystroke) does not rebuild them, only the count in the label.
    let many = Memo::new(move |_| total() > TOP_VALUES);
    let find_box = move || {
        many.get().then(|| {
            let placeholder = format!("Find in {}", facet.label().to_ascii_lowercase());
            view! {
                <input
                    type="search"
                    class="facet-find"
                    id=find_id.clone()
                    placeholder=placeholder.clone()
                    aria-label=placeholder
                    aria-controls=list_id.clone()
                    prop:value=move || needle.get()
                    on:input=move |ev| needle.set(event_target_value(&ev))
                />
            }
        })
    };
    let more = move || {
        let hidden = many.get() && needle.with(|n| n.trim().is_empty());
        hidden.then(|| {
            let label = move || {
                if show_all.get() {
                    "Show fewer".to_string()
                } else {
                    format!("Show all {}", format::thousands(total()))
                }
            };
            view! {
                <button
                    type="button"
                    class="facet-more"
                    aria-expanded=move || show_all.get().to_string()
                    on:click=move |_| show_all.update(|all| *all = !*all)
                >
                    {label}
                </button>
            }
        })
    };
    let list_id_attr = format!("facet-values-{}", facet.param());
    let legend_id = format!("facet-legend-{}", facet.param());
    view! {
        <ShowIf when=move || { total() > 0 }>
            <fieldset class="facet-group" data-facet=facet.param() aria-labelledby=legend_id.clone()>
                <legend id=legend_id.clone()>{facet.label()}</legend>
                {find_box.clone()}
                <ul class="facet-values" id=list_id_attr.clone()>
                    {items}
                </ul>
                {more}
            </fieldset>
        </ShowIf>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lists the values shown for `values` (`label` or `label*` when selected),
    /// with `found` as the find box's matches (by label) and `all` for "Show all".
    fn check(values: &str, found: Option<&str>, all: bool, expect: &str) {
        let values: Vec<FacetValue> = values
            .split(' ')
            .map(|v| FacetValue {
                key: v.trim_end_matches('*').to_owned().into(),
                label: v.trim_end_matches('*').to_owned().into(),
                count: 1,
                selected: v.ends_with('*'),
            })
            .collect();
        let found = found.map(|f| {
            values
                .iter()
                .filter(|v| f.split(' ').any(|l| *v.label == *l))
                .collect()
        });
        let (shown, more) = visible_values(&values, found, all);
        let shown: Vec<&str> = shown.iter().map(|v| &*v.label).collect();
        assert_eq!(shown.join(" "), expect);
        assert_eq!(more, 0);
    }

    #[test]
    fn the_find_box_lists_its_first_matches_and_counts_the_rest() {
        let values: Vec<FacetValue> = (0..FOUND_LIMIT + 30)
            .map(|i| FacetValue {
                key: format!("v{i}").into(),
                label: format!("v{i}").into(),
                count: 1,
                selected: false,
            })
            .collect();
        let (shown, more) = visible_values(&values, Some(values.iter().collect()), false);
        assert_eq!(shown.len(), FOUND_LIMIT);
        assert_eq!(
            &*shown[FOUND_LIMIT - 1].label,
            format!("v{}", FOUND_LIMIT - 1)
        );
        assert_eq!(more, 30);
        let (shown, more) = visible_values(&values, Some(values.iter().take(3).collect()), false);
        assert_eq!((shown.len(), more), (3, 0));
    }

    #[test]
    fn top_values_then_all_and_selected_ones_stay() {
        let ten = "a b c d e f g h i j";
        check(ten, None, false, "a b c d e f g h");
        check(ten, None, true, ten);
        check("a b c d e f g h i j*", None, false, "a b c d e f g h j");
        check(ten, Some("j b"), false, "b j");
        check(ten, Some(""), false, "");
    }

    #[test]
    fn checkbox_ids_are_plain() {
        assert_eq!(
            checkbox_id(Facet::People, "person/leila-karimi-nasab"),
            "facet-person-person-leila-karimi-nasab"
        );
        assert_eq!(
            checkbox_id(Facet::Sources, "Tehran Times"),
            "facet-source-Tehran-Times"
        );
    }
}
