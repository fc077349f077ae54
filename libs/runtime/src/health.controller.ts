import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorResult,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { Public } from '@hub/access';
import { EVENT_STORE, EventStore } from '@hub/event-store';
import { READ_MODEL_STORE, ReadModelStore } from '@hub/read-store';
import { HUB_CONFIG, HubConfig } from './config/hub-config';

/** Reports extra engines (Kafka ingest) that register themselves. */
export interface HealthContributor {
  name: string;
  check(): Promise<{ up: boolean; details?: Record<string, unknown> }>;
}
export const HEALTH_CONTRIBUTORS = Symbol('HealthContributors');

/** Liveness and each engine's readiness. */
@ApiTags('health')
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(HUB_CONFIG) private readonly config: HubConfig,
    @Optional()
    @Inject(HEALTH_CONTRIBUTORS)
    private readonly contributors: HealthContributor[] = [],
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.health.check([
      () =>
        this.probe('eventStore', () => this.events.ping(), { engine: this.config.eventStore.kind }),
      () =>
        this.probe('readStore', () => this.readModels.ping(), {
          engine: this.config.readStore.kind,
        }),
      ...this.contributors.map((c) => async () => {
        const { up, details } = await c.check();
        return this.probe(c.name, async () => up, details);
      }),
    ]);
  }

  private async probe(
    name: string,
    ping: () => Promise<boolean>,
    details: Record<string, unknown> = {},
  ): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(name);
    const up = await ping().catch(() => false);
    return up ? indicator.up(details) : indicator.down(details);
  }
}
