import type {
  CertificateEntry as Certificate,
  Level,
  MajorEntry as Major,
  MajorGroup,
  MajorStatus,
  SchoolEntry as School,
} from '../../shared/schemas/catalog';

/** The city's plan is the source of every school and direction below. */
const PLAN = '《关于推动四平市现代职业教育高质量发展推进技能社会建设的工作方案》';
const CATALOGUE = '专业名称依据《职业教育专业目录（2021年）》';

const plan = (...sections: string[]) => `${PLAN}${sections.join('、')}`;

const SENIOR_DIRECTION =
  '按方案每个县（市）区建设1所老年大学，将老年教育向基层延伸，成立社区、村教学中心，建设形式多样的老年课堂，重点开展智能技术教育培训，提升老年人信息素养。';

function seniorUniversity(id: string, name: string, shortName: string, county: School['county']): School {
  return {
    id,
    name,
    shortName,
    kind: '老年大学',
    county,
    inPark: false,
    levels: [],
    direction: county === null ? `${SENIOR_DIRECTION}积极创建全省老年课堂示范校。` : SENIOR_DIRECTION,
    phone: null,
    address: null,
    location: null,
    source: plan('三（四）12'),
  };
}

export const schools: School[] = [
  {
    id: 'sp-vocational-univ',
    name: '四平职业大学',
    shortName: '四平职大',
    kind: '高职院校',
    county: null,
    inPark: true,
    levels: ['高职专科', '职业本科'],
    direction:
      '四平现代职业教育园区的基础学校；申办职教本科，以智能控制技术、机械制造及自动化等4个专业为重点申报职教本科专业，按“高职专科－举办本科专业－升格职业本科学校”方向推进；建设医药卫生、智能制造、信息传媒等重点及新兴领域专业，机电、护理等优势专业争取进入全省中上方阵；围绕无人机、机器人制造、遥感解译、数据处理等领域，打造智能制造和大数据产业的技术应用人才培养基地；与四平市人社局技工学校共建产教融合实训培训基地。',
    phone: null,
    address: null,
    location: null,
    source: plan('三（一）1', '三（二）3', '三（二）4', '三（四）10'),
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
    phone: null,
    address: null,
    location: null,
    source: plan('三（一）1', '三（五）13'),
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
    phone: null,
    address: null,
    location: null,
    source: plan('三（一）1', '三（二）3'),
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
    phone: null,
    address: null,
    location: null,
    source: plan('三（一）1', '三（二）4'),
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
    phone: null,
    address: null,
    location: null,
    source: plan('三（一）1', '三（二）4'),
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
    phone: null,
    address: null,
    location: null,
    source: plan('三（一）1', '三（四）10'),
  },
  {
    id: 'jlnu-siping',
    name: '吉林师范大学分院',
    shortName: '吉林师大分院',
    kind: '中职学校',
    county: null,
    inPark: false,
    levels: ['中职', '高职专科'],
    direction:
      '发挥幼儿师范教育深厚底蕴，支持申请专项债券改善办学条件，申报建设四平幼儿师范高等专科学校，力争打造成吉林省幼儿师范特色学校和幼儿教师培养摇篮。',
    phone: null,
    address: null,
    location: null,
    source: plan('三（二）3'),
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
    phone: null,
    address: null,
    location: null,
    source: plan('三（一）2', '三（四）9', '三（五）13', '三（五）15'),
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
    phone: null,
    address: null,
    location: null,
    source: plan('三（一）2', '三（五）13', '三（五）15'),
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
    phone: null,
    address: null,
    location: null,
    source: plan('三（一）2', '三（五）15'),
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
    phone: null,
    address: null,
    location: null,
    source: plan('三（四）12'),
  },
  seniorUniversity('sp-senior-univ', '四平市老年大学', '市老年大学', null),
  seniorUniversity('tiexi-senior-univ', '铁西区老年大学', '铁西老年大学', '铁西区'),
  seniorUniversity('tiedong-senior-univ', '铁东区老年大学', '铁东老年大学', '铁东区'),
  seniorUniversity('lishu-senior-univ', '梨树县老年大学', '梨树老年大学', '梨树县'),
  seniorUniversity('yitong-senior-univ', '伊通满族自治县老年大学', '伊通老年大学', '伊通满族自治县'),
  seniorUniversity('shuangliao-senior-univ', '双辽市老年大学', '双辽老年大学', '双辽市'),
];

/** The only codes confirmed from public data (PLATFORM.md); every other major's code stays null. */
const VERIFIED_CODES: Record<string, string> = {
  '高职专科|机电一体化技术': '460301',
  '高职专科|护理': '520201',
  '高职专科|婴幼儿托育服务与管理': '520802',
  '高职专科|电子商务': '530701',
  '高职专科|现代物流管理': '530802',
  '高职专科|学前教育': '570102K',
  '中职|机电技术应用': '660301',
  '中职|电子商务': '730701',
};

interface MajorSpec {
  id: string;
  name: string;
  level: Level;
  schoolId: string;
  group: MajorGroup;
  summary: string;
  careers: string[];
  certificateIds?: string[];
  sections: string[];
  /** `planned` where the plan only intends it (申报/增设/争取). */
  status?: MajorStatus;
}

function major(spec: MajorSpec): Major {
  return {
    id: spec.id,
    name: spec.name,
    level: spec.level,
    status: spec.status ?? (spec.level === '职业本科' ? 'planned' : 'enrolling'),
    schoolId: spec.schoolId,
    group: spec.group,
    code: VERIFIED_CODES[`${spec.level}|${spec.name}`] ?? null,
    catalogueVersion: '2021',
    summary: spec.summary,
    careers: spec.careers,
    partnerCompanies: [],
    certificateIds: spec.certificateIds ?? [],
    source: `${plan(...spec.sections)}；${CATALOGUE}`,
  };
}

const ELDER = ['cert-elderly-care', 'cert-dementia-care'];
const CHILD = ['cert-child-care', 'cert-maternal-infant-care'];
const ECOMMERCE = ['cert-ecommerce-data', 'cert-online-store'];
const ROBOT = ['cert-robot-ops', 'cert-robot-programming'];

// The plan names 四平职业大学's fields (三（二）4) and its 职教本科 plans (三（二）3).
const spvu: MajorSpec[] = [
  {
    id: 'spvu-nursing',
    name: '护理',
    level: '高职专科',
    schoolId: 'sp-vocational-univ',
    group: '医药卫生',
    summary:
      '学习基础护理、内外科护理、老年护理和急救护理等知识与技能，能在医疗机构和养老机构从事临床护理与健康照护。',
    careers: ['临床护士', '社区护士', '养老机构护理员'],
    certificateIds: ELDER,
    sections: ['三（二）4'],
  },
  {
    id: 'spvu-pharmacy',
    name: '药学',
    level: '高职专科',
    schoolId: 'sp-vocational-univ',
    group: '医药卫生',
    summary: '学习药理学、药剂学、药物分析和药事管理等知识，能从事药品调剂、药品营销与质量检验等工作。',
    careers: ['药店药师助理', '医院药房调剂员', '药品质量检验员'],
    sections: ['三（二）4'],
  },
  {
    id: 'spvu-rehab-therapy',
    name: '康复治疗技术',
    level: '高职专科',
    schoolId: 'sp-vocational-univ',
    group: '医药卫生',
    summary: '学习运动治疗、物理因子治疗、作业治疗和康复评定等技术，为伤病者、老年人提供康复训练服务。',
    careers: ['康复治疗士', '康养机构康复师', '社区康复服务人员'],
    sections: ['三（二）4'],
  },
  {
    id: 'spvu-mechatronics',
    name: '机电一体化技术',
    level: '高职专科',
    schoolId: 'sp-vocational-univ',
    group: '智能制造',
    summary: '学习机械制图、电工电子、PLC 控制、传感器与自动化生产线等技术，能安装、调试和维护机电设备。',
    careers: ['机电设备维修工', '自动化生产线运维员', '设备安装调试员'],
    certificateIds: ROBOT,
    sections: ['三（二）4'],
  },
  {
    id: 'spvu-intelligent-control',
    name: '智能控制技术',
    level: '高职专科',
    schoolId: 'sp-vocational-univ',
    group: '智能制造',
    summary:
      '学习自动控制原理、PLC 与工业网络、运动控制和工业机器人应用等技术，能从事智能控制系统的安装调试与运行维护。',
    careers: ['控制系统调试员', '智能设备运维员', '电气技术员'],
    certificateIds: ROBOT,
    sections: ['三（二）3', '三（二）4'],
  },
  {
    id: 'spvu-machinery-automation',
    name: '机械制造及自动化',
    level: '高职专科',
    schoolId: 'sp-vocational-univ',
    group: '智能制造',
    summary:
      '学习机械设计基础、机械加工工艺、数控编程和自动化生产装备等知识，能从事机械产品的加工、装配与工艺管理。',
    careers: ['数控机床操作员', '机械工艺员', '质量检验员'],
    sections: ['三（二）3', '三（二）4'],
  },
  {
    id: 'spvu-industrial-robot',
    name: '工业机器人技术',
    level: '高职专科',
    schoolId: 'sp-vocational-univ',
    group: '智能制造',
    summary:
      '学习工业机器人的操作编程、工作站集成调试、离线仿真和维护保养，能在智能制造产线从事机器人应用工作。',
    careers: ['工业机器人操作员', '机器人系统运维员', '工作站集成调试员'],
    certificateIds: ROBOT,
    sections: ['三（二）4'],
  },
  {
    id: 'spvu-drone',
    name: '无人机应用技术',
    level: '高职专科',
    schoolId: 'sp-vocational-univ',
    group: '智能制造',
    summary: '学习无人机组装调试、飞行操控、任务载荷应用和维修保养，能在植保、巡检、航拍测绘等场景中作业。',
    careers: ['无人机驾驶员', '植保无人机作业员', '无人机维修员'],
    sections: ['三（二）4'],
  },
  {
    id: 'spvu-remote-sensing',
    name: '摄影测量与遥感技术',
    level: '高职专科',
    schoolId: 'sp-vocational-univ',
    group: '信息技术',
    summary:
      '学习航空与无人机摄影测量、遥感影像处理与解译、地理信息数据生产等技术，能从事测绘与遥感数据处理工作。',
    careers: ['遥感影像解译员', '摄影测量数据处理员', '地理信息数据采集员'],
    sections: ['三（二）4'],
  },
  {
    id: 'spvu-big-data',
    name: '大数据技术',
    level: '高职专科',
    schoolId: 'sp-vocational-univ',
    group: '信息技术',
    summary:
      '学习数据采集与清洗、数据库、大数据平台搭建与运维、数据分析与可视化等技术，能从事数据处理与分析工作。',
    careers: ['数据处理员', '大数据平台运维员', '数据分析助理'],
    sections: ['三（二）4'],
  },
  {
    id: 'spvu-digital-media',
    name: '数字媒体技术',
    level: '高职专科',
    schoolId: 'sp-vocational-univ',
    group: '信息技术',
    summary: '学习图形图像处理、视频拍摄与剪辑、动画制作和新媒体内容制作等技术，能从事数字内容的设计与制作。',
    careers: ['新媒体内容制作员', '视频剪辑师', '平面与动效设计员'],
    sections: ['三（二）4'],
  },
  {
    id: 'spvu-ecommerce',
    name: '电子商务',
    level: '高职专科',
    schoolId: 'sp-vocational-univ',
    group: '财经商贸',
    summary:
      '学习网店运营、网络营销、直播电商、电商数据分析和客户服务等知识与技能，能从事电商平台运营与推广工作。',
    careers: ['网店运营专员', '直播电商运营', '电商数据分析员'],
    certificateIds: ECOMMERCE,
    sections: ['三（二）4', '三（五）15'],
  },
  {
    id: 'spvu-logistics',
    name: '现代物流管理',
    level: '高职专科',
    schoolId: 'sp-vocational-univ',
    group: '财经商贸',
    summary: '学习仓储与配送管理、运输组织、供应链管理和物流信息系统应用，能从事物流作业组织与管理工作。',
    careers: ['仓储主管助理', '物流调度员', '供应链专员'],
    certificateIds: ['cert-logistics'],
    sections: ['三（二）4'],
  },
  {
    id: 'spvu-infant-care',
    name: '婴幼儿托育服务与管理',
    level: '高职专科',
    schoolId: 'sp-vocational-univ',
    group: '康养托育',
    summary:
      '学习婴幼儿生活照护、营养与喂养、卫生保健、早期发展指导和托育机构管理，能在托育机构从事照护与管理工作。',
    careers: ['托育机构保育员', '早期发展指导员', '托育机构管理人员'],
    certificateIds: CHILD,
    sections: ['三（二）4'],
  },
  {
    id: 'spvu-smart-elderly-care',
    name: '智慧健康养老服务与管理',
    level: '高职专科',
    schoolId: 'sp-vocational-univ',
    group: '康养托育',
    summary:
      '学习老年人生活照护、健康评估、康复保健和智慧养老设备与平台应用，能在养老机构和社区从事服务与管理工作。',
    careers: ['养老护理员', '老年人能力评估员', '养老机构运营专员'],
    certificateIds: ELDER,
    sections: ['三（二）4'],
  },
  {
    id: 'spvu-housekeeping',
    name: '现代家政服务与管理',
    level: '高职专科',
    schoolId: 'sp-vocational-univ',
    group: '康养托育',
    summary:
      '学习家庭照护、母婴护理、家庭营养膳食和家政企业管理等知识与技能，能从事家政服务与家政企业运营管理。',
    careers: ['家政服务员', '母婴护理员', '家政企业督导'],
    certificateIds: ['cert-maternal-infant-care'],
    sections: ['三（二）4'],
  },
  {
    id: 'spvu-hotel',
    name: '酒店管理与数字化运营',
    level: '高职专科',
    schoolId: 'sp-vocational-univ',
    group: '旅游服务',
    summary: '学习前厅、客房、餐饮服务与管理及酒店数字化营销和收益管理，能从事酒店服务、运营与管理工作。',
    careers: ['前厅主管', '餐饮服务主管', '酒店新媒体营销专员'],
    sections: ['三（一）1', '三（二）4'],
  },
  {
    id: 'spvu-photovoltaic',
    name: '光伏工程技术',
    level: '高职专科',
    schoolId: 'sp-vocational-univ',
    group: '能源',
    summary: '学习光伏发电原理、光伏电站设计、安装施工与运行维护等技术，能从事光伏系统的施工与运维工作。',
    careers: ['光伏电站运维员', '光伏系统安装员', '光伏工程施工员'],
    sections: ['三（二）4'],
  },
  {
    id: 'spvu-bachelor-intelligent-control',
    name: '智能控制技术',
    level: '职业本科',
    schoolId: 'sp-vocational-univ',
    group: '智能制造',
    summary:
      '拟申报：方案提出四平职业大学以本专业为重点申报职教本科专业，尚未获批招生。学习智能控制系统设计、工业网络与运动控制、智能装备集成等知识。',
    careers: ['智能控制系统工程师', '自动化设备集成工程师', '智能产线技术主管'],
    sections: ['三（二）3'],
  },
  {
    id: 'spvu-bachelor-mechanical-design',
    name: '机械设计制造及自动化',
    level: '职业本科',
    schoolId: 'sp-vocational-univ',
    group: '智能制造',
    summary:
      '拟申报：方案提出以机械制造及自动化专业为重点申报职教本科专业，尚未获批招生；本科层次对应专业为机械设计制造及自动化。学习机械设计、先进制造工艺与自动化装备等知识。',
    careers: ['机械设计工程师', '制造工艺工程师', '自动化装备技术主管'],
    sections: ['三（二）3'],
  },
];

const rural: MajorSpec[] = [
  {
    id: 'rural-animal-husbandry-vet',
    name: '畜牧兽医',
    level: '高职专科',
    schoolId: 'sp-rural-college',
    group: '现代农业',
    summary:
      '学习畜禽饲养管理、动物繁殖、饲料与营养、动物疫病防治和兽医临床诊疗，能从事养殖生产与基层兽医服务。',
    careers: ['养殖场技术员', '村级兽医防疫员', '饲料与兽药技术服务员'],
    sections: ['三（五）13'],
  },
  {
    id: 'rural-modern-agriculture',
    name: '现代农业技术',
    level: '高职专科',
    schoolId: 'sp-rural-college',
    group: '现代农业',
    summary: '学习作物栽培、土壤肥料、植物保护和农业机械化等技术，能从事农业生产技术指导与农业经营管理。',
    careers: ['农业技术员', '农业合作社技术骨干', '农资技术服务员'],
    sections: ['三（五）13'],
  },
  {
    id: 'rural-agro-processing',
    name: '农产品加工与质量检测',
    level: '高职专科',
    schoolId: 'sp-rural-college',
    group: '现代农业',
    summary: '学习粮油、果蔬和畜产品等农产品的加工工艺与质量检测方法，能从事农产品加工生产与质量管理。',
    careers: ['农产品加工技术员', '食品质量检验员', '生产车间管理员'],
    sections: ['三（二）4', '三（五）13'],
  },
  {
    id: 'rural-leisure-agriculture',
    name: '休闲农业经营与管理',
    level: '高职专科',
    schoolId: 'sp-rural-college',
    group: '现代农业',
    summary:
      '学习休闲农业园区规划、农事体验项目策划、乡村旅游服务与营销，能从事休闲农业与乡村旅游的经营管理。',
    careers: ['休闲农业园区管理员', '乡村旅游项目策划', '农家乐经营者'],
    sections: ['三（二）4', '三（五）13'],
  },
  {
    id: 'rural-rural-ecommerce',
    name: '农村电子商务',
    level: '高职专科',
    schoolId: 'sp-rural-college',
    group: '财经商贸',
    summary: '学习农产品网店运营、直播营销、农产品品牌策划与农村物流等知识，能帮助农产品通过电商渠道销售。',
    careers: ['农产品电商运营', '直播带货主播', '村级电商服务站管理员'],
    certificateIds: ['cert-online-store'],
    sections: ['三（五）13', '三（五）15'],
  },
];

const health: MajorSpec[] = [
  {
    id: 'health-nursing',
    name: '护理',
    level: '中职',
    schoolId: 'sp-health-school',
    group: '医药卫生',
    summary:
      '学习护理基础、常用护理技术、母婴与老年护理等知识与技能，能在基层医疗机构和养老机构从事护理辅助工作。',
    careers: ['护理员', '基层医疗机构护理助理', '养老护理员'],
    certificateIds: ELDER,
    sections: ['三（二）3', '三（二）4'],
  },
  {
    id: 'health-pharmacy',
    name: '药剂',
    level: '中职',
    schoolId: 'sp-health-school',
    group: '医药卫生',
    summary:
      '学习药物基础、药品调剂、药品储存养护和医药商品销售等知识，能在药店和医药企业从事药品调剂与销售。',
    careers: ['药品调剂员', '医药商品购销员', '药品储存养护员'],
    sections: ['三（二）3', '三（二）4'],
  },
  {
    id: 'health-rehab',
    name: '康复技术',
    level: '中职',
    schoolId: 'sp-health-school',
    group: '医药卫生',
    summary: '学习人体结构与功能、常用康复训练和物理治疗方法，能在康复机构和养老机构协助开展康复服务。',
    careers: ['康复技术员', '康养机构康复助理', '社区康复服务员'],
    sections: ['三（二）3', '三（二）4'],
  },
  {
    id: 'health-smart-elderly-care',
    name: '智慧健康养老服务',
    level: '中职',
    schoolId: 'sp-health-school',
    group: '康养托育',
    summary:
      '学习老年人生活照料、基础护理、康乐活动组织和智能养老设备使用，能在养老机构和居家养老服务中从事照护工作。',
    careers: ['养老护理员', '居家养老服务员', '养老机构活动组织员'],
    certificateIds: ELDER,
    sections: ['三（二）3', '三（二）4'],
  },
];

const jlnu: MajorSpec[] = [
  {
    id: 'jlnu-child-care',
    name: '幼儿保育',
    level: '中职',
    schoolId: 'jlnu-siping',
    group: '教育',
    summary:
      '学习幼儿卫生保健、生活照料、游戏活动组织和儿童歌曲、美术、舞蹈等技能，能在幼儿园和托育机构从事保育工作。',
    careers: ['幼儿园保育员', '托育机构照护员', '早教机构助教'],
    certificateIds: CHILD,
    sections: ['三（二）3'],
  },
  {
    id: 'jlnu-preschool-education',
    name: '学前教育',
    level: '高职专科',
    schoolId: 'jlnu-siping',
    group: '教育',
    summary:
      '拟办：方案支持吉林师大分院申报建设四平幼儿师范高等专科学校，本专业为该方向的专科专业，尚未获批。学习学前儿童发展与教育、幼儿园课程与活动设计、艺术技能等，培养幼儿园教师。',
    careers: ['幼儿园教师', '早期教育指导师', '托育机构教师'],
    certificateIds: CHILD,
    sections: ['三（二）3'],
  },
];

const center: MajorSpec[] = [
  {
    id: 'center-mechatronics',
    name: '机电技术应用',
    level: '中职',
    schoolId: 'sp-vocational-center',
    group: '智能制造',
    summary: '学习电工电子、机械基础、PLC 控制和机电设备安装调试等技能，能从事机电设备的安装、操作与维护。',
    careers: ['机电设备安装工', '设备维修电工', '生产线操作工'],
    certificateIds: ['cert-robot-ops'],
    sections: ['三（二）4'],
  },
  {
    id: 'center-cnc',
    name: '数控技术应用',
    level: '中职',
    schoolId: 'sp-vocational-center',
    group: '智能制造',
    summary: '学习机械识图、数控车削与铣削编程、零件加工和质量检测等技能，能操作数控机床加工零件。',
    careers: ['数控车工', '数控铣工', '零件质量检验员'],
    sections: ['三（二）4'],
  },
  {
    id: 'center-ecommerce',
    name: '电子商务',
    level: '中职',
    schoolId: 'sp-vocational-center',
    group: '财经商贸',
    summary: '学习网店开设与装修、商品拍摄与美工、网络营销和客户服务，能从事网店运营与推广的基础工作。',
    careers: ['网店客服', '网店美工', '电商运营助理'],
    certificateIds: ECOMMERCE,
    sections: ['三（二）4'],
  },
  {
    id: 'center-computer',
    name: '计算机应用',
    level: '中职',
    schoolId: 'sp-vocational-center',
    group: '信息技术',
    summary: '学习计算机操作、办公软件、计算机组装维护、网络基础和图文处理，能从事计算机操作与信息处理工作。',
    careers: ['计算机操作员', '办公文员', '计算机维修员'],
    sections: ['三（二）4'],
  },
];

const trade: MajorSpec[] = [
  {
    id: 'trade-ecommerce',
    name: '电子商务',
    level: '中职',
    schoolId: 'sp-trade-school',
    group: '财经商贸',
    summary: '学习网店运营、网络营销、直播销售和商品管理等技能，能从事电商平台的日常运营与客户服务。',
    careers: ['网店运营助理', '直播助理', '电商客服'],
    certificateIds: ECOMMERCE,
    sections: ['三（二）4'],
  },
  {
    id: 'trade-hotel',
    name: '酒店服务与管理',
    level: '中职',
    schoolId: 'sp-trade-school',
    group: '旅游服务',
    summary: '学习前厅接待、客房服务、餐饮服务和礼仪沟通等技能，能在酒店和餐饮企业从事一线服务工作。',
    careers: ['前厅接待员', '客房服务员', '餐厅服务员'],
    sections: ['三（二）4'],
  },
  {
    id: 'trade-logistics',
    name: '物流服务与管理',
    level: '中职',
    schoolId: 'sp-trade-school',
    group: '财经商贸',
    summary: '学习仓储作业、货物配送、快递运营和物流信息系统操作，能从事仓储与配送一线作业。',
    careers: ['仓库管理员', '快递站点运营员', '物流信息录入员'],
    certificateIds: ['cert-logistics'],
    sections: ['三（二）4'],
  },
  {
    id: 'trade-accounting',
    name: '会计事务',
    level: '中职',
    schoolId: 'sp-trade-school',
    group: '财经商贸',
    summary: '学习会计基础、出纳实务、财务软件应用和纳税申报基础，能从事出纳、记账等基础财务工作。',
    careers: ['出纳员', '记账员', '财务助理'],
    sections: ['三（一）1'],
  },
];

const shuangliao: MajorSpec[] = [
  {
    id: 'sl-modern-agronomy',
    name: '现代农艺技术',
    level: '中职',
    schoolId: 'shuangliao-vocational',
    group: '现代农业',
    summary: '学习作物生产、土壤肥料、植物病虫害防治和农业机械使用等技术，能从事生态农业生产与技术推广。',
    careers: ['农业技术员', '家庭农场经营者', '植保员'],
    sections: ['三（一）2', '三（五）13'],
  },
  {
    id: 'sl-livestock',
    name: '畜禽生产技术',
    level: '中职',
    schoolId: 'shuangliao-vocational',
    group: '现代农业',
    summary: '学习畜禽饲养管理、繁殖育种、饲料配制和常见疫病预防，能从事肉牛、生猪等养殖生产工作。',
    careers: ['养殖场饲养员', '畜禽繁育员', '养殖技术服务员'],
    sections: ['三（一）2', '三（五）13'],
  },
  {
    id: 'sl-ecommerce',
    name: '电子商务',
    level: '中职',
    schoolId: 'shuangliao-vocational',
    group: '财经商贸',
    summary: '学习网店运营、农产品直播销售、商品拍摄与网络营销，能依托电商直播基地帮助推广销售当地农产品。',
    careers: ['农产品电商运营', '直播助理', '网店客服'],
    certificateIds: ECOMMERCE,
    sections: ['三（五）15'],
  },
  {
    id: 'sl-leisure-agriculture',
    name: '休闲农业生产与经营',
    level: '中职',
    schoolId: 'shuangliao-vocational',
    group: '现代农业',
    summary: '学习特色种养、农事体验活动组织、乡村旅游接待和农产品营销，能从事休闲农业园区的生产与经营服务。',
    careers: ['休闲农业园区服务员', '乡村旅游接待员', '农家乐经营者'],
    sections: ['三（二）4', '三（五）13'],
  },
];

const yitong: MajorSpec[] = [
  {
    id: 'yt-mechatronics',
    name: '机电技术应用',
    level: '中职',
    schoolId: 'yitong-vocational',
    group: '智能制造',
    summary: '学习电工电子、机械基础、PLC 控制和机电设备安装调试等技能，能在制造企业从事设备操作与维护。',
    careers: ['机电设备安装工', '维修电工', '生产线操作工'],
    certificateIds: ['cert-robot-ops'],
    sections: ['三（一）2', '三（二）4'],
  },
  {
    id: 'yt-machining',
    name: '机械加工技术',
    level: '中职',
    schoolId: 'yitong-vocational',
    group: '智能制造',
    summary: '学习机械识图、车铣钳等加工工艺、数控机床操作和零件测量，能从事机械零件的加工与检验。',
    careers: ['车工', '钳工', '数控机床操作工'],
    sections: ['三（一）2', '三（二）4'],
  },
  {
    id: 'yt-ecommerce',
    name: '电子商务',
    level: '中职',
    schoolId: 'yitong-vocational',
    group: '财经商贸',
    summary:
      '学习网店运营、直播销售、短视频制作和网络营销，能依托电商直播基地从事农产品和本地特色产品的网络销售。',
    careers: ['网店运营助理', '直播助理', '短视频运营'],
    certificateIds: ECOMMERCE,
    sections: ['三（五）15'],
  },
  {
    id: 'yt-livestock',
    name: '畜禽生产技术',
    level: '中职',
    schoolId: 'yitong-vocational',
    group: '现代农业',
    summary: '学习畜禽饲养管理、繁殖育种、饲料配制和常见疫病预防，能从事规模养殖场的生产与技术服务。',
    careers: ['养殖场饲养员', '畜禽繁育员', '养殖技术服务员'],
    sections: ['三（五）13'],
  },
];

const lishu: MajorSpec[] = [
  {
    id: 'ls-modern-agronomy',
    name: '现代农艺技术',
    level: '中职',
    schoolId: 'lishu-vocational',
    group: '现代农业',
    summary: '学习作物栽培、土壤培肥与保护性耕作、病虫害绿色防控等技术，能从事黑土地保护与粮食生产技术服务。',
    careers: ['农业技术员', '农民专业合作社技术骨干', '植保员'],
    sections: ['三（一）2'],
  },
  {
    id: 'ls-farm-machinery',
    name: '农业机械使用与维护',
    level: '中职',
    schoolId: 'lishu-vocational',
    group: '现代农业',
    summary: '学习拖拉机、免耕播种机、收获机等农业机械的操作、调试与维修，能从事农机作业与农机维修服务。',
    careers: ['农机驾驶操作员', '农机维修工', '农机合作社技术员'],
    sections: ['三（一）2'],
  },
  {
    id: 'ls-ecommerce',
    name: '电子商务',
    level: '中职',
    schoolId: 'lishu-vocational',
    group: '财经商贸',
    summary: '学习网店运营、农产品直播销售、商品拍摄与网络营销，能依托电商直播基地帮助推广销售当地农产品。',
    careers: ['农产品电商运营', '直播助理', '网店客服'],
    certificateIds: ECOMMERCE,
    sections: ['三（五）15'],
  },
];

export const majors: Major[] = [
  ...spvu,
  ...rural,
  ...health,
  ...jlnu,
  ...center,
  ...trade,
  ...shuangliao,
  ...yitong,
  ...lishu,
].map(major);

type CertificateSpec = Omit<Certificate, 'majorIds' | 'schoolIds' | 'levels' | 'source'>;

const certificateSpecs: CertificateSpec[] = [
  {
    id: 'cert-elderly-care',
    name: '老年照护',
    issuer: '北京中福长者文化科技有限公司',
    summary: '考核面向养老机构、社区和居家场景的老年人生活照护、基础照护、康复照护和心理支持等技能。',
  },
  {
    id: 'cert-logistics',
    name: '物流管理',
    issuer: '北京中物联物流采购培训中心',
    summary: '考核仓储、配送、运输组织和物流信息处理等物流作业与管理技能。',
  },
  {
    id: 'cert-dementia-care',
    name: '失智老年人照护',
    issuer: '北京中民福祉教育科技有限责任公司',
    summary: '考核失智老年人的日常生活照护、认知功能促进、精神行为问题应对和照护环境营造等技能。',
  },
  {
    id: 'cert-maternal-infant-care',
    name: '母婴护理',
    issuer: '济南阳光大姐服务有限责任公司',
    summary: '考核孕产妇和新生儿、婴儿的日常护理、喂养指导与常见问题识别等技能。',
  },
  {
    id: 'cert-ecommerce-data',
    name: '电子商务数据分析',
    issuer: '北京博导前程信息技术股份有限公司',
    summary: '考核电商数据的采集、处理、分析与可视化报告撰写，为店铺运营决策提供依据。',
  },
  {
    id: 'cert-online-store',
    name: '网店运营推广',
    issuer: '北京鸿科经纬科技有限公司',
    summary: '考核网店开设与装修、商品发布、营销推广和客户服务等网店运营技能。',
  },
  {
    id: 'cert-robot-ops',
    name: '工业机器人操作与运维',
    issuer: '北京新奥时代科技有限责任公司',
    summary: '考核工业机器人的基本操作、示教编程、日常维护保养与常见故障排查。',
  },
  {
    id: 'cert-robot-programming',
    name: '工业机器人应用编程',
    issuer: '北京赛育达科教有限责任公司',
    summary: '考核工业机器人在典型工作站中的应用编程、调试与离线仿真等技能。',
  },
  {
    id: 'cert-child-care',
    name: '幼儿照护',
    issuer: '湖南金职伟业母婴护理有限公司',
    summary: '考核婴幼儿生活照料、安全与健康管理和早期发展支持等照护技能。',
  },
];

// Derived from the majors' certificateIds so the two directions cannot drift apart.
export const certificates: Certificate[] = certificateSpecs.map((spec) => {
  const related = majors.filter((m) => m.certificateIds.includes(spec.id));
  return {
    ...spec,
    levels: ['初级', '中级', '高级'],
    majorIds: related.map((m) => m.id),
    schoolIds: [...new Set(related.map((m) => m.schoolId))],
    source: 'PLATFORM.md: 1+X 培训评价组织名单（教育部职业技能等级证书信息管理服务平台）',
  };
});
