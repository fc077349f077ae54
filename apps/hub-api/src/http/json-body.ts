import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationError } from '@hub/domain';

/** No command nests deeper than a handful of levels; 32 leaves room and stops stack-deep bodies. */
export const MAX_JSON_DEPTH = 32;

/**
 * The deepest nesting of objects and arrays in a JSON text, counted in one pass over the
 * characters (no recursion), stopping as soon as it passes `limit`.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return false;
}

function refuse(reason: string): ValidationError {
  return new ValidationError('The request body is not valid JSON for this API', { body: [reason] });
}

/** Parses a JSON body, refusing bodies nested deeper than the limit and prototype keys. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw refuse('is empty; send a JSON object or no content type');
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH))
    throw refuse(`nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (key === '__proto__') throw refuse('names __proto__');
      return value;
    });
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw refuse((error as Error).message);
  }
}

/**
 * Replaces Fastify's JSON parser: the depth limit applies at parse time, before validation
 * (class-transformer and class-validator recurse, and a body 2,400 levels deep overflowed the
 * stack), and a refusal is the hub's 400 with the field.
 */
export function useHubJsonParser(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (
      _request: FastifyRequest,
      body: string | Buffer,
      done: (error: Error | null, value?: unknown) => void,
    ) => {
      try {
        done(null, parseJsonBody(body.toString()));
      } catch (error) {
        done(error as Error);
      }
    },
  );
}
