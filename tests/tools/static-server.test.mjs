// scripts/static-server.mjs: MIME types, security headers, and no way out of
// the served root.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';

import { startServer, CSP } from '../../scripts/static-server.mjs';

let dir;
let root;
let server;

// Raw GET, so that paths like /../x reach the server unnormalized.
function get(urlPath, method = 'GET') {
  return new Promise((resolve, reject) => {
    const { port } = server.server.address();
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plancalc-server-'));
  root = path.join(dir, 'site');
  fs.mkdirSync(path.join(root, 'generated'), { recursive: true });
  fs.mkdirSync(path.join(root, 'plans'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(root, 'app.js'), 'export {};');
  fs.writeFileSync(path.join(root, 'styles.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'plans', 'index.json'), '[]');
  fs.writeFileSync(path.join(root, 'generated', 'plancalc-core.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside');
  fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'link.txt'));
  server = await startServer({ root, port: 0 });
});

after(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('static server', () => {
  test('prints a loopback URL', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test('serves files with their MIME types', async () => {
    const expected = {
      '/': 'text/html; charset=utf-8',
      '/index.html': 'text/html; charset=utf-8',
      '/app.js': 'text/javascript; charset=utf-8',
      '/styles.css': 'text/css; charset=utf-8',
      '/plans/index.json': 'application/json; charset=utf-8',
      '/generated/plancalc-core.wasm': 'application/wasm',
    };
    for (const [p, type] of Object.entries(expected)) {
      const res = await get(p);
      assert.equal(res.status, 200, p);
      assert.equal(res.headers['content-type'], type, p);
    }
    const wasm = await get('/generated/plancalc-core.wasm');
    assert.deepEqual([...wasm.body], [0, 97, 115, 109, 1, 0, 0, 0]);
  });

  test('sends the CSP and no-store on every response', async () => {
    for (const p of ['/', '/app.js', '/missing']) {
      const res = await get(p);
      assert.equal(res.headers['content-security-policy'], CSP, p);
      assert.equal(res.headers['cache-control'], 'no-store', p);
    }
    assert.equal(CSP, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
  });

  test('answers 404 for missing files and anything outside the root', async () => {
    for (const p of ['/missing.js', '/../secret.txt', '/%2e%2e/secret.txt', '/plans/..%2f..%2fsecret.txt',
      '/..%5csecret.txt', '/link.txt', '/%00', '/%E0%A4%A']) {
      const res = await get(p);
      assert.equal(res.status, 404, p);
      assert.ok(!res.body.toString().includes('outside'), p);
    }
  });

  test('query strings are ignored; HEAD has no body; POST is refused', async () => {
    assert.equal((await get('/app.js?v=1#x')).status, 200);
    const head = await get('/app.js', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.equal((await get('/app.js', 'POST')).status, 405);
  });
});
