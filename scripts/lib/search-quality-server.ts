/**
 * A tiny static file server for measuring (and browser-testing) search on a built site: serves `dir`
 * under `base` (the site's SITE_BASE) on 127.0.0.1 at a free port. It compresses what the shipped
 * nginx configuration compresses (deploy/nginx/gongkai.conf: gzip at nginx's default level 1 for
 * HTML, JS, CSS and JSON; Pagefind's index files are gzip data already and go as they are), so the
 * bytes a browser downloads here are the bytes a reader of a deployed site downloads.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What the shipped nginx configuration gzips (its gzip_types). */
const COMPRESSED = new Set(['.html', '.js', '.css', '.json', '.csv', '.svg']);

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The site's root URL: origin + base. */
  readonly siteUrl: string;
  /** Body bytes served since the last call, by path: a cross-check of what the browser reports. */
  takeServed(): Map<string, number>;
  close(): Promise<void>;
}

/** The file for a request path, or undefined when it is outside the site or missing. */
export function resolveRequest(dir: string, base: string, pathname: string): string | undefined {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (!pathname.startsWith(prefix)) return undefined;
  let relativePath: string;
  try {
    relativePath = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return undefined;
  }
  const file = normalize(join(dir, relativePath));
  if (file !== normalize(dir) && !file.startsWith(normalize(dir) + sep)) return undefined;
  if (!existsSync(file)) return undefined;
  if (statSync(file).isDirectory()) {
    const index = join(file, 'index.html');
    return pathname.endsWith('/') && existsSync(index) ? index : undefined;
  }
  return file;
}

export async function serveStatic(dir: string, base = '/'): Promise<StaticServer> {
  let served = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = resolveRequest(dir, base, pathname);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404');
      return;
    }
    if (COMPRESSED.has(extname(file)) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      const body = gzipSync(readFileSync(file), { level: 1 });
      served.set(pathname, (served.get(pathname) ?? 0) + body.length);
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'content-encoding': 'gzip',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      response.end(body);
      return;
    }
    const size = statSync(file).size;
    served.set(pathname, (served.get(pathname) ?? 0) + size);
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('static server: no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    siteUrl: `${origin}${base.endsWith('/') ? base : `${base}/`}`,
    takeServed: () => {
      const taken = served;
      served = new Map();
      return taken;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
