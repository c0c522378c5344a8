// Copies what the dashboard needs from installed npm packages into static/vendor/, so the page
// and the API docs work with no internet. Run by `make install` after `npm ci`.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, "static", "vendor");
const modules = join(here, "node_modules");
mkdirSync(vendor, { recursive: true });

/** Copy `files` of one package into `into` (a folder under vendor/), with its licence beside them. */
function copy(pkg, files, into = vendor, licence = `${pkg}.LICENSE`) {
  mkdirSync(into, { recursive: true });
  for (const file of files) copyFileSync(join(modules, pkg, file), join(into, file));
  copyFileSync(join(modules, pkg, "LICENSE"), join(into, licence));
  console.log(`copied ${pkg} ${files.join(", ")} into ${into}`);
}

// Natural Earth country outlines at 1:110m as TopoJSON (world-atlas, ISC; the data is public domain).
copy("world-atlas", ["countries-110m.json"]);
// Swagger UI for /docs (swagger-ui-dist, Apache-2.0: its NOTICE goes with it).
copy("swagger-ui-dist", ["swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png", "NOTICE"],
  join(vendor, "swagger-ui"), "LICENSE");
