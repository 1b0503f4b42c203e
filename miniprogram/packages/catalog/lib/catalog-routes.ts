/**
 * The paths of the catalog pages this subpackage adds (the others are in lib/routes.ts). The home page's 学校
 * entry spells the directory's path itself: the main package does not import from a subpackage.
 */
export const catalogRoutes = {
  schools: '/packages/catalog/pages/schools/index',
  /** 对比: the phone's own list, or — from a shared card — exactly these majors. */
  compare: (ids: readonly string[] = []) =>
    `/packages/catalog/pages/compare/index${ids.length ? `?ids=${ids.map(encodeURIComponent).join(',')}` : ''}`,
  /** A major's page, scrolled to its 升学路径 (the share card of a pathway). */
  pathway: (id: string) => `/packages/catalog/pages/major/index?id=${encodeURIComponent(id)}&focus=pathway`,
};
