// Minifies one ES module with terser (scripts/module-bundle.mjs: minify):
// scripts/build runs it on Emscripten's glue, plancalc-core.js, as the page
// loads it (Debian's Emscripten has no closure compiler to do it; 50 KB →
// 25 KB raw). Writes OUT only when it changed.
//   node scripts/minify-module.mjs IN OUT
import fs from 'node:fs';
import path from 'node:path';
import { fail, minify } from './module-bundle.mjs';

const [input, output] = process.argv.slice(2);
if (!input || !output) fail('usage: node scripts/minify-module.mjs IN OUT');
if (!fs.existsSync(input)) fail(`${input} is missing`);
const out = `${await minify(fs.readFileSync(input, 'utf8'), input, 'module')}\n`;
if (!fs.existsSync(output) || fs.readFileSync(output, 'utf8') !== out) {
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, out);
}
