import { GlobalPosition } from '@hub/event-store';

/** A folded aggregate as of its last event. */
export interface LoadedAggregate<S> {
  state: S;
  /** Revision of the last event folded, or -1 for a stream with no events. */
  revision: number;
  /** Position of the last event folded (null for an empty stream). */
  position: GlobalPosition | null;
}

/** A cached aggregate, and whether it was used since eviction last passed it over. */
interface Slot {
  entry: LoadedAggregate<unknown>;
  used: boolean;
}

/**
 * Folded aggregates kept between commands, so a hot stream (a contract's ledger) is caught
 * up from its last revision instead of read whole each time. Safe because every append is
 * checked against the expected revision: a stale entry only costs a retry.
 *
 * Full, it evicts by second chance: the oldest entry goes unless it was used since it was last
 * passed over, which earns it a place at the back. A read only sets a flag (moving the entry
 * to the back on every read made each command rewrite the map's order, and every command
 * brings a new id's claim stream, so the map was forever compacting its holes).
 */
export class AggregateCache {
  private readonly slots = new Map<string, Slot>();

  constructor(private readonly capacity = 10_000) {}

  get<S>(stream: string): LoadedAggregate<S> | undefined {
    const slot = this.slots.get(stream);
    if (!slot) return undefined;
    slot.used = true;
    return slot.entry as LoadedAggregate<S>;
  }

  set<S>(stream: string, entry: LoadedAggregate<S>): void {
    const slot = this.slots.get(stream);
    if (slot) {
      slot.entry = entry;
      slot.used = true;
      return;
    }
    if (this.slots.size >= this.capacity) this.evictOne();
    this.slots.set(stream, { entry, used: false });
  }

  forget(stream: string): void {
    this.slots.delete(stream);
  }

  /** Streams cached, oldest first in eviction order. */
  streams(): string[] {
    return [...this.slots.keys()];
  }

  private evictOne(): void {
    // A Map iterates what is appended while iterating: every entry passed over comes round again
    // unused, so this ends within one pass and a half.
    for (const [stream, slot] of this.slots) {
      this.slots.delete(stream);
      if (!slot.used) return;
      slot.used = false;
      this.slots.set(stream, slot);
    }
  }
}
