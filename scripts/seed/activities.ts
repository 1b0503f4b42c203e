import type { Dayjs } from 'dayjs';
import type { ActivityCreateInput, ActivityKind, Place } from '../../shared/schemas/activity';
import type { County } from '../../shared/schemas/common';
import { dayjs, inZone, toIso } from '../../shared/time';

/** A sample activity with a stable id, so a re-seed finds the same items. */
export type SeedActivity = ActivityCreateInput & { id: string };

const SAMPLE = '示例活动（演示数据，并非真实通知）。';
const SAMPLE_VILLAGE = '村屯名称为示例。';
const SAMPLE_VENUE = '地点为示例，以学校正式通知为准。';
const WEEKDAY_NAMES = ['一', '二', '三', '四', '五', '六', '日'];

interface Context {
  /** Today's date in Siping. */
  today: string;
  signupOpensAt: string;
}

interface Common {
  id: string;
  title: string;
  description: string;
  schoolId: string;
  county: County;
  place: Place;
  capacity: number;
}

interface EventSpec extends Common {
  kind: Exclude<ActivityKind, 'senior'>;
  /** A 1+X training or exam session: the certificate and level it prepares for or examines. */
  certificate?: { id: string; level: '初级' | '中级' | '高级' };
  /** Days after today. */
  day: number;
  start: string;
  end: string;
}

interface TermSpec extends Common {
  /** 1 = Monday … 7 = Sunday, as the schedule schema counts. */
  weekday: number;
  start: string;
  end: string;
  /** The first class is on the first matching weekday at least this many days after today. */
  fromDay: number;
  /** Weeks from the first class to the last. */
  weeks: number;
}

// Date arithmetic in UTC on plain dates, so the machine's own zone never shifts a day.
const addDays = (date: string, days: number) => dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
const at = (date: string, time: string) => toIso(`${date}T${time}:00+08:00`);
const dayBefore = (iso: string) => toIso(dayjs(iso).subtract(1, 'day'));

function single(ctx: Context, spec: EventSpec): SeedActivity {
  const date = addDays(ctx.today, spec.day);
  const startsAt = at(date, spec.start);
  return {
    id: spec.id,
    kind: spec.kind,
    title: spec.title,
    description: SAMPLE + spec.description,
    schoolId: spec.schoolId,
    county: spec.county,
    place: spec.place,
    startsAt,
    endsAt: at(date, spec.end),
    capacity: spec.capacity,
    signupOpensAt: ctx.signupOpensAt,
    signupClosesAt: dayBefore(startsAt),
    ...(spec.certificate
      ? { certificateId: spec.certificate.id, certificateLevel: spec.certificate.level }
      : {}),
  };
}

function term(ctx: Context, spec: TermSpec): SeedActivity {
  let first = dayjs.utc(addDays(ctx.today, spec.fromDay));
  while ((first.day() || 7) !== spec.weekday) first = first.add(1, 'day');
  const firstDate = first.format('YYYY-MM-DD');
  const lastDate = addDays(firstDate, spec.weeks * 7);
  const startsAt = at(firstDate, spec.start);
  return {
    id: spec.id,
    kind: 'senior',
    title: spec.title,
    description: `${SAMPLE}每周${WEEKDAY_NAMES[spec.weekday - 1] ?? ''}上课，共 ${spec.weeks + 1} 次课。${spec.description}`,
    schoolId: spec.schoolId,
    county: spec.county,
    place: spec.place,
    // The backend derives every session from the schedule; these are the first class's times.
    startsAt,
    endsAt: at(firstDate, spec.end),
    schedule: {
      weekday: spec.weekday,
      startTime: spec.start,
      endTime: spec.end,
      firstDate,
      lastDate,
      skipDates: [],
    },
    capacity: spec.capacity,
    signupOpensAt: ctx.signupOpensAt,
    signupClosesAt: dayBefore(startsAt),
  };
}

const villagePlace = (township: string, village: string, address = `${village}村委会院内`): Place => ({
  township,
  village,
  address,
});

const outreach: EventSpec[] = [
  {
    id: 'act-outreach-sl-maolin-beef-cattle',
    kind: 'outreach',
    title: '送教下乡：肉牛标准化养殖现场教学',
    description:
      '双辽市职业中专涉农专业教师把课堂开到养殖场，现场讲解肉牛品种选择、分阶段饲喂、牛舍卫生和常见病预防，并解答养殖户提问。进入养殖区请遵守防疫要求。' +
      SAMPLE_VILLAGE,
    schoolId: 'shuangliao-vocational',
    county: '双辽市',
    place: villagePlace('茂林镇', '新发村'),
    day: 4,
    start: '09:00',
    end: '11:30',
    capacity: 40,
  },
  {
    id: 'act-outreach-sl-wohu-livestream',
    kind: 'outreach',
    title: '送教下乡：农产品直播带货实操课',
    description:
      '依托学校电商直播基地，手把手教村民用手机开直播：账号开通、直播间布置、杂粮和农副产品讲解、订单处理与发货。请带上智能手机和一件想卖的本地农产品。' +
      SAMPLE_VILLAGE,
    schoolId: 'shuangliao-vocational',
    county: '双辽市',
    place: villagePlace('卧虎镇', '永胜村'),
    day: 9,
    start: '13:30',
    end: '16:00',
    capacity: 30,
  },
  {
    id: 'act-outreach-sl-fuxian-pig',
    kind: 'outreach',
    title: '送教下乡：生猪养殖与疫病防控讲座',
    description:
      '讲解生猪饲养管理、圈舍消毒、免疫程序和常见疫病的早期识别，介绍发现疑似疫情时的报告流程。' +
      SAMPLE_VILLAGE,
    schoolId: 'shuangliao-vocational',
    county: '双辽市',
    place: villagePlace('服先镇', '太平村'),
    day: 16,
    start: '09:00',
    end: '11:00',
    capacity: 50,
  },
  {
    id: 'act-outreach-ls-lishu-conservation',
    kind: 'outreach',
    title: '送教下乡：黑土地保护性耕作技术讲座',
    description:
      '梨树县职教中心教师讲解秸秆覆盖还田、免耕播种、深松整地和合理轮作等保护性耕作技术要点，结合地块实例说明如何减少风蚀水蚀、提升黑土地肥力。' +
      SAMPLE_VILLAGE,
    schoolId: 'lishu-vocational',
    county: '梨树县',
    place: villagePlace('梨树镇', '前进村'),
    day: 5,
    start: '09:00',
    end: '11:30',
    capacity: 60,
  },
  {
    id: 'act-outreach-ls-guojiadian-planter',
    kind: 'outreach',
    title: '送教下乡：免耕播种机调试与保养现场课',
    description:
      '在农机合作社场院现场演示免耕播种机的播量、播深调整和开沟器、排种器的检查保养，学员可分组上手操作。' +
      SAMPLE_VILLAGE,
    schoolId: 'lishu-vocational',
    county: '梨树县',
    place: villagePlace('郭家店镇', '新立村', '新立村农机合作社场院'),
    day: 12,
    start: '09:00',
    end: '11:30',
    capacity: 25,
  },
  {
    id: 'act-outreach-ls-xiaochengzi-straw',
    kind: 'outreach',
    title: '送教下乡：秸秆覆盖还田田间现场教学',
    description:
      '到田间地头查看秸秆覆盖地块，讲解秸秆归行、覆盖量把握和病虫草害防控，交流保护性耕作中常见问题的处理办法。' +
      SAMPLE_VILLAGE,
    schoolId: 'lishu-vocational',
    county: '梨树县',
    place: villagePlace('小城子镇', '胜利村'),
    day: 20,
    start: '09:00',
    end: '11:00',
    capacity: 40,
  },
  {
    id: 'act-outreach-ls-yushutai-livestream',
    kind: 'outreach',
    title: '送教下乡：农产品直播带货入门班',
    description:
      '教村民拍好产品短视频、写好商品标题、开一场简单的直播，并讲解网络销售中的诚信经营和售后服务。请带上智能手机。' +
      SAMPLE_VILLAGE,
    schoolId: 'lishu-vocational',
    county: '梨树县',
    place: villagePlace('榆树台镇', '长安村'),
    day: 26,
    start: '13:30',
    end: '16:00',
    capacity: 30,
  },
  {
    id: 'act-outreach-yt-yingchengzi-cattle',
    kind: 'outreach',
    title: '送教下乡：肉牛繁育与饲养管理现场课',
    description:
      '伊通县职教中心教师到养殖户牛舍现场教学：母牛发情鉴定与配种时机、犊牛护理、育肥牛饲料搭配和日常健康观察。' +
      SAMPLE_VILLAGE,
    schoolId: 'yitong-vocational',
    county: '伊通满族自治县',
    place: villagePlace('营城子镇', '兴隆村'),
    day: 7,
    start: '09:00',
    end: '11:30',
    capacity: 35,
  },
  {
    id: 'act-outreach-yt-jingtai-livestream',
    kind: 'outreach',
    title: '送教下乡：农产品直播带货与短视频拍摄',
    description:
      '依托县职教中心电商直播基地，讲解农产品短视频拍摄构图、剪辑和直播讲解技巧，现场分组练习一场模拟直播。' +
      SAMPLE_VILLAGE,
    schoolId: 'yitong-vocational',
    county: '伊通满族自治县',
    place: villagePlace('景台镇', '红光村'),
    day: 14,
    start: '13:30',
    end: '16:00',
    capacity: 30,
  },
  {
    id: 'act-outreach-rural-guojiazi-vet',
    kind: 'outreach',
    title: '送教下乡：畜牧兽医现场诊疗教学（小班）',
    description:
      '四平农村成人高等专科学校畜牧兽医专业教师结合“一村一个大学生兽医计划”，在养殖户牛舍开展小班教学：牛羊常见病的观察与诊断、规范免疫注射和消毒。为减少进出养殖场的人员，本次只收 6 人。' +
      SAMPLE_VILLAGE,
    schoolId: 'sp-rural-college',
    county: '梨树县',
    place: villagePlace('孤家子镇', '三合村', '三合村养殖小区'),
    day: 6,
    start: '09:00',
    end: '11:30',
    capacity: 6,
  },
  {
    id: 'act-outreach-rural-dagushan-pig',
    kind: 'outreach',
    title: '送教下乡：生猪常见病防治与科学用药',
    description:
      '讲解生猪常见病的症状识别、兽药的规范使用和休药期要求，介绍养殖档案的记录方法。' + SAMPLE_VILLAGE,
    schoolId: 'sp-rural-college',
    county: '伊通满族自治县',
    place: villagePlace('大孤山镇', '福安村'),
    day: 18,
    start: '09:00',
    end: '11:30',
    capacity: 40,
  },
  {
    id: 'act-outreach-rural-wangben-cattle',
    kind: 'outreach',
    title: '送教下乡：肉牛疫病防控与规范免疫',
    description:
      '讲解肉牛主要疫病的防控要点、免疫程序安排和牛舍消毒方法，现场演示规范保定与注射。' + SAMPLE_VILLAGE,
    schoolId: 'sp-rural-college',
    county: '双辽市',
    place: villagePlace('王奔镇', '平安村'),
    day: 33,
    start: '09:00',
    end: '11:30',
    capacity: 45,
  },
];

const cityPlace = (county: '铁西区' | '铁东区', address: string): Place => ({
  township: `${county}城区`,
  address: `${address}（示例地点）`,
});

/**
 * The plan (三（四）12) asks each county to build a 老年大学 (planned in the catalog) and has 吉林广播电视大学四平分校
 * lead 社区教育; the city's own 老年课堂 samples are therefore the open university's.
 */
const senior: TermSpec[] = [
  {
    id: 'act-senior-sp-smartphone',
    title: '老年课堂：智能手机使用入门（智能技术班）',
    description:
      '从开关机、调大字体讲起，学会微信聊天、视频通话、拍照发照片和扫码，老师一步一步带着练。请带上自己的智能手机。' +
      SAMPLE_VENUE,
    schoolId: 'sp-open-university',
    county: '铁西区',
    place: cityPlace('铁西区', '吉林广播电视大学四平分校机房'),
    weekday: 2,
    start: '09:00',
    end: '10:30',
    fromDay: 3,
    weeks: 9,
    capacity: 40,
  },
  {
    id: 'act-senior-sp-calligraphy',
    title: '老年课堂：书法班（楷书入门）',
    description:
      '学习执笔、基本笔画和楷书结构，每次课临帖练习并由老师逐个点评。笔墨纸可自备。' + SAMPLE_VENUE,
    schoolId: 'sp-open-university',
    county: '铁东区',
    place: cityPlace('铁东区', '社区教育教学点'),
    weekday: 4,
    start: '09:00',
    end: '11:00',
    fromDay: 5,
    weeks: 11,
    capacity: 30,
  },
  {
    id: 'act-senior-sp-choir',
    title: '老年课堂：合唱班',
    description: '学习科学发声、识简谱和多声部合唱，排练经典老歌，学期末举办汇报演出。' + SAMPLE_VENUE,
    schoolId: 'sp-open-university',
    county: '铁东区',
    place: cityPlace('铁东区', '社区教育教学点'),
    weekday: 5,
    start: '14:00',
    end: '15:30',
    fromDay: 4,
    weeks: 10,
    capacity: 50,
  },
  {
    id: 'act-senior-tx-smartphone',
    title: '智能手机：视频通话与移动支付',
    description:
      '学会微信视频通话、收发红包、扫码付款和查看付款记录，并讲解支付安全的注意事项。' + SAMPLE_VENUE,
    schoolId: 'tiexi-senior-univ',
    county: '铁西区',
    place: cityPlace('铁西区', '铁西区老年大学教室'),
    weekday: 1,
    start: '09:00',
    end: '10:30',
    fromDay: 3,
    weeks: 9,
    capacity: 35,
  },
  {
    id: 'act-senior-tx-taichi',
    title: '太极拳（二十四式）',
    description:
      '学习二十四式太极拳的基本步型、手型和完整套路，动作舒缓，量力而行。请穿宽松衣服和平底鞋。' +
      SAMPLE_VENUE,
    schoolId: 'tiexi-senior-univ',
    county: '铁西区',
    place: cityPlace('铁西区', '铁西区老年大学活动室'),
    weekday: 3,
    start: '08:30',
    end: '10:00',
    fromDay: 6,
    weeks: 10,
    capacity: 40,
  },
  {
    id: 'act-senior-td-anti-fraud',
    title: '防诈骗与手机安全课',
    description:
      '结合常见骗局讲解冒充客服、保健品推销、投资理财等诈骗手法，学会识别陌生链接、保护验证码和个人信息。' +
      SAMPLE_VENUE,
    schoolId: 'tiedong-senior-univ',
    county: '铁东区',
    place: cityPlace('铁东区', '铁东区老年大学教室'),
    weekday: 2,
    start: '14:00',
    end: '15:30',
    fromDay: 4,
    weeks: 8,
    capacity: 60,
  },
  {
    id: 'act-senior-td-photography',
    title: '手机摄影小班',
    description:
      '小班教学，学习手机拍照的构图、用光和简单修图，课后布置外拍作业。名额少，额满后可排队候补。' +
      SAMPLE_VENUE,
    schoolId: 'tiedong-senior-univ',
    county: '铁东区',
    place: cityPlace('铁东区', '铁东区老年大学教室'),
    weekday: 4,
    start: '14:00',
    end: '16:00',
    fromDay: 3,
    weeks: 9,
    capacity: 8,
  },
  {
    id: 'act-senior-ls-smartphone',
    title: '智能手机使用入门',
    description:
      '学会微信聊天、视频通话、拍照和扫码，老师和助教一对一帮助操作。请带上自己的智能手机。' + SAMPLE_VENUE,
    schoolId: 'lishu-senior-univ',
    county: '梨树县',
    place: { township: '梨树镇', address: '梨树县老年大学教室（示例地点）' },
    weekday: 3,
    start: '09:00',
    end: '10:30',
    fromDay: 3,
    weeks: 9,
    capacity: 30,
  },
  {
    id: 'act-senior-ls-calligraphy',
    title: '书法班',
    description: '学习毛笔执笔与基本笔画，临写楷书字帖，老师逐个点评。' + SAMPLE_VENUE,
    schoolId: 'lishu-senior-univ',
    county: '梨树县',
    place: { township: '梨树镇', address: '梨树县老年大学书画教室（示例地点）' },
    weekday: 5,
    start: '09:00',
    end: '11:00',
    fromDay: 5,
    weeks: 10,
    capacity: 25,
  },
  {
    id: 'act-senior-ls-village-smartphone',
    title: '村级老年课堂：智能手机入门',
    description:
      '老年课堂向基层延伸，把智能手机课开到村里：视频通话、看新闻、扫码和防诈骗提醒。小班授课。' +
      SAMPLE_VILLAGE,
    schoolId: 'lishu-senior-univ',
    county: '梨树县',
    place: villagePlace('郭家店镇', '新立村', '新立村村委会活动室'),
    weekday: 6,
    start: '09:00',
    end: '10:30',
    fromDay: 7,
    weeks: 8,
    capacity: 10,
  },
  {
    id: 'act-senior-yt-smartphone',
    title: '智能手机使用入门',
    description:
      '学会微信聊天、视频通话、拍照和扫码，并了解手机上常用的便民服务。请带上自己的智能手机。' + SAMPLE_VENUE,
    schoolId: 'yitong-senior-univ',
    county: '伊通满族自治县',
    place: { township: '伊通镇', address: '伊通满族自治县老年大学教室（示例地点）' },
    weekday: 2,
    start: '09:00',
    end: '10:30',
    fromDay: 3,
    weeks: 9,
    capacity: 30,
  },
  {
    id: 'act-senior-yt-papercut',
    title: '剪纸班',
    description:
      '学习剪纸的折叠、镂空和对称图案技法，欣赏满族剪纸作品，完成自己的作品。剪刀和彩纸由班级统一准备。' +
      SAMPLE_VENUE,
    schoolId: 'yitong-senior-univ',
    county: '伊通满族自治县',
    place: { township: '伊通镇', address: '伊通满族自治县老年大学手工教室（示例地点）' },
    weekday: 4,
    start: '14:00',
    end: '15:30',
    fromDay: 6,
    weeks: 10,
    capacity: 20,
  },
  {
    id: 'act-senior-sl-smartphone',
    title: '智能手机：微信与网上办事',
    description:
      '学会微信聊天和视频通话，并在老师帮助下练习用手机查询社保、医保等常用便民服务。' + SAMPLE_VENUE,
    schoolId: 'shuangliao-senior-univ',
    county: '双辽市',
    place: { township: '双辽市城区', address: '双辽市老年大学教室（示例地点）' },
    weekday: 1,
    start: '09:00',
    end: '10:30',
    fromDay: 4,
    weeks: 9,
    capacity: 30,
  },
  {
    id: 'act-senior-sl-choir',
    title: '合唱班',
    description: '学习科学发声和简谱视唱，排练经典老歌和地方民歌，学期末汇报演出。' + SAMPLE_VENUE,
    schoolId: 'shuangliao-senior-univ',
    county: '双辽市',
    place: { township: '双辽市城区', address: '双辽市老年大学音乐教室（示例地点）' },
    weekday: 3,
    start: '14:00',
    end: '15:30',
    fromDay: 5,
    weeks: 11,
    capacity: 40,
  },
];

const community: EventSpec[] = [
  {
    id: 'act-community-family-education',
    kind: 'community',
    title: '家庭教育公益讲座：与孩子有效沟通',
    description:
      '社区教育学院面向家长开设的公益讲座，讲解倾听、表达和情绪管理的方法，并留出时间答疑。' + SAMPLE_VENUE,
    schoolId: 'sp-open-university',
    county: '铁西区',
    place: cityPlace('铁西区', '吉林广播电视大学四平分校报告厅'),
    day: 8,
    start: '18:30',
    end: '20:00',
    capacity: 60,
  },
  {
    id: 'act-community-first-aid',
    kind: 'community',
    title: '居民急救常识：心肺复苏与止血包扎',
    description:
      '学习心肺复苏、自动体外除颤器使用、止血包扎和异物卡喉的急救方法，在模拟人上分组练习。' + SAMPLE_VENUE,
    schoolId: 'sp-open-university',
    county: '铁东区',
    place: cityPlace('铁东区', '社区教育教学点'),
    day: 11,
    start: '14:00',
    end: '16:00',
    capacity: 30,
  },
  {
    id: 'act-community-short-video',
    kind: 'community',
    title: '社区居民短视频拍摄与剪辑小班',
    description:
      '小班课，学习用手机拍摄和剪辑短视频、添加字幕与配乐，记录社区生活。名额少，额满后可候补。' +
      SAMPLE_VENUE,
    schoolId: 'sp-open-university',
    county: '铁西区',
    place: cityPlace('铁西区', '吉林广播电视大学四平分校机房'),
    day: 15,
    start: '14:00',
    end: '16:30',
    capacity: 8,
  },
  {
    id: 'act-community-anti-fraud',
    kind: 'community',
    title: '反诈骗与个人信息保护讲座',
    description:
      '讲解电信网络诈骗的常见类型和识别方法，学习保护身份证、银行卡和手机验证码等个人信息。' + SAMPLE_VENUE,
    schoolId: 'sp-open-university',
    county: '铁东区',
    place: cityPlace('铁东区', '社区教育教学点'),
    day: 22,
    start: '09:30',
    end: '11:00',
    capacity: 60,
  },
  {
    id: 'act-community-online-services',
    kind: 'community',
    title: '网上办事入门：社保医保查询',
    description:
      '手把手教居民在手机上查询社保缴费、医保余额和办理常用便民业务。请带上智能手机和身份证。' + SAMPLE_VENUE,
    schoolId: 'sp-open-university',
    county: '铁西区',
    place: cityPlace('铁西区', '吉林广播电视大学四平分校机房'),
    day: 29,
    start: '09:00',
    end: '11:00',
    capacity: 25,
  },
];

const training: EventSpec[] = [
  {
    id: 'act-training-spvu-elderly-care',
    kind: 'training',
    certificate: { id: 'cert-elderly-care', level: '初级' },
    title: '1+X 老年照护（初级）考前培训',
    description:
      '按老年照护职业技能等级标准（培训评价组织：北京中福长者文化科技有限公司）开展考前培训：生活照护、基础照护和康复照护的实操要点与模拟练习。' +
      SAMPLE_VENUE,
    schoolId: 'sp-vocational-univ',
    county: '铁西区',
    place: cityPlace('铁西区', '四平职业大学护理实训室'),
    day: 10,
    start: '08:30',
    end: '16:30',
    capacity: 40,
  },
  {
    id: 'act-training-spvu-ecommerce-exam',
    kind: 'training',
    certificate: { id: 'cert-ecommerce-data', level: '初级' },
    title: '1+X 电子商务数据分析（初级）考核',
    description:
      '电子商务数据分析职业技能等级（初级）考核场次（培训评价组织：北京博导前程信息技术股份有限公司），机位有限。请携带身份证提前 30 分钟到场。' +
      SAMPLE_VENUE,
    schoolId: 'sp-vocational-univ',
    county: '铁西区',
    place: cityPlace('铁西区', '四平职业大学电商实训中心'),
    day: 24,
    start: '09:00',
    end: '11:30',
    capacity: 10,
  },
  {
    id: 'act-training-spvu-robot',
    kind: 'training',
    title: '职工技能提升：工业机器人操作与运维实训',
    description:
      '面向企业职工的技能提升培训：工业机器人安全操作、示教编程、日常点检与常见故障处理，在实训工作站上分组练习。' +
      SAMPLE_VENUE,
    schoolId: 'sp-vocational-univ',
    county: '铁西区',
    place: cityPlace('铁西区', '四平职业大学智能制造实训中心'),
    day: 17,
    start: '08:30',
    end: '16:30',
    capacity: 20,
  },
  {
    id: 'act-training-health-dementia-care',
    kind: 'training',
    certificate: { id: 'cert-dementia-care', level: '初级' },
    title: '1+X 失智老年人照护培训',
    description:
      '按失智老年人照护职业技能等级标准（培训评价组织：北京中民福祉教育科技有限责任公司）开展培训：认知功能促进、精神行为问题应对和照护环境布置。' +
      SAMPLE_VENUE,
    schoolId: 'sp-health-school',
    county: '铁东区',
    place: cityPlace('铁东区', '吉林省四平卫生学校康养实训室'),
    day: 13,
    start: '08:30',
    end: '16:30',
    capacity: 30,
  },
  {
    id: 'act-training-health-elderly-care-exam',
    kind: 'training',
    certificate: { id: 'cert-elderly-care', level: '初级' },
    title: '1+X 老年照护（初级）考核',
    description:
      '老年照护职业技能等级（初级）理论与实操考核场次。请携带身份证，穿工作服，提前 30 分钟到场。' +
      SAMPLE_VENUE,
    schoolId: 'sp-health-school',
    county: '铁东区',
    place: cityPlace('铁东区', '吉林省四平卫生学校实训楼'),
    day: 31,
    start: '08:30',
    end: '12:00',
    capacity: 30,
  },
  {
    id: 'act-training-trade-ecommerce-data',
    kind: 'training',
    certificate: { id: 'cert-ecommerce-data', level: '初级' },
    title: '1+X 电子商务数据分析（初级）培训',
    description:
      '学习电商数据采集、数据处理与可视化、店铺经营数据报表等内容，结合实训平台练习，为参加初级考核做准备。' +
      SAMPLE_VENUE,
    schoolId: 'sp-trade-school',
    county: '铁东区',
    place: cityPlace('铁东区', '四平市经济贸易学校电商实训室'),
    day: 9,
    start: '08:30',
    end: '16:30',
    capacity: 40,
  },
  {
    id: 'act-training-tech-pastry',
    kind: 'training',
    title: '就业技能培训：中式面点制作',
    description:
      '创业就业技能培训，学习和面、发面、包子饺子花卷等常见中式面点的制作与成本核算，适合有就业或创业意向的城乡劳动者。' +
      SAMPLE_VENUE,
    schoolId: 'sp-technician-school',
    county: '铁西区',
    place: cityPlace('铁西区', '四平市人社局技工学校实训室'),
    day: 19,
    start: '08:30',
    end: '16:00',
    capacity: 30,
  },
  {
    id: 'act-training-center-cnc',
    kind: 'training',
    title: '职工技能提升：数控车床操作',
    description: '面向企业职工的短期培训：数控车床安全操作、简单零件编程与加工、量具使用。' + SAMPLE_VENUE,
    schoolId: 'sp-vocational-center',
    county: '铁东区',
    place: cityPlace('铁东区', '四平市职教中心数控实训车间'),
    day: 27,
    start: '08:30',
    end: '16:30',
    capacity: 20,
  },
  {
    id: 'act-training-yt-housekeeping',
    kind: 'training',
    title: '综合技能培训：家政服务员（育婴方向）',
    description:
      '县职教中心综合性技能培训服务平台开设的短期培训：婴幼儿日常照料、辅食制作和家庭安全常识，适合有就业意向的城乡劳动者。' +
      SAMPLE_VENUE,
    schoolId: 'yitong-vocational',
    county: '伊通满族自治县',
    place: { township: '伊通镇', address: '伊通县职教中心实训楼（示例地点）' },
    day: 21,
    start: '08:30',
    end: '16:00',
    capacity: 30,
  },
];

/** Invented sample activities dated from `now`, so they are always upcoming when the seed runs. */
export function sampleActivities(now: Dayjs): SeedActivity[] {
  const ctx: Context = {
    today: inZone(now).format('YYYY-MM-DD'),
    signupOpensAt: toIso(now.subtract(1, 'day')),
  };
  return [
    ...outreach.map((spec) => single(ctx, spec)),
    ...senior.map((spec) => term(ctx, spec)),
    ...community.map((spec) => single(ctx, spec)),
    ...training.map((spec) => single(ctx, spec)),
  ];
}
