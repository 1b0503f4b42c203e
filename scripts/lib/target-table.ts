import { randomBytes } from 'node:crypto';
import type { Stage } from '../../functions/lib/env';

/**
 * Which table an operator's command works on (`npm run admin`, `npm run seed`): a deployed stage's table with the
 * operator's AWS credentials, or DynamoDB Local through `--endpoint`.
 */
export interface TargetTable {
  stage: Stage;
  region: string;
  endpoint?: string;
  table: string;
}

export const STAGES: readonly Stage[] = ['local', 'dev', 'prod', 'test'];

/** A mistake in the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export function targetTable(values: {
  stage?: string;
  region?: string;
  endpoint?: string;
  table?: string;
}): TargetTable {
  const stage = values.stage as Stage | undefined;
  if (!stage || !STAGES.includes(stage))
    throw new UsageError(
      `请用 --stage 指定环境（${STAGES.join('、')}）/ --stage must be one of ${STAGES.join(', ')}`,
    );
  const endpoint = values.endpoint;
  // Stage local lives only in DynamoDB Local: without an endpoint the command would reach AWS with the
  // operator's credentials, which is never what a change to the local stack means.
  if (stage === 'local' && !endpoint)
    throw new UsageError(
      '--stage local 需要 --endpoint（本地栈启动时打印的 DynamoDB Local 地址）/ ' +
        '--stage local needs --endpoint (the DynamoDB Local address `npm start` prints)',
    );
  if (endpoint && !/^https?:\/\/\S+$/.test(endpoint))
    throw new UsageError(`--endpoint 应为 http(s) 地址 / --endpoint must be an http(s) URL: ${endpoint}`);
  const region = values.region ?? (endpoint ? 'cn-northwest-1' : undefined);
  if (!region)
    throw new UsageError(
      '请用 --region 指定区域，例如 cn-northwest-1 / --region is required, e.g. cn-northwest-1',
    );
  return { stage, region, endpoint, table: values.table ?? `siping-skills-${stage}` };
}

/** Points functions/lib/env.ts at the table before anything reads it; the shell's settings never leak in. */
export function useTargetTable(target: TargetTable): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  process.env.STAGE = target.stage;
  process.env.TABLE_NAME = target.table;
  process.env.AWS_REGION = target.region;
  if (target.endpoint) process.env.DYNAMODB_ENDPOINT = target.endpoint;
  else delete process.env.DYNAMODB_ENDPOINT;
  // These commands sign no tokens, but env() insists on a secret of full length outside stage local.
  process.env.TOKEN_SECRET = randomBytes(32).toString('hex');
  delete process.env.TOKEN_SECRET_PARAMETER;
  process.env.LOG_LEVEL = 'error';
}
