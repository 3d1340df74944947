/**
 * A throwaway nginx for the browser tests, serving the built site with the configuration the
 * repository ships (deploy/nginx/gongkai.conf, filled in by `renderNginxConfig`): the tests see
 * the headers, types, compression and 404 page a real server gives. Around it only what a
 * stock nginx.conf has and a test run must move: the pid file, the logs and nginx's temp paths
 * go into a temporary folder, which also holds the document root (a link to the site under its
 * sub-path, e.g. /yjsgk/), so nothing touches /etc/nginx or /var. nginx runs in the foreground
 * (`daemon off;`) as our child process; `stop()` asks it to quit and removes the folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { normaliseBase, readNginxTemplate, renderNginxConfig } from './nginx-config.ts';

/** Debian's own types file: included as stock nginx.conf does, so the shipped file must override it. */
const STOCK_MIME_TYPES = '/etc/nginx/mime.types';

export interface NginxConfigOptions {
  /** The temporary folder holding everything nginx writes. */
  readonly prefix: string;
  /** The shipped site configuration, already rendered for this run (included from the main file). */
  readonly siteConfig: string;
  /** Whether nginx's master runs as root (then workers must be told to stay root to read the files). */
  readonly asRoot: boolean;
  /** Debian's mime.types when it exists. */
  readonly stockMimeTypes?: string | undefined;
}

/**
 * The main nginx.conf of a test run: Debian's stock http settings (mime.types, gzip on for HTML),
 * with the run's own pid, logs and temp paths, and the shipped site configuration included.
 */
export function nginxConfig(options: NginxConfigOptions): string {
  const { prefix, siteConfig, asRoot, stockMimeTypes } = options;
  const path = (name: string) => join(prefix, name);
  return `# Written by scripts/lib/e2e-nginx.ts for one test run; everything nginx writes stays in ${prefix}.
${asRoot ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${path('nginx.pid')};
error_log ${path('error.log')} warn;
events { worker_connections 256; }
http {
  sendfile on;
  tcp_nopush on;
  types_hash_max_size 2048;
${stockMimeTypes ? `  include ${stockMimeTypes};\n` : ''}  default_type application/octet-stream;
  gzip on;
  access_log ${path('access.log')};
  client_body_temp_path ${path('tmp/client_body')};
  proxy_temp_path ${path('tmp/proxy')};
  fastcgi_temp_path ${path('tmp/fastcgi')};
  uwsgi_temp_path ${path('tmp/uwsgi')};
  scgi_temp_path ${path('tmp/scgi')};
  include ${siteConfig};
}
`;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface RunningSite {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** `http://127.0.0.1:<port>/yjsgk/` */
  readonly baseUrl: string;
  readonly prefix: string;
  stop(): Promise<void>;
}

export interface ServeOptions {
  readonly nginx: string;
  /** The built site. nginx reads it through a link, so it must not be rebuilt while the tests run. */
  readonly siteDir: string;
  readonly base: string;
  /** Keep the temporary folder after stopping (to read the logs). */
  readonly keep?: boolean;
}

/** Links the site in at `<prefix>/www/<base>` and starts nginx on a free port; retries if the port was taken meanwhile. */
export async function serveWithNginx(options: ServeOptions): Promise<RunningSite> {
  const base = normaliseBase(options.base);
  const prefix = mkdtempSync(join(tmpdir(), 'gongkai-e2e-'));
  mkdirSync(join(prefix, 'tmp'));
  const segments = base.split('/').filter(Boolean);
  let root = resolve(options.siteDir);
  if (segments.length > 0) {
    root = join(prefix, 'www');
    const mount = join(root, ...segments);
    mkdirSync(dirname(mount), { recursive: true });
    symlinkSync(resolve(options.siteDir), mount, 'dir');
  }
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const conf = join(prefix, 'nginx.conf');
    const siteConfig = join(prefix, 'gongkai.conf');
    writeFileSync(siteConfig, renderNginxConfig(readNginxTemplate(), { base, root, listen: `127.0.0.1:${port}`, serverName: '127.0.0.1' }));
    writeFileSync(conf, nginxConfig({ prefix, siteConfig, asRoot, stockMimeTypes: existsSync(STOCK_MIME_TYPES) ? STOCK_MIME_TYPES : undefined }));
    // -e: the startup error log goes here too, not to /var/log/nginx.
    const child = spawn(options.nginx, ['-p', prefix, '-c', conf, '-e', join(prefix, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const origin = `http://127.0.0.1:${port}`;
    try {
      await waitUntilServing(child, `${origin}${base}`, () => stderr || readLog(prefix));
      return {
        origin,
        baseUrl: `${origin}${base}`,
        prefix,
        stop: async () => {
          await stopChild(child);
          if (!options.keep) rmSync(prefix, { recursive: true, force: true });
        },
      };
    } catch (error) {
      lastError = error;
      await stopChild(child);
    }
  }
  if (!options.keep) rmSync(prefix, { recursive: true, force: true });
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

function readLog(prefix: string): string {
  const log = join(prefix, 'error.log');
  return existsSync(log) ? readFileSync(log, 'utf8') : '';
}

async function waitUntilServing(child: ChildProcess, url: string, diagnostics: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`nginx exited (${child.exitCode ?? child.signalCode}) before serving ${url}:\n${diagnostics()}`);
    }
    try {
      const response = await fetch(url, { redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status === 200) return;
      throw new Error(`nginx answers ${url} with HTTP ${response.status}: is the site built (index.html)?`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('nginx answers')) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`nginx did not answer ${url} within 10 s:\n${diagnostics()}`);
}

/** SIGQUIT is nginx's graceful shutdown; SIGKILL if it has not gone after 5 s. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGQUIT');
  });
}
