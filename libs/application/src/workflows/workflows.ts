import { Inject, Injectable, Optional } from '@nestjs/common';
import { DomainEvent, OrgId } from '@hub/domain';
import { workspaceDecider } from '@hub/domain/workspaces/workspace.decider';
import { lineBalanceOf } from '@hub/domain/consumption/balance';
import { consumptionDecider, ledgerStream } from '@hub/domain/consumption/consumption.decider';
import { contractDecider, contractStream } from '@hub/domain/contracts/contract.decider';
import { packageDecider, packageStream } from '@hub/domain/packages/package.decider';
import { GlobalPosition, NewEvent, SubjectKeyStore } from '@hub/event-store';
import { CommandExecutor } from '../execution/command-executor';
import { CustomerIndex } from '../indexes/customer-index';
import { IdClaims } from '../indexes/id-claims';
import { INDEX_KINDS, StreamIndex } from '../indexes/stream-index';
import { NotificationOutbox } from '../notifications/notification-outbox';
import { Schedule } from '../schedule/schedule';
import { GdapRecipients, Recipient, Recipients } from './recipients';
import {
  BalanceLineRef,
  LineBalanceRead,
  Step,
  Workflow,
  WorkflowEvent,
  WorkflowReads,
  stepContext,
} from './workflow';

/** Every workflow of the hub (workflows.list.ts), injected so tests may run a subset. */
export const WORKFLOWS = Symbol('Workflows');

/** What doing one step left behind: where it stands, and the events it appended (to react to). */
interface Done {
  position: GlobalPosition | null;
  appended: WorkflowEvent[];
}

/**
 * Runs workflows: reads what a reaction needs, asks it for its steps, and does them (commands
 * through the executor, claims, index entries, notifications to the outbox). Every step derives
 * its ids from the event, so reacting to an event again (a restart, the runner after an inline
 * completion) appends and enqueues nothing new.
 */
@Injectable()
export class Workflows implements WorkflowReads {
  constructor(
    @Inject(WORKFLOWS) private readonly workflows: readonly Workflow<DomainEvent, unknown>[],
    private readonly executor: CommandExecutor,
    private readonly ids: IdClaims,
    private readonly index: CustomerIndex,
    private readonly schedule: Schedule,
    private readonly recipients: Recipients,
    private readonly keys: SubjectKeyStore,
    @Optional() private readonly outbox?: NotificationOutbox,
  ) {}

  /** The workflows that put due times on the schedule (the schedule's catch-up replays them). */
  get scheduling(): readonly Workflow<DomainEvent, unknown>[] {
    return this.workflows.filter((workflow) => workflow.schedules);
  }

  /** Event types some workflow reacts to (the runner's filter). */
  get handles(): string[] {
    return [...new Set(this.workflows.flatMap((workflow) => workflow.handles))];
  }

  /**
   * Completes what one event obliges: every workflow's steps for it. Answers the position of the
   * last event appended, and the events appended (for `complete` to react to in turn).
   */
  async react(event: WorkflowEvent, reads: WorkflowReads = this): Promise<Done> {
    let position: GlobalPosition | null = null;
    const appended: WorkflowEvent[] = [];
    for (const workflow of this.workflows) {
      if (!(workflow.handles as readonly string[]).includes(event.type)) continue;
      const state = workflow.read ? await workflow.read(event, reads) : undefined;
      for (const step of workflow.react(event, state)) {
        const done = await this.perform(step, event);
        position = done.position ?? position;
        appended.push(...done.appended);
      }
    }
    return { position, appended };
  }

  /**
   * Completes, before a command answers, what its events oblige and what those steps' own events
   * oblige in turn (a default workspace's invitations are claimed before the agreement's answer).
   * The runner would do the same from the log; doing it here first only makes it visible sooner.
   */
  async complete(
    stream: string,
    events: readonly NewEvent[],
    reads: WorkflowReads = this,
  ): Promise<GlobalPosition | null> {
    let last: GlobalPosition | null = null;
    const pending: WorkflowEvent[] = events.map(
      (event) => ({ ...event, streamName: stream }) as WorkflowEvent,
    );
    while (pending.length > 0) {
      const done = await this.react(pending.shift()!, reads);
      last = done.position ?? last;
      pending.push(...done.appended);
    }
    return last;
  }

  private async perform(step: Step, event: WorkflowEvent): Promise<Done> {
    switch (step.kind) {
      case 'command': {
        const result = await this.executor.execute({
          stream: step.stream,
          decider: step.decider,
          context: stepContext(event, step.step),
          command: () => step.command,
        });
        const appended = result.appended.map(
          (recorded) => ({ ...recorded, streamName: result.stream }) as WorkflowEvent,
        );
        return { position: result.position, appended };
      }
      case 'claim': {
        const context = stepContext(event, step.step);
        const position = await this.ids.claim(step.idKind, step.id, step.ownerStream, context);
        return { position, appended: [] };
      }
      case 'index': {
        const entries = new StreamIndex(this.executor, step.index);
        // An address is never a stream name: the e-mail index is keyed by its keyed hash.
        const key =
          step.index === INDEX_KINDS.userEmails ? this.keys.addressKey(step.key) : step.key;
        const position = await entries.add(key, step.stream, stepContext(event, step.step));
        return { position, appended: [] };
      }
      case 'notify':
        await this.outbox?.enqueue(step.notification);
        return { position: null, appended: [] };
      case 'schedule':
        await this.schedule.put(step.timer);
        return { position: null, appended: [] };
      case 'cancel':
        await this.schedule.cancel(step.owner);
        return { position: null, appended: [] };
    }
  }

  /**
   * The reads of a batch of completions at one instant (the clock's chunk): who is told is read
   * once per case, workspace or agreement of the batch.
   */
  batchReads(): WorkflowReads {
    const recipients = this.recipients.batch();
    return {
      caseRecipients: (stream) => recipients.caseRecipients(stream),
      gdapRecipients: (id) => recipients.gdapRecipients(id),
      termRecipients: (stream) => recipients.termRecipients(stream),
      openerOf: (stream) => recipients.openerOf(stream),
      lineBalance: (line) => this.lineBalance(line),
      agreementOfWorkspace: (stream) => this.agreementOfWorkspace(stream),
      approversOf: (orgId) => this.approversOf(orgId),
    };
  }

  caseRecipients(caseStream: string): Promise<Recipient[]> {
    return this.recipients.caseRecipients(caseStream);
  }

  gdapRecipients(relationshipId: string): Promise<GdapRecipients> {
    return this.recipients.gdapRecipients(relationshipId);
  }

  termRecipients(stream: string): Promise<Recipient[]> {
    return this.recipients.termRecipients(stream);
  }

  openerOf(stream: string): Promise<Recipient[]> {
    return this.recipients.openerOf(stream);
  }

  async lineBalance(line: BalanceLineRef): Promise<LineBalanceRead | null> {
    const { contractId, packageId, entitlementId } = line;
    const owner = packageId
      ? await this.executor.load(packageStream(packageId), packageDecider)
      : await this.executor.load(contractStream(contractId), contractDecider);
    if (owner.state.status === 'none') return null;
    const ledger = await this.executor.load(ledgerStream(contractId), consumptionDecider);
    return lineBalanceOf(owner.state.entitlements, ledger.state, packageId, entitlementId);
  }

  async agreementOfWorkspace(workspaceStream: string): Promise<string | null> {
    const workspace = await this.executor.load(workspaceStream, workspaceDecider);
    return workspace.state.status === 'none' ? null : workspace.state.agreementId;
  }

  async approversOf(orgId: string): Promise<string[]> {
    const agreements = await this.index.agreementsOf(orgId as OrgId);
    const emails = agreements.flatMap((a) =>
      a.status === 'active' ? [a.activation.serviceAdministrator.email] : [],
    );
    return [...new Set(emails.map((email) => email.toLowerCase()))];
  }
}
