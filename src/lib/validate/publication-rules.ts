/**
 * 及时性 as a check the clerk sees before publishing: a disclosure published more than 20 days
 * after approval is a warning (the site still builds and the page says the same thing); a
 * publication date before the approval date is an error, since one of the two dates is wrong.
 * A disclosure without the dates is not a finding here but a failed item of the compliance
 * self-check (src/lib/compliance), which `npm run check` prints after the findings: content
 * written before the dates existed must not gain a warning on every file.
 */
import { finding, type Finding } from '../findings.ts';
import type { Publication } from '../disclosure/model.ts';
import { deadline, formatChineseDate, PUBLICATION_DEADLINE_DAYS, timeliness } from '../publication/timeliness.ts';
import type { DisclosureRule, RuleContext } from './rule.ts';

export const publishedWithinTwentyDays: DisclosureRule = (d, context) => (d.publication ? publicationFindings(d.publication, context) : []);

/** The findings about one disclosure's 批复日期 and 公开日期. */
export function publicationFindings(publication: Publication, context: Pick<RuleContext, 'yamlSource'>): Finding[] {
  const position = (field: 'approvedOn' | 'publishedOn') => context.yamlSource(publication.at.file)?.positionOf([field]) ?? publication.at;
  const result = timeliness(publication.approvedOn, publication.publishedOn);
  switch (result.status) {
    case 'onTime':
      return [];
    case 'undated':
      return [];
    case 'late':
      return [
        finding({
          code: 'publication.late',
          severity: 'warning',
          zh: `批复后第${result.days}日才公开，超过${PUBLICATION_DEADLINE_DAYS}日的期限（应不晚于${formatChineseDate(deadline(publication.approvedOn ?? ''))}）`,
          en: `published ${result.days} days after approval, later than the ${PUBLICATION_DEADLINE_DAYS}-day limit`,
          at: position('publishedOn'),
          expected: `≤ ${deadline(publication.approvedOn ?? '')}`,
          actual: publication.publishedOn ?? '',
        }),
      ];
    case 'beforeApproval':
      return [
        finding({
          code: 'publication.beforeApproval',
          severity: 'error',
          zh: `公开日期早于批复日期${-result.days}日：其中一个日期有误`,
          en: `publication date is ${-result.days} days before the approval date: one of them is wrong`,
          at: position('publishedOn'),
          expected: `≥ ${publication.approvedOn ?? ''}`,
          actual: publication.publishedOn ?? '',
        }),
      ];
  }
}

export const PUBLICATION_RULES: readonly DisclosureRule[] = [publishedWithinTwentyDays];
