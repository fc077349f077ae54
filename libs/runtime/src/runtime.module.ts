import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { HubConfigModule } from './config/config.module';
import { HubConfig } from './config/hub-config';
import { HealthController } from './health.controller';
import { ObservabilityModule } from './observability/observability.module';
import { StoresModule } from './stores.module';

/** Polled every few seconds by orchestrators and Prometheus: not worth a log line each. */
const PROBES = new Set(['/health', '/health/live', '/health/ready', '/metrics']);

/**
 * What every process of the hub boots with, whatever its roles: the validated configuration,
 * structured logs, the two stores the configuration names, `/health`, `/health/live`,
 * `/health/ready` and `/metrics`.
 */
@Module({})
export class RuntimeModule {
  static forRoot(config: HubConfig): DynamicModule {
    return {
      module: RuntimeModule,
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
        TerminusModule,
        ObservabilityModule.forRoot(),
        StoresModule,
      ],
      controllers: [HealthController],
    };
  }
}
