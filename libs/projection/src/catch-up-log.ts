import { EventStore, GlobalPosition, RecordedEvent } from '@hub/event-store';

/** What a catch-up reads next: its events after a position, and how far the log was looked at. */
export interface CatchUpPage {
  /** The reader's events after the position asked for, in log order. */
  events: RecordedEvent[];
  /** Every event up to here was looked at (null: the log is empty). */
  through: GlobalPosition | null;
  /** The page reached the head of the log as it stood when the page was read. */
  atHead: boolean;
  /** Another reader has read past this page: this one is behind the others. */
  behind: boolean;
  /** The head of the log as the page was read (at or after `through`; null: the log is empty). */
  head: GlobalPosition | null;
}

/** A stretch of the log read once: every event of the log's types in (after, through]. */
interface Chunk {
  after: GlobalPosition | null;
  through: GlobalPosition | null;
  events: RecordedEvent[];
  /** The read reached the head (such a chunk is never kept). */
  atHead: boolean;
  /** The head as the chunk was read. */
  head: GlobalPosition | null;
}

/** A full page, kept for the readers that come after: it always ends at an event. */
type KeptChunk = Chunk & { through: GlobalPosition };

/**
 * Reads the log once for every projection catching up. Each projection would otherwise read
 * and parse the whole log itself: six projections over a 1M-event log read 1.64M events with
 * as many scans of the table, where one pass over the union of their types reads 1M.
 *
 * A full page read from the store is kept as a chunk (events are facts: a stretch of the log
 * never changes once read) until every open reader has passed it, or until the cache holds
 * `maxChunks` chunks (the one furthest behind goes first; a reader that far behind reads for
 * itself).
 * A page that reached the head is never kept: a later reader would take it for the head of
 * its own time, and miss what was appended since.
 */
export class CatchUpLog {
  private readonly chunks: KeptChunk[] = [];
  private readonly reading = new Map<string, Promise<Chunk>>();
  private readonly readers = new Set<CatchUpReader>();
  private readonly eventTypes: ReadonlySet<string>;
  /** The furthest position a full page was read to. */
  private frontier: GlobalPosition | null = null;

  constructor(
    private readonly eventStore: EventStore,
    eventTypes: Iterable<string>,
    private readonly pageSize: number,
    private readonly maxChunks = 64,
  ) {
    this.eventTypes = new Set(eventTypes);
  }

  /** A reader of the events of `types` (a subset of the log's); close it when done. */
  reader(types: readonly string[]): CatchUpReader {
    const unknown = types.filter((type) => !this.eventTypes.has(type));
    if (unknown.length > 0) throw new Error(`the catch-up log does not read ${unknown.join(', ')}`);
    const reader = new CatchUpReader(this, new Set(types));
    this.readers.add(reader);
    return reader;
  }

  /** How many chunks are kept (for tests and diagnostics). */
  get cachedChunks(): number {
    return this.chunks.length;
  }

  /** @internal The page after `after`, cut to `types`. */
  async pageAfter(after: GlobalPosition | null, types: ReadonlySet<string>): Promise<CatchUpPage> {
    this.evictPassed();
    const chunk = this.chunks.find((kept) => covers(kept, after)) ?? (await this.read(after));
    return {
      behind: chunk.through !== null && this.frontier !== null && chunk.through < this.frontier,
      events: chunk.events.filter(
        (event) => types.has(event.type) && (after === null || event.position > after),
      ),
      through: chunk.through,
      atHead: chunk.atHead,
      head: chunk.head,
    };
  }

  /** @internal */
  close(reader: CatchUpReader): void {
    this.readers.delete(reader);
    this.evictPassed();
  }

  /** Reads the page after `after` once, however many readers ask for it meanwhile. */
  private read(after: GlobalPosition | null): Promise<Chunk> {
    const key = after === null ? '' : after.toString();
    let pending = this.reading.get(key);
    if (!pending) {
      pending = this.readFromStore(after).finally(() => this.reading.delete(key));
      this.reading.set(key, pending);
    }
    return pending;
  }

  private async readFromStore(after: GlobalPosition | null): Promise<Chunk> {
    // Head first: every event up to it is in a page that comes back short.
    const head = await this.eventStore.headPosition();
    // fromPosition is inclusive: one more than a page, so the event at `after` does not shorten it.
    const maxCount = this.pageSize + 1;
    const read = await this.eventStore.readAll({
      fromPosition: after ?? undefined,
      maxCount,
      filter: { eventTypes: [...this.eventTypes] },
      deferMetadata: true,
    });
    const events = read.filter((event) => after === null || event.position > after);
    if (events.length > this.pageSize) events.length = this.pageSize;
    const last = events.length > 0 ? events[events.length - 1].position : after;
    // Appends between the two reads can put the last event read past the head read first.
    const through = head !== null && (last === null || head > last) ? head : last;
    if (read.length === maxCount && last !== null) {
      const chunk = { after, through: last, events, atHead: false, head: through };
      this.keep(chunk);
      return chunk;
    }
    return { after, through, events, atHead: true, head: through };
  }

  /** Keeps a full chunk, in log order; past `maxChunks`, the one furthest behind goes. */
  private keep(chunk: KeptChunk): void {
    if (this.frontier === null || chunk.through > this.frontier) this.frontier = chunk.through;
    let at = this.chunks.length;
    while (at > 0 && this.chunks[at - 1].through > chunk.through) at -= 1;
    this.chunks.splice(at, 0, chunk);
    if (this.chunks.length > this.maxChunks) this.chunks.shift();
  }

  /** Drops the chunks every open reader has read past (all of them when none is open). */
  private evictPassed(): void {
    if (this.readers.size === 0) this.chunks.length = 0;
    let slowest: GlobalPosition | null | undefined;
    for (const reader of this.readers) {
      const at = reader.position;
      if (at === null) return;
      if (at !== undefined && (slowest === undefined || (slowest !== null && at < slowest)))
        slowest = at;
    }
    if (slowest === undefined || slowest === null) return;
    for (let i = this.chunks.length - 1; i >= 0; i -= 1)
      if (this.chunks[i].through <= slowest) this.chunks.splice(i, 1);
  }
}

/** How long a reader behind the others may read on before it lets the event loop turn. */
const BEHIND_SLICE_MS = 20;

/** One projection's reading of a `CatchUpLog`. */
export class CatchUpReader {
  /** The position of the last page asked for (undefined before the first). */
  position: GlobalPosition | null | undefined;
  private sliceStarted = performance.now();

  constructor(
    private readonly log: CatchUpLog,
    private readonly types: ReadonlySet<string>,
  ) {}

  /** The reader's events after `after`: one page of the log's types, cut to the reader's. */
  pageAfter(after: GlobalPosition | null): Promise<CatchUpPage> {
    this.position = after;
    return this.log.pageAfter(after, this.types);
  }

  /**
   * Lets the event loop turn after a page. On SQLite every await of a catch-up settles without
   * I/O, so it would chain microtasks for minutes and starve timers and sockets (health checks,
   * waitForPosition timeouts). A reader behind the others (it waited for a commit) reads on for
   * a slice of time instead, so it catches up with them before the pages they read for it are
   * dropped, and the log is read once.
   */
  async pause(page: CatchUpPage): Promise<void> {
    if (page.behind && performance.now() - this.sliceStarted < BEHIND_SLICE_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.sliceStarted = performance.now();
  }

  close(): void {
    this.log.close(this);
  }
}

function covers(chunk: KeptChunk, after: GlobalPosition | null): boolean {
  if (after === null) return chunk.after === null;
  return (chunk.after === null || chunk.after <= after) && after < chunk.through;
}
