/**
 * The command line of `npm run import`: arguments, the file system (read the file and the content
 * folder's catalogues, refuse to overwrite edited content without --force, write), then the same
 * checks as the build. Returns the output and exit code rather than printing, for tests.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatFinding } from '../findings.ts';
import { readContentFiles } from '../content/read-content-dir.ts';
import { validateContentDir } from '../validate/validate-content.ts';
import { importFile } from './import-file.ts';
import { formatIssue, isError } from './issues.ts';

export interface ImportOutcome {
  readonly exitCode: number;
  readonly output: string;
  /** The folder written (relative to the content folder), or null. */
  readonly written: string | null;
}

const USAGE =
  '用法 usage: npm run import -- <file> --region <6位行政区划代码> --year <yyyy> [--department <code>] [--template <id>] [--phase budget|final] [--content <dir>] [--force]\n';

interface Args {
  file: string;
  region: string;
  year: number;
  department?: string;
  template?: string;
  phase?: 'budget' | 'final';
  content: string;
  force: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
  const values = new Map<string, string>();
  const positional: string[] = [];
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--force') force = true;
    else if (a.startsWith('--')) {
      const [key, inline] = a.slice(2).split('=', 2);
      const value = inline ?? argv[++i];
      if (value === undefined) return `选项 --${key} 缺少取值 / option --${key} needs a value`;
      values.set(key ?? '', value);
    } else positional.push(a);
  }
  const file = positional[0];
  if (!file) return '缺少要导入的文件 / missing the file to import';
  const region = values.get('region') ?? '';
  if (!/^\d{6}$/.test(region)) return '--region 应为 6 位行政区划代码 / --region must be a 6-digit region code';
  const year = Number(values.get('year'));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return '--year 应为四位年份 / --year must be a 4-digit year';
  const phase = values.get('phase');
  if (phase !== undefined && phase !== 'budget' && phase !== 'final') return '--phase 应为 budget 或 final / --phase must be budget or final';
  const department = values.get('department');
  const template = values.get('template');
  return {
    file,
    region,
    year,
    content: values.get('content') ?? 'content',
    force,
    ...(department === undefined ? {} : { department }),
    ...(template === undefined ? {} : { template }),
    ...(phase === undefined ? {} : { phase }),
  };
}

/** The region's name as other disclosures of the content folder give it. */
function regionNameIn(content: string, region: string): string | undefined {
  const dir = join(content, 'disclosures', region);
  if (!existsSync(dir)) return undefined;
  const walk = (folder: string): string | undefined => {
    for (const name of readdirSync(folder).sort()) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) {
        const found = walk(full);
        if (found) return found;
      } else if (name === 'disclosure.yaml') {
        const match = /^region:\s*\{code:\s*"?\d{6}"?,\s*name:\s*([^}]+)\}/mu.exec(readFileSync(full, 'utf8'));
        if (match?.[1]) return match[1].trim().replace(/^"|"$/gu, '');
      }
    }
    return undefined;
  };
  return walk(dir);
}

export async function runImport(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  progress: (line: string) => void = () => {},
): Promise<ImportOutcome> {
  const args = parseArgs(argv);
  if (typeof args === 'string') return { exitCode: 2, output: `${args}\n${USAGE}`, written: null };
  void env;
  if (!existsSync(args.file)) return { exitCode: 1, output: `${args.file} 错误 error [import.fileMissing] 文件不存在 / file not found\n`, written: null };
  const started = performance.now();
  progress(`读取 reading ${args.file} …`);
  const bytes = new Uint8Array(readFileSync(args.file));
  const catalogueDir = join(args.content, 'catalogues');
  const catalogueFiles = existsSync(catalogueDir) ? readContentFiles(catalogueDir).map((f) => ({ ...f, path: f.path })) : [];
  // The catalogue files' paths relative to the content folder, under the prefix loadContent is told.
  const root = args.content.replace(/\/+$/u, '');
  const rootedCatalogues = catalogueFiles.map((f) => ({
    path: `${root}/catalogues/${f.path.slice(f.path.indexOf('catalogues/') + 'catalogues/'.length)}`,
    text: f.text,
  }));
  const regionName = regionNameIn(args.content, args.region);
  progress('识别与导入 recognising and importing …');
  const result = await importFile({
    fileName: args.file,
    bytes,
    region: args.region,
    year: args.year,
    root,
    catalogueFiles: rootedCatalogues,
    ...(regionName === undefined ? {} : { regionName }),
    ...(args.department === undefined ? {} : { department: args.department }),
    ...(args.template === undefined ? {} : { template: args.template }),
    ...(args.phase === undefined ? {} : { phase: args.phase }),
  });
  const lines: string[] = [...result.chosen.map((c) => `识别 chosen: ${c}`)];
  for (const issue of result.issues) lines.push(formatIssue(issue));
  if (!result.files) {
    lines.push(`导入失败，未写入任何文件 / import failed, nothing written (${result.issues.filter(isError).length} error(s))`);
    return { exitCode: 1, output: `${lines.join('\n')}\n`, written: null };
  }
  const folder = join(args.content, result.folder);
  // Content a person edited is not overwritten without --force; the same import again changes nothing.
  const differing = Object.entries(result.files).filter(([name, text]) => {
    const path = join(folder, name);
    return existsSync(path) && readFileSync(path, 'utf8') !== text;
  });
  if (differing.length > 0 && !args.force) {
    lines.push(
      ...differing.map(
        ([name]) =>
          `${join(folder, name)} 错误 error [import.contentEdited] 现有文件与导入结果不同（可能被人编辑过）：确认后用 --force 覆盖 / the existing file differs from the import (edited?): use --force to overwrite`,
      ),
    );
    lines.push('未写入任何文件 / nothing written');
    return { exitCode: 1, output: `${lines.join('\n')}\n`, written: null };
  }
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(result.files)) writeFileSync(join(folder, name), text);
  const seconds = (performance.now() - started) / 1000;
  lines.push(
    `已写入 written ${folder}/ (${Object.keys(result.files).join(', ')}); ${result.rows} 行 rows${result.comparedCells > 0 ? `, 往返校验 round trip: ${result.comparedCells} 个金额单元格一致 amount cells equal` : ''}; ${seconds.toFixed(2)} s`,
  );
  progress('检查 checking …');
  const { findings } = validateContentDir(args.content);
  const own = findings.filter((f) => f.file.includes(result.folder));
  for (const f of own) lines.push(formatFinding(f));
  const errors = own.filter((f) => f.severity === 'error').length;
  lines.push(`检查 check: ${errors} 个错误 error(s), ${own.length - errors} 个警告 warning(s)`);
  return { exitCode: errors > 0 ? 1 : 0, output: `${lines.join('\n')}\n`, written: result.folder };
}
