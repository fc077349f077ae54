import { Injectable } from '@nestjs/common';
import { idClaimDecider, idClaimStream } from '@hub/domain/id-claims/id-claim.decider';
import { GlobalPosition } from '@hub/event-store';
import { CommandExecutor } from '../execution/command-executor';
import { CommandContext } from '../execution/command-context';

/**
 * Ids that a route names alone (an invitation to accept, a consumption record to reverse) are
 * claimed for the stream that owns them, in `id-<kind>-<id>`. The first claim wins; the same
 * claim again appends nothing; a claim for another owner is refused (`<kind>_id_conflict`).
 */
@Injectable()
export class IdClaims {
  constructor(private readonly executor: CommandExecutor) {}

  /** Claims the id for its owner; answers the claim's position (null: nothing in the stream). */
  async claim(
    kind: string,
    id: string,
    ownerStream: string,
    context: CommandContext,
  ): Promise<GlobalPosition | null> {
    const result = await this.executor.execute(this.claiming(kind, id, ownerStream, context));
    return result.position;
  }

  /** The claim as an execution, for a caller that appends it together with the owner's events. */
  claiming(kind: string, id: string, ownerStream: string, context: CommandContext) {
    return {
      stream: idClaimStream(kind, id),
      decider: idClaimDecider,
      context,
      command: () => ({ type: 'ClaimId' as const, kind, id, ownerStream, at: context.occurredAt }),
    };
  }

  /** The stream that owns the id, or null when it was never claimed. */
  async ownerOf(kind: string, id: string): Promise<string | null> {
    const claimed = await this.executor.load(idClaimStream(kind, id), idClaimDecider);
    return claimed.state.ownerStream;
  }
}
