import { LeaseStore } from '../lease.port';
import { Document, Filter, ReadModelStore, SortKey } from '../read-model-store.port';

/** The adapters under test are both: documents and the leases of who writes them. */
export type LeasedReadModelStore = ReadModelStore & LeaseStore;

/** A store under test and how to dispose of it (drop its database, close its connection). */
export interface ReadModelStoreHarness {
  store: LeasedReadModelStore;
  /**
   * A second store on the same data through a connection of its own (another process's view),
   * when the engine can be shared; closed by `dispose`.
   */
  another?: LeasedReadModelStore;
  dispose(): Promise<void>;
}

/** The test clock a suite's stores time leases by. */
export interface TestClock {
  now(): number;
}

/**
 * Opens one store per suite, timing leases by `clock`; tests use their own collections and
 * lease names so they never see each other.
 */
export type MakeReadModelStore = (clock: TestClock) => Promise<ReadModelStoreHarness>;

/** Shared state of one conformance run. */
export interface ConformanceContext {
  store(): LeasedReadModelStore;
  /** See `ReadModelStoreHarness.another`. */
  another(): LeasedReadModelStore | undefined;
  /** Moves the suite's clock forward. */
  advance(ms: number): void;
  nowMs(): number;
  /** A collection name no other test uses. */
  collection(hint: string): string;
}

/** Every document read back, by id, for "same documents" comparisons. */
export async function snapshot(store: ReadModelStore, collection: string): Promise<Document[]> {
  return (await store.find(collection)).items;
}

/** Reads every page of a query, failing if paging never ends. */
export async function readAllPages(
  store: ReadModelStore,
  collection: string,
  options: { sort?: SortKey[]; filter?: Filter; limit: number },
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await store.find<{ id: string }>(collection, { ...options, cursor });
    expect(page.items.length).toBeLessThanOrEqual(options.limit);
    ids.push(...page.items.map((d) => d.id));
    cursor = page.nextCursor;
    if (++pages > 1000) throw new Error('paging did not end');
  } while (cursor);
  return { ids, pages };
}

type Comparable = string | number | boolean | null | undefined;

/**
 * The order the port promises: each key with nulls (and missing fields) first ascending and
 * last descending, then id ascending. Fixtures use one type per field and ASCII ids.
 */
export function expectedOrder<T extends Record<string, Comparable>>(
  docs: readonly T[],
  sort: readonly SortKey[],
): string[] {
  const cmp = (a: Comparable, b: Comparable): number => {
    const x = a ?? null;
    const y = b ?? null;
    if (x === y) return 0;
    if (x === null) return -1;
    if (y === null) return 1;
    return x < y ? -1 : 1;
  };
  return [...docs]
    .sort((a, b) => {
      for (const { field, direction } of sort) {
        const c = cmp(a[field], b[field]);
        if (c !== 0) return direction === 'asc' ? c : -c;
      }
      return cmp(a.id, b.id);
    })
    .map((d) => String(d.id));
}
