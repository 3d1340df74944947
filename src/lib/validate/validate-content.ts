/**
 * The one entry point of validation: the loader's findings (files, schemas, amounts, references,
 * catalogue names) plus the rules of this folder (negative amounts, mappings, identities, form
 * sums, privacy), sorted so reports are stable. The build and `npm run check` both call it.
 */
import { existsSync, statSync } from 'node:fs';
import type { ContentFile, LoadResult } from '../content/load.ts';
import { loadContentDir, readContentFiles } from '../content/read-content-dir.ts';
import { hasErrors, sortFindings, type Finding } from '../findings.ts';
import type { Disclosure } from '../disclosure/model.ts';
import type { Table } from '../tables/model.ts';
import { AMOUNT_RULES } from './amount-rules.ts';
import { CATALOGUE_RULES } from './catalogue-rules.ts';
import { FACT_RULES } from './fact-rules.ts';
import { FORM_RULES } from './form-rules.ts';
import { packOf } from '../templates/registry.ts';
import { definitionFor } from '../templates/template-pack.ts';
import { financialTablesNeedLedger, IDENTITY_RULES } from './identity-rules.ts';
import { checkDisclosuresForPersonalData, checkFilesForPersonalData } from './privacy.ts';
import { PUBLICATION_RULES } from './publication-rules.ts';
import { ruleContext, type DisclosureRule } from './rule.ts';
import { narrativeRuleFor } from '../narrative/rule.ts';
import { controlsMatchLedger, ledgerRowsAreUnique, ledgerTotalPlausibleForUnit } from './control-rules.ts';
import { LAYOUT_RULES } from './layout-rules.ts';
import { amountTotalWithinLimit } from './limit-rules.ts';
import { checkFilesForCharacters, checkYamlForMarkup } from './text-rules.ts';
import { finalRulesFor, requiredTablesPublished } from '../final/final-rules.ts';
import { narrativeClaimsRule } from '../final/narrative-claims.ts';

/** Rules every loaded disclosure is held to, whatever else is wrong with it. */
const ALWAYS: readonly DisclosureRule[] = [
  ...AMOUNT_RULES,
  ...CATALOGUE_RULES,
  ...FORM_RULES,
  ...PUBLICATION_RULES,
  financialTablesNeedLedger,
  ...LAYOUT_RULES,
];

/**
 * Rules whose errors mean no table may be built from the disclosure: amounts past the limits
 * (a sum would overflow), a row written twice or a whole file in the wrong unit (every figure
 * would be wrong, and the identities would only repeat the one error in many places).
 */
const BLOCKING: readonly DisclosureRule[] = [amountTotalWithinLimit, ledgerRowsAreUnique, ledgerTotalPlausibleForUnit];

/**
 * Whether the identities can be judged: the disclosure has a ledger, and the loader found no error
 * in its files. A row the loader had to drop (an amount that is not a number) would otherwise make
 * every total disagree, burying the one real error under consequences of it.
 */
function identitiesApply(d: Disclosure, filesWithErrors: ReadonlySet<string>): boolean {
  const own = [d.files.disclosure, d.files.ledger, d.files.performance].filter((f): f is string => f !== null);
  return d.files.ledger !== null && !own.some((f) => filesWithErrors.has(f));
}

/**
 * Every finding about loaded content. `files` are the content files the result was loaded from;
 * with them, personal data is reported at its exact place in any YAML or Markdown file (and fields
 * get exact positions), without them, in the loaded values at their record's position. `rules`
 * adds checks owned by other modules (the narrative's figure references and unsafe HTML);
 * `tablesOf` lets the build share the tables it derives for the site with the checks.
 */
export function validateContent(
  result: LoadResult,
  files?: readonly ContentFile[],
  rules: readonly DisclosureRule[] = [],
  tablesOf?: (d: Disclosure) => readonly Table[],
): Finding[] {
  const context = ruleContext(files ?? []);
  const filesWithErrors = new Set(result.findings.filter((f) => f.severity === 'error').map((f) => f.file));
  const findings: Finding[] = [...result.findings];
  // The narrative's figure references and unsafe HTML, with every disclosure at hand for `.上年`.
  const narrative = narrativeRuleFor(result.disclosures, tablesOf);
  const blocked = new Set<Disclosure>();
  for (const d of result.disclosures) {
    const blocking = BLOCKING.flatMap((rule) => rule(d, context));
    findings.push(...blocking);
    for (const f of blocking) if (f.severity === 'error') filesWithErrors.add(f.file);
    if (hasErrors(blocking)) blocked.add(d);
  }
  // A 决算 is held against its 预算 and last year's 决算: with every disclosure at hand too.
  const final = finalRulesFor(result.disclosures);
  for (const d of result.disclosures) {
    // Figures can only be judged on a disclosure whose files loaded cleanly, like the identities.
    // (A disclosure that publishes financial tables without a ledger is already an error.)
    const judged =
      ![d.files.disclosure, d.files.ledger, d.files.performance].some((f) => f !== null && filesWithErrors.has(f)) &&
      !(d.files.ledger === null && d.providedTables.some((id) => definitionFor(packOf(d), id)?.source === 'facts'));
    const applicable = [
      ...ALWAYS,
      requiredTablesPublished,
      ...(judged ? [(x: Disclosure) => narrative(x), narrativeClaimsRule] : []),
      ...(identitiesApply(d, filesWithErrors) ? [...IDENTITY_RULES, ...FACT_RULES, controlsMatchLedger, (x: Disclosure) => final(x)] : []),
      // Other modules' rules may build tables, which a blocked disclosure must never reach (a sum would overflow).
      ...(blocked.has(d) ? [] : rules),
    ];
    for (const rule of applicable) findings.push(...rule(d, context));
  }
  findings.push(
    ...(files === undefined
      ? checkDisclosuresForPersonalData(result.disclosures)
      : [
          ...checkFilesForPersonalData(files, context.yamlSource),
          ...checkFilesForCharacters(files, context.yamlSource),
          ...checkYamlForMarkup(files, context.yamlSource),
        ]),
  );
  return sortFindings(findings);
}

export interface ContentValidation {
  readonly result: LoadResult;
  readonly findings: readonly Finding[];
}

/** Loads a content folder (`CONTENT_DIR`) and validates it: what `npm run check` and the build run. */
export function validateContentDir(dir: string, rules: readonly DisclosureRule[] = []): ContentValidation {
  const result = loadContentDir(dir);
  // The loader does not hand its file texts back; reading the folder again keeps it untouched.
  const files = existsSync(dir) && statSync(dir).isDirectory() ? readContentFiles(dir) : [];
  return { result, findings: validateContent(result, files, rules) };
}
