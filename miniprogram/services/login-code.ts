// Tools (tsc, jest) read this file; the build picks login-code.weapp.ts or login-code.h5.ts.
export { loginCode } from './login-code.h5';
