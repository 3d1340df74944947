/**
 * Funding sources by the names clerks know them: the printed labels of the 收支总表
 * (`经费拨款`, `事业收入` …) are accepted wherever a source id (`appropriation`) is, so a clerk
 * who writes what the form prints is understood rather than told an English word.
 */
import { FUNDING_SOURCES, SOURCE_INFO, type FundingSource } from '../ledger/sources.ts';

/** Other printed spellings of the same line. */
const EXTRA_NAMES: Readonly<Record<string, FundingSource>> = {
  财政拨款: 'appropriation',
  经费拨款收入: 'appropriation',
  政府性基金: 'govFund',
  政府性基金预算拨款: 'govFund',
  国有资本经营预算拨款: 'stateCapital',
  财政专户管理资金: 'specialAccount',
  事业单位经营收入: 'businessIncome',
  经营收入: 'businessIncome',
  上级补助收入: 'superiorGrant',
};

const BY_NAME: ReadonlyMap<string, FundingSource> = new Map<string, FundingSource>([
  ...FUNDING_SOURCES.map((id) => [SOURCE_INFO[id].label, id] as const),
  ...Object.entries(EXTRA_NAMES),
]);

/** The source id a value names: an id as is, a Chinese name as its id, anything else unchanged (for the schema to reject). */
export function sourceIdOf(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim().replace(/[\s\u3000]+/g, '');
  return BY_NAME.get(trimmed) ?? value;
}

/** Every source as `id（中文名）`, for messages that list what may be written. */
export const SOURCE_CHOICES = FUNDING_SOURCES.map((id) => `${id}（${SOURCE_INFO[id].label}）`).join(' | ');
