import { AllStreamSubscription, EventStoreDBClient, START } from '@eventstore/db-client';
import { RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';
import { NO_UPCASTERS, Upcasters } from '../upcasting/upcasters';
import { fromEsdbEvent, matchesFilter, toEsdbPosition, toServerFilter } from './esdb-mapping';

/** Backoff between resubscriptions: doubles from `initialMs` up to `maxMs`. */
export interface ResubscribeBackoff {
  initialMs: number;
  maxMs: number;
}

/**
 * A catch-up subscription to `$all` that survives dropped connections: on error it
 * resubscribes, with exponential backoff, from the last position it delivered (or skipped),
 * so the consumer sees neither a gap nor a duplicate.
 */
export class EsdbSubscription implements Subscription {
  private closed = false;
  private current: AllStreamSubscription | undefined;
  private last: bigint | undefined;
  private wakeBackoff: (() => void) | undefined;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: SubscribeOptions,
    private readonly backoff: ResubscribeBackoff,
    private readonly onClose: (subscription: EsdbSubscription) => void,
    private readonly upcasters: Upcasters = NO_UPCASTERS,
  ) {
    this.last = options.fromPosition;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    let failures = 0;
    try {
      while (!this.closed) {
        const subscription = this.client.subscribeToAll({
          fromPosition: this.last === undefined ? START : toEsdbPosition(this.last),
          filter: toServerFilter(this.options.filter),
        });
        this.current = subscription;
        try {
          for await (const resolved of subscription) {
            if (this.closed) return;
            const event = resolved.event;
            if (!event) continue;
            failures = 0;
            this.last = event.position.commit;
            if (matchesFilter(event.type, event.streamId, this.options.filter))
              yield this.upcasters.upcast(fromEsdbEvent(event));
          }
        } catch (error) {
          if (this.closed) return;
          failures += 1;
          console.warn(`$all subscription dropped (${String(error)}); resubscribing`);
        } finally {
          await subscription.unsubscribe().catch(() => undefined);
        }
        if (!this.closed) await this.pause(failures);
      }
    } finally {
      this.closed = true;
      this.onClose(this);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose(this);
    this.wakeBackoff?.();
    await this.current?.unsubscribe().catch(() => undefined);
  }

  private pause(failures: number): Promise<void> {
    const ms = Math.min(
      this.backoff.maxMs,
      this.backoff.initialMs * 2 ** Math.max(0, failures - 1),
    );
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeBackoff = done;
    });
  }
}
