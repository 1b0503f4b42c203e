import type { UserConfigExport } from '@tarojs/cli';

export default {
  mini: {},
  h5: {
    // Content hashes already bust caches; keep the H5 build lean for the browser journeys.
    enableSourceMap: false,
  },
} satisfies UserConfigExport<'webpack5'>;
