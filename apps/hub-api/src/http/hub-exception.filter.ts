import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { HubError } from '@hub/domain';

/** The error body of api.md: `{ statusCode, code, message, details? }`. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

const CODES_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
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

@Catch()
export class HubExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HubExceptionFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const body = toErrorBody(error);
    if (body.statusCode >= 500)
      this.logger.error(error instanceof Error ? error.stack : String(error));
    const reply = host
      .switchToHttp()
      .getResponse<{ status(code: number): { send(body: unknown): void } }>();
    reply.status(body.statusCode).send(body);
  }
}
