import { databaseKinds } from '../helpers/databases';
import { expectProblem, Http } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { PASSWORD } from './support';
import { rawRequest } from './raw-request';

const NAME = 'rep.one';
/** Spellings MariaDB's utf8mb4_unicode_ci matched to `rep.one`, and others of their kind. */
const LOOKALIKES = [
  'rép.one',
  'rep.oné',
  'rep.one\u200b',
  '\u200brep.one',
  'rep\u200b.one',
  'rep.one\u200c',
  'rep.one\u200d',
  'rep.one\u2060',
  'rep.one\u0000',
  'rep.o\u0000ne',
  're\u0301p.one',
  'rep.one\u00ad',
];
const LIMIT = 5;

describe.each(databaseKinds())('one spelling, one account (%s)', (kind) => {
  let testApp: TestApp;
  let http: Http;

  beforeAll(async () => {
    testApp = await startTestApp({
      database: kind,
      env: { RATE_LIMIT_ENABLED: 'true', RATE_LIMIT_AUTH_PER_MIN: String(LIMIT) },
    });
    http = new Http(testApp.baseUrl);
    const registered = await http.post('/auth/register', { username: NAME, password: PASSWORD });
    if (registered.status !== 201) throw new Error(`register: ${registered.text}`);
  }, 30_000);

  afterAll(() => testApp?.close());

  it('should compare usernames byte for byte in the database', async () => {
    for (const variant of LOOKALIKES) {
      const rows = await testApp.dataSource.query('SELECT id FROM users WHERE username = ?', [
        variant,
      ]);
      expect({ variant, rows }).toEqual({ variant, rows: [] });
    }
    const exact = await testApp.dataSource.query('SELECT id FROM users WHERE username = ?', [NAME]);
    expect(exact).toHaveLength(1);
  });

  it('should refuse at sign-in every name registration refuses, even with the right password', async () => {
    for (const [i, variant] of LOOKALIKES.entries()) {
      const result = await rawRequest(testApp.baseUrl, 'POST', '/auth/login', {
        body: { username: variant, password: PASSWORD },
        localAddress: `127.0.7.${i + 1}`,
      });
      expect({ variant, status: result.status }).toEqual({ variant, status: 400 });
      expect(JSON.parse(result.body).detail).toMatch(/username must be 3 to 64 characters/);
      expect(result.body).not.toContain('access_token');
    }
  });

  it('should refuse registering a lookalike of an existing name', async () => {
    for (const variant of LOOKALIKES.slice(0, 4)) {
      expectProblem(
        await http.post('/auth/register', { username: variant, password: PASSWORD }),
        400,
      );
    }
  });

  it('should let no spelling, from many addresses, get more than the limit of guesses at one account', async () => {
    // Case and full-width forms are the same account by design (canonical form); lookalikes are
    // refused; together they share one per-account budget.
    const sameAccount = [
      'rep.one',
      'REP.ONE',
      'Rep.One',
      'ｒｅｐ.ｏｎｅ',
      ' rep.one ',
      'rep.one\ufeff',
    ];
    const spellings = [...sameAccount, ...LOOKALIKES];
    const outcomes: Array<{ spelling: string; status: number }> = [];
    for (let i = 0; i < 30; i++) {
      const spelling = spellings[i % spellings.length];
      const result = await rawRequest(testApp.baseUrl, 'POST', '/auth/login', {
        body: { username: spelling, password: `wrong-password-${i}` },
        localAddress: `127.0.8.${i + 1}`,
      });
      outcomes.push({ spelling, status: result.status });
    }
    const atAccount = outcomes.filter((o) => sameAccount.includes(o.spelling));
    expect(atAccount.map((o) => o.status)).toEqual(
      atAccount.map((_, i) => (i < LIMIT ? 401 : 429)),
    );
    const lookalikes = outcomes.filter((o) => !sameAccount.includes(o.spelling));
    expect(lookalikes.map((o) => o.status)).toEqual(lookalikes.map(() => 400));
  });
});
