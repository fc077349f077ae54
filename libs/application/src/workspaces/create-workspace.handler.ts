import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AgreementId, Caller, WorkspaceId, deterministicId } from '@hub/domain';
import { agreementDecider, agreementStream } from '@hub/domain/agreements/agreement.decider';
import { workspaceDecider } from '@hub/domain/workspaces/workspace.decider';
import { workspaceStream } from '@hub/domain/workspaces/workspace.state';
import { CommandExecutor } from '../execution/command-executor';
import { Workflows } from '../workflows/workflows';
import { CommandContext } from '../execution/command-context';
import { positionOf } from '../execution/answers';
import { CreateWorkspaceRequest, WorkspaceCreatedAnswer } from './create-workspace.requests';

export class CreateWorkspaceCommand {
  constructor(
    readonly dto: CreateWorkspaceRequest,
    readonly caller: Caller,
    readonly context: CommandContext,
  ) {}
}

/** CSAM/AC create an additional workspace; its administrator is invited as first Workspace Administrator. */
@CommandHandler(CreateWorkspaceCommand)
export class CreateWorkspaceHandler implements ICommandHandler<
  CreateWorkspaceCommand,
  WorkspaceCreatedAnswer
> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly workflows: Workflows,
  ) {}

  async execute({ dto, caller, context }: CreateWorkspaceCommand): Promise<WorkspaceCreatedAnswer> {
    // Derived from the command id, so a retried request names the same workspace.
    const workspaceId = deterministicId('workspace', context.commandId) as WorkspaceId;
    const agreementId = dto.agreementId as AgreementId;
    const result = await this.executor.execute({
      stream: workspaceStream(workspaceId),
      decider: workspaceDecider,
      context,
      command: async () => {
        const { state } = await this.executor.load(agreementStream(agreementId), agreementDecider);
        return {
          type: 'CreateWorkspace' as const,
          workspaceId,
          agreementId,
          agreementExists: state.status === 'active',
          ...(state.status === 'active'
            ? { agreementPeriod: { startsOn: state.startsOn, endsOn: state.endsOn } }
            : {}),
          name: dto.name,
          purpose: dto.purpose,
          administrator: dto.administrator,
          at: context.occurredAt,
          by: caller,
        };
      },
    });
    // The invitation is claimed before answering, so /invitations/{id}/accept finds it at once.
    const claimed = await this.workflows.complete(result.stream, result.appended);
    return { workspaceId, position: positionOf({ position: claimed ?? result.position }) };
  }
}
