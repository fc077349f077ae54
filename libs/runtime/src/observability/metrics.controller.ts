import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { Public } from '@hub/access';
import { HUB_METRICS, HubMetrics } from './hub-metrics';

/**
 * Prometheus scrape endpoint. Public like /health: it carries counts and timings, never
 * identifiers or payloads; keep it off the public network (README "Operating the hub").
 */
@ApiExcludeController()
@Controller('metrics')
@Public()
@SkipThrottle()
export class MetricsController {
  constructor(@Inject(HUB_METRICS) private readonly metrics: HubMetrics) {}

  @Get()
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    reply.header('content-type', this.metrics.contentType);
    return this.metrics.render();
  }
}
