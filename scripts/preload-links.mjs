// Adds preload hints to the staged page (build/site/index.html), so the
// browser fetches every module of the page, the engine's glue and its wasm at
// once instead of one import level at a time (app.js → panels.js →
// compare-panel.js → compare-view.js → dom.js, then plancalc.js, then
// plancalc-core.js, then the .wasm: eight round trips before the first
// comparison, now one), and the price lists the page fetches during load.
// Run by scripts/build after staging; the list is
// computed from the import graph each time, so it never goes stale.
//
//   node scripts/preload-links.mjs build/site
//
// Follows `import … from './x.js'` and `import('./x.js')` from the page's
// module scripts; plancalc.js brings generated/plancalc-core.js and its
// .wasm (fetched with credentials 'same-origin', hence crossorigin). The
// hints go in one marked block before </head>, replaced on every run.
import fs from 'node:fs';
import path from 'node:path';

const site = path.resolve(process.argv[2] || 'build/site');
const htmlFile = path.join(site, 'index.html');
const BEGIN = '<!-- preload: scripts/preload-links.mjs -->';
const END = '<!-- /preload -->';

function fail(message) {
  console.error(`preload-links: ${message}`);
  process.exit(1);
}

if (!fs.existsSync(htmlFile)) fail(`${htmlFile} is missing`);
let html = fs.readFileSync(htmlFile, 'utf8');
const start = html.indexOf(BEGIN);
if (start !== -1) {
  const end = html.indexOf(END, start);
  if (end === -1) fail('unterminated preload block');
  html = html.slice(0, start).trimEnd() + '\n' + html.slice(end + END.length).replace(/^\s*\n/, '');
}

const entries = [...html.matchAll(/<script\s+type="module"\s+src="([^"]+)"/g)].map((m) => m[1]);
const SPEC = /(?:\bfrom\s*|\bimport\s*\(\s*)(['"])(\.{1,2}\/[^'"]+\.js)\1/g;
const seen = new Set();
const order = [];
function visit(rel) {
  if (seen.has(rel) || rel.startsWith('../')) return;
  seen.add(rel);
  const file = path.join(site, rel);
  if (!fs.existsSync(file)) return; // e.g. named in a comment: no hint, no harm
  order.push(rel);
  const text = fs.readFileSync(file, 'utf8');
  for (const m of text.matchAll(SPEC)) {
    visit(path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[2])));
  }
}
for (const entry of entries) visit(entry);

const links = order.filter((rel) => !entries.includes(rel))
  .map((rel) => `<link rel="modulepreload" href="${rel}">`);
if (seen.has('plancalc.js')) {
  for (const rel of ['generated/plancalc-core.js', 'generated/plancalc-core.wasm']) {
    if (!fs.existsSync(path.join(site, rel))) fail(`${rel} is missing`);
  }
  links.push('<link rel="modulepreload" href="generated/plancalc-core.js">');
  links.push('<link rel="preload" href="generated/plancalc-core.wasm" as="fetch" type="application/wasm" crossorigin>');
}
// The price lists: the page fetches plans/index.json and every catalog it
// names during load (app.js), so they can come with the modules instead of
// after them. Same URLs and mode as the page's fetch() (hence crossorigin).
const indexFile = path.join(site, 'plans', 'index.json');
if (fs.existsSync(indexFile)) {
  links.push('<link rel="preload" href="plans/index.json" as="fetch" crossorigin>');
  let index;
  try {
    index = JSON.parse(fs.readFileSync(indexFile, 'utf8'));
  } catch (e) {
    fail(`plans/index.json: ${e.message}`);
  }
  for (const entry of index.catalogs ?? []) {
    if (typeof entry?.file !== 'string' || !fs.existsSync(path.join(site, 'plans', entry.file))) continue;
    links.push(`<link rel="preload" href="plans/${encodeURIComponent(entry.file)}" as="fetch" crossorigin>`);
  }
}
const block = ['  ' + BEGIN, ...links.map((l) => '  ' + l), '  ' + END].join('\n');
const head = html.indexOf('</head>');
if (head === -1) fail('no </head> in index.html');
const out = html.slice(0, head).trimEnd() + '\n' + block + '\n' + html.slice(head);
if (out !== fs.readFileSync(htmlFile, 'utf8')) fs.writeFileSync(htmlFile, out);
