import type { Level } from './schemas/catalog';

/**
 * Facts of the national catalogue (《职业教育专业目录（2021年）》) that the 升学路径 is drawn from: which major of one
 * level continues into which of the next (its 接续专业), each link with the source it was verified in. Only
 * verified links are here; a major with none says so on its page instead of a guess. docs/pathways-research.md
 * has the research behind each.
 */
export interface CatalogueMajor {
  level: Level;
  /** The 2021 catalogue's name. */
  name: string;
  code: string | null;
  /** 专业类: the first four characters of the code, with its name. */
  majorClass: string | null;
}

export interface CatalogueLink {
  from: CatalogueMajor;
  to: CatalogueMajor;
  source: string;
}

export const CATALOGUE_LINKS: CatalogueLink[] = [];

/** The routes between levels open to a student in Siping, each in one sentence, with where it is written. */
export interface PathwayRoute {
  id: string;
  name: string;
  summary: string;
  source: string;
  /** The level a student takes it from, and the level it leads to. */
  fromLevel: Level;
  toLevel: Level;
}

export const PATHWAY_ROUTES: PathwayRoute[] = [];
