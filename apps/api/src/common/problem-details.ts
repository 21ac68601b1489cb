import { HttpStatus } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** What is wrong with one input field. */
export class FieldError {
  /** The field's path in the input, e.g. `impact` or `tickets.3.title`. */
  @ApiProperty({ example: 'impact' })
  field: string;

  @ApiProperty({ type: [String], example: ['impact must be an integer'] })
  messages: string[];
}

/** RFC 9457 problem details, as every error response of this service is shaped. */
export class ProblemDetails {
  @ApiProperty({
    description: '`about:blank`: the title is the HTTP status phrase',
    example: 'about:blank',
  })
  type: string;

  @ApiProperty({ example: 'Bad Request' })
  title: string;

  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 400 })
  status: number;

  @ApiProperty({ description: 'What went wrong, for a human', example: 'Validation failed.' })
  detail: string;

  @ApiPropertyOptional({ description: 'The request path', example: '/tickets' })
  instance?: string;

  @ApiPropertyOptional({
    description: "Matches the `X-Request-Id` header and the server's log lines",
    example: '6f1c7a54-2f0e-4a55-9d5e-1b2f3c4d5e6f',
  })
  request_id?: string;

  @ApiPropertyOptional({
    type: () => [FieldError],
    description: 'One entry per invalid field, on validation errors',
  })
  errors?: FieldError[];
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function statusTitle(status: number): string {
  return STATUS_TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}

export function problem(
  status: number,
  detail: string,
  extra: Partial<ProblemDetails> = {},
): ProblemDetails {
  return { type: 'about:blank', title: statusTitle(status), status, detail, ...extra };
}

export const MASKED_SERVER_ERROR = problem(
  HttpStatus.INTERNAL_SERVER_ERROR,
  'An unexpected error occurred. Quote the request id when reporting it.',
);
