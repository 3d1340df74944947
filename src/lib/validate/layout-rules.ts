/**
 * What a disclosure's place in the content folder promises: `disclosures/<行政区划代码>/<部门编码>/<年度>/`
 * is how a reader (and the next clerk) finds it, so the folder and the file must say the same, and
 * a disclosure that publishes performance forms must have the file they are made from.
 */
import { yearSegment } from '../site/routes.ts';
import { packOf } from '../templates/registry.ts';
import { definitionFor } from '../templates/template-pack.ts';
import { finding, type Finding } from '../findings.ts';
import type { DisclosureRule } from './rule.ts';

/** The folder names of `disclosures/<region>/<department>/<year>/disclosure.yaml`, when the path has that shape. */
export function folderNames(path: string): { region: string; department: string; year: string } | undefined {
  const match = /(?:^|\/)disclosures\/([^/]+)\/([^/]+)\/([^/]+)\/disclosure\.yaml$/.exec(path);
  return match ? { region: match[1] ?? '', department: match[2] ?? '', year: match[3] ?? '' } : undefined;
}

export const folderMatchesContent: DisclosureRule = (d, context) => {
  const names = folderNames(d.files.disclosure);
  if (!names) return [];
  const source = context.yamlSource(d.files.disclosure);
  const checks = [
    // A 决算 lives beside the 预算 of its year: its folder is `<year>-final`, as its URL.
    ['year', '年度', 'year', names.year, yearSegment(d), ['year']],
    ['department', '部门编码', 'department code', names.department, d.department.code, ['department', 'code']],
    ['region', '行政区划代码', 'region code', names.region, d.region.code, ['region', 'code']],
  ] as const;
  return checks
    .filter(([, , , folder, content]) => folder !== content)
    .map(([, zh, en, folder, content, path]): Finding =>
      finding({
        code: 'disclosure.folderMismatch',
        severity: 'error',
        zh: `文件夹名表示${zh}为 ${folder}，disclosure.yaml 中写的是 ${content}：请改正其中写错的一处（文件夹应为 disclosures/<行政区划代码>/<部门编码>/<年度>/，决算为 <年度>-final）`,
        en: `the folder says ${en} ${folder}, disclosure.yaml says ${content}: correct whichever is wrong (folders are disclosures/<region>/<department>/<year>/, <year>-final for a 决算)`,
        at: source ? source.positionOf(path) : { file: d.files.disclosure, line: 1, column: 1 },
        expected: folder,
        actual: content,
      }),
    );
};

/** The performance forms are made from performance.yaml: publishing them without it would print empty forms. */
export const performanceFileForForms: DisclosureRule = (d, context) => {
  const pack = packOf(d);
  const forms = d.providedTables.filter((id) => definitionFor(pack, id)?.source === 'forms').map((id) => definitionFor(pack, id)?.title ?? id);
  if (forms.length === 0 || d.files.performance !== null) return [];
  const source = context.yamlSource(d.files.disclosure);
  const data = source?.data;
  const hasTables = data !== null && typeof data === 'object' && 'tables' in (data as object);
  return [
    finding({
      code: 'disclosure.performanceMissing',
      severity: 'error',
      zh: `公开了${forms.join('、')}，但同一文件夹中没有 performance.yaml：请补上 performance.yaml，或在 tables 中去掉这些表`,
      en: `the disclosure publishes ${forms.join(', ')} (performance forms) but its folder has no performance.yaml: add it, or list tables without them`,
      at: source && hasTables ? source.keyPositionOf(['tables']) : { file: d.files.disclosure, line: 1, column: 1 },
      expected: 'performance.yaml',
    }),
  ];
};

export const LAYOUT_RULES: readonly DisclosureRule[] = [folderMatchesContent, performanceFileForForms];
