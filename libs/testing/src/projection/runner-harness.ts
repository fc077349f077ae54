import { MemoryEventStore } from '@hub/event-store/memory/memory-event-store';
import { Projection } from '@hub/projection/projection';
import { MemoryReadModelStore } from '@hub/projection/memory-read-model-store';
import { ProjectionRunner, ProjectionRunnerOptions } from '@hub/projection/projection-runner';
import { sampleProjection } from './sample-projection';

/** Options that keep a runner's specs quick: small batches, short retries, probes and polls. */
export const FAST_RUNNER = { batchSize: 3, retryDelayMs: 1, idleProbeMs: 20, pollIntervalMs: 10 };

/**
 * A runner spec's stores, fresh before each test, and the runner it started (stopped after
 * each): `start()` runs a projection (the sample one by default) over them.
 */
export function runnerHarness() {
  const harness = {
    events: new MemoryEventStore(),
    store: new MemoryReadModelStore(),
    runner: undefined as ProjectionRunner | undefined,
    async start(
      projection: Projection = sampleProjection(),
      options: ProjectionRunnerOptions = {},
    ): Promise<ProjectionRunner> {
      const runner = new ProjectionRunner(harness.events, harness.store, [projection], {
        ...FAST_RUNNER,
        ...options,
      });
      harness.runner = runner;
      await runner.start();
      return runner;
    },
    /** The sample projection's document of a stream, as a runner's build holds it. */
    streamDoc: (runner: ProjectionRunner, id: string) =>
      harness.store.get(runner.collection('sample', 'streams'), id),
  };
  beforeEach(() => {
    harness.events = new MemoryEventStore();
    harness.store = new MemoryReadModelStore();
    harness.runner = undefined;
  });
  afterEach(() => harness.runner?.stop());
  return harness;
}
