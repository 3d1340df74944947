/**
 * The names people type for a department. Official names are long (株洲市荷塘区人民代表大会常务
 * 委员会); people type the short form they hear (荷塘区人大常委会), which the official text never
 * holds verbatim, so a verbatim search found nothing and fell back to splitting the query
 * (荷塘区人 + 大常委会). The overview page shows these short forms (常用简称) and names them in
 * its search metadata, so the department's own page is found first.
 *
 * Only standard abbreviations are applied, never guesses: a short form is the official name
 * with (a) the prefecture in front of the county or district dropped, (b) the fixed
 * abbreviations below, (c) 办公室 dropped after a committee, whose office it is.
 */

/** Standard short forms of institution names, as used in official documents and by the public. */
export const ABBREVIATIONS: readonly (readonly [full: string, short: string])[] = [
  ['人民代表大会常务委员会', '人大常委会'],
  ['中国人民政治协商会议', '政协'],
  ['人民政府', '政府'],
  ['中国共产党', '中共'],
];

/** A region named as prefecture + county-level area: 株洲市荷塘区 → 荷塘区. */
const PREFECTURE_AND_COUNTY = /^\p{Script=Han}+?(?:市|州|盟|地区)(\p{Script=Han}{2,}(?:区|县|旗|市))$/u;

function abbreviate(name: string): string {
  return ABBREVIATIONS.reduce((text, [full, short]) => text.split(full).join(short), name);
}

/** The short forms of `department` in `region` (region's full name), without the official name itself; shortest last. */
export function departmentAliases(department: string, region: string): string[] {
  const names = [department];
  const county = PREFECTURE_AND_COUNTY.exec(region)?.[1];
  if (county && department.startsWith(region)) names.push(county + department.slice(region.length));
  const abbreviated = names.map(abbreviate);
  const all = [...names, ...abbreviated];
  for (const name of abbreviated) {
    const committee = /^(.*(?:委员会|常委会))办公室$/u.exec(name)?.[1];
    if (committee) all.push(committee);
  }
  const distinct = [...new Set(all)].filter((name) => name !== department);
  return distinct.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}
