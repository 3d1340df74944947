/**
 * 名词解释: general, plain-language definitions of the budget terms the tables and the overview
 * use. They explain words, never a department's figures. Each term has a stable ASCII anchor
 * (`glossary/#basic`), and the table column headers and key-figure labels that use the term link
 * to it (`labels`: header texts exactly as the official forms print them).
 */

export interface GlossaryTerm {
  /** Stable anchor on the glossary page. */
  readonly id: string;
  readonly term: string;
  readonly definition: string;
  /** Column header texts (as printed) that link to this term. */
  readonly labels: readonly string[];
}

export const GLOSSARY = [
  {
    id: 'department-budget',
    term: '部门预算',
    definition:
      '部门预算是一个部门（含其所属单位）一个预算年度全部收入和支出的计划。它由基层预算单位编制，逐级审核汇总，经财政部门审核后随本级预算报同级人民代表大会审查批准。批准后的部门预算及相关报表、说明依法向社会公开。',
    labels: [],
  },
  {
    id: 'totals',
    term: '收入合计与支出合计',
    definition:
      '收入合计是部门本年度各项收入预算之和，支出合计是本年度各项支出预算之和。加上上年结转结余后的收入总计，与加上年终结转结余后的支出总计相等：部门预算收支平衡。',
    labels: [],
  },
  {
    id: 'general-budget',
    term: '一般公共预算',
    definition:
      '一般公共预算是对以税收为主体的财政收入，安排用于保障和改善民生、推动经济社会发展、维护国家安全、维持国家机构正常运转等方面的收支预算（《预算法》第六条）。部门从中获得的资金称为一般公共预算拨款，包括经费拨款和纳入一般公共预算管理的非税收入拨款。',
    labels: ['一般公共预算', '一般公共预算拨款收入'],
  },
  {
    id: 'gov-fund',
    term: '政府性基金预算',
    definition:
      '政府性基金预算是对依照法律、行政法规的规定在一定期限内向特定对象征收、收取或者以其他方式筹集的资金，专项用于特定公共事业发展的收支预算（《预算法》第九条）。这部分资金专款专用，不能用于其他方面。',
    labels: ['政府性基金', '政府性基金预算拨款收入'],
  },
  {
    id: 'state-capital',
    term: '国有资本经营预算',
    definition: '国有资本经营预算是对国有资本收益作出支出安排的收支预算（《预算法》第十条）。',
    labels: ['国有资本经营预算', '国有资本经营预算拨款收入'],
  },
  {
    id: 'fiscal-appropriation',
    term: '财政拨款',
    definition:
      '财政拨款是本级财政部门当年拨付给部门的资金，包括一般公共预算拨款、政府性基金预算拨款、国有资本经营预算拨款等。部门的事业收入、经营收入等自有收入不属于财政拨款。',
    labels: [],
  },
  {
    id: 'special-account',
    term: '财政专户管理资金',
    definition: '财政专户管理资金是按规定缴入财政专户、实行专项管理的资金，例如部分教育收费。它不纳入一般公共预算，但同样要编入部门预算并公开。',
    labels: ['财政专户管理资金收入'],
  },
  {
    id: 'service-income',
    term: '事业收入',
    definition: '事业收入是事业单位开展专业业务活动及其辅助活动取得的收入，不属于财政拨款。',
    labels: ['事业收入'],
  },
  {
    id: 'carryover',
    term: '上年结转',
    definition: '上年结转是以前年度预算已经安排、尚未使用完毕，按规定结转到本年继续使用的资金。年终结转结余则是本年预算中预计结转到以后年度继续使用的资金。',
    labels: ['上年结转结余'],
  },
  {
    id: 'basic',
    term: '基本支出',
    definition: '基本支出是为保障机构正常运转、完成日常工作任务而安排的支出，由人员经费和公用经费两部分组成。',
    labels: ['基本支出'],
  },
  {
    id: 'project',
    term: '项目支出',
    definition: '项目支出是在基本支出之外，为完成特定工作任务和事业发展目标而安排的支出。每个项目有明确的用途和金额，通常还要设定绩效目标。',
    labels: ['项目支出'],
  },
  {
    id: 'personnel',
    term: '人员经费',
    definition:
      '人员经费是基本支出中用于人员方面的支出，包括工资福利支出（基本工资、津贴补贴、奖金、绩效工资、社会保障缴费、住房公积金等）和对个人和家庭的补助（离退休费、抚恤金、生活补助、医疗费补助等）。',
    labels: ['人员经费'],
  },
  {
    id: 'operating',
    term: '公用经费',
    definition:
      '公用经费是基本支出中用于保障机构日常运转的支出，主要是商品和服务支出（办公费、印刷费、水电费、邮电费、差旅费、维修（护）费、会议费、培训费等），以及办公设备购置等资本性支出。',
    labels: ['公用经费'],
  },
  {
    id: 'office-running-cost',
    term: '机关运行经费',
    definition:
      '机关运行经费是为保障行政单位（含参照公务员法管理的事业单位）运行而用于购买货物和服务的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。本站按行政单位一般公共预算基本支出中的公用经费计算。',
    labels: [],
  },
  {
    id: 'three-public',
    term: '“三公”经费',
    definition:
      '“三公”经费是用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费三项经费的合称。国家要求严格控制“三公”经费，并单独公开其预算。',
    labels: ['“三公”经费合计'],
  },
  {
    id: 'outbound-travel',
    term: '因公出国（境）费',
    definition: '因公出国（境）费是单位工作人员公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出。',
    labels: ['因公出国（境）费'],
  },
  {
    id: 'vehicle',
    term: '公务用车购置及运行维护费',
    definition:
      '公务用车购置费是单位购置公务用车的支出（含车辆购置税）；公务用车运行维护费是单位公务用车的燃料费、维修费、过路过桥费、保险费等支出。两者合称公务用车购置及运行维护费（表格中也写作“公务用车购置及运行费”）。',
    labels: ['公务用车购置及运行费', '公务用车购置费', '公务用车运行费'],
  },
  {
    id: 'reception',
    term: '公务接待费',
    definition: '公务接待费是单位按规定开支的各类公务接待（含外宾接待）支出，如接待出差、考察、检查人员的餐费、住宿费等。',
    labels: ['公务接待费'],
  },
  {
    id: 'special-fund',
    term: '专项资金',
    definition:
      '专项资金是财政安排、有专门指定用途的资金，要求单独核算、专款专用，不得挪作他用。部门预算公开表中的“专项资金预算汇总表”列出部门的各项专项资金及其来源。',
    labels: [],
  },
  {
    id: 'functional',
    term: '支出功能分类',
    definition:
      '支出功能分类是《政府收支分类科目》中按政府职能和活动对支出的分类，回答“钱用于做什么事”，例如一般公共服务支出、社会保障和就业支出、卫生健康支出。科目分类、款、项三级，编码分别为3位、5位和7位，例如201一般公共服务支出、20101人大事务、2010101行政运行。',
    labels: ['功能科目'],
  },
  {
    id: 'economic',
    term: '支出经济分类',
    definition:
      '支出经济分类按支出的经济性质和具体用途对支出分类，回答“钱怎样花”，例如工资福利支出、商品和服务支出、资本性支出。它有两套科目：部门预算支出经济分类（如301工资福利支出、30101基本工资）和政府预算支出经济分类（如501机关工资福利支出），各分类、款两级，两套科目之间有对应关系。',
    labels: ['部门预算支出经济分类科目'],
  },
  {
    id: 'subject-levels',
    term: '类、款、项',
    definition:
      '类、款、项是预算科目的三个层级：类是最大的分类，款在类之下，项在款之下。表格中的“合计”行等于其下各类之和，每一类等于其下各款之和，每一款等于其下各项之和。',
    labels: [],
  },
  {
    id: 'procurement',
    term: '政府采购',
    definition:
      '政府采购是各级国家机关、事业单位和团体组织，使用财政性资金采购依法制定的集中采购目录以内的或者采购限额标准以上的货物、工程和服务的行为（《政府采购法》第二条）。',
    labels: [],
  },
  {
    id: 'performance-goal',
    term: '绩效目标',
    definition:
      '绩效目标是预算资金在一个时期内预期达到的产出和效果。它由一级、二级、三级绩效指标和指标值组成：产出指标说明做多少事、做到什么质量、何时完成、花多少钱；效益指标说明带来的经济、社会、生态和可持续影响；满意度指标说明服务对象是否满意。',
    labels: ['本年度绩效目标', '本年度绩效指标'],
  },
] as const satisfies readonly GlossaryTerm[];

/** The anchor of a glossary term: a typed key, so a link to a term that does not exist is a type error. */
export type GlossaryId = (typeof GLOSSARY)[number]['id'];

const BY_LABEL: ReadonlyMap<string, GlossaryTerm> = new Map(GLOSSARY.flatMap((term: GlossaryTerm) => term.labels.map((label) => [label, term] as const)));
const BY_ID: ReadonlyMap<string, GlossaryTerm> = new Map(GLOSSARY.map((term: GlossaryTerm) => [term.id, term]));

/** The glossary term a column header links to, if its text is one of the terms' printed labels. */
export const glossaryTermForLabel = (label: string): GlossaryTerm | undefined => BY_LABEL.get(label);

/** A glossary term by its anchor. */
export function glossaryTerm(id: GlossaryId): GlossaryTerm {
  const term = BY_ID.get(id);
  if (!term) throw new Error(`unknown glossary term: ${id}`);
  return term;
}
