import {
  AppendResult,
  EventStore,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { PersonalDataCodec } from './personal-data-codec';

/**
 * The EventStore port with crypto-shredding at its boundary: personal fields are sealed per
 * subject before they reach the engine and opened on every read, so the engine (and its file)
 * holds no name, address or phone number in plain text, and the engine's hash chain covers
 * the sealed text. Deciders and projections see plain data and need no change.
 */
export class PersonalDataEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly codec: PersonalDataCodec,
  ) {}

  appendToStream(
    stream: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    return this.inner.appendToStream(stream, this.sealAll(events), expectedRevision);
  }

  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.inner.appendToStreams(
      appends.map((part) => ({ ...part, events: this.sealAll(part.events) })),
    );
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.openAll(await this.inner.readStream(stream, options));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.openAll(await this.inner.readAll(options));
  }

  subscribeToAll(options?: SubscribeOptions): Subscription {
    const inner = this.inner.subscribeToAll(options);
    const codec = this.codec;
    return {
      close: () => inner.close(),
      async *[Symbol.asyncIterator]() {
        for await (const event of inner) yield codec.open(event);
      },
    };
  }

  headPosition(): Promise<GlobalPosition | null> {
    return this.inner.headPosition();
  }

  ping(): Promise<boolean> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private sealAll(events: readonly NewEvent[]): NewEvent[] {
    return events.map((event) => this.codec.seal(event));
  }

  private openAll(events: RecordedEvent[]): RecordedEvent[] {
    return events.map((event) =>
      this.codec.carriesPersonalData(event.type) ? this.codec.open(event) : event,
    );
  }
}
