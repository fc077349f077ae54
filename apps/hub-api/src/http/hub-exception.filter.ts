import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { HubError } from '@hub/domain';
import { FRAMEWORK_CODES, RouteFinder, allowedMethods } from './framework-errors';

/** The error body of api.md: `{ statusCode, code, message, details? }`. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

const CODES_BY_STATUS: Record<number, string> = {
  ...FRAMEWORK_CODES,
  401: 'unauthorized',
  403: 'forbidden',
  409: 'conflict',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/** Maps the hub's errors (and Nest's own HTTP errors) to the API's status and body. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof HubError) {
    return {
      statusCode: error.status,
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : ((response as { message?: unknown }).message ?? error.message);
    return {
      statusCode: status,
      code: CODES_BY_STATUS[status] ?? 'error',
      message: Array.isArray(message) ? message.join('; ') : String(message),
    };
  }
  const fastifyStatus = (error as { statusCode?: number })?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    // Fastify's own refusals (malformed JSON, body too large, bad content type).
    return {
      statusCode: fastifyStatus,
      code: CODES_BY_STATUS[fastifyStatus] ?? 'bad_request',
      message: (error as Error).message,
    };
  }
  return { statusCode: 500, code: 'internal_error', message: 'An unexpected error occurred' };
}

interface ErrorReply {
  status(code: number): { send(body: unknown): void };
  header(name: string, value: string): void;
}

/**
 * Writes every error in the hub's shape. A path the router knows under other methods answers
 * 405 with `Allow` (not Nest's 404). An expected 503 (a projection lagging) is a warning
 * without a stack; only failures of the hub are logged as errors.
 */
@Catch()
export class HubExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HubExceptionFilter');

  /** `findRoute` of the Fastify instance, to tell an unknown path from a wrong method. */
  constructor(private readonly findRoute?: RouteFinder) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<ErrorReply>();
    let body = toErrorBody(error);
    if (error instanceof NotFoundException && this.findRoute) {
      const request = http.getRequest<{ method: string; url: string }>();
      const allow = allowedMethods(this.findRoute, request.url);
      if (allow.length > 0 && !allow.includes(request.method)) {
        reply.header('allow', allow.join(', '));
        body = {
          statusCode: 405,
          code: 'method_not_allowed',
          message: `${request.method} is not allowed here (${allow.join(', ')})`,
        };
      }
    }
    if (body.statusCode === 503) this.logger.warn(`${body.code}: ${body.message}`);
    else if (body.statusCode >= 500)
      this.logger.error(error instanceof Error ? error.stack : String(error));
    reply.status(body.statusCode).send(body);
  }
}
