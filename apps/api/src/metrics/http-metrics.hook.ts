import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';

import { MetricsRegistry } from './metrics.registry';
import { rememberRouteTemplate } from './route-template';

type RawWithUser = IncomingMessage & { user?: { id: number } };

/**
 * Times every request at the Fastify level, so 401s from guards, 404s and 503s from the
 * filter are counted too, which an interceptor would miss.
 */
@Injectable()
export class HttpMetricsHook implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: MetricsRegistry,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', (request, _reply, done) => {
      rememberRouteTemplate(request);
      done();
    });
    // Guards put the caller on Fastify's request; the access log (pino-http) sees the raw one.
    fastify.addHook(
      'onSend',
      (request: FastifyRequest & { user?: { id: number } }, _reply, payload, done) => {
        if (request.user) (request.raw as RawWithUser).user = { id: request.user.id };
        done(null, payload);
      },
    );
    fastify.addHook('onResponse', (request, reply, done) => {
      this.metrics.httpDuration.observe(
        {
          method: request.method,
          route: rememberRouteTemplate(request),
          status_code: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
      done();
    });
  }
}
