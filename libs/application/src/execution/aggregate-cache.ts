import { GlobalPosition } from '@hub/event-store';

/** A folded aggregate as of its last event. */
export interface LoadedAggregate<S> {
  state: S;
  /** Revision of the last event folded, or -1 for a stream with no events. */
  revision: number;
  /** Position of the last event folded (null for an empty stream). */
  position: GlobalPosition | null;
}

/**
 * Folded aggregates kept between commands, so a hot stream (a contract's ledger) is caught
 * up from its last revision instead of read whole each time. Safe because every append is
 * checked against the expected revision: a stale entry only costs a retry.
 */
export class AggregateCache {
  private readonly entries = new Map<string, LoadedAggregate<unknown>>();

  constructor(private readonly capacity = 10_000) {}

  get<S>(stream: string): LoadedAggregate<S> | undefined {
    const entry = this.entries.get(stream);
    if (entry) {
      // Re-insert to keep the map in least-recently-used order.
      this.entries.delete(stream);
      this.entries.set(stream, entry);
    }
    return entry as LoadedAggregate<S> | undefined;
  }

  set<S>(stream: string, entry: LoadedAggregate<S>): void {
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
  }

  forget(stream: string): void {
    this.entries.delete(stream);
  }
}
