import { startedHub } from '../../started-hub';

const reactive = (quantity: number) => [
  {
    entitlementId: 'reactive-hours',
    category: 'reactive',
    service: 'Problem resolution',
    unit: 'hours',
    quantity,
    kind: 'consumable',
  },
];

/**
 * Which contracts count (domain.md §4), through HTTP: by default the contracts active on the
 * evaluation day; an expired one only when asked for by contractId, never added to the active.
 */
describe('Customer Activity counts the active contracts (e2e)', () => {
  const { hub, f } = startedHub();
  let token: string;
  let workspaceId: string;
  let expired: string;
  let active: string;
  let last = '0';

  beforeAll(async () => {
    const customer = await f.customer();
    token = f.tokenOf(customer.serviceAdministrator);
    workspaceId = customer.defaultWorkspaceId;
    const add = async (startsOn: string, endsOn: string, quantity: number) =>
      (
        await f.ok('POST', `/v1/agreements/${customer.agreementId}/contracts`, f.csam, {
          startsOn,
          endsOn,
          entitlements: reactive(quantity),
        })
      ).contractId as string;
    expired = await add('2026-01-01', '2026-05-31', 25);
    active = await add('2026-06-01', '2027-05-31', 20);
    for (const contractId of [expired, active])
      await f.ok('POST', `/v1/workspaces/${workspaceId}/mappings`, f.csam, { contractId });
    await f.ok('POST', '/v1/consumption', f.service, {
      consumptionId: 'old-use',
      contractId: expired,
      entitlementId: 'reactive-hours',
      quantity: 2,
      deliveredOn: '2026-03-01',
      reference: { kind: 'case', id: 'c-1' },
    });
    last = (
      await f.ok('POST', '/v1/consumption', f.service, {
        consumptionId: 'new-use',
        contractId: active,
        entitlementId: 'reactive-hours',
        quantity: 2,
        deliveredOn: '2026-07-01',
        reference: { kind: 'case', id: 'c-2' },
      })
    ).position;
  });

  const summary = async (query: string) => {
    const answer = await hub.call(
      'GET',
      `/v1/customer-activity?workspaceId=${workspaceId}&asOfDate=2026-08-01&minPosition=${last}${query}`,
      { token },
    );
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it("an expired contract's remaining balance is not added to the active figures", async () => {
    const answer = await summary('');
    expect(answer.contracts.map((c: { contractId: string }) => c.contractId)).toEqual([active]);
    expect(answer.categories).toMatchObject([
      { category: 'reactive', unit: 'hours', total: 20, consumed: 2, remaining: 18, overage: 0 },
    ]);
  });

  it('shows an expired contract when asked for by contractId', async () => {
    const answer = await summary(`&contractId=${expired}`);
    expect(answer.contracts).toEqual([
      expect.objectContaining({ contractId: expired, status: 'expired' }),
    ]);
    expect(answer.categories[0]).toMatchObject({
      total: 25,
      consumed: 2,
      remaining: 0,
      forfeited: 23,
    });
  });
});
