import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { HubConfigModule } from './config/config.module';
import { HubConfig } from './config/hub-config';
import { HealthController } from './health.controller';
import { hubLoggerParams } from './logging';
import { ObservabilityModule } from './observability/observability.module';
import { StoresModule } from './stores.module';
import { ClockModule } from './time/clock.module';
import { Clock } from '@hub/domain';

export interface RuntimeOptions {
  /** Where the log goes instead of standard output (a spec reading what was logged). */
  logStream?: NodeJS.WritableStream;
  /** The hub's clock (default the system's; the e2e test hub hands in a fake it moves). */
  clock?: Clock;
}

/**
 * What every process of the hub boots with, whatever its roles: the validated configuration,
 * structured logs, the two stores the configuration names, `/health`, `/health/live`,
 * `/health/ready` and `/metrics`.
 */
@Module({})
export class RuntimeModule {
  static forRoot(config: HubConfig, options: RuntimeOptions = {}): DynamicModule {
    return {
      module: RuntimeModule,
      imports: [
        HubConfigModule.forRoot(config),
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          ...hubLoggerParams(config.logLevel, options.logStream),
        }),
        TerminusModule,
        ObservabilityModule.forRoot(),
        StoresModule,
        ClockModule.forRoot(options.clock),
      ],
      controllers: [HealthController],
    };
  }
}
