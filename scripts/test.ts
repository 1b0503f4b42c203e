import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureSystemPackages } from './lib/system-packages';

/**
 * `npm test`: lint, format, types, then every jest test (unit, integration against DynamoDB Local, HTTP
 * smoke against the local stack, browser journeys in Chromium). Stops at the first failing step.
 */
const root = join(__dirname, '..');
const bin = (name: string) => join(root, 'node_modules/.bin', name);
const env = {
  ...process.env,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  FORCE_COLOR: process.env.CI ? '0' : '1',
};

const steps: Array<[string, string, string[]]> = [
  ['ESLint', bin('eslint'), ['--max-warnings=0', '.']],
  ['Prettier', bin('prettier'), ['--check', '--log-level=warn', '.']],
  ['TypeScript', bin('tsc'), ['--noEmit', '-p', '.']],
  // Unit, integration, HTTP and jsdom tests share the two cores; the browser journeys then run one file at a
  // time, each with its own stack and Chromium, so they never compete with each other for the machine.
  [
    'Jest',
    bin('jest'),
    ['--maxWorkers=2', '--testPathIgnorePatterns', '/tests/browser/', ...process.argv.slice(2)],
  ],
  [
    'Browser journeys',
    bin('jest'),
    [
      '--runInBand',
      '--selectProjects',
      'node',
      '--testPathPatterns',
      '/tests/browser/',
      ...process.argv.slice(2),
    ],
  ],
];

const started = Date.now();
if (!ensureSystemPackages()) process.exit(1);
for (const [name, command, args] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${name} failed (${seconds} s)`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
