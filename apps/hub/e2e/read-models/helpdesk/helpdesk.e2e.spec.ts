import { OrgId, PartnerId, UserId } from '@hub/domain';
import { OrganizationRecord, UserRecord } from '@hub/domain/directory';
import { TestHub } from '../../test-hub';
import { directoryFacts, registerPartner, tokens } from '../../partner-cases/csp.fixtures';

const PARTNER = 'p-hd';
const RIVAL = 'p-rival';

const org = (orgId: string, name: string, partnerId: string): OrganizationRecord => ({
  orgId: orgId as OrgId,
  name,
  createdAt: '2024-02-01T08:00:00.000Z',
  domains: [{ name: `${orgId}.example`, status: 'verified' }],
  sites: [`${orgId}.webex.example`],
  orderNumbers: [`OR-${orgId}`],
  managedByPartnerIds: [partnerId as PartnerId],
  administrators: [{ userId: `${orgId}-admin` as UserId, email: `admin@${orgId}.example` }],
  licences: [{ sku: 'MEETINGS', quantity: 25 }],
});

const user = (userId: string, orgId: string, first: string, last: string): UserRecord => ({
  userId: userId as UserId,
  orgId: orgId as OrgId,
  email: `${first.toLowerCase()}.${last.toLowerCase()}@${orgId}.example`,
  firstName: first,
  lastName: last,
  displayName: `${first} ${last}`,
  status: 'active',
  licences: ['MEETINGS'],
  devices: [{ deviceId: `${userId}-phone`, model: 'Desk Phone 9800' }],
  features: ['recording'],
});

describe('Help Desk search and views (domain.md §7), end to end', () => {
  let hub: TestHub;
  let agent: string;
  let minPosition: string;

  const get = (url: string, token = agent) =>
    hub.call('GET', `${url}${url.includes('?') ? '&' : '?'}minPosition=${minPosition}`, { token });

  beforeAll(async () => {
    hub = await TestHub.start();
    const t = tokens(hub);
    await registerPartner(hub, PARTNER, 'indirect-provider');
    agent = t.partner(PARTNER, [], 'agent-1');
    const granted = await hub.call('POST', `/v1/partners/${PARTNER}/helpdesk-agents`, {
      token: t.partner(PARTNER, ['PartnerAdmin']),
      body: { userId: 'agent-1' },
    });
    expect(granted.status).toBe(201);
    await directoryFacts(hub, org('nordvik', 'Nordvik Shipping', PARTNER), [
      user('u-astrid', 'nordvik', 'Astrid', 'Lindqvist'),
      user('u-olof', 'nordvik', 'Olof', 'Berg'),
    ]);
    await directoryFacts(hub, org('sunnan', 'Sunnan Shipping', RIVAL), [
      user('u-astrid-2', 'sunnan', 'Astrid', 'Lindqvist'),
    ]);
    minPosition = String(await hub.events.headPosition());
  });

  afterAll(() => hub.stop());

  it('finds the partner’s customers and their users, never another partner’s', async () => {
    const byName = await get('/v1/helpdesk/search?q=astrid');
    expect(byName.status).toBe(200);
    expect(byName.body.users.map((u: { userId: string }) => u.userId)).toEqual(['u-astrid']);
    expect(byName.body.users[0]).toMatchObject({
      orgName: 'Nordvik Shipping',
      matchedOn: 'firstName',
    });

    const byWord = await get('/v1/helpdesk/search?q=Shipping');
    expect(byWord.body.organizations.map((o: { orgId: string }) => o.orgId)).toEqual(['nordvik']);
    const byOrder = await get('/v1/helpdesk/search?q=or-nordvik');
    expect(byOrder.body.organizations[0]).toMatchObject({
      orgId: 'nordvik',
      matchedOn: 'orderNumber',
    });
    const rival = await get('/v1/helpdesk/search?q=sunnan');
    expect(rival.body).toEqual({ organizations: [], users: [] });
  });

  it('shows the organisation and the user views, and 404 outside the partner’s customers', async () => {
    const orgView = await get('/v1/helpdesk/orgs/nordvik');
    expect(orgView.status).toBe(200);
    expect(orgView.body).toMatchObject({
      createdAt: '2024-02-01T08:00:00.000Z',
      sites: ['nordvik.webex.example'],
      licences: [{ sku: 'MEETINGS', quantity: 25 }],
      administrators: [{ email: 'admin@nordvik.example' }],
      users: { total: 2 },
    });
    expect(orgView.body.devices).toHaveLength(2);

    const userView = await get('/v1/helpdesk/users/u-olof');
    expect(userView.status).toBe(200);
    expect(userView.body).toMatchObject({
      status: 'active',
      licences: ['MEETINGS'],
      features: ['recording'],
      lastEmail: null,
      suppressed: false,
    });

    expect((await get('/v1/helpdesk/orgs/sunnan')).status).toBe(404);
    expect((await get('/v1/helpdesk/users/u-astrid-2')).status).toBe(404);
  });

  it('refuses bad input with the field, and callers who are not agents of the partner', async () => {
    const short = await get('/v1/helpdesk/search?q=a');
    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({
      code: 'validation_failed',
      details: { q: expect.any(Array) },
    });
    const limit = await get('/v1/helpdesk/search?q=astrid&limit=500');
    expect(limit.status).toBe(400);
    expect(limit.body.details).toHaveProperty('limit');

    const notAgent = tokens(hub).partner(PARTNER, [], 'someone-else');
    expect((await get('/v1/helpdesk/search?q=astrid', notAgent)).status).toBe(403);
    // An agent's token for another partner does not carry the grant over.
    const elsewhere = tokens(hub).partner(RIVAL, [], 'agent-1');
    expect((await get('/v1/helpdesk/orgs/sunnan', elsewhere)).status).toBe(403);
    expect((await hub.call('GET', '/v1/helpdesk/search?q=astrid')).status).toBe(401);
  });

  it('answers as of a past position for auditors, for the partner they name', async () => {
    const auditor = hub.token({ sub: 'aud-1', roles: ['Auditor'], orgKind: 'provider' });
    const answer = await hub.call(
      'GET',
      `/v1/audit/projections/helpdesk?asOf=${minPosition}&partnerId=${PARTNER}&q=lindqvist`,
      { token: auditor },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.answer.users.map((u: { userId: string }) => u.userId)).toEqual(['u-astrid']);
    // By address too: the as-of fold keys the query's address as the live search does.
    const byAddress = await hub.call(
      'GET',
      `/v1/audit/projections/helpdesk?asOf=${minPosition}&partnerId=${PARTNER}&q=${encodeURIComponent('Olof.Berg@nordvik.example')}`,
      { token: auditor },
    );
    expect(byAddress.body.answer.users).toEqual([
      expect.objectContaining({ userId: 'u-olof', matchedOn: 'email' }),
    ]);
    const missing = await hub.call(
      'GET',
      `/v1/audit/projections/helpdesk?asOf=${minPosition}&q=x1`,
      {
        token: auditor,
      },
    );
    expect(missing.status).toBe(400);
    expect(missing.body.details).toHaveProperty('partnerId');
  });
});
