// Tools (tsc, jest) read this file; the build picks invite-code.weapp.tsx or invite-code.h5.tsx.
export { default } from './invite-code.h5';
