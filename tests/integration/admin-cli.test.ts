import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import type { stores as Stores } from '../../functions/store';
import { useFreshTable } from '../support/table';

/** `npm run admin` as an operator runs it: its own process, against DynamoDB Local. */
const ROOT = resolve(__dirname, '../..');
const SCHOOL = 'shuangliao-vocational';
const ARN = 'arn:aws-cn:iam::123456789012:user/ops';

let table: Awaited<ReturnType<typeof useFreshTable>>;
let stores: typeof Stores;
let shortIdOf: (userId: string) => string;
let endpoint: string;
let sts: Server;
let stsUrl: string;
const stsRequests: { authorization: string; body: string }[] = [];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI with none of the test's own table settings, so it must configure itself from its flags, and
 * none of the machine's AWS profile settings, which would outrank the stand-in credentials.
 */
const CLEARED = [
  'STAGE',
  'TABLE_NAME',
  'DYNAMODB_ENDPOINT',
  'TOKEN_SECRET',
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_SESSION_TOKEN',
  'AWS_ENDPOINT_URL',
  'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
];

function admin(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of CLEARED) delete env[name];
  Object.assign(env, extraEnv);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], {
      cwd: ROOT,
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const local = (...args: string[]) =>
  admin([...args, '--stage', 'local', '--endpoint', endpoint, '--table', table.name]);

async function auditOf(userId: string) {
  const { items } = await stores.audit.list(undefined, 100);
  return items.filter((e) => e.target === `user:${userId}`);
}

async function newUser(id: string) {
  return stores.users.ensure(id, { shortId: shortIdOf(id) }, new Date().toISOString());
}

beforeAll(async () => {
  table = await useFreshTable('local');
  endpoint = process.env.DYNAMODB_ENDPOINT ?? '';
  ({ stores } = await import('../../functions/store'));
  ({ shortIdOf } = await import('../../functions/domain/people/people'));
  const { seed } = await import('../../scripts/seed');
  await seed();
  // A stand-in for STS on loopback: GetCallerIdentity answers for the key `ops`, and refuses any other.
  sts = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const authorization = req.headers.authorization ?? '';
      stsRequests.push({ authorization, body });
      res.setHeader('content-type', 'text/xml');
      if (authorization.includes('Credential=ops/')) {
        res.end(
          `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>` +
            `<Arn>${ARN}</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account>` +
            `</GetCallerIdentityResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>` +
            `</GetCallerIdentityResponse>`,
        );
      } else {
        res.statusCode = 403;
        res.end(
          `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>` +
            `<Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.` +
            `</Message></Error><RequestId>r-2</RequestId></ErrorResponse>`,
        );
      }
    });
  });
  await new Promise<void>((r) => sts.listen(0, '127.0.0.1', () => r()));
  const address = sts.address();
  stsUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((r) => sts.close(r));
  await table.drop();
});

jest.setTimeout(60_000);

describe('npm run admin against DynamoDB Local', () => {
  it('grants admin by userId and records the operator as a local: actor', async () => {
    await newUser('wx-first-admin');

    const run = await local('grant', 'wx-first-admin', 'admin');

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已授予 admin');
    expect(run.stdout).toMatch(/Roles now: user, admin\n/);
    expect((await stores.users.get('wx-first-admin'))?.roles).toEqual(['user', 'admin']);
    const [entry, ...others] = await auditOf('wx-first-admin');
    expect(others).toEqual([]);
    expect(entry).toMatchObject({
      action: 'role.grant',
      before: { roles: ['user'] },
      after: { roles: ['user', 'admin'] },
    });
    expect(entry?.actor).toMatch(/^local:\S+$/);
  });

  it('grants by 用户编号, and a second grant changes nothing and writes no audit entry', async () => {
    const user = await newUser('wx-bureau-2');
    const shortId = user.shortId ?? '';
    expect(shortId).toMatch(/^[0-9A-Z]{8}$/);

    // Grouped as 我的 shows it (ABCD-EFGH) and in lower case, as someone typing it off a phone might.
    const first = await local('grant', `${shortId.slice(0, 4)}-${shortId.slice(4)}`.toLowerCase(), 'admin');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`用户编号 ${shortId}`);
    expect((await stores.users.get('wx-bureau-2'))?.roles).toEqual(['user', 'admin']);

    const second = await local('grant', shortId, 'admin');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('nothing changed');
    expect(second.stdout).toContain('Roles now: user, admin');
    expect(await auditOf('wx-bureau-2')).toHaveLength(1);
  });

  it('revokes admin, and the audit shows both the grant and the revoke', async () => {
    await newUser('wx-leaving');
    expect((await local('grant', 'wx-leaving', 'admin')).code).toBe(0);

    const run = await local('revoke', 'wx-leaving', 'admin');

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已撤销 admin');
    expect(run.stdout).toMatch(/Roles now: user\n/);
    expect((await stores.users.get('wx-leaving'))?.roles).toEqual(['user']);
    const actions = (await auditOf('wx-leaving')).map((e) => e.action).sort();
    expect(actions).toEqual(['role.grant', 'role.revoke']);
  });

  it("writes the school's member row with a school role, and removes it with the revoke", async () => {
    const user = await newUser('wx-principal');

    const grant = await local('grant', user.shortId ?? '', `school-admin:${SCHOOL}`);

    expect(grant.code).toBe(0);
    expect((await stores.users.get('wx-principal'))?.roles).toEqual(['user', `school-admin:${SCHOOL}`]);
    const members = await stores.invitations.members(SCHOOL);
    expect(members.find((m) => m.userId === 'wx-principal')).toMatchObject({
      schoolId: SCHOOL,
      shortId: user.shortId,
      role: 'school-admin',
    });

    const revoke = await local('revoke', 'wx-principal', `school-admin:${SCHOOL}`);

    expect(revoke.code).toBe(0);
    expect((await stores.invitations.members(SCHOOL)).some((m) => m.userId === 'wx-principal')).toBe(false);
    expect((await stores.users.get('wx-principal'))?.roles).toEqual(['user']);
  });

  it('refuses a second role at the same school until the first is revoked', async () => {
    await newUser('wx-teacher');
    expect((await local('grant', 'wx-teacher', `staff:${SCHOOL}`)).code).toBe(0);

    const run = await local('grant', 'wx-teacher', `school-admin:${SCHOOL}`);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`revoke it first`);
    expect((await stores.users.get('wx-teacher'))?.roles).toEqual(['user', `staff:${SCHOOL}`]);
  });

  it('fails with a message and a non-zero exit for an unknown 用户编号, writing nothing', async () => {
    const before = (await stores.audit.list(undefined, 100)).items.length;

    const run = await local('grant', 'ZZZZ9999', 'admin');

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('没有找到用户 “ZZZZ9999”');
    expect(run.stderr).toContain('No user with id or 用户编号 "ZZZZ9999"');
    expect(run.stdout).toBe('');
    expect((await stores.audit.list(undefined, 100)).items).toHaveLength(before);
  });

  it('refuses a school that is not in the catalog', async () => {
    await newUser('wx-nowhere');

    const run = await local('grant', 'wx-nowhere', 'staff:no-such-school');

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No school "no-such-school" in the catalog');
    expect((await stores.users.get('wx-nowhere'))?.roles).toEqual(['user']);
  });

  it('names the table it could not find, for a wrong --stage or --region', async () => {
    const run = await admin([
      'grant',
      'wx-nowhere',
      'admin',
      '--stage',
      'local',
      '--endpoint',
      endpoint,
      '--table',
      'siping-skills-nowhere',
    ]);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Table siping-skills-nowhere not found in cn-northwest-1');
  });

  it('answers a bad command line with the usage and exit code 2', async () => {
    const badRole = await local('grant', 'wx-nowhere', 'superuser');
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('Unknown role "superuser"');
    expect(badRole.stderr).toContain('用法 / Usage');

    const everyone = await local('revoke', 'wx-nowhere', 'user');
    expect(everyone.code).toBe(2);

    const localWithoutEndpoint = await admin(['grant', 'wx-nowhere', 'admin', '--stage', 'local']);
    expect(localWithoutEndpoint.code).toBe(2);
    expect(localWithoutEndpoint.stderr).toContain('--stage local needs --endpoint');

    const noRegion = await admin(['grant', 'wx-nowhere', 'admin', '--stage', 'prod']);
    expect(noRegion.code).toBe(2);
    expect(noRegion.stderr).toContain('--region is required');
  });
});

describe('npm run admin with AWS credentials (STS and DynamoDB stood in for on loopback)', () => {
  /** The SDK's own endpoint settings: the CLI takes its real-AWS path, only the addresses are local. */
  const aws = (accessKeyId: string) => ({
    AWS_ENDPOINT_URL_STS: stsUrl,
    AWS_ENDPOINT_URL_DYNAMODB: endpoint,
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: 'secret',
  });
  const prod = (...args: string[]) => [
    ...args,
    '--stage',
    'prod',
    '--region',
    'cn-northwest-1',
    '--table',
    table.name,
  ];

  it("names the caller's ARN, asked of STS in the command's region, as the audit actor", async () => {
    await newUser('wx-prod-admin');
    stsRequests.length = 0;

    const run = await admin(prod('grant', 'wx-prod-admin', 'admin'), aws('ops'));

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Audit actor: aws:${ARN}`);
    expect(stsRequests).toHaveLength(1);
    expect(stsRequests[0]?.body).toContain('Action=GetCallerIdentity');
    expect(stsRequests[0]?.authorization).toContain('/cn-northwest-1/sts/aws4_request');
    const [entry] = await auditOf('wx-prod-admin');
    expect(entry).toMatchObject({ action: 'role.grant', actor: `aws:${ARN}` });
    expect((await stores.users.get('wx-prod-admin'))?.roles).toEqual(['user', 'admin']);
  });

  it('changes nothing when STS does not accept the credentials', async () => {
    await newUser('wx-not-yet');

    const run = await admin(prod('grant', 'wx-not-yet', 'admin'), aws('stolen'));

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('无法确认您的 AWS 身份，未做任何修改');
    expect(run.stderr).toContain(
      'nothing was changed: The security token included in the request is invalid',
    );
    expect((await stores.users.get('wx-not-yet'))?.roles).toEqual(['user']);
    expect(await auditOf('wx-not-yet')).toEqual([]);
  });
});
