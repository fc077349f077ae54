import { eventually } from '@hub/testing';
import { ProjectionRunner } from '@hub/projection/projection-runner';
import { ALL_PROJECTIONS } from '@hub/projections/index';
import { TestHub } from '../test-hub';

/** Every projection's active build live and caught up, after any rebuild has switched over. */
export async function settled(hub: TestHub, operator: string): Promise<void> {
  await eventually(
    async () => {
      const { projections } = (await hub.call('GET', '/v1/projections', { token: operator })).body;
      return projections.every(
        (p: Record<string, unknown>) => !p.rebuild && p.state === 'live' && p.lag === 0,
      );
    },
    20_000,
    'every projection live and caught up, no rebuild pending',
  );
}

/** Every document of every projection's active build, by projection and collection. */
export async function documents(hub: TestHub): Promise<Record<string, unknown[]>> {
  const runner = hub.app.get(ProjectionRunner);
  const all: Record<string, unknown[]> = {};
  for (const projection of ALL_PROJECTIONS) {
    const view = runner.view(projection.name);
    for (const { name } of projection.collections) {
      const items: unknown[] = [];
      let cursor: string | undefined;
      do {
        const page = await view.store.find(view.collection(name), { limit: 500, cursor });
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      all[`${projection.name}/${name}`] = items;
    }
  }
  return all;
}

/** A directory or mail-service message as `POST /v1/directory/events` takes it. */
export async function directoryMessage(
  hub: TestHub,
  messageId: string,
  type: string,
  payload: Record<string, unknown>,
): Promise<void> {
  const service = hub.token({ sub: 'directory', roles: ['Service'], orgKind: 'provider' });
  const posted = await hub.call('POST', '/v1/directory/events', {
    token: service,
    body: {
      messageId,
      type,
      schemaVersion: 1,
      occurredAt: '2026-03-02T10:00:00Z',
      source: 'directory',
      payload,
    },
  });
  expect(posted.status).toBeLessThan(300);
}
