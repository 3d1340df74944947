/**
 * What an import says: a stable code, where (`file`, `sheet!B7`, `file:line`), a message in
 * Chinese then English with what to do. Errors mean nothing is written; warnings are printed.
 */
export interface ImportIssue {
  readonly code: string;
  /** `sheet!B7`, `file.csv:12`, or the file name. */
  readonly at: string;
  readonly zh: string;
  readonly en: string;
  /** Error unless said otherwise. */
  readonly severity?: 'error' | 'warning';
}

export const isError = (issue: ImportIssue): boolean => issue.severity !== 'warning';

export const formatIssue = (issue: ImportIssue): string =>
  `${issue.at} ${isError(issue) ? '错误 error' : '警告 warning'} [${issue.code}] ${issue.zh} / ${issue.en}`;
