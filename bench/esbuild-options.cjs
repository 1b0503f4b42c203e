// serverless-esbuild's `config` hook for serverless.bench.yml: exactly serverless.yml's custom.esbuild, with
// - the bundles written under bench/results/ (git-ignored) instead of the shared .esbuild/, so that a
//   `serverless package` elsewhere (which deletes .esbuild/) cannot pull them from under the bench;
// - no file watching: under serverless-offline, serverless-esbuild rebuilds on any change to a .js/.ts file
//   in the repository and then drops every function instance (calls in flight never answer). Others edit
//   files while the bench runs, and it must measure the bundles it started with; its own build folder
//   would also trigger the watcher (only .esbuild and .build at the root are ignored by default).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const YAML = require('yaml');

module.exports = (serverless) => {
  const root = serverless.config.serviceDir;
  // CloudFormation tags (!GetAtt, !Join) elsewhere in the file only warn; custom.esbuild is plain data.
  const base = YAML.parse(readFileSync(join(root, 'serverless.yml'), 'utf8'), { logLevel: 'silent' });
  return {
    ...base.custom.esbuild,
    outputWorkFolder: 'bench/results/esbuild.tmp',
    watch: { pattern: [], ignore: ['**'] },
  };
};
