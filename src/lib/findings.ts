/**
 * Findings: what validation says about content. Every finding has a stable code, a message in
 * Chinese and English, and the place in the content it is about, so a clerk can go straight to it.
 */

export type Severity = 'error' | 'warning';

/** A place in a content file; line and column count from 1 as editors show them. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Finding extends SourcePosition {
  /** Stable identifier, e.g. `amount.tooManyDecimals`; tools and tests key on it, never on the text. */
  readonly code: string;
  readonly severity: Severity;
  /** The message in Chinese, for the clerks who publish. */
  readonly zh: string;
  /** The message in English. */
  readonly en: string;
  /** What the content should say, where that is known. */
  readonly expected?: string;
  /** What the content says. */
  readonly actual?: string;
}

export interface FindingInput {
  readonly code: string;
  readonly severity: Severity;
  readonly zh: string;
  readonly en: string;
  readonly at: SourcePosition;
  readonly expected?: string;
  readonly actual?: string;
}

export function finding(input: FindingInput): Finding {
  return {
    code: input.code,
    severity: input.severity,
    zh: input.zh,
    en: input.en,
    file: input.at.file,
    line: input.at.line,
    column: input.at.column,
    ...(input.expected === undefined ? {} : { expected: input.expected }),
    ...(input.actual === undefined ? {} : { actual: input.actual }),
  };
}

export const hasErrors = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'error');

/** Orders findings by file, line, column and code so reports are stable from run to run. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}

/** One finding as a line an editor's terminal can jump from: `file:line:column error code 中文 / English (expected …, actual …)`. */
export function formatFinding(f: Finding): string {
  const detail = [f.expected === undefined ? '' : `应为 expected: ${f.expected}`, f.actual === undefined ? '' : `实为 actual: ${f.actual}`]
    .filter(Boolean)
    .join('; ');
  const label = f.severity === 'error' ? '错误 error' : '警告 warning';
  return `${f.file}:${f.line}:${f.column} ${label} [${f.code}] ${f.zh} / ${f.en}${detail ? ` (${detail})` : ''}`;
}

/** Thrown when content cannot be published; carries every finding, not only the first. */
export class ContentError extends Error {
  readonly findings: readonly Finding[];
  constructor(findings: readonly Finding[]) {
    const errors = findings.filter((f) => f.severity === 'error');
    super(`内容有 ${errors.length} 处错误，无法发布 / content has ${errors.length} error(s):\n${errors.map(formatFinding).join('\n')}`);
    this.name = 'ContentError';
    this.findings = findings;
  }
}
