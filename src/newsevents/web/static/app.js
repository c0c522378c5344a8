// The dashboard: filters -> /api/events, /api/timeline -> map, timeline and table; an event
// or a dot -> the article view (#/event/<article>/<idx>). The filters live in the query string
// (?country=SYR&view=mentions), so a URL reopens the same view; the hash is the article route.
// Plain modules, no build step.

import { clear, el, getJSON, svg } from "./dom.js";
import { EventMap, PLOVER_COLOURS, QUAD_COLOURS, QUAD_NAMES, colourOf } from "./map.js";
import { eventList, evidenceSpans, legend, markEvidence, renderText, spansOf } from "./article.js";

const PAGE = 100;
const MAP_LIMIT = 1000;
const FILTERS = ["country", "actor", "cameo_root", "plover", "since", "until", "q", "bbox"];
// Form fields kept in the URL besides the filters, with the value that is left out of it.
const SETTINGS = { view: "clusters", colour: "plover" };
const UNASSERTED = "include_unasserted";
// How often a visible tab asks whether the store changed (a running `newsevents watch` adds
// articles); /api/stats is cached on the store's data version, so an unchanged store costs little.
const POLL_MS = 10000;
const $ = (id) => document.getElementById(id);

const state = { offset: 0, map: null, counts: null };

function status(text, isError = false) {
  const node = $("status");
  node.textContent = text || "";
  node.className = isError ? "error" : "";
}

function filters() {
  const form = new FormData($("filters"));
  const out = {};
  for (const key of FILTERS) {
    const value = String(form.get(key) || "").trim();
    if (value) out[key] = key === "country" || key === "actor" || key === "plover" ? value.toUpperCase() : value;
  }
  if ($("filters").elements[UNASSERTED].checked) out[UNASSERTED] = "true";
  return out;
}

/** The filters and non-default settings as a query string (no "?"), for the URL and downloads. */
function queryString(extra = {}) {
  const params = new URLSearchParams({ ...filters(), ...extra });
  for (const [name, fallback] of Object.entries(SETTINGS)) {
    const value = $("filters").elements[name].value;
    if (value !== fallback) params.set(name, value);
  }
  return params.toString();
}

/** Keep the URL in step with the form, without a history entry per change. */
function saveURL() {
  const query = queryString();
  history.replaceState(null, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
}

/** Fill the form from the URL's query string (values the form cannot hold are ignored). */
function loadURL() {
  const params = new URLSearchParams(location.search);
  const form = $("filters").elements;
  for (const name of [...FILTERS, ...Object.keys(SETTINGS)]) {
    if (params.has(name)) form[name].value = params.get(name);
    if (form[name].value === "" && form[name].tagName === "SELECT") form[name].selectedIndex = 0;
  }
  form[UNASSERTED].checked = params.get(UNASSERTED) === "true";
}

/** The download links: the rows the table shows, with the same filters, as CSV or Parquet. */
function setDownloads(f) {
  const table = view() === "mentions" ? "events" : "clusters";
  for (const format of ["csv", "parquet"]) {
    const query = new URLSearchParams({ ...f, table, format });
    $(`download-${format}`).href = `/api/export?${query}`;
  }
}
const view = () => $("filters").elements.view.value;
const scheme = () => $("filters").elements.colour.value;

async function loadStats() {
  const stats = await getJSON("/api/stats");
  const roots = $("filters").elements.cameo_root;
  for (const [code, name] of Object.entries(stats.cameo_root_names)) {
    const n = stats.cameo_root[code] || 0;
    roots.append(el("option", { value: code, text: `${code} ${name} (${n})` }));
  }
  const plover = $("filters").elements.plover;
  for (const type of stats.plover_types) {
    plover.append(el("option", { value: type, text: `${type} (${stats.plover[type] || 0})` }));
  }
}

/** The store in one line; events and clusters counted as the checkbox says. */
function drawSummary(stats) {
  const c = stats.counts;
  const all = stats.counted === c.events;
  const events = all ? `${c.events} coded events` : `${stats.counted} asserted events (of ${c.events} coded)`;
  $("summary").textContent = `${c.articles} articles, ${events}, ${stats.clusters} event clusters, ` +
    `${c.quantities} figures, ${c.quotes} quotes · ${stats.date_first || "?"} to ${stats.date_last || "?"}`;
}

const countsKey = (stats) => JSON.stringify([stats.counts, stats.clusters, stats.counted]);

/** Redraw the counts when the store changed since they were drawn; only while the tab is seen. */
async function pollCounts() {
  if (document.visibilityState !== "visible" || state.counts === null) return;
  try {
    const stats = await getJSON("/api/stats", { [UNASSERTED]: filters()[UNASSERTED] });
    const key = countsKey(stats);
    if (key !== state.counts) {
      state.counts = key;
      drawSummary(stats);
    }
  } catch (error) {
    // the server is restarting or gone: the next poll tries again, the page keeps what it shows
  }
}

/** Reload map, timeline and table for the current filters. */
async function refresh({ keepOffset = false } = {}) {
  if (!keepOffset) state.offset = 0;
  const f = filters();
  saveURL();
  setDownloads(f);
  status("loading…");
  try {
    const [page, mapPage, days, stats] = await Promise.all([
      getJSON("/api/events", { ...f, view: view(), limit: PAGE, offset: state.offset }),
      getJSON("/api/events", { ...f, view: view(), limit: MAP_LIMIT }),
      getJSON("/api/timeline", { ...f, view: view(), bin: "auto" }),
      getJSON("/api/stats", { [UNASSERTED]: f[UNASSERTED] }),
    ]);
    drawSummary(stats);
    state.counts = countsKey(stats);
    const located = state.map.draw(mapPage.items, scheme());
    if (!keepOffset) state.map.fit();
    $("map-note").textContent = `${located} of ${totalText(mapPage)} placed` +
      (mapPage.total > MAP_LIMIT ? ` (first ${MAP_LIMIT})` : "");
    drawLegend();
    drawTimeline(days);
    drawTable(page);
    status("");
  } catch (error) {
    status(error.message, true);
  }
}

function drawLegend() {
  const node = clear($("legend"));
  const entries = scheme() === "quad"
    ? Object.entries(QUAD_COLOURS).map(([q, c]) => [QUAD_NAMES[q], c])
    : Object.entries(PLOVER_COLOURS).map(([p, c]) => [p, c]);
  for (const [name, colour] of entries) {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = colour;
    node.append(el("li", {}, swatch, name));
  }
}

const BIN_NAMES = { day: "day", week: "week", month: "month", year: "year" };

/** Which bin (counted from 0) a day falls in, from the first bin's start, for day/week/month/year bins. */
function binIndex(date, first, bin) {
  if (bin === "year") return Number(date.slice(0, 4)) - Number(first.slice(0, 4));
  if (bin === "month") {
    const [y, m] = date.split("-").map(Number);
    const [y0, m0] = first.split("-").map(Number);
    return (y - y0) * 12 + (m - m0);
  }
  return Math.round((Date.parse(date) - Date.parse(first)) / 864e5 / (bin === "week" ? 7 : 1));
}

/** The last day of the bin starting on `start` (YYYY-MM-DD), for the date filter a click sets. */
function binEnd(start, bin) {
  const d = new Date(`${start}T00:00:00Z`);
  if (bin === "week") d.setUTCDate(d.getUTCDate() + 6);
  if (bin === "month") d.setUTCMonth(d.getUTCMonth() + 1, 0);
  if (bin === "year") d.setUTCFullYear(d.getUTCFullYear(), 11, 31);
  return d.toISOString().slice(0, 10);
}

/** Bars per day, week or month (the API picks by the span) from the first bin with events to the
 * last; a click filters to that bin's days. */
function drawTimeline(bins) {
  const node = clear($("timeline"));
  const axis = clear($("timeline-axis"));
  const bin = bins.length ? bins[0].bin : "day";
  $("timeline-title").textContent = `Per ${BIN_NAMES[bin]}`;
  $("timeline").dataset.bin = bin;
  $("timeline-note").textContent = `${bins.reduce((n, d) => n + d.count, 0)} in ${bins.length} ${bin}s`;
  if (!bins.length) return;
  const first = bins[0].date;
  const span = binIndex(bins[bins.length - 1].date, first, bin) + 1;
  const max = Math.max(...bins.map((d) => d.count));
  const width = 800 / span;
  for (const d of bins) {
    const i = binIndex(d.date, first, bin);
    const h = Math.max(2, (d.count / max) * 130);
    const end = binEnd(d.date, bin);
    const bar = svg("rect", {
      class: "bar", x: i * width + width * 0.1, y: 140 - h, width: Math.max(width * 0.8, 0.8), height: h,
      "data-date": d.date, "data-count": d.count,
      onclick: () => { setField("since", d.date); setField("until", end); refresh(); },
    });
    bar.append(svg("title", { text: `${bin === "day" ? d.date : `${d.date} to ${end}`}: ${d.count}` }));
    node.append(bar);
  }
  axis.append(el("span", { text: first }), el("span", { text: `max ${max} a ${bin}` }),
    el("span", { text: binEnd(bins[bins.length - 1].date, bin) }));
}

function setField(name, value) { $("filters").elements[name].value = value; }

const CLUSTER_COLUMNS = ["date", "who", "what", "whom", "where", "stated as", "reports", "evidence"];
const MENTION_COLUMNS = ["date", "who", "what", "whom", "where", "stated as", "article", "evidence"];

/** How the text states the event: "asserted", else its modality and/or "negated"; for a cluster,
 * whether any report asserts it. */
function modalityOf(item, clusters) {
  if (clusters) return item.asserted === false ? "not asserted" : "asserted";
  const parts = [item.negated ? "negated" : null, item.modality !== "asserted" ? item.modality : null];
  return parts.filter(Boolean).join(", ") || "asserted";
}

function drawTable(page) {
  const clusters = page.view === "clusters";
  const head = clear($("events").tHead.rows[0]);
  for (const name of clusters ? CLUSTER_COLUMNS : MENTION_COLUMNS) head.append(el("th", { text: name }));
  const body = clear($("events").tBodies[0]);
  for (const item of page.items) {
    const ev = clusters ? item.members[0] : item;
    const what = clusters ? `${item.cameo_root} ${item.cameo_root_name || ""}` : `${item.cameo} ${item.cameo_name || ""}`;
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = colourOf(item, scheme());
    const row = el("tr", { class: "event-row", tabindex: 0, "data-article": ev.article_id, "data-idx": ev.idx },
      el("td", { text: clusters ? item.date_first || "" : item.date || item.published || "" }),
      el("td", { class: "actor-code", text: item.source_code || "—" }),
      el("td", {}, swatch, what.trim(), item.plover ? el("span", { class: "tag", text: item.plover }) : null),
      el("td", { class: "actor-code", text: item.target_code || "—" }),
      el("td", { text: item.location_name || "" }),
      modalityCell(modalityOf(item, clusters)),
      el("td", { text: clusters ? `${item.n_articles} article(s), ${item.n_sources} source(s)` : item.title || "" }),
      el("td", { class: "evidence", text: clip(ev.evidence_text || "", 160) }),
    );
    row.addEventListener("click", () => openEvent(ev.article_id, ev.idx));
    row.addEventListener("keydown", (k) => k.key === "Enter" && openEvent(ev.article_id, ev.idx));
    body.append(row);
  }
  const end = page.offset + page.items.length;
  $("table-note").textContent = page.total ? `${page.offset + 1}–${end} of ${totalText(page)}` : "nothing matches";
  $("prev").disabled = page.offset === 0;
  $("next").disabled = page.total_exact === false ? page.next === null : end >= page.total;
}

/** A page's total as shown: a box holding too many rows to count is "more than" its cap. */
function totalText(page) {
  return page.total_exact === false ? `more than ${(page.total - 1).toLocaleString("en")}` : `${page.total}`;
}

function modalityCell(text) {
  return el("td", { class: text === "asserted" ? "modality" : "modality unasserted", text });
}

function clip(text, n) {
  const flat = text.split(/\s+/).join(" ");
  return flat.length <= n ? flat : `${flat.slice(0, n - 1)}…`;
}

function openEvent(articleId, idx) {
  location.hash = `#/event/${encodeURIComponent(articleId)}/${idx}`;
}

/** The article view for one article, with the event `idx` (if any) chosen. */
async function showArticle(articleId, idx) {
  status("loading…");
  try {
    const detail = await getJSON(`/api/articles/${encodeURIComponent(articleId)}`);
    const chosen = idx === null ? null : await getJSON(`/api/events/${encodeURIComponent(articleId)}/${idx}`);
    $("overview").hidden = true;
    $("article").hidden = false;
    const art = detail.article;
    $("article-title").textContent = art.title || art.id;
    $("article-meta").textContent = [art.source, art.published, art.url].filter(Boolean).join(" · ");
    legend($("article-legend"));
    const text = $("article-text");
    renderText(text, art.text, spansOf(detail).concat(evidenceSpans(detail)), art.furniture);
    eventList($("article-events"), detail.events, (e) => openEvent(art.id, e.idx));
    itemLists(detail);
    drawCluster(chosen ? chosen.cluster : null, art.id);
    for (const li of $("article-events").children) li.classList.toggle("chosen", Number(li.dataset.idx) === idx);
    if (chosen) {
      const ev = chosen.event;
      const first = markEvidence(text, ev.evidence_start, ev.evidence_end, `event-${ev.idx}`);
      if (first) first.scrollIntoView({ block: "center" });
    }
    status("");
  } catch (error) {
    status(error.message, true);
  }
}

function itemLists(detail) {
  const figures = clear($("article-figures"));
  for (const q of detail.quantities) {
    const value = q.value !== null ? q.value : [q.low, q.high].filter((v) => v !== null).join("–");
    figures.append(el("li", {}, el("strong", { text: `${q.kind} ${value}` }), ` ${q.qualifier}, ${q.status}`,
      el("div", { class: "muted", text: clip(q.evidence_text, 140) })));
  }
  if (!detail.quantities.length) figures.append(el("li", { class: "muted", text: "none" }));
  const quotes = clear($("article-quotes"));
  for (const q of detail.quotes) {
    quotes.append(el("li", {}, el("strong", { text: q.speaker_name || q.speaker_text || "unknown speaker" }),
      ` ${q.cue || ""}: `, el("q", { text: clip(q.text, 200) })));
  }
  if (!detail.quotes.length) quotes.append(el("li", { class: "muted", text: "none" }));
}

function drawCluster(cluster, articleId) {
  const box = $("cluster");
  const list = clear($("cluster-members"));
  box.hidden = !cluster || cluster.members.length < 2;
  if (!cluster) return;
  for (const m of cluster.members) {
    const here = m.article_id === articleId;
    const item = el("li", { class: here ? "chosen" : "", tabindex: 0 },
      el("strong", { text: m.source || m.title || m.article_id }), m.published ? ` ${m.published}` : "",
      el("div", { class: "muted", text: clip(m.evidence_text, 160) }));
    item.addEventListener("click", () => openEvent(m.article_id, m.idx));
    list.append(item);
  }
}

function route() {
  const match = location.hash.match(/^#\/(event|article)\/([^/]+)(?:\/(\d+))?$/);
  if (match) return showArticle(decodeURIComponent(match[2]), match[3] !== undefined ? Number(match[3]) : null);
  $("article").hidden = true;
  $("overview").hidden = false;
  return null;
}

function wire() {
  $("filters").addEventListener("submit", (event) => { event.preventDefault(); refresh(); });
  $("filters").elements.colour.addEventListener("change", () => {
    state.map.draw(state.map.source, scheme());
    drawLegend();
    saveURL();
  });
  $("filters").elements.view.addEventListener("change", () => refresh());
  $("filters").elements[UNASSERTED].addEventListener("change", () => refresh());
  $("clear-filters").addEventListener("click", reset);
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); refresh({ keepOffset: true }); });
  $("next").addEventListener("click", () => { state.offset += PAGE; refresh({ keepOffset: true }); });
  $("map-fit").addEventListener("click", () => state.map.fit());
  $("map-world").addEventListener("click", () => state.map.world());
  $("map-box").addEventListener("click", () => { setField("bbox", state.map.bbox()); refresh(); });
  $("article-close").addEventListener("click", () => { location.hash = "#/"; });
  window.addEventListener("hashchange", route);
  document.addEventListener("visibilitychange", pollCounts);  // back on the tab: check at once
  setInterval(pollCounts, POLL_MS);
}

/** Every filter and setting back to its default, the URL without a query, the map on the world. */
function reset() {
  $("filters").reset();
  state.map.world();
  refresh();
}

async function main() {
  state.map = new EventMap($("map"), (item) => {
    const m = item.members ? item.members[0] : item;
    openEvent(m.article_id, m.idx);
  });
  wire();
  try {
    await Promise.all([state.map.loadOutline(), loadStats()]);
  } catch (error) {
    status(error.message, true);
  }
  loadURL();
  await refresh();
  await route();
  document.body.dataset.ready = "1";
}

main();
