import { checkConsistency } from '../functions/store/consistency';

/**
 * `npm run check:consistency`: for operators. Reads the table named by TABLE_NAME (DYNAMODB_ENDPOINT for
 * a local one; defaults to the local stack's) and prints each counter that disagrees with the sign-ups.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.STAGE ??= 'local';
process.env.TABLE_NAME ??= 'siping-skills-local';
process.env.TOKEN_SECRET ??= 'unused-by-this-check';

async function main(): Promise<void> {
  if (!process.env.DYNAMODB_ENDPOINT && process.env.STAGE === 'local') {
    console.error(
      '请设置 DYNAMODB_ENDPOINT（本地栈启动时打印的 DynamoDB 地址），或设置 STAGE/TABLE_NAME 检查云端的表',
    );
    process.exit(2);
  }
  const { activities, signups, mismatches } = await checkConsistency();
  for (const m of mismatches)
    console.log(`MISMATCH ${m.activityId} ${m.field}: stored ${m.stored}, actual ${m.actual}`);
  console.log(`${activities} activities, ${signups} sign-ups, ${mismatches.length} mismatches`);
  process.exit(mismatches.length ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(2);
});
