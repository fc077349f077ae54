import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { HubConfigModule } from './config/config.module';
import { HubConfig } from './config/hub-config';
import { HealthController } from './health.controller';
import { StoresModule } from './stores.module';
import { ClockModule } from './time/clock.module';
import { Clock } from '@hub/domain';

/**
 * What every process of the hub boots with, whatever its roles: the validated configuration,
 * structured logs, the two stores the configuration names, and `/health`.
 */
@Module({})
export class RuntimeModule {
  static forRoot(config: HubConfig, clock?: Clock): DynamicModule {
    return {
      module: RuntimeModule,
      imports: [
        HubConfigModule.forRoot(config),
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            customProps: (request) => ({ correlationId: request.id }),
            autoLogging: { ignore: (request) => request.url === '/health' },
          },
        }),
        TerminusModule,
        StoresModule,
        ClockModule.forRoot(clock),
      ],
      controllers: [HealthController],
    };
  }
}
