//! `ShardProblems`: says, in the page, that part of a large corpus could not be loaded (a
//! shard missing from the site, damaged, or unreachable), rather than leaving results or
//! texts silently empty.

use leptos::prelude::*;

use crate::components::show_if::ShowIf;
use crate::shards;

/// An alert listing each shard that could not be had and why, with what to do about it;
/// empty while every shard fetched has arrived whole.
#[component]
pub fn ShardProblems() -> impl IntoView {
    view! {
        // Stuck to the bottom of the window: it follows the footer, and must be seen.
        <div id="shard-problems" role="alert" style:position="sticky" style:bottom="0">
            <ShowIf when=move || !shards::problems().is_empty()>
                <div class="update-banner-inner">
                    <p>
                        "Part of this archive could not be loaded, so some results or texts \
                         may be missing. Reloading the page tries again; if it keeps \
                         happening, the site is missing files."
                    </p>
                    <ul>
                        {move || {
                            shards::problems()
                                .into_iter()
                                .map(|problem| view! { <li>{problem}</li> })
                                .collect_view()
                        }}
                    </ul>
                </div>
            </ShowIf>
        </div>
    }
}
