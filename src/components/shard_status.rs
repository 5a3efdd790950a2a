//! `ShardStatus`: for a large corpus fetched in shards, what could not be fetched and the
//! control that keeps the whole archive for offline use. Mounted beside the app by
//! `main.rs`, after its footer, only in builds with shards: the app's own view stays
//! what it is for a corpus in one bundle, which pays nothing for it.

use leptos::prelude::*;

use crate::components::keep_all::KeepAll;
use crate::components::shard_problems::ShardProblems;

/// [`ShardProblems`], kept in view at the bottom of the window while there are any, then
/// [`KeepAll`] under the footer.
#[component]
pub fn ShardStatus() -> impl IntoView {
    view! {
        <div class="shard-status site-footer">
            <KeepAll />
            <ShardProblems />
        </div>
    }
}
