/**
 * What a message must not overtake: the keys it shares with earlier messages of its partition
 * (the streams it writes, say). `null`: every earlier message, and every later one waits for it.
 */
export type OrderingKeys = readonly string[] | null;

interface InFlight {
  keys: OrderingKeys;
  settled: Promise<void>;
}

const nothing = () => undefined;

/**
 * The messages of one partition handled at the same time. Messages start in partition order; one
 * starts only once no message in flight shares a key with it (a keyless one waits for all) and
 * fewer than `limit` are in flight. So two messages touching the same thing take effect in
 * partition order, and only messages with nothing in common overlap.
 */
export class OrderedWindow {
  private readonly inFlight = new Set<InFlight>();

  constructor(private readonly limit: number) {}

  /**
   * Waits until a message with these keys may start, starts `work`, and answers its promise
   * without waiting for it (wrapped, since a promise of a promise would be flattened).
   */
  async start<T>(keys: OrderingKeys, work: () => Promise<T>): Promise<{ result: Promise<T> }> {
    for (let blockers = this.blockers(keys); blockers.length > 0; blockers = this.blockers(keys)) {
      await Promise.race(blockers.map((entry) => entry.settled));
    }
    const result = work();
    const entry: InFlight = { keys, settled: result.then(nothing, nothing) };
    this.inFlight.add(entry);
    // Registered before any waiter's race, so a woken waiter no longer sees this entry.
    void entry.settled.then(() => this.inFlight.delete(entry));
    return { result };
  }

  /** Settles once nothing started here is still running (whatever its outcome). */
  async drain(): Promise<void> {
    await Promise.all([...this.inFlight].map((entry) => entry.settled));
  }

  private blockers(keys: OrderingKeys): InFlight[] {
    const all = [...this.inFlight];
    if (keys === null || all.length >= this.limit) return all;
    // A group of messages carries many keys: a set keeps the check linear.
    const wanted = new Set(keys);
    return all.filter((entry) => entry.keys === null || entry.keys.some((key) => wanted.has(key)));
  }
}
