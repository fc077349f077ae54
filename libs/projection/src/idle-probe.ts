/**
 * When an idle live worker probes the head (advanceToHead): at once when someone waits for its
 * checkpoint (request); else after `idleProbeMs` while the log moves past events it skips, so a
 * query waiting on its checkpoint in another process is not kept long, doubling to 8 times that
 * while the log stands still, so an idle hub does not read the head of every projection 40
 * times a second (a round trip each on EventStoreDB).
 */
export class IdleProbe {
  private delay: number;
  private requested = false;

  constructor(
    private readonly base: number,
    private readonly max = base * 8,
  ) {
    this.delay = base;
  }

  /** The wait before the next probe, in ms. */
  get ms(): number {
    return this.requested ? 0 : this.delay;
  }

  /** Someone waits for the checkpoint: probe at once. */
  request(): void {
    this.requested = true;
  }

  /** Events arrived: the log moves. */
  arrived(): void {
    this.delay = this.base;
  }

  /** A probe was made (answering any request): whether the log had moved. */
  probed(moved: boolean): void {
    this.requested = false;
    this.delay = moved ? this.base : Math.min(this.delay * 2, this.max);
  }
}
