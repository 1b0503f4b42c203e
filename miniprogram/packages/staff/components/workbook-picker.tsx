// Tools (tsc, jest) read this file; the build picks workbook-picker.weapp.tsx or workbook-picker.h5.tsx.
export { default } from './workbook-picker.h5';
export type { Workbook, WorkbookPickerProps } from './workbook-picker.h5';
