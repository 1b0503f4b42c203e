import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiYaml } from './lib/openapi';

/** `npm run openapi`: writes docs/openapi.yaml from the route table. A test fails while the two differ. */
const file = join(__dirname, '../docs/openapi.yaml');
writeFileSync(file, openApiYaml());
console.log(`wrote ${file}`);
