import { FakeClock } from '@hub/testing/fake-clock';
import {
  CUSTOMER,
  SERVICE_ADMIN_EMAIL,
  customerWithAdministrator,
  registerPartner,
  tokens,
} from '../partner-cases/csp.fixtures';
import { startedHub } from '../started-hub';
import { SseClient, facts, fireDue, hubWithClock, kinds, notificationsOf } from './time.fixtures';

const START = '2026-03-02T09:00:00.000Z';

describe("time makes facts: a GDAP relationship's and a package's term", () => {
  const clock = new FakeClock(START);
  const { hub, f } = startedHub(() => hubWithClock(clock));
  let t: ReturnType<typeof tokens>;

  beforeAll(async () => {
    t = tokens(hub);
    await customerWithAdministrator(hub);
    await registerPartner(hub, 'p-1', 'direct-provider');
  });

  const of = (events: any[], key: string, id: string) => events.filter((e) => e.data[key] === id);
  /** A partner admin asks the customer for a 40-day relationship; answers its id. */
  const request = async (token: string, more: object = {}): Promise<string> => {
    const requested = await hub.call('POST', '/v1/gdap-relationships', {
      token,
      body: {
        partnerId: 'p-1',
        customerOrgId: CUSTOMER,
        roles: ['ServiceSupportAdministrator'],
        durationDays: 40,
        ...more,
      },
    });
    expect(requested.status).toBe(201);
    return requested.body.relationshipId as string;
  };

  it('tells the partner admin and the customer administrator 30, 7 and 1 days before the end, then records the end, each once at its time', async () => {
    clock.set(START);
    const partnerAdmin = t.partner('p-1', ['PartnerAdmin'], 'pa-1');
    const id = await request(partnerAdmin);
    const approved = await hub.call('POST', `/v1/gdap-relationships/${id}/approve`, {
      token: t.customerAdmin,
    });
    expect(approved.status).toBe(200);
    // Ends 2026-04-11T09:00Z: notices on 03-12, 04-04 and 04-10 at 09:00.
    clock.set('2026-03-12T08:59:59.999Z');
    await fireDue(hub);
    expect(of(await facts(hub, 'GdapRelationshipExpiring'), 'relationshipId', id)).toEqual([]);

    clock.set('2026-03-12T09:00:00.000Z');
    await fireDue(hub);
    clock.set('2026-04-10T12:00:00.000Z'); // jumps past the 7- and 1-day notices at once
    await fireDue(hub);
    const notices = of(await facts(hub, 'GdapRelationshipExpiring'), 'relationshipId', id);
    expect(notices.map((e) => [e.data.daysLeft, e.metadata.occurredAt])).toEqual([
      [30, '2026-03-12T09:00:00.000Z'],
      [7, '2026-04-04T09:00:00.000Z'],
      [1, '2026-04-10T09:00:00.000Z'],
    ]);
    expect(of(await facts(hub, 'GdapRelationshipExpired'), 'relationshipId', id)).toEqual([]);

    clock.set('2026-04-11T09:00:00.000Z');
    await fireDue(hub);
    await fireDue(hub);
    const ended = of(await facts(hub, 'GdapRelationshipExpired'), 'relationshipId', id);
    expect(ended).toHaveLength(1);
    expect(ended[0].metadata.actor).toEqual({ service: 'hub-clock' });

    for (const token of [partnerAdmin, t.customerAdmin]) {
      const mine = (await notificationsOf(hub, token)).filter(
        (n) => n.data.relationshipId === id && n.kind !== 'gdap-approval-request',
      );
      expect(kinds(mine)).toEqual([
        'gdap_expiring',
        'gdap_expiring',
        'gdap_expiring',
        'gdap_expired',
      ]);
    }
  });

  it('with autoExtend, the end extends the relationship by 180 days once, told live to the partner admin; the new term gets its own notices', async () => {
    clock.set(START);
    const partnerAdmin = t.partner('p-1', ['PartnerAdmin'], 'pa-3');
    const sse = await SseClient.connect(hub, partnerAdmin);
    const id = await request(partnerAdmin, { autoExtend: true });
    await hub.call('POST', `/v1/gdap-relationships/${id}/approve`, { token: t.customerAdmin });
    clock.set('2026-04-11T08:59:59.999Z');
    await fireDue(hub);
    expect(of(await facts(hub, 'GdapRelationshipExtended'), 'relationshipId', id)).toEqual([]);
    clock.set('2026-04-11T09:00:00.000Z');
    await fireDue(hub);
    await fireDue(hub);
    const extended = of(await facts(hub, 'GdapRelationshipExtended'), 'relationshipId', id);
    expect(extended.map((e) => [e.data.previousEndsAt, e.data.endsAt])).toEqual([
      ['2026-04-11T09:00:00.000Z', '2026-10-08T09:00:00.000Z'],
    ]);
    expect(of(await facts(hub, 'GdapRelationshipExpired'), 'relationshipId', id)).toEqual([]);
    expect((await sse.received('gdap_extended')).data).toMatchObject({ relationshipId: id });
    clock.set('2026-09-08T09:00:00.000Z');
    await fireDue(hub);
    const notices = of(await facts(hub, 'GdapRelationshipExpiring'), 'relationshipId', id);
    expect(notices.map((e) => [e.data.daysLeft, e.data.endsAt])).toContainEqual([
      30,
      '2026-10-08T09:00:00.000Z',
    ]);
    sse.disconnect();
  });

  it('a termination before the end cancels the notices and the end; an unapproved request lapses after 90 days, told to the partner', async () => {
    clock.set(START);
    const partnerAdmin = t.partner('p-1', ['PartnerAdmin'], 'pa-2');
    const body = {
      partnerId: 'p-1',
      customerOrgId: CUSTOMER,
      roles: ['ServiceSupportAdministrator'],
      durationDays: 40,
    };
    const ended = (await hub.call('POST', '/v1/gdap-relationships', { token: partnerAdmin, body }))
      .body.relationshipId;
    const lapsing = (
      await hub.call('POST', '/v1/gdap-relationships', { token: partnerAdmin, body })
    ).body.relationshipId;
    await hub.call('POST', `/v1/gdap-relationships/${ended}/approve`, { token: t.customerAdmin });
    await hub.call('POST', `/v1/gdap-relationships/${ended}/terminate`, { token: partnerAdmin });
    clock.set('2026-06-01T00:00:00.000Z'); // past the end and the 90 days
    await fireDue(hub);
    expect(of(await facts(hub, 'GdapRelationshipExpiring'), 'relationshipId', ended)).toEqual([]);
    expect(of(await facts(hub, 'GdapRelationshipExpired'), 'relationshipId', ended)).toEqual([]);
    const lapsed = of(await facts(hub, 'GdapRequestLapsed'), 'relationshipId', lapsing);
    expect(lapsed.map((e) => e.metadata.occurredAt)).toEqual(['2026-05-31T09:00:00.001Z']);
    const told = (await notificationsOf(hub, partnerAdmin)).filter(
      (n) => n.data.relationshipId === lapsing,
    );
    expect(kinds(told)).toEqual(['gdap_request_lapsed']);
    const customerTold = (await notificationsOf(hub, t.customerAdmin)).filter(
      (n) => n.data.relationshipId === lapsing && n.kind === 'gdap_request_lapsed',
    );
    expect(customerTold).toEqual([]);
  });

  it('an autoExtend relationship runs 180 days past its end in both lists; an auditor reads it as it stood before', async () => {
    clock.set(START);
    const partnerAdmin = t.partner('p-1', ['PartnerAdmin'], 'pa-3');
    const requested = await hub.call('POST', '/v1/gdap-relationships', {
      token: partnerAdmin,
      body: {
        partnerId: 'p-1',
        customerOrgId: CUSTOMER,
        roles: ['ServiceSupportAdministrator'],
        durationDays: 10,
        autoExtend: true,
      },
    });
    const id = requested.body.relationshipId as string;
    const approved = await hub.call('POST', `/v1/gdap-relationships/${id}/approve`, {
      token: t.customerAdmin,
    });
    const auditor = hub.token({ sub: 'auditor-1', roles: ['Auditor'], orgKind: 'provider' });
    const asOf = (token: string, query: string) =>
      hub.call(
        'GET',
        `/v1/audit/projections/partner-relations?asOf=${approved.body.position}&${query}`,
        {
          token,
        },
      );
    const mine = (answer: any) => answer.relationships.find((r: any) => r.relationshipId === id);
    expect(mine((await asOf(auditor, 'partnerId=p-1')).body.answer)).toMatchObject({
      status: 'active',
      endsAt: '2026-03-12T09:00:00.000Z',
    });

    clock.set('2026-03-12T09:00:00.000Z'); // the end: extended, not expired
    await fireDue(hub);
    const [extended] = of(await facts(hub, 'GdapRelationshipExtended'), 'relationshipId', id);
    expect(extended.data.endsAt).toBe('2026-09-08T09:00:00.000Z');
    expect(of(await facts(hub, 'GdapRelationshipExpired'), 'relationshipId', id)).toEqual([]);
    clock.set('2026-03-13T09:00:00.000Z');
    for (const [token, query] of [
      [partnerAdmin, 'partnerId=p-1'],
      [t.customerAdmin, `customerOrgId=${CUSTOMER}`],
    ]) {
      const live = await hub.call(
        'GET',
        `/v1/gdap-relationships?${query}&minPosition=${extended.position}`,
        { token },
      );
      expect(mine(live.body)).toMatchObject({
        status: 'active',
        endsAt: '2026-09-08T09:00:00.000Z',
      });
    }
    // As it stood at the approval: the first end, before the extension was recorded.
    expect(mine((await asOf(auditor, 'partnerId=p-1')).body.answer).endsAt).toBe(
      '2026-03-12T09:00:00.000Z',
    );
    // A customer organisation's Auditor reads its own organisation's relationships only.
    const orgAuditor = hub.token({
      sub: 'aud-c',
      roles: ['Auditor'],
      org: CUSTOMER,
      orgKind: 'customer',
    });
    expect(mine((await asOf(orgAuditor, 'partnerId=p-1')).body.answer)).toBeDefined();
    expect((await asOf(orgAuditor, 'customerOrgId=org-elsewhere')).status).toBe(404);
  });

  it("tells the agreement's administrator and the CSAM 30, 7 and 1 days before a package ends, then records its expiry; a withdrawal cancels", async () => {
    clock.set(START);
    const agreement = await hub.call('GET', '/v1/workspaces', { token: t.customerAdmin });
    expect(agreement.status).toBe(200);
    const agreementId = (await hub.allEvents()).find((e) => e.type === 'AgreementActivated')!.data
      .agreementId as string;
    const contractId = await f.addContract(agreementId);
    const pkg = (packageId: string) => ({
      packageId,
      name: 'Enhanced solution',
      expiresOn: '2026-04-30',
      entitlements: [
        {
          category: 'proactive',
          service: 'Workshops',
          unit: 'credits',
          quantity: 2,
          kind: 'consumable',
        },
      ],
    });
    await f.ok('POST', `/v1/contracts/${contractId}/packages`, f.csam, pkg('pk-time'));
    await f.ok('POST', `/v1/contracts/${contractId}/packages`, f.csam, pkg('pk-gone'));
    await f.ok('POST', `/v1/packages/pk-gone/withdraw`, f.csam, { reason: 'replaced' });
    // Ends at 2026-05-01T00:00Z: notices on 04-01, 04-24 and 04-30.
    clock.set('2026-03-31T23:59:59.000Z');
    await fireDue(hub);
    expect(of(await facts(hub, 'PackageExpiring'), 'packageId', 'pk-time')).toEqual([]);
    clock.set('2026-05-01T00:00:00.000Z');
    await fireDue(hub);
    await fireDue(hub);
    const notices = of(await facts(hub, 'PackageExpiring'), 'packageId', 'pk-time');
    expect(notices.map((e) => e.data.daysLeft)).toEqual([30, 7, 1]);
    expect(of(await facts(hub, 'PackageExpired'), 'packageId', 'pk-time')).toHaveLength(1);
    expect(of(await facts(hub, 'PackageExpiring'), 'packageId', 'pk-gone')).toEqual([]);
    expect(of(await facts(hub, 'PackageExpired'), 'packageId', 'pk-gone')).toEqual([]);
    const csam = hub.token({
      sub: 'csam-1',
      email: 'csam@provider.example',
      roles: ['CSAM'],
      orgKind: 'provider',
    });
    for (const token of [t.customerAdmin, csam]) {
      const mine = (await notificationsOf(hub, token)).filter(
        (n) => n.data.packageId === 'pk-time',
      );
      expect(kinds(mine)).toEqual([
        'package_expiring',
        'package_expiring',
        'package_expiring',
        'package_expired',
      ]);
    }
    expect(SERVICE_ADMIN_EMAIL).toBe('sa@contoso.example');
  });
});
