import { startedHub } from '../started-hub';

/**
 * An agreement's dates bound what is added to it, and its Customer Administrators are appointed
 * and removed but never all (domain.md §3), through HTTP. Refusals append nothing.
 */
describe('agreement dates and administrators (e2e)', () => {
  const { hub, f } = startedHub();
  let agreementId: string;

  beforeAll(async () => {
    agreementId = (await f.customer()).agreementId; // runs 2026-01-01 to 2027-12-31
  });

  afterEach(() => hub.setNow(null));

  it('refuses a workspace created after the agreement ended', async () => {
    hub.setNow('2028-01-01T09:00:00.000Z');
    const answer = await f.refused(() =>
      hub.call('POST', '/v1/workspaces', {
        token: f.csam,
        body: {
          agreementId,
          name: 'Too late',
          purpose: 'e2e',
          administrator: { email: 'late@contoso.example', name: 'Late' },
        },
      }),
    );
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('agreement_not_in_effect');
  });

  it('refuses a contract dated outside the agreement', async () => {
    const answer = await f.refused(() =>
      hub.call('POST', `/v1/agreements/${agreementId}/contracts`, {
        token: f.csam,
        body: {
          startsOn: '2027-06-01',
          endsOn: '2028-05-31',
          entitlements: [
            {
              category: 'reactive',
              service: 'Problem resolution',
              unit: 'hours',
              quantity: 10,
              kind: 'consumable',
            },
          ],
        },
      }),
    );
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('contract_outside_agreement');
  });

  it('appoints a further Customer Administrator and removes one, never the last', async () => {
    const customer = await f.customer();
    const sa = customer.serviceAdministrator;
    const url = `/v1/agreements/${customer.agreementId}/customer-administrators`;
    const last = await f.refused(() =>
      hub.call('DELETE', `${url}/${sa.sub}`, { token: f.tokenOf(sa) }),
    );
    expect(last.status).toBe(409);
    expect(last.body.code).toBe('last_customer_administrator');

    const rolesOf = async (position: string) => {
      const workspaces = await hub.call('GET', `/v1/workspaces?minPosition=${position}`, {
        token: f.tokenOf(sa),
      });
      return workspaces.body.workspaces.flatMap((w: { roles: string[] }) => w.roles);
    };
    const ann = await f.member(customer.defaultWorkspaceId, f.tokenOf(sa), 'ann');
    const appointed = await f.ok('POST', url, f.tokenOf(sa), { userId: ann.sub });
    expect(await rolesOf(appointed.position)).toContain('CustomerAdministrator');
    const removed = await f.ok('DELETE', `${url}/${sa.sub}`, f.tokenOf(ann));
    // The removed administrator no longer administers the agreement's workspaces.
    expect(await rolesOf(removed.position)).not.toContain('CustomerAdministrator');
  });

  it('appoints as Customer Administrator only a member of the customer organisation', async () => {
    const customer = await f.customer();
    const sa = customer.serviceAdministrator;
    const url = `/v1/agreements/${customer.agreementId}/customer-administrators`;
    const head = async () => (await hub.allEvents()).at(-1)?.position;
    const before = await head();
    const outsider = f.person('outsider');
    const refused = await f.refused(() =>
      hub.call('POST', url, { token: f.tokenOf(sa), body: { userId: outsider.sub } }),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('appointee_not_member');
    expect(await head()).toBe(before);
    // A member of another customer's workspace is no member of this organisation either.
    const elsewhere = await f.administeredWorkspace((await f.customer()).agreementId);
    const foreign = await f.refused(() =>
      hub.call('POST', url, { token: f.csam, body: { userId: elsewhere.admin.sub } }),
    );
    expect(foreign.body.code).toBe('appointee_not_member');
    // The administrator of an additional workspace of this agreement belongs to it.
    const { admin } = await f.administeredWorkspace(customer.agreementId);
    await f.ok('POST', url, f.csam, { userId: admin.sub });
    // Removed from every workspace, a former member is no longer one.
    const ann = await f.member(customer.defaultWorkspaceId, f.tokenOf(sa), 'ann');
    await f.ok(
      'DELETE',
      `/v1/workspaces/${customer.defaultWorkspaceId}/members/${ann.sub}`,
      f.tokenOf(sa),
    );
    const gone = await f.refused(() =>
      hub.call('POST', url, { token: f.tokenOf(sa), body: { userId: ann.sub } }),
    );
    expect(gone.body.code).toBe('appointee_not_member');
  });

  it('answers 404 to a caller outside the agreement', async () => {
    const answer = await f.refused(() =>
      hub.call('POST', `/v1/agreements/${agreementId}/customer-administrators`, {
        token: f.tokenOf(f.person('stranger')),
        body: { userId: 'someone' },
      }),
    );
    expect(answer.status).toBe(404);
  });
});
