import { Inject, Injectable } from '@nestjs/common';
import { ConcurrencyError, Decider, DomainEvent } from '@hub/domain';
import {
  AppendResult,
  EVENT_STORE,
  EventStore,
  GlobalPosition,
  NO_STREAM,
  StreamAppend,
} from '@hub/event-store';
import { AggregateCache, LoadedAggregate } from './aggregate-cache';
import { AnyResult, Execution, ExecutionResult, ExecutionUnit, UnitOutcome } from './execution';
import { StreamQueue } from './stream-queue';
import { DecidedExecution, StreamWork, decideUnits, partOrder } from './unit-decisions';
import { landedResults } from './landed-commands';

export type { Execution, ExecutionResult, ExecutionUnit, UnitOutcome } from './execution';
export { SCHEMA_VERSION } from './execution';

const MAX_ATTEMPTS = 8;

/** Where each stream of a call stands after its append; `reloaded` when it was read again. */
type Settled = Map<string, { position: GlobalPosition | null; reloaded?: { state: unknown } }>;

/**
 * The write path every command handler uses: read → fold → decide → append with the
 * expected revision it read. A concurrent writer makes the append fail; the executor
 * retries a bounded number of times, then lets the `ConcurrencyError` through (409).
 */
@Injectable()
export class CommandExecutor {
  private readonly cache = new AggregateCache();
  private readonly queue = new StreamQueue();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load<S>(
    stream: string,
    decider: Pick<Decider<unknown, DomainEvent, S>, 'initialState' | 'evolve'>,
  ): Promise<LoadedAggregate<S>> {
    const cached = this.cache.get<S>(stream);
    let { state, revision, position } = cached ?? {
      state: decider.initialState,
      revision: -1,
      position: null,
    };
    const recorded = await this.store.readStream(stream, { fromRevision: revision + 1 });
    for (const event of recorded) {
      state = decider.evolve(state, event as unknown as DomainEvent);
      revision = event.revision;
      position = event.position;
    }
    const loaded = { state, revision, position };
    this.cache.set(stream, loaded);
    return loaded;
  }

  /**
   * Commands on one stream run one at a time in this process (each reads what the previous one
   * appended), so only writers in other processes can conflict; those are retried.
   */
  async execute<C, E extends DomainEvent, S>(
    execution: Execution<C, E, S>,
  ): Promise<ExecutionResult<E, S>> {
    const [result] = await this.executeUnit([execution]);
    return result as unknown as ExecutionResult<E, S>;
  }

  /**
   * Two commands on two streams that must land together (an id's claim and the record that owns
   * it): decided in the order given, so either refusing appends nothing, then appended as one
   * `appendToStreams` in that order (one transaction, one fsync on SQLite).
   */
  async executeTogether<C1, E1 extends DomainEvent, S1, C2, E2 extends DomainEvent, S2>(
    first: Execution<C1, E1, S1>,
    second: Execution<C2, E2, S2>,
  ): Promise<[ExecutionResult<E1, S1>, ExecutionResult<E2, S2>]> {
    const results = await this.executeUnit([first, second]);
    return results as unknown as [ExecutionResult<E1, S1>, ExecutionResult<E2, S2>];
  }

  /**
   * Units that each land whole or not at all, decided in order (a later unit on a stream decides
   * on what the earlier ones decided), then appended with ONE `appendToStreams` (one transaction,
   * one fsync on SQLite). Answers per unit its results, or the 4xx `HubError` that refused it (it
   * records nothing; the others still land). Anything else, after the retries a concurrent
   * writer earns, fails the whole call. Every stream is held for the call, in name order.
   */
  executeUnits(units: readonly ExecutionUnit[]): Promise<UnitOutcome[]> {
    if (units.length === 0) return Promise.resolve([]);
    const streams = units.flatMap((unit) => unit.map(({ stream }) => stream));
    return this.queue.runAll(streams, () => this.withRetries(() => this.attempt(units)));
  }

  private async executeUnit(unit: ExecutionUnit): Promise<AnyResult[]> {
    const [outcome] = await this.executeUnits([unit]);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  private async withRetries<T>(attempt: () => Promise<T>): Promise<T> {
    for (let tries = 1; ; tries += 1) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || tries >= MAX_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * tries));
      }
    }
  }

  private async attempt(units: readonly ExecutionUnit[]): Promise<UnitOutcome[]> {
    const works = await this.loadAll(units);
    const decided = await decideUnits(units, works);
    const parts = partOrder(units)
      .map((stream): StreamAppend => {
        const { loaded, pending } = works.get(stream)!;
        const expectedRevision = loaded.revision < 0 ? NO_STREAM : loaded.revision;
        return { stream, events: pending, expectedRevision };
      })
      .filter((part) => part.events.length > 0);
    const appended = parts.length === 0 ? [] : await this.store.appendToStreams(parts);
    const settled = await this.settle(works, parts, appended);
    return Promise.all(
      decided.map(async (outcome, i) =>
        outcome instanceof Error
          ? ((await landedResults(units[i], this.store)) ?? outcome)
          : outcome.map((execution) => resultOf(execution, settled)),
      ),
    );
  }

  /** Every stream of the call, loaded once (from the cache, caught up), in first appearance. */
  private async loadAll(units: readonly ExecutionUnit[]): Promise<Map<string, StreamWork>> {
    const works = new Map<string, StreamWork>();
    for (const { stream, decider } of units.flat()) {
      if (works.has(stream)) continue;
      const loaded = await this.load(stream, decider);
      works.set(stream, {
        decider,
        loaded,
        state: loaded.state,
        pending: [],
        pendingIds: new Set(),
      });
    }
    return works;
  }

  /** Caches each stream as appended, and says where each stands for the results. */
  private async settle(
    works: Map<string, StreamWork>,
    parts: StreamAppend[],
    appended: AppendResult[],
  ): Promise<Settled> {
    const settled: Settled = new Map();
    for (const [stream, { loaded }] of works) settled.set(stream, { position: loaded.position });
    for (const [i, { stream }] of parts.entries()) {
      const { loaded, state, pending } = works.get(stream)!;
      const { nextExpectedRevision: revision, position } = appended[i];
      if (revision === loaded.revision + pending.length) {
        this.cache.set(stream, { state, revision, position });
        settled.set(stream, { position });
        continue;
      }
      // The events were already there (a retried command): the working state would count them
      // twice, so the stream is read again as it stands.
      this.cache.forget(stream);
      const reloaded = await this.load(stream, works.get(stream)!.decider);
      settled.set(stream, { position, reloaded: { state: reloaded.state } });
    }
    return settled;
  }
}

function resultOf(execution: DecidedExecution, settled: Settled): AnyResult {
  const { position, reloaded } = settled.get(execution.stream)!;
  const { events, stream, appended } = execution;
  return { events, stream, appended, state: reloaded ? reloaded.state : execution.state, position };
}
