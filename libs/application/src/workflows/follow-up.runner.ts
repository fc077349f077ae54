import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import {
  EVENT_STORE,
  EventStore,
  GlobalPosition,
  Subscription,
  parsePosition,
} from '@hub/event-store';
import { READ_MODEL_STORE, ReadModelStore } from '@hub/read-store';
import { FOLLOW_UP_EVENT_TYPES, FollowUps } from './follow-ups';

const CHECKPOINT = 'follow-ups';
const MAX_BACKOFF_MS = 30_000;

/**
 * Runs every follow-up step from the log, after its checkpoint, so that work a process died
 * before completing is completed on restart. Steps are idempotent, so running one that the
 * handler already completed inline changes nothing. A failing step is retried with backoff and
 * never skipped: the checkpoint only moves past an event once its step has completed.
 */
@Injectable()
export class FollowUpRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FollowUpRunner.name);
  private subscription?: Subscription;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly followUps: FollowUps,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.subscription?.close();
    await this.running;
  }

  private async run(): Promise<void> {
    const saved = await this.readModels.getCheckpoint(CHECKPOINT);
    const from = saved?.position ? (parsePosition(saved.position) ?? undefined) : undefined;
    this.subscription = this.events.subscribeToAll({
      fromPosition: from,
      filter: { eventTypes: FOLLOW_UP_EVENT_TYPES },
    });
    try {
      for await (const event of this.subscription) {
        await this.completeStep(() => this.followUps.handle(event), event.position);
        if (this.stopped) return;
      }
    } catch (error) {
      if (!this.stopped)
        this.logger.error(`follow-up subscription ended: ${(error as Error).message}`);
    }
  }

  private async completeStep(
    step: () => Promise<unknown>,
    position: GlobalPosition,
  ): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt += 1) {
      try {
        await step();
        await this.readModels.applyBatch({
          projection: CHECKPOINT,
          changes: [],
          checkpoint: position.toString(),
        });
        return;
      } catch (error) {
        const delay = Math.min(MAX_BACKOFF_MS, 100 * 2 ** attempt);
        this.logger.warn(
          `follow-up step at ${position} failed (${(error as Error).message}); retrying in ${delay} ms`,
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}
