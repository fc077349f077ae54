import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { Socket } from 'node:net';
import { ErrorBody } from './hub-exception.filter';

/** The `code` of each framework refusal; the body is the hub's error shape (api.md "Errors"). */
export const FRAMEWORK_CODES: Record<number, string> = {
  400: 'bad_request',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'request_timeout',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  431: 'request_header_fields_too_large',
};

export function frameworkErrorBody(statusCode: number, message: string): ErrorBody {
  return { statusCode, code: FRAMEWORK_CODES[statusCode] ?? 'bad_request', message };
}

/**
 * Node's HTTP parser refuses a request before Fastify sees it (headers over 16 KB: 431; a
 * malformed request line: 400; a slow client: 408). Fastify's default answer has another body;
 * this one writes the hub's.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request took too long to arrive']
        : [400, 'The request is not valid HTTP'];
  const body = JSON.stringify(frameworkErrorBody(status, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** Fastify's refusals of a URL before routing: a bad escape (400) or a path segment over the limit (414). */
export function frameworkErrors(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const [status, message] =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? [414, 'A path segment of the URL is too long']
      : [400, 'The URL is not valid'];
  if (request.id) reply.header('x-correlation-id', request.id);
  reply.code(status).send(frameworkErrorBody(status, message));
}

/** Methods a router answers: the other methods one path has when the request's has no route. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export type RouteFinder = (route: { method: string; url: string }) => unknown;

/** The methods a path has (for 405 and `Allow`), empty when the path has no route at all. */
export function allowedMethods(findRoute: RouteFinder, url: string): string[] {
  const path = url.split('?')[0];
  return METHODS.filter((method) => findRoute({ method, url: path }));
}
