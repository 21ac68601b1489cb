import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../resilience/database-faults';
import {
  MASKED_SERVER_ERROR,
  problem,
  PROBLEM_CONTENT_TYPE,
  type ProblemDetails,
} from './problem-details';
import { requestIdOf } from './request-id';
import { ValidationFailedException } from './validation';

interface ClientError {
  statusCode: number;
  message: string;
  headers?: Record<string, string>;
}

/** Fastify's own client errors (malformed JSON, body too large, bad media type) are safe to show. */
function isFastifyClientError(error: unknown): error is ClientError {
  const candidate = error as Partial<ClientError> & { code?: unknown };
  return (
    typeof candidate?.code === 'string' &&
    candidate.code.startsWith('FST_') &&
    typeof candidate.statusCode === 'number' &&
    candidate.statusCode >= 400 &&
    candidate.statusCode < 500
  );
}

/**
 * What of an unexpected error is logged: never its other fields, since a `QueryFailedError`
 * carries the query's parameters (password hashes, token digests) and mysql2 errors the SQL.
 */
function loggable(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return { type: error.name, message: error.message, code, stack: error.stack };
}

function detailOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/**
 * The one error shape: every failure becomes RFC 9457 problem details. Client errors say what
 * went wrong; anything unexpected becomes a masked 500, logged once with its request id.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const requestId = requestIdOf(request.raw);
    const body = {
      ...this.toProblem(exception, requestId),
      instance: request.url.split('?')[0],
      request_id: requestId,
    };
    if (reply.sent) return;
    const headers = { ...(exception as { headers?: Record<string, string> }).headers };
    if (body.status === (HttpStatus.SERVICE_UNAVAILABLE as number)) {
      headers['retry-after'] ??= String(RETRY_AFTER_SECONDS);
    }
    void reply
      .status(body.status)
      .headers(headers)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .header('cache-control', 'no-store')
      .send(body);
  }

  private toProblem(exception: unknown, requestId: string): ProblemDetails {
    if (exception instanceof ValidationFailedException) {
      return problem(HttpStatus.BAD_REQUEST, detailOf(exception), {
        errors: exception.fieldErrors,
      });
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return problem(exception.getStatus(), detailOf(exception));
    }
    if ((exception as { code?: unknown })?.code === 'FST_ERR_HANDLER_TIMEOUT') {
      this.logger.warn(`Request ${requestId} hit the request timeout`);
      return problem(HttpStatus.SERVICE_UNAVAILABLE, 'The request took too long; retry shortly.');
    }
    if (isFastifyClientError(exception)) {
      return problem(exception.statusCode, exception.message);
    }
    if (exception instanceof HttpException && exception.getStatus() !== 500) {
      return problem(exception.getStatus(), detailOf(exception));
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`Database unavailable on request ${requestId}`);
      return problem(HttpStatus.SERVICE_UNAVAILABLE, 'The database is unavailable; retry shortly.');
    }
    this.logger.error(
      { err: loggable(exception), requestId },
      `Unhandled error on request ${requestId}`,
    );
    return MASKED_SERVER_ERROR;
  }
}
