/**
 * WeChat's own judges of a mini-program build, run offline:
 * - `wcsc` and `wcc`, the WXSS and WXML compilers that WeChat DevTools and the upload use (npm
 *   `miniprogram-compiler`): a file they refuse is a package WeChat refuses;
 * - `checkCodeQuality` of `miniprogram-ci`, the 11-item code-quality audit of the upload dialog.
 * Nothing here opens a connection or uploads anything.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { wxmlToJs } from 'miniprogram-compiler';

export interface Verdict {
  /** True when the compiler accepted every file. */
  accepted: boolean;
  files: number;
  /** What the compiler said when it refused (its own message), or '' when it accepted. */
  message: string;
}

export interface QualityItem {
  name: string;
  success: boolean;
  text: string;
}

const COMPILER_DIR = join(dirname(require.resolve('miniprogram-compiler/package.json')), 'bin', 'linux');

/** The compiler binary, made executable (npm does not keep the run bit of files in a tarball). */
function compiler(name: 'wcc' | 'wcsc'): string {
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error(`WeChat's ${name} ships for linux x64 only; this is ${process.platform} ${process.arch}`);
  const path = join(COMPILER_DIR, name);
  chmodSync(path, 0o755);
  return path;
}

/** Every file under `dir` ending in `ext`, relative to `dir` with forward slashes, in a stable order. */
function filesOf(dir: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(ext)) out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * `wcsc` over every .wxss at once, from the build root, as DevTools calls it. The binary itself is called
 * because the package's `wxssToJs` returns an Error without the compiler's message.
 */
export function compileWxss(dir: string): Verdict {
  const files = filesOf(dir, '.wxss');
  const run = spawnSync(compiler('wcsc'), ['-db', '-pc', '0', ...files], {
    cwd: dir,
    maxBuffer: 256 << 20,
  });
  if (run.error) throw run.error;
  const said =
    `${run.stderr.toString()}${run.status === 0 ? '' : run.stdout.toString().slice(0, 2000)}`.trim();
  return { accepted: run.status === 0, files: files.length, message: run.status === 0 ? '' : said };
}

/**
 * `wcc` over every .wxml and .wxs with the custom components each page uses, through the package's own
 * `wxmlToJs` (which builds wcc's component arguments and throws with wcc's message on a refusal).
 */
export function compileWxml(dir: string): Verdict {
  const files = filesOf(dir, '.wxml');
  try {
    wxmlToJs(dir, { maxBuffer: 256 << 20 });
    return { accepted: true, files: files.length, message: '' };
  } catch (error) {
    return { accepted: false, files: files.length, message: (error as Error).message };
  }
}

/**
 * `miniprogram-ci`'s offline code-quality audit of the build in `dir`. It needs a project key only to build
 * its Project object: a throw-away RSA key is made for the run. It runs in a child process because the
 * library writes to stdout and keeps timers alive.
 */
export function checkCodeQuality(dir: string): QualityItem[] {
  const work = mkdtempSync(join(tmpdir(), 'sp-ci-'));
  try {
    const key = join(work, 'private.key');
    const out = join(work, 'result.json');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(key, privateKey.export({ type: 'pkcs1', format: 'pem' }));
    const appid = (JSON.parse(readFileSync(join(dir, 'project.config.json'), 'utf8')) as { appid: string })
      .appid;
    const script = `
      const ci = require('miniprogram-ci');
      const [dir, appid, key, out] = process.argv.slice(1);
      const project = new ci.Project({ appid, type: 'miniProgram', projectPath: dir, privateKeyPath: key });
      ci.checkCodeQuality(project).then(
        (items) => { require('node:fs').writeFileSync(out, JSON.stringify(items)); process.exit(0); },
        (error) => { console.error(error && error.stack || String(error)); process.exit(1); },
      );`;
    const run = spawnSync(process.execPath, ['-e', script, dir, appid, key, out], {
      cwd: join(__dirname, '../..'),
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (run.status !== 0)
      throw new Error(`checkCodeQuality did not run (exit ${run.status}): ${run.stderr || run.error}`);
    const items = JSON.parse(readFileSync(out, 'utf8')) as QualityItem[];
    return items.map(({ name, success, text }) => ({ name, success, text }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
