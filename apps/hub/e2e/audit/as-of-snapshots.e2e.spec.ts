import { READ_MODEL_STORE, ReadModelStore } from '@hub/read-store';
import { buildPrefix } from '@hub/projection/projection';
import { snapshotMetas } from '@hub/projection/snapshots/snapshot-layout';
import { ALL_PROJECTIONS } from '@hub/projections/index';
import { startedHub } from '../started-hub';
import { TestHub } from '../test-hub';

const DAY = '2026-06-01';

/**
 * GET /v1/audit/projections/{name}?asOf=… answered from snapshots (one every 2 events here)
 * gives, at every position of a history, the answer the live route gave at that moment.
 */
describe('as-of answers from snapshots (end to end)', () => {
  const { hub, f } = startedHub(() => TestHub.start({ SNAPSHOT_EVERY_EVENTS: '2' }));

  it('answers each past position as the live route answered then', async () => {
    const auditor = hub.token({ sub: 'auditor-1', roles: ['Auditor'], orgKind: 'provider' });
    const customer = await f.customer();
    const { workspaceId } = await f.administeredWorkspace(customer.agreementId);
    const contractId = await f.addContract(customer.agreementId);
    let { position } = await f.ok('POST', `/v1/workspaces/${workspaceId}/mappings`, f.csam, {
      contractId,
    });
    const liveUrl = `/v1/customer-activity?workspaceId=${workspaceId}&asOfDate=${DAY}`;
    const seen: { position: string; answer: unknown }[] = [];
    for (let n = 1; n <= 7; n += 1) {
      ({ position } = await f.ok('POST', '/v1/consumption', f.service, {
        consumptionId: `k${n}`,
        contractId,
        entitlementId: 'dse-hours',
        quantity: n / 2,
        deliveredOn: '2026-03-01',
        reference: { kind: 'case', id: `case-${n}` },
      }));
      const live = await hub.call('GET', `${liveUrl}&minPosition=${position}`, { token: auditor });
      expect(live.status).toBe(200);
      seen.push({ position, answer: live.body });
    }
    const store = hub.app.get<ReadModelStore>(READ_MODEL_STORE);
    const activity = ALL_PROJECTIONS.find((p) => p.name === 'customer-activity')!;
    const prefix = buildPrefix(activity.name, { version: activity.version, generation: 0 });
    const metas = await store.find(snapshotMetas(prefix));
    expect(metas.items.length).toBeGreaterThan(2);
    for (const { position: at, answer } of seen) {
      const asOf = await hub.call(
        'GET',
        `/v1/audit/projections/customer-activity?asOf=${at}&workspaceId=${workspaceId}&asOfDate=${DAY}`,
        { token: auditor },
      );
      expect(asOf.status).toBe(200);
      expect(asOf.body.answer).toEqual(answer);
    }
  });
});
