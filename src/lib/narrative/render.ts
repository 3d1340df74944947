/**
 * The narrative (部门预算说明, notes.md beside disclosure.yaml) from Markdown to safe HTML:
 * unified + remark-parse + remark-gfm → references resolved, standard sections added →
 * remark-rehype → rehype-sanitize → rehype-stringify.
 *
 * References (`{{支出合计}}`, see references.ts) are cut out of the source before Markdown sees it
 * (replaced by inert placeholders of the same length), so a reference may contain any character
 * (`*` in `{{generalBudgetExpenditure:class:*:201:合计}}` is not emphasis) and every finding keeps the exact line and
 * column of notes.md. In code spans the reference is shown as written.
 *
 * Raw HTML never reaches the page: rehype-sanitize removes it, and unsafe link protocols
 * (`javascript:`) with it. `narrativeFindings` reports what was removed, so `npm run check` can
 * tell the author before the page silently differs from the file.
 */
import type { Root as HastRoot } from 'hast';
import type { Heading, Nodes, Paragraph, Parent, Root, RootContent, Text } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { formatWan } from '../money.ts';
import { ContentError, finding, hasErrors, type Finding, type SourcePosition } from '../findings.ts';
import type { Disclosure } from '../disclosure/model.ts';
import type { Table } from '../tables/model.ts';
import type { FigureYear } from './figures.ts';
import { FEN_PER_UNIT, parseAmount } from '../money.ts';
import { splitFrontMatter, type NarrativeSettings } from './front-matter.ts';
import { figureCatalogue } from './figures.ts';
import { hasLiteral, restoreLiterals } from './literal-text.ts';
import { referenceResolver, type Resolution } from './references.ts';
import { packOf } from '../templates/registry.ts';
import { sectionByName, sectionForHeading, type SectionKey, type StandardSection } from './sections.ts';
import { sharedWeakMap } from '../cache/shared-weak-map.ts';

export interface NarrativeInput {
  readonly disclosure: Disclosure;
  readonly tables: readonly Table[];
  /** The same department's previous year, when the content has it (for `.上年`, `.变动`); see references.ts for `unknown`. */
  readonly previous?: FigureYear | 'unknown' | undefined;
}

export interface RenderedNarrative {
  /** Sanitised HTML; headings start at h3 (the page's own section heading is h2). */
  readonly html: string;
  readonly findings: readonly Finding[];
  /** Standard sections generated from the data because the author did not write them. */
  readonly generated: readonly SectionKey[];
  readonly settings: NarrativeSettings;
}

const REFERENCE = /\{\{([^{}\r\n]*)\}\}/g;
const PLACEHOLDER_START = '\uE000';
const PLACEHOLDER_END = '\uE001';
const PLACEHOLDER_PAD = '\uE002';
const PLACEHOLDER = /\uE000([\uE010-\uE019]+)\uE001\uE002*/g;
const DIGIT_BASE = 0xe010;
const SECTION_DIRECTIVE = /^说明[:：](.+)$/;
/**
 * An amount typed by hand: a number (integer, decimals or thousands groups, ASCII or full-width)
 * followed by 亿元, 万元 or 元, or a decimal followed by a percent sign. `12万元` is as much a
 * typed figure as `12.00万元`; a year (`2024年`) or a count (`3辆`) is not.
 */
const LITERAL_AMOUNT = /(?<![\d.,，])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(亿元|万元|元)|(?<=\.\d+)\s*[%％])/g;
/** Words between a figure's name and a typed number that make the number something else (a change, a share, a part). */
const NOT_THE_FIGURE = /[增减降升比变差超余约占均每共含计]|上年|以上|以下|不足|左右/;
const SAFE_PROTOCOLS = ['http', 'https', 'mailto'];

interface Reference {
  readonly body: string;
  readonly source: string;
  readonly at: SourcePosition;
}

/** Cuts every `{{…}}` out of the source, leaving a placeholder of the same length where possible. */
function extractReferences(text: string, file: string, origin?: SourcePosition): { text: string; references: Reference[] } {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const positionOf = (offset: number): SourcePosition => {
    if (origin) return origin;
    let line = 0;
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] ?? Infinity) <= offset) line++;
    return { file, line: line + 1, column: offset - (lineStarts[line] ?? 0) + 1 };
  };
  const references: Reference[] = [];
  const replaced = text.replace(REFERENCE, (match: string, body: string, offset: number) => {
    const index = references.length;
    references.push({ body, source: match, at: positionOf(offset) });
    const digits = [...String(index)].map((d) => String.fromCharCode(DIGIT_BASE + Number(d))).join('');
    const core = `${PLACEHOLDER_START}${digits}${PLACEHOLDER_END}`;
    return core + PLACEHOLDER_PAD.repeat(Math.max(0, match.length - core.length));
  });
  return { text: replaced, references };
}

const placeholderIndex = (digits: string): number => Number([...digits].map((c) => String(c.charCodeAt(0) - DIGIT_BASE)).join(''));

/** Puts the original `{{…}}` text back (for code, URLs and messages). */
const restore = (value: string, references: readonly Reference[]): string =>
  value.replace(PLACEHOLDER, (_m, digits: string) => references[placeholderIndex(digits)]?.source ?? '');

const parser = unified().use(remarkParse).use(remarkGfm);
const toHtml = unified()
  // Raw HTML is passed on as `raw` nodes only so that rehype-sanitize is the one place that drops it.
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeSanitize)
  .use(rehypeStringify);

const positionOfNode = (node: Nodes, file: string, origin?: SourcePosition): SourcePosition =>
  origin ?? { file, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };

const textOf = (node: Nodes): string =>
  'value' in node && typeof node.value === 'string' ? node.value : 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : '';

interface ParseOptions {
  readonly file: string;
  /** For generated text: every finding points here instead of into the generated source. */
  readonly origin?: SourcePosition;
  /** Whether hand-typed amounts are reported (author text only). */
  readonly checkLiteralAmounts: boolean;
  /**
   * A transcription of a published 说明 (front matter `transcribed: true`): its typed figures are
   * as printed, so they are not reported one by one, and one that contradicts the tables is a
   * warning (printed as published), not an error.
   */
  readonly transcribed?: boolean;
  /** The disclosure's named figures (name → value in 分), to tell a typed number that contradicts one. */
  readonly figures?: ReadonlyMap<string, number>;
}

interface Parsed {
  readonly tree: Root;
  readonly references: readonly Reference[];
}

function parseWithReferences(markdown: string, options: ParseOptions): Parsed {
  const { text, references } = extractReferences(markdown, options.file, options.origin);
  return { tree: parser.parse(text), references };
}

/** Reports raw HTML and unsafe URLs; restores references inside code and URLs. */
function inspectTree(parsed: Parsed, options: ParseOptions, findings: Finding[]): void {
  const { tree, references } = parsed;
  visit(tree, (node) => {
    if (node.type === 'html') {
      const value = restore(node.value, references);
      // An HTML comment alone is the author's note to reviewers (`<!-- figure: … -->`): never shown, nothing to report.
      if (/^\s*<!--[\s\S]*?-->\s*$/.test(value) && !/<!--[\s\S]*?-->[\s\S]*<!--/.test(value)) return;
      const unsafe = /<\s*(script|iframe|object|embed|style)\b|\son[a-z]+\s*=|(javascript|vbscript)\s*:/i.test(value);
      findings.push(
        finding({
          code: unsafe ? 'narrative.unsafeHtml' : 'narrative.htmlRemoved',
          severity: unsafe ? 'error' : 'warning',
          zh: unsafe ? '说明中含有可执行脚本的 HTML，已被移除' : '说明中的 HTML 不会显示（只支持 Markdown），已被移除',
          en: unsafe
            ? 'the narrative contains HTML that could run script; it was removed'
            : 'HTML in the narrative is not shown (Markdown only); it was removed',
          at: positionOfNode(node, options.file, options.origin),
          actual: value.slice(0, 120),
        }),
      );
    }
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && typeof node.url === 'string') {
      node.url = restore(node.url, references);
      if (node.type === 'image' && isExternal(node.url)) findings.push(externalResourceFinding(node.url, positionOfNode(node, options.file, options.origin)));
      const protocol = /^([a-z][a-z0-9+.-]*):/i.exec(node.url.trim())?.[1]?.toLowerCase();
      if (protocol && !SAFE_PROTOCOLS.includes(protocol)) {
        findings.push(
          finding({
            code: 'narrative.unsafeUrl',
            severity: protocol === 'javascript' || protocol === 'vbscript' || protocol === 'data' ? 'error' : 'warning',
            zh: `链接地址使用了不允许的协议“${protocol}:”，已被移除`,
            en: `a link uses the protocol "${protocol}:", which is not allowed; it was removed`,
            at: positionOfNode(node, options.file, options.origin),
            actual: node.url.slice(0, 120),
          }),
        );
      }
    }
    if (node.type === 'inlineCode' || node.type === 'code') node.value = restore(node.value, references);
    if (node.type === 'text' && options.checkLiteralAmounts) {
      const text = node.value.normalize('NFKC');
      for (const match of text.matchAll(LITERAL_AMOUNT)) {
        const typed = literalAmountFinding(text, match, node, options);
        if (!options.transcribed) findings.push(typed);
        else if (typed.code === 'narrative.literalAmountContradicts') findings.push({ ...typed, severity: 'warning' });
      }
    }
  });
}

/** A URL that names another host: a scheme (`https:`, `ftp:` …) or protocol-relative `//host`. */
const isExternal = (url: string): boolean => /^\s*(?:[a-z][a-z0-9+.-]*:|[\\/]{2})/i.test(url) && !/^\s*mailto:/i.test(url);

function externalResourceFinding(url: string, at: SourcePosition): Finding {
  return finding({
    code: 'narrative.externalResource',
    severity: 'error',
    zh: '说明中的图片来自其他网站，读者打开页面时会向该网站发出请求（本站承诺不从其他网站加载任何内容）：请删除该图片，或把图片作为文字说明',
    en: 'an image in the narrative is loaded from another host, which the browser of every reader would contact (the site loads nothing from other hosts): remove it',
    at,
    actual: url.slice(0, 120),
  });
}

/**
 * Removes images that would load from another host (also through a `[ref]: url` definition) and
 * marks links to other hosts visibly, so no page requests anything elsewhere and a reader sees
 * where a link leads before following it.
 */
function isolateExternal(tree: Root, findings: Finding[], options: ParseOptions): void {
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (d) => void definitions.set(d.identifier.toLowerCase(), d.url));
  const replace = (parent: Parent) => {
    parent.children = parent.children.flatMap((child) => {
      if (child.type === 'imageReference') {
        const url = definitions.get(child.identifier.toLowerCase()) ?? '';
        if (isExternal(url)) {
          findings.push(externalResourceFinding(url, positionOfNode(child, options.file, options.origin)));
          return child.alt ? [{ type: 'text', value: child.alt } as Text] : [];
        }
      }
      if (child.type === 'image' && isExternal(child.url)) return child.alt ? [{ type: 'text', value: child.alt } as Text] : [];
      if (
        (child.type === 'link' && isExternal(child.url)) ||
        (child.type === 'linkReference' && isExternal(definitions.get(child.identifier.toLowerCase()) ?? ''))
      ) {
        replace(child);
        child.children.push({ type: 'text', value: EXTERNAL_MARK });
        return [child];
      }
      if ('children' in child) replace(child as Parent);
      return [child];
    }) as Parent['children'];
  };
  replace(tree);
}

/** Printed after every link to another host. */
export const EXTERNAL_MARK = '（外部链接 external link）';

/** A typed amount: a warning, or an error when the words before it name a figure it contradicts. */
function literalAmountFinding(text: string, match: RegExpMatchArray, node: Nodes, options: ParseOptions): Finding {
  const at = positionOfNode(node, options.file, options.origin);
  const typed = typedFen(match);
  const sentenceStart = Math.max(0, ...['。', '；', '！', '？', '\n', ';'].map((c) => text.lastIndexOf(c, (match.index ?? 0) - 1) + 1));
  const before = text.slice(sentenceStart, match.index);
  let named: { name: string; value: number } | undefined;
  let nearest = -1;
  for (const [name, value] of options.figures ?? []) {
    const index = before.lastIndexOf(name);
    if (index < 0) continue;
    const between = before.slice(index + name.length);
    if (between.length > 12 || /\d/.test(between) || NOT_THE_FIGURE.test(between)) continue;
    if (index + name.length > nearest || (index + name.length === nearest && named && name.length > named.name.length)) {
      nearest = index + name.length;
      named = { name, value };
    }
  }
  // A figure is typed as printed, rounded to 0.01 万元: 16497.86 for 164,978,634 元 is not a contradiction.
  if (named && typed !== undefined && typed !== named.value && formatWan(typed) !== formatWan(named.value)) {
    const derived = (named.value / FEN_PER_UNIT['万元']).toFixed(2);
    return finding({
      code: 'narrative.literalAmountContradicts',
      severity: 'error',
      zh: `说明中手写的“${match[0]}”与表格中的${named.name} ${derived} 万元不符：请改用引用 {{${named.name}}}`,
      en: `the narrative types "${match[0]}" but ${named.name} is ${derived} 万元 in the tables: write {{${named.name}}} instead`,
      at,
      expected: `{{${named.name}}} = ${derived}万元`,
      actual: match[0],
    });
  }
  return finding({
    code: 'narrative.literalAmount',
    severity: 'warning',
    zh: `说明中手写了数字“${match[0]}”：请改用引用（如 {{支出合计}}），以免与表格不一致`,
    en: `the narrative types the figure "${match[0]}" by hand: use a reference (e.g. {{支出合计}}) so it cannot contradict the tables`,
    at,
    actual: match[0],
  });
}

/** A typed amount in 分, or undefined for a percentage or a number that cannot be read. */
function typedFen(match: RegExpMatchArray): number | undefined {
  const unit = match[3];
  if (unit === undefined) return undefined;
  const number = `${(match[1] ?? '').replace(/,/g, '')}${match[2] === undefined ? '' : `.${match[2]}`}`;
  if (unit === '亿元') {
    const parsed = parseAmount(number, '万元');
    return parsed.ok && parsed.value !== null ? parsed.value * 10_000 : undefined;
  }
  const parsed = parseAmount(number, unit === '元' ? '元' : '万元');
  return parsed.ok && parsed.value !== null ? parsed.value : undefined;
}

/**
 * `{支出合计}`, `｛｛支出合计｝｝`, `{{{支出合计}}}`: what an author meant as a reference but
 * would be printed as typed. Author text only, after the real references are resolved.
 */
const MALFORMED_REFERENCE = /[{｛]+[ \t　]*([^{}｛｝\n]{1,40}?)[ \t　]*[}｝]+/g;

function malformedReferences(parsed: Parsed, options: ParseOptions, findings: Finding[]): void {
  visit(parsed.tree, 'text', (node: Text) => {
    for (const found of node.value.matchAll(MALFORMED_REFERENCE)) {
      const m = [restore(found[0], parsed.references)] as const;
      const inner = m[0].replace(/^[{｛\s　]+|[}｝\s　]+$/g, '');
      findings.push(
        finding({
          code: 'narrative.malformedReference',
          severity: 'error',
          zh: `“${m[0]}”不是有效的引用，会被原样印出：引用要写成两层半角花括号${inner ? `，如 {{${inner}}}` : ' {{名称}}'}`,
          en: `"${m[0]}" is no valid reference and would be printed as typed: a reference is written with two ASCII braces${inner ? `, {{${inner}}}` : ', {{name}}'}`,
          at: positionOfNode(node, options.file, options.origin),
          ...(inner ? { expected: `{{${inner}}}` } : {}),
          actual: m[0],
        }),
      );
    }
  });
}

/** Replaces every placeholder in text nodes with its resolved figure; failures become findings. */
function resolveTexts(parsed: Parsed, options: ParseOptions, resolve: (body: string) => Resolution, findings: Finding[]): void {
  const generated = options.origin !== undefined;
  visit(parsed.tree, 'text', (node: Text) => {
    // Checked before resolving: a reference that fails is put back as written and is not “unclosed”.
    const unclosed = node.value.includes('{{');
    node.value = node.value.replace(PLACEHOLDER, (_m, digits: string) => {
      const reference = parsed.references[placeholderIndex(digits)];
      if (!reference) return '';
      if (SECTION_DIRECTIVE.test(reference.body.trim())) {
        findings.push(
          finding({
            code: 'narrative.misplacedSection',
            severity: 'error',
            zh: `“${reference.source}”必须单独成段`,
            en: `"${reference.source}" must be a paragraph of its own`,
            at: reference.at,
          }),
        );
        return reference.source;
      }
      const resolution = resolve(reference.body);
      if (resolution.ok) return resolution.text;
      findings.push(
        finding({
          code: `narrative.${resolution.code}`,
          severity: 'error',
          zh: generated ? `自动生成的说明段落：${resolution.zh}` : resolution.zh,
          en: generated ? `generated paragraph: ${resolution.en}` : resolution.en,
          at: reference.at,
          actual: reference.source,
          ...(resolution.expected === undefined ? {} : { expected: resolution.expected }),
        }),
      );
      return reference.source;
    });
    if (unclosed) {
      findings.push(
        finding({
          code: 'narrative.unclosedReference',
          severity: 'error',
          zh: '说明中有未闭合的引用“{{”（应写作 {{名称}}）',
          en: 'the narrative has an unclosed "{{" (write {{name}})',
          at: positionOfNode(node, options.file, options.origin),
        }),
      );
    }
  });
}

/** The heading depth generated sections use: the author's section level (below a lone title). */
function sectionDepth(tree: Root): number {
  const depths: number[] = [];
  visit(tree, 'heading', (h: Heading) => void depths.push(h.depth));
  if (depths.length === 0) return 2;
  const top = Math.min(...depths);
  const atTop = depths.filter((d) => d === top).length;
  return atTop === 1 && depths.some((d) => d > top) ? Math.min(top + 1, 6) : top;
}

/** Moves every heading so the shallowest becomes h3. */
function shiftHeadings(tree: Root): void {
  const depths: number[] = [];
  visit(tree, 'heading', (h: Heading) => void depths.push(h.depth));
  if (depths.length === 0) return;
  const shift = 3 - Math.min(...depths);
  visit(tree, 'heading', (h: Heading) => {
    h.depth = Math.max(1, Math.min(6, h.depth + shift)) as Heading['depth'];
  });
}

/**
 * The last rendering of each disclosure's narrative with the inputs it was made from. The build
 * checks the narrative (`npm run check`'s rule) and then shows it on the overview, from the same
 * disclosure and the same derived tables: remembering the rendering spares the second Markdown
 * pass. Keyed by identity, so any other input renders afresh; shared by the scripts' copy of
 * this module and the one Astro bundles (src/lib/cache/shared-weak-map.ts).
 */
const rendered = sharedWeakMap<Disclosure, { readonly input: NarrativeInput; readonly result: RenderedNarrative }>('renderedNarratives');

const sameInput = (a: NarrativeInput, b: NarrativeInput): boolean =>
  a.tables === b.tables &&
  (a.previous === b.previous ||
    (typeof a.previous === 'object' &&
      typeof b.previous === 'object' &&
      a.previous.disclosure === b.previous.disclosure &&
      a.previous.tables === b.previous.tables));

export function renderNarrative(input: NarrativeInput): RenderedNarrative {
  const cached = rendered.get(input.disclosure);
  if (cached && sameInput(cached.input, input)) return cached.result;
  const result = renderNarrativeAfresh(input);
  rendered.set(input.disclosure, { input, result });
  return result;
}

function renderNarrativeAfresh(input: NarrativeInput): RenderedNarrative {
  const d = input.disclosure;
  const file = d.narrative?.file ?? d.files.disclosure.replace(/disclosure\.yaml$/, 'notes.md');
  const split = splitFrontMatter(d.narrative?.markdown ?? '', file);
  const findings: Finding[] = [...split.findings];
  const sections = packOf(d).sections;
  const resolve = referenceResolver({ current: { disclosure: d, tables: input.tables }, previous: input.previous });
  const authorOptions: ParseOptions = {
    file,
    checkLiteralAmounts: true,
    transcribed: split.settings.transcribed,
    figures: figureValues({ disclosure: d, tables: input.tables }),
  };

  const author = parseWithReferences(split.body, authorOptions);
  inspectTree(author, authorOptions, findings);
  isolateExternal(author.tree, findings, authorOptions);

  // Sections the author wrote (by heading) are not generated again.
  const authored = new Set<SectionKey>();
  visit(author.tree, 'heading', (h: Heading) => {
    const section = sectionForHeading(sections, restore(textOf(h), author.references));
    if (section) authored.add(section.key);
  });

  const depth = sectionDepth(author.tree);
  const generated: SectionKey[] = [];
  const missingReasons = new Set<string>();
  const sectionNodes = (section: StandardSection, origin: SourcePosition): RootContent[] => {
    const output = section.generate({ current: { disclosure: d, tables: input.tables }, previous: input.previous, reasons: split.settings.changeReasons });
    if (!output) return [];
    for (const reason of output.missingReasons) missingReasons.add(reason);
    const options: ParseOptions = { file, origin, checkLiteralAmounts: false };
    const parsed = parseWithReferences(output.markdown, options);
    inspectTree(parsed, options, findings);
    resolveTexts(parsed, options, resolve, findings);
    // Names from the data come back as plain text only now, after Markdown and references are done.
    visit(parsed.tree, 'text', (t: Text) => {
      if (hasLiteral(t.value)) t.value = restoreLiterals(t.value);
    });
    generated.push(section.key);
    const heading: Heading = { type: 'heading', depth: depth as Heading['depth'], children: [{ type: 'text', value: section.title }] };
    return [heading, ...parsed.tree.children];
  };

  // `{{说明:三公经费}}` alone in a paragraph places a generated section there.
  const placed = new Set<SectionKey>();
  const replacements = new Map<Paragraph, RootContent[]>();
  visit(author.tree, 'paragraph', (p: Paragraph) => {
    const only = p.children.length === 1 ? p.children[0] : undefined;
    if (!only || only.type !== 'text') return;
    const match = /^\s*\uE000([\uE010-\uE019]+)\uE001\uE002*\s*$/.exec(only.value);
    const reference = match?.[1] ? author.references[placeholderIndex(match[1])] : undefined;
    const name = reference ? SECTION_DIRECTIVE.exec(reference.body.trim())?.[1]?.trim() : undefined;
    if (!reference || name === undefined) return;
    const section = sectionByName(sections, name);
    if (!section) {
      findings.push(
        finding({
          code: 'narrative.unknownSection',
          severity: 'error',
          zh: `没有名为“${name}”的标准说明段落`,
          en: `there is no standard section named "${name}"`,
          at: reference.at,
          expected: sections.map((s) => s.title).join('、'),
          actual: reference.source,
        }),
      );
      replacements.set(p, []);
      return;
    }
    placed.add(section.key);
    replacements.set(p, authored.has(section.key) ? [] : sectionNodes(section, reference.at));
  });
  replaceParagraphs(author.tree, replacements);
  malformedReferences(author, authorOptions, findings);
  resolveTexts(author, authorOptions, resolve, findings);

  // Findings about generated sections point at notes.md when there is one, else at the data they come from.
  const appendAt: SourcePosition = { file: d.narrative ? file : d.files.disclosure, line: 1, column: 1 };
  // A transcribed 说明 is printed as published: nothing is added to it.
  for (const section of split.settings.transcribed ? [] : sections) {
    if (authored.has(section.key) || placed.has(section.key)) continue;
    author.tree.children.push(...sectionNodes(section, appendAt));
  }
  for (const reason of missingReasons) {
    findings.push(
      finding({
        code: 'narrative.missingChangeReason',
        severity: 'warning',
        zh: `与上年相比有变动，但 notes.md 的 changeReasons.${reason} 没有说明原因`,
        en: `a figure changed from last year but notes.md gives no changeReasons.${reason}`,
        at: appendAt,
      }),
    );
  }

  shiftHeadings(author.tree);
  const hast = toHtml.runSync(author.tree) as HastRoot;
  const html = author.tree.children.length === 0 ? '' : toHtml.stringify(hast);
  return { html, findings, generated, settings: split.settings };
}

/** Every named figure's value in 分 (empty as 0), for telling typed numbers that contradict one. */
function figureValues(year: FigureYear): Map<string, number> {
  const values = new Map<string, number>();
  for (const [name, figure] of figureCatalogue(year).figures) {
    const read = figure.read(year);
    if (read.ok) values.set(name, read.value ?? 0);
  }
  return values;
}

function replaceParagraphs(tree: Root, replacements: ReadonlyMap<Paragraph, RootContent[]>): void {
  if (replacements.size === 0) return;
  const walk = (parent: Parent) => {
    parent.children = parent.children.flatMap((child) => {
      if (child.type === 'paragraph' && replacements.has(child)) return replacements.get(child) ?? [];
      if ('children' in child) walk(child as Parent);
      return [child];
    }) as Parent['children'];
  };
  walk(tree);
}

/**
 * Every finding about a disclosure's narrative: unknown or unresolvable references, raw HTML and
 * unsafe links that were removed, hand-typed figures, front-matter errors, change reasons missing.
 * For the validator (`npm run check`); the build renders with {@link renderNarrativeOrThrow}.
 */
export function narrativeFindings(disclosure: Disclosure, tables: readonly Table[], previous?: FigureYear | 'unknown'): Finding[] {
  return [...renderNarrative({ disclosure, tables, previous }).findings];
}

/** The narrative's HTML; throws a {@link ContentError} (file, line, column) when any finding is an error. */
export function renderNarrativeOrThrow(input: NarrativeInput): RenderedNarrative {
  const rendered = renderNarrative(input);
  if (hasErrors(rendered.findings)) throw new ContentError(rendered.findings);
  return rendered;
}
