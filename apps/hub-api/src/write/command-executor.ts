import { Inject, Injectable } from '@nestjs/common';
import { ConcurrencyError, Decider, DomainEvent, deterministicId } from '@hub/domain';
import { EVENT_STORE, EventStore, GlobalPosition, NO_STREAM, NewEvent } from '@hub/event-store';
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
    return this.queue.run(execution.stream, () => this.executeWithRetries(execution));
  }

  private async executeWithRetries<C, E extends DomainEvent, S>(
    execution: Execution<C, E, S>,
  ): Promise<ExecutionResult<E, S>> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(execution);
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  }

  private async attempt<C, E extends DomainEvent, S>({
    stream,
    decider,
    command,
    context,
  }: Execution<C, E, S>): Promise<ExecutionResult<E, S>> {
    const loaded = await this.load(stream, decider);
    const events = decider.decide(await command(loaded.state), loaded.state);
    if (events.length === 0) return { events, state: loaded.state, position: loaded.position };
    const expected = loaded.revision < 0 ? NO_STREAM : loaded.revision;
    const result = await this.store.appendToStream(
      stream,
      events.map((event, index) => this.toNewEvent(event, index, stream, context)),
      expected,
    );
    if (result.nextExpectedRevision !== loaded.revision + events.length) {
      // The events were already there (a retried command): the cached fold would count them twice.
      this.cache.forget(stream);
      const reloaded = await this.load(stream, decider);
      return { events, state: reloaded.state, position: result.position };
    }
    const state = events.reduce(decider.evolve, loaded.state);
    this.cache.set(stream, {
      state,
      revision: result.nextExpectedRevision,
      position: result.position,
    });
    return { events, state, position: result.position };
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
