import { EventStore, GlobalPosition, RecordedEvent } from '@hub/event-store';

/** Fields that name what an event is about; an event naming an id the organisation owns is its. */
const OWNED_ID_FIELDS = [
  'agreementId',
  'defaultWorkspaceId',
  'workspaceId',
  'contractId',
  'packageId',
  'caseId',
  'consumptionId',
  'subscriptionId',
  'relationshipId',
  'sessionId',
  'invitationId',
] as const;

const PAGE = 1000;

/**
 * What of the log belongs to one customer organisation, for its own Auditor (api.md "Auth,
 * production"). Read in order from the start, an event is the organisation's when it names the
 * organisation (`orgId`, `customerOrgId`, `customer.orgId`), an id it owns, or lies on a stream
 * it owns; the ids such an event names become the organisation's, and so does its stream.
 * Agreements lead to their workspaces and contracts, those to packages, cases and consumption.
 */
export class OrgHistory {
  private readonly ids = new Set<string>();
  private readonly streams = new Set<string>();
  readonly workspaces = new Set<string>();
  readonly agreements = new Map<string, string>();

  constructor(readonly orgId: string) {}

  /** Folds one event (in log order); answers whether it is the organisation's. */
  admit(event: RecordedEvent): boolean {
    const data = (event.data ?? {}) as Record<string, unknown>;
    const customer = data.customer as { orgId?: unknown } | undefined;
    const names = [data.orgId, data.customerOrgId, customer?.orgId].includes(this.orgId);
    const owned =
      names ||
      this.streams.has(event.streamName) ||
      OWNED_ID_FIELDS.some((field) => typeof data[field] === 'string' && this.ids.has(data[field]));
    if (!owned) return false;
    this.streams.add(event.streamName);
    for (const field of OWNED_ID_FIELDS) {
      const id = data[field];
      if (typeof id !== 'string') continue;
      this.ids.add(id);
      if (field === 'workspaceId' || field === 'defaultWorkspaceId') {
        this.workspaces.add(id);
        if (typeof data.agreementId === 'string') this.agreements.set(id, data.agreementId);
      }
    }
    return true;
  }

  ownsStream(stream: string): boolean {
    return this.streams.has(stream);
  }

  /** Folds the log from the start up to `until` (inclusive; the head when not given). */
  static async read(
    events: EventStore,
    orgId: string,
    onEvent: (event: RecordedEvent, admitted: boolean) => boolean | void = () => {},
    until?: GlobalPosition,
  ): Promise<OrgHistory> {
    const history = new OrgHistory(orgId);
    let from: GlobalPosition | undefined;
    for (;;) {
      const page = await events.readAll({ fromPosition: from, maxCount: PAGE });
      for (const event of page) {
        if (until !== undefined && event.position > until) return history;
        if (onEvent(event, history.admit(event)) === false) return history;
      }
      if (page.length < PAGE) return history;
      from = (page[page.length - 1].position + 1n) as GlobalPosition;
    }
  }
}
