/**
 * Catalogue rules beyond names (which the loader checks): every econDept code a ledger row uses
 * must map to an econGov code for its unit's type, or the tables by 政府经济分类 would drop it.
 */
import { econGovFor } from '../catalogue/catalogue.ts';
import { finding, type Finding } from '../findings.ts';
import type { DisclosureRule } from './rule.ts';

const UNIT_TYPE_LABEL = { admin: ['行政单位', 'administrative unit'], institution: ['事业单位', 'public institution'] } as const;

/**
 * An econDept code with no econGov target for the unit's type. Reported once per code and unit
 * type, at its first row. Codes the catalogue does not know at all are the loader's
 * `catalogue.unknownCode`, not repeated here.
 */
export const econDeptCodesMapToEconGov: DisclosureRule = (d, context) => {
  const unitTypes = new Map(d.units.map((u) => [u.code, u.type]));
  const reported = new Set<string>();
  const findings: Finding[] = [];
  for (const row of d.ledger) {
    const unitType = unitTypes.get(row.unit);
    if (!unitType || !d.catalogue.econDept.has(row.econ)) continue;
    const target = econGovFor(d.catalogue, row.econ, unitType);
    if (target !== undefined && target !== '') continue;
    const key = `${row.econ}:${unitType}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const [typeZh, typeEn] = UNIT_TYPE_LABEL[unitType];
    findings.push(
      finding({
        code: 'catalogue.noMapping',
        severity: 'error',
        zh: `部门经济分类科目 ${row.econ} 没有${typeZh}对应的政府经济分类科目：请在 disclosure.yaml 的 catalogue.mapping 中补充（unitType: ${unitType}）`,
        en: `econDept code ${row.econ} has no econGov mapping for a ${typeEn}: add one under catalogue.mapping in disclosure.yaml (unitType: ${unitType})`,
        at: context.fieldPosition(row.at, 'econ'),
        expected: `econGov mapping for ${unitType}`,
        actual: row.econ,
      }),
    );
  }
  return findings;
};

export const CATALOGUE_RULES: readonly DisclosureRule[] = [econDeptCodesMapToEconGov];
