import { Http } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { ensureWebBuilt } from '../helpers/web-build';

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

/**
 * A browser page load, with plain fetch: it is not an API call, so the API contract checks of
 * the Http helper do not apply to it.
 */
async function load(url: string, headers: Record<string, string> = HTML) {
  const response = await fetch(url, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('the API serves the console', () => {
  let testApp: TestApp;
  let http: Http;
  let token: string;

  beforeAll(async () => {
    ensureWebBuilt();
    testApp = await startTestApp();
    http = new Http(testApp.baseUrl);
    token = await http.signUp('console.viewer');
  }, 180_000);

  afterAll(() => testApp?.close());

  it('should serve index.html at / and for deep links, under the CSP, never cached', async () => {
    for (const path of ['/', '/tickets/42', '/tickets/new', '/signin', '/no/such/page?x=1']) {
      const page = await load(`${testApp.baseUrl}${path}`);
      expect({ path, status: page.status }).toEqual({ path, status: 200 });
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
      expect(page.text).toContain('<div id="root"></div>');
      // Every script is a file of the same origin: nothing inline, nothing remote.
      const scripts = [...page.text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [tag, body] of scripts) {
        expect(body.trim()).toBe('');
        expect(tag).toMatch(/src="\/assets\/[^"]+\.js"/);
      }
      expect(page.text).not.toMatch(/https?:\/\//);
    }
  });

  it('should serve hashed assets as immutable files', async () => {
    const index = await load(`${testApp.baseUrl}/`);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)![1];
    const file = await load(`${testApp.baseUrl}${asset}`, {});
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/javascript/);
    expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await load(`${testApp.baseUrl}/assets/missing.js`)).status).toBe(404);
  });

  it('should leave API answers alone: tokens, JSON clients, public routes, other methods', async () => {
    const withToken = await http.get('/tickets', { token, headers: HTML });
    expect(withToken.status).toBe(200);
    expect(withToken.body).toHaveProperty('tickets');
    const json = await http.get('/tickets/42', { headers: { accept: 'application/json' } });
    expect(json.status).toBe(401);
    expect(json.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const health = await http.get('/health', { headers: HTML });
    expect(health.headers.get('content-type')).toMatch(/^application\/json/);
    const docs = await load(`${testApp.baseUrl}/docs`);
    expect(docs.text).toMatch(/swagger/i);
    const unknown = await http.get('/no/such/route', { headers: { accept: 'application/json' } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const post = await http.post('/no/such/route', {}, { headers: HTML });
    expect(post.status).toBe(404);
  });
});
