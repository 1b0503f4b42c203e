import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../../scripts/stack';

/**
 * The baseline app: two pages and nothing else, with the app's own Taro settings that matter for size
 * (framework react, compiler webpack5, sourceRoot src) and the same node_modules (symlinked).
 */
const FILES: Record<string, string> = {
  'babel.config.js': `module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
`,
  'tsconfig.json': `${JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        jsx: 'react-jsx',
        strict: true,
        skipLibCheck: true,
        esModuleInterop: true,
      },
      include: ['src', 'config'],
    },
    null,
    2,
  )}\n`,
  'project.config.json': `${JSON.stringify(
    {
      miniprogramRoot: 'dist/weapp/',
      projectname: 'bare',
      appid: 'touristappid',
      compileType: 'miniprogram',
    },
    null,
    2,
  )}\n`,
  'config/index.ts': `import { defineConfig } from '@tarojs/cli';
import { precompress } from './precompress';

export default defineConfig<'webpack5'>(async () => ({
  projectName: 'bare',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: \`dist/\${process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp'}\`,
  framework: 'react',
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  cache: { enable: false },
  mini: {},
  h5: {
    publicPath: '/',
    staticDirectory: 'static',
    // Precompressed by the app's own config/precompress.ts (copied in below), so both are served alike.
    webpackChain: (chain) => precompress(chain),
  },
}));
`,
  'src/app.config.ts': `export default defineAppConfig({
  pages: ['pages/index/index', 'pages/second/index'],
  window: { navigationBarTitleText: 'bare' },
});
`,
  'src/app.tsx': `import type { PropsWithChildren } from 'react';

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
`,
  'src/index.html': `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width,initial-scale=1" />
    <title>bare</title>
    <script><%= htmlWebpackPlugin.options.script %></script>
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>
`,
  'src/pages/index/index.config.ts': `export default definePageConfig({ navigationBarTitleText: '首页' });
`,
  'src/pages/index/index.tsx': `import { Navigator, Text, View } from '@tarojs/components';

export default function Index() {
  return (
    <View>
      <Text>你好，四平</Text>
      <Navigator url="/pages/second/index">下一页</Navigator>
    </View>
  );
}
`,
  'src/pages/second/index.config.ts': `export default definePageConfig({ navigationBarTitleText: '第二页' });
`,
  'src/pages/second/index.tsx': `import { Text, View } from '@tarojs/components';

export default function Second() {
  return (
    <View>
      <Text>第二页</Text>
    </View>
  );
}
`,
};

export interface BareApp {
  dir: string;
  build(type: 'weapp' | 'h5'): { ms: number; outDir: string };
  remove(): void;
}

/** Writes the bare app into a temp folder; `build` runs the same Taro CLI as `npm run build:*`. */
export function createBareApp(): BareApp {
  const dir = mkdtempSync(join(tmpdir(), 'siping-bench-bare-'));
  const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
    browserslist?: string[];
  };
  const pkg = {
    name: 'bare-taro',
    private: true,
    browserslist: own.browserslist,
    dependencies: own.dependencies,
    devDependencies: own.devDependencies,
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const files = {
    ...FILES,
    'config/precompress.ts': readFileSync(join(ROOT, 'config/precompress.ts'), 'utf8'),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return {
    dir,
    build(type) {
      const started = performance.now();
      const result = spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', type],
        { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
      );
      if (result.status !== 0) {
        throw new Error(
          `bare Taro ${type} build failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`,
        );
      }
      return { ms: performance.now() - started, outDir: join(dir, 'dist', type) };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
