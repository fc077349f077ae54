import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent } from '@hub/event-store';
import { MemoryEventStore } from '@hub/event-store/memory/memory-event-store';
import { SqliteReadModelStore } from '@hub/read-store';
import { eventually } from '@hub/testing/eventually';
import { appendTypes } from '@hub/testing/projection/sample-events';
import { Schedule } from '../schedule/schedule';
import { ScheduleBackfill } from '../schedule/schedule-backfill';
import { workflowLease } from './workflow-leases';
import { WorkflowRunner } from './workflow-runner';
import { Workflows } from './workflows';

// The reactions' checkpoint is committed under the lease's fence (SQLite read store): a process
// whose lease passed on cannot move it, and stops.
describe('the workflow reactions under a lease', () => {
  let dir: string;
  const closing: (() => Promise<void>)[] = [];
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'hub-workflow-leases-'))));
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops a runner whose lease another process took, its commit refused', async () => {
    const events = new MemoryEventStore();
    const store = new SqliteReadModelStore({ file: join(dir, 'read-models.sqlite') });
    closing.push(() => store.close());
    const reacted: RecordedEvent[] = [];
    // The reactions themselves are the test's: what matters is where their checkpoint goes.
    const workflows = {
      handles: ['ItemAdded'],
      scheduling: [],
      react: async (event: RecordedEvent) => void reacted.push(event),
    } as unknown as Workflows;
    const backfill = new ScheduleBackfill(workflows, new Schedule(store), events);
    const runner = new WorkflowRunner(workflows, backfill, events, store);
    closing.push(() => runner.end());
    const lease = (await store.acquireLease(workflowLease('reactions'), 'a', 60_000))!;
    runner.begin({ lease: lease.name, token: lease.token });
    const first = await appendTypes(events, 's-1', 'ItemAdded');
    await eventually(
      async () => (await store.getCheckpoint('follow-ups'))?.position === String(first.position),
    );

    // A process whose clock is two minutes ahead sees the lease lapsed (as if 'a' had frozen).
    const other = new SqliteReadModelStore({
      file: join(dir, 'read-models.sqlite'),
      now: () => Date.now() + 120_000,
    });
    closing.push(() => other.close());
    expect((await other.acquireLease(workflowLease('reactions'), 'b', 60_000))?.token).toBe(2);
    await appendTypes(events, 's-2', 'ItemAdded');
    await eventually(() => !runner.runsHere, 5000, 'the runner to stop');
    expect(reacted).toHaveLength(2);
    expect((await store.getCheckpoint('follow-ups'))?.position).toBe(String(first.position));
  });
});
