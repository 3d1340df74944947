/**
 * `npm run check`: validates the content folder and reports every finding, so a clerk can fix them
 * all in one pass. Kept here, away from process globals, so tests can run it like the CLI.
 */
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

const USAGE = '用法 usage: node scripts/check.ts [--json]   (内容目录 content folder: CONTENT_DIR, 默认 default ./content)';

export function runCheck(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  rules: readonly DisclosureRule[] = [],
): CheckOutcome {
  const unknown = argv.filter((arg) => arg !== '--json');
  if (unknown.length > 0) return { exitCode: 2, output: `未知参数 unknown argument: ${unknown.join(' ')}\n${USAGE}\n` };
  const dir = contentDir(env);
  const { result, findings } = validateContentDir(dir, rules);
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const exitCode = errors.length > 0 ? 1 : 0;
  if (argv.includes('--json')) {
    const report: CheckReport = { findings, errors: errors.length, warnings: warnings.length };
    return { exitCode, output: `${JSON.stringify(report, null, 2)}\n` };
  }
  const disclosures = result.disclosures.length;
  const summary =
    `内容目录 ${dir}：${disclosures} 份公开，${errors.length} 个错误，${warnings.length} 个警告` +
    ` / content folder ${dir}: ${disclosures} disclosure(s), ${errors.length} error(s), ${warnings.length} warning(s)` +
    (exitCode === 0 ? '' : ' — 不能发布 / cannot be published');
  const lines = [...errors, ...warnings].map(formatFinding);
  return { exitCode, output: [...lines, summary].join('\n') + '\n' };
}
