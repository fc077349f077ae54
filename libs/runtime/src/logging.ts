import { IncomingMessage, ServerResponse } from 'node:http';
import { Params } from 'nestjs-pino';

/**
 * What never reaches a log line (api.md "Correlation"): bearer tokens, cookies, and the
 * verification codes a help-desk agent confirms (`code` in the body, should a body be logged).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'req.body.code',
  'err.config.headers.authorization',
];

/** Polled every few seconds by orchestrators and Prometheus: not worth a log line each. */
const PROBES = new Set(['/health', '/health/live', '/health/ready', '/metrics']);

/** The request's correlation id (pino-http's `req.id`, from X-Correlation-Id). */
function correlationIdOf(request: IncomingMessage): unknown {
  return (request as IncomingMessage & { id?: unknown }).id;
}

/** A refused request is not the hub's failure; an expected 503 (lagging, not ready) is a warning. */
export function levelOf(status: number, error?: Error): 'info' | 'warn' | 'error' {
  if (status === 503) return 'warn';
  if (status >= 500 || (error && status < 400)) return 'error';
  return 'info';
}

/** The pino-http settings of the hub's request log, optionally written to a given stream. */
export function hubLoggerParams(level: string, stream?: NodeJS.WritableStream): Params {
  const options = {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // The request's logger is ONE child of the root (pino-http binds the request to it; its `id`
    // is the correlation id). A child of that child per request (`customProps`, or
    // `quietReqLogger`) made V8 build hidden classes with each request's logger as a prototype,
    // in old space: they kept every request's young objects alive through scavenges (pauses of
    // 5-7 ms every ~200 ms under load, against 1.5 ms), the queries' p99. The completion line
    // names the correlation id at its top level as well.
    customSuccessObject: (request: IncomingMessage, _: ServerResponse, value: object) => ({
      correlationId: correlationIdOf(request),
      ...value,
    }),
    customLogLevel: (_: IncomingMessage, response: ServerResponse, error?: Error) =>
      levelOf(response.statusCode, error),
    // pino-http gives every 5xx line an error made here, with a stack that says nothing; an
    // expected 503 keeps only its status (the filter logs the reason).
    customErrorObject: (
      request: IncomingMessage,
      response: ServerResponse,
      error: Error,
      value: Record<string, unknown>,
    ) => ({
      correlationId: correlationIdOf(request),
      ...(response.statusCode === 503 ? { message: error.message } : value),
    }),
    autoLogging: { ignore: (request: IncomingMessage) => PROBES.has(request.url ?? '') },
  };
  return { pinoHttp: stream ? [options, stream] : options } as Params;
}
