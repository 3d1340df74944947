/**
 * From content files to resolved disclosures. Pure: the caller hands in the files' texts (see
 * `read-content-dir.ts`), so every rule here is testable with in-memory fixtures.
 *
 * Layout of a content folder:
 *   catalogues/<year>/{functional,econ-dept,econ-gov,econ-mapping}.yaml
 *   disclosures/<any folders>/disclosure.yaml  (+ ledger.yaml, performance.yaml, notes.md beside it)
 */
import { catalogueYearFor, withAdditions, type Catalogue, type CatalogueEntry, type CatalogueKind, type MappingEntry } from '../catalogue/catalogue.ts';
import { finding, type Finding, type SourcePosition } from '../findings.ts';
import {
  disclosureId,
  UNIT_BUDGET_LINES,
  type CoarseFacts,
  type DeclaredThreePublic,
  type Disclosure,
  type Fact,
  type FinalAccounts,
  type FundBalances,
  type Indicator,
  type LedgerRow,
  type PrintedCell,
  type ProjectForm,
  type ThreePublicItems,
  type UnitForm,
} from '../disclosure/model.ts';
import type { z } from 'zod';
import type { Amount } from '../money.ts';
import { definitionFor } from '../templates/template-pack.ts';
import { templatePack, templatePacks } from '../templates/registry.ts';
import {
  catalogueFileSchema,
  disclosureFileSchema,
  type finalAccountsSchema,
  ledgerFileSchema,
  mappingFileSchema,
  performanceFileSchema,
  type Indicator as RawIndicator,
  type RawAmount,
} from './schema.ts';
import { AmountReader, parseContentFileOf } from './parse-file.ts';
import { expectedFindings, isExpectedFile, parseExpectedFile, type ExpectedRegion } from './coverage-file.ts';
import type { YamlSource } from './yaml-source.ts';

export interface ContentFile {
  /** Path relative to the working directory, with forward slashes; used in every message. */
  readonly path: string;
  readonly text: string;
}

export interface LoadResult {
  readonly disclosures: readonly Disclosure[];
  readonly catalogues: ReadonlyMap<number, Catalogue>;
  readonly findings: readonly Finding[];
  /** Each region's list of expected departments and units (`disclosures/<region>/expected.yaml`), when it has one. */
  readonly expected?: readonly ExpectedRegion[];
}

const CATALOGUE_FILES: Readonly<Record<CatalogueKind, string>> = {
  functional: 'functional.yaml',
  econDept: 'econ-dept.yaml',
  econGov: 'econ-gov.yaml',
};
const MAPPING_FILE = 'econ-mapping.yaml';

/**
 * Loads every catalogue and disclosure under `root` (a path prefix of the files, e.g. `content`).
 * `catalogues`, when given, are used instead of the files' catalogues (the importer loads them once).
 */
export function loadContent(files: readonly ContentFile[], root: string, preloaded?: ReadonlyMap<number, Catalogue>): LoadResult {
  const findings: Finding[] = [];
  const prefix = root.replace(/\/+$/, '') + '/';
  const relative = (path: string) => (path.startsWith(prefix) ? path.slice(prefix.length) : path);
  const byPath = new Map(files.map((f) => [relative(f.path), f]));

  const catalogues = preloaded ? new Map(preloaded) : loadCatalogues(byPath, findings);
  const disclosureFiles = [...byPath.keys()].filter((p) => /^disclosures\/(.+\/)?disclosure\.yaml$/.test(p)).sort();
  const disclosures: Disclosure[] = [];
  for (const path of disclosureFiles) {
    const folder = path.slice(0, -'disclosure.yaml'.length);
    const disclosure = loadDisclosure(folder, byPath, catalogues, findings);
    if (disclosure) disclosures.push(disclosure);
  }

  const seen = new Map<string, Disclosure>();
  for (const d of disclosures) {
    const earlier = seen.get(d.id);
    if (earlier) {
      findings.push(
        finding({
          code: 'disclosure.duplicate',
          severity: 'error',
          zh: `同一部门同一年度出现两次（另见 ${earlier.files.disclosure}）`,
          en: `the same department and year appear twice (see also ${earlier.files.disclosure})`,
          at: { file: d.files.disclosure, line: 1, column: 1 },
          actual: d.id,
        }),
      );
    } else seen.set(d.id, d);
  }
  const expected = loadExpected(byPath, findings);
  findings.push(...expectedFindings(expected, [...seen.values()]));
  return { disclosures: [...seen.values()], catalogues, findings, expected };
}

/** The regions' expected lists (coverage-file.ts), by region code. */
function loadExpected(byPath: ReadonlyMap<string, ContentFile>, findings: Finding[]): ExpectedRegion[] {
  const regions: ExpectedRegion[] = [];
  for (const path of [...byPath.keys()].filter(isExpectedFile).sort()) {
    const file = byPath.get(path);
    if (!file) continue;
    const parsed = parseExpectedFile(file.text, file.path, path.split('/')[1] ?? '');
    findings.push(...parsed.findings);
    if (parsed.value) regions.push(parsed.value);
  }
  return regions;
}

function loadCatalogues(byPath: ReadonlyMap<string, ContentFile>, findings: Finding[]): Map<number, Catalogue> {
  const years = new Set<number>();
  for (const path of byPath.keys()) {
    const match = /^catalogues\/(\d{4})\//.exec(path);
    if (match?.[1]) years.add(Number(match[1]));
  }
  const catalogues = new Map<number, Catalogue>();
  for (const year of [...years].sort()) {
    const entries = {} as Record<CatalogueKind, Map<string, CatalogueEntry>>;
    const sources = {} as Record<CatalogueKind | 'mapping', string>;
    let complete = true;
    for (const kind of Object.keys(CATALOGUE_FILES) as CatalogueKind[]) {
      const file = byPath.get(`catalogues/${year}/${CATALOGUE_FILES[kind]}`);
      entries[kind] = new Map();
      if (!file) {
        findings.push(missingFile(`catalogues/${year}/${CATALOGUE_FILES[kind]}`));
        complete = false;
        continue;
      }
      const parsed = parseContentFileOf(file, catalogueFileSchema);
      findings.push(...parsed.findings);
      if (!parsed.value) {
        complete = false;
        continue;
      }
      sources[kind] = parsed.value.source;
      parsed.value.entries.forEach((entry, index) => {
        if (entries[kind].has(entry.code)) {
          findings.push(duplicateCode(parsed.source, ['entries', index, 'code'], entry.code));
          return;
        }
        entries[kind].set(entry.code, { ...entry, origin: 'catalogue' });
      });
    }
    const mapping = new Map<string, MappingEntry>();
    const mappingFile = byPath.get(`catalogues/${year}/${MAPPING_FILE}`);
    if (mappingFile) {
      const parsed = parseContentFileOf(mappingFile, mappingFileSchema);
      findings.push(...parsed.findings);
      if (parsed.value) {
        sources.mapping = parsed.value.source;
        parsed.value.entries.forEach((entry, index) => {
          if (mapping.has(entry.econDept)) {
            findings.push(duplicateCode(parsed.source, ['entries', index, 'econDept'], entry.econDept));
            return;
          }
          mapping.set(entry.econDept, { admin: entry.admin, institution: entry.institution, confidence: entry.confidence, origin: 'catalogue' });
        });
      } else complete = false;
    } else {
      findings.push(missingFile(`catalogues/${year}/${MAPPING_FILE}`));
      complete = false;
    }
    if (complete) catalogues.set(year, { year, ...entries, mapping, sources });
  }
  return catalogues;
}

const missingFile = (path: string): Finding =>
  finding({
    code: 'catalogue.missingFile',
    severity: 'error',
    zh: `目录文件缺失：${path}`,
    en: `catalogue file missing: ${path}`,
    at: { file: path, line: 1, column: 1 },
  });

const duplicateCode = (source: YamlSource, path: (string | number)[], code: string): Finding =>
  finding({
    code: 'catalogue.duplicateCode',
    severity: 'error',
    zh: `科目编码 ${code} 重复`,
    en: `code ${code} is listed twice`,
    at: source.positionOf(path),
    actual: code,
  });

function loadDisclosure(
  folder: string,
  byPath: ReadonlyMap<string, ContentFile>,
  catalogues: ReadonlyMap<number, Catalogue>,
  findings: Finding[],
): Disclosure | null {
  const mainFile = byPath.get(`${folder}disclosure.yaml`);
  if (!mainFile) return null;
  const main = parseContentFileOf(mainFile, disclosureFileSchema);
  findings.push(...main.findings);
  if (!main.value) return null;
  const d = main.value;
  const at = (path: (string | number)[]): SourcePosition => main.source.positionOf(path);

  const pack = templatePack(d.template);
  if (!pack) {
    findings.push(
      finding({
        code: 'template.unknown',
        severity: 'error',
        zh: `未知的公开模板“${d.template}”：请写 gongkai 已有的模板之一`,
        en: `unknown template "${d.template}": write one of the templates gongkai has`,
        at: at(['template']),
        expected: templatePacks().map((p) => p.id).join(', '),
        actual: d.template,
      }),
    );
    return null;
  }
  const providedTables: string[] = [];
  if (d.tables === 'all') providedTables.push(...pack.tables.map((t) => t.id));
  else {
    d.tables.forEach((written, i) => {
      const definition = definitionFor(pack, written);
      if (!definition) {
        findings.push(
          finding({
            code: 'template.unknownTable',
            severity: 'error',
            zh: `模板“${pack.name}”中没有表“${written}”`,
            en: `template ${pack.id} has no table "${written}"`,
            at: at(['tables', i]),
            expected: pack.tables.map((t) => (t.number === null ? t.id : `${t.number} (${t.id})`)).join(', '),
            actual: String(written),
          }),
        );
      } else if (!providedTables.includes(definition.id)) providedTables.push(definition.id);
    });
  }
  // In the template's order, whatever order the list was written in.
  providedTables.sort((a, b) => pack.tables.findIndex((t) => t.id === a) - pack.tables.findIndex((t) => t.id === b));
  d.printedAsPublished.forEach((p, i) => {
    if (!definitionFor(pack, p.table) || /^\d+$/.test(p.table)) {
      findings.push(
        finding({
          code: 'template.unknownTable',
          severity: 'error',
          zh: `模板“${pack.name}”中没有表“${p.table}”（请写表的 id）`,
          en: `template ${pack.id} has no table "${p.table}" (write the table's id)`,
          at: at(['printedAsPublished', i, 'table']),
          expected: pack.tables.map((t) => t.id).join(', '),
          actual: p.table,
        }),
      );
    }
  });

  const catalogueYear = catalogueYearFor(d.year, [...catalogues.keys()]);
  const baseCatalogue = catalogueYear === undefined ? undefined : catalogues.get(catalogueYear);
  if (!baseCatalogue) {
    findings.push(
      finding({
        code: 'catalogue.none',
        severity: 'error',
        zh: '内容目录中没有任何年度的科目目录（catalogues/<年度>/）',
        en: 'the content folder has no classification catalogue (catalogues/<year>/)',
        at: at(['year']),
      }),
    );
    return null;
  }
  const catalogue = withAdditions(baseCatalogue, d.catalogue);
  checkAdditions(d.catalogue, baseCatalogue, main.source, findings);

  const amounts = new AmountReader(main.source, d.amountUnit);
  const unitCodes = new Set(d.units.flatMap((u) => (u.code === undefined ? [] : [u.code])));
  const checkUnit = (code: string | undefined, path: (string | number)[], source: YamlSource) => {
    if (code !== undefined && !unitCodes.has(code)) findings.push(unknownReference('unit', code, source.positionOf(path), [...unitCodes]));
  };
  const units = d.units.map((u) => ({ code: u.code ?? '', name: u.name, type: u.type ?? null, ...(u.remark === undefined ? {} : { remark: u.remark }) }));
  // A coded unit spends ledger rows, and its type decides how 部门经济分类 maps to 政府经济分类.
  d.units.forEach((u, i) => {
    if (u.code !== undefined && u.type === undefined) {
      findings.push(
        finding({
          code: 'file.missingField',
          severity: 'error',
          zh: `缺少必填字段“units.${i}.type”：有编码的单位须注明 admin（行政，含参公）或 institution（事业）`,
          en: `missing required field "units.${i}.type": a unit with a code needs admin or institution`,
          at: at(['units', i]),
          expected: 'admin | institution',
        }),
      );
    }
  });

  const projects = d.projects.map((p, i) => {
    checkUnit(p.unit, ['projects', i, 'unit'], main.source);
    return { id: p.id, unit: p.unit ?? '', name: p.name, specialFund: p.specialFund, compilation: p.compilation, at: at(['projects', i]) };
  });
  const projectIds = new Set<string>();
  projects.forEach((p, i) => {
    if (projectIds.has(p.id)) {
      findings.push(
        finding({
          code: 'project.duplicateId',
          severity: 'error',
          zh: `项目编号“${p.id}”重复`,
          en: `project id "${p.id}" is used twice`,
          at: at(['projects', i, 'id']),
          actual: p.id,
        }),
      );
    }
    projectIds.add(p.id);
  });

  const income = d.income.flatMap((line, i) => {
    checkUnit(line.unit, ['income', i, 'unit'], main.source);
    const amount = amounts.read(line.amount, ['income', i, 'amount']);
    return amount === null ? [] : [{ unit: line.unit, source: line.source, amount, ...(line.note ? { note: line.note } : {}), at: at(['income', i]) }];
  });
  const carryoverOut = d.carryoverOut.flatMap((line, i) => {
    checkUnit(line.unit, ['carryoverOut', i, 'unit'], main.source);
    const amount = amounts.read(line.amount, ['carryoverOut', i, 'amount']);
    return amount === null ? [] : [{ unit: line.unit, fund: line.fund, amount, at: at(['carryoverOut', i]) }];
  });
  findings.push(...amounts.findings);

  let declaredThreePublic: DeclaredThreePublic | null = null;
  if (d.threePublic) {
    const declared = d.threePublic;
    const reader = new AmountReader(main.source, declared.amountUnit);
    const read = (key: 'outboundTravel' | 'reception' | 'vehiclePurchase' | 'vehicleOperation' | 'adminOperatingCost') =>
      declared[key] === undefined ? null : reader.read(declared[key] ?? null, ['threePublic', key]);
    declaredThreePublic = {
      outboundTravel: read('outboundTravel'),
      reception: read('reception'),
      vehiclePurchase: read('vehiclePurchase'),
      vehicleOperation: read('vehicleOperation'),
      adminOperatingCost: read('adminOperatingCost'),
      at: at(['threePublic']),
    };
    findings.push(...reader.findings);
  }
  const finalAccounts = d.finalAccounts ? readFinalAccounts(d.finalAccounts, main.source, findings) : undefined;
  if (finalAccounts && d.phase !== 'final') {
    findings.push(
      finding({
        code: 'final.notAFinal',
        severity: 'error',
        zh: 'finalAccounts 只属于决算（phase: final）',
        en: 'finalAccounts belongs to a 决算 (phase: final) only',
        at: at(['finalAccounts']),
        actual: d.phase,
      }),
    );
  }
  if (pack.phase !== d.phase) {
    findings.push(
      finding({
        code: 'template.wrongPhase',
        severity: 'error',
        zh: `模板“${pack.name}”用于${pack.phase === 'final' ? '决算' : '预算'}，本文件 phase 为 ${d.phase}`,
        en: `template ${pack.id} is for phase ${pack.phase}, this file says ${d.phase}`,
        at: at(['phase']),
        expected: pack.phase,
        actual: d.phase,
      }),
    );
  }
  // A printed cell of a table in 万元 (the 三公 table) is written in that table's unit.
  const printedAsPublished: PrintedCell[] = d.printedAsPublished.map((p, i) => {
    const definition = definitionFor(pack, p.table);
    const unit = definition && definition.amountUnit !== 'disclosure' ? definition.amountUnit : d.amountUnit;
    const reader = new AmountReader(main.source, unit);
    const amount = reader.read(p.amount, ['printedAsPublished', i, 'amount']);
    findings.push(...reader.findings);
    return { table: p.table, row: p.row, column: p.column, amount, at: at(['printedAsPublished', i]) };
  });

  // The ledger
  const ledgerFile = byPath.get(`${folder}ledger.yaml`);
  const ledger: LedgerRow[] = [];
  let coarseFacts: CoarseFacts | null = null;
  if (ledgerFile) {
    const parsed = parseContentFileOf(ledgerFile, ledgerFileSchema);
    findings.push(...parsed.findings);
    if (parsed.value) {
      const reader = new AmountReader(parsed.source, parsed.value.amountUnit);
      parsed.value.rows.forEach((row, i) => {
        const path = ['rows', i];
        checkUnit(row.unit, [...path, 'unit'], parsed.source);
        if (row.kind === 'project' && !row.project) {
          findings.push(
            finding({
              code: 'ledger.projectMissing',
              severity: 'error',
              zh: '项目支出行必须注明所属项目（project）',
              en: 'a project expenditure row must name its project',
              at: parsed.source.positionOf(path),
            }),
          );
        }
        if (row.project !== undefined && !projectIds.has(row.project)) {
          findings.push(unknownReference('project', row.project, parsed.source.positionOf([...path, 'project']), [...projectIds]));
        }
        if (row.project !== undefined && row.kind !== 'project') {
          findings.push(
            finding({
              code: 'ledger.projectOnNonProjectRow',
              severity: 'error',
              zh: '只有项目支出（kind: project）行可以注明项目',
              en: 'only project rows (kind: project) may name a project',
              at: parsed.source.positionOf([...path, 'project']),
              actual: row.kind,
            }),
          );
        }
        if (row.kind === 'basic' && row.econ.length !== 5) {
          findings.push(
            finding({
              code: 'ledger.basicNeedsSection',
              severity: 'error',
              zh: '基本支出行必须使用部门经济分类款级科目（5 位）',
              en: 'a basic expenditure row needs an econDept 款 code (5 digits)',
              at: parsed.source.positionOf([...path, 'econ']),
              actual: row.econ,
            }),
          );
        }
        const amount = reader.read(row.amount, [...path, 'amount']);
        if (amount === null) {
          if (row.amount === null || row.amount === '') {
            findings.push(
              finding({
                code: 'ledger.emptyAmount',
                severity: 'error',
                zh: '明细行的金额不能为空',
                en: 'a ledger row must have an amount',
                at: parsed.source.positionOf([...path, 'amount']),
              }),
            );
          }
          return;
        }
        ledger.push({
          unit: row.unit,
          func: row.func,
          econ: row.econ,
          source: row.source,
          kind: row.kind,
          ...(row.project === undefined ? {} : { project: row.project }),
          amount,
          ...(row.reason === undefined ? {} : { reason: row.reason }),
          at: parsed.source.positionOf(path),
        });
      });
      if (parsed.value.byFunction !== undefined || parsed.value.basicByEcon !== undefined || parsed.value.incomeByFunction !== undefined) {
        const fact = (path: (string | number)[], amount: number, fields: Omit<Fact, 'amount' | 'at'>): Fact => ({ ...fields, amount, at: parsed.source.positionOf(path) });
        const byFunction = (parsed.value.byFunction ?? []).flatMap((row, i) => {
          checkUnit(row.unit, ['byFunction', i, 'unit'], parsed.source);
          const amount = reader.read(row.amount, ['byFunction', i, 'amount']);
          return amount === null ? [] : [fact(['byFunction', i], amount, { unit: row.unit ?? null, func: row.func, econ: null, source: row.source, kind: row.kind })];
        });
        const basicByEcon = (parsed.value.basicByEcon ?? []).flatMap((row, i) => {
          checkUnit(row.unit, ['basicByEcon', i, 'unit'], parsed.source);
          const amount = reader.read(row.amount, ['basicByEcon', i, 'amount']);
          return amount === null ? [] : [fact(['basicByEcon', i], amount, { unit: row.unit ?? null, func: null, econ: row.econ, source: 'generalBudget', kind: 'basic' })];
        });
        const incomeByFunction = (parsed.value.incomeByFunction ?? []).flatMap((row, i) => {
          const amount = reader.read(row.amount, ['incomeByFunction', i, 'amount']);
          return amount === null ? [] : [{ func: row.func, source: row.source, amount, at: parsed.source.positionOf(['incomeByFunction', i]) }];
        });
        coarseFacts = { byFunction, basicByEcon, ...(parsed.value.incomeByFunction === undefined ? {} : { incomeByFunction }) };
      }
      findings.push(...reader.findings);
      checkLedgerCodes([...ledger, ...(coarseFacts?.byFunction ?? []), ...(coarseFacts?.basicByEcon ?? [])], catalogue, findings);
    }
  }

  // Performance forms
  const performanceFile = byPath.get(`${folder}performance.yaml`);
  const projectForms: ProjectForm[] = [];
  let unitForm: UnitForm | null = null;
  if (performanceFile) {
    const parsed = parseContentFileOf(performanceFile, performanceFileSchema);
    findings.push(...parsed.findings);
    if (parsed.value) {
      const source = parsed.source;
      const reader = new AmountReader(source, parsed.value.amountUnit);
      const indicators = (list: readonly RawIndicator[], path: (string | number)[], goal = ''): Indicator[] =>
        list.map((ind, i) => ({ ...ind, goal, at: source.positionOf([...path, i]) }));
      const formIds = new Set<string>();
      parsed.value.projects.forEach((form, i) => {
        const path = ['projects', i];
        const linked = form.project === undefined ? undefined : projects.find((p) => p.id === form.project);
        if (form.project !== undefined && !linked) {
          findings.push(unknownReference('project', form.project, source.positionOf([...path, 'project']), [...projectIds]));
        }
        if (form.unitCode !== undefined) checkUnit(form.unitCode, [...path, 'unitCode'], source);
        const id = form.id ?? form.project;
        if (id === undefined) {
          findings.push(performanceFinding('performance.formIdMissing', '绩效目标表需要 id 或 project', 'a performance form needs an id or a project', source.positionOf(path)));
        } else if (formIds.has(id)) {
          findings.push(performanceFinding('performance.duplicateFormId', `绩效目标表编号“${id}”重复`, `performance form id "${id}" is used twice`, source.positionOf([...path, form.id === undefined ? 'project' : 'id']), id));
        } else formIds.add(id);
        const name = form.name !== '' ? form.name : (linked?.name ?? '');
        // A form whose project is unknown has its name reported as that reference already.
        if (name === '' && form.project === undefined) {
          findings.push(performanceFinding('performance.formNameMissing', '未关联项目的绩效目标表必须写明项目名称（name）', 'a form without a project must give its name', source.positionOf(path)));
        }
        projectForms.push({
          // An unidentified form is an error above; the placeholder only keeps the model whole.
          id: id ?? `#${i + 1}`,
          project: form.project ?? null,
          name,
          code: form.code,
          category: form.category,
          attribute: form.attribute,
          period: form.period,
          department: form.department,
          unit: form.unit,
          unitCode: form.unitCode ?? null,
          office: form.office,
          amount: reader.read(form.amount, [...path, 'amount']),
          funding: {
            fiscal: reader.read(form.funding.fiscal, [...path, 'funding', 'fiscal']),
            other: reader.read(form.funding.other, [...path, 'funding', 'other']),
          },
          purpose: form.purpose,
          basis: form.basis,
          duties: form.duties,
          schedule: form.schedule,
          spendingPlan: form.spendingPlan,
          goal: form.goal,
          measures: form.measures,
          indicators: indicators(form.indicators, [...path, 'indicators']),
          at: source.positionOf(path),
        });
      });
      const u = parsed.value.unit;
      if (u) {
        const budget = Object.fromEntries(
          UNIT_BUDGET_LINES.map((line) => [line, reader.read(u.budget[line], ['unit', 'budget', line])]),
        ) as UnitForm['budget'];
        unitForm = {
          department: u.department !== '' ? u.department : d.department.name,
          mission: u.mission,
          duties: u.duties,
          tasks: u.tasks,
          budget,
          indicators: [
            ...indicators(u.indicators, ['unit', 'indicators']),
            ...u.goals.flatMap((goal, g) => indicators(goal.indicators, ['unit', 'goals', g, 'indicators'], goal.name)),
          ],
          goals: u.goals.map((goal) => ({ name: goal.name, standard: goal.standard })),
          measures: u.measures,
          at: source.positionOf(['unit']),
        };
      }
      findings.push(...reader.findings);
    }
  }

  const notesFile = byPath.get(`${folder}notes.md`);
  return {
    id: disclosureId(d.region.code, d.department.code, d.year, d.phase),
    year: d.year,
    phase: d.phase,
    template: pack.id,
    region: d.region,
    department: d.department,
    units,
    providedTables,
    projects,
    ledger,
    coarseFacts,
    declaredThreePublic,
    ...(finalAccounts ? { finalAccounts } : {}),
    printedAsPublished,
    printStyle: { amountUnit: d.amountUnit, ...d.printStyle },
    income,
    carryoverOut,
    projectForms,
    unitForm,
    narrative: notesFile ? { markdown: notesFile.text, file: notesFile.path } : null,
    catalogue,
    privacyAllowList: d.privacyAllowList,
    provenance: {
      title: d.provenance.title,
      ...(d.provenance.url === undefined ? {} : { url: d.provenance.url }),
      ...(d.provenance.transcribedFrom === undefined ? {} : { transcribedFrom: d.provenance.transcribedFrom }),
      ...(d.provenance.importedFrom === undefined ? {} : { importedFrom: d.provenance.importedFrom }),
      ...(d.provenance.file === undefined ? {} : { file: d.provenance.file }),
      ...(d.provenance.sha256 === undefined ? {} : { sha256: d.provenance.sha256 }),
    },
    publication: { approvedOn: d.approvedOn ?? null, publishedOn: d.publishedOn ?? null, revisions: d.revisions, at: { file: mainFile.path, line: 1, column: 1 } },
    files: { disclosure: mainFile.path, ledger: ledgerFile?.path ?? null, performance: performanceFile?.path ?? null },
  };
}

/** A 决算's `finalAccounts` block, amounts in its own declared unit. */
function readFinalAccounts(raw: z.infer<typeof finalAccountsSchema>, source: YamlSource, findings: Finding[]): FinalAccounts {
  const reader = new AmountReader(source, raw.amountUnit);
  const read = (value: RawAmount | undefined, path: (string | number)[]): Amount => (value === undefined ? null : reader.read(value, ['finalAccounts', ...path]));
  const balances = (b: typeof raw.carryoverIn, key: string): FundBalances => ({
    total: read(b.total, [key, 'total']),
    generalBudget: read(b.generalBudget, [key, 'generalBudget']),
    govFund: read(b.govFund, [key, 'govFund']),
    stateCapital: read(b.stateCapital, [key, 'stateCapital']),
  });
  const items = (i: typeof raw.threePublicBudget, key: string): ThreePublicItems => ({
    outboundTravel: read(i.outboundTravel, [key, 'outboundTravel']),
    reception: read(i.reception, [key, 'reception']),
    vehiclePurchase: read(i.vehiclePurchase, [key, 'vehiclePurchase']),
    vehicleOperation: read(i.vehicleOperation, [key, 'vehicleOperation']),
  });
  const c = raw.threePublicCounts;
  const result: FinalAccounts = {
    carryoverIn: balances(raw.carryoverIn, 'carryoverIn'),
    carryoverOut: balances(raw.carryoverOut, 'carryoverOut'),
    nonFiscalSurplusUsed: read(raw.nonFiscalSurplusUsed, ['nonFiscalSurplusUsed']),
    surplusAllocation: read(raw.surplusAllocation, ['surplusAllocation']),
    initialBudget: raw.initialBudget.items.map((line, i) => ({
      func: line.func,
      amount: read(line.amount, ['initialBudget', 'items', i, 'amount']),
      at: source.positionOf(['finalAccounts', 'initialBudget', 'items', i]),
    })),
    initialBudgetTotal: read(raw.initialBudget.total, ['initialBudget', 'total']),
    threePublicBudget: items(raw.threePublicBudget, 'threePublicBudget'),
    threePublicCounts: {
      trips: c.trips ?? null,
      travellers: c.travellers ?? null,
      vehiclesBought: c.vehiclesBought ?? null,
      vehiclesHeld: c.vehiclesHeld ?? null,
      receptions: c.receptions ?? null,
      guests: c.guests ?? null,
    },
    at: source.positionOf(['finalAccounts']),
  };
  findings.push(...reader.findings);
  return result;
}

function unknownReference(kind: 'unit' | 'project', value: string, at: SourcePosition, known: string[]): Finding {
  const zh = kind === 'unit' ? '单位编码' : '项目编号';
  return finding({
    code: kind === 'unit' ? 'reference.unknownUnit' : 'reference.unknownProject',
    severity: 'error',
    zh: `${zh}“${value}”未在 disclosure.yaml 中定义`,
    en: `${kind} "${value}" is not defined in disclosure.yaml`,
    at,
    expected: known.join(', ') || '(none)',
    actual: value,
  });
}

const performanceFinding = (code: string, zh: string, en: string, at: SourcePosition, actual?: string): Finding =>
  finding({ code, severity: 'error', zh, en, at, ...(actual === undefined ? {} : { actual }) });

/** Names a disclosure adds must not contradict the catalogue; a genuinely new code is a warning. */
function checkAdditions(
  additions: { functional: { code: string; name: string }[]; econDept: { code: string; name: string }[]; econGov: { code: string; name: string }[] },
  base: Catalogue,
  source: YamlSource,
  findings: Finding[],
): void {
  for (const kind of ['functional', 'econDept', 'econGov'] as const) {
    additions[kind].forEach((entry, i) => {
      const known = base[kind].get(entry.code);
      const at = source.positionOf(['catalogue', kind, i, 'name']);
      if (known && known.name !== entry.name) {
        findings.push(
          finding({
            code: 'catalogue.nameMismatch',
            severity: 'error',
            zh: `科目 ${entry.code} 的名称与 ${base.year} 年科目目录不符`,
            en: `the name of ${entry.code} contradicts the ${base.year} catalogue`,
            at,
            expected: known.name,
            actual: entry.name,
          }),
        );
      } else if (!known) {
        findings.push(
          finding({
            code: 'catalogue.codeAdded',
            severity: 'warning',
            zh: `科目 ${entry.code}“${entry.name}”不在 ${base.year} 年科目目录中，按本公开所给名称使用`,
            en: `code ${entry.code} "${entry.name}" is not in the ${base.year} catalogue; the name given here is used`,
            at,
            actual: entry.code,
          }),
        );
      }
    });
  }
}

/** Every code a ledger row uses, and its parents, must have a name; every econDept code a mapping. */
function checkLedgerCodes(ledger: readonly Fact[], catalogue: Catalogue, findings: Finding[]): void {
  const reported = new Set<string>();
  const report = (key: string, f: Finding) => {
    if (reported.has(key)) return;
    reported.add(key);
    findings.push(f);
  };
  for (const row of ledger) {
    const { func, econ } = row;
    for (const code of func === null ? [] : [func.slice(0, 3), func.slice(0, 5), func]) {
      if (!catalogue.functional.has(code)) {
        report(`f${code}`, unknownCode('functional', code, func ?? code, catalogue.year, row.at));
      }
    }
    for (const code of econ === null ? [] : econ.length === 5 ? [econ.slice(0, 3), econ] : [econ]) {
      if (!catalogue.econDept.has(code)) {
        report(`e${code}`, unknownCode('econDept', code, econ ?? code, catalogue.year, row.at));
      }
    }
  }
}

/**
 * A code the catalogue cannot name. When the missing code is the 类 or 款 above the code the row
 * uses (a 项 added by the disclosure without its parents), the message says so, since the row's
 * own code looks fine to the clerk.
 */
function unknownCode(kind: 'functional' | 'econDept', code: string, rowCode: string, year: number, at: SourcePosition): Finding {
  const [kindZh, kindEn] = kind === 'functional' ? ['功能分类', 'functional'] : ['部门经济分类', 'econDept'];
  if (code !== rowCode) {
    const [levelZh, levelEn] = code.length === 3 ? ['类', 'class (类)'] : ['款', 'section (款)'];
    return finding({
      code: 'catalogue.unknownParentCode',
      severity: 'error',
      zh: `${kindZh}科目 ${rowCode} 的${levelZh}级科目 ${code} 不在 ${year} 年科目目录中：请在 disclosure.yaml 的 catalogue.${kind} 中补充 ${code} 的名称`,
      en: `the ${levelEn} ${code} above ${kindEn} code ${rowCode} is not in the ${year} catalogue: add its name under catalogue.${kind} in disclosure.yaml`,
      at,
      actual: code,
    });
  }
  return finding({
    code: 'catalogue.unknownCode',
    severity: 'error',
    zh: `${kindZh}科目 ${code} 不在 ${year} 年科目目录中，且未在 disclosure.yaml 的 catalogue.${kind} 中给出名称`,
    en: `${kindEn} code ${code} is not in the ${year} catalogue and disclosure.yaml gives it no name (catalogue.${kind})`,
    at,
    actual: code,
  });
}
