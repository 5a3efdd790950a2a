//! Entry point of the explorer: panic hook, then mount [`communique::App`].

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(communique::App);
}
