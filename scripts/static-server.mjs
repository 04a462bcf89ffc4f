// A tiny static file server for the built site (no dependencies).
//
//   node scripts/static-server.mjs [--root DIR] [--port N] [--host H]
//
// Serves only regular files inside the root, with the MIME types the page
// needs (application/wasm for streaming compilation), a strict
// Content-Security-Policy (no inline script, no eval; wasm allowed) and
// Cache-Control: no-store. Port 0 picks a free port. Prints the URL once
// listening, as the first line on stdout:  serving DIR on http://HOST:PORT/
// Also importable: startServer({root, port, host}) -> {server, url, close()}.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const BASE_HEADERS = {
  'Content-Security-Policy': CSP,
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function send(res, status, body, headers = {}) {
  res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

// Resolves a URL path to a file inside root, or null. Rejects anything that
// escapes the root (.., encoded slashes, NUL) and symlinks pointing outside.
function resolveInside(rootReal, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const parts = decoded.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) return null;
  let candidate = path.join(rootReal, ...parts);
  let stat;
  try {
    stat = fs.statSync(candidate);
    if (stat.isDirectory()) {
      candidate = path.join(candidate, 'index.html');
      stat = fs.statSync(candidate);
    }
  } catch {
    return null;
  }
  if (!stat.isFile()) return null;
  const real = fs.realpathSync(candidate);
  if (real !== rootReal && !real.startsWith(rootReal + path.sep)) return null;
  return real;
}

export function startServer({ root, port = 0, host = '127.0.0.1' } = {}) {
  const rootReal = fs.realpathSync(root);
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    let pathname;
    try {
      pathname = new URL(req.url, 'http://localhost').pathname;
    } catch {
      send(res, 400, 'bad request\n');
      return;
    }
    const file = resolveInside(rootReal, pathname);
    if (!file) {
      send(res, 404, 'not found\n');
      return;
    }
    const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
    const size = fs.statSync(file).size;
    res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': type, 'Content-Length': size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = fs.createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        server,
        url: `http://${shownHost}:${actual}/`,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(() => done()); }),
      });
    });
  });
}

function parseArgs(argv) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const opts = { root: path.join(here, '..', 'build', 'site'), port: Number(process.env.PORT || 8080), host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--root') opts.root = value();
    else if (flag === '--port') opts.port = Number(value());
    else if (flag === '--host') opts.host = value();
    else {
      console.error(`usage: static-server.mjs [--root DIR] [--port N] [--host H] (unknown: ${argv[i]})`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    console.error(`static-server: invalid port ${opts.port}`);
    process.exit(2);
  }
  return opts;
}

function isMain() {
  try {
    return import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(opts.root)) {
    console.error(`static-server: ${opts.root} does not exist (run scripts/build)`);
    process.exit(1);
  }
  startServer(opts).then(({ url }) => {
    console.log(`serving ${opts.root} on ${url}`);
  }, (err) => {
    console.error(`static-server: ${err.message}`);
    process.exit(1);
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
}
