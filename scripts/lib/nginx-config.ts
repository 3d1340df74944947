/**
 * The shipped nginx configuration, deploy/nginx/gongkai.conf, filled in for one server. The file
 * is a template with `{{NAME}}` placeholders so that an administrator reads real nginx syntax,
 * and the browser tests serve the site with that very file (scripts/lib/e2e-nginx.ts) rather
 * than with a configuration of their own.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const NGINX_TEMPLATE_PATH = resolve(import.meta.dirname, '../../deploy/nginx/gongkai.conf');

/** Lines that only make sense when the site is not at the server's root (marked so in the template). */
const SUB_PATH_ONLY = '# gongkai:sub-path-only';

export interface NginxSiteParameters {
  /** The sub-path the site was built for, e.g. `/yjsgk/` (or `/`). */
  readonly base: string;
  /** The absolute folder that contains the site under the sub-path (`<root>/yjsgk/index.html`). */
  readonly root: string;
  /** nginx `listen` parameters, e.g. `80` or `127.0.0.1:8080`. */
  readonly listen: string;
  /** nginx `server_name`; `_` answers any host. */
  readonly serverName: string;
}

/** `/yjsgk/`, `/a/b/` or `/`: the shape Astro's `base` and the map's regular expressions accept. */
const BASE = /^\/(?:[A-Za-z0-9_-]+\/)*$/;
/** Characters that would end or bend an nginx directive. */
const UNSAFE = /[\s;{}'"#$\\]/;

export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** The template with every placeholder filled; throws on a value nginx would misread, or a placeholder left over. */
export function renderNginxConfig(template: string, parameters: NginxSiteParameters): string {
  const base = normaliseBase(parameters.base);
  if (!BASE.test(base))
    throw new Error(`nginx: the sub-path ${JSON.stringify(parameters.base)} may hold only letters, digits, - and _ between slashes (e.g. /yjsgk/)`);
  if (!parameters.root.startsWith('/') || UNSAFE.test(parameters.root)) {
    throw new Error(`nginx: the site root must be an absolute path without spaces, quotes, ; # $ { } or \\ (got ${JSON.stringify(parameters.root)})`);
  }
  if (!/^[A-Za-z0-9.:[\]_ -]+$/.test(parameters.listen) || parameters.listen.trim() === '')
    throw new Error(`nginx: unusable listen parameters ${JSON.stringify(parameters.listen)}`);
  if (!/^[A-Za-z0-9.*_ -]+$/.test(parameters.serverName) || parameters.serverName.trim() === '')
    throw new Error(`nginx: unusable server name ${JSON.stringify(parameters.serverName)}`);
  const values: Record<string, string> = {
    SITE_BASE: base,
    SITE_BASE_NO_SLASH: base.replace(/\/$/, ''),
    SITE_ROOT: parameters.root.replace(/\/+$/, '') || '/',
    LISTEN: parameters.listen.trim(),
    SERVER_NAME: parameters.serverName.trim(),
  };
  const lines = template
    .split('\n')
    .filter((line) => base !== '/' || !line.includes(SUB_PATH_ONLY))
    .map((line) => line.replace(` ${SUB_PATH_ONLY}`, ''));
  const filled = lines.join('\n').replace(/\{\{([A-Z_]+)\}\}/g, (placeholder, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`nginx: the template names an unknown placeholder ${placeholder}`);
    return value;
  });
  return filled;
}

export function readNginxTemplate(path = NGINX_TEMPLATE_PATH): string {
  return readFileSync(path, 'utf8');
}
