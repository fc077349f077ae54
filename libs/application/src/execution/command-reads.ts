import { Injectable } from '@nestjs/common';
import { Decider, DomainEvent } from '@hub/domain';
import { HelpDeskAgentChecks } from '../helpdesk/helpdesk-agent-check';
import { CustomerIndex } from '../indexes/customer-index';
import { IdClaims } from '../indexes/id-claims';
import { WorkspaceAccess } from '../workspaces/workspace-access';
import { CommandExecutor } from './command-executor';

/**
 * The reads a command may make before deciding, beyond its own stream: any stream folded by its
 * decider, and the strongly consistent cross-aggregate look-ups (architecture.md "Write side":
 * each says what it reads). One object, so a table entry names what it needs by field.
 */
@Injectable()
export class CommandReads {
  constructor(
    private readonly executor: CommandExecutor,
    readonly workspaces: WorkspaceAccess,
    readonly customers: CustomerIndex,
    readonly ids: IdClaims,
    readonly helpdesk: HelpDeskAgentChecks,
  ) {}

  /** Another aggregate's state, folded from its stream (cached, caught up). */
  async state<S>(
    stream: string,
    decider: Pick<Decider<unknown, DomainEvent, S>, 'initialState' | 'evolve'>,
  ): Promise<S> {
    return (await this.executor.load(stream, decider)).state;
  }
}
