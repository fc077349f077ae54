import { Injectable } from '@nestjs/common';
import { Caller, UserId, WorkspaceId } from '@hub/domain';
import {
  AgreementState,
  agreementDecider,
  agreementStream,
} from '@hub/domain/agreements/agreement.decider';
import { BusinessCalendar } from '@hub/domain/agreements/business-calendar';
import { WorkspaceView } from '@hub/domain/cases/case.commands';
import { WorkspaceCommand } from '@hub/domain/workspaces/workspace.commands';
import { workspaceDecider } from '@hub/domain/workspaces/workspace.decider';
import {
  CreatedWorkspace,
  WorkspaceState,
  administers,
  workspaceStream,
} from '@hub/domain/workspaces/workspace.state';
import { CommandExecutor } from '../execution/command-executor';
import { CommandContext } from '../execution/command-context';
import { callerInAgreement } from '../agreements/caller-context';

/** A workspace as another aggregate's command needs it: its members and the caller's standing. */
export interface WorkspaceStanding extends WorkspaceView {
  /** Null when the workspace does not exist. */
  workspace: CreatedWorkspace | null;
  /** The agreement's business calendar, which case targets follow (domain.md §5). */
  calendar?: BusinessCalendar;
}

/**
 * Reads a workspace together with its agreement, so the caller's Customer Administrator standing
 * comes from the agreement stream itself (strongly consistent: a revoke applies to the very next
 * command), and runs workspace commands built from both.
 */
@Injectable()
export class WorkspaceAccess {
  constructor(private readonly executor: CommandExecutor) {}

  /** Runs a command on the workspace's stream; `build` sees the folded workspace and its agreement. */
  execute(
    workspaceId: WorkspaceId,
    context: CommandContext,
    build: (
      agreement: AgreementState,
      workspace: WorkspaceState,
    ) => WorkspaceCommand | Promise<WorkspaceCommand>,
  ) {
    return this.executor.execute({
      stream: workspaceStream(workspaceId),
      decider: workspaceDecider,
      context,
      command: async (workspace) => build(await this.agreementOf(workspace), workspace),
    });
  }

  /** The workspace's members and whether the caller administers it (for case commands). */
  async standing(workspaceId: WorkspaceId, caller: Caller): Promise<WorkspaceStanding> {
    const loaded = await this.executor.load(workspaceStream(workspaceId), workspaceDecider);
    const workspace = loaded.state.status === 'created' ? loaded.state : null;
    if (!workspace) {
      return { workspace, workspaceMemberUserIds: [], callerIsWorkspaceAdministrator: false };
    }
    const agreement = await this.agreementOf(workspace);
    return {
      workspace,
      workspaceMemberUserIds: Object.keys(workspace.members) as UserId[],
      callerIsWorkspaceAdministrator: administers(workspace, callerInAgreement(caller, agreement)),
      ...(agreement.status === 'active' && agreement.calendar
        ? { calendar: agreement.calendar }
        : {}),
    };
  }

  /** The agreement a workspace belongs to, folded from its own stream. */
  async agreementOf(workspace: WorkspaceState): Promise<AgreementState> {
    if (workspace.status === 'none') return agreementDecider.initialState;
    return (await this.executor.load(agreementStream(workspace.agreementId), agreementDecider))
      .state;
  }
}
