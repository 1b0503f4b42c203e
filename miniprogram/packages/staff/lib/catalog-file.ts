// Tools (tsc, jest) read this file; the build picks catalog-file.weapp.ts or catalog-file.h5.ts.
export { exportCatalog } from './catalog-file.h5';
