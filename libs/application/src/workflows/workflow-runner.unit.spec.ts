import { MemoryEventStore } from '@hub/event-store/memory/memory-event-store';
import { MemoryReadModelStore } from '@hub/projection/memory-read-model-store';
import { eventually } from '@hub/testing/eventually';
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
});
