// Tools (tsc, jest) read this file; the build picks index.weapp.tsx or index.h5.tsx.
export { default } from './index.h5';
