import { BackoffPolicy, backoffDelay } from './backoff';
import { KafkaLogSink } from './kafka-log';

/** Thrown out of a retry loop when the consumer is asked to stop: the message stays uncommitted. */
export class ConsumerStopping extends Error {}

/** What a retry loop does while it waits: keep the group membership, commit what is due. */
export interface WhileWaiting {
  heartbeat: () => Promise<void>;
  /** Called after each heartbeat, e.g. to commit the messages handled before the failing one. */
  tick: () => Promise<void>;
}

/**
 * Retries one message's step in place until it succeeds, so its partition never moves past it.
 * One instance serves all partitions of a consumer; `stop` cuts every wait short.
 */
export class InPlaceRetrier {
  private stopping = false;
  private readonly wakers = new Set<() => void>();

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly log: KafkaLogSink,
  ) {}

  /** Ends every backoff now; a loop that would retry throws `ConsumerStopping` instead. */
  stop(): void {
    this.stopping = true;
    for (const wake of this.wakers) wake();
  }

  /** Runs `step` until it resolves, backing off between failures and heartbeating while waiting. */
  async untilDone(source: string, step: () => Promise<void>, waiting: WhileWaiting): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await step();
        return;
      } catch (error) {
        if (this.stopping) throw new ConsumerStopping(`stopping; ${source} left uncommitted`);
        const delay = backoffDelay(attempt, this.policy);
        this.log.warn(
          {
            source,
            attempt: attempt + 1,
            retryInMs: delay,
            error: (error as Error)?.message ?? String(error),
          },
          'transient failure; retrying the message',
        );
        await this.pause(delay, waiting);
      }
    }
  }

  // Waits in short slices so the group still sees us alive (a long backoff must not look like a
  // dead member) and a stop request cuts the wait short. A heartbeat that reports a rebalance
  // throws out of here: the message is left uncommitted for the partition's next owner.
  private async pause(ms: number, { heartbeat, tick }: WhileWaiting): Promise<void> {
    const until = Date.now() + ms;
    while (!this.stopping && Date.now() < until) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.wakers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(500, until - Date.now()));
        this.wakers.add(wake);
      });
      await heartbeat();
      await tick();
    }
    if (this.stopping) throw new ConsumerStopping('stopping during backoff');
  }
}
