// Mini-programs have none of Taro's web runtime elements: nothing to style (h5-runtime.h5.ts is the H5 side).
export {};
