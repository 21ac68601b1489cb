import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * CORS stays off (same-origin UI) unless origins are listed; then only those exact origins are
 * echoed, without credentials, since the API uses bearer tokens rather than cookies.
 */
export function applyCors(app: NestFastifyApplication, origins: string[]): void {
  if (origins.length === 0) return;
  app.enableCors({
    origin: origins,
    credentials: false,
    methods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });
}
