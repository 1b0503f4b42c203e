// Tools (tsc, jest) read this file; the build picks save-json.weapp.ts or save-json.h5.ts.
export { saveJson } from './save-json.h5';
