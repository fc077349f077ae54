import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Workflows } from '../workflows/workflows';
import { positionOf } from './answers';
import { RunCommand, executionOf } from './command';
import { CommandExecutor } from './command-executor';
import { CommandReads } from './command-reads';

/**
 * Runs any command table entry: the stream folded, the entry's reads, its pure decider, one
 * append with the expected revision (the executor retries a concurrent writer), then the
 * workflows its new events oblige (a default workspace, an invitation's claim) before answering,
 * so the answer's position shows them too.
 */
@CommandHandler(RunCommand)
export class CommandTableHandler implements ICommandHandler<RunCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly reads: CommandReads,
    private readonly workflows: Workflows,
  ) {}

  async execute({ entry, input }: RunCommand): Promise<unknown> {
    const result = await this.executor.execute(await executionOf(entry, input, this.reads));
    const completed = await this.workflows.complete(result.stream, result.appended);
    const position = positionOf({ position: completed ?? result.position });
    return entry.answer ? entry.answer(input, result, position) : { position };
  }
}
