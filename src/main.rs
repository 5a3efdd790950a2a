//! Entry point of the explorer: panic hook, then mount [`communique::App`].

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(communique::App);
    // A large corpus is fetched in shards as it is read: what could not be fetched, and
    // the control that keeps it all for offline use, follow the app's page (`shards.rs`).
    #[cfg(feature = "sharded")]
    leptos::mount::mount_to_body(communique::components::shard_status::ShardStatus);
}
