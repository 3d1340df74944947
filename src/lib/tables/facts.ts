/**
 * Facts as the table builders of coarse-grained templates read them: the full-grain ledger where
 * the content has one (it covers every dimension), else the coarse fact sets, each for the
 * dimensions it covers. A table reads the facts that cover its dimensions and nothing else, so a
 * breakdown the source does not give is never filled in: it stays empty ("not itemised").
 */
import { classOf } from '../catalogue/catalogue.ts';
import type { Disclosure, Fact } from '../disclosure/model.ts';
import { SOURCE_INFO, type Fund } from '../ledger/sources.ts';
import { sumAmounts, type Amount } from '../money.ts';
import { amountCell, type Cell, type HeaderNode, type Row, type RowLevel } from './model.ts';

/** A fact with its fund, for selections. */
export interface FactView extends Fact {
  readonly fund: Fund;
}

const view = (facts: readonly Fact[]): FactView[] => facts.map((f) => ({ ...f, fund: SOURCE_INFO[f.source].fund }));

/** Facts that give the 功能 项 (all spending). */
export function functionFacts(d: Disclosure): FactView[] {
  return view(d.coarseFacts ? d.coarseFacts.byFunction : d.ledger);
}

/** Facts that give the 经济 款 of the general budget's basic spending. */
export function basicEconFacts(d: Disclosure): FactView[] {
  const facts = d.coarseFacts ? d.coarseFacts.basicByEcon : d.ledger;
  return view(facts).filter((f) => f.kind === 'basic' && f.fund === 'generalBudget' && f.econ !== null);
}

export type FactSelect = (fact: FactView) => boolean;

/** 人员经费: 工资福利支出 (301) and 对个人和家庭的补助 (303); the rest of basic spending is 公用经费. */
export const isPersonnelFact: FactSelect = (f) => f.kind === 'basic' && f.econ !== null && ['301', '303'].includes(classOf(f.econ));
export const isOperatingFact: FactSelect = (f) => f.kind === 'basic' && f.econ !== null && !['301', '303'].includes(classOf(f.econ));

export const sumFacts = (facts: readonly FactView[], select: FactSelect = () => true): Amount => sumAmounts(facts.filter(select).map((f) => f.amount));

/** A header leaf that sums facts (amount) or labels the row (text, code). */
export interface FactColumn {
  readonly label: string;
  readonly children?: readonly FactColumn[];
  readonly kind?: 'text' | 'code';
  readonly select?: FactSelect;
}

export const sumColumn = (label: string, select: FactSelect): FactColumn => ({ label, select });
export const columnGroup = (label: string, children: readonly FactColumn[]): FactColumn => ({ label, children });
export const labelColumn = (label: string, kind: 'text' | 'code' = 'text'): FactColumn => ({ label, kind });

export function factHeader(columns: readonly FactColumn[]): HeaderNode[] {
  return columns.map((c) => ({ label: c.label, ...(c.children ? { children: factHeader(c.children) } : {}), ...(c.kind ? { kind: c.kind } : {}) }));
}

const amountSelects = (columns: readonly FactColumn[]): FactSelect[] =>
  columns.flatMap((c) => (c.children ? amountSelects(c.children) : c.select ? [c.select] : []));

export interface FactRowGroup {
  readonly level: RowLevel;
  readonly key: string;
  readonly labels: readonly Cell[];
  readonly facts: readonly FactView[];
}

/** Sums each group's facts under each amount column; a column no fact of the group falls in stays empty. */
export function factRows(columns: readonly FactColumn[], groups: readonly FactRowGroup[]): Row[] {
  const selects = amountSelects(columns);
  return groups.map((g) => ({ level: g.level, key: g.key, cells: [...g.labels, ...selects.map((select) => amountCell(sumFacts(g.facts, select)))] }));
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
export const distinctCodes = (codes: Iterable<string>): string[] => [...new Set(codes)].sort(byCode);
