import { constants as zlib } from 'node:zlib';
import CompressionPlugin from 'compression-webpack-plugin';

/** The part of webpack-chain this needs (Taro hands every `webpackChain` one). */
interface PluginChain {
  plugin(name: string): { use(plugin: unknown, args: unknown[]): unknown };
}

/**
 * Writes every text asset of an H5 build precompressed beside it, gzip and brotli, for the web server to send
 * as it is (scripts/lib/web-server.ts). The bench's bare Taro app gets a copy of this file, so that both
 * builds are served alike (bench/lib/bare-taro.ts).
 */
export function precompress(chain: PluginChain): void {
  const test = /\.(js|css|html|svg|json)$/;
  // threshold 0, minRatio 1: every file that gets smaller, however small.
  const always = { test, threshold: 0, minRatio: 1 };
  chain
    .plugin('gzip')
    .use(CompressionPlugin, [{ ...always, algorithm: 'gzip', compressionOptions: { level: 9 } }]);
  chain.plugin('brotli').use(CompressionPlugin, [
    {
      ...always,
      algorithm: 'brotliCompress',
      filename: '[path][base].br',
      compressionOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } },
    },
  ]);
}
