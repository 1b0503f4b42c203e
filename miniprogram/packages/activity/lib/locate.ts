// Tools (tsc, jest) read this file; the build picks locate.weapp.ts or locate.h5.ts.
export { locate } from './locate.h5';
