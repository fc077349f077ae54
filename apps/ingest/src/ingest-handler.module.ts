import { Module } from '@nestjs/common';
import { CasesModule } from '@hub/api/cases/cases.module';
import { ConsumptionModule } from '@hub/api/consumption/consumption.module';
import { HubMessageHandler } from './hub-message-handler';
import { MessageIds } from './message-ids';

/** The one `MessageHandler` both entry points share: the Kafka consumer and the HTTP routes. */
@Module({
  imports: [ConsumptionModule, CasesModule],
  providers: [HubMessageHandler, MessageIds],
  exports: [HubMessageHandler],
})
export class IngestHandlerModule {}
