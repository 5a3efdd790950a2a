// The Communiqué service worker: makes the explorer work offline and replaces it cleanly when a
// new build is published.
//
// - Install: downloads every file of this build (BUILD.assets, relative to this script) into a
//   cache named after the scope and BUILD.version, bypassing the HTTP cache.
// - Fetch: navigations inside the scope get the cached page (the app routes by query string, so
//   one page serves every view); other requests for cached files are answered from the cache;
//   anything else in the scope goes to the network and is kept once it arrives whole (the
//   files the page loads on demand, which install leaves out: xtask/src/site.rs, ON_DEMAND).
//   A build with a large corpus in shards also runs sw-shards.js, which keeps the shards as the
//   page fetches them.
// - Update: a new build has a new version, so this file's bytes change and the browser installs
//   the new worker beside the old one. It waits (the open page keeps running the code it loaded)
//   until the page asks it to take over ({type: "communique:skip-waiting"}, sent when the user
//   presses "Reload" on the update banner); activation deletes this scope's older caches.
//
// BUILD is written by `cargo xtask post-build` (a Trunk post_build hook, see Trunk.toml). Left as
// it is below (an unprocessed copy), the worker caches nothing and only passes requests through.
const BUILD = { version: "dev", assets: [] };

const SCOPE = self.registration.scope;
const CACHE_PREFIX = "communique:" + SCOPE + ":";
const CACHE = CACHE_PREFIX + BUILD.version;
const SHELL = SCOPE;

// Registered first, so it answers for the shards before the listener below sees them.
BUILD.shards && importScripts("sw-shards.js");

self.addEventListener("install", (event) => {
  if (BUILD.assets.length === 0) {
    return;
  }
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(
        // "./" is the page itself, as the host serves it for the folder's address.
        ["./", ...BUILD.assets].map((path) => new Request(path, { cache: "reload" })),
      ),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      // The first install takes the open page at once, so it works offline from its first load.
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  const data = event.data;
  if (data && data.type === "communique:skip-waiting") {
    self.skipWaiting();
  } else if (data && data.type === "communique:version" && event.source) {
    event.source.postMessage({ type: "communique:version", version: BUILD.version });
  }
});

/** Whether `url` is the page itself: the scope's folder or its index.html. */
function isPage(url) {
  const bare = url.origin + url.pathname;
  return bare === SHELL || bare === SHELL + "index.html";
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || BUILD.assets.length === 0) {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) {
    return;
  }
  if (request.mode === "navigate" && isPage(url)) {
    event.respondWith(fromCache(SHELL, request));
  } else {
    event.respondWith(fromCache(url.origin + url.pathname, request));
  }
});

/** The cached response for `key`, else the network's answer to `request`, kept when it is
 * good: what the page fetches when a view first needs it (the map's outline) works offline
 * from then on, without being downloaded at install. */
async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  if (cached) {
    return cached;
  }
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(key, response.clone());
  }
  return response;
}
