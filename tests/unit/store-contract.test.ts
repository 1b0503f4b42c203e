import { createMemorySignupStore, createMemoryStores } from '../support/memory';
import { CONTRACT_SEED, storeContract } from '../support/store-contract';

/** The in-memory adapters keep every promise the DynamoDB stores make (the same suite runs on both). */
storeContract('in-memory adapters', async () => {
  const stores = createMemoryStores({ catalog: CONTRACT_SEED.catalog, users: [CONTRACT_SEED.admin] });
  return {
    stores,
    signupsCountingTo: (limit) => createMemorySignupStore(stores.table, { waitlistCountLimit: limit }),
    teardown: async () => {},
  };
});
