// Writes the staged service worker's list of files and version (a hash of
// their contents) into build/site/service-worker.js. Run by scripts/build after
// the page bundle and preload links, so the hash covers the final bytes.
//
//   node scripts/service-worker.mjs build/site
//
// The list is what the page loads (tests/web/offline.test.mjs checks it
// against the requests of a real load): the page and its styles, its script,
// the engine and every price list of plans/index.json, and the tab icon.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const site = path.resolve(process.argv[2] || 'build/site');
const PAGE = ['./', 'index.html', 'styles.css', 'app.bundle.js', 'plancalc.js',
  'generated/plancalc-core.js', 'generated/plancalc-core.wasm', 'favicon.svg', 'plans/index.json'];
const index = JSON.parse(fs.readFileSync(path.join(site, 'plans', 'index.json'), 'utf8'));
const files = [...PAGE, ...index.catalogs.map((c) => `plans/${c.file}`)];

const hash = crypto.createHash('sha256');
for (const file of files) {
  const full = path.join(site, file === './' ? 'index.html' : file);
  if (!fs.existsSync(full)) {
    console.error(`service-worker: ${file} is not in ${site}`);
    process.exit(1);
  }
  hash.update(file).update('\0').update(fs.readFileSync(full)).update('\0');
}
const version = hash.digest('hex').slice(0, 16);

const worker = path.join(site, 'service-worker.js');
const source = fs.readFileSync(worker, 'utf8');
const marker = /^const PRECACHE = \{[^\n]*\}; \/\/ replaced by scripts\/service-worker\.mjs$/m;
if (!marker.test(source)) {
  console.error('service-worker: the PRECACHE line of web/service-worker.js is missing');
  process.exit(1);
}
fs.writeFileSync(worker, source.replace(marker,
  `const PRECACHE = ${JSON.stringify({ version, files })}; // written by scripts/service-worker.mjs`));
