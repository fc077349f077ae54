import type { CallOptions } from './test-hub';

/** The headers of a call: the caller's, and the bearer token when given. */
export function requestHeaders(options: CallOptions): Record<string, string> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return headers;
}

/** An answer's body: parsed JSON, or the text itself when it is not JSON (CSV exports). */
export function parsedBody(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}
