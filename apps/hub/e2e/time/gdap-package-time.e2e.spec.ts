import { FakeClock } from '@hub/testing/fake-clock';
import {
  CUSTOMER,
  SERVICE_ADMIN_EMAIL,
  customerWithAdministrator,
  registerPartner,
  tokens,
} from '../partner-cases/csp.fixtures';
import { startedHub } from '../started-hub';
import { facts, fireDue, hubWithClock, kinds, notificationsOf } from './time.fixtures';

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

  it('tells the partner admin and the customer administrator 30, 7 and 1 days before the end, then records the end, each once at its time', async () => {
    clock.set(START);
    const partnerAdmin = t.partner('p-1', ['PartnerAdmin'], 'pa-1');
    const requested = await hub.call('POST', '/v1/gdap-relationships', {
      token: partnerAdmin,
      body: {
        partnerId: 'p-1',
        customerOrgId: CUSTOMER,
        roles: ['ServiceSupportAdministrator'],
        durationDays: 40,
      },
    });
    expect(requested.status).toBe(201);
    const id = requested.body.relationshipId as string;
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
