import fastifyHelmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';

import { AppModule } from './app.module';
import { REQUEST_ID_HEADER, requestIdOf } from './common/request-id';
import type { AppConfig } from './config';
import { applyCors } from './security/cors';
import { useJsonOnlyBodies } from './security/json-only-body';
import { serveConsole } from './web/console';

export const BODY_LIMIT_BYTES = 1024 * 1024;

const CONTENT_SECURITY_POLICY = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    // No remote fonts: the console uses the system's.
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    // The service may be reached over plain HTTP on a private network; never rewrite to https.
    upgradeInsecureRequests: null,
  },
};

function setUpOpenApi(app: NestFastifyApplication) {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Ticket Priority System')
      .setDescription(
        'Scores support tickets so that urgent work for valuable customers surfaces first. ' +
          'Errors are RFC 9457 problem details (`application/problem+json`).',
      )
      .setVersion('1.0.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

/** Everything the HTTP layer needs beyond the module graph: adapter, headers, docs, the console. */
export async function configureApp(app: NestFastifyApplication): Promise<NestFastifyApplication> {
  app.useLogger(app.get(Logger));
  // process.exit(0) after a clean drain, instead of re-raising the signal (exit 143).
  app.enableShutdownHooks([], { useProcessExit: true });
  await app.register(fastifyHelmet, { contentSecurityPolicy: CONTENT_SECURITY_POLICY });
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

export function createAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: (req: IncomingMessage) => requestIdOf(req),
    trustProxy: false,
  });
}

export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    createAdapter(),
    // abortOnError: false lets main.ts print why the start failed and exit 1, not abort().
    { bufferLogs: true, abortOnError: false },
  );
  applyCors(app, config.security.corsOrigins);
  return configureApp(app);
}
