import {
  MAJOR_STATUS_LABELS,
  type MajorStatus,
  type Level,
  type Pathway,
  type SchoolKind,
} from '@shared/schemas/catalog';
import { NOT_VERIFIED, pathwaySummary } from './pathway';

/**
 * Share cards' titles, in the words a parent reads in a chat: who teaches what, at which level, whether it
 * enrols now. A fact the school has not published is left out, never guessed.
 */

/** `吉林省四平卫生学校 · 护理（中职）在招，学制3年`. */
export function majorShareTitle(m: {
  name: string;
  level: Level;
  status: MajorStatus;
  years: number | null;
  school: { name: string };
}): string {
  const years = m.years ? `，学制${m.years}年` : '';
  return `${m.school.name} · ${m.name}（${m.level}）${MAJOR_STATUS_LABELS[m.status]}${years}`;
}

/** `双辽市职业中专（双辽市 · 中职学校）在招专业 2 个`; a school being built says 拟建设. */
export function schoolShareTitle(
  s: { name: string; county: string | null; kind: SchoolKind; status: 'open' | 'planned' },
  enrolling: number,
): string {
  const where = `${s.name}（${s.county ?? '四平市'} · ${s.kind}）`;
  if (s.status === 'planned') return `${where}拟建设`;
  return enrolling > 0 ? `${where}在招专业 ${enrolling} 个` : where;
}

/** `护理 和 药剂 对比`, `护理、药剂 和 畜牧兽医 对比`; the same name twice is told apart by its school. */
export function compareShareTitle(items: ReadonlyArray<{ name: string; school: string }>): string {
  const names = items.map((i) =>
    items.filter((o) => o.name === i.name).length > 1 ? `${i.name}（${i.school}）` : i.name,
  );
  if (names.length === 0) return '专业对比';
  if (names.length === 1) return `${names[0]} 专业对比`;
  return `${names.slice(0, -1).join('、')} 和 ${names[names.length - 1]} 对比`;
}

/** `畜牧兽医（中职）升学路径 · 可升入：高职专科 畜牧兽医`; without a verified link only the major's name. */
export function pathwayShareTitle(p: Pick<Pathway, 'major' | 'to' | 'from' | 'note'>): string {
  const head = `${p.major.name}（${p.major.level}）升学路径`;
  const summary = pathwaySummary(p);
  return summary === NOT_VERIFIED ? head : `${head} · ${summary}`;
}

/** Whether WeChat asks for a card because 分享 in 升学路径 was tapped (Taro gives the button's `data-share`). */
export function sharesPathway(res: { from?: string; target?: object }): boolean {
  const target = res.target as { dataset?: { share?: unknown } } | undefined;
  return res.from === 'button' && target?.dataset?.share === 'pathway';
}
