import { startedHub } from '../started-hub';
import {
  CUSTOMER,
  SERVICE_ADMIN_EMAIL,
  customerWithAdministrator,
  eventually,
  registerPartner,
  tokens,
} from '../partner-cases/csp.fixtures';

describe('GDAP relationships: request, approve, terminate, end to end', () => {
  const { hub } = startedHub();
  let t: ReturnType<typeof tokens>;

  async function refused(call: () => Promise<{ status: number; body: any }>) {
    const before = await hub.settledEventCount();
    const response = await call();
    expect((await hub.allEvents()).length).toBe(before);
    return response;
  }

  const body = {
    partnerId: 'p-1',
    customerOrgId: CUSTOMER,
    roles: ['ServiceSupportAdministrator'],
    durationDays: 30,
  };
  const request = (token: string | undefined, overrides: object = {}) =>
    hub.call('POST', '/v1/gdap-relationships', { token, body: { ...body, ...overrides } });
  const act = (id: string, action: 'approve' | 'terminate', token?: string) =>
    hub.call('POST', `/v1/gdap-relationships/${id}/${action}`, { token });

  beforeAll(async () => {
    t = tokens(hub);
    await customerWithAdministrator(hub);
    await registerPartner(hub, 'p-1', 'direct-provider');
  });

  it('lists the request under partner and customer and asks the customer to approve (outbox)', async () => {
    const requested = await request(t.partner('p-1', ['PartnerAdmin']));
    expect(requested.status).toBe(201);
    const id = requested.body.relationshipId;
    const [claim] = await hub.events.readStream(`id-gdap-index-p-1:${CUSTOMER}:0`);
    expect(claim.data).toMatchObject({ ownerStream: `gdap-${id}` });
    const page = await hub.call('GET', '/v1/notifications/outbox', { token: t.service });
    expect(page.body.notifications).toContainEqual(
      expect.objectContaining({
        kind: 'gdap-approval-request',
        to: SERVICE_ADMIN_EMAIL,
        data: expect.objectContaining({ relationshipId: id, partnerId: 'p-1' }),
      }),
    );
  });

  it('sends the invitations of the activation to the outbox (follow-up step)', async () => {
    const invitation = await eventually(async () => {
      const page = await hub.call('GET', '/v1/notifications/outbox', { token: t.service });
      return page.body.notifications.find((n: any) => n.kind === 'invitation');
    });
    expect(invitation.to).toBe(SERVICE_ADMIN_EMAIL);
  });

  it('answers 400, 401, 403 and 404 for requests, appending nothing', async () => {
    const admin = t.partner('p-1', ['PartnerAdmin']);
    const bad = await refused(() => request(admin, { durationDays: 731, roles: ['Wizard'] }));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details)).toEqual(
      expect.arrayContaining(['durationDays', 'roles']),
    );
    expect((await refused(() => request(admin, { extra: true }))).status).toBe(400);
    expect((await refused(() => request(undefined))).status).toBe(401);
    expect((await refused(() => request(t.partner('p-1', ['AdminAgent'])))).status).toBe(403);
    expect((await refused(() => request(t.partner('p-2', ['PartnerAdmin'])))).status).toBe(403);
    const ghost = t.partner('p-ghost', ['PartnerAdmin']);
    expect((await refused(() => request(ghost, { partnerId: 'p-ghost' }))).status).toBe(404);
  });

  it('approves for the customer only; a second approval is refused; either side terminates', async () => {
    const { body: requested } = await request(t.partner('p-1', ['PartnerAdmin']));
    const id = requested.relationshipId;
    expect((await refused(() => act(id, 'approve', t.customerUser))).status).toBe(403);
    expect(
      (await refused(() => act(id, 'approve', t.partner('p-1', ['PartnerAdmin'])))).status,
    ).toBe(403);
    expect((await refused(() => act(id, 'approve'))).status).toBe(401);
    expect((await refused(() => act('nope', 'approve', t.customerAdmin))).status).toBe(404);
    expect((await act(id, 'approve', t.customerAdmin)).status).toBe(200);
    const twice = await refused(() => act(id, 'approve', t.customerAdmin));
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('gdap_relationship_not_pending');
    expect((await refused(() => act(id, 'terminate', t.customerUser))).status).toBe(403);
    expect((await act(id, 'terminate', t.customerAdmin)).status).toBe(200);
    const ended = await refused(() => act(id, 'terminate', t.partner('p-1', ['PartnerAdmin'])));
    expect(ended.status).toBe(409);
    expect(ended.body.code).toBe('gdap_relationship_not_active');
  });
});
