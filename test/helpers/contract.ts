import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The OpenAPI document as a contract: every response an e2e test receives through `Http` is
 * checked against the document the app itself serves at /docs-json. An undeclared status, an
 * undeclared media type, a body that does not match its schema, or a field the schema does not
 * declare fails the test that made the request.
 */

type Schema = Record<string, unknown>;
interface MediaType {
  schema?: Schema;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
}
interface Operation {
  responses: Record<string, ResponseObject>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface ObservedResponse {
  status: number;
  contentType: string | null;
  text: string;
  body: unknown;
}

interface Route {
  template: string;
  pattern: RegExp;
  item: Record<string, Operation>;
  params: number;
}

const baseType = (mediaType: string) => mediaType.split(';')[0].trim().toLowerCase();
const isJson = (mediaType: string) => /^application\/([\w.-]+\+)?json$/.test(baseType(mediaType));

/** Objects that list their properties allow no others: an undocumented field is drift too. */
function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (!schema || typeof schema !== 'object') return schema;
  const copy: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    copy[key] = key === 'example' || key === 'examples' ? value : closeObjects(value);
  }
  if (copy.properties && copy.additionalProperties === undefined) copy.additionalProperties = false;
  // OpenAPI 3.0's `nullable` also applies next to `allOf: [$ref]`, which ajv alone cannot see.
  if (copy.nullable === true) {
    delete copy.nullable;
    return { anyOf: [copy, { type: 'null' }] };
  }
  return copy;
}

function toRoute(template: string, item: Record<string, Operation>): Route {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return {
    template,
    item,
    pattern: new RegExp(`^${source}$`),
    params: (template.match(/\{/g) ?? []).length,
  };
}

export class Contract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly routes: Route[];
  private readonly components: unknown;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    addFormats(this.ajv);
    this.components = closeObjects(document.components ?? {});
    // Literal segments win over parameters: /tickets/import before /tickets/{id}.
    this.routes = Object.entries(document.paths)
      .map(([template, item]) => toRoute(template, item))
      .sort((a, b) => a.params - b.params);
  }

  /** Throws when the response breaks the document; routes it does not describe are not checked. */
  check(method: string, path: string, response: ObservedResponse): void {
    const pathname = new URL(path, 'http://contract').pathname;
    const route = this.routes.find((candidate) => candidate.pattern.test(pathname));
    const operation = route?.item[method.toLowerCase()];
    if (!route || !operation) return;
    const where = `${method.toUpperCase()} ${route.template}`;
    const declared =
      operation.responses[String(response.status)] ??
      operation.responses[`${String(response.status)[0]}XX`] ??
      operation.responses.default;
    if (!declared) {
      const statuses = Object.keys(operation.responses).join(', ');
      throw new Error(
        `Contract: ${where} answered ${response.status}, which the document does not declare ` +
          `(declared: ${statuses}). Body: ${response.text.slice(0, 300)}`,
      );
    }
    if (method.toUpperCase() === 'HEAD' || response.status === 304) return;
    this.checkBody(where, response, declared);
  }

  private checkBody(where: string, response: ObservedResponse, declared: ResponseObject): void {
    const content = declared.content ?? {};
    const mediaTypes = Object.keys(content);
    const label = `${where} ${response.status}`;
    if (response.text === '') {
      if (mediaTypes.length > 0) throw new Error(`Contract: ${label} sent no body; declared one.`);
      return;
    }
    if (mediaTypes.length === 0) {
      throw new Error(`Contract: ${label} sent a body, but the document declares none.`);
    }
    const actual = response.contentType ?? '';
    const mediaType = mediaTypes.find((candidate) => baseType(candidate) === baseType(actual));
    if (!mediaType) {
      throw new Error(
        `Contract: ${label} sent ${actual || 'no content type'}; declared ${mediaTypes.join(', ')}.`,
      );
    }
    const schema = content[mediaType].schema;
    if (!schema) return;
    const body = isJson(mediaType) ? response.body : response.text;
    const validate = this.validatorFor(`${label} ${mediaType}`, schema);
    if (!validate(body)) {
      const problems = this.ajv.errorsText(validate.errors, { separator: '; ', dataVar: 'body' });
      throw new Error(
        `Contract: ${label} body does not match the document: ${problems}. ` +
          `Body: ${response.text.slice(0, 500)}`,
      );
    }
  }

  private validatorFor(key: string, schema: Schema): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile({ components: this.components, allOf: [closeObjects(schema)] });
      this.validators.set(key, validate);
    }
    return validate;
  }
}

const contracts = new Map<string, Promise<Contract>>();

/** The contract of the app at `baseUrl`, read once from its /docs-json. */
export function contractOf(baseUrl: string): Promise<Contract> {
  let contract = contracts.get(baseUrl);
  if (!contract) {
    contract = fetch(`${baseUrl}/docs-json`).then(async (response) => {
      if (response.status !== 200) {
        throw new Error(`Contract: ${baseUrl}/docs-json answered ${response.status}`);
      }
      return new Contract((await response.json()) as OpenApiDocument);
    });
    contract.catch(() => contracts.delete(baseUrl));
    contracts.set(baseUrl, contract);
  }
  return contract;
}
