import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by `@StreamedResponse()`. */
    streamedResponse?: boolean;
  }
}

/** How long a streamed answer may run: an export of a million tickets takes minutes. */
export const STREAMED_RESPONSE_MS = 60 * 60 * 1000;

/**
 * Marks a route whose answer streams for as long as its client reads (the CSV export). Fastify's
 * `handlerTimeout` (REQUEST_TIMEOUT_MS, the backstop of every request) runs until the last byte
 * is written, and cuts a response still streaming when it fires; such a route gets
 * STREAMED_RESPONSE_MS instead. Its database reads stay bounded by DB_QUERY_TIMEOUT_MS each.
 */
export const StreamedResponse = () => RouteConfig({ streamedResponse: true });

/** Gives the routes marked `@StreamedResponse()` their longer budget, as they are registered. */
export function allowStreamedResponses(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    if (route.config?.streamedResponse) route.handlerTimeout = STREAMED_RESPONSE_MS;
  });
}
