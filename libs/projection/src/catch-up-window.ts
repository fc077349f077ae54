import { GlobalPosition, RecordedEvent } from '@hub/event-store';
import { ProjectionBatch, ReadModelStore } from '@hub/read-store';
import { CatchUpPage } from './catch-up-log';
import { Projection } from './projection';
import { WorkerOptions } from './worker-options';
import { HeldDocuments } from './held-documents';
import { EvolveFailure, evolveInto, locateAll, prefetchDocs, storeTexts } from './projection-batch';

/**
 * The documents of one catch-up window: each page is evolved when it is read, over documents
 * held across the pages of the window (HeldDocuments), and the whole window is committed with
 * one batch. A document touched in many pages is fetched once and written once, and a page's
 * events are dropped as soon as they are applied: a window's worth of events held until its
 * commit would be copied by every young-generation collection in between.
 */
export class CatchUpWindow {
  private readonly docs = new HeldDocuments();
  /** The window before's documents, while its commit may not have landed (newer than the store's). */
  private older?: HeldDocuments;
  /** How many events were applied. */
  size = 0;
  /** The position of the last event applied. */
  lastApplied: GlobalPosition | null = null;

  /** Characters of document text the window holds, an estimate of its memory. */
  get characters(): number {
    return this.docs.characters;
  }

  constructor(
    private readonly store: ReadModelStore,
    private readonly projection: Projection,
    private readonly prefix: string,
    /** The position the window starts after (null: the start of the log). */
    readonly from: GlobalPosition | null,
    committing?: CatchUpWindow,
  ) {
    this.older = committing?.docs;
  }

  /**
   * Fetches what the page's events locate (unless this window, or the one before it, holds it)
   * and evolves them. Answers the event whose evolve threw, if one did: the events before it are
   * applied, it and those after it are not. A store error is thrown and leaves the window as it
   * was.
   */
  async add(events: readonly RecordedEvent[]): Promise<EvolveFailure | undefined> {
    const located = locateAll(this.projection, events);
    await prefetchDocs(storeTexts(this.store), this.prefix, located, this.docs, this.older);
    const { applied, failure } = evolveInto(this.projection, this.docs, events, located);
    this.size += applied;
    if (applied > 0) this.lastApplied = events[applied - 1].position;
    return failure;
  }

  /**
   * Closes at `catchUpWindow` events or `catchUpCharacters` of text (its memory), and, once it
   * holds `catchUpHalving` events, when `page` brings it to half of the log between its start
   * and the head. The last window is committed with nothing left to evolve beside it, so halving
   * makes it small: the others are written while the next one is evolved. Also closes when a
   * snapshot is due, so snapshots land every `snapshotEvery` events during a catch-up too.
   */
  isFull(page: CatchUpPage, options: WorkerOptions, snapshotDue = false): boolean {
    const { catchUpWindow, catchUpCharacters, catchUpHalving } = options;
    if (snapshotDue || this.size >= catchUpWindow || this.characters >= catchUpCharacters)
      return true;
    if (this.size < catchUpHalving || page.through === null || page.head === null) return false;
    const start = this.from ?? 0n;
    return (page.through - start) * 2n >= page.head - start;
  }

  /** The batch that commits the window with `checkpoint` (at or after the last applied event). */
  batch(checkpoint: GlobalPosition): ProjectionBatch {
    // Committed, this window reads no more: the one before it need not be kept for it.
    this.older = undefined;
    return {
      projection: this.prefix,
      changes: this.docs.changes(this.prefix),
      checkpoint: checkpoint.toString(),
    };
  }
}
