/**
 * axe-core in the page: injected from node_modules (never fetched), run with its default rules,
 * and its serious and critical violations listed with the selectors of the offending elements.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: readonly string[];
}

const BLOCKING = new Set(['serious', 'critical']);

export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  return (await axeViolations(page)).filter((v) => BLOCKING.has(v.impact));
}

/**
 * Violations of the named rules whatever their impact, e.g. the best-practice rules
 * `landmark-unique` and `empty-table-header`, which the default run counts as moderate or minor.
 * axe is injected as an inline script, so the page's session needs `bypassCSP`.
 */
export async function axeViolations(page: Page, rules?: readonly string[]): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(
    async (only) => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: Document,
              options: object,
            ) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document, { resultTypes: ['violations'], ...(only ? { runOnly: { type: 'rule', values: only } } : {}) });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? 'unknown',
        help: v.help,
        targets: v.nodes.map((n) => n.target.map(String).join(' ')),
      }));
    },
    rules ? [...rules] : null,
  );
}

export function describeViolations(where: string, violations: readonly AxeViolation[]): string {
  return [
    `${where}: ${violations.length} serious or critical axe violation(s)`,
    ...violations.map(
      (v) =>
        `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.targets.slice(0, 8).join('\n    ')}${v.targets.length > 8 ? `\n    … and ${v.targets.length - 8} more` : ''}`,
    ),
  ].join('\n');
}
