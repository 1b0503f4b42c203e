// Tools (tsc, jest) read this file; the build picks invite-link.weapp.ts or invite-link.h5.ts.
export { linkBase } from './invite-link.h5';
