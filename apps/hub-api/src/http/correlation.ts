import { randomUUID } from 'node:crypto';

/** At most 128 visible ASCII characters (api.md "Correlation"); anything else is replaced. */
const CORRELATION_ID = /^[\x21-\x7e]{1,128}$/;

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * The request's correlation id: the caller's `X-Correlation-Id` when it is short visible ASCII,
 * else a new one. A caller's id lands in every event's metadata and every log line, so markup,
 * control characters and kilobytes of text are not taken over.
 */
export function correlationIdOf(headers: Record<string, string | string[] | undefined>): string {
  const given = headers[CORRELATION_HEADER];
  return typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
}
