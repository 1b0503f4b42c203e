// Tools (tsc, jest) read this file; the build picks share-button.weapp.tsx or share-button.h5.tsx.
export { default } from './share-button.h5';
