// The measurements behind scripts/bench (docs/performance.md): shipped bytes,
// the page in headless Chromium, the engine in wasm (Node) and natively
// (Google Benchmark), and `plancalc batch`. Prints one table; never part of
// scripts/test (nothing here asserts a time).
//
//   node scripts/bench.mjs --site DIR --wasm-dir DIR --cli FILE --native-bench FILE
//                          [--quick] [--only sizes,browser,peer,wasm,native,batch] [--json FILE]
//
// scripts/bench builds what is needed and calls this with the paths.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGETS = {
  pageKB: 120, widgetKB: 200, firstMs: 150, inputMs: 4, ratio: 2.5, batchQuotesPerSec: 250_000, batchMB: 50,
};

function parseArgs(argv) {
  const o = {
    site: path.join(ROOT, 'build/site'),
    wasmDir: path.join(ROOT, 'build/wasm'),
    cli: path.join(ROOT, 'build/bench/plancalc'),
    nativeBench: path.join(ROOT, 'build/bench/plancalc_bench'),
    quick: false,
    only: null,
    json: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--site') o.site = path.resolve(value());
    else if (flag === '--wasm-dir') o.wasmDir = path.resolve(value());
    else if (flag === '--cli') o.cli = path.resolve(value());
    else if (flag === '--native-bench') o.nativeBench = path.resolve(value());
    else if (flag === '--quick') o.quick = true;
    else if (flag === '--only') o.only = new Set(value().split(','));
    else if (flag === '--json') o.json = path.resolve(value());
    else {
      console.error(`bench.mjs: unknown argument ${argv[i]}`);
      process.exit(2);
    }
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const want = (part) => !opts.only || opts.only.has(part);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (bytes) => (bytes / 1024).toFixed(1);
const log = (...a) => console.error('bench:', ...a);
const rows = []; // [section, what, figure, target, met]
const results = {};

function gzipSize(file) {
  const r = spawnSync('gzip', ['-9', '-c'], { input: fs.readFileSync(file), maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`gzip failed on ${file}`);
  return r.stdout.length;
}

// ---------------------------------------------------------------------------
// The requests measured in wasm and natively: for each catalog of
// plans/index.json, quote (a plan sold today), compare (all tiers × periods,
// 36 months), renew and sla where the catalog has them, and a proposal of up
// to 3 items over 36 months.
async function loadEngineModule() {
  const { createEngine } = await import(pathToFileURL(path.join(ROOT, 'web/plancalc.js')).href);
  const moduleFactory = (await import(pathToFileURL(path.join(opts.wasmDir, 'plancalc-core.js')).href)).default;
  const wasmBinary = fs.readFileSync(path.join(opts.wasmDir, 'plancalc-core.wasm'));
  return {
    createEngine: (text) => createEngine(text, { moduleFactory, wasmBinary }),
    engineAlone: await loadEngineAlone(moduleFactory, wasmBinary),
  };
}

// The wasm engine alone: the module's Engine object and the plain export that
// web/plancalc.js calls (wasm/text_buffers.hpp), the request's bytes put into
// the input buffer once and the response left in wasm memory. What a whole
// call adds to it (encoding the request, decoding the response, JS's own
// work) is the JS side of a call.
async function loadEngineAlone(moduleFactory, wasmBinary) {
  const Module = await moduleFactory({ wasmBinary });
  const encoder = new TextEncoder();
  return (catalogText, op, request) => {
    const engine = new Module.Engine(catalogText);
    const body = encoder.encode(request);
    const name = encoder.encode(op);
    const input = engine.input(body.length + name.length);
    input.set(body);
    input.set(name, body.length);
    const address = engine.address();
    const result = engine.result() >>> 2;
    return {
      run: () => Module._plancalc_run(address, body.length, name.length),
      responseBytes: () => Module.HEAPU32[result + 1],
      dispose: () => engine.delete(),
    };
  };
}

async function benchCases(createEngine) {
  const index = JSON.parse(fs.readFileSync(path.join(ROOT, 'plans/index.json'), 'utf8'));
  const cases = [];
  for (const entry of index.catalogs) {
    const file = path.join(ROOT, 'plans', entry.file);
    const text = fs.readFileSync(file, 'utf8');
    const engine = await createEngine(text);
    const info = engine.describe();
    const start = '2026-03-01';
    const ok = (op, request) => {
      try {
        engine.call(op, request);
        return true;
      } catch {
        return false;
      }
    };
    const add = (op, candidates) => {
      const request = candidates.find((r) => ok(op, r));
      if (request) cases.push({ catalog: entry.id, catalog_file: file, op, request: JSON.stringify(request) });
    };
    const sold = info.plans.filter((p) => !p.trial && !p.on_request && !p.legacy);
    const qty = (p) => Math.max(p.min_quantity ?? 1, Math.min(10, p.max_quantity ?? 10));
    // The plan a customer most often looks at: the highest tier's first period.
    add('quote', sold.map((p) => ({ plan: p.id, quantity: qty(p), start, horizon_months: 36 })).reverse());
    add('compare', [{ quantity: sold.length ? qty(sold[0]) : 1, start, horizon_months: 36 }]);
    add('renew', [
      ...(info.products ?? []).map((p) => ({ product: p.id, support_end: '2026-05-31', date: '2026-06-20' })),
      ...sold.map((p) => ({ plan: p.id, quantity: qty(p), support_end: '2026-05-31', date: '2026-06-20' })),
    ]);
    add('sla', (info.tiers ?? []).filter((t) => t.sla).map((t) => ({ tier: t.id, opened: '2026-11-20T16:30+01:00' })));
    // A proposal (issue 18) of up to 3 items over 36 months: the highest tier's
    // plan with a step of one more unit, a product and a service where the
    // catalog has them, 10 % negotiated.
    const top = sold[sold.length - 1];
    const planItem = top && { plan: top.id, quantity: qty(top) };
    const more = planItem && planItem.quantity < (top.max_quantity ?? Infinity)
      ? { ...planItem, steps: [{ date: '2026-09-02', quantity: planItem.quantity + 1 }] } : planItem;
    const extras = [
      ...((info.products ?? []).slice(0, 1).map((p) => ({ product: p.id, quantity: 3, date: '2026-03-15' }))),
      ...((info.services ?? []).slice(0, 1).map((s) => ({ service: s.id, hours: 8 }))),
    ];
    const proposal = (items) => ({ issued: '2026-02-15', start, horizon_months: 36, items,
      discount: { percent: '10', reason: 'bench' } });
    add('proposal', [proposal([more, ...extras].filter(Boolean).slice(0, 3)),
      proposal([planItem, ...extras].filter(Boolean).slice(0, 3)), proposal(extras)].filter((r) => r.items.length));
    engine.dispose();
  }
  return cases;
}

// ---------------------------------------------------------------------------
async function measureSizes() {
  // What the page loads, recorded in the browser (catalogs excluded).
  const loaded = await pageFiles();
  let total = 0;
  const files = [];
  for (const rel of loaded) {
    const file = path.join(opts.site, rel);
    const raw = fs.statSync(file).size;
    const gz = gzipSize(file);
    total += gz;
    files.push({ file: rel, raw, gzip: gz });
  }
  files.sort((a, b) => b.gzip - a.gzip);
  results.page = { files, total };
  for (const f of files) rows.push(['page bytes', f.file, `${kb(f.gzip)} KB (raw ${kb(f.raw)} KB)`, '', '']);
  rows.push(['page bytes', `page + engine, ${files.length} files`, `${kb(total)} KB`, `≤ ${TARGETS.pageKB} KB`,
    total <= TARGETS.pageKB * 1024]);

  const widget = path.join(opts.site, 'plan-calculator.js');
  const wgz = gzipSize(widget);
  const index = JSON.parse(fs.readFileSync(path.join(ROOT, 'plans/index.json'), 'utf8'));
  const catalogsGz = gzipSize(writeTemp('catalogs.json',
    index.catalogs.map((c) => fs.readFileSync(path.join(ROOT, 'plans', c.file), 'utf8')).join('\n')));
  results.widget = { raw: fs.statSync(widget).size, gzip: wgz, catalogs_gzip: catalogsGz };
  rows.push(['widget bytes', `plan-calculator.js (raw ${kb(results.widget.raw)} KB; inlined catalogs alone ≈ ${kb(catalogsGz)} KB gz)`,
    `${kb(wgz)} KB`, `≤ ${TARGETS.widgetKB} KB`, wgz <= TARGETS.widgetKB * 1024]);
}

let tmpDir;
function writeTemp(name, content) {
  tmpDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'plancalc-bench-'));
  const file = path.join(tmpDir, name);
  fs.writeFileSync(file, content);
  return file;
}
process.on('exit', () => tmpDir && fs.rmSync(tmpDir, { recursive: true, force: true }));

// ---------------------------------------------------------------------------
// The browser: one headless Chromium (Debian's) on the static server.
const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
let browserState;
async function browser() {
  if (!browserState) {
    const { startServer } = await import(pathToFileURL(path.join(ROOT, 'scripts/static-server.mjs')).href);
    const { chromium } = await import('playwright-core');
    const server = await startServer({ root: opts.site, port: 0 });
    const b = await chromium.launch(LAUNCH);
    browserState = { server, browser: b };
  }
  return browserState;
}
async function closeBrowser() {
  if (!browserState) return;
  await browserState.browser.close();
  await browserState.server.close();
  browserState = null;
}

async function newPage() {
  const { browser: b } = await browser();
  const context = await b.newContext({ locale: 'en-GB', timezoneId: 'Europe/Madrid', serviceWorkers: 'block' });
  const page = await context.newPage();
  return { context, page };
}

const PAGE_QUERY = '?vendor=mailstore&quantity=25&horizon=36&start=2026-03-01&lang=en';
const RENDERED = 'plancalc:rendered'; // the panels on screen (web/panel-updates.js)
const ALL_RENDERED = 'plancalc:all-rendered'; // and the ones below the fold, a task later

async function pageFiles() {
  const { server } = await browser();
  const { context, page } = await newPage();
  const files = new Set();
  page.on('requestfinished', (req) => {
    const url = new URL(req.url());
    if (url.origin + '/' !== server.url) return;
    let rel = decodeURIComponent(url.pathname.slice(1)) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    if (!rel.startsWith('plans/')) files.add(rel);
  });
  await page.goto(server.url + PAGE_QUERY);
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, RENDERED, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await context.close();
  return [...files].sort();
}

async function measureBrowser() {
  const { server } = await browser();
  const loads = opts.quick ? 3 : 10;
  const first = [];
  const firstAll = [];
  for (let i = 0; i < loads; i++) {
    const { context, page } = await newPage();
    await page.goto(server.url + PAGE_QUERY);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, ALL_RENDERED, { timeout: 30_000 });
    // performance.mark times are from the navigation start (timeOrigin).
    const [shown, all] = await page.evaluate((marks) => marks.map((m) => performance.getEntriesByName(m)[0].startTime),
      [RENDERED, ALL_RENDERED]);
    first.push(shown);
    firstAll.push(all);
    await context.close();
  }
  const { context, page } = await newPage();
  await page.goto(server.url + PAGE_QUERY);
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, RENDERED, { timeout: 30_000 });
  // input → updated table: set the quantity, fire `input` (the page
  // recomputes synchronously), then force style and layout of the table;
  // one change per animation frame, as typing would.
  const changes = opts.quick ? 30 : 100;
  // The panels below the fold follow in the next task: a timer set after the
  // change fires after the page's, then style and layout are forced again.
  const { input, inputAll } = await page.evaluate(async (n) => {
    const quantity = document.getElementById('quantity');
    const table = document.getElementById('comparison');
    const layout = () => {
      table.getBoundingClientRect();
      document.body.offsetHeight; // eslint-disable-line no-unused-expressions
    };
    const times = { input: [], inputAll: [] };
    for (let i = 0; i < n; i++) {
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const t0 = performance.now();
      quantity.value = String(1 + (i % 60));
      quantity.dispatchEvent(new Event('input', { bubbles: true }));
      layout();
      times.input.push(performance.now() - t0);
      if (!table.querySelector('table')) throw new Error('no comparison table after a change');
      await new Promise((resolve) => setTimeout(resolve, 0));
      layout();
      times.inputAll.push(performance.now() - t0);
      if (document.querySelector('section[aria-busy]')) throw new Error('a panel still busy after a change');
    }
    return times;
  }, changes);
  await context.close();
  results.browser = { first_ms: first, first_all_ms: firstAll, input_ms: input, input_all_ms: inputAll };
  const firstMed = median(first);
  const inputMed = median(input);
  rows.push(['browser', `navigation → first comparison (median of ${loads} loads)`, `${firstMed.toFixed(0)} ms`,
    `≤ ${TARGETS.firstMs} ms`, firstMed <= TARGETS.firstMs]);
  rows.push(['browser', 'navigation → every panel rendered (the ones below the fold a task later)',
    `${median(firstAll).toFixed(0)} ms`, '', '']);
  rows.push(['browser', `input change → updated table (median of ${changes})`, `${inputMed.toFixed(2)} ms`,
    `≤ ${TARGETS.inputMs} ms`, inputMed <= TARGETS.inputMs]);
  rows.push(['browser', 'input change → every panel updated (includes the wait for the next task)',
    `${median(inputAll).toFixed(2)} ms`, '', '']);
}

// ---------------------------------------------------------------------------
// Operations per second, wasm and native, in alternating rounds per request:
// each round measures the wasm (in this process) and then the native engine
// (plancalc_bench, filtered to the one request) right after, and the ratio is
// the median of the rounds' ratios. This host's speed drifts by ±30 % within
// minutes; measured one whole side after the other, a ratio compared two
// different machines.
const regexEscape = (text) => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

function wasmRate(once) {
  const runs = opts.quick ? 1 : 3;
  const budgetMs = opts.quick ? 150 : 400;
  const perSec = [];
  for (let r = 0; r < runs; r++) {
    let n = 0;
    const t0 = process.hrtime.bigint();
    let elapsed = 0;
    do {
      for (let i = 0; i < 20; i++) once();
      n += 20;
      elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
    } while (elapsed < budgetMs);
    perSec.push(n / (elapsed / 1000));
  }
  return median(perSec);
}

// Runs until V8 has tiered the hot functions up from its baseline compiler
// (Liftoff): steady state, as a page that recomputes on input.
function warmUp(run) {
  const until = performance.now() + (opts.quick ? 300 : 1000);
  while (performance.now() < until) run();
}

function nativeRate(casesFile, name) {
  if (!fs.existsSync(opts.nativeBench)) throw new Error(`${opts.nativeBench} is missing (PLANCALC_BENCH=ON)`);
  const reps = opts.quick ? 1 : 3;
  const r = spawnSync(opts.nativeBench, ['--requests', casesFile, '--benchmark_format=json',
    `--benchmark_filter=^${regexEscape(name)}$`, `--benchmark_repetitions=${reps}`,
    '--benchmark_report_aggregates_only=true', `--benchmark_min_time=${opts.quick ? 0.1 : 0.3}`],
  { maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`plancalc_bench failed: ${r.stderr}`);
  const report = JSON.parse(r.stdout.toString('utf8'));
  const rates = report.benchmarks.filter((b) => b.run_name === name &&
    (reps === 1 ? !b.aggregate_name : b.aggregate_name === 'median')).map((b) => b.items_per_second);
  if (rates.length !== 1) throw new Error(`plancalc_bench reported no ${name}`);
  return rates[0];
}

async function measureOps({ createEngine, engineAlone }, cases, casesFile) {
  const rounds = opts.quick ? 2 : 5;
  const engines = new Map();
  const out = [];
  for (const c of cases) {
    const name = `${c.op}/${c.catalog}`;
    let once = null;
    let alone = null;
    let responseBytes;
    if (want('wasm')) {
      const catalogText = fs.readFileSync(c.catalog_file, 'utf8');
      if (!engines.has(c.catalog_file)) engines.set(c.catalog_file, await createEngine(catalogText));
      const engine = engines.get(c.catalog_file);
      // What a caller of the JS API does: request text in, response text out.
      once = () => engine.callRaw(c.op, c.request);
      warmUp(once);
      responseBytes = Buffer.byteLength(once());
      alone = engineAlone(catalogText, c.op, c.request);
      alone.run();
      if (alone.responseBytes() !== responseBytes) throw new Error(`${name}: the engine alone wrote another response`);
      warmUp(alone.run);
    }
    const wasm = [];
    const wasmAlone = [];
    const native = [];
    const ratios = [];
    for (let r = 0; r < rounds; r++) {
      if (once) wasm.push(wasmRate(once));
      if (alone) wasmAlone.push(wasmRate(alone.run));
      if (want('native')) native.push(nativeRate(casesFile, name));
      if (once && want('native')) ratios.push(native[r] / wasm[r]);
    }
    const aloneRatios = ratios.length && alone ? native.map((n, r) => n / wasmAlone[r]) : [];
    out.push({ name, wasm_per_sec: once ? median(wasm) : undefined,
      wasm_engine_alone_per_sec: alone ? median(wasmAlone) : undefined,
      native_per_sec: want('native') ? median(native) : undefined,
      ratio: ratios.length ? median(ratios) : NaN, engine_alone_ratio: aloneRatios.length ? median(aloneRatios) : NaN,
      response_bytes: responseBytes, rounds: { wasm, wasm_engine_alone: wasmAlone, native, ratios } });
    alone?.dispose();
  }
  for (const e of engines.values()) e.dispose();
  return out;
}

const fmtRate = (x) => (x >= 1e4 ? `${Math.round(x).toLocaleString('en-US')}` : x.toFixed(0)) + ' /s';

// ---------------------------------------------------------------------------
// Batch: 1,000,000 lines, generated into a temp file (never committed).
function batchLines(kind, n) {
  const plans = ['standard-annual', 'premium-annual'];
  const lines = [];
  const day = (i) => `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  for (let i = 0; i < 1000; i++) {
    const quote = JSON.stringify({ op: 'quote', plan: plans[i % 2], quantity: 1 + (i % 250), start: day(i),
      horizon_months: 12 + (i % 25) });
    if (kind === 'quote') {
      lines.push(quote);
      continue;
    }
    // mixed: 60 % quotes, then renew, sla, change, cancel, compare and
    // rejected requests (about 1 in 10).
    const k = i % 20;
    if (k < 12) lines.push(quote);
    else if (k === 12) lines.push(JSON.stringify({ op: 'renew', plan: plans[i % 2], quantity: 1 + (i % 50), support_end: day(i), date: day(i + 3) }));
    else if (k === 13) lines.push(JSON.stringify({ op: 'sla', tier: i % 2 ? 'premium' : 'standard', opened: `${day(i)}T16:30+01:00` }));
    else if (k === 14) lines.push(JSON.stringify({ op: 'change', plan: 'standard-annual', quantity: 10, start: '2026-01-01', date: day(i + 30), target: 'premium-annual' }));
    else if (k === 15) lines.push(JSON.stringify({ op: 'cancel', plan: plans[i % 2], start: '2026-01-01', date: day(i) }));
    else if (k === 16) lines.push(JSON.stringify({ op: 'compare', quantity: 1 + (i % 100), start: day(i), horizon_months: 36 }));
    else if (k === 17) lines.push(JSON.stringify({ op: 'quote', plan: 'gold', start: day(i) }));
    else if (k === 18) lines.push('{"op":"quote","plan":');
    else lines.push(JSON.stringify({ op: 'quote', plan: plans[i % 2], quantity: 0, start: day(i) }));
  }
  const block = lines.join('\n') + '\n';
  const file = writeTemp(`batch-${kind}.ndjson`, '');
  const fd = fs.openSync(file, 'w');
  for (let i = 0; i < n / 1000; i++) fs.writeSync(fd, block);
  fs.closeSync(fd);
  return file;
}

function runBatch(file, n) {
  return new Promise((resolve, reject) => {
    const cores = os.cpus().length;
    // One core: plancalc pinned with taskset when there is more than one; its
    // output counted by wc (a JS reader would compete for the CPU).
    const pin = cores > 1 ? 'taskset -c 0 ' : '';
    const script = `/usr/bin/time -v ${pin}"$1" batch --catalog "$2" < "$3" | wc -l`;
    const t0 = process.hrtime.bigint();
    const child = spawn('bash', ['-c', script, 'bench', opts.cli, path.join(ROOT, 'plans/mailstore.json'), file],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      if (code !== 0) return reject(new Error(`batch exited ${code}: ${stderr.slice(-500)}`));
      const lines = Number(stdout.trim());
      if (lines !== n) return reject(new Error(`batch answered ${lines} lines of ${n}`));
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      resolve({ seconds, per_sec: n / seconds, max_rss_kb: rss ? Number(rss[1]) : NaN,
        cpu_seconds: Number(user?.[1] ?? NaN) + Number(sys?.[1] ?? NaN) });
    });
  });
}

// The share of rejected requests in a batch input (from its first 1000 lines).
function rejectedShare(file) {
  const sample = fs.readFileSync(file, 'utf8').split('\n').slice(0, 1000).join('\n') + '\n';
  const r = spawnSync(opts.cli, ['batch', '--catalog', path.join(ROOT, 'plans/mailstore.json')],
    { input: sample, maxBuffer: 1 << 30 });
  const out = r.stdout.toString('utf8').split('\n').filter(Boolean);
  return out.filter((l) => l.startsWith('{"ok":false')).length / out.length;
}

async function measureBatch() {
  const n = opts.quick ? 100_000 : 1_000_000;
  results.batch = {};
  for (const kind of ['quote', 'mixed']) {
    log(`batch: ${n} ${kind} lines`);
    const file = batchLines(kind, n);
    const r = await runBatch(file, n);
    r.rejected = rejectedShare(file);
    fs.rmSync(file);
    results.batch[kind] = r;
    // Pinned to one core; per CPU second is what that core does, wall time
    // also counts whatever else the machine ran on it meanwhile.
    r.per_cpu_sec = n / r.cpu_seconds;
    const label = kind === 'quote' ? `${n.toLocaleString('en-US')} quote requests, one core` :
      `${n.toLocaleString('en-US')} mixed requests (${(100 * r.rejected).toFixed(0)} % rejected), one core`;
    rows.push(['batch', `${label}: per CPU second (wall clock)`, `${fmtRate(r.per_cpu_sec)} (${fmtRate(r.per_sec)})`,
      kind === 'quote' ? `≥ ${TARGETS.batchQuotesPerSec.toLocaleString('en-US')} /s` : '',
      kind === 'quote' ? r.per_cpu_sec >= TARGETS.batchQuotesPerSec : '']);
    rows.push(['batch', `peak memory (max RSS), ${kind}`, `${(r.max_rss_kb / 1024).toFixed(1)} MB`, `≤ ${TARGETS.batchMB} MB`,
      r.max_rss_kb <= TARGETS.batchMB * 1024]);
  }
}

// ---------------------------------------------------------------------------
// ---------------------------------------------------------------------------
// plancalc beside what a web developer would write instead (bench/peer-js:
// dinero.js + date-fns), in the same Chromium: time per comparison, bytes
// shipped, and whether the totals agree. plancalc is timed through the page's
// own JS API (engine.compare: request out, response parsed) and, to show
// where its time goes, as callRaw (the response text not parsed).
const PEER_CASES = [
  { vendor: 'mailstore', input: { quantity: 25, start: '2026-03-01', horizonMonths: 36 } },
  { vendor: 'invex', input: { quantity: 1, start: '2026-03-01', horizonMonths: 36, context: { deployment: 'cloud' } } },
];

async function measurePeer() {
  const { build } = await import('esbuild');
  const bundle = await build({
    entryPoints: [path.join(ROOT, 'bench/peer-js/peer-compare.mjs')], bundle: true, minify: true, format: 'esm',
    write: false, logLevel: 'silent',
  });
  const peerCode = bundle.outputFiles[0].contents;
  const peerGz = spawnSync('gzip', ['-9', '-c'], { input: Buffer.from(peerCode) }).stdout.length;
  const oursGz = ['plancalc.js', 'generated/plancalc-core.js', 'generated/plancalc-core.wasm']
    .reduce((sum, f) => sum + gzipSize(path.join(opts.site, f)), 0);
  rows.push(['peer', 'bytes, gzipped: plancalc (plancalc.js + engine .js + .wasm) · peer (its bundle, esbuild --minify)',
    `${kb(oursGz)} KB · ${kb(peerGz)} KB`, '', '']);

  const { server } = await browser();
  const { context, page } = await newPage();
  await page.route(`${server.url}__peer/**`, (route) => {
    const url = route.request().url();
    if (url.endsWith('peer.js')) return route.fulfill({ contentType: 'text/javascript', body: Buffer.from(peerCode) });
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>peer</title>' });
  });
  await page.goto(`${server.url}__peer/bench.html`);
  results.peer = [];
  for (const { vendor, input } of PEER_CASES) {
    const catalogText = fs.readFileSync(path.join(ROOT, `plans/${vendor}.json`), 'utf8');
    const r = await page.evaluate(async ({ catalogText, input, quick }) => {
      const { createEngine } = await import('/plancalc.js');
      const { peerCompare } = await import('/__peer/peer.js');
      const engine = await createEngine(catalogText);
      const catalog = JSON.parse(catalogText);
      const request = { quantity: input.quantity, start: input.start, horizon_months: input.horizonMonths,
        ...(input.context ? { context: input.context } : {}) };
      const ours = engine.compare(request);
      const peer = peerCompare(catalog, input);
      const totals = (rowsOf) => JSON.stringify(rowsOf.map((x) => [x.plan, x.first_period_total, x.horizon_total]));
      const agree = totals(ours.rows) === totals(peer.rows) && ours.cheapest.plan === peer.cheapest;
      // Per call in µs: runs of 0.2 s, alternating, median of the rounds.
      const time = (fn) => {
        for (let i = 0; i < 200; i++) fn();
        let n = 0;
        const t0 = performance.now();
        while (performance.now() - t0 < (quick ? 100 : 200)) { fn(); n++; }
        return ((performance.now() - t0) * 1000) / n;
      };
      const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
      const rounds = { compare: [], raw: [], peer: [] };
      for (let k = 0; k < (quick ? 3 : 7); k++) {
        rounds.compare.push(time(() => engine.compare(request)));
        rounds.raw.push(time(() => engine.callRaw('compare', request)));
        rounds.peer.push(time(() => peerCompare(catalog, input)));
      }
      const bytes = engine.callRaw('compare', request).length;
      engine.dispose();
      return { agree, bytes, compare: med(rounds.compare), raw: med(rounds.raw), peer: med(rounds.peer) };
    }, { catalogText, input, quick: opts.quick });
    results.peer.push({ vendor, ...r });
    const us = (x) => `${x.toFixed(1)} µs`;
    rows.push(['peer', `compare/${vendor}, per comparison: plancalc (parsed · text only) · peer · plancalc ÷ peer`,
      `${us(r.compare)} · ${us(r.raw)} · ${us(r.peer)} · ${(r.compare / r.peer).toFixed(2)}×`, '', '']);
    rows.push(['peer', `compare/${vendor}: the peer's totals equal plancalc's (every plan, first period and horizon)`,
      r.agree ? 'equal' : 'DIFFERENT', 'equal', r.agree]);
  }
  await context.close();
}

function printTable() {
  const header = ['part', 'what', 'measured', 'target', 'met'];
  const body = rows.map((r) => [r[0], r[1], r[2], r[3], r[4] === '' ? '' : r[4] ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)));
  const line = (r) => '| ' + r.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  console.log(line(header));
  console.log('| ' + widths.map((w) => '-'.repeat(w)).join(' | ') + ' |');
  for (const r of body) console.log(line(r));
}

async function main() {
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  results.machine = { date: new Date().toISOString().slice(0, 10), nproc: os.cpus().length, cpu,
    node: process.version, load: os.loadavg().map((x) => x.toFixed(2)).join(' ') };
  log(`${results.machine.date}, ${cpu}, nproc ${results.machine.nproc}, load ${results.machine.load}`);
  try {
    if (want('sizes')) {
      log('shipped bytes');
      await measureSizes();
    }
    if (want('browser')) {
      log('browser');
      await measureBrowser();
    }
    if (want('peer')) {
      log('beside the JavaScript peer (bench/peer-js)');
      await measurePeer();
    }
  } finally {
    await closeBrowser();
  }
  if (want('wasm') || want('native')) {
    const engines = await loadEngineModule();
    const cases = await benchCases(engines.createEngine);
    const casesFile = writeTemp('cases.json', JSON.stringify({ cases }));
    log('wasm in Node and native (Google Benchmark), alternating per request');
    results.ops = [];
    const times = (x) => (Number.isFinite(x) ? x.toFixed(2) + '×' : '—');
    for (const o of await measureOps(engines, cases, casesFile)) {
      const { name, wasm_per_sec: w, native_per_sec: n, ratio } = o;
      results.ops.push(o);
      rows.push(['ops', `${name} (${w ? kb(o.response_bytes) : '?'} KB out): wasm · native · native/wasm (engine alone)`,
        `${w ? fmtRate(w) : '—'} · ${n ? fmtRate(n) : '—'} · ${times(ratio)} (${times(o.engine_alone_ratio)})`,
        `≤ ${TARGETS.ratio}×`, Number.isFinite(ratio) ? ratio <= TARGETS.ratio : '']);
    }
  }
  if (want('batch')) await measureBatch();
  printTable();
  console.log(`\n${results.machine.date} · ${cpu} · nproc ${results.machine.nproc} · Node ${process.version} · load average at start ${results.machine.load}`);
  if (opts.json) fs.writeFileSync(opts.json, JSON.stringify(results, null, 2) + '\n');
}

main().catch(async (e) => {
  await closeBrowser().catch(() => {});
  console.error(`bench: ${e.stack ?? e}`);
  process.exit(1);
});
