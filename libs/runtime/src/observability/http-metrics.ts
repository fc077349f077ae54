import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Observable, tap } from 'rxjs';
import { CommandOutcome, HUB_METRICS, HubMetrics } from './hub-metrics';

/**
 * Times every request by route pattern (not by URL, so ids do not explode the label set),
 * including those refused before a handler runs (401, 404, 429), through Fastify's own hook.
 */
@Injectable()
export class HttpMetricsHook implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(HUB_METRICS) private readonly metrics: HubMetrics,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.addHook) return;
    fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
      this.metrics.httpSeconds.observe(
        {
          method: request.method,
          route: request.routeOptions?.url ?? 'unmatched',
          status: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
      done();
    });
  }
}

const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Times each command (a writing route) by its handler, and counts it by outcome. */
@Injectable()
export class CommandMetricsInterceptor implements NestInterceptor {
  constructor(@Inject(HUB_METRICS) private readonly metrics: HubMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (context.getType() !== 'http' || !COMMAND_METHODS.has(request.method)) return next.handle();
    const command = `${context.getClass().name}.${context.getHandler().name}`;
    const end = this.metrics.commandSeconds.startTimer({ command });
    const count = (outcome: CommandOutcome) => {
      end();
      this.metrics.commands.inc({ command, outcome });
    };
    return next.handle().pipe(
      tap({
        next: () => count('accepted'),
        error: (error: unknown) => count(outcomeOf(error)),
      }),
    );
  }
}

/** A 4xx refusal (nothing appended) or anything else (a failure). */
export function outcomeOf(error: unknown): CommandOutcome {
  const status =
    typeof error === 'object' && error !== null
      ? ((error as { getStatus?: () => number }).getStatus?.() ??
        (error as { status?: unknown }).status)
      : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? 'refused' : 'failed';
}
