import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTRACT_ROUTES } from '../support/contract';

/** `serverless package` for prod in the China (Ningxia) region, offline: no credentials, no network. */
const root = join(__dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'sls-package-'));
type Resource = {
  Type: string;
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};
let template: { Resources: Record<string, Resource> };
let raw = '';

beforeAll(() => {
  const env = {
    ...process.env,
    SLS_TELEMETRY_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
    AWS_ACCESS_KEY_ID: '',
    AWS_SECRET_ACCESS_KEY: '',
    AWS_PROFILE: 'none',
    DYNAMODB_ENDPOINT: '',
    // Not the local stack's .esbuild: the HTTP tests may be serving from it at this moment.
    ESBUILD_WORK_FOLDER: '.esbuild-package',
  };
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/serverless/bin/serverless.js'),
      'package',
      '--stage',
      'prod',
      '--region',
      'cn-northwest-1',
      '--package',
      out,
    ],
    { cwd: root, env, encoding: 'utf8', timeout: 180_000 },
  );
  if (result.status !== 0) throw new Error(`serverless package failed:\n${result.stdout}\n${result.stderr}`);
  raw = readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8');
  template = JSON.parse(raw);
}, 200_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

const ofType = (type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);

interface Statement {
  Effect: string;
  Action: string[];
  Resource: unknown[];
}

function statementsOf(roleName: string): Statement[] {
  const role = template.Resources[roleName] as Resource;
  const policies = role.Properties.Policies as Array<{ PolicyDocument: { Statement: Statement[] } }>;
  return policies.flatMap((p) => p.PolicyDocument.Statement);
}

function roleOf(fn: Resource): string {
  const role = fn.Properties.Role as { 'Fn::GetAtt': [string, string] };
  return role['Fn::GetAtt'][0];
}

describe('the prod CloudFormation template for cn-northwest-1', () => {
  it('writes no literal aws partition: every ARN goes through ${AWS::Partition}', () => {
    expect(raw).not.toContain('arn:aws:');
    expect(raw).toContain('${AWS::Partition}');
  });

  it('runs every function on nodejs22.x with its own role, packaged individually without the AWS SDK', () => {
    const functions = ofType('AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThanOrEqual(36);
    const roles = new Set<string>();
    for (const [name, fn] of functions) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      // 10 s for a request, most of the HTTP API's 30 s for a 50-person 团体报名 list, 60 s for the workers.
      const timeout = {
        SignupBatchLambdaFunction: 28,
        MeDeleteLambdaFunction: 28,
        RulesWorkerLambdaFunction: 60,
        CompletionsIssueLambdaFunction: 60,
      };
      expect(fn.Properties.Timeout).toBe(timeout[name as keyof typeof timeout] ?? 10);
      roles.add(roleOf(fn));
    }
    expect(roles.size).toBe(functions.length);
    const zips = readdirSync(out).filter((f) => f.endsWith('.zip'));
    expect(zips.length).toBe(functions.length);
    // With the SDK bundled a function is over half a megabyte; without it, a small fraction of that. The two
    // Excel routes carry exceljs (1.2 MB of JS, with its source map): staff-only, so a slower cold start is theirs.
    const EXCEL = new Set(['staffCatalogExport.zip', 'staffCatalogImport.zip']);
    for (const zip of zips) {
      expect(statSync(join(out, zip)).size).toBeLessThan((EXCEL.has(zip) ? 2048 : 250) * 1024);
    }
    expect(zips.filter((z) => EXCEL.has(z))).toHaveLength(EXCEL.size);
  });

  it('gives each function only the table actions it needs, on the table and its indexes', () => {
    const allowed = new Set([
      'dynamodb:GetItem',
      'dynamodb:Query',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:ConditionCheckItem',
    ]);
    for (const [name, fn] of ofType('AWS::Lambda::Function')) {
      const table = statementsOf(roleOf(fn)).filter((s) => s.Action.some((a) => a.startsWith('dynamodb:')));
      expect(table.length).toBeGreaterThan(0);
      for (const s of table) {
        for (const a of s.Action) expect(allowed.has(a)).toBe(true);
        for (const r of s.Resource) expect(JSON.stringify(r)).toContain('Table');
        expect(JSON.stringify(s.Resource)).not.toContain('"*"');
      }
      if (
        /^(Schools|School|Majors|Major|Certificates|Certificate|Activities)(List|Get)LambdaFunction$/.test(
          name,
        )
      ) {
        expect(table.flatMap((s) => s.Action)).toEqual(['dynamodb:Query']);
      }
    }
    const checkIn = template.Resources.StaffCheckInLambdaFunction as Resource;
    const actions = statementsOf(roleOf(checkIn)).flatMap((s) => s.Action);
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions).toContain('ssm:GetParameters');
  });

  it('keeps secrets out of the template: the functions read them from SSM', () => {
    for (const [, fn] of ofType('AWS::Lambda::Function')) {
      const vars = (fn.Properties.Environment as { Variables: Record<string, string> }).Variables;
      expect(vars.TOKEN_SECRET).toBe('');
      expect(vars.TOKEN_SECRET_PARAMETER).toBe('/siping-skills/prod/token-secret');
      expect(vars.WECHAT_APP_SECRET).toBe('');
    }
  });

  it('protects the table: point-in-time recovery, deletion protection, Retain', () => {
    const table = template.Resources.Table as Resource;
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    // GSI1 and GSI2 for lists, GSI3 for the scheduled worker's agenda.
    expect(
      (table.Properties.GlobalSecondaryIndexes as Array<{ IndexName: string }>).map((i) => i.IndexName),
    ).toEqual(['GSI1', 'GSI2', 'GSI3']);
  });

  it('keeps logs for 30 days, logs every API request without who sent it, and throttles the API', () => {
    for (const [, group] of ofType('AWS::Logs::LogGroup')) expect(group.Properties.RetentionInDays).toBe(30);
    const [[, stage]] = ofType('AWS::ApiGatewayV2::Stage') as [[string, Resource]];
    const access = stage.Properties.AccessLogSettings as { DestinationArn: unknown; Format: string };
    expect(access.DestinationArn).toEqual({ 'Fn::GetAtt': ['HttpApiLogGroup', 'Arn'] });
    expect(JSON.parse(access.Format)).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
      status: '$context.status',
    });
    expect(access.Format).not.toMatch(/sourceIp|userAgent/);
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: 200,
      ThrottlingBurstLimit: 400,
    });
  });

  it('has a route for every path of the contract and a schedule for the workers', () => {
    const routes = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey as string);
    for (const route of CONTRACT_ROUTES) {
      expect(routes).toContain(route);
    }
    expect(
      ofType('AWS::Events::Rule')
        .map(([, r]) => r.Properties.ScheduleExpression)
        .sort(),
    ).toEqual(['rate(1 hour)', 'rate(5 minutes)']);
  });
});
