import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AgreementId, Caller, UserId } from '@hub/domain';
import { agreementDecider, agreementStream } from '@hub/domain/agreements/agreement.decider';
import { CommandExecutor } from '../write/command-executor';
import { CommandContext } from '../write/command-context';
import { positionOf } from '../write/answers';
import { PositionAnswer } from './agreement.dto';
import { callerInAgreement } from './caller-context';

/** What a route asks of an agreement's administration (domain.md §3, §5). */
export type AdministrationRequest =
  | { kind: 'calendar'; timeZone: string; holidays: string[] }
  | { kind: 'appoint'; userId: string }
  | { kind: 'remove'; userId: string };

export class AdministerAgreementCommand {
  constructor(
    readonly agreementId: string,
    readonly request: AdministrationRequest,
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

/** Calendar and Customer Administrators: one command on the agreement's stream. */
@CommandHandler(AdministerAgreementCommand)
export class AdministerAgreementHandler implements ICommandHandler<
  AdministerAgreementCommand,
  PositionAnswer
> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ agreementId, request, caller, context }: AdministerAgreementCommand) {
    const id = agreementId as AgreementId;
    const result = await this.executor.execute({
      stream: agreementStream(id),
      decider: agreementDecider,
      context,
      command: (state) => {
        const base = {
          agreementId: id,
          at: context.occurredAt,
          by: callerInAgreement(caller, state),
        };
        switch (request.kind) {
          case 'calendar':
            return {
              type: 'SetBusinessCalendar' as const,
              ...base,
              timeZone: request.timeZone,
              holidays: request.holidays,
            };
          case 'appoint':
            return {
              type: 'AddCustomerAdministrator' as const,
              ...base,
              userId: request.userId as UserId,
            };
          case 'remove':
            return {
              type: 'RemoveCustomerAdministrator' as const,
              ...base,
              userId: request.userId as UserId,
            };
        }
      },
    });
    return { position: positionOf(result) };
  }
}
