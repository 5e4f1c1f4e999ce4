// What the page keeps on this device (localStorage only): the profile, and the visit list with its route.

const PROFILE_KEY = "fairmatch.profile.v1";
const VISIT_KEY = "fairmatch.visit.v1";
const ANSWER_KEY = "fairmatch.answer.v1";

function read(key) {
  try {
    const raw = localStorage.getItem(key);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

function write(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* private mode or full: the page still works, it just forgets */
  }
}

export function loadProfile() {
  const saved = read(PROFILE_KEY);
  return saved && typeof saved === "object" ? saved : null;
}

export function saveProfile(value) {
  write(PROFILE_KEY, value);
}

/** The last answer the service gave, with the request it answered, for showing offline. */
export function loadAnswer() {
  const saved = read(ANSWER_KEY);
  return saved && typeof saved.request === "string" && Array.isArray(saved.answer?.results) ? saved : null;
}

export function saveAnswer(request, answer) {
  write(ANSWER_KEY, { request: JSON.stringify(request), answer });
}

export function loadVisit() {
  const saved = read(VISIT_KEY);
  return Array.isArray(saved) ? saved.filter((item) => item && typeof item.id === "string") : [];
}

export function saveVisit(items) {
  write(VISIT_KEY, items);
}

/** A booth as a sort key: zone letters, then the number as a number (A-2 before A-10); unknown booths last. */
export function boothKey(booth) {
  const text = String(booth ?? "").trim();
  const match = text.match(/^([A-Za-z\u3400-\u9fff]*)\s*[-－—_·.\s]?\s*(\d+)/);
  if (!match) return { known: text !== "", zone: text.toUpperCase(), number: Number.POSITIVE_INFINITY, text };
  return { known: true, zone: match[1].toUpperCase(), number: Number.parseInt(match[2], 10), text };
}

export function compareBooths(a, b) {
  const x = boothKey(a);
  const y = boothKey(b);
  if (x.known !== y.known) return x.known ? -1 : 1;
  if (x.zone !== y.zone) return x.zone < y.zone ? -1 : 1;
  if (x.number !== y.number) return x.number - y.number;
  return x.text.localeCompare(y.text);
}

/** Saved positions grouped by booth, the groups in walking order through the hall. */
export function route(items) {
  const groups = new Map();
  for (const item of items) {
    const booth = item.employer?.booth || "";
    const key = booth || `employer:${item.employer?.id ?? item.id}`;
    if (!groups.has(key)) groups.set(key, { booth, employers: new Map(), positions: [] });
    const group = groups.get(key);
    if (item.employer) group.employers.set(item.employer.id, item.employer);
    group.positions.push(item);
  }
  return [...groups.values()]
    .map((group) => ({ ...group, employers: [...group.employers.values()] }))
    .sort((a, b) => compareBooths(a.booth, b.booth));
}
