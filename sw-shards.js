// The service worker's part for a large corpus in shards (data/, core's sharded layout): run by
// sw.js, whose constants it reads, only in builds that have shards (`cargo xtask post-build`
// leaves this file out of the others).
//
// The page fetches a shard when it first reads something kept in it. The first time one
// arrives whole, it is kept in a cache of its own, for good: a shard's name is a hash of its
// bytes, so a new build shares the shards that did not change, and the cache outlives builds.
// Activation deletes the kept shards this build does not list (data/shards.txt).

const DATA = "communique-data:" + SCOPE;
const SHARDS = SCOPE + "data/";

self.addEventListener("fetch", (event) => {
  if (event.request.method === "GET" && event.request.url.startsWith(SHARDS)) {
    event.respondWith(keptShard(event));
    // sw.js's own listener must not answer it too.
    event.stopImmediatePropagation();
  }
});

self.addEventListener("activate", (event) => {
  event.waitUntil(pruneShards());
});

/** The kept shard, else the network's, kept when whole. The page has its answer before the
 * cache has it: waiting for the cache's write made each shard fetched 8 ms slower in headless
 * Chromium, and the writes of a page's shards queue one behind another. */
async function keptShard(event) {
  const cache = await caches.open(DATA);
  const kept = await cache.match(event.request);
  if (kept) {
    return kept;
  }
  const response = await fetch(event.request);
  if (response.ok) {
    event.waitUntil(cache.put(event.request, response.clone()));
  }
  return response;
}

/** Deletes the kept shards that this build's list does not name. */
async function pruneShards() {
  const cache = await caches.open(DATA);
  const kept = await cache.keys();
  if (kept.length === 0) {
    return;
  }
  const list = await fetch(SHARDS + "shards.txt", { cache: "reload" });
  if (!list.ok) {
    return;
  }
  const names = new Set((await list.text()).split("\n"));
  await Promise.all(
    kept
      .filter((request) => !names.has(request.url.slice(SHARDS.length)))
      .map((request) => cache.delete(request)),
  );
}
