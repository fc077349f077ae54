import { DomainEvent, HubError, deterministicId, schemaVersionOf } from '@hub/domain';
import { NewEvent } from '@hub/event-store';
import { LoadedAggregate } from './aggregate-cache';
import { CommandContext } from './command-context';
import { AnyExecution, ExecutionUnit } from './execution';
import { isRefusal } from '@hub/domain';

/** One stream of a call: as it was loaded, and as the units accepted so far left it. */
export interface StreamWork {
  /** The stream's decider (one per stream), to fold it again. */
  decider: AnyExecution['decider'];
  loaded: LoadedAggregate<unknown>;
  state: unknown;
  /** Events of the accepted units, in unit order: the stream's part of the one append. */
  pending: NewEvent[];
  pendingIds: Set<string>;
}

/** What one execution of an accepted unit decided, and the stream's state after its unit. */
export interface DecidedExecution {
  stream: string;
  events: DomainEvent[];
  /** The events as the call appends them (with their ids), for reactions that complete them. */
  appended: NewEvent[];
  state: unknown;
}

/** A unit's executions decided on copies of the working states, not yet accepted. */
type Draft = Map<string, { state: unknown; pending: NewEvent[]; pendingIds: Set<string> }>;

/**
 * Decides the units in order, each on the state the accepted units before it left. A unit that
 * a 4xx `HubError` refuses leaves the working states as they were and answers that error; any
 * other error fails the whole call.
 */
export async function decideUnits(
  units: readonly ExecutionUnit[],
  works: Map<string, StreamWork>,
): Promise<(DecidedExecution[] | HubError)[]> {
  const outcomes: (DecidedExecution[] | HubError)[] = [];
  for (const unit of units) {
    const draft: Draft = new Map();
    try {
      const decided: Omit<DecidedExecution, 'state'>[] = [];
      for (const execution of unit) decided.push(await decide(execution, works, draft));
      accept(draft, works);
      outcomes.push(decided.map((d) => ({ ...d, state: works.get(d.stream)!.state })));
    } catch (error) {
      if (!isRefusal(error)) throw error;
      outcomes.push(error);
    }
  }
  return outcomes;
}

async function decide(
  execution: AnyExecution,
  works: Map<string, StreamWork>,
  draft: Draft,
): Promise<Omit<DecidedExecution, 'state'>> {
  const { stream, decider, context } = execution;
  const work = works.get(stream)!;
  const copy = draft.get(stream) ?? { state: work.state, pending: [], pendingIds: new Set() };
  const read = execution.read ? await execution.read(copy.state) : undefined;
  const events = decider.decide(await execution.command(copy.state, read), copy.state);
  const appended: NewEvent[] = [];
  for (const [index, event] of events.entries()) {
    const recorded = toNewEvent(event, index, stream, context);
    const id = recorded.metadata.eventId;
    appended.push(recorded);
    // The same command decided again (a message twice in one call) derives the same ids; like the
    // store, the call records them once, so the state counts them once.
    if (work.pendingIds.has(id) || copy.pendingIds.has(id)) continue;
    copy.pending.push(recorded);
    copy.pendingIds.add(id);
    copy.state = decider.evolve(copy.state, event);
  }
  draft.set(stream, copy);
  return { stream, events, appended };
}

function accept(draft: Draft, works: Map<string, StreamWork>): void {
  for (const [stream, copy] of draft) {
    const work = works.get(stream)!;
    work.state = copy.state;
    work.pending.push(...copy.pending);
    for (const id of copy.pendingIds) work.pendingIds.add(id);
  }
}

/**
 * The order of the append's parts: a stream comes after every stream listed before it in any
 * unit (an id's claim before the ledger that owns it, so an engine that appends part after part
 * never shows a record whose id is not claimed yet), otherwise in order of first appearance. When
 * units disagree (a cycle), first appearance breaks it.
 */
export function partOrder(units: readonly ExecutionUnit[]): string[] {
  const before = new Map<string, Set<string>>();
  for (const unit of units) {
    unit.forEach(({ stream }, i) => {
      const earlier = before.get(stream) ?? new Set<string>();
      for (const { stream: other } of unit.slice(0, i)) if (other !== stream) earlier.add(other);
      before.set(stream, earlier);
    });
  }
  const streams = [...before.keys()];
  const placed = new Set<string>();
  const ready = (stream: string) => {
    if (placed.has(stream)) return false;
    for (const other of before.get(stream)!) if (!placed.has(other)) return false;
    return true;
  };
  while (placed.size < streams.length) {
    placed.add(streams.find(ready) ?? streams.find((stream) => !placed.has(stream))!);
  }
  return [...placed];
}

/** Event ids derive from the command id, so a retried or redelivered command derives the same. */
function toNewEvent(
  event: DomainEvent,
  index: number,
  stream: string,
  context: CommandContext,
): NewEvent {
  return {
    type: event.type,
    data: event.data,
    metadata: {
      eventId: deterministicId(context.commandId, stream, String(index)),
      schemaVersion: schemaVersionOf(event.type),
      correlationId: context.correlationId,
      causationId: context.causationId ?? context.commandId,
      actor: context.actor,
      source: context.source,
      occurredAt: context.occurredAt,
    },
  };
}
