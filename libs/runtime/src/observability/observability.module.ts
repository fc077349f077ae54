import { DynamicModule, Global, Module } from '@nestjs/common';
import { HttpMetricsHook } from './http-metrics';
import { HUB_METRICS, HubMetrics } from './hub-metrics';
import { MetricsController } from './metrics.controller';
import { ProbesController } from './probes.controller';
import { ProjectionLagSource } from './projection-lag.source';

/**
 * /health/live, /health/ready and /metrics, served by every process whatever its roles; the
 * metrics registry is global so the projector and ingest can register their lag sources.
 */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: [ProbesController, MetricsController],
      providers: [
        { provide: HUB_METRICS, useFactory: () => new HubMetrics() },
        HttpMetricsHook,
        ProjectionLagSource,
      ],
      exports: [HUB_METRICS],
    };
  }
}
