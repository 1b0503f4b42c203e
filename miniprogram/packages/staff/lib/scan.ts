// Tools (tsc, jest) read this file; the build picks scan.weapp.ts or scan.h5.ts.
export { scanCode, CAN_SCAN } from './scan.h5';
