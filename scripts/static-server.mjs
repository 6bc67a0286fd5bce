// A small static file server with no dependencies.
//   node scripts/static-server.mjs ROOT
// Listens on $HOST (default 127.0.0.1) and $PORT (default 8080). Serves only
// files inside ROOT (symlinks that lead outside are refused), GET and HEAD only.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
};

const rootArg = process.argv[2];
if (!rootArg) {
  console.error('usage: node scripts/static-server.mjs ROOT   (env: PORT, HOST)');
  process.exit(2);
}
let root;
try {
  root = fs.realpathSync(path.resolve(rootArg));
  if (!fs.statSync(root).isDirectory()) throw new Error('not a directory');
} catch (err) {
  console.error(`static-server: cannot serve ${rootArg}: ${err.message}`);
  process.exit(2);
}
const host = process.env.HOST || '127.0.0.1';
const port = Number.parseInt(process.env.PORT || '8080', 10);

function isInside(p) {
  return p === root || p.startsWith(root + path.sep);
}

function send(res, status, text, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

// Maps a URL path to a regular file inside root, or null.
function resolveFile(urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  let candidate = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  if (!isInside(candidate)) return null;
  try {
    candidate = fs.realpathSync(candidate);
    if (!isInside(candidate)) return null;
    let stat = fs.statSync(candidate);
    if (stat.isDirectory()) {
      candidate = path.join(candidate, 'index.html');
      candidate = fs.realpathSync(candidate);
      if (!isInside(candidate)) return null;
      stat = fs.statSync(candidate);
    }
    return stat.isFile() ? { file: candidate, stat } : null;
  } catch {
    return null;
  }
}

const server = http.createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  let pathname;
  try {
    pathname = new URL(req.url, 'http://localhost').pathname;
  } catch {
    send(res, 400, 'Bad Request\n');
    return;
  }
  // A directory URL without a trailing slash: redirect so relative links work.
  const found = resolveFile(pathname);
  if (!found) {
    send(res, 404, 'Not Found\n');
    return;
  }
  if (!pathname.endsWith('/') && path.basename(found.file) === 'index.html' &&
      !pathname.endsWith('index.html')) {
    res.writeHead(301, { Location: pathname + '/' });
    res.end();
    return;
  }
  const type = MIME[path.extname(found.file).toLowerCase()] || 'application/octet-stream';
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': found.stat.size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = fs.createReadStream(found.file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
});

server.on('error', (err) => {
  if (err.code === 'EADDRINUSE') {
    console.error(`static-server: ${host}:${port} is already in use; set PORT to another port.`);
  } else {
    console.error(`static-server: ${err.message}`);
  }
  process.exit(1);
});

server.listen(port, host, () => {
  let shownHost = host === '127.0.0.1' || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  if (shownHost.includes(':')) shownHost = `[${shownHost}]`;
  const actualPort = server.address().port;
  console.log(`Serving ${root} on http://${shownHost}:${actualPort}/  (Ctrl-C to stop)`);
});

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    server.closeAllConnections();
    process.exit(0);
  });
}
