import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

import { problem, PROBLEM_CONTENT_TYPE } from './problem-details';

const ANSWERS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'The request headers are too large.',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'The request was not received in time.'],
};
const MALFORMED: [number, string, string] = [400, 'Bad Request', 'The request is not valid HTTP.'];

/**
 * Node's HTTP parser rejects some requests before Fastify sees them: oversized headers (431),
 * a request that arrives too slowly (408), bytes that are not HTTP (400; e.g. the body of a GET
 * sent without a length, read as the next request). Fastify's own answer is plain JSON; this
 * one is problem details like every other error, with a request id of its own.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, phrase, detail] = ANSWERS[error.code ?? ''] ?? MALFORMED;
  const body = JSON.stringify({ ...problem(status, detail), request_id: randomUUID() });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${phrase}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

const ROUTING_DETAILS: Record<string, string> = {
  FST_ERR_BAD_URL: 'The path is not a valid URL (a malformed percent-encoding).',
};

/**
 * Fastify's router refuses some paths before any route or hook runs (`frameworkErrors`), such
 * as a bad percent-encoding. Its own answers are plain JSON; these are 400 problem details.
 */
export function answerRoutingError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const detail = ROUTING_DETAILS[error.code ?? ''] ?? 'The path is not valid.';
  reply
    .code(400)
    .header('Content-Type', PROBLEM_CONTENT_TYPE)
    .header('Cache-Control', 'no-store')
    .send(JSON.stringify({ ...problem(400, detail), request_id: request.id }));
}
