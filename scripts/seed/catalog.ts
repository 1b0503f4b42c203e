import type {
  CertificateEntry as Certificate,
  Level,
  MajorEntry as Major,
  MajorGroup,
  MajorStatus,
  SchoolEntry as School,
} from '../../shared/schemas/catalog';

/**
 * Every row below is as docs/catalog-review.md decided it: a school, major or certificate stays only with a
 * public source or the plan's own words, and its `source` says which. Nothing here claims the national
 * catalogue: no major's name, 学制 or code has been checked against it.
 */

/** The city's plan: /work/shared/seed/siping-vocational-education-plan.txt, cited by section (三（二）3 …). */
const PLAN = '《关于推动四平市现代职业教育高质量发展推进技能社会建设的工作方案》';

const plan = (...sections: string[]) => `${PLAN}${sections.join('、')}`;
const PLAN_ONLY = '；未找到方案以外的公开来源';

/** Public pages the review used, numbered as in its source list. */
const S1 =
  '四平职业大学院校库页面（默默网，第三方，2025-09-08）：http://www.momoru.com/yuanxiaoku/14406.html';
const S2 =
  '吉林省四平卫生学校简介（第三方转载，未注明日期）：http://trudellpharmacy.com/xuexiao/intro-6122.html';
const S3_URL = 'http://www.llaw.org.cn/h/crjg/2017-12-14/4505.html';
const S3 = `双辽市职业中专简介（2017-12-14）：${S3_URL}`;
const S5 =
  '《伊通职教中心三十年的发展纪实》（2015-08-04）：http://e.wenmi.ren/Article/ShowArticle.asp?ArticleID=155210';
const S6 =
  '四平市职业技术教育中心沿革（第三方转载，首句有乱码）：http://www.zhongren.cq.cn/shengxue/fa5c1CWZXA1MFUgU.html';
const S7 =
  '吉政函〔2025〕17号《关于同意设立四平现代职业学院的批复》（2025-03-28，转载）：http://huaue.com/news2025/2025420221327.htm';
const S8 = '四平现代职业学院学校简介（学校官网）：http://www.spxdzyxy.cn/PC/article-58-1.html';
const S10 =
  '2021年教育部1+X老年照护职业技能等级证书试点项目考评站站长工作会报道（2021-03-29，北京中福长者文化科技有限公司主办）：http://zfzj.webtrn.cn/cms/xwdt/161157.htm';
const S11 =
  '2023年物流管理、供应链运营1+X职业技能等级证书全国统一考试报道（北京中物联）：https://wlsyfw.lms.webtrn.cn/cms/xwdt/163981.htm';
const S12 =
  '2021年度1+X幼儿照护职业技能等级证书考核报道（第三方转载，湖南金职伟业母婴护理有限公司组织）：http://www.suratdresswala.com/syxw/pdf/27585.aspx';
const S13 = (batch: '一' | '二') =>
  `1+X第${batch}批培训评价组织及证书名单（二手整理，原出处 https://www.chinazy.org/，未核对原文）`;

const SENIOR_DIRECTION =
  '按方案每个县（市）区建设1所老年大学，将老年教育向基层延伸，成立社区、村教学中心，建设形式多样的老年课堂，重点开展智能技术教育培训，提升老年人信息素养。';

/** A county's 老年大学: the plan asks for one to be built (三（四）12); none is known to exist yet. */
function seniorUniversity(
  id: string,
  name: string,
  shortName: string,
  county: NonNullable<School['county']>,
): School {
  return {
    id,
    name,
    shortName,
    kind: '老年大学',
    county,
    inPark: false,
    levels: [],
    direction: SENIOR_DIRECTION,
    status: 'planned',
    source: `${PLAN}三（四）12：“推动每个县（市）区建设1所老年大学”`,
  };
}

/** Phone, address, location, admissions contact and intro are left out (null): no source gives them. */
export const schools: School[] = [
  {
    id: 'sp-vocational-univ',
    name: '四平职业大学',
    shortName: '四平职大',
    kind: '高职院校',
    county: null,
    inPark: true,
    // A 专科 school ([S1]); its 职业本科 majors are only applied for (三（二）3), so they are planned.
    levels: ['高职专科'],
    direction:
      '四平现代职业教育园区的基础学校；申办职教本科，以智能控制技术、机械制造及自动化等4个专业为重点申报职教本科专业，按“高职专科－举办本科专业－升格职业本科学校”方向推进；建设医药卫生、智能制造、信息传媒等重点及新兴领域专业，机电、护理等优势专业争取进入全省中上方阵；围绕无人机、机器人制造、遥感解译、数据处理等领域，打造智能制造和大数据产业的技术应用人才培养基地；与四平市人社局技工学校共建产教融合实训培训基地。',
    source: `${plan('三（一）1', '三（二）3', '三（二）4', '三（四）10')}；${S1}`,
  },
  {
    id: 'sp-rural-college',
    name: '四平农村成人高等专科学校',
    shortName: '农村成人高专',
    kind: '成人高校',
    county: null,
    inPark: true,
    levels: ['高职专科'],
    direction:
      '整合进入四平现代职业教育园区；发挥畜牧兽医专业优势，积极参与“一村一个大学生兽医计划”，拓展涉农学历教育和职业培训，服务乡村振兴。',
    source: plan('三（一）1', '三（五）13') + PLAN_ONLY,
  },
  {
    id: 'sp-health-school',
    name: '吉林省四平卫生学校',
    shortName: '四平卫校',
    kind: '中职学校',
    county: null,
    inPark: true,
    levels: ['中职'],
    direction:
      '整合进入四平现代职业教育园区；发挥国家级示范校优势，依托医药健康专业群，与养老托育企业深入合作，打造康养职教品牌，为提升办学层次积蓄力量。',
    source: `${plan('三（一）1', '三（二）3')}；${S2}`,
  },
  {
    id: 'sp-vocational-center',
    name: '四平市职教中心',
    shortName: '市职教中心',
    kind: '中职学校',
    county: null,
    inPark: true,
    levels: ['中职'],
    direction:
      '整合进入四平现代职业教育园区；牵头试点发展以培养专项技能为主的特色综合高中（班），探索中等职业教育与普通高中教育融通；按方案中职学校重点发展电子商务、机械加工等专业群。',
    source: `${plan('三（一）1', '三（二）4')}；${S6}`,
  },
  {
    id: 'sp-trade-school',
    name: '四平市经济贸易学校',
    shortName: '经贸学校',
    kind: '中职学校',
    county: null,
    inPark: true,
    levels: ['中职'],
    direction:
      '整合进入四平现代职业教育园区，实现园区内中、高职资源共享、融合衔接；按方案中职学校重点发展电子商务、酒店管理等专业群，增设物流等紧缺专业。',
    source: plan('三（一）1', '三（二）4') + PLAN_ONLY,
  },
  {
    id: 'sp-technician-school',
    name: '四平市人社局技工学校',
    shortName: '技工学校',
    kind: '技工学校',
    county: null,
    inPark: true,
    // 技工院校 follow the human-resources ministry's own catalogue, not the 2021 education one.
    levels: [],
    direction:
      '整合进入四平现代职业教育园区；与四平职业大学共同建设产教融合实训培训基地，打造全市具有示范性的创业就业技能培训服务平台，开展补贴性培训和市场化培训。',
    source: `${plan('三（一）1', '三（四）10')}${PLAN_ONLY}，方案所指是哪所技工学校待核实`,
  },
  {
    id: 'sp-modern-vocational',
    name: '四平现代职业学院',
    shortName: '四平现代职院',
    kind: '高职院校',
    county: null,
    inPark: false,
    levels: ['高职专科'],
    direction:
      '2025年经吉林省人民政府批准、教育部备案，以吉林师范大学分院（原四平幼儿师范学校）为基础设立的公办全日制专科层次高等职业学校；深耕学前教育，是教育部“1+X”幼儿照护等7个职业技能等级考试试点院校。',
    website: 'http://www.spxdzyxy.cn/',
    source: `${S7}；${S8}`,
  },
  {
    id: 'shuangliao-vocational',
    name: '双辽市职业中专',
    shortName: '双辽职专',
    kind: '中职学校',
    county: '双辽市',
    inPark: false,
    levels: ['中职'],
    direction:
      '以服务乡村振兴为重点，依托涉农领域优势专业，建设省内领先、国内知名的优质中职学校；双辽市职业教育集团向生态农业方向转型升级并实体化运作；建设省级服务县域振兴示范性职教中心和电商直播基地，助力当地农产品推广销售。',
    source: `${plan('三（一）2', '三（四）9', '三（五）13', '三（五）15')}；${S3}`,
  },
  {
    id: 'yitong-vocational',
    name: '伊通县职教中心',
    shortName: '伊通职教中心',
    kind: '中职学校',
    county: '伊通满族自治县',
    inPark: false,
    levels: ['中职'],
    direction:
      '突出职教中心“一中心多职能”作用，围绕服务县域经济发展和融入长春半小时经济圈，打造全省前列的综合性技能培训服务平台；建设省级服务县域振兴示范性职教中心和电商直播基地。',
    source: `${plan('三（一）2', '三（五）13', '三（五）15')}；${S5}`,
  },
  {
    id: 'lishu-vocational',
    name: '梨树县职教中心',
    shortName: '梨树职教中心',
    kind: '中职学校',
    county: '梨树县',
    inPark: false,
    levels: ['中职'],
    direction:
      '围绕“黑土地保护”，充分整合县内各类职业教育资源，谋划建设梨树县新农科职教园区，培养多类型实用人才；建设电商直播基地，助力当地农产品推广销售。',
    source: `${plan('三（一）2', '三（五）15')}（“每个县（市）职教中心”）${PLAN_ONLY}，校名待核实`,
  },
  {
    id: 'sp-open-university',
    name: '吉林广播电视大学四平分校',
    shortName: '四平电大',
    kind: '开放大学',
    county: null,
    inPark: false,
    levels: [],
    direction: '牵头探索创建社区教育学院，面向居民开展教育培训服务，提高社区教育水平和社会参与度。',
    source: plan('三（四）12') + PLAN_ONLY,
  },
  seniorUniversity('tiexi-senior-univ', '铁西区老年大学', '铁西老年大学', '铁西区'),
  seniorUniversity('tiedong-senior-univ', '铁东区老年大学', '铁东老年大学', '铁东区'),
  seniorUniversity('lishu-senior-univ', '梨树县老年大学', '梨树老年大学', '梨树县'),
  seniorUniversity('yitong-senior-univ', '伊通满族自治县老年大学', '伊通老年大学', '伊通满族自治县'),
  seniorUniversity('shuangliao-senior-univ', '双辽市老年大学', '双辽老年大学', '双辽市'),
];

interface MajorSpec {
  id: string;
  name: string;
  level: Level;
  schoolId: string;
  group: MajorGroup;
  summary: string;
  careers: string[];
  certificateIds?: string[];
  /** `enrolling` only with a public page showing the school teaches it; `planned` only on the plan's 申报/争取. */
  status: MajorStatus;
  /** The public page (and its date) or the plan's section and words. */
  source: string;
}

function major(spec: MajorSpec): Major {
  return {
    id: spec.id,
    name: spec.name,
    level: spec.level,
    status: spec.status,
    // 学制, code and catalogue name are unverified for every row: names are as the source gives them.
    years: null,
    schoolId: spec.schoolId,
    group: spec.group,
    code: null,
    catalogueVersion: null,
    summary: spec.summary,
    careers: spec.careers,
    partnerCompanies: [],
    certificateIds: spec.certificateIds ?? [],
    source: spec.source,
  };
}

const SPVU_BACHELOR = `${PLAN}三（二）3：“以智能控制技术、机械制造及自动化等4个专业为重点申报职教本科专业”；二、工作目标：“争取举办职教本科专业”`;

const spvu: MajorSpec[] = [
  {
    id: 'spvu-bachelor-intelligent-control',
    name: '智能控制技术',
    level: '职业本科',
    schoolId: 'sp-vocational-univ',
    group: '智能制造',
    status: 'planned',
    summary:
      '拟申报：方案提出四平职业大学以本专业为重点申报职教本科专业，尚未获批招生。学习智能控制系统设计、工业网络与运动控制、智能装备集成等知识。',
    careers: ['智能控制系统工程师', '自动化设备集成工程师', '智能产线技术主管'],
    source: SPVU_BACHELOR,
  },
  {
    // The id keeps its old wording so links already shared keep working; the name is the plan's.
    id: 'spvu-bachelor-mechanical-design',
    name: '机械制造及自动化',
    level: '职业本科',
    schoolId: 'sp-vocational-univ',
    group: '智能制造',
    status: 'planned',
    summary:
      '拟申报：方案提出四平职业大学以本专业为重点申报职教本科专业，尚未获批招生，获批后的专业名称以教育部公布为准。学习机械设计、先进制造工艺与自动化装备等知识。',
    careers: ['机械设计工程师', '制造工艺工程师', '自动化装备技术主管'],
    source: SPVU_BACHELOR,
  },
];

const health: MajorSpec[] = [
  {
    id: 'health-nursing',
    name: '护理',
    level: '中职',
    schoolId: 'sp-health-school',
    group: '医药卫生',
    status: 'enrolling',
    summary:
      '学习护理基础、常用护理技术、母婴与老年护理等知识与技能，能在基层医疗机构和养老机构从事护理辅助工作。',
    careers: ['护理员', '基层医疗机构护理助理', '养老护理员'],
    certificateIds: ['cert-elderly-care', 'cert-dementia-care'],
    source: S2,
  },
  {
    id: 'health-pharmacy',
    name: '药剂',
    level: '中职',
    schoolId: 'sp-health-school',
    group: '医药卫生',
    status: 'enrolling',
    summary:
      '学习药物基础、药品调剂、药品储存养护和医药商品销售等知识，能在药店和医药企业从事药品调剂与销售。',
    careers: ['药品调剂员', '医药商品购销员', '药品储存养护员'],
    source: S2,
  },
];

const shuangliao: MajorSpec[] = [
  {
    id: 'sl-modern-agronomy',
    name: '现代农艺技术',
    level: '中职',
    schoolId: 'shuangliao-vocational',
    group: '现代农业',
    status: 'enrolling',
    summary: '学习作物生产、土壤肥料、植物病虫害防治和农业机械使用等技术，能从事生态农业生产与技术推广。',
    careers: ['农业技术员', '家庭农场经营者', '植保员'],
    source: `双辽市职业中专简介（2017-12-14）：“现代农艺技术专业是国家级骨干示范专业”，${S3_URL}`,
  },
  {
    id: 'sl-animal-husbandry-vet',
    name: '畜牧兽医',
    level: '中职',
    schoolId: 'shuangliao-vocational',
    group: '现代农业',
    status: 'enrolling',
    summary:
      '学习畜禽饲养管理、繁殖育种、饲料配制和动物疫病防治等知识与技能，能从事畜禽养殖生产和基层动物防疫服务。',
    careers: ['养殖场技术员', '畜禽繁育员', '村级动物防疫员'],
    source: `双辽市职业中专简介（2017-12-14）：“畜牧兽医、机电技术应用、计算机应用专业是省级示范专业”，${S3_URL}`,
  },
];

export const majors: Major[] = [...spvu, ...health, ...shuangliao].map(major);

type CertificateSpec = Omit<Certificate, 'majorIds' | 'schoolIds' | 'levels'>;

const certificateSpecs: CertificateSpec[] = [
  {
    id: 'cert-elderly-care',
    name: '老年照护',
    issuer: '北京中福长者文化科技有限公司',
    summary: '考核面向养老机构、社区和居家场景的老年人生活照护、基础照护、康复照护和心理支持等技能。',
    source: S10,
  },
  {
    id: 'cert-logistics',
    name: '物流管理',
    issuer: '北京中物联物流采购培训中心',
    summary: '考核仓储、配送、运输组织和物流信息处理等物流作业与管理技能。',
    source: `${S11}；全称据${S13('一')}`,
  },
  {
    id: 'cert-dementia-care',
    name: '失智老年人照护',
    issuer: '北京中民福祉教育科技有限责任公司',
    summary: '考核失智老年人的日常生活照护、认知功能促进、精神行为问题应对和照护环境营造等技能。',
    source: S13('二'),
  },
  {
    id: 'cert-maternal-infant-care',
    name: '母婴护理',
    issuer: '济南阳光大姐服务有限责任公司',
    summary: '考核孕产妇和新生儿、婴儿的日常护理、喂养指导与常见问题识别等技能。',
    source: S13('二'),
  },
  {
    id: 'cert-ecommerce-data',
    name: '电子商务数据分析',
    issuer: '北京博导前程信息技术股份有限公司',
    summary: '考核电商数据的采集、处理、分析与可视化报告撰写，为店铺运营决策提供依据。',
    source: S13('二'),
  },
  {
    id: 'cert-online-store',
    name: '网店运营推广',
    issuer: '北京鸿科经纬科技有限公司',
    summary: '考核网店开设与装修、商品发布、营销推广和客户服务等网店运营技能。',
    source: S13('二'),
  },
  {
    id: 'cert-robot-ops',
    name: '工业机器人操作与运维',
    issuer: '北京新奥时代科技有限责任公司',
    summary: '考核工业机器人的基本操作、示教编程、日常维护保养与常见故障排查。',
    source: S13('二'),
  },
  {
    id: 'cert-robot-programming',
    name: '工业机器人应用编程',
    issuer: '北京赛育达科教有限责任公司',
    summary: '考核工业机器人在典型工作站中的应用编程、调试与离线仿真等技能。',
    source: S13('二'),
  },
  {
    id: 'cert-child-care',
    name: '幼儿照护',
    issuer: '湖南金职伟业母婴护理有限公司',
    summary: '考核婴幼儿生活照料、安全与健康管理和早期发展支持等照护技能。',
    source: `${S12}；试点院校据${S8}`,
  },
];

/** Schools a public source names as a 试点院校 for the certificate (cited in its source), beyond its majors' schools. */
const PILOT_SCHOOLS: Record<string, string[]> = {
  // [S8]: “学校获批教育部“1+X”幼儿照护等7个职业技能等级考试试点院校”.
  'cert-child-care': ['sp-modern-vocational'],
};

// Majors and their schools are derived from the majors' certificateIds so the two directions cannot drift apart.
export const certificates: Certificate[] = certificateSpecs.map((spec) => {
  const related = majors.filter((m) => m.certificateIds.includes(spec.id));
  return {
    ...spec,
    levels: ['初级', '中级', '高级'],
    majorIds: related.map((m) => m.id),
    schoolIds: [...new Set([...related.map((m) => m.schoolId), ...(PILOT_SCHOOLS[spec.id] ?? [])])],
  };
});
