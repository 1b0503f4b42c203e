import { MAJOR_STATUS_LABELS, type MajorDetail, type Pathway } from '@shared/schemas/catalog';
import { pathwaySummary } from './pathway';

/** A cell whose fact the school has not published: said, never left blank, never guessed. */
export const UNPUBLISHED = '未公布';

export interface Cell {
  text: string;
  /** The fact is not published (shown in the quiet colour). */
  none: boolean;
}

export interface CompareRow {
  label: string;
  cells: Cell[];
}

/** This year's 招生人数 from the 招生计划 (the year in Asia/Shanghai), or null when not published for it. */
export function intakeThisYear(intake: MajorDetail['intake'], year: number): number | null {
  return intake.find((r) => r.year === year)?.places ?? null;
}

const cell = (text: string | null | undefined): Cell =>
  text ? { text, none: false } : { text: UNPUBLISHED, none: true };
const list = (items: readonly string[]) => cell(items.length ? items.join('、') : null);

export interface Compared {
  major: Pick<
    MajorDetail,
    'level' | 'years' | 'status' | 'intake' | 'tuition' | 'aid' | 'careers' | 'certificates'
  > & { school: { name: string } };
  pathway: Pick<Pathway, 'to' | 'from' | 'note'>;
}

/** 对比's rows, one cell per major in the order given. `year` is this year in Asia/Shanghai. */
export function compareTable(majors: readonly Compared[], year: number): CompareRow[] {
  const row = (label: string, pick: (c: Compared) => Cell): CompareRow => ({
    label,
    cells: majors.map(pick),
  });
  return [
    row('层次', ({ major }) => cell(major.level)),
    row('学制', ({ major }) => cell(major.years ? `${major.years}年` : null)),
    row('学校', ({ major }) => cell(major.school.name)),
    row('状态', ({ major }) => cell(MAJOR_STATUS_LABELS[major.status])),
    row(`${year}年招生人数`, ({ major }) => {
      const places = intakeThisYear(major.intake, year);
      return cell(places === null ? null : `${places}人`);
    }),
    row('学费', ({ major }) => cell(major.tuition)),
    row('资助', ({ major }) => cell(major.aid)),
    row('可考证书', ({ major }) => list(major.certificates.map((c) => c.name))),
    row('就业方向', ({ major }) => list(major.careers)),
    row('升学路径', ({ pathway }) => cell(pathwaySummary(pathway))),
  ];
}
