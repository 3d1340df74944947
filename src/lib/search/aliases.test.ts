import { describe, expect, it } from 'vitest';
import { departmentAliases } from './aliases.ts';

describe('the names people type for a department', () => {
  it('drops the prefecture and abbreviates 人民代表大会常务委员会 to 人大常委会', () => {
    expect(departmentAliases('株洲市荷塘区人民代表大会常务委员会', '株洲市荷塘区')).toEqual([
      '荷塘区人民代表大会常务委员会',
      '株洲市荷塘区人大常委会',
      '荷塘区人大常委会',
    ]);
  });

  it('names the committee itself for its office', () => {
    expect(departmentAliases('平罗县人民代表大会常务委员会办公室', '平罗县')).toEqual(['平罗县人大常委会办公室', '平罗县人大常委会']);
    expect(departmentAliases('攀枝花市仁和区人大常委会办公室', '攀枝花市仁和区')).toEqual([
      '攀枝花市仁和区人大常委会',
      '仁和区人大常委会办公室',
      '仁和区人大常委会',
    ]);
  });

  it('invents nothing for a name with no standard short form', () => {
    expect(departmentAliases('荷塘区市场监督管理局', '株洲市荷塘区')).toEqual([]);
    expect(departmentAliases('石鼓区财政局', '衡阳市石鼓区')).toEqual([]);
  });
});
