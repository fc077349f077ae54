import { Person } from '../hub.fixtures';
import { startedHub } from '../started-hub';

/**
 * What a consumption record must satisfy, through HTTP (domain.md §2): within the contract's
 * dates, into a workspace of the agreement that sees the contract, and an id names one fact.
 * Every refusal is a 4xx with its code and appends nothing.
 */
describe('POST /v1/consumption validation (e2e)', () => {
  const { hub, f } = startedHub();
  let contractId: string;
  let mappedWorkspace: string;
  let unmappedWorkspace: string;
  let otherAgreementWorkspace: string;
  let admin: Person;

  beforeAll(async () => {
    const customer = await f.customer();
    contractId = await f.addContract(customer.agreementId); // 2026-01-01 to 2026-12-31
    mappedWorkspace = customer.defaultWorkspaceId;
    admin = customer.serviceAdministrator;
    await f.ok('POST', `/v1/workspaces/${mappedWorkspace}/mappings`, f.csam, { contractId });
    unmappedWorkspace = (await f.administeredWorkspace(customer.agreementId)).workspaceId;
    otherAgreementWorkspace = (await f.customer()).defaultWorkspaceId;
  });

  let sequence = 0;
  const record = (overrides: object = {}) => {
    sequence += 1;
    return {
      consumptionId: `val-${sequence}`,
      contractId,
      entitlementId: 'dse-hours',
      quantity: 2,
      deliveredOn: '2026-03-02',
      reference: { kind: 'engagement', id: 'eng-1' },
      ...overrides,
    };
  };
  const refusedLog = async (body: object) =>
    f.refused(() => hub.call('POST', '/v1/consumption', { token: f.service, body }));

  it('refuses a delivery outside the contract dates (409 delivered_outside_contract)', async () => {
    for (const deliveredOn of ['2025-12-31', '2027-01-01']) {
      const answer = await refusedLog(record({ deliveredOn }));
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('delivered_outside_contract');
    }
  });

  it('refuses a workspace of another agreement, or one the contract is not mapped into', async () => {
    for (const workspaceId of [otherAgreementWorkspace, unmappedWorkspace]) {
      const answer = await refusedLog(record({ workspaceId }));
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('workspace_not_mapped');
    }
    const unknown = await refusedLog(record({ workspaceId: 'no-such-workspace' }));
    expect(unknown.status).toBe(404);
    await f.ok('POST', '/v1/consumption', f.service, record({ workspaceId: mappedWorkspace }));
  });

  it('a reused consumptionId with a different quantity is refused (409 consumption_id_conflict)', async () => {
    const first = record();
    const created = await hub.call('POST', '/v1/consumption', { token: f.service, body: first });
    expect(created.status).toBe(201);
    const again = await hub.call('POST', '/v1/consumption', { token: f.service, body: first });
    expect(again.status).toBe(201);
    const conflict = await refusedLog({ ...first, quantity: 3 });
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('consumption_id_conflict');
  });

  it('shows the delivered hours of a proactive delivery, and the contract benefits', async () => {
    const logged = await f.ok('POST', '/v1/consumption', f.service, record({ deliveredHours: 6 }));
    const token = f.tokenOf(admin);
    const drill = await hub.call(
      'GET',
      `/v1/customer-activity/drilldowns/proactive?workspaceId=${mappedWorkspace}&asOfDate=2026-06-01&minPosition=${logged.position}`,
      { token },
    );
    expect(drill.body.records).toContainEqual(
      expect.objectContaining({ consumptionId: logged.consumptionId, deliveredHours: 6 }),
    );
    const summary = await hub.call(
      'GET',
      `/v1/customer-activity?workspaceId=${mappedWorkspace}&asOfDate=2026-06-01&minPosition=${logged.position}`,
      { token },
    );
    expect(summary.body.benefits).toEqual([
      expect.objectContaining({ contractId, entitlementId: 'webcasts', service: 'Webcasts' }),
    ]);
    const onBenefit = await refusedLog(record({ entitlementId: 'webcasts', deliveredHours: 1 }));
    expect(onBenefit.status).toBe(409);
  });
});
