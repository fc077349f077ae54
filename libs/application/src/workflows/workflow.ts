import {
  ContractId,
  Decider,
  DomainEvent,
  EntitlementId,
  PackageId,
  deterministicId,
} from '@hub/domain';
import { LineBalance } from '@hub/domain/consumption/balance';
import { EventMetadata } from '@hub/event-store';
import { CommandContext } from '../execution/command-context';
import { IndexKind } from '../indexes/stream-index';
import { Notification } from '../notifications/notification';
import { Timer } from '../schedule/timer';
import { RecipientReads } from './recipients';

/**
 * An event as a workflow reads it: recorded (from the log) or just appended (inline, before a
 * command answers). A `switch` on `type` narrows `data`.
 */
export type WorkflowEvent<E extends DomainEvent = DomainEvent> = E extends DomainEvent
  ? { type: E['type']; data: E['data']; metadata: EventMetadata; streamName: string }
  : never;

/**
 * What a fact obliges the hub to do, as data: a command on a stream, an id claimed for the stream
 * that owns it, a stream listed in a cross-aggregate index, a notification to send. Each names
 * its `step`, from which (with the event's id) its command id derives, so doing it twice appends
 * nothing new.
 */
export type Step =
  | {
      kind: 'command';
      step: string;
      stream: string;
      decider: Decider<unknown, DomainEvent, unknown>;
      command: unknown;
    }
  | { kind: 'claim'; step: string; idKind: string; id: string; ownerStream: string }
  | { kind: 'index'; step: string; index: IndexKind; key: string; stream: string }
  | { kind: 'notify'; notification: Notification }
  /** A due time for the durable schedule (overwrites the same key: derived again, same slot). */
  | { kind: 'schedule'; timer: Timer }
  /** Every pending due time of an owner is moot (a response, a termination, a withdrawal). */
  | { kind: 'cancel'; owner: string };

/**
 * A workflow (process manager): a pure reaction `(event, state) → steps`, where `state` is what
 * `read` fetched before reacting (the cross-aggregate reads the reaction needs, like a command's
 * context). The workflow runner feeds it every event of `handles` from its checkpoint; command
 * handlers also complete it inline for the events they append, so an answer comes after its steps.
 */
export interface Workflow<E extends DomainEvent = DomainEvent, S = undefined> {
  name: string;
  handles: readonly E['type'][];
  /**
   * Puts due times on the schedule (or cancels them): replayed from the log by the schedule's
   * catch-up when the schedule was never derived or was lost (ScheduleBackfill).
   */
  schedules?: true;
  read?(event: WorkflowEvent<E>, reads: WorkflowReads): Promise<S>;
  react(event: WorkflowEvent<E>, state: S): Step[];
}

/** A consumable entitlement line: a contract's, or a package's on that contract. */
export interface BalanceLineRef {
  contractId: ContractId;
  packageId?: PackageId;
  entitlementId: EntitlementId;
}

/** A line's quantity, what the ledger counts consumed of it, and the shares recorded. */
export interface LineBalanceRead extends LineBalance {
  total: number;
}

/** The cross-aggregate reads workflows may make before reacting (strongly consistent). */
export interface WorkflowReads extends RecipientReads {
  /** The line's balance as the ledger stands (null: no such line). */
  lineBalance(line: BalanceLineRef): Promise<LineBalanceRead | null>;
  /** The agreement a workspace belongs to (null: no such workspace). */
  agreementOfWorkspace(workspaceStream: string): Promise<string | null>;
  /** The Service Administrators' addresses on the customer org's active agreements. */
  approversOf(orgId: string): Promise<string[]>;
}

/** A command step, typed by its decider (the runner keeps them in one list). */
export function commandStep<C, E extends DomainEvent, S>(
  step: string,
  stream: string,
  decider: Decider<C, E, S>,
  command: C,
): Step {
  return { kind: 'command', step, stream, decider, command };
}

/** The context of a step: its id derives from the step and the event, the hub acts, the event caused it. */
export function stepContext(event: WorkflowEvent, step: string): CommandContext {
  return {
    commandId: deterministicId('follow-up', step, event.metadata.eventId),
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.eventId,
    actor: { service: 'hub' },
    source: event.metadata.source,
    occurredAt: event.metadata.occurredAt,
  };
}
