/**
 * The paths of the catalog pages only this subpackage opens (学校, which the home page opens, is in
 * lib/routes.ts).
 */
export const catalogRoutes = {
  /** 对比: the phone's own list, or — from a shared card — exactly these majors. */
  compare: (ids: readonly string[] = []) =>
    `/packages/catalog/pages/compare/index${ids.length ? `?ids=${ids.map(encodeURIComponent).join(',')}` : ''}`,
  /** A major's page, scrolled to its 升学路径 (the share card of a pathway). */
  pathway: (id: string) => `/packages/catalog/pages/major/index?id=${encodeURIComponent(id)}&focus=pathway`,
};
