// Tools (tsc, jest) read this file; the build picks export.weapp.ts or export.h5.ts.
export { exportRoster } from './export.h5';
