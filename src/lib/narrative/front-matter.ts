/**
 * The optional YAML front-matter of notes.md: settings of the narrative that are not prose.
 *
 *   ---
 *   changeReasons:
 *     threePublic: 严格落实过紧日子要求，压减公务接待费
 *   ---
 *
 * Positions stay those of notes.md: the block is parsed where it stands, and the Markdown after
 * it keeps its line numbers (the block is blanked, not cut).
 */
import { z } from 'zod';
import { parseContentFile } from '../content/parse-file.ts';
import type { Finding } from '../findings.ts';

/** Why a figure changed from last year, in the department's own words (printed after “主要原因是”). */
export const changeReasonsSchema = z.strictObject({
  /** 收入预算 (收入合计). */
  income: z.string().min(1).optional(),
  /** 支出预算 (支出合计). */
  expenditure: z.string().min(1).optional(),
  /** 财政拨款支出. */
  fiscal: z.string().min(1).optional(),
  /** “三公”经费: the reason the official 说明 must give when it changed. */
  threePublic: z.string().min(1).optional(),
  /** 机关运行经费. */
  officeRunningCost: z.string().min(1).optional(),
});
export type ChangeReasons = z.infer<typeof changeReasonsSchema>;

export const narrativeSettingsSchema = z.strictObject({
  /** Reasons for year-on-year changes, used by the generated paragraphs. */
  changeReasons: changeReasonsSchema.default({}),
  /**
   * The 说明 is a transcription of a published document, printed as published: no standard
   * section is added to it, and the figures it types that the tables do not give (last year's
   * 执行数, staff counts, 政府采购 …) are not reported one by one. Figures the tables give are
   * still written as references.
   */
  transcribed: z.boolean().default(false),
  /**
   * A 决算's reasons why 决算数 differs from 年初预算数 (printed after “决算数大于（小于）预算数的主要原因：”):
   * `total` for 一般公共预算财政拨款支出, `threePublic` for 三公, `items` per 功能 项 code. Read by
   * final/variance.ts; a difference without its reason is reported there.
   */
  varianceReasons: z
    .strictObject({
      total: z.string().min(1).optional(),
      threePublic: z.string().min(1).optional(),
      items: z.record(z.string().regex(/^\d{7}$/), z.string().min(1)).default({}),
    })
    .default({ items: {} }),
});
export type NarrativeSettings = z.infer<typeof narrativeSettingsSchema>;

export interface SplitNarrative {
  readonly settings: NarrativeSettings;
  /** The Markdown with the front-matter block blanked out (same line numbers as the file). */
  readonly body: string;
  readonly findings: readonly Finding[];
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const DEFAULT_SETTINGS: NarrativeSettings = { changeReasons: {}, transcribed: false, varianceReasons: { items: {} } };

export function splitFrontMatter(markdown: string, file: string): SplitNarrative {
  const match = FRONT_MATTER.exec(markdown);
  if (!match) return { settings: DEFAULT_SETTINGS, body: markdown, findings: [] };
  const block = match[0];
  // A leading newline stands for the opening `---`, so YAML line numbers are the file's.
  const parsed = parseContentFile(`\n${match[1] ?? ''}`, file, narrativeSettingsSchema);
  const blanked = block.replace(/[^\r\n]/g, '');
  return { settings: parsed.value ?? DEFAULT_SETTINGS, body: blanked + markdown.slice(block.length), findings: parsed.findings };
}
