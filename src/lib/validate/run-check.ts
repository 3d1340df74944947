/**
 * `npm run check`: validates the content folder and reports every finding, so a clerk can fix them
 * all in one pass. Kept here, away from process globals, so tests can run it like the CLI.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { displayPath } from '../content/content-tree.ts';
import { contentDir } from '../content/read-content-dir.ts';
import { formatFinding, type Finding } from '../findings.ts';
import type { DisclosureRule } from './rule.ts';
import { validateContentDir } from './validate-content.ts';

export interface CheckOutcome {
  /** 0: publishable (warnings allowed); 1: errors; 2: the command was called wrongly. */
  readonly exitCode: 0 | 1 | 2;
  /** What the command prints to standard output. */
  readonly output: string;
}

export interface CheckReport {
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
}

const USAGE =
  '用法 usage: node scripts/check.ts [--json] [公开文件夹 disclosure folder]   (内容目录 content folder: CONTENT_DIR, 默认 default ./content；' +
  '给出公开文件夹时只报告该公开的问题 / with a disclosure folder, only its findings are reported)';

export function runCheck(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, rules: readonly DisclosureRule[] = []): CheckOutcome {
  const unknown = argv.filter((arg) => arg.startsWith('-') && arg !== '--json');
  const folders = argv.filter((arg) => !arg.startsWith('-'));
  if (unknown.length > 0 || folders.length > 1) {
    return {
      exitCode: 2,
      output: `${unknown.length > 0 ? `未知参数 unknown argument: ${unknown.join(' ')}` : '只能给出一个文件夹 / give one folder only'}\n${USAGE}\n`,
    };
  }
  const scope = folders[0] === undefined ? undefined : checkScope(folders[0]);
  if (scope && 'error' in scope) return { exitCode: 2, output: `${scope.error}\n${USAGE}\n` };
  const dir = scope?.root ?? contentDir(env);
  const { result, findings: all } = validateContentDir(dir, rules);
  // Inside the folder, or about no disclosure at all (catalogues, the content folder itself).
  const inScope = (f: Finding) =>
    !scope?.folder || f.file.startsWith(scope.folder) || (!f.file.includes('/disclosures/') && !f.file.startsWith('disclosures/'));
  const findings = all.filter(inScope);
  const hidden = all.length - findings.length;
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const exitCode = errors.length > 0 ? 1 : 0;
  if (argv.includes('--json')) {
    const report: CheckReport = { findings, errors: errors.length, warnings: warnings.length };
    return { exitCode, output: `${JSON.stringify(report, null, 2)}\n` };
  }
  const only = scope?.folder;
  const disclosures = only ? result.disclosures.filter((d) => d.files.disclosure.startsWith(only)).length : result.disclosures.length;
  const where = only ?? dir;
  const summary =
    `${scope?.folder ? '公开文件夹' : '内容目录'} ${where}：${disclosures} 份公开，${errors.length} 个错误，${warnings.length} 个警告` +
    (hidden > 0 ? `（其他公开的 ${hidden} 条问题未显示）` : '') +
    ` / ${scope?.folder ? 'disclosure folder' : 'content folder'} ${where}: ${disclosures} disclosure(s), ${errors.length} error(s), ${warnings.length} warning(s)` +
    (hidden > 0 ? ` (${hidden} finding(s) of other disclosures not shown)` : '') +
    (exitCode === 0 ? '' : ' — 不能发布 / cannot be published');
  const lines = [...errors, ...warnings].map(formatFinding);
  return { exitCode, output: [...lines, summary].join('\n') + '\n' };
}

/**
 * What `npm run check -- <folder>` checks: a content folder as a whole, or one disclosure folder
 * (anything below `…/disclosures/`) inside the content folder that holds it — validated with its
 * catalogues and neighbours (last year's figures), reported alone.
 */
export function checkScope(folder: string): { root: string; folder?: string } | { error: string } {
  const full = resolve(folder);
  if (!existsSync(full) || !statSync(full).isDirectory()) {
    return { error: `文件夹不存在：${folder} / no such folder: ${folder}` };
  }
  if (existsSync(join(full, 'disclosures')) || existsSync(join(full, 'catalogues'))) return { root: folder };
  const shown = displayPath(full);
  const at = `/${shown}/`.lastIndexOf('/disclosures/');
  if (at < 0) {
    return { error: `${folder} 既不是内容目录，也不在其 disclosures/ 之下 / ${folder} is neither a content folder nor inside its disclosures/` };
  }
  const root = at === 0 ? '.' : shown.slice(0, at - 1);
  return { root, folder: `${shown}/` };
}
