// ES modules of web/ into one script, for scripts/bundle-widget.mjs (the
// widget's classic script) and scripts/bundle-page.mjs (the page's module):
// collect() follows the static imports from an entry and orders the modules
// so that each comes after what it imports; transform() wraps one module in a
// function whose imports become reads of earlier modules' export objects
// (`__modules[name]`). It knows only the import/export forms web/ uses and
// stops with an error on any other, so it never silently mis-bundles:
// `import {a, b as c} from './x.js'`, `import x from './x.js'`,
// `import * as x from './x.js'`, `export function|async function|class|const|let NAME`,
// `export {a, b as c}`, `export default <expression>`; `import.meta.url`
// becomes `__scriptUrl`, which the bundle defines. A dynamic `import('./x.js')`
// is left as it is (a separate module). minify() runs terser.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// acorn: Debian's node-acorn, which Debian's emscripten depends on.
export const acorn = createRequire(import.meta.url)(
  createRequire(import.meta.url).resolve('acorn', { paths: [ROOT, '/usr/share/nodejs'] }));

/** Stops the build with a message naming the script that runs. */
export function fail(message) {
  console.error(`${path.basename(process.argv[1] ?? 'bundle', '.mjs')}: ${message}`);
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

export function resolveSpecifier(from, spec) {
  if (!spec.startsWith('./') && !spec.startsWith('../')) {
    fail(`${path.relative(ROOT, from)}: only relative imports can be bundled, not '${spec}'`);
  }
  return path.resolve(path.dirname(from), spec);
}

/** Reads a module and the modules it imports, in dependency order. */
export function collect(entry) {
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
export function transform(file, source, nameOf) {
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

/**
 * The script minified by terser (npm, package.json): comments and whitespace
 * dropped, local names shortened, dead branches removed. A classic script
 * keeps its top-level names (the widget's engine defines createPlanCalcEngine
 * for whoever loads it); a module may rename its own. The result must parse
 * again as the same kind of script. Class names stay: they are API (an
 * event's constructor.name, PlanCalculatorElement). sourceType: 'script' or 'module'.
 */
export async function minify(source, file, sourceType = 'script') {
  let terser;
  try {
    terser = await import('terser');
  } catch {
    fail('terser is missing: run scripts/setup (npm ci) first');
  }
  const module = sourceType === 'module';
  let result;
  try {
    result = await terser.minify(source, { module, ecma: 2020, compress: { passes: 2 }, mangle: true, keep_classnames: true,
      format: { comments: false } });
  } catch (e) {
    fail(`${path.basename(file)}: terser: ${e.message}`);
  }
  acorn.parse(result.code, { ecmaVersion: 'latest', sourceType });
  return result.code;
}
