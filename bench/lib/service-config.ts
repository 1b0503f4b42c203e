import {
  serverlessFile as serviceFile,
  type ServerlessFile as ServiceFile,
} from '../../scripts/lib/serverless-file';

/** A literal, or a `${param:name}` resolved for a stage: its own params, then the default ones. */
function resolve(file: ServiceFile, value: unknown, stage: string): unknown {
  const param = typeof value === 'string' ? /^\$\{param:([A-Za-z0-9_-]+)\}$/.exec(value)?.[1] : undefined;
  if (!param) return value;
  return file.params?.[stage]?.[param] ?? file.params?.default?.[param];
}

/**
 * provider.timeout of a deployed stage (prod), in milliseconds: the bench counts answers slower than it,
 * which Lambda would have cut off (the local stage may allow more).
 */
export function deployedTimeoutMs(): number {
  const file = serviceFile();
  const seconds = Number(resolve(file, file.provider?.timeout, 'prod'));
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 6) * 1000;
}

/** NODE_OPTIONS as serverless.yml gives every function (source maps cost load time, so they count). */
export function lambdaNodeOptions(): string {
  const file = serviceFile();
  const value = resolve(file, file.provider?.environment?.NODE_OPTIONS, 'local');
  return typeof value === 'string' && !value.includes('${') ? value : '';
}
