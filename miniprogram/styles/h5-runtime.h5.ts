// The H5 build styles Taro's own web runtime (tab bar, page slide, modal, toast); see h5-runtime.scss.
import './h5-runtime.scss';
