import { contractOf, type Contract } from '../helpers/contract';
import { Http } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

const JSON_TYPE = 'application/json; charset=utf-8';
const PROBLEM = {
  type: 'about:blank',
  title: 'Not Found',
  status: 404,
  detail: 'Ticket 9 not found.',
  instance: '/tickets/9',
  request_id: 'r1',
};
const answer = (status: number, body: unknown, contentType: string | null = JSON_TYPE) => ({
  status,
  contentType,
  body,
  text: body === undefined ? '' : JSON.stringify(body),
});

/** The checker every e2e request goes through must itself be able to fail. */
describe('The contract checker (test/helpers/contract.ts)', () => {
  let app: TestApp;
  let contract: Contract;

  beforeAll(async () => {
    app = await startTestApp();
    contract = await contractOf(app.baseUrl);
  });

  afterAll(() => app.close());

  it('should accept a response the document describes', () => {
    expect(() =>
      contract.check('GET', '/health/live', answer(200, { status: 'ok' })),
    ).not.toThrow();
    const problem = answer(404, PROBLEM, 'application/problem+json');
    expect(() => contract.check('GET', '/tickets/9', problem)).not.toThrow();
  });

  it('should refuse a status the route does not declare', () => {
    expect(() => contract.check('GET', '/tickets/9', answer(418, PROBLEM))).toThrow(
      /GET \/tickets\/\{id\} answered 418, which the document does not declare/,
    );
  });

  it('should refuse a body that breaks the schema, and a field the schema does not list', () => {
    expect(() => contract.check('GET', '/health', answer(200, { status: 'up' }))).toThrow(
      /body does not match the document/,
    );
    const extra = answer(200, { status: 'ok', uptime: 3 });
    expect(() => contract.check('GET', '/health', extra)).toThrow(/additional properties/);
  });

  it('should refuse a media type the response does not declare, and a missing body', () => {
    const asJson = answer(404, PROBLEM, JSON_TYPE);
    expect(() => contract.check('GET', '/tickets/9', asJson)).toThrow(
      /declared application\/problem\+json/,
    );
    expect(() => contract.check('GET', '/health', answer(200, undefined))).toThrow(/sent no body/);
  });

  it('should match literal paths before templated ones, and ignore the query string', () => {
    // /tickets/import declares 201; /tickets/{id} has no POST at all.
    expect(() => contract.check('POST', '/tickets/import?x=1', answer(418, PROBLEM))).toThrow(
      /POST \/tickets\/import answered 418/,
    );
  });

  it('should leave routes outside the API alone (the console, unknown paths)', () => {
    expect(() => contract.check('GET', '/no/such/route', answer(404, PROBLEM))).not.toThrow();
  });

  it('should run on every request made through the shared Http helper', async () => {
    const http = new Http(app.baseUrl);
    // A real answer passes; the helper would throw before returning one that broke the document.
    expect((await http.get('/health/ready')).status).toBe(200);
    jest.spyOn(contract, 'check').mockImplementationOnce(() => {
      throw new Error('checked');
    });
    await expect(http.get('/health/live')).rejects.toThrow('checked');
  });
});
