/**
 * The layout of a content folder, checked from file names alone: a file the loader does not know
 * by its exact name is data that would silently not be published. `disclosure.yml`,
 * `Performance.yaml`, `ledger.yaml` in a folder whose disclosure.yaml was deleted — each is a
 * finding at that file, never a department that quietly vanishes.
 */
import { finding, type Finding } from '../findings.ts';
import { EXPECTED_FILE } from './coverage-file.ts';

/** The files a disclosure folder may hold, by their exact names. */
export const DISCLOSURE_FILES = ['disclosure.yaml', 'ledger.yaml', 'performance.yaml', 'notes.md'] as const;
/** The files a catalogue year folder may hold. */
export const CATALOGUE_FILE_NAMES = ['functional.yaml', 'econ-dept.yaml', 'econ-gov.yaml', 'econ-mapping.yaml'] as const;

/** A name reduced to what a typo keeps: lower case, `.yml`/`.markdown`/`.txt` read as the usual extension. */
const looseName = (name: string): string =>
  name
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/\.(yml|yaml\.txt|yml\.txt)$/, '.yaml')
    .replace(/\.(markdown|txt|md\.txt)$/, '.md');

/** The known name a file was meant to have, when its name is a near miss of one. */
export function intendedName(name: string, known: readonly string[]): string | undefined {
  if (known.includes(name)) return undefined;
  const loose = looseName(name);
  return known.find((k) => looseName(k) === loose || loose.replace(/[-_]/g, '') === k.replace(/[-_]/g, ''));
}

const split = (path: string): { folder: string; name: string } => {
  const slash = path.lastIndexOf('/');
  return { folder: path.slice(0, slash + 1), name: path.slice(slash + 1) };
};

const first = (path: string) => ({ file: path, line: 1, column: 1 });

/**
 * Findings about file names. `paths` are every file below the content folder, each as
 * `prefix + relative path` (the display path); `prefix` is the content folder with a slash.
 */
export function layoutFindings(paths: readonly string[], prefix: string): Finding[] {
  const findings: Finding[] = [];
  const relative = (p: string) => (p.startsWith(prefix) ? p.slice(prefix.length) : p);
  const byFolder = new Map<string, string[]>();
  for (const path of paths) {
    const { folder, name } = split(relative(path));
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), name]);
  }
  for (const [folder, names] of [...byFolder].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const full = (name: string) => `${prefix}${folder}${name}`;
    if (/^catalogues\/\d{4}\/$/.test(folder)) {
      for (const name of names) {
        const meant = intendedName(name, CATALOGUE_FILE_NAMES);
        if (meant) findings.push(misnamed(full(name), name, meant));
      }
      continue;
    }
    if (!folder.startsWith('disclosures/')) continue;
    // A region folder's list of expected departments (coverage-file.ts): a near miss would silently not be read.
    if (/^disclosures\/[^/]+\/$/.test(folder)) {
      for (const name of names) {
        const meant = intendedName(name, [EXPECTED_FILE]);
        if (meant) findings.push(misnamed(full(name), name, meant));
      }
    }
    const isDisclosure = names.includes('disclosure.yaml');
    let named = false;
    for (const name of names) {
      if ((DISCLOSURE_FILES as readonly string[]).includes(name)) continue;
      const meant = intendedName(name, DISCLOSURE_FILES);
      if (meant) {
        findings.push(misnamed(full(name), name, meant));
        named ||= meant === 'disclosure.yaml';
      } else if (isDisclosure) {
        findings.push(
          finding({
            code: 'file.unexpected',
            severity: 'warning',
            zh: `公开文件夹中的“${name}”不是 ${DISCLOSURE_FILES.join('、')} 之一，不会发布`,
            en: `"${name}" in a disclosure folder is none of ${DISCLOSURE_FILES.join(', ')} and is not published`,
            at: first(full(name)),
            actual: name,
          }),
        );
      }
    }
    // A folder with a disclosure's other files but no disclosure.yaml: the department would vanish.
    const orphans = names.filter((n) => (DISCLOSURE_FILES as readonly string[]).includes(n));
    if (!isDisclosure && !named && orphans.length > 0) {
      const file = orphans.sort()[0] ?? names[0] ?? '';
      findings.push(
        finding({
          code: 'disclosure.fileMissing',
          severity: 'error',
          zh: `文件夹 ${prefix}${folder} 有 ${orphans.join('、')}，但没有 disclosure.yaml：这些内容不会发布。请恢复 disclosure.yaml，或删除整个文件夹`,
          en: `folder ${prefix}${folder} holds ${orphans.join(', ')} but no disclosure.yaml, so none of it is published: restore disclosure.yaml or remove the folder`,
          at: first(full(file)),
          expected: 'disclosure.yaml',
        }),
      );
    }
  }
  return findings;
}

const misnamed = (path: string, name: string, meant: string): Finding =>
  finding({
    code: 'file.misnamed',
    severity: 'error',
    zh: `文件名“${name}”不被读取：请改名为 ${meant}（文件名区分大小写，扩展名为 .yaml / .md）`,
    en: `the file name "${name}" is not read: rename it to ${meant} (names are case-sensitive; extensions .yaml / .md)`,
    at: first(path),
    expected: meant,
    actual: name,
  });
