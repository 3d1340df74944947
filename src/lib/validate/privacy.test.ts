import { describe, expect, it } from 'vitest';
import { FOLDER, loadSynthetic, positionOfText, syntheticFiles } from '../../../tests/validation/synthetic-content.ts';
import type { ContentFile } from '../content/load.ts';
import { checkDisclosuresForPersonalData, checkFilesForPersonalData } from './privacy.ts';
import { ruleContext } from './rule.ts';

// SYNTHETIC personal values.
const MOBILE = '13912345678';
const check = (files: readonly ContentFile[]) => checkFilesForPersonalData(files, ruleContext(files).yamlSource);
const places = (files: readonly ContentFile[]) => check(files).map((f) => `${f.file}:${f.line}:${f.column} ${f.code}`);
const at = (files: readonly ContentFile[], name: string, needle: string) => {
  const text = files.find((f) => f.path === `${FOLDER}/${name}`)?.text ?? '';
  const { line, column } = positionOfText(text, needle);
  return `${FOLDER}/${name}:${line}:${column}`;
};

describe('personal data in YAML', () => {
  it('is reported at the value itself inside a plain string', () => {
    const files = syntheticFiles([{ file: 'performance.yaml', from: 'goal: 完成虚构专项工作', to: `goal: 联系人 ${MOBILE}，完成虚构专项工作` }]);
    expect(places(files)).toEqual([`${at(files, 'performance.yaml', MOBILE)} privacy.mobileNumber`]);
  });

  it('is found in a number scalar, a quoted string and a block scalar', () => {
    const files = syntheticFiles([
      { file: 'performance.yaml', from: 'period: 2024年1月-12月', to: `period: ${MOBILE}` },
      { file: 'performance.yaml', from: 'goal: 保障虚构服务（合成测试数据）。', to: `goal: |\n      保障虚构服务。\n      电话 "139-1234-0000"` },
      { file: 'disclosure.yaml', from: 'name: 虚构服务保障经费（合成）', to: 'name: "虚构服务 zhang.san@qq.com"' },
    ]);
    expect(places(files)).toEqual([
      `${at(files, 'disclosure.yaml', 'zhang.san@qq.com')} privacy.personalEmail`,
      `${at(files, 'performance.yaml', MOBILE)} privacy.mobileNumber`,
      `${at(files, 'performance.yaml', '139-1234-0000')} privacy.mobileNumber`,
    ]);
  });

  it('is found in comments too, since the content folder itself is published in the repository', () => {
    const files = syntheticFiles([{ file: 'ledger.yaml', from: 'amountUnit: 万元', to: `amountUnit: 万元 # 问题请找 ${MOBILE}` }]);
    expect(places(files)).toEqual([`${at(files, 'ledger.yaml', MOBILE)} privacy.mobileNumber`]);
  });

  it('is found when YAML escapes it, at the start of the scalar', () => {
    const escaped = '"\\u0031' + MOBILE.slice(1) + '"';
    const files = syntheticFiles([{ file: 'performance.yaml', from: 'period: 2024年1月-12月', to: `period: ${escaped}` }]);
    expect(places(files)).toEqual([`${at(files, 'performance.yaml', escaped)} privacy.mobileNumber`]);
  });

  it('passes a value listed in privacyAllowList, in any spelling, and never reports the list itself', () => {
    const files = syntheticFiles([
      { file: 'disclosure.yaml', from: 'privacyAllowList: ["13900009999"]', to: `privacyAllowList: ["13900009999", "${MOBILE}"]` },
      { file: 'performance.yaml', from: 'goal: 完成虚构专项工作', to: 'goal: 值班手机 139 1234 5678，完成虚构专项工作' },
    ]);
    expect(check(files)).toEqual([]);
  });

  it('applies the allow-list of the disclosure even when disclosure.yaml does not load', () => {
    const files = syntheticFiles([{ file: 'disclosure.yaml', from: 'tables: all', to: 'tables: all\nunknownField: 1' }]);
    expect(loadSynthetic([{ file: 'disclosure.yaml', from: 'tables: all', to: 'tables: all\nunknownField: 1' }]).result.disclosures).toEqual([]);
    expect(check(files)).toEqual([]);
  });
});

describe('personal data in Markdown', () => {
  it('is reported at its line and column', () => {
    const files = syntheticFiles([{ file: 'notes.md', from: '## 其他\n', to: `## 其他\n\n经办人：${MOBILE}，身份证 990001198001011230\n` }]);
    expect(places(files)).toEqual([
      `${at(files, 'notes.md', MOBILE)} privacy.mobileNumber`,
      `${at(files, 'notes.md', '990001198001011230')} privacy.idCardNumber`,
    ]);
  });

  it('never repeats the value in messages', () => {
    const files = syntheticFiles([{ file: 'notes.md', from: '## 其他\n', to: `## 其他\n\n${MOBILE}\n` }]);
    const [f] = check(files);
    expect(JSON.stringify(f)).not.toContain(MOBILE);
    expect(f?.actual).toBe('139****5678');
  });
});

describe('without the files', () => {
  it('checks the loaded disclosures and narratives, at the nearest known position', () => {
    const { result, files } = loadSynthetic([
      { file: 'ledger.yaml', from: 'kind: basic, amount: 100.00}', to: `kind: basic, amount: 100.00, reason: 联系 ${MOBILE}}` },
      { file: 'notes.md', from: '## 其他\n', to: '## 其他\n\nzhang.san@qq.com\n' },
    ]);
    const ledger = files.find((f) => f.path.endsWith('ledger.yaml'))?.text ?? '';
    const row = positionOfText(ledger, '{unit: "901001", func: "2010101", econ: "30101"');
    expect(checkDisclosuresForPersonalData(result.disclosures).map((f) => `${f.file}:${f.line}:${f.column} ${f.code}`)).toEqual([
      `${FOLDER}/ledger.yaml:${row.line}:${row.column} privacy.mobileNumber`,
      `${at(files, 'notes.md', 'zhang.san@qq.com')} privacy.personalEmail`,
    ]);
  });

  it('lets the allow-listed duty phone of the valid fixture through', () => {
    expect(checkDisclosuresForPersonalData(loadSynthetic().result.disclosures)).toEqual([]);
  });
});
