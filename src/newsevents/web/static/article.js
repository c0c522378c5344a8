// The article view: the text with every extracted item highlighted the way displaCy shows
// entities (coloured spans, each with its label), and the events coded from it. The text is
// cut into segments at every span boundary; each segment is a text node inside a <span>
// whose classes name the items covering it, so overlapping items never need nested markup.

import { clear, el } from "./dom.js";

export const KINDS = {
  actor: "actor", trigger: "trigger", place: "place", figure: "figure", quote: "quote",
};
const LEGEND = [
  ["actor", "actors"], ["trigger", "event triggers"], ["place", "places"],
  ["figure", "figures"], ["quote", "quotes"], ["evidence", "evidence of the chosen event"],
];

/** Every highlighted span of an article: {start, end, kind, label, ref}. */
export function spansOf(detail) {
  const spans = [];
  const add = (start, end, kind, label, ref) => {
    if (Number.isInteger(start) && Number.isInteger(end) && end > start) spans.push({ start, end, kind, label, ref });
  };
  for (const a of detail.actors) add(a.evidence_start, a.evidence_end, "actor", a.code, `actor-${a.idx}`);
  for (const e of detail.events) {
    add(e.trigger_start, e.trigger_end, "trigger", [e.cameo, e.plover].filter(Boolean).join(" "), `event-${e.idx}`);
  }
  for (const p of detail.locations) {
    // A demonym ("Syrian") or an organisation's name ("The Washington Post") names a place but
    // places nothing: say so in its label.
    const other = p.kind === "demonym" || p.kind === "organisation";
    const label = other ? `${p.kind}: ${p.name}` : p.feature || "place";
    for (const m of p.mentions) add(m.start, m.end, "place", label, `place-${p.idx}`);
  }
  for (const q of detail.quantities) {
    const figure = q.value !== null ? q.value : [q.low, q.high].filter((v) => v !== null).join("–");
    add(q.evidence_start, q.evidence_end, "figure", `${q.kind} ${figure}`.trim(), `figure-${q.idx}`);
  }
  for (const q of detail.quotes) {
    add(q.evidence_start, q.evidence_end, "quote", `quote: ${q.speaker_code || q.speaker_text || "?"}`, `quote-${q.idx}`);
  }
  return spans;
}

/** Render `text` into `node` with `spans` highlighted; `furniture` spans are greyed. */
export function renderText(node, text, spans, furniture = []) {
  clear(node);
  const all = spans.concat(furniture.map((f) => ({ start: f.start, end: f.end, kind: "furniture", label: null })));
  const cuts = new Set([0, text.length]);
  for (const s of all) { cuts.add(Math.max(0, s.start)); cuts.add(Math.min(text.length, s.end)); }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = all.filter((s) => s.start <= start && end <= s.end);
    const piece = text.slice(start, end);
    if (!covering.length) { node.append(document.createTextNode(piece)); continue; }
    const seg = el("span", {
      class: ["seg", ...new Set(covering.map((s) => `hl-${s.kind}`))].join(" "),
      "data-start": start, "data-end": end,
      "data-refs": covering.map((s) => s.ref).filter(Boolean).join(" "),
    }, piece);
    node.append(seg);
    // A label follows the last segment of each span, as displaCy puts it at the entity's end.
    for (const s of covering) {
      if (s.end === end && s.label) node.append(el("span", { class: `label label-${s.kind}`, text: s.label }));
    }
  }
}

/** Mark the segments inside [start, end) as the chosen event's evidence; returns the first. */
export function markEvidence(node, start, end, triggerRef) {
  let first = null;
  for (const seg of node.querySelectorAll(".evidence-active, .trigger-active")) {
    seg.classList.remove("evidence-active", "trigger-active");
  }
  for (const seg of node.querySelectorAll(".seg, .ev")) {
    const s = Number(seg.dataset.start);
    const e = Number(seg.dataset.end);
    if (s >= start && e <= end) {
      seg.classList.add("evidence-active");
      first = first || seg;
    }
    if (triggerRef && (seg.dataset.refs || "").split(" ").includes(triggerRef)) seg.classList.add("trigger-active");
  }
  return first;
}

export function legend(node) {
  clear(node);
  for (const [kind, name] of LEGEND) node.append(el("li", {}, el("span", { class: `swatch hl-${kind}` }), name));
}

/** Every event span of the article, so plain text inside evidence can be marked too. */
export function evidenceSpans(detail) {
  return detail.events.map((e) => ({ start: e.evidence_start, end: e.evidence_end, kind: "ev", label: null, ref: null }));
}

/** The event's place with where it came from ("Aleppo (from the article)"): a place taken from the
 * paragraph or the article's focus reads differently from one its own clause states. */
export function placeOf(e) {
  if (!e.location_name) return null;
  return e.location_source ? `${e.location_name} (from the ${e.location_source})` : e.location_name;
}

/** Where each side's country was guessed from ("source's country from the article"): an actor whose
 * own words name no country took it from its event's place or the article's focus, and an analyst
 * may want to keep or drop such guesses. A country the text states says nothing. */
export function countryNotes(e) {
  return ["source", "target"]
    .filter((side) => e[`${side}_country_source`] && e[`${side}_country_source`] !== "text")
    .map((side) => `${side}'s country from the ${e[`${side}_country_source`]}`);
}

/** One line per coded event: who, what, whom, where, when; `onPick` selects it. */
export function eventList(node, events, onPick) {
  clear(node);
  for (const e of events) {
    const item = el("li", { class: "event-item", "data-idx": e.idx, tabindex: 0 },
      el("span", { class: "actor-code", text: e.source_code || "—" }), " ",
      el("strong", { text: `${e.cameo} ${e.cameo_name || ""}`.trim() }),
      e.plover ? el("span", { class: "tag", text: e.plover }) : null, " ",
      el("span", { class: "actor-code", text: e.target_code || "—" }),
      el("div", { class: "muted", text: [placeOf(e), e.date, e.negated ? "negated" : null, e.modality !== "asserted" ? e.modality : null, ...countryNotes(e)].filter(Boolean).join(" · ") }),
    );
    item.addEventListener("click", () => onPick(e));
    item.addEventListener("keydown", (k) => k.key === "Enter" && onPick(e));
    node.append(item);
  }
  if (!events.length) node.append(el("li", { class: "muted", text: "none" }));
}
