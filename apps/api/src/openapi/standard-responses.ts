import type { OpenAPIObject } from '@nestjs/swagger';

import { problemResponse } from '../common/api-problems.decorator';

/** Set by `@NoRateLimit()`: the route is never answered 429. */
export const NO_RATE_LIMIT_EXTENSION = 'x-rate-limit';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Responses = Operation['responses'];

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function usesBearer(operation: Operation): boolean {
  return (operation.security ?? []).some((requirement) => 'bearer' in requirement);
}

/** The statuses any route of this shape can answer, whatever its handler does. */
function standardStatuses(operation: Operation): number[] {
  const statuses = [500, 503];
  const extensions = operation as unknown as Record<string, unknown>;
  if (extensions[NO_RATE_LIMIT_EXTENSION] !== 'none') statuses.push(429);
  if (usesBearer(operation)) statuses.push(401);
  if (operation.requestBody) statuses.push(400, 413, 415);
  if ((operation.parameters ?? []).length > 0) statuses.push(400);
  return statuses;
}

function addMissing(responses: Responses, statuses: number[]): void {
  for (const status of statuses) responses[String(status)] ??= problemResponse(status);
}

/**
 * Every route can answer 500 and 503 (the database, the request budget); bearer routes 401;
 * rate-limited routes 429; routes with input 400, and with a body 413 and 415. Declared here once,
 * from the shape of each operation, so a new route is documented truthfully without a list.
 * Route-specific statuses (403, 404, 409, 422) stay on the handlers (`@ApiProblems`, `@Roles`).
 */
export function addStandardResponses(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      addMissing(operation.responses, standardStatuses(operation));
      operation.responses = Object.fromEntries(
        Object.entries(operation.responses).sort(([a], [b]) => a.localeCompare(b)),
      );
    }
  }
  return document;
}
