import { Inject, Injectable } from '@nestjs/common';
import { AgreementId, OrgId, WorkspaceId } from '@hub/domain';
import { agreementDecider, agreementStream } from '@hub/domain/agreements/agreement.decider';
import { CaseOpened } from '@hub/domain/cases/case.events';
import { workspaceDecider } from '@hub/domain/workspaces/workspace.decider';
import { workspaceStream } from '@hub/domain/workspaces/workspace.state';
import { EVENT_STORE, EventStore, RecordedEvent } from '@hub/event-store';
import { CommandExecutor } from '../execution/command-executor';
import { CustomerIndex } from '../indexes/customer-index';

/** Whom a notification is for: an e-mail address, and the user id where the hub knows one. */
export interface Recipient {
  email: string;
  userId?: string;
}

/** A GDAP relationship's two sides (a lapsed request concerns only the partner). */
export interface GdapRecipients {
  partner: Recipient[];
  customer: Recipient[];
}

/** Who is told of the clock's facts (domain.md §9's table, "notified"). */
export interface RecipientReads {
  /** The case's primary contact and its workspace's administrators; the partner contact too. */
  caseRecipients(caseStream: string): Promise<Recipient[]>;
  /** The partner admin who asked, and the customer's administrators. */
  gdapRecipients(relationshipId: string): Promise<GdapRecipients>;
  /**
   * Of a contract's or package's stream: the agreement's Customer Administrators and the CSAM
   * (who added it).
   */
  termRecipients(stream: string): Promise<Recipient[]>;
  /** Who recorded a stream's first fact (the agent who opened a read-only session). */
  openerOf(stream: string): Promise<Recipient[]>;
}

/** One entry per address (lower-cased), keeping the user id when any entry had one. */
export function distinctRecipients(recipients: readonly Recipient[]): Recipient[] {
  const byEmail = new Map<string, Recipient>();
  for (const { email, userId } of recipients) {
    if (!email) continue;
    const key = email.toLowerCase();
    const known = byEmail.get(key);
    byEmail.set(key, {
      email: key,
      ...((userId ?? known?.userId) ? { userId: userId ?? known?.userId } : {}),
    });
  }
  return [...byEmail.values()];
}

/**
 * Reads the recipients from the streams that know them (strongly consistent, like a command's
 * context): who opened or asked for something is the actor of its first event.
 */
@Injectable()
export class Recipients implements RecipientReads {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly index: CustomerIndex,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async caseRecipients(caseStream: string): Promise<Recipient[]> {
    const opened = (await this.first(caseStream)) as unknown as (RecordedEvent & CaseOpened) | null;
    if (!opened || opened.type !== 'CaseOpened') return [];
    const { workspaceId, primaryContactUserId, onBehalfOf } = opened.data;
    // A partner's own case has no workspace: its partner contact alone is told.
    const members = workspaceId ? await this.membersOf(workspaceId) : [];
    const contact = members.find((member) => member.userId === primaryContactUserId);
    const admins = members.filter((member) => member.roles.includes('WorkspaceAdministrator'));
    const partner = onBehalfOf ? [{ email: onBehalfOf.partnerContact.email }] : [];
    const openedBy = opened.metadata.actor;
    const contactRecipient = contact
      ? [{ email: contact.email, userId: contact.userId }]
      : openedBy.email && openedBy.userId === primaryContactUserId
        ? [{ email: openedBy.email, userId: openedBy.userId }]
        : [];
    return distinctRecipients([
      ...contactRecipient,
      ...admins.map(({ email, userId }) => ({ email, userId })),
      ...partner,
    ]);
  }

  async gdapRecipients(relationshipId: string): Promise<GdapRecipients> {
    const requested = await this.first(`gdap-${relationshipId}`);
    if (!requested) return { partner: [], customer: [] };
    const { customerOrgId } = requested.data as { customerOrgId: OrgId };
    const asker = requested.metadata.actor;
    const agreements = await this.remember(`agreements:${customerOrgId}`, () =>
      this.index.agreementsOf(customerOrgId),
    );
    const admins = agreements.flatMap((a) =>
      a.status === 'active' ? [{ email: a.activation.serviceAdministrator.email }] : [],
    );
    const partner = asker.email ? [{ email: asker.email, userId: asker.userId }] : [];
    return { partner: distinctRecipients(partner), customer: distinctRecipients(admins) };
  }

  async termRecipients(stream: string): Promise<Recipient[]> {
    const added = await this.first(stream);
    if (!added) return [];
    const { agreementId } = added.data as { agreementId: AgreementId };
    const agreement = await this.remember(
      `agreement:${agreementId}`,
      async () => (await this.executor.load(agreementStream(agreementId), agreementDecider)).state,
    );
    const csam = this.actorOf(added);
    if (agreement.status === 'none') return distinctRecipients(csam);
    const members = await this.membersOf(agreement.defaultWorkspaceId);
    const admins = members.filter((member) =>
      agreement.customerAdministrators.includes(member.userId),
    );
    const serviceAdministrator = { email: agreement.activation.serviceAdministrator.email };
    return distinctRecipients([
      ...admins.map(({ email, userId }) => ({ email, userId })),
      ...(admins.length === 0 ? [serviceAdministrator] : []),
      ...csam,
    ]);
  }

  async openerOf(stream: string): Promise<Recipient[]> {
    const opened = await this.first(stream);
    return opened ? this.actorOf(opened) : [];
  }

  private actorOf(event: RecordedEvent): Recipient[] {
    const { email, userId } = event.metadata.actor;
    return email ? distinctRecipients([{ email, userId }]) : [];
  }

  /**
   * The same reads, each made once for as long as the answer is used: the clock firing a chunk of
   * due times tells many facts of one workspace or agreement at one instant, and reading their
   * people once per chunk instead of once per fact is much of what bounds its firing rate.
   */
  batch(): Recipients {
    const batch = Object.create(this) as Recipients;
    batch.memo = new Map();
    return batch;
  }

  private memo?: Map<string, Promise<unknown>>;

  private remember<T>(key: string, read: () => Promise<T>): Promise<T> {
    if (!this.memo) return read();
    let answer = this.memo.get(key) as Promise<T> | undefined;
    if (!answer) this.memo.set(key, (answer = read()));
    return answer;
  }

  private first(stream: string): Promise<RecordedEvent | null> {
    return this.remember(`first:${stream}`, async () => {
      const [event] = await this.events.readStream(stream, { fromRevision: 0, maxCount: 1 });
      return event ?? null;
    });
  }

  private membersOf(workspaceId: WorkspaceId) {
    return this.remember(`members:${workspaceId}`, async () => {
      const stream = workspaceStream(workspaceId);
      const workspace = (await this.executor.load(stream, workspaceDecider)).state;
      return workspace.status === 'none' ? [] : Object.values(workspace.members);
    });
  }
}
