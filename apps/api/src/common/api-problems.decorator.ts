import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';

import { PROBLEM_CONTENT_TYPE, ProblemDetails, statusTitle } from './problem-details';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `errors` lists each field and what is wrong',
  401: 'Missing, invalid or expired credentials',
  403: 'Not allowed for your role',
  404: 'No such resource (or not yours to see)',
  409: 'Conflicts with the current state',
  422: 'Understood but cannot be processed',
  429: 'Too many requests; retry after `Retry-After` seconds',
  503: 'A dependency is unavailable; retry after `Retry-After` seconds',
};

/** Documents the problem-details responses a route can give. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDetails),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? statusTitle(status),
        content: {
          [PROBLEM_CONTENT_TYPE]: {
            schema: { $ref: getSchemaPath(ProblemDetails) },
            example: {
              type: 'about:blank',
              title: statusTitle(status),
              status,
              detail: DESCRIPTIONS[status] ?? statusTitle(status),
              instance: '/tickets',
              request_id: '6f1c7a54-2f0e-4a55-9d5e-1b2f3c4d5e6f',
            },
          },
        },
      }),
    ),
  );
}
