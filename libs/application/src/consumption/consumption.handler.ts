import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../execution/command-context';
import { positionOf } from '../execution/answers';
import { ConsumptionAnswer } from './consumption.requests';
import { ConsumptionLedger, DeliveredConsumption } from './consumption-ledger';

/** What an HTTP route asks of the ledger. */
export type ConsumptionRequest =
  | { kind: 'log'; delivered: DeliveredConsumption; reportedBy: string }
  | { kind: 'reverse'; consumptionId: string; reason: string };

export class ConsumptionCommand {
  constructor(
    readonly request: ConsumptionRequest,
    readonly context: CommandContext,
  ) {}
}

/** Consumption commands from HTTP; the ledger service is the one path Kafka ingest uses too. */
@CommandHandler(ConsumptionCommand)
export class ConsumptionHandler implements ICommandHandler<ConsumptionCommand, ConsumptionAnswer> {
  constructor(private readonly ledger: ConsumptionLedger) {}

  async execute({ request, context }: ConsumptionCommand): Promise<ConsumptionAnswer> {
    const answer =
      request.kind === 'log'
        ? await this.ledger.log(request.delivered, request.reportedBy, context)
        : await this.ledger.reverse(request.consumptionId, request.reason, context);
    return { consumptionId: answer.consumptionId, position: positionOf(answer) };
  }
}
