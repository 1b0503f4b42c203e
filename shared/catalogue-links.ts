import type { Level, Pathway } from './schemas/catalog';

/**
 * Facts of the national catalogue (《职业教育专业目录（2021年）》) that the 升学路径 is drawn from: which major of one
 * level continues into which of the next (its 接续专业), each link with the source it was verified in. Only
 * verified links are here; a major with none says so on its page instead of a guess. docs/pathways-research.md
 * has the research behind each.
 */
/** A major of the national catalogue, as a pathway link names it (its 2021 name, level, code and 专业类). */
export type CatalogueMajor = Pick<Pathway['to'][number], 'level' | 'name' | 'code' | 'majorClass'>;

export interface CatalogueLink {
  from: CatalogueMajor;
  to: CatalogueMajor;
  source: string;
}

/**
 * The Ministry's own 接续 lists (专业简介 “接续专业举例”) could not be reached, so every link here is a major of the
 * same name at the next level, with each side's existence (and code, where found) sourced; the source says so.
 */
export const CATALOGUE_LINKS: CatalogueLink[] = [
  {
    from: { level: '中职', name: '护理', code: '720201', majorClass: null },
    to: { level: '高职专科', name: '护理', code: '520201', majorClass: '5202 护理类' },
    source:
      '同名专业，两级代码均已核实：中职 护理(720201)，见 http://www.zjcjxx.cn/InfoShow.aspx?ID=CjqTP7SHmI4%3D ；高职专科 护理 520201、护理类 5202、医药卫生大类 52，见 https://www.gnhvc.edu.cn/hlx/576/list.htm 。教育部“接续专业”表未能核实。',
  },
  {
    from: { level: '中职', name: '畜牧兽医', code: null, majorClass: null },
    to: { level: '高职专科', name: '畜牧兽医', code: null, majorClass: null },
    source:
      '同名专业：中职“畜牧兽医”见双辽市职业中专简介（2017-12-14）http://www.llaw.org.cn/h/crjg/2017-12-14/4505.html ；高职专科“畜牧兽医”见教育部2024年高职专科专业设置备案结果（转载）http://bykfc.com/2024-04/12/content_42753525.htm 。专业代码、专业类和教育部“接续专业”表未能核实。',
  },
];

/** The routes between levels open to a student in Siping, each in one sentence, with where it is written. */
export type PathwayRoute = Pathway['routes'][number] & {
  /** The level a student takes it from, and the level it leads to. */
  fromLevel: Level;
  toLevel: Level;
};

/**
 * 中高职贯通 (3+2) is not here: the plan names it as a field of cooperation (三（四）9), but no Siping school was found
 * offering it (docs/pathways-research.md). It is added when a school's own page shows it.
 */
export const PATHWAY_ROUTES: PathwayRoute[] = [
  {
    id: 'vocational-gaokao',
    name: '职教高考（吉林省高职分类考试）',
    summary:
      '中职毕业生可参加吉林省高职分类考试：对口招生全省统一考试，设本科、专科批次，只能报考与中职所学同类别的专业；高职单招先统考后校测。两者都考“文化素质+职业技能”。',
    source:
      '吉林省2025年高职分类考试招生工作规定（转载）https://www.jutiku.cn/articles/256202_2124.html ；吉林单招政策（转载）http://qiantimeigw.com/JiLinGaoKao/1160219.html ；对口与单招的区别 http://365daan.com/a/429799.html ；工作方案 三（二）4“对接职教高考”',
    fromLevel: '中职',
    toLevel: '高职专科',
  },
  {
    id: 'upgrade-to-bachelor',
    name: '专升本',
    summary:
      '高职专科毕业生可通过专升本考试升入本科继续学习。吉林省的报考条件和招生院校未能核实，请以吉林省教育考试院公布的为准。',
    source: '专升本说明（通用）http://m.gaosan.com/gaokao/446141.html',
    fromLevel: '高职专科',
    toLevel: '职业本科',
  },
  {
    id: 'vocational-bachelor',
    name: '职业本科',
    summary:
      '本科层次的职业教育：2019年起试点，2021年教育部印发专业设置管理办法。四平职业大学按工作方案申报职教本科专业，其2025年招生章程仍为专科层次。',
    source:
      '职业本科发展（期刊转载）http://www.handmsg.com/page/2023/1229/27995153.shtml ；四平职业大学2025年招生章程（转载）https://images.lzy-gaokao.com/p35-school/informationDetail/1610/362855.html ；工作方案 三（二）3',
    fromLevel: '高职专科',
    toLevel: '职业本科',
  },
];
