import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

import { REFRESH_COOKIE, REFRESH_COOKIE_SECURITY } from '../auth/refresh-cookie';
import { addStandardResponses } from './standard-responses';

/** The security scheme of `GET /metrics` (a bearer `METRICS_TOKEN`, when one is set). */
export const METRICS_SECURITY = 'metricsToken';

/** The app's OpenAPI document, built from its controllers and DTOs (no server needed). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
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
      .addBearerAuth(
        {
          type: 'http',
          scheme: 'bearer',
          description: 'The `METRICS_TOKEN` of the deployment (only when it is set)',
        },
        METRICS_SECURITY,
      )
      .addCookieAuth(
        REFRESH_COOKIE,
        {
          type: 'apiKey',
          in: 'cookie',
          description: 'The refresh token, set by /auth/login and /auth/refresh (HttpOnly)',
        },
        REFRESH_COOKIE_SECURITY,
      )
      .build(),
  );
  return addStandardResponses(document);
}

/**
 * Serves Swagger UI at /docs and the document at /docs-json. The document is built on the first
 * request for it, not at start: scanning every controller and DTO took a share of the start-up
 * CPU (docs/benchmarks.md), and the service is ready without it.
 */
export function setUpOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
}
