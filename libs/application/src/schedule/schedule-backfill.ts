import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainEvent } from '@hub/domain';
import { EVENT_STORE, EventStore, GlobalPosition } from '@hub/event-store';
import { Workflows } from '../workflows/workflows';
import { Workflow, WorkflowEvent } from '../workflows/workflow';
import { Schedule } from './schedule';
import { Timer } from './timer';

const PAGE = 1_000;

/**
 * Derives the schedule from the log when it was never derived (a store written before the
 * schedule existed) or was lost (its table dropped): the workflow runner's checkpoint already
 * stands past those facts, so it would never put their due times. Replays every fact the
 * scheduling workflows handle, up to the checkpoint, keeping only their due times and
 * cancellations (their other steps were done when the facts were recorded), then marks the
 * schedule derived through the checkpoint. What fell due meanwhile fires once at the next pass.
 */
@Injectable()
export class ScheduleBackfill {
  private readonly logger = new Logger(ScheduleBackfill.name);

  constructor(
    private readonly steps: Workflows,
    private readonly schedule: Schedule,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  /** Derives the schedule through `checkpoint` unless it already was (answers how many due times). */
  async ensure(checkpoint: GlobalPosition | undefined): Promise<number> {
    const through = checkpoint?.toString() ?? null;
    if ((await this.schedule.derivedThrough()) !== null) return 0;
    const scheduling = this.steps.scheduling;
    const pending = new Pending();
    if (checkpoint !== undefined && scheduling.length > 0) {
      const eventTypes = [...new Set(scheduling.flatMap((workflow) => workflow.handles))];
      let from: GlobalPosition | undefined;
      for (;;) {
        const page = await this.events.readAll({
          fromPosition: from,
          maxCount: PAGE,
          filter: { eventTypes },
        });
        for (const event of page) {
          if (event.position > checkpoint) break;
          await this.replay(scheduling, event as unknown as WorkflowEvent, pending);
        }
        const last = page[page.length - 1];
        if (!last || page.length < PAGE || last.position >= checkpoint) break;
        from = (last.position + 1n) as GlobalPosition;
      }
    }
    // Written over what is there, never dropped first: another process may be using the table,
    // and what it holds was kept right by the workflows that wrote it.
    await this.schedule.derive(pending.values(), through);
    if (pending.size > 0) this.logger.log(`derived ${pending.size} due times from the log`);
    return pending.size;
  }

  private async replay(
    scheduling: readonly Workflow<DomainEvent, unknown>[],
    event: WorkflowEvent,
    pending: Pending,
  ): Promise<void> {
    for (const workflow of scheduling) {
      if (!(workflow.handles as readonly string[]).includes(event.type)) continue;
      const state = workflow.read ? await workflow.read(event, this.steps) : undefined;
      for (const step of workflow.react(event, state)) {
        if (step.kind === 'schedule') pending.put(step.timer);
        if (step.kind === 'cancel') pending.cancel(step.owner);
      }
    }
  }
}

/** Due times being derived, by key and by owner (a cancellation removes an owner's at once). */
class Pending {
  private readonly byKey = new Map<string, Timer>();
  private readonly byOwner = new Map<string, Set<string>>();

  get size(): number {
    return this.byKey.size;
  }

  put(timer: Timer): void {
    this.byKey.set(timer.key, timer);
    const keys = this.byOwner.get(timer.owner) ?? new Set<string>();
    this.byOwner.set(timer.owner, keys.add(timer.key));
  }

  cancel(owner: string): void {
    for (const key of this.byOwner.get(owner) ?? []) this.byKey.delete(key);
    this.byOwner.delete(owner);
  }

  values(): IterableIterator<Timer> {
    return this.byKey.values();
  }
}
