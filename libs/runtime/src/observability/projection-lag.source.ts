import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { EVENT_STORE, EventStore, GlobalPosition, parsePosition } from '@hub/event-store';
import { ProjectionRunner } from '@hub/projection/projection-runner';
import { HUB_METRICS, HubMetrics, ProjectionLag } from './hub-metrics';

/**
 * Feeds the projection lag gauges (and /health/ready) from the process's projection runner,
 * when it has one: its checkpoints (its own workers', or the stored ones in an api process) and
 * the event store's count of events after them; the seconds are the age of the oldest event
 * not applied yet.
 */
@Injectable()
export class ProjectionLagSource implements OnApplicationBootstrap {
  constructor(
    private readonly modules: ModuleRef,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(HUB_METRICS) private readonly metrics: HubMetrics,
  ) {}

  onApplicationBootstrap(): void {
    let runner: ProjectionRunner;
    try {
      runner = this.modules.get(ProjectionRunner, { strict: false });
    } catch {
      return; // no projections in this process
    }
    this.metrics.registerLagSources({ projections: () => this.lags(runner) });
  }

  private async lags(runner: ProjectionRunner): Promise<ProjectionLag[]> {
    const now = Date.now();
    return Promise.all(
      (await runner.status()).map(async (status) => ({
        projection: status.name,
        events: status.lag,
        seconds: status.lag === 0 ? 0 : await this.ageOfFirstAfter(status.checkpoint, now),
      })),
    );
  }

  private async ageOfFirstAfter(checkpoint: string | null, now: number): Promise<number> {
    const from = checkpoint === null ? null : parsePosition(checkpoint);
    const page = await this.events.readAll({
      ...(from === null ? {} : { fromPosition: from }),
      maxCount: 2,
      deferMetadata: true,
    });
    const first = page.find((event) => from === null || event.position > (from as GlobalPosition));
    return first ? Math.max(0, (now - Date.parse(first.recordedAt)) / 1000) : 0;
  }
}
