/**
 * 及时性: the budget law asks a department to publish its budget within 20 days of the finance
 * bureau's approval (批复后二十日内). A disclosure states both dates; this decides, as a checked
 * fact, whether it met the rule, and says so in words the site and the check both use. A date
 * that is missing is never taken as "on time": the page says it cannot be checked.
 */

/** 批复后二十日内: calendar days, the day of approval not counted. */
export const PUBLICATION_DEADLINE_DAYS = 20;

export type Timeliness =
  | { readonly status: 'onTime'; readonly days: number }
  | { readonly status: 'late'; readonly days: number }
  /** Published before it was approved: one of the dates is wrong. */
  | { readonly status: 'beforeApproval'; readonly days: number }
  | { readonly status: 'undated'; readonly missing: readonly ('approvedOn' | 'publishedOn')[] };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `from` to `to` (YYYY-MM-DD), as the calendar counts them. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function timeliness(approvedOn: string | null, publishedOn: string | null): Timeliness {
  if (approvedOn === null || publishedOn === null) {
    return { status: 'undated', missing: [...(approvedOn === null ? ['approvedOn' as const] : []), ...(publishedOn === null ? ['publishedOn' as const] : [])] };
  }
  const days = daysBetween(approvedOn, publishedOn);
  if (days < 0) return { status: 'beforeApproval', days };
  return { status: days <= PUBLICATION_DEADLINE_DAYS ? 'onTime' : 'late', days };
}

/** The last day the disclosure may be published on: 批复日期 + 20 days. */
export function deadline(approvedOn: string): string {
  return new Date(Date.parse(`${approvedOn}T00:00:00Z`) + PUBLICATION_DEADLINE_DAYS * DAY_MS).toISOString().slice(0, 10);
}

/** `2024-01-20` → `2024年1月20日`, as Chinese official documents write dates. */
export function formatChineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
