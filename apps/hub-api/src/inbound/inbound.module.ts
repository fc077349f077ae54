import { Module } from '@nestjs/common';
import { IngestHandlerModule } from '@hub/ingest/ingest-handler.module';
import { InboundController } from './inbound.controller';

/** POST /v1/delivery/events and /v1/directory/events: inbound messages over HTTP. */
@Module({
  imports: [IngestHandlerModule],
  controllers: [InboundController],
})
export class InboundModule {}
