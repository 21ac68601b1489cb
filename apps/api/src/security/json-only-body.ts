import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Deeper than any request this API accepts; recursion-heavy layers never see more. */
export const MAX_JSON_DEPTH = 32;

const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The deepest nesting of arrays and objects in a JSON text, strings skipped; one pass. */
export function jsonDepth(body: Buffer): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPEN.has(byte)) {
      deepest = Math.max(deepest, ++depth);
    } else if (CLOSE.has(byte)) {
      depth--;
    }
  }
  return deepest;
}

/**
 * JSON bodies only: the default JSON parser (which refuses `__proto__` and `constructor`
 * poisoning) behind a nesting limit, so a deeply nested body is a 400 and never a stack overflow
 * further in; form bodies, which Nest would otherwise parse, are 415 like every other type.
 */
export function useJsonOnlyBodies(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit }, (req, body, done) => {
    if (jsonDepth(body) > MAX_JSON_DEPTH) {
      done(new BadRequestException(`JSON nested deeper than ${MAX_JSON_DEPTH} levels.`), undefined);
      return;
    }
    void parseJson(req as Parameters<typeof parseJson>[0], body as unknown as string, done);
  });
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit }, (_req, _body, done) =>
    done(new UnsupportedMediaTypeException('Send the body as application/json.'), undefined),
  );
}
