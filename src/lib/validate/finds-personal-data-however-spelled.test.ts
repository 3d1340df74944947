import { describe, expect, it } from 'vitest';
import { loadSynthetic } from '../../../tests/validation/synthetic-content.ts';
import { canonicalPersonalValue, findPersonalData, isOldIdCardNumber } from './personal-data.ts';
import { validateContent } from './validate-content.ts';

// SYNTHETIC values only: region 990001 does not exist; the numbers belong to nobody we know of.
const MOBILE = '13912345678';
const ID18 = '990001198001011230';
const ID15 = '110105491231002';

const kinds = (text: string) => findPersonalData(text).map((m) => m.kind);

const SEPARATORS = [' ', '-', '.', '/', '－', '—', '　', '\u00a0', '\u2009', '\u200b', ' - ', '**', '_'];
const GROUPINGS: readonly (readonly number[])[] = [[3, 4, 4], [3, 8], [4, 7], [3, 3, 5], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]];
const group = (digits: string, sizes: readonly number[], separator: string): string => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) parts.push(digits.slice(at, (at += size)));
  return parts.join(separator);
};

describe('a mobile number', () => {
  const spellings = [
    ...SEPARATORS.flatMap((sep) => GROUPINGS.map((sizes) => group(MOBILE, sizes, sep))),
    `+86${MOBILE}`, `0086${MOBILE}`, `+86 ${MOBILE}`, `+86-139-1234-5678`, `(+86)139 1234 5678`, `86 139 1234 5678`,
    '(139)12345678', '（139）1234-5678', '１３９１２３４５６７８', '１３９－１２３４－５６７８', '139\u200d1234\u2060 5678',
  ];

  it.each(spellings)('is found however it is spelled: %j', (spelling) => {
    expect(kinds(`联系人电话：${spelling}。`)).toEqual(['mobileNumber']);
    expect(canonicalPersonalValue(findPersonalData(`电话${spelling}`)[0]?.value ?? '')).toBe(MOBILE);
  });

  it('is told apart from office landlines, amounts, codes and columns of figures', () => {
    for (const text of ['0731-88888888', '0731-8888 8888', '(0731)88888888', '13.50 12.00 34.56', '金额 8613912345678 分', '编号 139123456789', '30101+30102+30103', '2010101 30101', '199\t0\t0\t0\n221\t02', '199 0 0 0 221 02']) {
      expect(kinds(text), text).toEqual([]);
    }
  });
});

describe('an ID-card number', () => {
  it.each([ID18, '990001 19800101 1230', '990001-1980-0101-1230', '９９０００１１９８００１０１１２３０', '11010519491231002x', ID15, '110105 491231 002', '110105-491231-002'])(
    'is found in 18 or 15 digits, grouped or not: %j',
    (spelling) => expect(kinds(`身份证号 ${spelling}`)).toEqual(['idCardNumber']),
  );

  it('in 15 digits needs a real province and birth date, having no check digit', () => {
    expect(isOldIdCardNumber(ID15)).toBe(true);
    expect(isOldIdCardNumber('990105491231002')).toBe(false);
    expect(isOldIdCardNumber('110105491331002')).toBe(false);
  });
});

describe('a personal e-mail address', () => {
  it.each(['zhang@qq.com', 'zhang(at)qq.com', 'zhang（at）qq.com', 'zhang [at] qq [dot] com', 'zhang at qq dot com', 'zhang＠qq.com', 'zhang@qq。com', 'ＺＨＡＮＧ＠ＱＱ．ＣＯＭ', 'zhang @ qq.com', 'zh\u200bang@qq.com'])(
    'is found however @ and . are written: %j',
    (spelling) => expect(kinds(`邮箱：${spelling}`)).toEqual(['personalEmail']),
  );

  it('on a government domain is an office mailbox and passes, spelled either way', () => {
    expect(kinds('office@czj.example.gov.cn office(at)czj.example.gov.cn')).toEqual([]);
  });
});

describe('what a narrative publishes', () => {
  const notes = (text: string) => {
    const { result, files } = loadSynthetic([{ file: 'notes.md', from: '## 其他', to: `${text}\n\n## 其他` }]);
    return validateContent(result, files).filter((f) => f.code.startsWith('privacy.'));
  };

  it.each([
    ['Markdown emphasis between the groups', '电话 139**1234**5678'],
    ['a link around the first group', '电话 [139](https://example.gov.cn/)12345678'],
    ['entity-encoded digits', '电话 &#49;&#51;&#57;12345678'],
    ['hex entities', '电话 &#x31;&#x33;&#x39;12345678'],
    ['a number in an HTML comment', '<!-- 13912345678 -->'],
  ])('is checked after Markdown and entities: %s', (_what, text) => {
    const found = notes(text);
    expect(found.map((f) => [f.code, f.line])).toEqual([['privacy.mobileNumber', 10]]);
  });

  it('lets the allow-listed duty phone through in any spelling', () => {
    expect(notes('值班：139 0000 9999，+86-139-0000-9999')).toEqual([]);
  });
});
