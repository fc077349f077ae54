import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AuthGuard } from '@hub/access';
import { ApplicationModule } from '@hub/application/application.module';
import { CallerScopes } from '@hub/projections/access/caller-scope';
import { ReadModels } from '@hub/projection/query/read-models';
import { READ_CONTROLLERS } from '@hub/projections/controllers';
import { HubConfig } from '@hub/runtime/config/hub-config';
import { COMMAND_CONTROLLERS, OPERATIONS_CONTROLLERS } from './controllers';
import { COMMAND_INTERCEPTOR_PROVIDERS } from './http/command-route';
import { HitLogThrottlerStorage } from './http/hit-log-throttler-storage';
import { NotificationStreams } from './notifications/notification-streams';
import { IntegrityModule } from './audit/integrity.module';

/**
 * The HTTP API role: every route of api.md over the application layer (commands) and the
 * projections' queries. The process that imports it provides the runtime (config, stores) and
 * the projection runner (running, or only loading which build each projection serves).
 */
@Module({})
export class HubApiModule {
  static forRoot(config: HubConfig): DynamicModule {
    return {
      module: HubApiModule,
      imports: [
        CqrsModule.forRoot(),
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: 1000, limit: config.throttlePerSecond }],
          storage: new HitLogThrottlerStorage(),
        }),
        ApplicationModule,
        IntegrityModule,
      ],
      controllers: [...COMMAND_CONTROLLERS, ...READ_CONTROLLERS, ...OPERATIONS_CONTROLLERS],
      providers: [
        ReadModels,
        CallerScopes,
        NotificationStreams,
        ...COMMAND_INTERCEPTOR_PROVIDERS,
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
