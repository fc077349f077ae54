import {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadStreamOptions,
  RecordedEvent,
} from '../event-store.port';

/** What a call answers once the process "died": nothing after it reaches the store. */
export class ProcessDiedError extends Error {
  constructor() {
    super('the process died (fault injected between appends)');
    this.name = 'ProcessDiedError';
  }
}

/**
 * A fault-injecting store for crash tests: lets `appendsBeforeDeath` appends through to the
 * real store, then dies: that append and every later call fail without reaching the store, as
 * a process killed between two appends would leave it.
 */
export class DyingEventStore implements Pick<EventStore, 'appendToStream' | 'readStream'> {
  private appends = 0;

  constructor(
    private readonly store: EventStore,
    private readonly appendsBeforeDeath: number,
  ) {}

  get dead(): boolean {
    return this.appends >= this.appendsBeforeDeath;
  }

  async appendToStream(
    stream: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    if (this.dead) throw new ProcessDiedError();
    this.appends += 1;
    return this.store.appendToStream(stream, events, expectedRevision);
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    if (this.dead) throw new ProcessDiedError();
    return this.store.readStream(stream, options);
  }
}
