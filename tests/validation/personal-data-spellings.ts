/**
 * The spellings of personal data the privacy check must catch, and the look-alikes it must let
 * through (SYNTHETIC values only: region 990001 does not exist; the numbers belong to nobody we
 * know of). Shared by the detector's tests and the README figures test, so the figures count
 * exactly what is tested.
 */

export const MOBILE = '13912345678';
export const ID18 = '990001198001011230';
const ID15 = '110105491231002';

const SEPARATORS = [' ', '-', '.', '/', '－', '—', '　', '\u00a0', '\u2009', '\u200b', ' - ', '**', '_'];
const GROUPINGS: readonly (readonly number[])[] = [
  [3, 4, 4],
  [3, 8],
  [4, 7],
  [3, 3, 5],
  [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
];
const group = (digits: string, sizes: readonly number[], separator: string): string => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) parts.push(digits.slice(at, (at += size)));
  return parts.join(separator);
};

/** A mobile number with every separator in every grouping, with country prefixes, brackets, full-width digits and invisible characters. */
export const MOBILE_SPELLINGS: readonly string[] = [
  ...SEPARATORS.flatMap((sep) => GROUPINGS.map((sizes) => group(MOBILE, sizes, sep))),
  `+86${MOBILE}`,
  `0086${MOBILE}`,
  `+86 ${MOBILE}`,
  '+86-139-1234-5678',
  '(+86)139 1234 5678',
  '86 139 1234 5678',
  '(139)12345678',
  '（139）1234-5678',
  '１３９１２３４５６７８',
  '１３９－１２３４－５６７８',
  '139\u200d1234\u2060 5678',
  '139\t1234\t5678',
  '一三九一二三四五六七八',
  '壹叁玖 壹贰叁肆 伍陆柒捌',
  '①③⑨①②③④⑤⑥⑦⑧',
  '𝟏𝟑𝟗𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖',
  '139\\-1234\\-5678',
];

/** ID-card numbers in 18 and 15 digits, grouped or not, full-width, lower-case x. */
export const ID_SPELLINGS: readonly string[] = [
  ID18,
  '990001 19800101 1230',
  '990001-1980-0101-1230',
  '９９０００１１９８００１０１１２３０',
  '11010519491231002x',
  ID15,
  '110105 491231 002',
  '110105-491231-002',
];

/** Personal e-mail addresses with @ and . spelled out, full-width, or spaced. */
export const EMAIL_SPELLINGS: readonly string[] = [
  'zhang@qq.com',
  'zhang(at)qq.com',
  'zhang（at）qq.com',
  'zhang [at] qq [dot] com',
  'zhang at qq dot com',
  'zhang＠qq.com',
  'zhang@qq。com',
  'ＺＨＡＮＧ＠ＱＱ．ＣＯＭ',
  'zhang @ qq.com',
  'zh\u200bang@qq.com',
  'zhang@qq[.]com',
  'zhang{at}qq(dot)com',
  'zhang AT qq DOT com',
];

/** What must stay publishable: office landlines, amounts, codes, columns of figures, government mailboxes. */
export const LOOK_ALIKES: readonly string[] = [
  '0731-88888888',
  '0731-8888 8888',
  '(0731)88888888',
  '13.50 12.00 34.56',
  '金额 8613912345678 分',
  '编号 139123456789',
  '30101+30102+30103',
  '2010101 30101',
  '199\t0\t0\t0\n221\t02',
  '199 0 0 0 221 02',
  '139\t12\t34\t5678',
  '一般公共预算三公经费二〇二四年',
  'office@czj.example.gov.cn',
  'office(at)czj.example.gov.cn',
  '990001198001011231',
];
