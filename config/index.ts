import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import { AsyncChunkManifestPlugin } from './async-chunk-manifest';
import { precompress } from './precompress';
import devConfig from './dev';
import prodConfig from './prod';

const root = path.resolve(__dirname, '..');
const shared = path.join(root, 'shared');

/**
 * One base for both platforms. Styles are written in rem (font sizes, spacing, touch targets) so that
 * `<page-meta root-font-size="system">` on WeChat and our own root size on H5 scale everything together;
 * pxtransform is off so a `1px` hairline stays one pixel instead of becoming rpx or a designWidth rem.
 */
export default defineConfig<'webpack5'>(async (merge, { mode }) => {
  const platform = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp';
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'siping-skills',
    date: '2026-12-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'miniprogram',
    outputRoot: `dist/${platform}`,
    plugins: [],
    alias: { '@shared': shared, '@': path.join(root, 'miniprogram') },
    env: {
      // Read here (not only from .env files) so `TARO_APP_API_BASE=... npm run build:h5` works too.
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    // WeChat and browsers read UTF-8 JavaScript; Taro's weapp default writes every Chinese character as \uXXXX,
    // six bytes instead of three (7.3 KB of the main package).
    terser: { enable: true, config: { output: { ascii_only: false } } },
    mini: {
      compile: { include: [shared] },
      // Components' styles are independent (BEM, one prefix each), so their order across chunks is free.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: false, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [shared] },
      // Every file but the page carries its content hash, so the web server may let browsers keep it a year.
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      imageUrlLoaderOption: { name: 'static/images/[name].[contenthash:8][ext]' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        pxtransform: { enable: false, config: {} },
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        chain.performance.hints(false);
        // Each page is its own chunk, loaded when it opens; services/prefetch-pages.h5.ts fetches the rest into
        // the cache once the home page is idle, as AsyncChunkManifestPlugin lists them. Code that pages share
        // is split out once instead of copied into each (Taro's own setting splits only the entry's chunks).
        chain.optimization.splitChunks({
          chunks: 'all',
          minSize: 8000,
          cacheGroups: {
            vendors: { test: /[\\/]node_modules[\\/]/, priority: -10, reuseExistingChunk: true },
            default: { minChunks: 2, priority: -20, reuseExistingChunk: true },
          },
        });
        chain.plugin('async-chunk-manifest').use(AsyncChunkManifestPlugin);
        precompress(chain);
      },
    },
  };
  if (mode === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
