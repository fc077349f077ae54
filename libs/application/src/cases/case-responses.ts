import { Injectable } from '@nestjs/common';
import { CaseId } from '@hub/domain';
import { caseDecider, caseStream } from '@hub/domain/cases/case.decider';
import { GlobalPosition } from '@hub/event-store';
import { CommandExecutor } from '../execution/command-executor';
import { CommandContext } from '../execution/command-context';

/**
 * Records a case's first response, for every entry point (POST …/responses now, the Kafka
 * CaseFirstResponded message through ingest): whether the initial response target was met
 * is decided against the target as it stood.
 */
@Injectable()
export class CaseResponses {
  constructor(private readonly executor: CommandExecutor) {}

  async record(
    caseId: string,
    respondedAt: string,
    context: CommandContext,
  ): Promise<{ position: GlobalPosition | null }> {
    const id = caseId as CaseId;
    return this.executor.execute({
      stream: caseStream(id),
      decider: caseDecider,
      context,
      command: () => ({
        type: 'RecordFirstResponse' as const,
        caseId: id,
        respondedAt,
        at: context.occurredAt,
      }),
    });
  }
}
