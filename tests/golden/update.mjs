// Regenerates tests/golden/cases/*.expected.json from the native CLI, for a
// person to review with `git diff`. Run through scripts/update-golden.
//   node tests/golden/update.mjs [NAME ...]
import fs from 'node:fs';
import { listCases, orphanExpectedFiles, loadCase, runCli } from './corpus.mjs';

const only = new Set(process.argv.slice(2));
const cases = listCases().filter((c) => only.size === 0 || only.has(c.name));
const unknown = [...only].filter((n) => !cases.some((c) => c.name === n));
let problems = 0;
for (const n of unknown) {
  console.error(`update-golden: no case named ${n}`);
  problems++;
}
if (cases.length === 0 && unknown.length === 0) {
  console.error('update-golden: no cases in tests/golden/cases');
  process.exit(1);
}

let changed = 0;
for (const c of cases) {
  let k;
  let run;
  try {
    k = loadCase(c);
    run = runCli(k);
  } catch (err) {
    console.error(`update-golden: ${c.name}: ${err.message}`);
    problems++;
    continue;
  }
  const text = run.stdout.toString('utf8');
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const sane = (run.status === 0 || run.status === 1) && text.endsWith('}\n') &&
    json && typeof json.ok === 'boolean' && (run.status === 0) === json.ok;
  if (!sane) {
    console.error(`update-golden: ${c.name}: CLI exit ${run.status ?? run.signal}, not a response; not written`);
    if (run.stderr.trim()) console.error(run.stderr.trim());
    problems++;
    continue;
  }
  const old = fs.existsSync(c.expectedFile) ? fs.readFileSync(c.expectedFile) : null;
  if (!old || !old.equals(run.stdout)) {
    fs.writeFileSync(c.expectedFile, run.stdout);
    console.log(`${old ? 'updated' : 'created'} ${c.name}.expected.json`);
    changed++;
  }
}
for (const name of orphanExpectedFiles()) {
  console.error(`update-golden: ${name}.expected.json has no ${name}.case.json`);
  problems++;
}
console.log(`update-golden: ${cases.length} cases, ${changed} changed${problems ? `, ${problems} problems` : ''}`);
process.exit(problems ? 1 : 0);
