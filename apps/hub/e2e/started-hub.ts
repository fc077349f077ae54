import { lateBound } from '@hub/testing';
import { Fixtures } from './hub.fixtures';
import { TestHub } from './test-hub';

/**
 * The usual frame of an e2e describe block: a hub started before its tests (by `start`, a
 * plain `TestHub.start()` unless given) and stopped after them, with fixtures on it.
 */
export function startedHub(start: () => Promise<TestHub> = () => TestHub.start()) {
  const hub = lateBound<TestHub>('the test hub');
  const f = lateBound<Fixtures>('the fixtures');
  let started: TestHub | undefined;
  beforeAll(async () => {
    started = await start();
    hub.set(started);
    f.set(new Fixtures(started));
  });
  afterAll(() => started?.stop());
  return { hub: hub.ref, f: f.ref };
}
