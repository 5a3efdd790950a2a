//! `MentionLegend`: the key to how the reader marks entity mentions.

use communique_core::EntityKind;
use leptos::prelude::*;

use crate::components::mention_text::kind_label;

/// `p.mention-legend`: one sample per entity kind, styled as the reader's
/// mentions are (colour, underline and shape), with a hint on what they do.
#[component]
pub fn MentionLegend() -> impl IntoView {
    let kinds = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
    ];
    view! {
        <p class="mention-legend">
            <span class="legend-title">"Names: "</span>
            {kinds
                .into_iter()
                .map(|kind| {
                    view! {
                        <span class=format!("mention mention-{}", kind.as_str())>
                            <span class="legend-sample">{kind_label(kind)}</span>
                        </span>
                    }
                })
                .collect_view()}
            <span class="legend-hint">"Hover or focus a name for who it is; open it for its page."</span>
        </p>
    }
}
