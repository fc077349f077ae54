/**
 * An immutable string-keyed map whose `set` copies only a path of small nodes, so folding a
 * long stream into it stays linear (a contract's ledger holds every consumption record): a hash
 * array mapped trie, 32 slots a level, where `set` copies at most one node per level (seven
 * levels for 32-bit hashes) and shares every other node with the map it came from. No node is
 * ever changed after it is made, so every earlier state stays valid.
 */
export class PersistentMap<V> {
  private constructor(
    private readonly root: Branch<V>,
    readonly size: number,
  ) {}

  static empty<V>(): PersistentMap<V> {
    return new PersistentMap<V>(EMPTY_BRANCH as Branch<V>, 0);
  }

  get(key: string): V | undefined {
    const hash = stringHash(key);
    let node: Slot<V> = this.root;
    for (let shift = 0; ; shift += BITS) {
      if (node.kind === 'leaf') return node.key === key ? node.value : undefined;
      if (node.kind === 'collision') return node.leaves.find((leaf) => leaf.key === key)?.value;
      const bit = bitOf(hash, shift);
      if ((node.bitmap & bit) === 0) return undefined;
      node = node.slots[slotIndex(node.bitmap, bit)];
    }
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, value: V): PersistentMap<V> {
    const leaf: Leaf<V> = { kind: 'leaf', hash: stringHash(key), key, value };
    const added = { yes: false };
    const root = insert(this.root, 0, leaf, added) as Branch<V>;
    return new PersistentMap(root, added.yes ? this.size + 1 : this.size);
  }
}

const BITS = 5;
const MASK = (1 << BITS) - 1;

interface Leaf<V> {
  readonly kind: 'leaf';
  readonly hash: number;
  readonly key: string;
  readonly value: V;
}

/** Keys whose whole 32-bit hashes are equal: kept in a list below the last level they share. */
interface Collision<V> {
  readonly kind: 'collision';
  readonly hash: number;
  readonly leaves: readonly Leaf<V>[];
}

/** Occupied slots only, in slot order; bit i of `bitmap` says slot i is occupied. */
interface Branch<V> {
  readonly kind: 'branch';
  readonly bitmap: number;
  readonly slots: readonly Slot<V>[];
}

type Slot<V> = Leaf<V> | Collision<V> | Branch<V>;

const EMPTY_BRANCH: Branch<never> = { kind: 'branch', bitmap: 0, slots: [] };

/** FNV-1a over the UTF-16 code units: 32 bits, spread well enough for ids. */
export function stringHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function bitOf(hash: number, shift: number): number {
  return 1 << ((hash >>> shift) & MASK);
}

/** Position of `bit`'s slot among the occupied ones: the occupied slots below it. */
function slotIndex(bitmap: number, bit: number): number {
  let below = bitmap & (bit - 1);
  below -= (below >>> 1) & 0x55555555;
  below = (below & 0x33333333) + ((below >>> 2) & 0x33333333);
  return (((below + (below >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** `node` with `leaf` in it (replacing its key's value), copying only the path to it. */
function insert<V>(node: Slot<V>, shift: number, leaf: Leaf<V>, added: { yes: boolean }): Slot<V> {
  if (node.kind === 'branch') {
    const bit = bitOf(leaf.hash, shift);
    const index = slotIndex(node.bitmap, bit);
    const slots = node.slots.slice();
    if ((node.bitmap & bit) === 0) {
      added.yes = true;
      slots.splice(index, 0, leaf);
      return { kind: 'branch', bitmap: node.bitmap | bit, slots };
    }
    slots[index] = insert(node.slots[index], shift + BITS, leaf, added);
    return { kind: 'branch', bitmap: node.bitmap, slots };
  }
  if (node.hash === leaf.hash) {
    const leaves = node.kind === 'leaf' ? [node] : node.leaves;
    const kept = leaves.filter((other) => other.key !== leaf.key);
    added.yes = kept.length === leaves.length;
    if (kept.length === 0) return leaf;
    return { kind: 'collision', hash: leaf.hash, leaves: [...kept, leaf] };
  }
  added.yes = true;
  return split(node, leaf, shift);
}

/** A branch holding two slots whose hashes differ (they part at `shift` or below it). */
function split<V>(existing: Leaf<V> | Collision<V>, leaf: Leaf<V>, shift: number): Branch<V> {
  const a = (existing.hash >>> shift) & MASK;
  const b = (leaf.hash >>> shift) & MASK;
  if (a === b) {
    return { kind: 'branch', bitmap: 1 << a, slots: [split(existing, leaf, shift + BITS)] };
  }
  return {
    kind: 'branch',
    bitmap: (1 << a) | (1 << b),
    slots: a < b ? [existing, leaf] : [leaf, existing],
  };
}
