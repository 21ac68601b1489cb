import { Http } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

type Json = Record<string, any>;
const PROBLEM_REF = { $ref: '#/components/schemas/ProblemDetails' };

/** The defects found by driving the document with Swagger UI, openapi-typescript and ajv. */
describe('The OpenAPI document (/docs-json)', () => {
  let app: TestApp;
  let doc: Json;
  const operations = () =>
    Object.entries(doc.paths as Json).flatMap(([path, item]) =>
      Object.entries(item as Json).map(([method, op]) => ({ path, method, op: op as Json })),
    );

  beforeAll(async () => {
    app = await startTestApp();
    doc = (await new Http(app.baseUrl).get('/docs-json')).body;
  });

  afterAll(() => app.close());

  it('should type a breakdown input as a string or a number', () => {
    expect(doc.components.schemas.FactorPointsDto.properties.input.oneOf).toEqual([
      { type: 'string' },
      { type: 'number' },
    ]);
  });

  it('should give ProblemDetails its properties and use it for every error response', () => {
    const problem = doc.components.schemas.ProblemDetails;
    expect(Object.keys(problem.properties)).toEqual(
      expect.arrayContaining([
        'type',
        'title',
        'status',
        'detail',
        'instance',
        'request_id',
        'errors',
      ]),
    );
    expect(problem.required).toEqual(['type', 'title', 'status', 'detail']);
    expect(problem.properties.errors.items).toEqual({ $ref: '#/components/schemas/FieldError' });
    for (const { path, method, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses as Json)) {
        if (Number(status) < 400) continue;
        const schema = response.content?.['application/problem+json']?.schema;
        expect({ route: `${method} ${path} ${status}`, schema }).toEqual({
          route: `${method} ${path} ${status}`,
          schema: PROBLEM_REF,
        });
      }
    }
  });

  it('should document /metrics with a security scheme and its text format', () => {
    const metrics = doc.paths['/metrics'].get;
    expect(metrics.parameters ?? []).toEqual([]);
    expect(metrics.security).toEqual(expect.arrayContaining([{ metricsToken: [] }, {}]));
    expect(doc.components.securitySchemes.metricsToken).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(Object.keys(metrics.responses['200'].content)).toEqual([
      'text/plain; version=0.0.4; charset=utf-8',
    ]);
    expect(metrics.responses['401']).toBeDefined();
  });

  it('should declare 401 on bearer routes, 429 where limited, 400/413/415 where there is a body', () => {
    const missing: string[] = [];
    for (const { path, method, op } of operations()) {
      const statuses = Object.keys(op.responses);
      const expected = ['500', '503'];
      if (op.security?.some((s: Json) => 'bearer' in s)) expected.push('401');
      if (op.requestBody) expected.push('400', '413', '415');
      if (!path.startsWith('/health') && path !== '/metrics') expected.push('429');
      for (const status of expected) {
        if (!statuses.includes(status)) missing.push(`${method} ${path} ${status}`);
      }
      if (path.startsWith('/health') && statuses.includes('429')) missing.push(`${path} no 429`);
    }
    expect(missing).toEqual([]);
    expect(Object.keys(doc.paths['/tickets/{id}'].patch.responses)).toEqual(
      expect.arrayContaining(['403', '404', '409']),
    );
  });

  it('should give /health and /health/live a body', () => {
    for (const path of ['/health', '/health/live']) {
      const schema = doc.paths[path].get.responses['200'].content['application/json'].schema;
      expect(schema).toEqual({ $ref: '#/components/schemas/LivenessDto' });
    }
    expect(doc.components.schemas.LivenessDto.required).toEqual(['status']);
  });

  it('should show a 201 example whose score and level agree with priority_score and level', () => {
    const created = doc.components.schemas.CreatedTicketDto.properties;
    expect(created.score.example).toBe(created.priority_score.example);
    expect(created.level.example).toBe(created.priority_level.example);
  });

  it('should type page, limit and every id as integer', () => {
    const list = doc.paths['/tickets'].get.parameters as Json[];
    for (const name of ['page', 'limit']) {
      expect(list.find((p) => p.name === name)?.schema.type).toBe('integer');
    }
    const notInteger: string[] = [];
    for (const { path, op } of operations()) {
      for (const param of (op.parameters ?? []) as Json[]) {
        if (param.in === 'path' && param.schema.type !== 'integer') notInteger.push(path);
      }
    }
    for (const [name, schema] of Object.entries(doc.components.schemas as Json)) {
      for (const [field, property] of Object.entries((schema.properties ?? {}) as Json)) {
        // An import row names its creator by username (a string), as the old helpdesk knew them.
        const isId = ['id', 'actor_id', 'created_by'].includes(field) && name !== 'ImportTicketDto';
        // A policy version names its author as a user object ({id, username}), as issue 12 asks.
        const isUserRef = JSON.stringify(property).includes('#/components/schemas/UserRefDto');
        if (isId && !isUserRef && property.type !== 'integer') notInteger.push(`${name}.${field}`);
      }
    }
    expect(notInteger).toEqual([]);
  });
});
