/**
 * An immutable string-keyed map whose `set` does not copy the whole map, so folding a long
 * stream into it stays linear-ish instead of quadratic (a contract's ledger holds every
 * consumption record). Recent writes sit in a short chain of layers over a frozen base map;
 * when the chain grows past about √size it is merged into a new base. No instance is ever
 * changed after it is made, so every earlier state stays valid.
 */
export class PersistentMap<V> {
  private constructor(
    private readonly base: ReadonlyMap<string, V>,
    private readonly layer: { key: string; value: V; below: PersistentMap<V>['layer'] } | null,
    private readonly depth: number,
    readonly size: number,
  ) {}

  static empty<V>(): PersistentMap<V> {
    return new PersistentMap<V>(new Map(), null, 0, 0);
  }

  get(key: string): V | undefined {
    for (let layer = this.layer; layer; layer = layer.below) {
      if (layer.key === key) return layer.value;
    }
    return this.base.get(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, value: V): PersistentMap<V> {
    const size = this.has(key) ? this.size : this.size + 1;
    const layer = { key, value, below: this.layer };
    if (this.depth + 1 <= Math.max(16, Math.sqrt(size))) {
      return new PersistentMap(this.base, layer, this.depth + 1, size);
    }
    const merged = new Map(this.base);
    const pending: { key: string; value: V }[] = [];
    for (let l: typeof layer | null = layer; l; l = l.below) pending.push(l);
    for (let i = pending.length - 1; i >= 0; i -= 1) merged.set(pending[i].key, pending[i].value);
    return new PersistentMap(merged, null, 0, merged.size);
  }
}
