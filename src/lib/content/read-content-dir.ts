/**
 * Reads a content folder from disk: the only file-system access of the content layer.
 * `CONTENT_DIR` names another folder (a shard of a larger site, a test fixture).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { ContentError, finding, hasErrors } from '../findings.ts';
import { loadContent, type ContentFile, type LoadResult } from './load.ts';

const CONTENT_EXTENSIONS = /\.(ya?ml|md)$/;

/** The content folder in use: `CONTENT_DIR` when set, else `./content`. */
export function contentDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env['CONTENT_DIR'] && env['CONTENT_DIR'].trim() !== '' ? env['CONTENT_DIR'] : 'content';
}

/** Every YAML and Markdown file below `dir`, sorted, with paths as the user would type them. */
export function readContentFiles(dir: string): ContentFile[] {
  const root = resolve(dir);
  const files: ContentFile[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith('.')) continue;
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (CONTENT_EXTENSIONS.test(name)) {
        files.push({ path: displayPath(full), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(root);
  return files;
}

/** A path as messages show it: relative to the working directory when below it. */
export const displayPath = (full: string): string => {
  const rel = relative(process.cwd(), full);
  return (rel.startsWith('..') ? full : rel).split(sep).join('/');
};

/**
 * Loads `dir`, reporting a missing or empty folder as a finding rather than an empty site.
 * `files`: the folder's files when the caller has read them already (the build reads once).
 */
export function loadContentDir(dir: string = contentDir(), files?: readonly ContentFile[]): LoadResult {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return {
      disclosures: [],
      catalogues: new Map(),
      findings: [
        finding({
          code: 'setup.contentDirMissing',
          severity: 'error',
          zh: `内容目录不存在：${dir}（请检查 CONTENT_DIR）`,
          en: `content folder does not exist: ${dir} (check CONTENT_DIR)`,
          at: { file: dir, line: 1, column: 1 },
        }),
      ],
    };
  }
  const result = loadContent(files ?? readContentFiles(dir), displayPath(resolve(dir)));
  if (result.disclosures.length === 0 && !hasErrors(result.findings)) {
    return {
      ...result,
      findings: [
        ...result.findings,
        finding({
          code: 'setup.noDisclosures',
          severity: 'error',
          zh: `内容目录 ${dir} 中没有任何公开（disclosures/**/disclosure.yaml）`,
          en: `content folder ${dir} holds no disclosure (disclosures/**/disclosure.yaml)`,
          at: { file: dir, line: 1, column: 1 },
        }),
      ],
    };
  }
  return result;
}

/** Loads and throws a {@link ContentError} when anything is wrong: for the build, which must not publish a wrong number. */
export function loadContentOrThrow(dir: string = contentDir()): LoadResult {
  const result = loadContentDir(dir);
  if (hasErrors(result.findings)) throw new ContentError(result.findings);
  return result;
}
