// Builds the <plan-calculator> widget as ONE classic script (no bundler
// dependency): build/widget/plan-calculator.js, staged by scripts/build as
// build/site/plan-calculator.js.
//
//   node scripts/bundle-widget.mjs --core build/wasm/plancalc-core-single.js \
//        --out build/widget/plan-calculator.js [--entry web/plan-calculator-define.js] [--plans plans]
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
//   3. puts the Emscripten single-file engine (-sSINGLE_FILE, wasm inlined)
//      in front, in a scope where `fetch` is undefined: the glue then decodes
//      its inlined wasm directly instead of fetch()ing a data: URL, which a
//      strict Content-Security-Policy (connect-src 'self') would block;
//   4. hands the engine factory and the catalogs of plans/index.json to
//      PlanCalculatorElement (engineOptions, catalogs) before the entry
//      module registers the element;
//   5. checks that the result parses as a classic script (node:vm), and
//      writes it only when it changed.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const opts = {
    entry: path.join(ROOT, 'web', 'plan-calculator-define.js'),
    core: path.join(ROOT, 'build', 'wasm', 'plancalc-core-single.js'),
    out: path.join(ROOT, 'build', 'widget', 'plan-calculator.js'),
    plans: path.join(ROOT, 'plans'),
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => path.resolve(inline !== undefined ? inline : argv[++i]);
    if (flag === '--entry') opts.entry = value();
    else if (flag === '--core') opts.core = value();
    else if (flag === '--out') opts.out = value();
    else if (flag === '--plans') opts.plans = value();
    else fail(`usage: bundle-widget.mjs [--entry FILE] [--core FILE] [--out FILE] [--plans DIR] (unknown: ${argv[i]})`);
  }
  return opts;
}

function fail(message) {
  console.error(`bundle-widget: ${message}`);
  process.exit(1);
}

const IDENT = '[A-Za-z_$][\\w$]*';
const IMPORT = new RegExp(
  `^import\\s+(\\{[^}]*\\}|\\*\\s+as\\s+${IDENT}|${IDENT})\\s+from\\s+(['"])([^'"]+)\\2\\s*;?[ \\t]*$`, 'gm');
const EXPORT_DECL = new RegExp(`^export\\s+((?:async\\s+)?function\\*?|class|const|let)\\s+(${IDENT})`, 'gm');
const EXPORT_LIST = /^export\s*\{([^}]*)\}\s*;?[ \t]*$/gm;
const EXPORT_DEFAULT = /^export\s+default\s+/gm;

/** `a, b as c` → [[local, exported], …] */
function specifiers(list, file) {
  return list.split(',').map((s) => s.trim()).filter(Boolean).map((spec) => {
    const m = new RegExp(`^(${IDENT})(?:\\s+as\\s+(${IDENT}))?$`).exec(spec);
    if (!m) fail(`${file}: cannot read the specifier '${spec}'`);
    return [m[1], m[2] ?? m[1]];
  });
}

function resolveSpecifier(from, spec) {
  if (!spec.startsWith('./') && !spec.startsWith('../')) {
    fail(`${path.relative(ROOT, from)}: only relative imports can be bundled, not '${spec}'`);
  }
  return path.resolve(path.dirname(from), spec);
}

/** Reads a module and the modules it imports, in dependency order. */
function collect(entry) {
  const order = [];
  const state = new Map(); // file -> 'visiting' | 'done'
  const sources = new Map();
  const visit = (file, chain) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'visiting') fail(`import cycle: ${[...chain, file].map((f) => path.relative(ROOT, f)).join(' → ')}`);
    state.set(file, 'visiting');
    if (!fs.existsSync(file)) fail(`${path.relative(ROOT, chain.at(-1) ?? file)} imports a missing file ${path.relative(ROOT, file)}`);
    const source = fs.readFileSync(file, 'utf8');
    sources.set(file, source);
    for (const m of source.matchAll(IMPORT)) visit(resolveSpecifier(file, m[3]), [...chain, file]);
    state.set(file, 'done');
    order.push(file);
  };
  visit(entry, []);
  return { order, sources };
}

/** One module as `__modules[name] = (function () { …; return exports; })();`. */
function transform(file, source, nameOf) {
  const rel = path.relative(ROOT, file);
  const exported = []; // [local, exported]
  let code = source.replace(IMPORT, (whole, what, quote, spec) => {
    const target = JSON.stringify(nameOf(resolveSpecifier(file, spec)));
    if (what.startsWith('{')) {
      const names = specifiers(what.slice(1, -1), rel)
        .map(([imported, local]) => (imported === local ? local : `${imported}: ${local}`));
      return `const { ${names.join(', ')} } = __modules[${target}];`;
    }
    if (what.startsWith('*')) return `const ${what.split(/\s+/).pop()} = __modules[${target}];`;
    return `const ${what} = __modules[${target}].default;`;
  });
  code = code.replace(EXPORT_DECL, (whole, kind, name) => {
    exported.push([name, name]);
    return `${kind} ${name}`;
  });
  code = code.replace(EXPORT_LIST, (whole, list) => {
    exported.push(...specifiers(list, rel));
    return '';
  });
  code = code.replace(EXPORT_DEFAULT, () => {
    exported.push(['__default', 'default']);
    return 'const __default = ';
  });
  code = code.replace(/\bimport\.meta\.url\b/g, '__scriptUrl');
  const leftover = /^[ \t]*(import\s*[^\s(]|export\b)|\bimport\.meta\b/m.exec(code);
  if (leftover) {
    const line = code.slice(0, leftover.index).split('\n').length;
    fail(`${rel}:${line}: an import/export form this bundler does not know: ${code.split('\n')[line - 1].trim()}`);
  }
  const exports = exported.map(([local, name]) => `${JSON.stringify(name)}: ${local}`).join(', ');
  return `// --- ${rel} ---\n__modules[${JSON.stringify(nameOf(file))}] = (function () {\n'use strict';\n${code.trimEnd()}\nreturn Object.freeze({ ${exports} });\n})();\n`;
}

/** The catalogs listed in plans/index.json, id -> text. */
function readCatalogs(plansDir) {
  const indexFile = path.join(plansDir, 'index.json');
  if (!fs.existsSync(indexFile)) return {};
  const index = JSON.parse(fs.readFileSync(indexFile, 'utf8'));
  const catalogs = {};
  for (const entry of index.catalogs ?? []) {
    const file = path.join(plansDir, entry.file);
    if (typeof entry.id === 'string' && fs.existsSync(file)) catalogs[entry.id] = fs.readFileSync(file, 'utf8');
  }
  return catalogs;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(opts.core)) fail(`${opts.core} is missing: build the wasm target plancalc_wasm_single first`);
  const core = fs.readFileSync(opts.core, 'utf8');
  if (!/\bvar createPlanCalcCore\b/.test(core)) fail(`${opts.core} does not define createPlanCalcCore (built with MODULARIZE and EXPORT_NAME=createPlanCalcCore?)`);
  if (/\bimport\.meta\b/.test(core)) fail(`${opts.core} is an ES module; the single-file target must be a classic script (no EXPORT_ES6)`);

  const { order, sources } = collect(opts.entry);
  const webDir = path.dirname(opts.entry);
  const nameOf = (file) => path.relative(webDir, file).split(path.sep).join('/');
  const element = order.find((file) => /plan-calculator-element\.js$/.test(file));
  if (!element) fail('the entry does not import plan-calculator-element.js');
  const modules = order.filter((file) => file !== opts.entry).map((file) => transform(file, sources.get(file), nameOf));
  const catalogs = readCatalogs(opts.plans);
  // "</script" must not appear if someone inlines this file into HTML.
  const catalogLiteral = JSON.stringify(catalogs, null, 1).replace(/<\//g, '<\\/');

  const output = `/*! plan-calculator.js: the <plan-calculator> widget of plancalc in one classic script,
 * with the WebAssembly engine and the price lists of plans/ inlined. Generated by
 * scripts/bundle-widget.mjs from ${order.map(nameOf).join(', ')}
 * and plancalc-core-single.js; do not edit. Use: <script src="plan-calculator.js"></script>
 */
(function () {
var __scriptUrl = (typeof document !== 'undefined' && document.currentScript && document.currentScript.src) || location.href;

// The engine (Emscripten, -sSINGLE_FILE). In this scope fetch is undefined, so
// the glue decodes its inlined wasm instead of fetching a data: URL (which a
// strict CSP would block); module/exports/define keep it from exporting itself.
var createPlanCalcCore = (function () {
var fetch, module, exports, define;
${core.trim()}
return createPlanCalcCore;
})();

var __modules = Object.create(null);
${modules.join('\n')}
// The single file's engine and bundled price lists (plans/index.json ids).
__modules[${JSON.stringify(nameOf(element))}].PlanCalculatorElement.engineOptions = { moduleFactory: createPlanCalcCore };
__modules[${JSON.stringify(nameOf(element))}].PlanCalculatorElement.catalogs = ${catalogLiteral};

${transform(opts.entry, sources.get(opts.entry), nameOf)}})();
`;
  try {
    new vm.Script(output, { filename: opts.out });
  } catch (e) {
    fail(`the bundle is not a valid classic script: ${e.message}`);
  }
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  const previous = fs.existsSync(opts.out) ? fs.readFileSync(opts.out, 'utf8') : null;
  if (previous !== output) fs.writeFileSync(opts.out, output);
}

main();
