// The seekers' page offline: served at /sw.js so that its scope is the whole site. The page's versioned
// files are answered from the cache first; every other GET of the page and the read API goes to the network
// first and is kept; when the network fails, the kept copy answers (API answers then carry `X-Offline: 1`, so the page can say so). Matching (a POST) is not
// kept here: the page keeps its last answer itself.

// The service fills in its build (a digest of the static files) when it serves this file; the page's files
// live under /static/v/<build>/ and never change there, so they are answered from the cache first.
const BUILD = "dev";
const STATIC = BUILD === "dev" ? "/static" : `/static/v/${BUILD}`;
const SHELL_CACHE = `fairmatch-shell-${BUILD}`; // the page and its files: one per build
const DATA_CACHE = "fairmatch-data-v1"; // read API answers: kept across builds (the employers already opened)
const SHELL = [
  "/",
  "/static/seeker/icon.svg",
  `${STATIC}/seeker/app.css`,
  `${STATIC}/seeker/manifest.webmanifest`,
  `${STATIC}/shared/dom.js`,
  ...[
    "app", "api", "cards", "charts", "employer", "fair", "filters", "format", "guidance", "hall", "i18n",
    "position", "profile", "resume", "results", "route", "saved", "search", "skills", "state",
    "station-i18n", "store", "views", "visit",
  ].map((name) => `${STATIC}/seeker/${name}.js`),
];
const DATA = ["/api/v1/fair", "/api/v1/industries"];
const NOT_KEPT = ["/api/v1/skills/suggest", "/api/v1/matches", "/api/v1/fixtures"];

const keep = (name, urls) =>
  caches.open(name).then((cache) => Promise.all(urls.map((url) => cache.add(url).catch(() => undefined))));

self.addEventListener("install", (event) => {
  event.waitUntil(
    Promise.all([keep(SHELL_CACHE, SHELL), keep(DATA_CACHE, DATA)]).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== SHELL_CACHE && key !== DATA_CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

const cacheFor = (url) => (url.pathname.startsWith("/api/") ? DATA_CACHE : SHELL_CACHE);

async function offlineCopy(request, url) {
  const cache = await caches.open(cacheFor(url));
  const kept = await cache.match(request, { ignoreVary: true });
  if (!kept) {
    if (request.mode === "navigate") return (await cache.match("/")) || Response.error();
    return Response.error();
  }
  if (!url.pathname.startsWith("/api/")) return kept;
  const headers = new Headers(kept.headers);
  headers.set("X-Offline", "1");
  return new Response(await kept.blob(), { status: kept.status, statusText: kept.statusText, headers });
}

async function networkFirst(request, url) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      caches.open(cacheFor(url)).then((cache) => cache.put(request, copy));
    }
    return response;
  } catch {
    return offlineCopy(request, url);
  }
}

// A versioned file never changes: the kept copy answers at once, online or not.
async function cacheFirst(request, url) {
  const kept = await caches.match(request, { ignoreVary: true });
  return kept || networkFirst(request, url);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (NOT_KEPT.some((path) => url.pathname.startsWith(path)) || url.pathname.startsWith("/organizer")) return;
  // the page itself under any hash is one document
  const key = request.mode === "navigate" && url.pathname === "/" ? new Request("/") : request;
  const versioned = BUILD !== "dev" && url.pathname.startsWith(`${STATIC}/`);
  event.respondWith(versioned ? cacheFirst(key, url) : networkFirst(key, url));
});
