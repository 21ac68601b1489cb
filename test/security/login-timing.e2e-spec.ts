import { databaseKinds } from '../helpers/databases';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { PASSWORD, SecurityClient } from './support';

const PAIRS = 30;
/**
 * Generous on purpose (a loaded 2-core box): without the dummy hash an unknown user answers
 * in a fraction of the time of a bcrypt comparison (cost 8: ~15 ms vs ~1 ms), a ratio near 10.
 */
const MAX_RATIO = 1.6;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Login must not reveal whether an account exists through its timing (ASVS 6.3.8, API2). */
describe.each(databaseKinds())('login timing on %s', (database) => {
  let testApp: TestApp;
  let http: SecurityClient;

  beforeAll(async () => {
    testApp = await startTestApp({ database, env: { BCRYPT_COST: '8' } });
    http = new SecurityClient(testApp.baseUrl);
    await http.register('timed.user');
  });

  afterAll(() => testApp.close());

  const time = async (username: string) => {
    const started = performance.now();
    const result = await http.post('/auth/login', { username, password: `${PASSWORD}!` });
    expect(result.status).toBe(401);
    return performance.now() - started;
  };

  it('should take as long for an unknown user as for a wrong password', async () => {
    await time('timed.user');
    await time('nobody.here');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      // Interleaved, alternating which goes first, so drift in machine load hits both alike.
      if (i % 2) {
        known.push(await time('timed.user'));
        unknown.push(await time(`nobody.${i}`));
      } else {
        unknown.push(await time(`nobody.${i}`));
        known.push(await time('timed.user'));
      }
    }
    const [a, b] = [median(known), median(unknown)];
    expect(Math.max(a, b) / Math.min(a, b)).toBeLessThan(MAX_RATIO);
  });
});
