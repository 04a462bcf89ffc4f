// Every command README.md shows for the CLI runs as a new user would paste
// it: from the repository's root, through a shell, against the built
// build/native/plancalc, and exits 0 with output. Commands are the lines of
// the README's code blocks (and its inline `code`) that start with
// build/native/plancalc or pipe into it (echo '…' | build/native/plancalc …),
// so a README that drifts from the CLI, or names a file the repository does
// not have, fails here.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = 'build/native/plancalc';

/**
 * The CLI commands of a Markdown text, in order: lines of fenced code (joined
 * at a trailing backslash) and inline code spans.
 */
function readmeCommands(markdown) {
  const commands = [];
  const isCommand = (line) => line.startsWith(`${CLI} `) || line.includes(`| ${CLI} `);
  let fence = null;
  let pending = '';
  for (const raw of markdown.split('\n')) {
    const line = raw.trimEnd();
    const marker = /^\s*(```+|~~~+)/.exec(line);
    if (marker && (fence === null || marker[1].startsWith(fence))) {
      fence = fence === null ? marker[1] : null;
      continue;
    }
    if (fence === null) {
      for (const [, span] of line.matchAll(/`([^`]+)`/g)) if (isCommand(span.trim())) commands.push(span.trim());
      continue;
    }
    const text = pending + line.trim();
    if (text.endsWith('\\')) {
      pending = `${text.slice(0, -1).trimEnd()} `;
      continue;
    }
    pending = '';
    if (isCommand(text)) commands.push(text);
  }
  // One run per command, however it is aligned.
  const seen = new Set();
  return commands.filter((c) => {
    const key = c.replace(/\s+/g, ' ');
    return !seen.has(key) && seen.add(key);
  });
}

const commands = readmeCommands(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'));

describe('README.md: every CLI command runs as written', () => {
  test('the README shows the CLI commands this test knows it has', () => {
    assert.ok(fs.existsSync(path.join(ROOT, CLI)), `${CLI} is missing: run scripts/build --native-only`);
    assert.ok(commands.length >= 8, `only ${commands.length} commands found:\n${commands.join('\n')}`);
    for (const op of ['quote', 'compare', 'sla', 'check', 'batch', '--request -', '--request docs/']) {
      assert.ok(commands.some((c) => c.includes(` ${op}`)), `no README command with ${op}`);
    }
  });

  for (const command of commands) {
    test(command, () => {
      const r = spawnSync('/bin/sh', ['-c', command], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      assert.equal(r.error, undefined);
      assert.equal(r.status, 0, `exit ${r.status}\nstderr: ${r.stderr}\nstdout: ${r.stdout.slice(0, 500)}`);
      assert.ok(r.stdout.trim().length > 0, `no output (stderr: ${r.stderr})`);
      // A JSON answer is a successful one; a table is not an error line.
      for (const line of r.stdout.split('\n').filter((l) => l.startsWith('{'))) {
        assert.equal(JSON.parse(line).ok, true, line.slice(0, 300));
      }
    });
  }

  test('a README naming a file that is not there fails', () => {
    const [bad] = readmeCommands(`\`\`\`\n${CLI} quote --catalog plans/v8pro.json --request req.json\n\`\`\`\n`);
    const r = spawnSync('/bin/sh', ['-c', bad], { cwd: ROOT, encoding: 'utf8' });
    assert.notEqual(r.status, 0);
  });

  test('the extraction: fences, continuations, pipelines, inline code; not other commands', () => {
    const md = [
      '```', 'scripts/test', `${CLI} quote \\`, '  --catalog x.json', `echo '{}' | ${CLI} describe --catalog x.json`, '```',
      `Run \`${CLI} check plans/\` or \`plancalc --help\`.`,
      '```js', `// ${CLI} quote`, '```',
    ].join('\n');
    assert.deepEqual(readmeCommands(md), [
      `${CLI} quote --catalog x.json`, `echo '{}' | ${CLI} describe --catalog x.json`, `${CLI} check plans/`,
    ]);
  });
});
