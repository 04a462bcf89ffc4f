// Builds the <plan-calculator> widget as ONE classic script (no bundler
// dependency): build/widget/plan-calculator.js, staged by scripts/build as
// build/site/plan-calculator.js.
//
//   node scripts/bundle-widget.mjs --core build/wasm/plancalc-core-widget.js \
//        --out build/widget/plan-calculator.js [--engine-out build/widget/plan-calculator-engine.js]
//        [--entry web/plan-calculator-define.js] [--plans plans]
//
// Why a classic script: Chromium refuses ES module scripts from file://, and
// a sales page saved to disk must still work. What it does:
//   1. follows the static imports from the entry (web/plan-calculator-define.js)
//      and orders the modules so that each comes after what it imports;
//   2. wraps each module in a function (strict mode, as a module is) whose
//      imports become reads of earlier modules' export objects; it knows only
//      the import/export forms web/ uses and stops with an error on any other
//      (so it never silently mis-bundles): `import {a, b as c} from './x.js'`,
//      `import x from './x.js'`, `import * as x from './x.js'`,
//      `export function|async function|class|const|let NAME`,
//      `export {a, b as c}`, `export default <expression>`; `import.meta.url`
//      becomes the script's own URL;
//   3. puts the engine in front: Emscripten's glue (a classic script) and its
//      .wasm as gzip (Node's zlib, level 9), base64 (base64 of the raw .wasm
//      gzips 40 % worse than the binary; base64 of the gzip data gzips 0.4 %
//      worse than that data). At load the browser's own DecompressionStream
//      ('gzip') unpacks it, no decoder of ours and no request made (a data:
//      fetch would break connect-src 'self', and fetch() does not work from
//      file://); the gzip trailer's CRC-32 and length are checked as it
//      unpacks, and the size by us. The bytes go to the factory as
//      wasmBinary; `fetch` is undefined in the glue's scope, so it never
//      tries to fetch the .wasm itself. A failure (damaged data, or a browser
//      without DecompressionStream) rejects the factory's promise: the
//      element shows its error and fires plan-calculator-error. --engine-out
//      writes this part alone too (a classic script defining
//      createPlanCalcEngine), which the golden corpus runs in Node;
//   4. hands the engine factory and the catalogs of plans/index.json to
//      PlanCalculatorElement (engineOptions, catalogs) before the entry
//      module registers the element;
//   5. leaves the page's own messages out of web/i18n/*.js (PAGE_ONLY_MESSAGES),
//      minifies the script with terser (module-bundle.mjs: minify), and drops
//      the whitespace of the catalogs' JSON;
//   6. checks that the result parses as a classic script (node:vm), and
//      writes it only when it changed.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

import { acorn, collect, fail, minify, ROOT, transform } from './module-bundle.mjs';

function parseArgs(argv) {
  const opts = {
    entry: path.join(ROOT, 'web', 'plan-calculator-define.js'),
    core: path.join(ROOT, 'build', 'wasm', 'plancalc-core-widget.js'),
    out: path.join(ROOT, 'build', 'widget', 'plan-calculator.js'),
    engineOut: null,
    plans: path.join(ROOT, 'plans'),
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => path.resolve(inline !== undefined ? inline : argv[++i]);
    if (flag === '--entry') opts.entry = value();
    else if (flag === '--core') opts.core = value();
    else if (flag === '--out') opts.out = value();
    else if (flag === '--engine-out') opts.engineOut = value();
    else if (flag === '--plans') opts.plans = value();
    else fail(`usage: bundle-widget.mjs [--entry FILE] [--core FILE] [--out FILE] [--engine-out FILE] [--plans DIR] (unknown: ${argv[i]})`);
  }
  return opts;
}


// Message families (a key's part before its first dot) of the page's panels
// and controls, which the widget has none of: left out of its copies of
// web/i18n/*.js (10 KB of the gzipped widget). A family that one of the
// widget's modules names in a string or template ('renew.…') stops the build.
// The explanations (explain.*) stay whole: the engine picks those keys.
const PAGE_ONLY_MESSAGES = ['page', 'form', 'nav', 'panel', 'share', 'print', 'lifecycle', 'renew', 'change',
  'cancel', 'add', 'inactive', 'context', 'sla', 'channel', 'priority'];

/** The message tables (web/i18n/*.js) without PAGE_ONLY_MESSAGES; sources is changed in place. */
function dropPageMessages(order, sources) {
  const isTable = (file) => path.basename(path.dirname(file)) === 'i18n';
  const pageOnly = (key) => PAGE_ONLY_MESSAGES.includes(key.split('.')[0]);
  for (const file of order.filter((f) => !isTable(f))) {
    for (const family of PAGE_ONLY_MESSAGES) {
      if (new RegExp(`['"\`]${family}\\.`).test(sources.get(file))) {
        fail(`${path.relative(ROOT, file)} uses the messages '${family}.…', which PAGE_ONLY_MESSAGES leaves out of the widget`);
      }
    }
  }
  for (const file of order.filter(isTable)) {
    const source = sources.get(file);
    const program = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'module' });
    const table = program.body.find((node) => node.type === 'ExportDefaultDeclaration')?.declaration;
    const properties = table?.type === 'ObjectExpression' ? table.properties : [];
    if (!properties.length || properties.some((p) => p.type !== 'Property' || typeof p.key.value !== 'string')) {
      fail(`${path.relative(ROOT, file)}: expected export default { 'key': message, … }`);
    }
    const kept = properties.filter((p) => !pageOnly(p.key.value)).map((p) => source.slice(p.start, p.end));
    sources.set(file, `${source.slice(0, table.start)}{\n${kept.join(',\n')}\n}${source.slice(table.end)}`);
  }
}

/** JSON text without the whitespace between tokens (the engine's fingerprint is of the parsed document). */
function compactJson(text, file) {
  const compact = text.replace(/("(?:[^"\\]|\\.)*")|[ \t\r\n]+/g, (m, string) => string ?? '');
  if (JSON.stringify(JSON.parse(compact)) !== JSON.stringify(JSON.parse(text))) fail(`${file}: compacting changed the JSON`);
  return compact;
}

/** The catalogs listed in plans/index.json, id -> text. */
function readCatalogs(plansDir) {
  const indexFile = path.join(plansDir, 'index.json');
  if (!fs.existsSync(indexFile)) return {};
  const index = JSON.parse(fs.readFileSync(indexFile, 'utf8'));
  const catalogs = {};
  for (const entry of index.catalogs ?? []) {
    const file = path.join(plansDir, entry.file);
    if (typeof entry.id === 'string' && fs.existsSync(file)) catalogs[entry.id] = compactJson(fs.readFileSync(file, 'utf8'), file);
  }
  return catalogs;
}

/**
 * The engine as a classic script defining createPlanCalcEngine(settings):
 * Emscripten's factory, given the .wasm that is inlined as gzip and unpacked
 * here by the platform's DecompressionStream. Returns the module's promise,
 * rejected when the .wasm cannot be unpacked (so the caller shows an error
 * instead of waiting forever).
 */
async function engineScript(glue, wasm, file) {
  // gzip rather than deflate-raw: 18 bytes more, and the browser checks the
  // data's CRC-32 and length for us (DecompressionStream('gzip') since Chromium 80).
  const packed = zlib.gzipSync(wasm, { level: 9 });
  // The code is minified; the data and the few lines around it stay as written.
  const code = await minify(glue.trim(), file);
  return `var createPlanCalcEngine = (function () {
// Emscripten's glue. In this scope fetch is undefined (it never fetches the
// .wasm: it is given the bytes); module/exports/define keep it from exporting itself.
var fetch, module, exports, define;
${code}

// plancalc-core-widget.wasm (${wasm.length} bytes) as gzip, base64.
var wasmGzip = '${packed.toString('base64')}';

function unpack() {
  return new Promise(function (resolve) {
    if (typeof DecompressionStream !== 'function') throw new Error('this browser has no DecompressionStream');
    var text = atob(wasmGzip);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    // The browser's gzip decoder, which checks the trailer's CRC-32 and length. Read
    // chunk by chunk: Response.arrayBuffer() would turn its error into "Failed to fetch".
    var reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
    var wasm = new Uint8Array(${wasm.length}), size = 0;
    resolve((function read() {
      return reader.read().then(function (chunk) {
        if (!chunk.done && chunk.value.length <= wasm.length - size) {
          wasm.set(chunk.value, size);
          size += chunk.value.length;
          return read();
        }
        if (!chunk.done || size !== wasm.length) throw new Error('the size differs');
        return wasm;
      });
    })());
  }).catch(function (e) {
    throw new Error('the engine could not be unpacked (' + String(e && e.message || e).replace(/\\.$/, '') + ')');
  });
}

return function createPlanCalcEngine(settings) {
  return unpack().then(function (wasmBinary) {
    return createPlanCalcCore(Object.assign({}, settings, { wasmBinary: wasmBinary }));
  });
};
})();
`;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const wasmFile = opts.core.replace(/\.js$/, '.wasm');
  for (const f of [opts.core, wasmFile]) {
    if (!fs.existsSync(f)) fail(`${f} is missing: build the wasm target plancalc_wasm_widget first`);
  }
  const core = fs.readFileSync(opts.core, 'utf8');
  if (!/\bvar createPlanCalcCore\b/.test(core)) fail(`${opts.core} does not define createPlanCalcCore (built with MODULARIZE and EXPORT_NAME=createPlanCalcCore?)`);
  if (/\bimport\.meta\b/.test(core)) fail(`${opts.core} is an ES module; the widget's engine must be a classic script (no EXPORT_ES6)`);
  const wasm = fs.readFileSync(wasmFile);
  if (wasm.readUInt32BE(0) !== 0x0061736d) fail(`${wasmFile} is not a WebAssembly module`);
  const engine = await engineScript(core, wasm, opts.engineOut ?? opts.out);

  const { order, sources } = collect(opts.entry);
  const webDir = path.dirname(opts.entry);
  const nameOf = (file) => path.relative(webDir, file).split(path.sep).join('/');
  const element = order.find((file) => /plan-calculator-element\.js$/.test(file));
  if (!element) fail('the entry does not import plan-calculator-element.js');
  dropPageMessages(order, sources);
  const modules = order.filter((file) => file !== opts.entry).map((file) => transform(file, sources.get(file), nameOf));
  const catalogs = readCatalogs(opts.plans);
  // "</script" must not appear if someone inlines this file into HTML.
  const catalogLiteral = JSON.stringify(catalogs, null, 1).replace(/<\//g, '<\\/');

  const header = `/*! plan-calculator.js: the <plan-calculator> widget of plancalc in one classic script,
 * with the WebAssembly engine and the price lists of plans/ inlined. Generated by
 * scripts/bundle-widget.mjs from ${order.map(nameOf).join(', ')}
 * and plancalc-core-widget.{js,wasm}; do not edit. Use: <script src="plan-calculator.js"></script>
 */
`;
  // The modules' code is minified (module-bundle.mjs: minify); the engine
  // options and the catalogs set between them and the entry stay as written.
  const moduleCode = await minify(modules.join('\n'), opts.out);
  const entryCode = await minify(transform(opts.entry, sources.get(opts.entry), nameOf), opts.out);
  const body = `(function () {
var __scriptUrl = (typeof document !== 'undefined' && document.currentScript && document.currentScript.src) || location.href;

${engine}
var __modules = Object.create(null);
${moduleCode}
// The single file's engine and bundled price lists (plans/index.json ids).
__modules[${JSON.stringify(nameOf(element))}].PlanCalculatorElement.engineOptions = { moduleFactory: createPlanCalcEngine };
__modules[${JSON.stringify(nameOf(element))}].PlanCalculatorElement.catalogs = ${catalogLiteral};

${entryCode}
})();
`;
  writeScript(opts.out, `${header}${body}`);
  if (opts.engineOut) writeScript(opts.engineOut, engine);
}

/** Checks that the text parses as a classic script; writes it only when it changed. */
function writeScript(file, text) {
  try {
    new vm.Script(text, { filename: file });
  } catch (e) {
    fail(`${path.basename(file)} is not a valid classic script: ${e.message}`);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  if (previous !== text) fs.writeFileSync(file, text);
}

await main();
