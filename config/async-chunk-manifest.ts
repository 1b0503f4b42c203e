import type { Compiler } from 'webpack';

/**
 * Writes `prefetch.json`: the files of every chunk that is not part of the first load (the pages other than
 * the one opened, their styles and shared code). The H5 app fetches them into the browser's cache once it is
 * idle, without running them (miniprogram/services/prefetch-pages.h5.ts).
 */
export class AsyncChunkManifestPlugin {
  static readonly FILE = 'prefetch.json';

  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('AsyncChunkManifestPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'AsyncChunkManifestPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => {
          const files = [...compilation.chunks]
            .filter((chunk) => !chunk.canBeInitial())
            .flatMap((chunk) => [...chunk.files])
            .filter((file) => /\.(js|css)$/.test(file))
            .sort();
          compilation.emitAsset(AsyncChunkManifestPlugin.FILE, new sources.RawSource(JSON.stringify(files)));
        },
      );
    });
  }
}
