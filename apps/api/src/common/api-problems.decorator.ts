import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiParam, ApiResponse, getSchemaPath } from '@nestjs/swagger';

import { FieldError, PROBLEM_CONTENT_TYPE, ProblemDetails, statusTitle } from './problem-details';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `errors` lists each field and what is wrong',
  401: 'Missing, invalid or expired credentials',
  403: 'Not allowed for your role',
  404: 'No such resource (or not yours to see)',
  409: 'Conflicts with the current state',
  413: 'The body is larger than 1 MiB',
  415: 'The body is not `application/json`',
  422: 'Understood but cannot be processed',
  429: 'Too many requests; retry after `Retry-After` seconds',
  500: 'An unexpected error; quote `request_id` when reporting it',
  503: 'A dependency is unavailable or the request took too long; retry after `Retry-After` seconds',
};

/** The OpenAPI response object of one problem-details status. */
export function problemResponse(status: number, description?: string) {
  const text = description ?? DESCRIPTIONS[status] ?? statusTitle(status);
  return {
    description: text,
    content: {
      [PROBLEM_CONTENT_TYPE]: {
        schema: { $ref: getSchemaPath(ProblemDetails) },
        example: {
          type: 'about:blank',
          title: statusTitle(status),
          status,
          detail: text,
          instance: '/tickets',
          request_id: '6f1c7a54-2f0e-4a55-9d5e-1b2f3c4d5e6f',
        },
      },
    },
  };
}

/**
 * Documents the route-specific problem-details responses of a route (403, 404, 409, 422...).
 * The statuses every route of a shape can answer (401, 429, 400, 413, 415, 500, 503) are added to
 * the document by `addStandardResponses` (apps/api/src/openapi).
 */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDetails, FieldError),
    ...statuses.map((status) => ApiResponse({ status, ...problemResponse(status) })),
  );
}

/** Documents the `:id` path parameter as what the route accepts: a positive integer. */
export const ApiIdParam = (name = 'id') =>
  ApiParam({ name, type: 'integer', schema: { type: 'integer', minimum: 1 } });
