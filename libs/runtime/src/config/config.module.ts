import { DynamicModule, Global, Module } from '@nestjs/common';
import { JWT_SECRET } from '@hub/access';
import { HUB_CONFIG, HubConfig } from './hub-config';

/** Provides the validated `HubConfig` (and the JWT secret) to every module. */
@Global()
@Module({})
export class HubConfigModule {
  static forRoot(config: HubConfig): DynamicModule {
    return {
      module: HubConfigModule,
      providers: [
        { provide: HUB_CONFIG, useValue: config },
        { provide: JWT_SECRET, useValue: config.jwt.secret },
      ],
      exports: [HUB_CONFIG, JWT_SECRET],
    };
  }
}
