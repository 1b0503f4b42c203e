import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { applySecrets, env } from './env';

let loading: Promise<void> | undefined;

/**
 * Reads the secrets named by TOKEN_SECRET_PARAMETER / WECHAT_APP_SECRET_PARAMETER from SSM Parameter Store
 * once per function instance. Locally no parameter is named and this does nothing.
 */
export function loadSecrets(): Promise<void> {
  const { secretParameters, region } = env();
  const names = [secretParameters.tokenSecret, secretParameters.wechatAppSecret].filter(
    (n): n is string => !!n,
  );
  if (names.length === 0) return Promise.resolve();
  loading ??= (async () => {
    const client = new SSMClient({ region });
    const res = await client.send(new GetParametersCommand({ Names: names, WithDecryption: true }));
    const value = (name?: string) => res.Parameters?.find((p) => p.Name === name)?.Value;
    if (res.InvalidParameters?.length)
      throw new Error(`Missing SSM parameters: ${res.InvalidParameters.join(', ')}`);
    applySecrets({
      tokenSecret: value(secretParameters.tokenSecret),
      wechatAppSecret: value(secretParameters.wechatAppSecret),
    });
  })().catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}
