import { MemoryEventStore } from '@hub/event-store/memory/memory-event-store';
import { MemoryReadModelStore } from '@hub/projection/memory-read-model-store';
import { eventually } from '@hub/testing/eventually';
import { appendTypes } from '@hub/testing/projection/sample-events';
import { ProjectionBatch } from '@hub/read-store';
import { GlobalPosition, RecordedEvent } from '@hub/event-store';
import { ScheduleBackfill } from '../schedule/schedule-backfill';
import { WorkflowRunner } from './workflow-runner';
import { Workflows } from './workflows';

describe('WorkflowRunner', () => {
  it('ends when stopped while the schedule is still being derived (a hub stopped at start-up hung)', async () => {
    let derive: (() => void) | undefined;
    const backfill = {
      ensure: () => new Promise<number>((resolve) => (derive = () => resolve(0))),
    } as unknown as ScheduleBackfill;
    const events = new MemoryEventStore();
    const subscribe = jest.spyOn(events, 'subscribeToAll');
    const workflows = { handles: ['CaseOpened'] } as unknown as Workflows;
    const runner = new WorkflowRunner(workflows, backfill, events, new MemoryReadModelStore());

    runner.begin();
    await eventually('the runner to derive the schedule', () => derive !== undefined);
    const stopping = runner.end();
    derive!();

    await stopping;
    expect(subscribe).not.toHaveBeenCalled();
  });

  describe('its checkpoint', () => {
    /** A store whose checkpoint writes wait until the test lets them through. */
    const gatedStore = () => {
      const store = new MemoryReadModelStore();
      const writes: string[] = [];
      let open: () => void = () => undefined;
      let gate = new Promise<void>((resolve) => (open = resolve));
      const applyBatch = store.applyBatch.bind(store);
      store.applyBatch = async (batch: ProjectionBatch) => {
        writes.push(batch.checkpoint!);
        await gate;
        await applyBatch(batch);
      };
      const release = () => {
        open();
        gate = Promise.resolve();
      };
      return { store, writes, release };
    };
    const reacting = (reacted: RecordedEvent[]) =>
      ({
        handles: ['ItemAdded'],
        react: async (event: RecordedEvent) => void reacted.push(event),
      }) as unknown as Workflows;
    const noBackfill = { ensure: async () => 0 } as unknown as ScheduleBackfill;

    /** A runner whose first step's checkpoint commit is under way (held by the gate). */
    const committingFirst = async () => {
      const events = new MemoryEventStore();
      const gated = gatedStore();
      const reacted: RecordedEvent[] = [];
      const runner = new WorkflowRunner(reacting(reacted), noBackfill, events, gated.store);
      runner.begin();
      const first = await appendTypes(events, 's-1', 'ItemAdded');
      await eventually('the first commit to start', () => gated.writes.length === 1);
      return { events, reacted, runner, first, ...gated };
    };

    it('is committed once for the steps completed while a commit was under way, ending at the last', async () => {
      const { events, store, writes, release, reacted, runner, first } = await committingFirst();
      let last: GlobalPosition = first.position;
      for (let i = 2; i <= 10; i += 1)
        last = (await appendTypes(events, `s-${i}`, 'ItemAdded')).position;
      await eventually('every step to complete', () => reacted.length === 10);
      release();
      await eventually(
        'the last step checkpointed',
        async () => (await store.getCheckpoint('follow-ups'))?.position === String(last),
      );
      expect(writes).toEqual([String(first.position), String(last)]);
      await runner.end();
    });

    it('commits what completed last when stopped while a commit was under way', async () => {
      const { events, store, release, reacted, runner } = await committingFirst();
      const { position } = await appendTypes(events, 's-2', 'ItemAdded');
      await eventually('the second step to complete', () => reacted.length === 2);
      const stopping = runner.end();
      release();
      await stopping;
      expect((await store.getCheckpoint('follow-ups'))?.position).toBe(String(position));
    });
  });
});
