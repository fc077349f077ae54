import { Module } from '@nestjs/common';
import { HUB_CONFIG, HubConfig } from '@hub/runtime/config/hub-config';
import { AuditSigningKey } from './audit-signing-key';
import { IntegrityController } from './integrity.controller';

/** Verification of the event log's hash chain and signed digests of its head (Auditor). */
@Module({
  controllers: [IntegrityController],
  providers: [
    {
      provide: AuditSigningKey,
      inject: [HUB_CONFIG],
      useFactory: (config: HubConfig) => AuditSigningKey.load(config.dataDir),
    },
  ],
})
export class IntegrityModule {}
