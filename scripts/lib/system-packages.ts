import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface SystemNeed {
  /** What the tests need it for, in the message a newcomer reads. */
  why: string;
  present: () => boolean;
  aptPackages: string[];
}

export const CHROMIUM = '/usr/bin/chromium';

/** How the browser tests and the FCP benchmark launch it: the flags that work on this kind of machine (TOOLCHAIN.md). */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? CHROMIUM,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export const TEST_NEEDS: SystemNeed[] = [
  {
    why: 'DynamoDB Local runs on Java 17',
    present: () => spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0,
    aptPackages: ['openjdk-17-jre-headless'],
  },
  {
    why: 'the browser tests drive Debian’s Chromium',
    present: () => existsSync(CHROMIUM),
    aptPackages: ['chromium'],
  },
  {
    why: 'screenshots need Chinese fonts',
    present: () => (spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout ?? '').trim().length > 0,
    aptPackages: ['fonts-noto-cjk'],
  },
];

/**
 * Installs what is missing with apt-get when we are root; otherwise says exactly what to run.
 * Returns false when something needed is still missing: the caller stops, it never skips tests.
 */
export function ensureSystemPackages(needs: SystemNeed[] = TEST_NEEDS): boolean {
  const missing = needs.filter((n) => !n.present());
  if (missing.length === 0) return true;
  const packages = [...new Set(missing.flatMap((n) => n.aptPackages))];
  const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(
      `缺少测试所需的系统软件包（${missing.map((n) => n.why).join('；')}）。请先运行：\n  sudo sh -c '${command}'`,
    );
    return false;
  }
  console.log(`安装测试所需的系统软件包：${packages.join(' ')}（${missing.map((n) => n.why).join('；')}）`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env,
  });
  const still = needs.filter((n) => !n.present());
  if (update.status !== 0 || install.status !== 0 || still.length > 0) {
    console.error(`安装失败：${still.map((n) => n.why).join('；')}。请手动运行：${command}`);
    return false;
  }
  return true;
}
