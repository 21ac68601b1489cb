import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadEnv } from './load-env';

describe('loadEnv', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'env-')), '.env');
  writeFileSync(file, 'PORT=4000\nLOG_LEVEL=debug\n');

  it('should read the .env file in development, real variables winning', () => {
    expect(loadEnv({ LOG_LEVEL: 'warn' }, file)).toEqual({ PORT: '4000', LOG_LEVEL: 'warn' });
  });

  it('should ignore the .env file in production', () => {
    expect(loadEnv({ NODE_ENV: 'production' }, file)).toEqual({ NODE_ENV: 'production' });
  });

  it('should do without a .env file', () => {
    expect(loadEnv({ A: '1' }, join(tmpdir(), 'missing.env'))).toEqual({ A: '1' });
  });
});
