/**
 * How long an idle live worker waits for events before it probes the head (advanceToHead):
 * `idleProbeMs` while the log moves past events it skips, so a query waiting on its checkpoint
 * in another process is not kept long; doubling to 8 times that while the log stands still, so
 * an idle hub does not read the head of every projection 40 times a second (a round trip each
 * on EventStoreDB).
 */
export class IdleProbe {
  private delay: number;

  constructor(
    private readonly base: number,
    private readonly max = base * 8,
  ) {
    this.delay = base;
  }

  /** The wait before the next probe, in ms. */
  get ms(): number {
    return this.delay;
  }

  /** After events arrived or a probe: whether the log had moved. */
  moved(moved: boolean): void {
    this.delay = moved ? this.base : Math.min(this.delay * 2, this.max);
  }
}
