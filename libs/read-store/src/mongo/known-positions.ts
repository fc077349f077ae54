/**
 * What the store last saw of a document: its stored position (`_pos`, or '' when it was stored
 * without one), or `null` when it was absent. Learnt from the reads that prefetch a batch's
 * documents and from the store's own writes; a projection writes through one process at a
 * time (its lease), so what this process saw last is what is stored.
 */
export type KnownPosition = string | null;

/** At most this many documents are remembered; past it everything is forgotten at once. */
const MAX_KNOWN = 500_000;

/**
 * The positions of documents this store read or wrote, by collection and id. Forgetting is
 * always safe: a write whose document is not known falls back to a conditional write that the
 * engine checks (a scan on FerretDB, which is why knowing matters).
 */
export class KnownPositions {
  private readonly byCollection = new Map<string, Map<string, KnownPosition>>();
  private size = 0;

  get(collection: string, id: string): KnownPosition | undefined {
    return this.byCollection.get(collection)?.get(id);
  }

  set(collection: string, id: string, position: KnownPosition): void {
    let known = this.byCollection.get(collection);
    if (!known) this.byCollection.set(collection, (known = new Map()));
    if (!known.has(id)) {
      if (this.size >= MAX_KNOWN) {
        this.byCollection.clear();
        this.size = 0;
        this.byCollection.set(collection, (known = new Map()));
      }
      this.size += 1;
    }
    known.set(id, position);
  }

  forget(collection: string, id?: string): void {
    const known = this.byCollection.get(collection);
    if (!known) return;
    if (id === undefined) {
      this.size -= known.size;
      this.byCollection.delete(collection);
    } else if (known.delete(id)) this.size -= 1;
  }
}
