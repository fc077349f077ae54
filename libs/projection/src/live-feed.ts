import { RecordedEvent, Subscription } from '@hub/event-store';

/**
 * Turns a subscription's one-at-a-time delivery into batches: a pump queues what arrives
 * while the previous batch is being written, so a busy projection commits many events per
 * write. The pump pauses when the queue holds `highWater` events (back-pressure).
 */
export class LiveFeed {
  private readonly queue: RecordedEvent[] = [];
  private wake: (() => void) | null = null;
  private resumePump: (() => void) | null = null;
  private ended = false;
  private failure: unknown = null;
  private readonly pumping: Promise<void>;

  constructor(
    private readonly subscription: Subscription,
    private readonly highWater: number,
  ) {
    this.pumping = this.pump();
  }

  /** Waits until events are queued, `ms` passes, or `interrupt` resolves; returns up to `max` events. */
  async next(max: number, ms: number, interrupt: Promise<void>): Promise<RecordedEvent[]> {
    if (this.queue.length === 0 && !this.ended) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => {
          this.wake = resolve;
          timer = setTimeout(resolve, ms);
        }),
        interrupt,
      ]);
      clearTimeout(timer);
      this.wake = null;
    }
    if (this.failure !== null && this.queue.length === 0) throw this.failure;
    const batch = this.queue.splice(0, max);
    if (this.queue.length < this.highWater) this.resumePump?.();
    return batch;
  }

  get isEnded(): boolean {
    return this.ended && this.queue.length === 0;
  }

  async close(): Promise<void> {
    this.ended = true;
    this.resumePump?.();
    await this.subscription.close();
    await this.pumping;
  }

  private async pump(): Promise<void> {
    try {
      for await (const event of this.subscription) {
        if (this.ended) break;
        this.queue.push(event);
        this.wake?.();
        if (this.queue.length >= this.highWater)
          await new Promise<void>((resolve) => (this.resumePump = resolve));
        this.resumePump = null;
      }
    } catch (error) {
      this.failure = error;
    } finally {
      this.ended = true;
      this.wake?.();
    }
  }
}
