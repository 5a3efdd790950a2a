//! The service worker from the page's side: registers `sw.js` (see that file for what it
//! caches), and tells the page when a new build is waiting to take over.
//!
//! Flow of an update: the browser checks `sw.js` on every load of the page; when a new build has
//! been published, its worker installs beside the running one and waits. [`UpdateStatus`] then
//! says so, the update banner offers a reload, and [`UpdateStatus::apply`] asks the waiting worker
//! to take over and reloads the page once it controls it. So an open page keeps running the code
//! it loaded until the user agrees, and is never left on stale code without being told.
//!
//! Invariant: the page works without a service worker (an insecure origin, a browser without
//! them, a refused registration); the worker only adds offline use and updates.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The service worker's script, relative to the page, so its scope is the page's folder.
const SCRIPT: &str = "sw.js";
/// The message that tells a waiting worker to take over (handled in `sw.js`).
const SKIP_WAITING: &str = "communique:skip-waiting";

/// Whether a new build is installed and waiting, provided as context by `App`.
#[derive(Clone, Copy)]
pub struct UpdateStatus {
    /// True once a newer build than the running one is ready to take over.
    pub waiting: ReadSignal<bool>,
    set_waiting: WriteSignal<bool>,
}

impl UpdateStatus {
    /// Registers the service worker and starts watching for new builds.
    pub fn install() -> UpdateStatus {
        let (waiting, set_waiting) = signal(false);
        let status = UpdateStatus {
            waiting,
            set_waiting,
        };
        if let Some(container) = container() {
            let promise = container.register(SCRIPT);
            leptos::task::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(promise).await {
                    Ok(registration) => status.watch(&container, registration.unchecked_into()),
                    // Not an error of the page: it works on without offline support.
                    Err(err) => web_sys::console::warn_2(
                        &"Communiqué works without offline support here: the service worker \
                          was not registered:"
                            .into(),
                        &err,
                    ),
                }
            });
        }
        status
    }

    /// The status provided by `App`.
    pub fn expect() -> UpdateStatus {
        expect_context::<UpdateStatus>()
    }

    /// Follows `registration`: a worker already waiting, or one that finishes installing while
    /// an older one controls the page, is a new build.
    fn watch(self, container: &ServiceWorkerContainer, registration: ServiceWorkerRegistration) {
        // A page loaded before any worker existed has no controller: the first worker is not an
        // update, it only makes the next load work offline.
        let controlled = {
            let container = container.clone();
            move || container.controller().is_some()
        };
        if registration.waiting().is_some() && controlled() {
            self.set_waiting.set(true);
        }
        let watched = registration.clone();
        // Listeners live as long as the page, so they are leaked on purpose (`forget`).
        let on_update_found = Closure::<dyn Fn()>::new(move || {
            let Some(worker) = watched.installing() else {
                return;
            };
            let installing = worker.clone();
            let controlled = controlled.clone();
            let on_state_change = Closure::<dyn Fn()>::new(move || {
                if installing.state() == ServiceWorkerState::Installed && controlled() {
                    self.set_waiting.set(true);
                }
            });
            worker.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
            on_state_change.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
    }

    /// Asks the waiting worker to take over, then reloads the page under it.
    pub fn apply(&self) {
        let Some(container) = container() else {
            return;
        };
        let on_controller_change = Closure::<dyn Fn()>::new(move || {
            let _ = window().location().reload();
        });
        container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
        on_controller_change.forget();
        leptos::task::spawn_local(async move {
            let registration = wasm_bindgen_futures::JsFuture::from(container.get_registration())
                .await
                .ok()
                .and_then(|value| value.dyn_into::<ServiceWorkerRegistration>().ok());
            match registration.and_then(|registration| registration.waiting()) {
                Some(worker) => {
                    let message = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(&message, &"type".into(), &SKIP_WAITING.into());
                    let _ = worker.post_message(&message);
                }
                // The waiting worker is gone (another tab applied it): a reload gets the new build.
                None => {
                    let _ = window().location().reload();
                }
            }
        });
    }
}

/// Waits until a service worker controls the page, so that what the page fetches next is kept
/// for offline use, or until none will (no service worker here, its registration refused, its
/// install failed); whether one does. On a first visit the worker takes the page once it has
/// installed (`clients.claim` in `sw.js`).
#[cfg(feature = "sharded")]
pub async fn controlled() -> bool {
    use wasm_bindgen_futures::JsFuture;
    let Some(container) = container() else {
        return false;
    };
    if container.controller().is_some() {
        return true;
    }
    // The same registration as `UpdateStatus::install`'s, refused here when it was refused there.
    let Ok(registration) = JsFuture::from(container.register(SCRIPT)).await else {
        return false;
    };
    let registration: ServiceWorkerRegistration = registration.unchecked_into();
    let Some(worker) = (registration.installing())
        .or_else(|| registration.waiting())
        .or_else(|| registration.active())
    else {
        return false;
    };
    loop {
        // Listening before looking, so that no change falls between the two. The listeners
        // stay (a handful, one per state the worker passes): resolving a settled promise does
        // nothing.
        let mut listen = |resolve: js_sys::Function, _reject: js_sys::Function| {
            let _ = container.add_event_listener_with_callback("controllerchange", &resolve);
            let _ = worker.add_event_listener_with_callback("statechange", &resolve);
        };
        let changed = js_sys::Promise::new(&mut listen);
        if container.controller().is_some() || worker.state() == ServiceWorkerState::Redundant {
            return container.controller().is_some();
        }
        let _ = JsFuture::from(changed).await;
    }
}

/// Whether a service worker controls the page: what it fetches then goes through the worker.
#[cfg(feature = "sharded")]
pub fn controls() -> bool {
    container().is_some_and(|container| container.controller().is_some())
}

/// `navigator.serviceWorker`, if this browser and origin have one (only secure contexts do).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    let has =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    has.then(|| navigator.service_worker())
}
