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
import { hubLoggerParams } from './http/logging';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { OutOfScopeInterceptor } from './http/out-of-scope.interceptor';
import { StoresModule } from './infrastructure/stores.module';
import { WriteModule } from './write/write.module';
import { ReadModule } from './read/read.module';
import { ProjectorModule } from '@hub/projector/projector.module';
import { IngestModule } from '@hub/ingest/ingest.module';
import { ALL_PROJECTIONS } from '@hub/projections/index';
import { WRITE_SLICES } from './write-slices';

export interface HubApiOptions {
  /** Where the log goes instead of standard output (a spec reading what was logged). */
  logStream?: NodeJS.WritableStream;
}

/**
 * The hub's HTTP API. `extra` adds modules that share this process (the projector and
 * ingest when `npm start` runs everything on the embedded stores).
 */
@Module({})
export class HubApiModule {
  static forRoot(
    config: HubConfig,
    extra: ModuleMetadata['imports'] = [],
    options: HubApiOptions = {},
  ): DynamicModule {
    return {
      module: HubApiModule,
      imports: [
        HubConfigModule.forRoot(config),
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          ...hubLoggerParams(config.logLevel, options.logStream),
        }),
        CqrsModule.forRoot(),
        TerminusModule,
        ThrottlerModule.forRoot([{ ttl: 1000, limit: config.throttlePerSecond }]),
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
        { provide: APP_INTERCEPTOR, useClass: OutOfScopeInterceptor },
      ],
    };
  }
}
