import {
  EventMetadata,
  EventStore,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeOptions,
} from '../event-store.port';
import { PersonalDataCodec } from './personal-data-codec';
import { DelegatingEventStore } from '../delegating-event-store';

/**
 * The EventStore port with crypto-shredding at its boundary: personal fields are sealed per
 * subject before they reach the engine and opened on every read, so the engine (and its file)
 * holds no name, address or phone number in plain text, and the engine's hash chain covers
 * the sealed text. Deciders and projections see plain data and need no change.
 */
export class PersonalDataEventStore extends DelegatingEventStore {
  constructor(
    inner: EventStore,
    private readonly codec: PersonalDataCodec,
  ) {
    super(inner);
  }

  override appendToStream(stream: string, events: readonly NewEvent[], expected: ExpectedRevision) {
    return this.inner.appendToStream(stream, this.sealAll(events), expected);
  }

  override appendToStreams(appends: readonly StreamAppend[]) {
    return this.inner.appendToStreams(
      appends.map((part) => ({ ...part, events: this.sealAll(part.events) })),
    );
  }

  override async readStream(stream: string, options?: ReadStreamOptions) {
    return (await this.inner.readStream(stream, options)).map((event) => this.opened(event));
  }

  override async readAll(options?: ReadAllOptions) {
    const events = await this.inner.readAll(options);
    return options?.deferMetadata
      ? events.map((event): RecordedEvent => new OpenedEvent(event, this.codec))
      : events.map((event) => this.opened(event));
  }

  override subscribeToAll(options?: SubscribeOptions): ReturnType<EventStore['subscribeToAll']> {
    const inner = this.inner.subscribeToAll(options);
    const codec = this.codec;
    return {
      close: () => inner.close(),
      async *[Symbol.asyncIterator]() {
        for await (const event of inner) yield new OpenedEvent(event, codec);
      },
    };
  }

  private sealAll(events: readonly NewEvent[]): NewEvent[] {
    return events.map((event) => this.codec.seal(event));
  }

  /**
   * An event whose metadata is parsed already, opened at once: as it is stored when nothing in
   * it is sealed (most events: no copy at all), else a copy with data and metadata opened.
   * Building a lazy `OpenedEvent` for every event had made the write side's reads about a
   * third slower.
   */
  private opened(stored: RecordedEvent): RecordedEvent {
    const metadata = this.codec.openMetadata(stored.metadata);
    if (!this.codec.carriesPersonalData(stored.type) && metadata === stored.metadata) return stored;
    return { ...stored, data: this.codec.openData(stored.type, stored.data), metadata };
  }
}

/**
 * An event as read through the codec. Its metadata (the actor's address) is opened when first
 * read, so bulk readers that never read metadata (projections, with `deferMetadata`) pay
 * neither its parse nor its decryption. `metadata` is an own enumerable accessor, so a spread
 * of the event (`{ ...event }`, as the write side does) still carries it.
 */
class OpenedEvent implements RecordedEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly streamName: string;
  readonly revision: number;
  readonly position: GlobalPosition;
  readonly recordedAt: string;
  declare readonly metadata: EventMetadata;

  constructor(stored: RecordedEvent, codec: PersonalDataCodec) {
    this.type = stored.type;
    this.data = codec.openData(stored.type, stored.data);
    this.streamName = stored.streamName;
    this.revision = stored.revision;
    this.position = stored.position;
    this.recordedAt = stored.recordedAt;
    let opened: EventMetadata | undefined;
    Object.defineProperty(this, 'metadata', {
      enumerable: true,
      get: () => (opened ??= codec.openMetadata(stored.metadata)),
    });
  }
}
