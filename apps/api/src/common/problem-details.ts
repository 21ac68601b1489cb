import { HttpStatus } from '@nestjs/common';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface FieldError {
  field: string;
  messages: string[];
}

/** RFC 9457 problem details, as every error response of this service is shaped. */
export class ProblemDetails {
  /** `about:blank`: the title is the HTTP status phrase. */
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The request path. */
  instance?: string;
  /** Matches the `X-Request-Id` header and the server's log lines. */
  request_id?: string;
  /** One entry per invalid field, on validation errors. */
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
