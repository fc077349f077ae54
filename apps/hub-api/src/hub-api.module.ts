import { DynamicModule, Module, ModuleMetadata, RequestMethod } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { AuthGuard } from '@hub/access';
import { HubConfigModule } from './config/config.module';
import { HubConfig } from './config/hub-config';
import { HealthController } from './health/health.controller';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { ObservabilityModule } from './observability/observability.module';
import { StoresModule } from './infrastructure/stores.module';
import { WriteModule } from './write/write.module';
import { ReadModule } from './read/read.module';
import { ProjectorModule } from '@hub/projector/projector.module';
import { IngestModule } from '@hub/ingest/ingest.module';
import { ALL_PROJECTIONS } from '@hub/projections/index';
import { WRITE_SLICES } from './write-slices';

/** Polled every few seconds by orchestrators and Prometheus: not worth a log line each. */
const PROBES = new Set(['/health', '/health/live', '/health/ready', '/metrics']);

/**
 * The hub's HTTP API. `extra` adds modules that share this process (the projector and
 * ingest when `npm start` runs everything on the embedded stores).
 */
@Module({})
export class HubApiModule {
  static forRoot(config: HubConfig, extra: ModuleMetadata['imports'] = []): DynamicModule {
    return {
      module: HubApiModule,
      imports: [
        HubConfigModule.forRoot(config),
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            customProps: (request) => ({ correlationId: request.id }),
            autoLogging: { ignore: (request) => PROBES.has(request.url ?? '') },
          },
        }),
        CqrsModule.forRoot(),
        TerminusModule,
        ThrottlerModule.forRoot([{ ttl: 1000, limit: config.throttlePerSecond }]),
        ObservabilityModule.forRoot(),
        StoresModule,
        WriteModule,
        ...WRITE_SLICES,
        ProjectorModule.forRoot({ projections: ALL_PROJECTIONS, run: config.roles.projector }),
        // Kafka: notifications publisher, and the consumer when HUB_ROLES includes ingest.
        IngestModule.forRoot(config),
        ReadModule,
        ...(extra ?? []),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
