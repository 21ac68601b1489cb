import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The built console (apps/web → dist/web). From the sources (tests, ts-node) this file is in
 * apps/api/src/web; compiled, in dist/apps/api/apps/api/src/web: both reach the repo's dist/web.
 * Looked up at start, not at import, so a test can build the console first.
 */
export function findWebDir(): string | undefined {
  return [
    join(__dirname, '..', '..', '..', '..', 'dist', 'web'),
    join(__dirname, '..', '..', '..', '..', '..', '..', 'web'),
  ].find((dir) => existsSync(join(dir, 'index.html')));
}

/** GET routes that answer without a token: a browser may open them, so never shadow them. */
const PUBLIC_PREFIXES = ['/docs', '/health', '/metrics', '/assets/'];

const startsWithAny = (path: string, prefixes: readonly string[]) =>
  prefixes.some(
    (prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`),
  );

/**
 * A page load of the console: a GET that asks for HTML and carries no bearer token. Such a
 * request can never have been answered by a protected API route (it would be a 401), and
 * API clients never ask for HTML, so `/tickets/42` opened in a browser gets the console and
 * `fetch('/tickets/42')` with a token still gets JSON.
 */
export function isConsolePageLoad(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (request.headers.authorization) return false;
  if (!String(request.headers.accept ?? '').includes('text/html')) return false;
  const path = request.url.split('?')[0];
  if (startsWithAny(path, PUBLIC_PREFIXES)) return false;
  // A file (favicon.svg, robots.txt) is served as a file or is a real 404.
  return !/\.[a-z0-9]+$/i.test(path);
}

function cacheHeaders(reply: FastifyReply, path: string) {
  // Hashed file names never change content; index.html must be re-read on every visit.
  const immutable = /[/\\]assets[/\\]/.test(path);
  reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/**
 * Serves the console at `/` under the app's CSP (script-src 'self': Vite's output has no
 * inline script), and index.html for its deep links (`/tickets/42`) on reload.
 */
export async function serveConsole(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const root = findWebDir();
  if (!root) {
    fastify.log.warn('The console is not built (dist/web): run `npm run build` to serve it at /');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    wildcard: true,
    setHeaders: cacheHeaders,
  });
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isConsolePageLoad(request)) return;
    reply.header('Cache-Control', 'no-cache');
    return reply.type('text/html; charset=utf-8').sendFile('index.html', { cacheControl: false });
  });
}
