/**
 * The list of departments and units a region expects to publish, year by year, for the coverage
 * view (src/lib/site/coverage.ts): `disclosures/<regionCode>/expected.yaml`. It sits in the
 * region's folder so a sharded build (shards are by region) reads it with the region it covers.
 *
 * ```yaml
 * region: {code: "310107", name: 上海市普陀区}
 * departments:
 *   - code: ptwl                       # the department's folder / code
 *     name: 上海市普陀区人民政府万里街道办事处
 *     budgetYears: [2023, 2024, 2025]  # years a 预算 is expected
 *     finalYears: [2024]               # years a 决算 is expected (optional)
 *     units:                           # its 所属单位, as the disclosures name them (optional)
 *       - {name: 上海市普陀区人民政府万里街道办事处（本部）}
 *       - {code: "001001", name: …, years: [2024]}   # only in those years (renamed, merged…)
 * ```
 *
 * Every problem is a finding at its file and line, in Chinese first, like the other content files.
 */
import { z } from 'zod';
import { finding, type Finding, type SourcePosition } from '../findings.ts';
import type { Disclosure } from '../disclosure/model.ts';
import { parseContentFile } from './parse-file.ts';
import { regionSchema, unitCode } from './schema.ts';

/** The file's name inside `disclosures/<regionCode>/`. */
export const EXPECTED_FILE = 'expected.yaml';

const year = z.coerce.number().int().min(1990, '年度应为 1990–2100 / year must be 1990–2100').max(2100, '年度应为 1990–2100 / year must be 1990–2100');

export const expectedFileSchema = z.strictObject({
  region: regionSchema,
  departments: z
    .array(
      z.strictObject({
        /** The department's code, as its disclosures' folder and `department.code` spell it. */
        code: z.string().min(1),
        name: z.string().min(1),
        /** Years whose 预算 is expected. */
        budgetYears: z.array(year).default([]),
        /** Years whose 决算 is expected. */
        finalYears: z.array(year).default([]),
        /** Its 所属单位: a code where the documents print one, and the name as printed. */
        units: z
          .array(
            z.strictObject({
              code: unitCode.optional(),
              name: z.string().min(1),
              /** The years the unit is expected (its name as that year's disclosures print it); absent: every year of the department. */
              years: z.array(year).optional(),
            }),
          )
          .default([]),
      }),
    )
    .min(1),
});

export interface ExpectedUnit {
  readonly code: string | null;
  readonly name: string;
  /** null: every year of its department. */
  readonly years: readonly number[] | null;
}

export interface ExpectedDepartment {
  readonly code: string;
  readonly name: string;
  readonly budgetYears: readonly number[];
  readonly finalYears: readonly number[];
  readonly units: readonly ExpectedUnit[];
  readonly at: SourcePosition;
}

/** A region's expected departments, as its `expected.yaml` lists them. */
export interface ExpectedRegion {
  readonly region: { readonly code: string; readonly name: string };
  readonly departments: readonly ExpectedDepartment[];
  readonly file: string;
}

const FILE_PATH = /^disclosures\/([^/]+)\/expected\.yaml$/;

/** Whether a content path (relative to the content folder) is a region's expected list. */
export const isExpectedFile = (relativePath: string): boolean => FILE_PATH.test(relativePath);

/**
 * Parses one region's expected list. `folder` is the region folder's name (its code), which the
 * file's `region.code` must equal.
 */
export function parseExpectedFile(text: string, file: string, folder: string): { value: ExpectedRegion | null; findings: Finding[] } {
  const parsed = parseContentFile(text, file, expectedFileSchema);
  const findings: Finding[] = [...parsed.findings];
  if (!parsed.value) return { value: null, findings };
  const { source, value } = parsed;
  if (value.region.code !== folder) {
    findings.push(
      finding({
        code: 'expected.regionMismatch',
        severity: 'error',
        zh: `地区代码 ${value.region.code} 与所在文件夹 disclosures/${folder}/ 不一致`,
        en: `region code ${value.region.code} does not match its folder disclosures/${folder}/`,
        at: source.positionOf(['region', 'code']),
        expected: folder,
        actual: value.region.code,
      }),
    );
  }
  const seen = new Set<string>();
  const departments = value.departments.map((d, i): ExpectedDepartment => {
    if (seen.has(d.code)) {
      findings.push(
        finding({
          code: 'expected.duplicateDepartment',
          severity: 'error',
          zh: `部门 ${d.code} 列出了两次`,
          en: `department ${d.code} is listed twice`,
          at: source.positionOf(['departments', i, 'code']),
          actual: d.code,
        }),
      );
    }
    seen.add(d.code);
    for (const key of ['budgetYears', 'finalYears'] as const) {
      const years = d[key];
      years.forEach((y, j) => {
        if (years.indexOf(y) !== j) {
          findings.push(
            finding({
              code: 'expected.duplicateYear',
              severity: 'error',
              zh: `部门 ${d.code} 的 ${key} 中 ${y} 年出现两次`,
              en: `year ${y} appears twice in ${key} of department ${d.code}`,
              at: source.positionOf(['departments', i, key, j]),
              actual: String(y),
            }),
          );
        }
      });
    }
    if (d.budgetYears.length === 0 && d.finalYears.length === 0) {
      findings.push(
        finding({
          code: 'expected.noYears',
          severity: 'error',
          zh: `部门 ${d.code} 没有列出任何应公开年度（budgetYears 或 finalYears）`,
          en: `department ${d.code} lists no expected year (budgetYears or finalYears)`,
          at: source.positionOf(['departments', i]),
        }),
      );
    }
    return {
      code: d.code,
      name: d.name,
      budgetYears: [...new Set(d.budgetYears)].sort((a, b) => a - b),
      finalYears: [...new Set(d.finalYears)].sort((a, b) => a - b),
      units: d.units.map((u) => ({ code: u.code ?? null, name: u.name, years: u.years ?? null })),
      at: source.positionOf(['departments', i]),
    };
  });
  return { value: { region: value.region, departments, file }, findings };
}

/**
 * What the lists say about the disclosures loaded beside them: a disclosure of a listed region
 * whose department the list does not name is a warning at the list (the coverage view would not
 * show it), as is a published year the list does not expect.
 */
export function expectedFindings(regions: readonly ExpectedRegion[], disclosures: readonly Pick<Disclosure, 'region' | 'department' | 'year' | 'phase'>[]): Finding[] {
  const findings: Finding[] = [];
  for (const region of regions) {
    const inRegion = disclosures.filter((d) => d.region.code === region.region.code);
    for (const d of inRegion) {
      const listed = region.departments.find((e) => e.code === d.department.code);
      if (!listed) {
        findings.push(
          finding({
            code: 'expected.unlistedDepartment',
            severity: 'warning',
            zh: `内容中有部门 ${d.department.code}（${d.department.name}）${d.year}年的公开，但 ${EXPECTED_FILE} 没有列出该部门`,
            en: `the content has a ${d.year} disclosure of department ${d.department.code} (${d.department.name}), which ${EXPECTED_FILE} does not list`,
            at: { file: region.file, line: 1, column: 1 },
            actual: d.department.code,
          }),
        );
        continue;
      }
      const years = d.phase === 'final' ? listed.finalYears : listed.budgetYears;
      if (!years.includes(d.year)) {
        findings.push(
          finding({
            code: 'expected.unlistedYear',
            severity: 'warning',
            zh: `部门 ${d.department.code} 有${d.year}年${d.phase === 'final' ? '决算' : '预算'}公开，但 ${d.phase === 'final' ? 'finalYears' : 'budgetYears'} 没有列出该年度`,
            en: `department ${d.department.code} has a ${d.year} ${d.phase} disclosure, which its ${d.phase === 'final' ? 'finalYears' : 'budgetYears'} does not list`,
            at: listed.at,
            actual: String(d.year),
          }),
        );
      }
    }
  }
  return findings;
}
