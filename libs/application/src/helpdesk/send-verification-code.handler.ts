import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomBytes, randomInt } from 'node:crypto';
import { Caller, UserId, deterministicId } from '@hub/domain';
import {
  generateCode,
  hashCode,
  verificationAgentDecider,
  verificationAgentStream,
  verificationDecider,
  verificationStream,
} from '@hub/domain/helpdesk';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { verificationCodeNotification } from '../notifications/notification-messages';
import { positionOf } from '../execution/answers';
import { CommandContext } from '../execution/command-context';
import { CommandExecutor } from '../execution/command-executor';
import { HelpDeskAgentChecks } from './helpdesk-agent-check';
import { VerificationCodeSentAnswer } from './helpdesk.requests';

export class SendVerificationCodeCommand {
  constructor(
    readonly userId: string,
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

/**
 * An agent sends the user a code (domain.md §7). The code is drawn here, only its salted hash
 * is appended, and the code itself goes only into the outbox notification: never into an
 * event, a log line or the HTTP answer.
 */
@CommandHandler(SendVerificationCodeCommand)
export class SendVerificationCodeHandler implements ICommandHandler<
  SendVerificationCodeCommand,
  VerificationCodeSentAnswer
> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly checks: HelpDeskAgentChecks,
    private readonly outbox: NotificationOutbox,
  ) {}

  async execute({
    userId,
    caller,
    context,
  }: SendVerificationCodeCommand): Promise<VerificationCodeSentAnswer> {
    const id = userId as UserId;
    const code = generateCode(randomInt);
    const salt = randomBytes(16).toString('hex');
    const codeHash = await hashCode(code, salt);
    // The agent's count and the code land together: the per-agent cap (50 an hour) holds
    // across users, the per-user cap (5 an hour) is the user's stream's.
    const [, result] = await this.executor.executeTogether(
      {
        stream: verificationAgentStream(caller.userId),
        decider: verificationAgentDecider,
        context,
        command: () => ({
          type: 'CountVerificationCode' as const,
          agentId: caller.userId,
          userId: id,
          at: context.occurredAt,
        }),
      },
      {
        stream: verificationStream(id),
        decider: verificationDecider,
        context,
        command: async () => {
          const check = await this.checks.forUser(caller, id);
          return {
            type: 'IssueVerificationCode' as const,
            userId: id,
            email: check.user.record?.email ?? '',
            partnerId: check.partnerId,
            salt,
            codeHash,
            isAgent: check.isAgent,
            managed: check.managed,
            at: context.occurredAt,
            by: caller,
          };
        },
      },
    );
    const issued = result.events.find((event) => event.type === 'VerificationCodeIssued');
    if (!issued || issued.type !== 'VerificationCodeIssued') throw new Error('no code issued');
    const { email, expiresAt, issuedAt } = issued.data;
    await this.outbox.enqueue(
      verificationCodeNotification(
        deterministicId('notification', 'verification-code', context.commandId),
        email,
        code,
        expiresAt,
        issuedAt,
      ),
    );
    return { expiresAt, position: positionOf(result) };
  }
}
