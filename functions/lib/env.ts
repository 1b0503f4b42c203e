/** The only reader of process.env: every setting is read once, checked, and typed. */
export type Stage = 'local' | 'dev' | 'prod' | 'test';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
}

function optional(name: string): string | undefined {
  const value = process.env[name];
  return value ? value : undefined;
}

export interface Env {
  stage: Stage;
  tableName: string;
  region: string;
  dynamodbEndpoint?: string;
  tokenSecret: string;
  /** SSM Parameter Store names of the secrets, outside the local stage. */
  secretParameters: { tokenSecret?: string; wechatAppSecret?: string };
  tokenTtlSeconds: number;
  wechat: {
    appId?: string;
    appSecret?: string;
    apiBase: string;
    /** Subscribe-message templates, by what they announce (set in the mini-program console). */
    templates: { reminder: string; result: string; cancelled: string };
    /** `developer`, `trial` or `formal`: which build a message's link opens. */
    miniprogramState: string;
  };
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Per user and minute, held in the table so every function instance counts together. */
  rateLimits: { signupsPerMinute: number; loginsPerMinute: number; redeemsPerMinute: number };
}

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const stage = required('STAGE') as Stage;
  if (!['local', 'dev', 'prod', 'test'].includes(stage)) throw new Error(`Unknown STAGE ${stage}`);
  const tokenSecretParameter = optional('TOKEN_SECRET_PARAMETER');
  // Deployed stages name an SSM parameter instead; lib/secrets.ts fills the value in at cold start.
  const tokenSecret = tokenSecretParameter ? (optional('TOKEN_SECRET') ?? '') : required('TOKEN_SECRET');
  if (!tokenSecretParameter && stage !== 'local' && stage !== 'test' && tokenSecret.length < 32) {
    throw new Error('TOKEN_SECRET must be at least 32 characters outside the local stage');
  }
  cached = {
    stage,
    tableName: required('TABLE_NAME'),
    region: optional('AWS_REGION') ?? 'cn-northwest-1',
    dynamodbEndpoint: optional('DYNAMODB_ENDPOINT'),
    tokenSecret,
    secretParameters: {
      tokenSecret: tokenSecretParameter,
      wechatAppSecret: optional('WECHAT_APP_SECRET_PARAMETER'),
    },
    tokenTtlSeconds: Number(optional('TOKEN_TTL_SECONDS') ?? 7 * 24 * 3600),
    wechat: {
      appId: optional('WECHAT_APP_ID'),
      appSecret: optional('WECHAT_APP_SECRET'),
      apiBase: optional('WECHAT_API_BASE') ?? 'https://api.weixin.qq.com',
      templates: {
        reminder: optional('WECHAT_TEMPLATE_REMINDER') ?? 'local-template-reminder',
        result: optional('WECHAT_TEMPLATE_RESULT') ?? 'local-template-result',
        cancelled: optional('WECHAT_TEMPLATE_CANCELLED') ?? 'local-template-cancelled',
      },
      miniprogramState: optional('WECHAT_MINIPROGRAM_STATE') ?? (stage === 'prod' ? 'formal' : 'developer'),
    },
    logLevel: (optional('LOG_LEVEL') as Env['logLevel'] | undefined) ?? 'info',
    rateLimits: {
      signupsPerMinute: Number(optional('RATE_LIMIT_SIGNUPS_PER_MINUTE') ?? 20),
      loginsPerMinute: Number(optional('RATE_LIMIT_LOGINS_PER_MINUTE') ?? 30),
      // Issue 13: more than 10 invitation codes a minute from one user is guessing, not typing.
      redeemsPerMinute: 10,
    },
  };
  return cached;
}

/** Puts secrets read from SSM into the settings; called once per cold start by lib/secrets.ts. */
export function applySecrets(values: { tokenSecret?: string; wechatAppSecret?: string }): void {
  const current = env();
  if (values.tokenSecret !== undefined) {
    if (values.tokenSecret.length < 32)
      throw new Error('The token secret in SSM must be at least 32 characters');
    current.tokenSecret = values.tokenSecret;
  }
  if (values.wechatAppSecret !== undefined) current.wechat.appSecret = values.wechatAppSecret;
}

/** Tests switch settings between cases; production code never calls this. */
export function resetEnvForTests(): void {
  cached = undefined;
}

/**
 * CATALOG_CACHE_SECONDS (0–300, default 30): how long an instance keeps the catalog and its public answers. Read
 * apart from env(): the caches are made when a handler module loads, before a test may have set the stage.
 */
export function catalogCacheSeconds(): number {
  const seconds = Number(process.env.CATALOG_CACHE_SECONDS ?? '30');
  return Number.isFinite(seconds) && seconds >= 0 && seconds <= 300 ? seconds : 30;
}
