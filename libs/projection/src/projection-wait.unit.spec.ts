import { GlobalPosition } from '@hub/event-store';
import { FAST_RUNNER, runnerHarness } from '@hub/testing/projection/runner-harness';
import { appendTypes } from '@hub/testing/projection/sample-events';
import { sampleProjection } from '@hub/testing/projection/sample-projection';
import { ProjectionRunner } from './projection-runner';
import { ProjectionLaggingError } from './projector.errors';
import { SHOWS_POSITION_LOOK_LIMIT } from './shows-position';

// Read-your-writes: how long a query waits for a projection to show a position.
describe('ProjectionRunner.waitForPosition', () => {
  const harness = runnerHarness();
  const { start, streamDoc } = harness;

  it('resolves at once when reached, and when a later append is applied', async () => {
    const r = await start();
    const first = await appendTypes(harness.events, 's', 'ItemAdded');
    await r.waitForPosition('sample', first.position, 2000);
    const waiting = r.waitForPosition('sample', 2n as GlobalPosition, 2000);
    await appendTypes(harness.events, 's', 'ItemRenamed');
    await expect(waiting).resolves.toBeUndefined();
  });

  it('counts positions of events the projection does not handle as reached', async () => {
    await appendTypes(harness.events, 'other', 'SomethingElse');
    const r = await start();
    await r.waitForPosition('sample', 1n as GlobalPosition, 2000);
    await appendTypes(harness.events, 's', 'ItemAdded');
    const { position } = await appendTypes(
      harness.events,
      'other',
      'SomethingElse',
      'SomethingElse',
    );
    await r.waitForPosition('sample', position, 2000);
    expect((await r.statusOf('sample')).checkpoint).toBe('4');
    expect(await streamDoc(r, 's')).toMatchObject({ events: 1 });
  });

  it('rejects with ProjectionLaggingError after the timeout', async () => {
    const r = await start();
    const error = await r
      .waitForPosition('sample', 5n as GlobalPosition, 50)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectionLaggingError);
    expect(error).toMatchObject({ status: 503, code: 'projection_lagging' });
  });

  it('answers a position beyond the log head at once, not after the whole timeout (issue 18 item 11)', async () => {
    await appendTypes(harness.events, 's', 'ItemAdded');
    const r = await start();
    // A timeout far beyond the test's own: only answering without waiting it out passes.
    const error = await r
      .waitForPosition('sample', 99_999_999_999n as GlobalPosition, 600_000)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: 'projection_lagging' });
  });

  it('still waits for a position that reaches the log within the grace', async () => {
    const r = await start();
    const waiting = r.waitForPosition('sample', 1n as GlobalPosition, 2000);
    await appendTypes(harness.events, 's', 'ItemAdded');
    await expect(waiting).resolves.toBeUndefined();
  });

  /** A query-only runner, after a projector applied one event and stopped (nothing moves it). */
  const readerAfterProjectorStopped = async (): Promise<ProjectionRunner> => {
    const projector = await start();
    await appendTypes(harness.events, 's', 'ItemAdded');
    await projector.waitForPosition('sample', 1n as GlobalPosition, 2000);
    await projector.stop();
    const reader = new ProjectionRunner(
      harness.events,
      harness.store,
      [sampleProjection()],
      FAST_RUNNER,
    );
    harness.runner = reader;
    await reader.load();
    return reader;
  };

  it('answers at once when no event the projection handles lies up to the position, with no projector running', async () => {
    const runner = await readerAfterProjectorStopped();
    const { position } = await appendTypes(
      harness.events,
      'other',
      'SomethingElse',
      'SomethingElse',
    );
    // Nothing moves the checkpoint now: only the look past it can answer within 50 ms.
    await expect(runner.waitForPosition('sample', position, 50)).resolves.toBeUndefined();
    await appendTypes(harness.events, 's', 'ItemRenamed');
    const { position: later } = await appendTypes(harness.events, 'other', 'SomethingElse');
    const lagging = await runner.waitForPosition('sample', later, 50).catch((e: unknown) => e);
    expect(lagging).toBeInstanceOf(ProjectionLaggingError);
    await expect(runner.waitForPosition('sample', position, 50)).resolves.toBeUndefined();
  });

  it('waits as usual for a build further behind than the look reaches', async () => {
    const runner = await readerAfterProjectorStopped();
    const others = Array<string>(SHOWS_POSITION_LOOK_LIMIT + 1).fill('SomethingElse');
    const { position } = await appendTypes(harness.events, 'other', ...others);
    const lagging = await runner.waitForPosition('sample', position, 50).catch((e: unknown) => e);
    expect(lagging).toBeInstanceOf(ProjectionLaggingError);
  });

  it('sees a projector in another process through the stored checkpoint', async () => {
    const projector = await start();
    const reader = new ProjectionRunner(
      harness.events,
      harness.store,
      [sampleProjection()],
      FAST_RUNNER,
    );
    await reader.load();
    const { position } = await appendTypes(harness.events, 's', 'ItemAdded');
    await reader.waitForPosition('sample', position, 2000);
    expect(await harness.store.get(reader.collection('sample', 'streams'), 's')).toMatchObject({
      events: 1,
    });
    expect(projector.collection('sample', 'streams')).toBe(reader.collection('sample', 'streams'));
    await reader.stop();
  });
});
