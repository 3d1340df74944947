/**
 * axe-core on every kind of page: no serious or critical violation anywhere. The kinds the site
 * must have are listed by route; any other kind of page the build produces is checked too, once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { listFiles } from '../../scripts/lib/run-build.ts';
import { routes, tableSlug } from '../../src/lib/site/routes.ts';
import type { TableFamily } from '../../src/lib/templates/template-pack.ts';
import { describeViolations, seriousViolations } from './support/axe.ts';
import { DESKTOP, launchBrowser, openSession, settle, site, visit } from './support/browser.ts';
import { familyOf, sampleEntry } from './support/content.ts';
import { kindOf } from './support/page-kinds.ts';

const FAMILY_NAMES: Readonly<Record<TableFamily, string>> = {
  summary: 'summary tables',
  generalBudget: 'general budget tables',
  fund: 'fund tables',
  specialFund: 'special fund table',
  threePublic: '“三公” table',
  performance: 'performance forms',
};

const entry = sampleEntry();
const d = entry.disclosure;
const project = d.projects[0];

const requiredPages: readonly { name: string; path: string }[] = [
  { name: 'the home page', path: routes.home() },
  { name: `the ${d.year} year page`, path: routes.year(d.year) },
  { name: 'a disclosure overview', path: routes.disclosure(d) },
  ...entry.tables.map((table) => ({
    name: `table ${tableSlug(table)} (${FAMILY_NAMES[familyOf(entry, table)]})${table.provided ? '' : ', not provided'}`,
    path: routes.table(d, table),
  })),
  ...(project ? [{ name: 'a project’s performance form', path: routes.project(d, project.id) }] : []),
  { name: 'the glossary', path: routes.glossary() },
  { name: 'the search page with results', path: `${routes.search()}?q=${encodeURIComponent(project?.name ?? d.department.name)}` },
  { name: 'the open data page', path: routes.data() },
];

const coveredKinds = new Set(requiredPages.map((p) => kindOf(p.path)));
const otherKinds = new Map<string, string>();
for (const file of listFiles(site.siteDir).filter((f) => f.endsWith('index.html'))) {
  const path = file.slice(0, -'index.html'.length);
  const kind = kindOf(path);
  if (!coveredKinds.has(kind) && !otherKinds.has(kind)) otherKinds.set(kind, path);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function expectNoSeriousViolations(name: string, path: string): Promise<void> {
  // axe is injected as an inline script, which the served Content-Security-Policy would block.
  const session = await openSession(browser, { ...DESKTOP, bypassCSP: true });
  try {
    const page = await session.newPage();
    await visit(page, path, name);
    // Lazily drawn parts (charts) are there when axe looks.
    await settle(page);
    const violations = await seriousViolations(page);
    if (violations.length > 0) expect.fail(describeViolations(`${name} (${page.url()})`, violations));
    session.assertClean();
  } finally {
    await session.close();
  }
}

describe('accessibility (axe-core, serious and critical)', () => {
  for (const { name, path } of requiredPages) {
    it(`${name} has no serious or critical violations`, () => expectNoSeriousViolations(name, path));
  }
  for (const [kind, path] of otherKinds) {
    it(`a ${kind} page, such as ${path}, has no serious or critical violations`, () => expectNoSeriousViolations(path, path));
  }
});
