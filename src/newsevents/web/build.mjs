// Copies the data the dashboard needs from installed npm packages into static/vendor/,
// so the page works with no internet. Run by `make install` after `npm ci`.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, "static", "vendor");
mkdirSync(vendor, { recursive: true });
// Natural Earth country outlines at 1:110m as TopoJSON (world-atlas, ISC; the data is public domain).
const atlas = join(here, "node_modules", "world-atlas");
copyFileSync(join(atlas, "countries-110m.json"), join(vendor, "countries-110m.json"));
copyFileSync(join(atlas, "LICENSE"), join(vendor, "world-atlas.LICENSE"));
console.log(`copied world-atlas countries-110m.json into ${vendor}`);
