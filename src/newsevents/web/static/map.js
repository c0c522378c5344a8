// The map: Natural Earth country outlines (TopoJSON copied in at install time) in an
// equirectangular projection, x = longitude and y = -latitude, so the SVG viewBox is the
// visible box in degrees. Clusters are circles sized by the articles behind them.

import { clear, getJSON, svg } from "./dom.js";

export const PLOVER_COLOURS = {
  AGREE: "#1b9e77", CONSULT: "#66a61e", SUPPORT: "#a6d854", CONCEDE: "#8dd3c7",
  COOPERATE: "#33a02c", AID: "#1f78b4", RETREAT: "#80b1d3", REQUEST: "#bebada",
  ACCUSE: "#fdb462", REJECT: "#fb8072", THREATEN: "#e6ab02", PROTEST: "#b15928",
  SANCTION: "#bc80bd", MOBILIZE: "#7570b3", COERCE: "#d95f02", ASSAULT: "#e31a1c",
};
export const QUAD_COLOURS = { 1: "#4daf4a", 2: "#377eb8", 3: "#ff7f00", 4: "#e41a1c" };
export const QUAD_NAMES = {
  1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict",
};
const NO_TYPE = "#888888";
const WORLD = [-180, -90, 360, 180];

/** The colour of a cluster or event under the chosen scheme ("plover" or "quad"). */
export function colourOf(item, scheme) {
  if (scheme === "quad") return QUAD_COLOURS[item.quad_class] || NO_TYPE;
  return PLOVER_COLOURS[item.plover] || NO_TYPE;
}

/** [lon, lat] of a cluster (lat/lon) or a mention (location_lat/location_lon); null when it has no place. */
export function placeOf(item) {
  const lat = item.lat ?? item.location_lat;
  const lon = item.lon ?? item.location_lon;
  return Number.isFinite(lat) && Number.isFinite(lon) ? [lon, lat] : null;
}

/** TopoJSON arcs as absolute [lon, lat] points (delta-decoded when the file is quantized). */
function decodeArcs(topo) {
  const scale = topo.transform ? topo.transform.scale : [1, 1];
  const shift = topo.transform ? topo.transform.translate : [0, 0];
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map((point) => {
      if (topo.transform) {
        x += point[0];
        y += point[1];
      } else {
        [x, y] = point;
      }
      return [x * scale[0] + shift[0], y * scale[1] + shift[1]];
    });
  });
}

/** SVG path data for one ring of arc indexes; a jump across the antimeridian starts a new piece. */
function ringPath(ring, arcs) {
  const points = [];
  for (const index of ring) {
    const arc = index >= 0 ? arcs[index] : arcs[~index].slice().reverse();
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  let d = "";
  let prev = null;
  for (const [lon, lat] of points) {
    const move = prev === null || Math.abs(lon - prev) > 180;
    d += `${move ? "M" : "L"}${lon.toFixed(2)},${(-lat).toFixed(2)}`;
    prev = lon;
  }
  return d + "Z";
}

function geometryPath(geometry, arcs) {
  if (geometry.type === "Polygon") return geometry.arcs.map((r) => ringPath(r, arcs)).join("");
  if (geometry.type === "MultiPolygon") {
    return geometry.arcs.map((poly) => poly.map((r) => ringPath(r, arcs)).join("")).join("");
  }
  return "";
}

export class EventMap {
  constructor(node, onPick) {
    this.node = node;
    this.onPick = onPick;
    this.box = WORLD.slice();
    this.countries = svg("g", { class: "countries" });
    this.dots = svg("g", { class: "dots" });
    node.append(svg("rect", { class: "sea", x: -180, y: -90, width: 360, height: 180 }), this.countries, this.dots);
    this.items = [];  // {item, lon, lat} of the items drawn that have a place
    this.source = [];  // every item last given to draw()
    this.enablePanZoom();
  }

  /** Draw the country outlines; the map still works (dots on a blank sea) without them. */
  async loadOutline() {
    try {
      const topo = await getJSON("/static/vendor/countries-110m.json");
      const arcs = decodeArcs(topo);
      for (const geometry of topo.objects.countries.geometries) {
        const name = geometry.properties ? geometry.properties.name : "";
        const path = svg("path", { class: "country", d: geometryPath(geometry, arcs) });
        path.append(svg("title", { text: name }));
        this.countries.append(path);
      }
      return true;
    } catch (error) {
      this.node.dataset.outline = "missing";
      return false;
    }
  }

  /** Replace the dots with these clusters (or mentions) coloured by `scheme`; returns how many
   * have a place. */
  draw(items, scheme) {
    this.source = items;
    this.items = items.map((item) => [item, placeOf(item)]).filter(([, at]) => at)
      .map(([item, [lon, lat]]) => ({ item, lon, lat }));
    this.scheme = scheme;
    clear(this.dots);
    const sorted = this.items.slice().sort((a, b) => (b.item.n_articles || 1) - (a.item.n_articles || 1));
    for (const { item, lon, lat } of sorted) {
      const dot = svg("circle", {
        class: "dot", cx: lon, cy: -lat, fill: colourOf(item, scheme),
        "data-n": item.n_articles || 1, tabindex: 0,
        onclick: () => this.onPick(item), onkeydown: (e) => e.key === "Enter" && this.onPick(item),
      });
      const what = item.plover || (item.cameo_root_name || item.cameo_name || item.cameo_root || "");
      dot.append(svg("title", {
        text: `${item.location_name || "?"}: ${what} (${item.n_articles || 1} article(s), ${item.date_first || item.date || ""})`,
      }));
      this.dots.append(dot);
    }
    this.resize();
    return this.items.length;
  }

  /** Zoom to the dots with a margin, or to the world when there are none. */
  fit() {
    if (!this.items.length) return this.show(WORLD);
    const lons = this.items.map((i) => i.lon);
    const lats = this.items.map((i) => i.lat);
    let [x0, x1, y0, y1] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    const pad = Math.max(4, (x1 - x0) * 0.15, (y1 - y0) * 0.15);
    [x0, x1, y0, y1] = [x0 - pad, x1 + pad, y0 - pad, y1 + pad];
    // Keep the panel's 2:1 shape, so the box is what is seen.
    let w = x1 - x0;
    let h = y1 - y0;
    if (w < 2 * h) { x0 -= (2 * h - w) / 2; w = 2 * h; } else { y0 -= (w / 2 - h) / 2; h = w / 2; }
    return this.show([x0, -(y0 + h), w, h]);
  }

  world() { return this.show(WORLD); }

  show(box) {
    const w = Math.min(360, Math.max(2, box[2]));
    const h = Math.min(180, Math.max(1, box[3]));
    const x = Math.min(180 - w, Math.max(-180, box[0]));
    const y = Math.min(90 - h, Math.max(-90, box[1]));
    this.box = [x, y, w, h];
    this.node.setAttribute("viewBox", this.box.map((v) => v.toFixed(3)).join(" "));
    this.resize();
  }

  /** The visible area as "min_lon,min_lat,max_lon,max_lat", for the bbox filter. */
  bbox() {
    const [x, y, w, h] = this.box;
    return [x, -(y + h), x + w, -y].map((v) => v.toFixed(2)).join(",");
  }

  /** Dots keep their size on screen whatever the zoom. */
  resize() {
    const k = this.box[2] / 360;
    for (const dot of this.dots.children) {
      dot.setAttribute("r", ((2.2 + 1.6 * Math.sqrt(Number(dot.dataset.n))) * k).toFixed(3));
      dot.setAttribute("stroke-width", (0.35 * k).toFixed(3));
    }
  }

  enablePanZoom() {
    this.node.addEventListener("wheel", (event) => {
      event.preventDefault();
      const [x, y, w, h] = this.box;
      const rect = this.node.getBoundingClientRect();
      const fx = (event.clientX - rect.left) / rect.width;
      const fy = (event.clientY - rect.top) / rect.height;
      const k = event.deltaY > 0 ? 1.25 : 0.8;
      this.show([x + fx * w * (1 - k), y + fy * h * (1 - k), w * k, h * k]);
    }, { passive: false });
    let start = null;
    this.node.addEventListener("pointerdown", (event) => {
      if (event.target.classList.contains("dot")) return;
      start = { x: event.clientX, y: event.clientY, box: this.box.slice() };
    });
    window.addEventListener("pointerup", () => { start = null; });
    this.node.addEventListener("pointermove", (event) => {
      if (!start) return;
      const rect = this.node.getBoundingClientRect();
      const [x, y, w, h] = start.box;
      this.show([x - ((event.clientX - start.x) / rect.width) * w, y - ((event.clientY - start.y) / rect.height) * h, w, h]);
    });
  }
}
