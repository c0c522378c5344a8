// Copies what the dashboard needs from installed npm packages into static/vendor/, so the page
// and the API docs work with no internet. Run by `make install` after `npm ci`.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, "static", "vendor");
const modules = join(here, "node_modules");
mkdirSync(vendor, { recursive: true });

/** Copy `files` of one package into vendor/ as `rename` names them, with its licence beside them. */
function copy(pkg, files, rename = (file) => file) {
  for (const file of [...files, "LICENSE"]) {
    const name = file === "LICENSE" ? `${pkg}.LICENSE` : rename(file);
    copyFileSync(join(modules, pkg, file), join(vendor, name));
  }
  console.log(`copied ${pkg} ${files.join(", ")} into ${vendor}`);
}

// Natural Earth country outlines at 1:110m as TopoJSON (world-atlas, ISC; the data is public domain).
copy("world-atlas", ["countries-110m.json"]);
// Swagger UI for /docs (swagger-ui-dist, Apache-2.0, whose NOTICE goes with it). The files stay
// in vendor/ itself, under names that say whose they are, as the package data lists vendor/*.
copy("swagger-ui-dist", ["swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png", "NOTICE"],
  (file) => (file.startsWith("swagger-ui") ? file : `swagger-ui-dist.${file}`));
