import { expectProblem, Http } from './helpers/http';
import { startTestApp, type TestApp } from './helpers/test-app';
import { ensureWebBuilt } from './helpers/web-build';

describe('the HTTP surface', () => {
  let testApp: TestApp;
  let http: Http;

  beforeAll(async () => {
    ensureWebBuilt();
    testApp = await startTestApp();
    http = new Http(testApp.baseUrl);
  }, 120_000);

  afterAll(() => testApp.close());

  it('should answer GET /health without a token', async () => {
    const result = await http.get('/health');
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ status: 'ok' });
  });

  it('should report the database ready', async () => {
    const result = await http.get('/health/ready');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('should serve the console at /', async () => {
    const result = await http.get('/');
    expect(result.status).toBe(200);
    expect(result.headers.get('content-type')).toMatch(/text\/html/);
    expect(result.text).toContain('<title>Ticket Priority</title>');
    expect(result.headers.get('cache-control')).toBe('no-cache');
  });

  it('should serve Swagger UI at /docs and the document at /docs-json', async () => {
    expect((await http.get('/docs')).status).toBe(200);
    const document = (await http.get('/docs-json')).body;
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/auth/register',
        '/auth/login',
        '/tickets',
        '/tickets/{id}',
        '/health',
      ]),
    );
    expect(document.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    const createTicket = document.components.schemas.CreateTicketDto;
    expect(createTicket.properties.impact).toMatchObject({ minimum: 1, maximum: 1_000_000_000 });
    expect(createTicket.required).toEqual(expect.arrayContaining(['issue_type', 'impact']));
    // Optional for reporters of an organisation, who get its tier (docs/administration.md).
    expect(createTicket.properties.customer_type).toMatchObject({ enum: expect.any(Array) });
    const listParameters = document.paths['/tickets'].get.parameters;
    expect(listParameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'page', in: 'query', required: false }),
        expect.objectContaining({
          name: 'limit',
          schema: expect.objectContaining({ maximum: 100 }),
        }),
        expect.objectContaining({ name: 'priority_level', required: false }),
      ]),
    );
    const post = document.paths['/tickets'].post;
    expect(post.summary).toBeTruthy();
    expect(post.responses['400'].content['application/problem+json']).toBeDefined();
    for (const [path, operations] of Object.entries<Record<string, { summary?: string }>>(
      document.paths,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(`${method} ${path}: ${operation.summary ?? ''}`).toMatch(/: .+/);
      }
    }
  });

  it('should always answer with a request id of its own, whatever X-Request-Id the client sent', async () => {
    const offered = await http.get('/nope', { headers: { 'x-request-id': 'req-123' } });
    const ours = offered.headers.get('x-request-id');
    expect(ours).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(offered.body.request_id).toBe(ours);
    const unsafe = await http.get('/nope', { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(unsafe.headers.get('x-request-id')).not.toBe(ours);
  });

  it('should answer an unknown route with a 404 problem', async () => {
    expectProblem(await http.get('/nope'), 404);
  });

  it('should send security headers', async () => {
    const result = await http.get('/health');
    expect(result.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(result.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
