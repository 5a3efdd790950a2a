//! `UndatedVisits`: the visits with no known date, listed beside the timeline
//! so that none is dropped for want of a place on the time axis.

use communique_core::Visit;
use leptos::prelude::*;

use crate::components::show_if::ShowIf;
use crate::format::visit_summary;

/// `section.undated-visits`: one button per undated visit of `visits` (dated
/// ones are skipped), opening its card by setting `selected`; nothing when
/// every visit has a date.
#[component]
pub fn UndatedVisits(
    /// The visits shown (the undated among them are listed).
    #[prop(into)]
    visits: Signal<Vec<&'static Visit>>,
    /// The id of the visit whose card is open.
    selected: RwSignal<Option<String>>,
) -> impl IntoView {
    let undated = Memo::new_with_compare(
        move |_| {
            visits.with(|v| {
                v.iter()
                    .copied()
                    .filter(|visit| visit.date.is_none())
                    .collect::<Vec<_>>()
            })
        },
        crate::state::visits_changed,
    );
    view! {
        <ShowIf when=move || undated.with(|u| !u.is_empty())>
            <section class="undated-visits" aria-labelledby="undated-heading">
                <h2 id="undated-heading">
                    {move || format!("Undated ({})", undated.with(Vec::len))}
                </h2>
                <ul>
                    {move || {
                        undated
                            .get()
                            .into_iter()
                            .map(|visit| {
                                let id = visit.id.clone();
                                let pressed = {
                                    let id = id.clone();
                                    move || {
                                        selected.with(|s| s.as_deref() == Some(id.as_str())).to_string()
                                    }
                                };
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="undated-visit"
                                            data-visit=id.clone()
                                            aria-pressed=pressed
                                            on:click=move |_| selected.set(Some(id.clone()))
                                        >
                                            {visit_summary(visit)}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
        </ShowIf>
    }
}
