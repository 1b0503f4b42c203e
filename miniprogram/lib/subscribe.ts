// Tools (tsc, jest) read this file; the build picks subscribe.weapp.ts or subscribe.h5.ts.
export { askForReminders, prepareReminders } from './subscribe.h5';
