import { LEVELS, type Pathway } from '@shared/schemas/catalog';

type Link = Pathway['to'][number];

/** What a pathway's cell and share card say when nothing about the major's 接续 is verified. */
export const NOT_VERIFIED = '未核实';

/** `高职专科 护理、助产；职业本科 护理`: the linked catalogue majors, by level in the catalogue's order. */
export function linksByLevel(links: readonly Pick<Link, 'level' | 'name'>[]): string {
  return LEVELS.map((level) => {
    const names = [...new Set(links.filter((l) => l.level === level).map((l) => l.name))];
    return names.length ? `${level} ${names.join('、')}` : '';
  })
    .filter(Boolean)
    .join('；');
}

/**
 * A pathway in a line, for 对比 and the share card: where the major leads (`可升入：高职专科 护理`), else what
 * leads to it; 未核实 when the API says nothing is verified (its `note`) — never a guess.
 */
export function pathwaySummary(p: Pick<Pathway, 'to' | 'from' | 'note'>): string {
  if (p.note) return NOT_VERIFIED;
  if (p.to.length) return `可升入：${linksByLevel(p.to)}`;
  if (p.from.length) return `可由 ${linksByLevel(p.from)} 升入`;
  return NOT_VERIFIED;
}
