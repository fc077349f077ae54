import { DomainError } from '@hub/domain';
import { idClaimDecider, idClaimStream } from '@hub/domain/id-claims/id-claim.decider';
import { GlobalPosition } from '@hub/event-store';
import { CommandExecutor } from '../execution/command-executor';
import { CommandContext } from '../execution/command-context';

/**
 * Index kinds: the customer's agreements by org, a partner's GDAP relationships with a customer,
 * directory users by address, an agreement's workspaces (who belongs to the organisation).
 */
export const INDEX_KINDS = {
  customerAgreements: 'customer-agreement',
  agreementWorkspaces: 'agreement-workspace',
  gdapRelationships: 'gdap-index',
  userEmails: 'directory-email',
} as const;

export type IndexKind = (typeof INDEX_KINDS)[keyof typeof INDEX_KINDS];

/**
 * A strongly consistent, append-only list of the streams filed under one key, read straight
 * from the event store (no projection lag), for rules that span aggregates: "which agreements
 * does this org have", "which GDAP relationships link this partner and this customer".
 *
 * Entry n is the id claim `id-<kind>-<key>:<n>`, so the list needs no new event type: entries
 * are claimed in order, a concurrent writer that claims slot n first pushes the other to n+1,
 * and adding a stream that is already listed appends nothing (steps stay idempotent).
 */
export class StreamIndex {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly kind: string,
  ) {}

  /** The listed streams, oldest first. */
  async list(key: string): Promise<string[]> {
    const streams: string[] = [];
    for (let n = 0; ; n += 1) {
      const owner = await this.ownerOf(key, n);
      if (owner === null) return streams;
      streams.push(owner);
    }
  }

  /** Lists the stream under the key unless it is already there; answers the claim's position. */
  async add(key: string, stream: string, context: CommandContext): Promise<GlobalPosition | null> {
    for (let n = 0; ; n += 1) {
      const owner = await this.ownerOf(key, n);
      if (owner === stream) return null;
      if (owner !== null) continue;
      try {
        const id = `${key}:${n}`;
        const result = await this.executor.execute({
          stream: idClaimStream(this.kind, id),
          decider: idClaimDecider,
          context,
          command: () => ({
            type: 'ClaimId' as const,
            kind: this.kind,
            id,
            ownerStream: stream,
            at: context.occurredAt,
          }),
        });
        return result.position;
      } catch (error) {
        // Another writer took slot n between our read and our append: try the next one.
        if (!(error instanceof DomainError && error.code === `${this.kind}_id_conflict`))
          throw error;
      }
    }
  }

  private async ownerOf(key: string, n: number): Promise<string | null> {
    const claim = await this.executor.load(idClaimStream(this.kind, `${key}:${n}`), idClaimDecider);
    return claim.state.ownerStream;
  }
}
