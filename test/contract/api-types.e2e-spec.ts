import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  API_TYPES_DIR,
  generateApiTypes,
  OPENAPI_FILE,
  SCHEMA_FILE,
  writeApiTypes,
} from '../../apps/api/src/openapi/api-types';

const committed = (file: string) => readFileSync(join(API_TYPES_DIR, file), 'utf8');

/** CI fails here when the code changed the document and `npm run api:types` was not run. */
describe('The committed OpenAPI document and types (npm run api:types)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tps-api-types-'));
  const generated = { openapi: '', schema: '' };

  beforeAll(async () => {
    writeApiTypes(dir, await generateApiTypes());
    generated.openapi = readFileSync(join(dir, OPENAPI_FILE), 'utf8');
    generated.schema = readFileSync(join(dir, SCHEMA_FILE), 'utf8');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should match the document the current code builds', () => {
    expect(JSON.parse(committed(OPENAPI_FILE))).toEqual(JSON.parse(generated.openapi));
    expect(committed(OPENAPI_FILE)).toBe(generated.openapi);
  });

  it('should match the types openapi-typescript makes of it', () => {
    expect(committed(SCHEMA_FILE)).toBe(generated.schema);
  });
});
