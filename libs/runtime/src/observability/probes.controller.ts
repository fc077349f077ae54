import { Controller, Get, Inject, Optional, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { Public } from '@hub/access';
import { EVENT_STORE, EventStore } from '@hub/event-store';
import { READ_MODEL_STORE, ReadModelStore } from '@hub/read-store';
import { HUB_CONFIG, HubConfig } from '../config/hub-config';
import { HEALTH_CONTRIBUTORS, HealthContributor } from '../health.controller';
import { HUB_METRICS, HubMetrics } from './hub-metrics';
import { assessReadiness } from './readiness';

/** Whether to send traffic here: live (the process answers) and ready (it can do its job). */
@ApiTags('health')
@Controller('health')
@Public()
@SkipThrottle()
export class ProbesController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
    @Inject(HUB_METRICS) private readonly metrics: HubMetrics,
    @Optional()
    @Inject(HEALTH_CONTRIBUTORS)
    private readonly contributors: HealthContributor[] = [],
  ) {}

  /** Up as long as the event loop answers: a failing engine must not get the process restarted. */
  @Get('live')
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  /** 503 naming each engine down, projection too far behind or consumer without partitions. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const ping = (check: () => Promise<boolean>) => check().catch(() => false);
    const [eventStore, readStore, projections, contributors] = await Promise.all([
      ping(() => this.events.ping()),
      ping(() => this.readModels.ping()),
      this.metrics.projectionLags().catch(() => []),
      Promise.all(
        this.contributors.map(async (c) => ({
          name: c.name,
          ...(await c.check().catch(() => ({ up: false }))),
        })),
      ),
    ]);
    const readiness = assessReadiness({
      engines: [
        { name: 'eventStore', up: eventStore },
        { name: 'readStore', up: readStore },
      ],
      projections,
      maxLagEvents: this.config.readyMaxLagEvents,
      contributors,
    });
    if (!readiness.ready) reply.status(503);
    return readiness.ready
      ? { status: 'ready' }
      : { status: 'not_ready', code: 'not_ready', notReady: readiness.notReady };
  }
}
