import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';

import { AppModule } from './app.module';
import { answerClientError, answerRoutingError } from './common/client-error';
import { REQUEST_ID_HEADER, requestIdOf } from './common/request-id';
import { allowStreamedResponses } from './common/streamed-response';
import type { AppConfig } from './config';
import { setUpOpenApi } from './openapi/openapi-document';
import { applyCors } from './security/cors';
import { useJsonOnlyBodies } from './security/json-only-body';
import { useSecurityHeaders } from './security/security-headers';
import { serveConsole } from './web/console';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Everything the HTTP layer needs beyond the module graph: adapter, headers, docs, the console. */
export async function configureApp(app: NestFastifyApplication): Promise<NestFastifyApplication> {
  app.useLogger(app.get(Logger));
  // process.exit(0) after a clean drain, instead of re-raising the signal (exit 143).
  app.enableShutdownHooks([], { useProcessExit: true });
  useSecurityHeaders(app);
  // Parses the refresh cookie of /auth (auth/refresh-cookie.ts); nothing is signed with it.
  await app.register(fastifyCookie);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, requestIdOf(request.raw));
  });
  // The API speaks JSON only: any other body type is answered 415.
  fastify.removeContentTypeParser(['text/plain']);
  useJsonOnlyBodies(app, BODY_LIMIT_BYTES);
  await serveConsole(app);
  setUpOpenApi(app);
  return app;
}

/**
 * `handlerTimeout` is the request backstop (REQUEST_TIMEOUT_MS): it runs from the first hook
 * to the answer, guards included, so no request is answered later than the budget whatever it
 * waits for (the filter makes it a 503 with Retry-After).
 */
export function createAdapter(requestTimeoutMs: number): FastifyAdapter {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    handlerTimeout: requestTimeoutMs,
    clientErrorHandler: answerClientError,
    frameworkErrors: answerRoutingError,
    // Long enough for any URL Node accepts (16 KiB of headers): a parameter always reaches its
    // route and its validation (400), whichever sibling routes the router backtracks through.
    routerOptions: { maxParamLength: 16_384 },
    genReqId: (req: IncomingMessage) => requestIdOf(req),
    trustProxy: false,
  });
  // Before Nest registers the routes: the hook sees each one as it is added.
  allowStreamedResponses(adapter.getInstance());
  return adapter;
}

export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    createAdapter(config.ops.requestTimeoutMs),
    // abortOnError: false lets main.ts print why the start failed and exit 1, not abort().
    { bufferLogs: true, abortOnError: false },
  );
  applyCors(app, config.security.corsOrigins);
  return configureApp(app);
}
