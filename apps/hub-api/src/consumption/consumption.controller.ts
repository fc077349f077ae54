import { Body, Param, Post } from '@nestjs/common';
import { RequireTokenRole } from '@hub/access';
import { positionOf } from '@hub/application/execution/answers';
import { ConsumptionLedger, LedgerAnswer } from '@hub/application/consumption/consumption-ledger';
import { Answers, By, CommandsController, Issuer } from '../http/command-route';
import { ConsumptionAnswer, LogConsumptionDto, ReverseConsumptionDto } from './consumption.dto';

/** The answer of a ledger command: the record's id and where it landed. */
const answerOf = (landed: LedgerAnswer): ConsumptionAnswer => ({
  consumptionId: landed.consumptionId,
  position: positionOf(landed),
});

/**
 * Consumption commands (api.md "Commands"): internal services and CSAMs report deliveries. The
 * ledger is the one path Kafka ingest takes too (a claim and a record in one append), so the
 * routes call it rather than a table entry.
 */
@CommandsController('consumption', 'consumption')
@RequireTokenRole('Service', 'CSAM')
export class ConsumptionController {
  constructor(private readonly ledger: ConsumptionLedger) {}

  @Post()
  @Answers(201, ConsumptionAnswer, 'Log delivered units of an entitlement (Service, CSAM)')
  async log(@Body() dto: LogConsumptionDto, @By() by: Issuer): Promise<ConsumptionAnswer> {
    const delivered = { ...dto, reference: { ...dto.reference } };
    return answerOf(await this.ledger.log(delivered, by.user.userId, by.context));
  }

  @Post(':consumptionId/reversal')
  @Answers(200, ConsumptionAnswer, 'Reverse a consumption record (Service, CSAM)')
  async reverse(
    @Param('consumptionId') consumptionId: string,
    @Body() dto: ReverseConsumptionDto,
    @By() by: Issuer,
  ): Promise<ConsumptionAnswer> {
    return answerOf(await this.ledger.reverse(consumptionId, dto.reason, by.context));
  }
}
