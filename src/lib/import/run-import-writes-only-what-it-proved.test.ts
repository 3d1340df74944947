/**
 * `npm run import` on disk: it writes the content and runs the build's checks; importing the same
 * file again changes no byte; content a person edited is not overwritten without --force (and the
 * message names the file); a failed import writes nothing.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from './run-import.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-'));
cpSync('content/catalogues', join(dir, 'catalogues'), { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const corpus = new URL('../../../../shared/corpus/ptwl-2024-ys.xlsx', import.meta.url).pathname;
const args = [corpus, '--region', '310107', '--year', '2024', '--content', dir];
const folder = join(dir, 'disclosures/310107/ptwl/2024');

describe('npm run import', () => {
  it('writes the disclosure, says which template and phase it recognised, and passes the build’s checks', async () => {
    const { exitCode, output } = await runImport(args, {});
    expect(output).toContain('识别 chosen: 模板 template: shanghai-budget');
    expect(output).toContain('检查 check: 0 个错误 error(s)');
    expect(exitCode).toBe(0);
    expect(existsSync(join(folder, 'disclosure.yaml'))).toBe(true);
    expect(readFileSync(join(folder, 'notes.md'), 'utf8')).toContain('{{说明:');
  });

  it('is idempotent: the same file again gives byte-identical content', async () => {
    const before = readFileSync(join(folder, 'ledger.yaml'));
    const { exitCode } = await runImport(args, {});
    expect(exitCode).toBe(0);
    expect(readFileSync(join(folder, 'ledger.yaml')).equals(before)).toBe(true);
  });

  it('refuses to overwrite content a person edited, naming the file, unless --force', async () => {
    const ledger = join(folder, 'ledger.yaml');
    const original = readFileSync(ledger, 'utf8');
    writeFileSync(ledger, original.replace('amount: 257700', 'amount: 257701'));
    const refused = await runImport(args, {});
    expect(refused.exitCode).toBe(1);
    expect(refused.output).toContain(`${ledger} 错误 error [import.contentEdited]`);
    expect(readFileSync(ledger, 'utf8')).toContain('amount: 257701');
    const forced = await runImport([...args, '--force'], {});
    expect(forced.exitCode).toBe(0);
    expect(readFileSync(ledger, 'utf8')).toBe(original);
  });

  it('writes nothing when the import fails', async () => {
    const empty = join(dir, 'empty.xlsx');
    writeFileSync(empty, '');
    const { exitCode, output } = await runImport([empty, '--region', '310107', '--year', '2030', '--content', dir, '--department', 'ptwl'], {});
    expect(exitCode).toBe(1);
    expect(output).toContain('[import.emptyFile]');
    expect(existsSync(join(dir, 'disclosures/310107/ptwl/2030'))).toBe(false);
  });
});
