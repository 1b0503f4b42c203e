import { useFreshTable } from '../support/table';
import { WAITLIST_COUNT_LIMIT as MEMORY_LIMIT } from '../support/memory/signup-store';
import { storeContract } from '../support/store-contract';

/** The DynamoDB stores against the suite the in-memory adapters pass: what the fast tier trusts is true here. */
storeContract('DynamoDB Local', async () => {
  const table = await useFreshTable();
  const { seed } = await import('../../scripts/seed');
  await seed();
  const { stores } = await import('../../functions/store');
  const { createSignupStore } = await import('../../functions/store/signup-store');
  return {
    stores,
    signupsCountingTo: (limit) => createSignupStore({ waitlistCountLimit: limit }),
    teardown: () => table.drop(),
  };
});

it('counts waitlist positions exactly as far as the in-memory adapter does', async () => {
  const { WAITLIST_COUNT_LIMIT } = await import('../../functions/store/signup-store');
  expect(MEMORY_LIMIT).toBe(WAITLIST_COUNT_LIMIT);
});
