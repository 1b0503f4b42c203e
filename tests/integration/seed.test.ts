import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { useFreshTable } from '../support/table';
import { handlerApi } from '../support/api';
import { certificates, majors, schools } from '../../scripts/seed/catalog';

/**
 * The seed (issue 14, production seed): the catalog is brought to the seed's, what left it is retired and not
 * deleted, and sample activities and dev users are written on a developer's machine only.
 */
let table: Awaited<ReturnType<typeof useFreshTable>>;

afterEach(async () => {
  await table.drop();
  jest.resetModules();
});

const total = schools.length + majors.length + certificates.length;

describe('on a developer’s machine', () => {
  it('lists enrolling and planned majors with their status, and keeps a suspended one on its page only', async () => {
    table = await useFreshTable();
    const { seedStore } = await import('../../functions/store/seed-store');
    const stopped = majors.find((m) => m.level !== '职业本科');
    if (!stopped) throw new Error('the seed has no majors');
    const others = majors.filter((m) => m.id !== stopped.id);
    await seedStore.syncCatalog(
      { schools, majors: [{ ...stopped, status: 'suspended' }, ...others], certificates },
      '2026-12-02T10:00:00+08:00',
    );
    const api = handlerApi();
    const list = await api.call('GET', '/majors', { query: { limit: '100' } });
    const listed = list.body.items as Array<{ id: string; level: string; status: string }>;
    expect(listed.map((m) => m.id)).not.toContain(stopped.id);
    expect(listed.filter((m) => m.level === '职业本科').every((m) => m.status === 'planned')).toBe(true);
    expect(listed.some((m) => m.status === 'enrolling')).toBe(true);
    const page = await api.call('GET', `/majors/${stopped.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ status: 'suspended', source: expect.stringMatching(/\S/) });
  });

  it('adds everything once, then changes nothing, and retires what leaves the seed', async () => {
    table = await useFreshTable();
    const { seed } = await import('../../scripts/seed');
    const first = await seed();
    expect(first.catalog.added).toHaveLength(total);
    expect(first.activities).toBeGreaterThan(0);
    expect(first.users).toBeGreaterThan(0);

    const second = await seed();
    expect(second.catalog).toMatchObject({ added: [], changed: [], retired: [], unchanged: total });

    const { seedStore } = await import('../../functions/store/seed-store');
    const [gone, ...kept] = majors;
    if (!gone) throw new Error('the seed has no majors');
    const sync = await seedStore.syncCatalog(
      { schools, majors: kept, certificates },
      '2026-12-02T10:00:00+08:00',
    );
    expect(sync).toMatchObject({ added: [], changed: [], retired: [`major:${gone.id}`] });

    // A fresh module registry: the handlers' catalog cache starts empty, as a new function instance's would.
    jest.resetModules();
    const fresh = handlerApi();
    const list = await fresh.call('GET', '/majors', { query: { schoolId: gone.schoolId, limit: '100' } });
    expect((list.body.items as Array<{ id: string }>).map((m) => m.id)).not.toContain(gone.id);
    const page = await fresh.call('GET', `/majors/${gone.id}`);
    expect(page.status).toBe(200);
    expect(page.body.retiredAt).toBe('2026-12-02T10:00:00+08:00');

    const back = await seedStore.syncCatalog({ schools, majors, certificates }, '2026-12-03T10:00:00+08:00');
    expect(back.changed).toEqual([`major:${gone.id}`]);
    const stored = (await table.scan()).find((i) => i.type === 'major' && i.id === gone.id);
    expect(stored).toMatchObject({ retiredAt: null });
  });
});

/** `npm run seed -- …` as an operator runs it, against this test's table in DynamoDB Local. */
function seedCli(args: string[]) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '../../scripts/seed-cli.ts'), ...args],
    {
      cwd: join(__dirname, '../..'),
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, STAGE: '', TABLE_NAME: '', DYNAMODB_ENDPOINT: '' },
    },
  );
}

describe('on a deployed stage', () => {
  it('npm run seed -- --stage prod writes the catalog, says what it did, and refuses --with-samples', async () => {
    table = await useFreshTable();
    const target = [
      '--stage',
      'prod',
      '--endpoint',
      String(process.env.TEST_DYNAMODB_ENDPOINT),
      '--table',
      table.name,
    ];
    const refused = seedCli([...target, '--with-samples']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('stage local');
    expect(await table.scan()).toEqual([]);

    const run = seedCli(target);
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as {
      table: string;
      activities: number;
      users: number;
      catalog: { added: string[]; retired: string[] };
    };
    expect(printed).toMatchObject({ table: table.name, activities: 0, users: 0 });
    expect(printed.catalog.added).toHaveLength(total);
    const again = JSON.parse(seedCli(target).stdout.trim().split('\n').pop() ?? '{}') as typeof printed;
    expect(again.catalog).toMatchObject({ added: [], retired: [], unchanged: total });
  });

  it('writes the catalog only, and refuses sample activities and dev users', async () => {
    table = await useFreshTable();
    process.env.STAGE = 'prod';
    try {
      const { seed } = await import('../../scripts/seed');
      await expect(seed({ samples: true })).rejects.toThrow(/stage local/);
      const result = await seed();
      expect(result).toMatchObject({ activities: 0, users: 0 });
      expect(result.catalog.added).toHaveLength(total);
      const items = await table.scan();
      expect(items.filter((i) => i.type === 'activity' || i.type === 'user')).toEqual([]);
    } finally {
      process.env.STAGE = 'local';
    }
  });
});
