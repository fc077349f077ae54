import { AuthenticatedUser } from '@hub/access';
import { EventStore, GlobalPosition, RecordedEvent, parsePosition } from '@hub/event-store';
import { ReadModels } from '@hub/projection/query/read-models';
import { accessOf } from '@hub/projections/access/access.queries';

/** The fields by which a fact names whom it concerns. */
const SCOPING = [
  'workspaceId',
  'agreementId',
  'orgId',
  'customerOrgId',
  'partnerId',
  'userId',
  'primaryContactUserId',
] as const;

/** Events of a projection's move read per look (the rest is read at the next). */
const SCAN = 1_000;

/**
 * Whether a read model moved for one caller (`event: read-model`): only when a fact it applied
 * since the last look concerns them. A fact concerns the caller when it, or the first fact of
 * its stream (a case's opening, a package's purchase), or its contract's addition, names one of
 * their ids: their user, their organisation, their workspaces and those workspaces' agreements.
 * Read per connection, with the stream look-ups remembered for the connection's life.
 */
export class ReadModelScope {
  private ids = new Set<string>();
  private readonly firsts = new Map<string, Promise<RecordedEvent | undefined>>();

  constructor(
    private readonly user: AuthenticatedUser,
    private readonly readModels: ReadModels,
    private readonly events: EventStore,
  ) {}

  /** Reads the caller's workspaces and agreements again (they change as they are invited). */
  async refresh(): Promise<void> {
    const ids = new Set([this.user.userId, ...(this.user.orgId ? [this.user.orgId] : [])]);
    try {
      for (const access of (
        await accessOf(await this.readModels.view('access'), this.user.userId)
      ).values()) {
        ids.add(access.workspaceId);
        ids.add(access.agreementId);
      }
    } catch {
      // No access read model in this process: the caller's own ids still scope.
    }
    this.ids = ids;
  }

  /**
   * Whether the projection applied a fact concerning the caller after `from` up to `to`; answers
   * where it looked up to (the next look starts there).
   */
  async moved(
    handles: readonly string[],
    from: string,
    to: string,
  ): Promise<{ moved: boolean; through: string }> {
    const start = parsePosition(from);
    const end = parsePosition(to);
    if (start === null || end === null) return { moved: false, through: to };
    const page = await this.events.readAll({
      fromPosition: (start + 1n) as GlobalPosition,
      maxCount: SCAN,
      filter: { eventTypes: [...handles] },
    });
    for (const event of page) {
      if (event.position > end) break;
      if (await this.concerns(event)) return { moved: true, through: to };
    }
    const last = page[page.length - 1];
    const through =
      page.length === SCAN && last && last.position < end ? String(last.position) : to;
    return { moved: false, through };
  }

  private async concerns(event: RecordedEvent): Promise<boolean> {
    if (this.names(event)) return true;
    const first = await this.first(event.streamName);
    if (first && this.names(first)) return true;
    const contractId = (first?.data as Record<string, unknown> | undefined)?.contractId;
    const contract =
      typeof contractId === 'string' ? await this.first(`contract-${contractId}`) : undefined;
    return contract !== undefined && this.names(contract);
  }

  private names(event: RecordedEvent): boolean {
    const data = event.data as Record<string, unknown>;
    return SCOPING.some((field) => typeof data[field] === 'string' && this.ids.has(data[field]));
  }

  private first(stream: string): Promise<RecordedEvent | undefined> {
    let first = this.firsts.get(stream);
    if (!first) {
      if (this.firsts.size >= 10_000) this.firsts.clear(); // bounded for a long-lived stream
      first = this.events.readStream(stream, { fromRevision: 0, maxCount: 1 }).then(([e]) => e);
      this.firsts.set(stream, first);
    }
    return first;
  }
}
