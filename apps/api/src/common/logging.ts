import { RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Params } from 'nestjs-pino';
import { destination, type DestinationStream } from 'pino';

import type { HttpConfig } from '../config';
import { routeTemplateOf } from '../metrics/route-template';
import { clientRequestIdOf, requestIdOf } from './request-id';

const QUIET_PATHS = /^\/(health|metrics)(\/|\?|$)/;

/**
 * The path without its query string: a query may carry a token (`?access_token=…`), a
 * password or anything else a client put there, so none of it is logged.
 */
export function pathOf(url: string | undefined): string {
  const path = (url ?? '').split('?')[0];
  return path.length > 2048 ? `${path.slice(0, 2048)}…` : path;
}

/**
 * Standard output, written asynchronously outside tests: a line is queued and written by the
 * event loop (lines that arrive while a write is in flight go out together), so a slow reader
 * of stdout never stalls a request. pino flushes what is queued when the process exits, the
 * clean exit after a drain included (lifecycle/graceful-shutdown.service.ts). Tests run the
 * app in the jest process and keep the synchronous default.
 */
function logDestination(http: HttpConfig): DestinationStream | undefined {
  return http.env === 'test' ? undefined : destination({ dest: 1, sync: false });
}

/** JSON logs with the request id on every line; credentials never reach the log. */
export function loggerParams(http: HttpConfig): Params {
  const options = pinoOptions(http);
  const stream = logDestination(http);
  return {
    // nestjs-pino's default route pattern matches nothing under the Fastify adapter of Nest 12,
    // which left the service without an access log.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: stream ? [options, stream] : options,
  };
}

function pinoOptions(
  http: HttpConfig,
): Exclude<Params['pinoHttp'], unknown[] | DestinationStream | undefined> {
  return {
    level: http.env === 'test' && http.logLevel === 'info' ? 'silent' : http.logLevel,
    genReqId: (req: IncomingMessage) => requestIdOf(req),
    customProps: (req: IncomingMessage & { user?: { id: number } }) => ({
      route: routeTemplateOf(req),
      userId: req.user?.id,
      client_request_id: clientRequestIdOf(req),
    }),
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: pathOf(req.url),
      }),
      res: (res: ServerResponse | { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (req, res, error) =>
      error || res.statusCode >= 500
        ? 'error'
        : res.statusCode >= 400
          ? 'warn'
          : QUIET_PATHS.test(req.url ?? '')
            ? 'debug' // probes and scrapes would drown the access log
            : 'info',
  };
}
