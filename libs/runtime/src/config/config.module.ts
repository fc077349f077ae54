import { DynamicModule, Global, Module } from '@nestjs/common';
import { TOKEN_VERIFIER, TokenVerifier } from '@hub/access';
import { HUB_CONFIG, HubConfig } from './hub-config';

/** Provides the validated `HubConfig` (and the bearer token verifier) to every module. */
@Global()
@Module({})
export class HubConfigModule {
  static forRoot(config: HubConfig): DynamicModule {
    return {
      module: HubConfigModule,
      providers: [
        { provide: HUB_CONFIG, useValue: config },
        {
          provide: TOKEN_VERIFIER,
          useValue: new TokenVerifier(config.jwt.secret, config.jwt.openId),
        },
      ],
      exports: [HUB_CONFIG, TOKEN_VERIFIER],
    };
  }
}
