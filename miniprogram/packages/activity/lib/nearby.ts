import type { Activity } from '@shared/schemas/activity';

/** A position on the map, in degrees. */
export interface Point {
  lat: number;
  lng: number;
}

/**
 * 离我最近 asks only for a rough position and keeps it rougher still: two decimals, about a kilometre, which
 * is enough to order villages and says nothing about which house.
 */
export const roughly = (p: Point): Point => ({
  lat: Math.round(p.lat * 100) / 100,
  lng: Math.round(p.lng * 100) / 100,
});

/** `?near=43.17,124.35`: latitude, then longitude, as GET /activities takes it. */
export const nearParam = (p: Point): string => {
  const r = roughly(p);
  return `${r.lat.toFixed(2)},${r.lng.toFixed(2)}`;
};

/** How far a card's place is, in words: `约 3 公里`, `1 公里以内`. */
export function distanceText(km: number): string {
  return km < 1 ? '1 公里以内' : `约 ${Math.round(km)} 公里`;
}

/** The townships (乡镇) the activities are held in, each once, in the list's order (soonest first). */
export function townshipsOf(activities: ReadonlyArray<Pick<Activity, 'place'>>): string[] {
  return [...new Set(activities.map((a) => a.place.township.trim()).filter(Boolean))];
}

/** What the list says when no position came: it stays as it was, and 乡镇 is the other way to narrow it. */
export const NO_POSITION = '没有获取到您的位置，列表仍按时间排列。也可以在“乡镇”里选离您近的地方。';
