import { join } from 'node:path';
import madge from 'madge';

const root = join(__dirname, '../..');

describe('the backend’s modules', () => {
  it('import one another without a cycle, type imports included', async () => {
    const graph = await madge([join(root, 'functions'), join(root, 'shared')], {
      baseDir: root,
      fileExtensions: ['ts'],
      tsConfig: join(root, 'tsconfig.json'),
      detectiveOptions: { ts: { skipTypeImports: false } },
    });
    const modules = Object.keys(graph.obj());
    // The graph really is the code: every aggregate's ports and use-cases are in it.
    expect(modules).toEqual(
      expect.arrayContaining([
        'functions/domain/signups/ports.ts',
        'functions/domain/signups/signups.ts',
        'functions/domain/messaging/notify.ts',
        'shared/routes.ts',
      ]),
    );
    expect(graph.circular()).toEqual([]);
  });
});
