import { Inject, Injectable } from '@nestjs/common';
import { ConcurrencyError, Decider, DomainEvent, deterministicId } from '@hub/domain';
import {
  EVENT_STORE,
  EventStore,
  GlobalPosition,
  NO_STREAM,
  NewEvent,
  StreamAppend,
} from '@hub/event-store';
import { AggregateCache, LoadedAggregate } from './aggregate-cache';
import { CommandContext } from './command-context';
import { StreamQueue } from './stream-queue';

/** Current schema version of every event the hub writes. */
export const SCHEMA_VERSION = 1;

export interface Execution<C, E extends DomainEvent, S> {
  stream: string;
  decider: Decider<C, E, S>;
  /** Builds the command from the folded state; called again on every retry. */
  command: (state: S) => C | Promise<C>;
  context: CommandContext;
}

export interface ExecutionResult<E extends DomainEvent, S> {
  events: E[];
  state: S;
  /** Position of the last event appended, or of the stream's last event when nothing was (a no-op). */
  position: GlobalPosition | null;
}

const MAX_ATTEMPTS = 8;

// The executor's inside works on executions of any decider; the public methods keep the types.
type AnyExecution = Execution<unknown, DomainEvent, unknown>;
type AnyResult = ExecutionResult<DomainEvent, unknown>;

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
  execute<C, E extends DomainEvent, S>(
    execution: Execution<C, E, S>,
  ): Promise<ExecutionResult<E, S>> {
    return this.queue.run(execution.stream, async () => {
      const [result] = await this.withRetries([execution as unknown as AnyExecution]);
      return result as unknown as ExecutionResult<E, S>;
    });
  }

  /**
   * Two commands on two streams that must land together (an id's claim and the record that owns
   * it): decided in the order given, so either refusing appends nothing, then appended as one
   * `appendToStreams` in that order (one transaction, one fsync on SQLite).
   */
  executeTogether<C1, E1 extends DomainEvent, S1, C2, E2 extends DomainEvent, S2>(
    first: Execution<C1, E1, S1>,
    second: Execution<C2, E2, S2>,
  ): Promise<[ExecutionResult<E1, S1>, ExecutionResult<E2, S2>]> {
    const executions = [first, second] as unknown as AnyExecution[];
    // Both queues, always taken in name order, so two joint commands cannot wait on each other.
    const [outer, inner] = [first.stream, second.stream].sort();
    return this.queue.run(outer, () =>
      this.queue.run(inner, async () => {
        const results = await this.withRetries(executions);
        return results as unknown as [ExecutionResult<E1, S1>, ExecutionResult<E2, S2>];
      }),
    );
  }

  private async withRetries(executions: AnyExecution[]): Promise<AnyResult[]> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(executions);
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  }

  private async attempt(executions: AnyExecution[]): Promise<AnyResult[]> {
    const decided: { loaded: LoadedAggregate<unknown>; events: DomainEvent[] }[] = [];
    for (const { stream, decider, command } of executions) {
      const loaded = await this.load(stream, decider);
      decided.push({ loaded, events: decider.decide(await command(loaded.state), loaded.state) });
    }
    const parts = executions
      .map(({ stream, context }, i): StreamAppend => {
        const { loaded, events } = decided[i];
        return {
          stream,
          events: events.map((event, index) => this.toNewEvent(event, index, stream, context)),
          expectedRevision: loaded.revision < 0 ? NO_STREAM : loaded.revision,
        };
      })
      .filter((part) => part.events.length > 0);
    const appended = parts.length === 0 ? [] : await this.store.appendToStreams(parts);
    const results: AnyResult[] = [];
    for (const [i, { stream, decider }] of executions.entries()) {
      const { loaded, events } = decided[i];
      if (events.length === 0) {
        results.push({ events, state: loaded.state, position: loaded.position });
        continue;
      }
      const result = appended[parts.findIndex((part) => part.stream === stream)];
      if (result.nextExpectedRevision !== loaded.revision + events.length) {
        // The events were already there (a retried command): the cached fold would count them twice.
        this.cache.forget(stream);
        const reloaded = await this.load(stream, decider);
        results.push({ events, state: reloaded.state, position: result.position });
        continue;
      }
      const state = events.reduce(decider.evolve, loaded.state);
      this.cache.set(stream, {
        state,
        revision: result.nextExpectedRevision,
        position: result.position,
      });
      results.push({ events, state, position: result.position });
    }
    return results;
  }

  private toNewEvent(
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
        schemaVersion: SCHEMA_VERSION,
        correlationId: context.correlationId,
        causationId: context.causationId ?? context.commandId,
        actor: context.actor,
        source: context.source,
        occurredAt: context.occurredAt,
      },
    };
  }
}
