/**
 * Every UI string of the site, in zh-CN, under typed keys: a missing or misspelt key is a type
 * error, so it fails `npm run typecheck` and the build rather than showing a blank.
 * Budget terms themselves (表名, 科目名称) come from the content and templates, not from here.
 */
export const zhCN = {
  'site.name': '部门预算公开',
  'site.tagline': '各部门预算公开表、说明与开放数据',
  'site.skipToContent': '跳到正文',
  'nav.home': '首页',
  'nav.data': '开放数据',
  'nav.glossary': '名词解释',
  'nav.indicators': '绩效指标',
  'nav.search': '搜索',
  'nav.breadcrumb': '当前位置',
  'footer.stamp': '构建标识',
  'footer.note': '本站为静态网站，所有数据均可下载核验。',
  'home.title': '部门预算公开',
  'home.intro': '按年度和地区浏览各部门预算公开表。',
  'home.byYear': '{year}年',
  'home.total': '支出合计',
  'home.performanceOnly': '仅公开绩效目标表',
  'year.title': '{year}年部门预算',
  'region.title': '{region}部门预算',
  'disclosure.title': '{department}{year}年部门预算',
  'disclosure.keyFigures': '主要数据',
  'disclosure.tables': '预算公开表',
  'disclosure.downloads': '下载',
  'disclosure.workbook': '全部表格（Excel）',
  'disclosure.narrative': '部门预算说明',
  'disclosure.projects': '项目绩效目标',
  'disclosure.unitPerformance': '整体支出绩效目标',
  'disclosure.charts': '图表',
  'figure.income': '收入合计',
  'figure.expenditure': '支出合计',
  'figure.basic': '基本支出',
  'figure.project': '项目支出',
  'figure.fiscal': '财政拨款',
  'figure.threePublic': '“三公”经费合计',
  'figure.change': '比上年{direction}{amount}万元（{percent}）',
  'figure.changeUp': '增加',
  'figure.changeDown': '减少',
  'figure.unchanged': '与上年持平',
  'table.amountUnit': '金额单位：万元',
  'table.unit': '单位：{unit}',
  'table.empty': '空表',
  'table.notProvided': '本公开未提供此表',
  'table.notProvidedExplain': '该部门本次公开的原始文件中没有此表。这与“空表”不同：空表表示本年度未安排此项目。',
  'table.downloadCsv': '下载 CSV',
  'table.scrollHint': '表格较宽，可左右滑动查看',
  'table.previous': '上一张表',
  'table.next': '下一张表',
  'table.backToDisclosure': '返回本部门预算',
  'search.title': '搜索',
  'search.placeholder': '输入关键词，如 三公经费、人大代表活动经费',
  'search.noscript': '搜索需要启用 JavaScript；所有表格无需 JavaScript 即可阅读。',
  'data.title': '开放数据',
  'data.intro': '本站公开的全部数据均可下载。CSV 为 UTF-8（带 BOM）编码，可直接用 Excel 打开；金额单位见各文件说明。用 SHA256SUMS 可核验下载的文件与发布的一致（sha256sum -c SHA256SUMS，在网站根目录下）。',
  'data.siteWide': '全站开放数据',
  'data.datapackage': '数据包说明（Frictionless Data Package），列出每个文件的字段、类型与说明',
  'data.manifest': '所有下载文件的 SHA-256 校验值',
  'data.perDisclosure': '各部门公开表',
  'glossary.title': '名词解释',
  'indicators.title': '绩效指标一览',
} as const;

export type StringKey = keyof typeof zhCN;

/** The string for `key`, with `{name}` placeholders filled from `values`. */
export function t(key: StringKey, values: Readonly<Record<string, string | number>> = {}): string {
  return zhCN[key].replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
