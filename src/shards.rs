//! The shards of a large corpus (core's sharded layout, written by `build.rs` past a size):
//! fetched from the site's `data/` folder when something on screen first reads them.
//!
//! How it works: a value kept in a shard that has not arrived reads as empty, and the shard
//! says it is wanted (core's `lazy::Shard`). Every read of the corpus goes through
//! `bundle::corpus()`, which calls [`track`]: that subscribes the reading view to the
//! arrivals, and, once the current run of the app's code is over, fetches every shard that run
//! wanted. When a batch of fetches has settled, the views that read re-run and find the values
//! (or want the next shards: a query's posting lists, then its rows' texts). A damaged or
//! missing shard is kept as a problem, which the page shows ([`problems`]), and reads as empty.
//!
//! A corpus in one bundle (the default, embedded) has no shards: the app is then compiled
//! without this module's fetching code (`cfg(feature = "sharded")`, set by `build.rs`), and
//! every function here does nothing. Measured on the default site, the fetching code and
//! the "keep all" control would cost its first load about N KB gzipped.

#[cfg(feature = "sharded")]
pub use loader::{keep_all, kept, loading, problems, track};

/// Without shards: nothing to track, fetch or report.
#[cfg(not(feature = "sharded"))]
mod none {
    /// Does nothing: a corpus in one bundle has every value at hand.
    pub fn track() {}

    /// Never loading.
    pub fn loading() -> bool {
        false
    }
}

#[cfg(not(feature = "sharded"))]
pub use none::{loading, track};

#[cfg(feature = "sharded")]
mod loader {
    use std::cell::{Cell, RefCell};
    use std::sync::Arc;

    use communique_core::shard::Shard;
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    /// The site folder the shards are served from, relative to the page.
    const FOLDER: &str = "data/";

    /// What the page knows of its shards' fetching.
    struct Loader {
        /// Every shard, in the head's order.
        shards: &'static [Arc<Shard>],
        /// Changes whenever a batch of fetches has settled: what reading views subscribe to.
        arrived: ArcRwSignal<u32>,
        /// Whether fetches are under way (or about to start).
        busy: ArcRwSignal<bool>,
        /// What could not be fetched or read, one sentence each.
        problems: ArcRwSignal<Vec<String>>,
        /// How many shards "keep all" has fetched, of how many; `None` before it is asked.
        kept: ArcRwSignal<Option<(usize, usize)>>,
        /// Whether a look for wanted shards is already scheduled.
        scheduled: Cell<bool>,
        /// Which shards are being fetched.
        in_flight: RefCell<Vec<bool>>,
        /// How many fetches are under way.
        pending: Cell<usize>,
    }

    thread_local! {
        static LOADER: Loader = {
            let shards = crate::bundle::shards();
            Loader {
                shards,
                arrived: ArcRwSignal::new(0),
                busy: ArcRwSignal::new(false),
                problems: ArcRwSignal::new(Vec::new()),
                kept: ArcRwSignal::new(None),
                scheduled: Cell::new(false),
                in_flight: RefCell::new(vec![false; shards.len()]),
                pending: Cell::new(0),
            }
        };
    }

    /// Subscribes the running view to shard arrivals, and schedules a look for the shards it
    /// wants once the current run of the app's code is over.
    pub fn track() {
        LOADER.with(|loader| {
            loader.arrived.track();
            if !loader.scheduled.replace(true) {
                wasm_bindgen_futures::spawn_local(async { LOADER.with(Loader::fetch_wanted) });
            }
        });
    }

    /// Whether shards are being fetched for what the page shows.
    pub fn loading() -> bool {
        LOADER.with(|loader| loader.busy.get())
    }

    /// What could not be fetched or read (file and reason), in the order it happened.
    pub fn problems() -> Vec<String> {
        LOADER.with(|loader| loader.problems.get())
    }

    /// How many shards "keep all" has fetched, of how many; `None` before it is asked.
    pub fn kept() -> Option<(usize, usize)> {
        LOADER.with(|loader| loader.kept.get())
    }

    /// Fetches every shard, a few at a time, so the service worker keeps them all for
    /// offline use; [`kept`] counts them. The bytes are not kept in the page: what it
    /// reads later comes from the service worker's cache.
    pub fn keep_all() {
        let (shards, kept) = LOADER.with(|loader| (loader.shards, loader.kept.clone()));
        if kept.get_untracked().is_some() {
            return;
        }
        kept.set(Some((0, shards.len())));
        // Four requests at a time: enough to fill a connection, few enough to leave room
        // for what the reader asks meanwhile.
        for lane in 0..4 {
            let kept = kept.clone();
            wasm_bindgen_futures::spawn_local(async move {
                for shard in shards.iter().skip(lane).step_by(4) {
                    if !shard.is_settled() {
                        let _ = get(shard.name()).await;
                    }
                    kept.update(|kept| {
                        if let Some((done, _)) = kept {
                            *done += 1;
                        }
                    });
                }
            });
        }
    }

    impl Loader {
        /// Starts a fetch of every wanted shard not yet being fetched.
        fn fetch_wanted(&self) {
            self.scheduled.set(false);
            let mut in_flight = self.in_flight.borrow_mut();
            for (number, shard) in self.shards.iter().enumerate() {
                if shard.wanted() && !in_flight[number] {
                    in_flight[number] = true;
                    self.pending.set(self.pending.get() + 1);
                    wasm_bindgen_futures::spawn_local(fetch(shard));
                }
            }
            if self.pending.get() > 0 && !self.busy.get_untracked() {
                self.busy.set(true);
            }
        }

        /// One fetch settled: when it was the last under way, the views re-read.
        fn settled(&self, problem: Option<String>) {
            if let Some(problem) = problem {
                self.problems.update(|problems| problems.push(problem));
            }
            self.pending.set(self.pending.get() - 1);
            if self.pending.get() == 0 {
                self.busy.set(false);
                self.arrived.update(|n| *n += 1);
            }
        }
    }

    /// Fetches `shard` and fills it with the bytes, or records why it could not.
    async fn fetch(shard: &'static Arc<Shard>) {
        let problem = match get(shard.name()).await {
            Ok(bytes) => shard.fill(bytes).err(),
            Err(why) => {
                shard.fail(why);
                shard.problem().map(str::to_string)
            }
        };
        LOADER.with(|loader| loader.settled(problem));
    }

    /// The bytes of the shard file `name`, or why not.
    async fn get(name: &str) -> Result<Vec<u8>, String> {
        let window = web_sys::window().ok_or("no window")?;
        let url = format!("{FOLDER}{name}");
        let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
            .await
            .map_err(|_| "the request failed (offline, or the site is unreachable)")?
            .unchecked_into();
        if !response.ok() {
            return Err(format!("the site answered HTTP {}", response.status()));
        }
        let buffer = response.array_buffer().map_err(|_| "unreadable answer")?;
        let buffer = JsFuture::from(buffer)
            .await
            .map_err(|_| "the answer was cut off")?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}
