/**
 * Privacy: no mobile number, ID-card number or personal e-mail address may be published. Every
 * content file is scanned, YAML (its text, comments included, and every string value as YAML reads
 * it) and Markdown alike; a value passes only when the disclosure lists it in `privacyAllowList`
 * (an office's public duty phone). Messages never repeat the value: it is masked (139****5678).
 */
import type { ContentFile } from '../content/load.ts';
import type { DataPath, YamlSource } from '../content/yaml-source.ts';
import { finding, type Finding, type SourcePosition } from '../findings.ts';
import type { Disclosure } from '../disclosure/model.ts';
import { publishedBlocks } from './published-text.ts';
import { canonicalPersonalValue, findPersonalData, maskPersonalValue, type PersonalDataKind, type PersonalDataMatch } from './personal-data.ts';

const KIND_TEXT: Readonly<Record<PersonalDataKind, readonly [zh: string, en: string]>> = {
  mobileNumber: ['手机号码', 'a mobile phone number'],
  idCardNumber: ['居民身份证号码', 'a resident ID-card number'],
  personalEmail: ['个人电子邮箱（非政府或机构域名）', 'a personal e-mail address (not on a government or organisation domain)'],
};

function personalDataFinding(match: PersonalDataMatch, at: SourcePosition): Finding {
  const [zh, en] = KIND_TEXT[match.kind];
  const masked = maskPersonalValue(match.kind, match.value);
  return finding({
    code: `privacy.${match.kind}`,
    severity: 'error',
    zh: `内容含有${zh} ${masked}，不得公开：请删除；如确为单位公开的办公联系方式，请将其列入 disclosure.yaml 的 privacyAllowList`,
    en: `the content holds ${en} ${masked}, which must not be published: remove it, or, if it is an office's public contact, list it in privacyAllowList in disclosure.yaml`,
    at,
    actual: masked,
  });
}

/** Offset → 1-based line and column, counted like the YAML parser (UTF-16 units). */
function positionInText(text: string, offset: number, file: string): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { file, line, column: offset - lineStart + 1 };
}

/** Every string in parsed YAML data with its path (numbers arrive as their source text). */
function* stringValues(value: unknown, path: DataPath = []): Generator<[string, DataPath]> {
  if (typeof value === 'string') yield [value, path];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* stringValues(item, [...path, i]);
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* stringValues(item, [...path, key]);
}

/** Personal values written in a file's text, each at its own line and column. */
function scanText(file: ContentFile): [PersonalDataMatch, SourcePosition][] {
  return findPersonalData(file.text).map((match) => [match, positionInText(file.text, match.offset, file.path)]);
}

/**
 * Personal values in a Markdown file: in its source text, and in the text its page shows (after
 * Markdown, entities and HTML), where emphasis or a link can join digits the source keeps apart.
 * A value found in both is reported once, at its place in the source.
 */
function scanMarkdown(file: ContentFile): [PersonalDataMatch, SourcePosition][] {
  const found = scanText(file);
  const seen = new Set(found.map(([match]) => canonicalPersonalValue(match.value)));
  for (const block of publishedBlocks(file.text)) {
    for (const match of findPersonalData(block.text)) {
      const key = canonicalPersonalValue(match.value);
      if (seen.has(key)) continue;
      seen.add(key);
      found.push([match, { file: file.path, line: block.line, column: block.column }]);
    }
  }
  return found;
}

/**
 * Personal values in a YAML file: everything written in its text (comments included: the content
 * folder is itself published in the repository), plus values that only appear once YAML has
 * unescaped or folded a scalar (`"\u0031…"`, a line break inside the number), reported at the
 * scalar's position from the parser.
 */
function scanYaml(file: ContentFile, source: YamlSource): [PersonalDataMatch, SourcePosition][] {
  const found = scanText(file);
  const inText = new Set(found.map(([match]) => canonicalPersonalValue(match.value)));
  for (const [value, path] of stringValues(source.data)) {
    for (const match of findPersonalData(value)) {
      if (!inText.has(canonicalPersonalValue(match.value))) found.push([match, source.positionOf(path)]);
    }
  }
  return found;
}

const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

/**
 * The allow-list that governs `path`: `privacyAllowList` of the disclosure.yaml in the deepest
 * folder above it, read from the file itself so it applies even when the disclosure failed to load.
 */
function allowListFor(path: string, files: readonly ContentFile[], yamlSource: (path: string) => YamlSource | undefined): string[] {
  const owner = files
    .filter((f) => /(^|\/)disclosure\.ya?ml$/.test(f.path) && path.startsWith(folderOf(f.path)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  const data = owner ? yamlSource(owner.path)?.data : undefined;
  const list = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)['privacyAllowList'] : undefined;
  return Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Scans the YAML and Markdown content files. Files outside any disclosure folder (catalogues) are
 * scanned with an empty allow-list; the allow-list's own entries pass by definition.
 */
export function checkFilesForPersonalData(files: readonly ContentFile[], yamlSource: (path: string) => YamlSource | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const file of files) {
    const isYaml = /\.ya?ml$/.test(file.path);
    if (!isYaml && !/\.md$/.test(file.path)) continue;
    const source = isYaml ? yamlSource(file.path) : undefined;
    const matches = source ? scanYaml(file, source) : isYaml ? scanText(file) : scanMarkdown(file);
    if (matches.length > 0) findings.push(...notAllowed(matches, allowListFor(file.path, files, yamlSource)));
  }
  return findings;
}

const notAllowed = (matches: readonly [PersonalDataMatch, SourcePosition][], allowList: readonly string[]): Finding[] => {
  const allowed = new Set(allowList.map(canonicalPersonalValue));
  return matches.filter(([match]) => !allowed.has(canonicalPersonalValue(match.value))).map(([match, at]) => personalDataFinding(match, at));
};

/** Parts of a loaded disclosure that are not published text: codes, the catalogue, file names, the allow-list itself. */
const NOT_PUBLISHED_TEXT = new Set(['catalogue', 'files', 'privacyAllowList', 'narrative', 'at']);

/**
 * Without the files: the loaded disclosures themselves, every string at the position of the
 * nearest record that has one (a ledger row, a project, a form), and the narrative line by line.
 * Same findings as {@link checkFilesForPersonalData}, less exact positions.
 */
export function checkDisclosuresForPersonalData(disclosures: readonly Disclosure[]): Finding[] {
  return disclosures.flatMap((d) => {
    const matches: [PersonalDataMatch, SourcePosition][] = [];
    const walk = (value: unknown, at: SourcePosition): void => {
      if (typeof value === 'string') {
        for (const match of findPersonalData(value)) matches.push([match, at]);
      } else if (Array.isArray(value)) {
        for (const item of value) walk(item, at);
      } else if (value !== null && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        const here = isPosition(record['at']) ? record['at'] : at;
        for (const [key, item] of Object.entries(record)) if (!NOT_PUBLISHED_TEXT.has(key)) walk(item, here);
      }
    };
    walk(d, { file: d.files.disclosure, line: 1, column: 1 });
    if (d.narrative) matches.push(...scanMarkdown({ path: d.narrative.file, text: d.narrative.markdown }));
    return notAllowed(matches, d.privacyAllowList);
  });
}

const isPosition = (value: unknown): value is SourcePosition =>
  value !== null && typeof value === 'object' && typeof (value as SourcePosition).file === 'string' && typeof (value as SourcePosition).line === 'number';
