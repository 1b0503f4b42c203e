/**
 * `npm run admin -- grant|revoke <userId|用户编号> <role> --stage <stage> --region <region> [--endpoint <url>]`
 *
 * For operators: gives a deployed stage its first admin (and takes roles away) with the operator's own AWS
 * credentials, because nobody holds `admin` yet who could do it through the app. The audit entry's actor is the
 * AWS identity (`aws:<caller ARN>`), or `local:<os user>` against DynamoDB Local, where there is no STS.
 * Exit codes: 0 done (or nothing to change), 1 refused or failed, 2 usage error.
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { RoleSchema, type Role } from '../shared/api';
import { SCHOOL_ROLE_LABELS } from '../shared/roles';
import { STAGES, targetTable, UsageError, useTargetTable, type TargetTable } from './lib/target-table';

const USAGE = `用法 / Usage:
  npm run admin -- grant  <userId|用户编号> <role> --stage <stage> --region <region>
  npm run admin -- revoke <userId|用户编号> <role> --stage <stage> --region <region>
  npm run admin -- grant  <userId|用户编号> <role> --stage local --endpoint <DynamoDB Local URL>

  <用户编号>   the 8-character code on the app's 我的 page (or the full userId)
  <role>       admin                   市教育局管理员 / the city education bureau, all schools
               school-admin:<schoolId> 学校管理员 / manages that school's teachers and content
               staff:<schoolId>        老师 / a teacher of that school
  --stage      ${STAGES.join(' | ')}   (table siping-skills-<stage>)
  --region     e.g. cn-northwest-1, cn-north-1 (required without --endpoint)
  --endpoint   DynamoDB Local, e.g. the address \`npm start\` prints; required for --stage local
  --table      another table name (default siping-skills-<stage>)

  AWS credentials come from the usual places (AWS_PROFILE, ~/.aws, environment).
  例 / Example: npm run admin -- grant 7KQ2M9XD admin --stage prod --region cn-northwest-1`;

/** A refusal or failure the operator can act on: printed as is, exit code 1. */
class CliError extends Error {}

interface Command extends TargetTable {
  grant: boolean;
  target: string;
  role: Role;
}

function readArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        stage: { type: 'string' },
        region: { type: 'string' },
        endpoint: { type: 'string' },
        table: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError(`参数有误 / Invalid arguments: ${(err as Error).message}`);
  }
}

function parseCommand(argv: string[]): Command | 'help' {
  const { values, positionals } = readArgs(argv);
  if (values.help) return 'help';
  if (!positionals.length) throw new UsageError('请给出要做的事 / Nothing to do');
  const [action, target, role, ...extra] = positionals;
  if (action !== 'grant' && action !== 'revoke')
    throw new UsageError(`第一个参数应为 grant 或 revoke / The first argument must be grant or revoke`);
  if (!target || !role || extra.length)
    throw new UsageError('需要且只需要用户和角色两个参数 / Give exactly a user and a role');
  const checked = v.safeParse(RoleSchema, role);
  // `user` is everyone's role: granting it means nothing and revoking it would lock a person out.
  if (!checked.success || checked.output === 'user')
    throw new UsageError(
      `角色 “${role}” 无效，应为 admin、school-admin:<学校ID> 或 staff:<学校ID> / ` +
        `Unknown role "${role}": use admin, school-admin:<schoolId> or staff:<schoolId>`,
    );
  return { grant: action === 'grant', target, role: checked.output, ...targetTable(values) };
}

/** Who ran the command, for the audit: asked of STS before anything is written, so no change goes unattributed. */
async function operatorIdentity(command: Command): Promise<string> {
  if (command.endpoint) {
    let name: string;
    try {
      name = userInfo().username;
    } catch {
      // A container user without a passwd entry still has a name in the environment, or none at all.
      name = process.env.USER ?? process.env.USERNAME ?? 'unknown';
    }
    return `local:${name}`;
  }
  const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  // STS is regional in the China partition (sts.cn-northwest-1.amazonaws.com.cn): ask the command's region.
  const sts = new STSClient({ region: command.region });
  try {
    const { Arn } = await sts.send(new GetCallerIdentityCommand({}));
    if (!Arn) throw new Error('STS answered without an ARN');
    return `aws:${Arn}`;
  } catch (err) {
    throw new CliError(
      `无法确认您的 AWS 身份，未做任何修改。请检查 AWS 凭证（AWS_PROFILE、aws configure）和 --region。\n` +
        `Could not read your AWS identity (STS GetCallerIdentity in ${command.region}); nothing was changed: ` +
        `${(err as Error).message}`,
    );
  } finally {
    sts.destroy();
  }
}

function userNotFound(command: Command): CliError {
  return new CliError(
    `没有找到用户 “${command.target}”：请让对方在小程序“我的”页面核对 8 位用户编号（对方需先登录过一次）。\n` +
      `No user with id or 用户编号 "${command.target}" in ${command.table} (they must have opened the app once).`,
  );
}

/** Turns the AWS and domain errors an operator can meet into what to do next. */
function explain(err: unknown, command: Command): Error {
  if (err instanceof CliError || err instanceof UsageError) return err;
  const name = (err as Error).name;
  const code = (err as { code?: string }).code;
  if (code === 'USER_NOT_FOUND') return userNotFound(command);
  if (name === 'DomainError') return new CliError(`${(err as Error).message} (${code})`);
  if (name === 'ResourceNotFoundException')
    return new CliError(
      `在 ${command.region} 没有找到表 ${command.table}：请核对 --stage 和 --region。\n` +
        `Table ${command.table} not found in ${command.region}: check --stage and --region.`,
    );
  if (name === 'AccessDeniedException' || name === 'UnrecognizedClientException')
    return new CliError(
      `AWS 拒绝了访问：当前身份需要对表 ${command.table} 的读写权限。\n` +
        `AWS refused access: your identity needs read and write access to ${command.table}. ${(err as Error).message}`,
    );
  if (name === 'CredentialsProviderError')
    return new CliError(`没有找到 AWS 凭证 / No AWS credentials found: ${(err as Error).message}`);
  return err instanceof Error ? err : new Error(String(err));
}

/**
 * A 用户编号 as people pass it on: grouped `ABCD-EFGH` as 我的 shows it, in lower case, or with O for 0 and I or L
 * for 1 (the code's Crockford alphabet has none of those letters). Null when it cannot be one.
 */
function asShortId(target: string): string | null {
  const compact = target.replace(/[\s-]/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{8}$/.test(compact) ? compact : null;
}

async function run(command: Command): Promise<void> {
  useTargetTable(command);
  const actor = await operatorIdentity(command);
  // Imported after configure(): the stores read the environment on first use.
  const { stores } = await import('../functions/store');
  const { setRoleByOperator, shortIdOf } = await import('../functions/domain/people/people');
  const { schoolOfRole } = await import('../functions/domain/access');

  const shortIdGiven = asShortId(command.target);
  const byShortId = shortIdGiven ? await stores.users.byShortId(shortIdGiven) : null;
  const user = byShortId ?? (await stores.users.get(command.target));
  if (!user) throw userNotFound(command);

  const at = schoolOfRole(command.role);
  if (at && command.grant) {
    // Revoking stays possible for a school since removed from the catalog, so stale roles can be cleaned up.
    const schools = await stores.catalog.listSchools();
    if (!schools.some((s) => s.id === at.schoolId))
      throw new CliError(
        `学校目录里没有 “${at.schoolId}”，请核对学校ID / No school "${at.schoolId}" in the catalog. ` +
          `已有 / Known: ${schools.map((s) => s.id).join(', ') || '(none: seed the catalog first)'}`,
      );
    // One role per school, as an invitation gives it: a second one would leave the member list half right.
    const other = user.roles.find((r) => r !== command.role && schoolOfRole(r)?.schoolId === at.schoolId);
    if (other)
      throw new CliError(
        `该用户在这所学校已是 ${other}，请先撤销它（revoke）再授予 ${command.role}。\n` +
          `The user already holds ${other} at this school: revoke it first, then grant ${command.role}.`,
      );
  }

  const result = await setRoleByOperator(stores, actor, user.id, command.role, command.grant);
  const shortId = user.shortId ?? shortIdOf(user.id);
  const label = at ? `${SCHOOL_ROLE_LABELS[at.role]} @ ${at.schoolId}` : '市教育局管理员';
  const verb = command.grant ? ['已授予', 'Granted'] : ['已撤销', 'Revoked'];
  if (result.changed) {
    console.log(`${verb[0]} ${command.role}（${label}）：用户 ${result.userId}，用户编号 ${shortId}`);
    console.log(`${verb[1]} ${command.role} ${command.grant ? 'to' : 'from'} ${result.userId} (${shortId}).`);
    console.log(`审计操作人 / Audit actor: ${actor}`);
  } else {
    console.log(
      command.grant
        ? `用户 ${result.userId}（${shortId}）已有 ${command.role}，未做修改 / Already held; nothing changed.`
        : `用户 ${result.userId}（${shortId}）没有 ${command.role}，未做修改 / Not held; nothing changed.`,
    );
  }
  console.log(`当前角色 / Roles now: ${result.roles.join(', ')}`);
}

async function main(): Promise<number> {
  let command: Command | 'help';
  try {
    command = parseCommand(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (command === 'help') {
    console.log(USAGE);
    return 0;
  }
  try {
    await run(command);
    return 0;
  } catch (err) {
    const explained = explain(err, command);
    console.error(explained instanceof CliError ? explained.message : explained);
    return 1;
  }
}

void main().then((code) => process.exit(code));
