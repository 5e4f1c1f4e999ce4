// The seekers' page offline: served at /sw.js so that its scope is the whole site. Every GET of the page,
// its static files and the read API goes to the network first and is kept; when the network fails, the kept
// copy answers (API answers then carry `X-Offline: 1`, so the page can say so). Matching (a POST) is not
// kept here: the page keeps its last answer itself.

const CACHE = "fairmatch-seeker-v1";
const SHELL = [
  "/",
  "/static/seeker/app.css",
  "/static/seeker/manifest.webmanifest",
  "/static/seeker/icon.svg",
  "/static/shared/dom.js",
  ...[
    "app", "api", "cards", "charts", "employer", "fair", "filters", "format", "i18n", "position",
    "profile", "results", "saved", "search", "skills", "state", "store", "views", "visit",
  ].map((name) => `/static/seeker/${name}.js`),
  "/api/v1/fair",
  "/api/v1/industries",
];
const NOT_KEPT = ["/api/v1/skills/suggest", "/api/v1/matches", "/api/v1/fixtures"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => Promise.all(SHELL.map((url) => cache.add(url).catch(() => undefined))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

async function offlineCopy(request, url) {
  const cache = await caches.open(CACHE);
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
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  } catch {
    return offlineCopy(request, url);
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (NOT_KEPT.some((path) => url.pathname.startsWith(path)) || url.pathname.startsWith("/organizer")) return;
  // the page itself under any hash is one document
  const key = request.mode === "navigate" && url.pathname === "/" ? new Request("/") : request;
  event.respondWith(networkFirst(key, url));
});
