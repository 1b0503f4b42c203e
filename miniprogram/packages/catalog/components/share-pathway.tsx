// Tools (tsc, jest) read this file; the build picks share-pathway.weapp.tsx or share-pathway.h5.tsx.
export { default } from './share-pathway.h5';
