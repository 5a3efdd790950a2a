//! The shards of a large corpus (core's sharded layout, written by `build.rs` past a size):
//! fetched from the site's `data/` folder when something on screen first reads them.
//!
//! How it works: a value kept in a shard that has not arrived reads as empty, and the shard
//! says it is wanted (core's `lazy::Shard`). Every read of the corpus goes through
//! `bundle::corpus()`, which calls [`track`]: that subscribes the reading view to the
//! arrivals, and, once the current run of the app's code is over, fetches every shard that run
//! wanted. When no shard a view read is still on its way, the views that read re-run and find
//! the values (or want the next shards: a query's posting lists, then its rows' texts). A
//! damaged or missing shard is kept as a problem, which the page shows ([`problems`]), and
//! reads as empty.
//!
//! A corpus whose shards are few enough ([`fetch_ahead`]) has them all fetched once the first
//! view is painted, so that its searches never wait for the network.
//!
//! A corpus in one bundle (the default, embedded) has no shards: the app is then compiled
//! without this module's fetching code (`cfg(feature = "sharded")`, set by `build.rs`), and
//! every function here does nothing, so the default site's first load carries none of it
//! (core's part alone, `shard.rs`, measured 1.6 KB gzipped of the default site's WASM).

#[cfg(feature = "sharded")]
pub use loader::{
    fetch_ahead, fetches_ahead, keep_all, keep_what_bypassed, kept, loading, problems, track,
    Keeping,
};

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
    use std::rc::Rc;
    use std::sync::Arc;

    use communique_core::shard::Shard;
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    /// The site folder the shards are served from, relative to the page.
    const FOLDER: &str = "data/";

    /// A corpus whose shards hold at most this many bytes fetches them all once its first
    /// view is painted ([`fetch_ahead`]): core's `shard::FETCH_AHEAD_BYTES`, unless the build
    /// was given another (`build.rs`).
    const AHEAD_BYTES: &str = env!("COMMUNIQUE_FETCH_AHEAD");

    /// The kinds of shard in the order [`fetch_ahead`] fetches them: every query reads
    /// posting lists, then its rows' texts; mentions and the report only on their pages.
    const AHEAD_ORDER: [&str; 4] = ["post", "text", "mentions", "report"];

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
        /// Where "keep all" is; `None` before it is asked.
        kept: ArcRwSignal<Option<Keeping>>,
        /// Whether a look for wanted shards is already scheduled.
        scheduled: Cell<bool>,
        /// Which shards are being fetched.
        in_flight: RefCell<Vec<bool>>,
        /// The shard files requested while no service worker controlled the page, which it
        /// therefore did not keep ([`keep_what_bypassed`]).
        bypassed: RefCell<Vec<String>>,
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
                bypassed: RefCell::new(Vec::new()),
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

    /// Where "keep all" is; `None` before it is asked.
    pub fn kept() -> Option<Keeping> {
        LOADER.with(|loader| loader.kept.get())
    }

    /// The progress of "keep all": shards fetched, shards that could not be, of how many.
    #[derive(Clone, Copy, Debug, PartialEq)]
    pub struct Keeping {
        /// Fetched (so the service worker keeps them), or at hand in the page already.
        pub done: usize,
        /// Not fetched: the request failed (offline, or the site unreachable).
        pub failed: usize,
        /// Every shard of the corpus.
        pub all: usize,
    }

    impl Keeping {
        /// Whether shards are still being fetched.
        pub fn running(&self) -> bool {
            self.done + self.failed < self.all
        }

        /// Whether it is over with shards not fetched, which asking again retries.
        pub fn can_retry(&self) -> bool {
            !self.running() && self.failed > 0
        }
    }

    /// Fetches every shard, a few at a time, so the service worker keeps them all for
    /// offline use; [`kept`] counts them. The bytes are not kept in the page: what it
    /// reads later comes from the service worker's cache.
    ///
    /// Asked again after some could not be fetched, it tries every shard again (those kept
    /// already are answered from the worker's cache).
    pub fn keep_all() {
        let (shards, kept) = LOADER.with(|loader| (loader.shards, loader.kept.clone()));
        if kept.get_untracked().is_some_and(|kept| !kept.can_retry()) {
            return;
        }
        kept.set(Some(Keeping {
            done: 0,
            failed: 0,
            all: shards.len(),
        }));
        // Four requests at a time: enough to fill a connection, few enough to leave room
        // for what the reader asks meanwhile.
        for lane in 0..4 {
            let kept = kept.clone();
            wasm_bindgen_futures::spawn_local(async move {
                for shard in shards.iter().skip(lane).step_by(4) {
                    // A shard the page holds was fetched (through the worker, or again by
                    // `keep_what_bypassed`); one that failed is tried again.
                    let held = shard.is_settled() && shard.problem().is_none();
                    let fetched = held || get(shard.name()).await.is_ok();
                    kept.update(|kept| {
                        if let Some(kept) = kept {
                            match fetched {
                                true => kept.done += 1,
                                false => kept.failed += 1,
                            }
                        }
                    });
                }
            });
        }
    }

    /// Once the first view is painted: when the corpus's shards hold at most
    /// [`AHEAD_BYTES`], fetches them all in the background, two at a time, and keeps them in
    /// the page, so that no keystroke and no article waits for the network (a search would
    /// otherwise wait for its terms' postings, then for its rows' texts: on the bench corpus,
    /// keys typed as the page opened took 93 ms at the 95th percentile before, 27 ms after).
    /// A view that read a shard while it was on its way re-reads when it arrives.
    pub fn fetch_ahead() {
        if !fetches_ahead() {
            return;
        }
        let shards = LOADER.with(|loader| loader.shards);
        let order: Rc<[usize]> = AHEAD_ORDER
            .iter()
            .flat_map(|kind| (0..shards.len()).filter(move |&n| shards[n].kind() == *kind))
            .collect();
        // Two requests at a time: what the reader asks meanwhile gets the rest of the
        // browser's six connections a host.
        for lane in 0..2 {
            let order = order.clone();
            wasm_bindgen_futures::spawn_local(async move {
                for &number in order.iter().skip(lane).step_by(2) {
                    if LOADER.with(|loader| loader.take(number)) {
                        fetch(number).await;
                    }
                }
            });
        }
    }

    /// On a first visit the service worker controls the page only once it has installed:
    /// the shards requested before (fetched ahead, or read) bypassed it, and a reload offline
    /// found none of them. Once it controls the page, this requests them again through it
    /// (from the browser's HTTP cache, on most hosts), so that it keeps them too. Waiting for
    /// it before fetching ahead would keep them as well, but would hold every shard of a
    /// first visit back by the worker's install.
    pub fn keep_what_bypassed() {
        wasm_bindgen_futures::spawn_local(async {
            if !crate::sw::controlled().await {
                return;
            }
            loop {
                let names = LOADER.with(|loader| loader.bypassed.take());
                if names.is_empty() {
                    return;
                }
                for name in names {
                    let _ = get(&name).await;
                }
            }
        });
    }

    /// Whether the corpus's shards are few enough to be fetched ahead ([`fetch_ahead`]).
    pub fn fetches_ahead() -> bool {
        let shards = LOADER.with(|loader| loader.shards);
        let most = AHEAD_BYTES.parse().unwrap_or(0);
        shards.iter().map(|shard| shard.len()).sum::<usize>() <= most
    }

    impl Loader {
        /// Marks shard `number` as being fetched, unless it is settled or already on its
        /// way; whether it was marked.
        fn take(&self, number: usize) -> bool {
            let in_flight = &mut self.in_flight.borrow_mut()[number];
            if *in_flight || self.shards[number].is_settled() {
                return false;
            }
            *in_flight = true;
            true
        }

        /// Starts a fetch of every wanted shard not yet being fetched.
        fn fetch_wanted(&self) {
            self.scheduled.set(false);
            let mut waiting = false;
            for (number, shard) in self.shards.iter().enumerate() {
                if shard.wanted() {
                    waiting = true;
                    if self.take(number) {
                        wasm_bindgen_futures::spawn_local(fetch(number));
                    }
                }
            }
            if waiting && !self.busy.get_untracked() {
                self.busy.set(true);
            }
        }

        /// Whether a shard something read is still on its way.
        fn waiting(&self) -> bool {
            let in_flight = self.in_flight.borrow();
            (self.shards.iter().zip(in_flight.iter()))
                .any(|(shard, &on_way)| on_way && shard.wanted())
        }

        /// Shard `number` settled: once no shard a view read is on its way, the views re-read
        /// (one batch, not a run per shard: a page of results reads ten texts). A shard
        /// fetched ahead that nothing read yet re-runs nothing.
        fn settled(&self, number: usize, wanted: bool, problem: Option<String>) {
            if let Some(problem) = problem {
                self.problems.update(|problems| problems.push(problem));
            }
            self.in_flight.borrow_mut()[number] = false;
            if wanted && !self.waiting() {
                self.busy.set(false);
                self.arrived.update(|n| *n += 1);
            }
        }
    }

    /// Fetches shard `number` and fills it with the bytes, or records why it could not.
    async fn fetch(number: usize) {
        let shard = &LOADER.with(|loader| loader.shards)[number];
        let bytes = get(shard.name()).await;
        // Whether a view read it meanwhile, asked before it is settled.
        let wanted = shard.wanted();
        let problem = match bytes {
            Ok(bytes) => shard.fill(bytes).err(),
            Err(why) => {
                shard.fail(why);
                shard.problem().map(str::to_string)
            }
        };
        LOADER.with(|loader| loader.settled(number, wanted, problem));
    }

    /// The bytes of the shard file `name`, or why not.
    async fn get(name: &str) -> Result<Vec<u8>, String> {
        let window = web_sys::window().ok_or("no window")?;
        if !crate::sw::controls() {
            LOADER.with(|loader| loader.bypassed.borrow_mut().push(name.to_string()));
        }
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
