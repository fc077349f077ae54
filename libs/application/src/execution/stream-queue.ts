/**
 * Runs work on one stream at a time within this process. Commands on a hot stream (a busy
 * workspace) would otherwise mostly fail their expected-revision check and burn retries; queued,
 * each reads the state the previous one left. Other processes are still kept honest by the
 * expected revision, so this only saves needless conflicts, it guarantees nothing on its own.
 */
export class StreamQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(stream: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(stream) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(stream, tail);
    void tail.then(() => {
      if (this.tails.get(stream) === tail) this.tails.delete(stream);
    });
    return result;
  }

  /**
   * Runs work once it holds every one of the streams. The queues are always taken in name order,
   * so two callers that share streams cannot each hold one the other waits for.
   */
  runAll<T>(streams: Iterable<string>, work: () => Promise<T>): Promise<T> {
    const ordered = [...new Set(streams)].sort();
    const holding = (i: number): Promise<T> =>
      i === ordered.length ? work() : this.run(ordered[i], () => holding(i + 1));
    return holding(0);
  }
}
