import 'reflect-metadata';

import { API_TYPES_DIR, generateApiTypes, writeApiTypes } from './api-types';

/** `npm run api:types` (after `nest build`): writes apps/web/src/api/{openapi.json,schema.d.ts}. */
async function main() {
  const dir = process.argv[2] ?? API_TYPES_DIR;
  writeApiTypes(dir, await generateApiTypes());
  console.log(`Wrote the OpenAPI document and its types to ${dir}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
