import { jsonDepthExceeds } from '../../../hub-api/src/http/json-body';
import { startedHub } from '../started-hub';

/** Bodies that answered 500 (issue 18 item 6): each is a 400 with the field, and appends nothing. */
describe('bad input answers 400 with the field, never 500', () => {
  const { hub, f } = startedHub();

  async function refused(url: string, token: string, body: unknown) {
    const before = await hub.settledEventCount();
    const headers = { 'content-type': 'application/json' };
    const answer = await hub.call('POST', url, { token, body, headers });
    expect((await hub.allEvents()).length).toBe(before);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('validation_failed');
    return answer.body.details as Record<string, string[]>;
  }

  const consumption = (quantity: unknown) => ({
    consumptionId: 'c-1',
    contractId: 'k-1',
    entitlementId: 'dse-hours',
    quantity,
    deliveredOn: '2026-02-01',
    reference: { kind: 'case', id: 'x' },
  });

  it('refuses a quantity of 1e-7 or 5e-324, or with a seventh decimal, naming quantity', async () => {
    for (const quantity of [1e-7, 5e-324, 0.0000001, 1.0000005, 1_000_000.5, -1, 0, 1e300, '2']) {
      const details = await refused('/v1/consumption', f.service, consumption(quantity));
      expect(Object.keys(details)).toEqual(['quantity']);
    }
  });

  it('refuses a required nested object that is missing or not an object (agreement customer)', async () => {
    const agreement = {
      type: 'unified',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      serviceAdministrator: { email: 'sa@contoso.example', name: 'Sam' },
      namedContacts: [],
    };
    expect(await refused('/v1/agreements', f.csam, agreement)).toHaveProperty('customer');
    for (const customer of [null, 'org-1', [{ orgId: 'o', name: 'n' }]]) {
      expect(await refused('/v1/agreements', f.csam, { ...agreement, customer })).toHaveProperty(
        'customer',
      );
    }
    const { reference: _, ...withoutReference } = consumption(1);
    expect(await refused('/v1/consumption', f.service, withoutReference)).toHaveProperty(
      'reference',
    );
    expect(
      await refused('/v1/workspaces', f.csam, { agreementId: 'a', name: 'n', purpose: 'p' }),
    ).toHaveProperty('administrator');
  });

  it('refuses JSON nested deeper than the limit at parse time', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 2400; i += 1) deep = { a: deep };
    const details = await refused('/v1/agreements', f.csam, { customer: deep });
    expect(details).toHaveProperty('body');
    let arrays = '1';
    for (let i = 0; i < 100_000; i += 1) arrays = `[${arrays}]`;
    expect(await refused('/v1/consumption', f.service, arrays)).toHaveProperty('body');
  });

  it('counts depth outside strings only', () => {
    expect(jsonDepthExceeds('{"a":"[[[[[[[[[[[[","b":{"c":[1]}}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":"\\"[[[","b":{"c":[[1]]}}', 3)).toBe(true);
  });
});
