import { Injectable } from '@nestjs/common';
import { GlobalPosition } from '@hub/event-store';
import { executionOf } from '../execution/command';
import { CommandContext } from '../execution/command-context';
import { CommandExecutor } from '../execution/command-executor';
import { CommandReads } from '../execution/command-reads';
import { caseCommands } from './case.commands';

/**
 * Records a case's first response for ingest (the Kafka CaseFirstResponded message, which may
 * batch with other messages): the same table entry the route runs, without the CommandBus.
 */
@Injectable()
export class CaseResponses {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly reads: CommandReads,
  ) {}

  async record(
    caseId: string,
    respondedAt: string,
    context: CommandContext,
  ): Promise<{ position: GlobalPosition | null }> {
    const input = { request: { caseId, respondedAt }, caller: null, context };
    const entry = caseCommands.recordFirstResponse;
    return this.executor.execute(await executionOf(entry, input, this.reads));
  }
}
