/**
 * Reads a content folder from disk: the only file-system access of the content layer.
 * `CONTENT_DIR` names another folder (a shard of a larger site, a test fixture).
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ContentError, finding, hasErrors } from '../findings.ts';
import { layoutFindings } from './content-layout.ts';
import { displayPath, scanContentDir, type ContentTree } from './content-tree.ts';
import { loadContent, type ContentFile, type LoadResult } from './load.ts';

/** The content folder in use: `CONTENT_DIR` when set, else `./content`. */
export function contentDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env['CONTENT_DIR'] && env['CONTENT_DIR'].trim() !== '' ? env['CONTENT_DIR'] : 'content';
}

/**
 * Every YAML and Markdown file below `dir` that can be read, sorted, with paths as the user would
 * type them. Files refused by {@link scanContentDir} (links leaving the folder, oversized, not
 * UTF-8) are left out here and reported by {@link loadContentDir}.
 */
export function readContentFiles(dir: string): ContentFile[] {
  return [...scanContentDir(dir).files];
}

/**
 * Loads `dir`, reporting a missing or empty folder as a finding rather than an empty site.
 * `tree`: the folder as the caller has read it already (the build reads it once, a shard only its part).
 */
export function loadContentDir(dir: string = contentDir(), given?: ContentTree): LoadResult {
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
  const tree = given ?? scanContentDir(dir);
  const root = displayPath(resolve(dir));
  const loaded = loadContent(tree.files, root);
  const result: LoadResult = { ...loaded, findings: [...tree.findings, ...layoutFindings(tree.paths, root === '' ? '' : `${root.replace(/\/+$/, '')}/`), ...loaded.findings] };
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
