/**
 * What a disclosure page states about its source and its timeliness: the source document (with a
 * link when the content names one), the original file and its SHA-256, 批复日期 and 公开日期, the
 * 20-day rule as a checked statement, and the 更新记录. Plain data for the page; every sentence
 * comes from strings.ts.
 */
import { t } from '../i18n/strings.ts';
import type { Disclosure } from '../disclosure/model.ts';
import { deadline, formatChineseDate, PUBLICATION_DEADLINE_DAYS, timeliness, type Timeliness } from './timeliness.ts';

export interface PublicationFacts {
  readonly title: string;
  readonly url: string | null;
  readonly file: string | null;
  readonly sha256: string | null;
  /** Shown dates, or the words for "not stated". */
  readonly approvedOn: string;
  readonly publishedOn: string;
  readonly timeliness: Timeliness['status'];
  /** The 20-day rule, checked, in one sentence. */
  readonly statement: string;
  readonly revisions: readonly { readonly on: string; readonly note: string }[];
}

const FIELD = { approvedOn: 'provenance.approvedOn', publishedOn: 'provenance.publishedOn' } as const;

export function timelinessStatement(result: Timeliness, approvedOn: string | null): string {
  const limit = PUBLICATION_DEADLINE_DAYS;
  switch (result.status) {
    case 'onTime':
      return t('timeliness.onTime', { days: result.days, limit });
    case 'late':
      return t('timeliness.late', { days: result.days, limit, deadline: formatChineseDate(deadline(approvedOn ?? '')) });
    case 'beforeApproval':
      return t('timeliness.beforeApproval');
    case 'undated':
      return t('timeliness.undated', { missing: result.missing.map((m) => t(FIELD[m])).join(t('timeliness.and')), limit });
  }
}

export function publicationFacts(d: Pick<Disclosure, 'provenance' | 'publication'>): PublicationFacts {
  const approvedOn = d.publication?.approvedOn ?? null;
  const publishedOn = d.publication?.publishedOn ?? null;
  const result = timeliness(approvedOn, publishedOn);
  const shown = (date: string | null) => (date === null ? t('provenance.notStated') : formatChineseDate(date));
  return {
    title: d.provenance.title,
    url: d.provenance.url ?? null,
    file: d.provenance.file ?? null,
    sha256: d.provenance.sha256 ?? null,
    approvedOn: shown(approvedOn),
    publishedOn: shown(publishedOn),
    timeliness: result.status,
    statement: timelinessStatement(result, approvedOn),
    revisions: (d.publication?.revisions ?? []).map((r) => ({ on: formatChineseDate(r.on), note: r.note })),
  };
}
