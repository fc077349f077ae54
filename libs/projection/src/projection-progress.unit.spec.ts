import { MemoryEventStore } from '@hub/event-store/memory/memory-event-store';
import { FakeClock } from '@hub/testing/fake-clock';
import { eventually } from '@hub/testing/eventually';
import { appendTypes } from '@hub/testing/projection/sample-events';
import { sampleProjection } from '@hub/testing/projection/sample-projection';
import { MemoryReadModelStore } from './memory-read-model-store';
import { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

// The projector's lifecycle lines and a rebuild's progress in GET /v1/projections, on the fake
// clock: progress is reported when the test says (its timer is set far beyond the test).
describe('a projection catching up reports its progress', () => {
  const clock = new FakeClock('2026-03-02T09:00:00.000Z');
  let lines: string[];
  const logger = {
    log: (m: string) => lines.push(m),
    warn: (m: string) => lines.push(m),
    error: (m: string) => lines.push(`ERROR ${m}`),
  };
  const runners: ProjectionRunner[] = [];
  const options = {
    batchSize: 4,
    retryDelayMs: 1,
    idleProbeMs: 20,
    pollIntervalMs: 10,
    progressMs: 3_600_000,
    logger,
    now: () => clock.now().getTime(),
  };
  beforeEach(() => (lines = []));
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
  });
  const stuckAt = (projection: Projection, stream: string): Projection => ({
    ...projection,
    evolve(docs, event) {
      if (event.streamName === stream) throw new Error(`cannot apply ${stream}`);
      projection.evolve(docs, event);
    },
  });

  it('logs a rebuild with percent and time left, and every process shows them', async () => {
    const events = new MemoryEventStore();
    const store = new MemoryReadModelStore();
    for (let i = 0; i < 10; i += 1) await appendTypes(events, `s-${i}`, 'ItemAdded');
    const v1 = new ProjectionRunner(events, store, [sampleProjection(1)], options);
    await v1.start();
    await v1.stop();
    // Version 2 applies s-0 to s-4, then keeps failing on s-5 (retried, not yet halted).
    const v2 = new ProjectionRunner(events, store, [stuckAt(sampleProjection(2), 's-5')], {
      ...options,
      maxAttempts: 100_000,
    });
    runners.push(v2);
    await v2.start();
    await eventually(
      async () => (await v2.statusOf('sample')).rebuild?.checkpoint === '5',
      2000,
      'the rebuild at s-4',
    );
    await eventually(() => lines.some((l) => l.startsWith('sample_v2: rebuild started')));
    clock.advance({ seconds: 5 });
    await v2.reportProgress();
    expect(lines).toContain('sample_v2: rebuild 50% (5 of 10 events, 1 events/s), about 5 s left');
    expect((await v2.statusOf('sample')).rebuild).toMatchObject({
      version: 2,
      percent: 50,
      etaSeconds: 5,
    });
    // A process that only queries shows the same, from the store.
    const api = new ProjectionRunner(events, store, [sampleProjection(2)], options);
    await api.load();
    expect(await api.statusOf('sample')).toMatchObject({
      version: 1,
      rebuild: { version: 2, state: 'rebuilding', checkpoint: '5', percent: 50, etaSeconds: 5 },
    });
  });

  it('logs a halt with the event that failed', async () => {
    const events = new MemoryEventStore();
    const store = new MemoryReadModelStore();
    for (let i = 0; i < 4; i += 1) await appendTypes(events, `s-${i}`, 'ItemAdded');
    const runner = new ProjectionRunner(events, store, [stuckAt(sampleProjection(1), 's-2')], {
      ...options,
      maxAttempts: 2,
    });
    runners.push(runner);
    await runner.start();
    await eventually(() => lines.some((line) => line.startsWith('ERROR')), 2000, 'the halt');
    expect(lines.filter((line) => line.startsWith('ERROR'))).toEqual([
      'ERROR sample_v1: halted at event 3 (ItemAdded on s-2) after 2 attempts: cannot apply s-2',
    ]);
  });
});
