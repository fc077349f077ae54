import { ForbiddenError, NotFoundError } from '@hub/domain';
import { SpecEvent } from '@hub/testing/projection/projection-specs';
import { agentGranted, orgUpserted, userUpserted, viewOf } from './helpdesk.fixtures';
import { agentPartnerOf } from './helpdesk.scope';
import { orgView, userView } from './helpdesk.views';

const contoso = orgUpserted('o1', {
  name: 'Contoso',
  sites: ['contoso.webex.example'],
  managedByPartnerIds: ['p1'],
  administrators: [{ userId: 'u1', email: 'ada@contoso.example' }],
  licences: [{ sku: 'MEETINGS', quantity: 10 }],
});
const users = ['Ada', 'Bea', 'Cid'].map((name, i) =>
  userUpserted(`u${i + 1}`, 'o1', {
    email: `${name.toLowerCase()}@contoso.example`,
    displayName: name,
    devices: [{ deviceId: `d${i + 1}`, model: 'Desk Pro' }],
  }),
);
const world: SpecEvent[] = [
  contoso,
  orgUpserted('o2', { managedByPartnerIds: ['p2'] }),
  userUpserted('u9', 'o2'),
  ...users,
  {
    type: 'SubscriptionRegistered',
    data: {
      orgId: 'o1',
      subscriptionId: 's1',
      product: 'office365',
      billing: 'trial',
      providerPartnerId: 'p1',
      registeredAt: '2025-03-02T00:00:00Z',
    },
  },
  {
    type: 'EmailStatusReported',
    data: {
      userId: 'u1',
      email: 'ada@contoso.example',
      messageKind: 'welcome',
      status: 'suppressed',
      at: '2025-04-02T00:00:00Z',
    },
  },
  {
    type: 'EmailSuppressionRecorded',
    data: { email: 'ADA@contoso.example', reason: 'complaint', recordedAt: '2025-04-01T00:00:00Z' },
  },
  agentGranted('p1', 'agent-1'),
];

describe('help-desk views', () => {
  it('shows an organisation: created, sites, licences, subscriptions, administrators, users and devices', async () => {
    const view = await viewOf(world);
    const first = await orgView(view, 'p1', 'o1', { limit: 2 });
    expect(first).toMatchObject({
      orgId: 'o1',
      createdAt: '2025-03-01T09:00:00Z',
      sites: ['contoso.webex.example'],
      licences: [{ sku: 'MEETINGS', quantity: 10 }],
      subscriptions: [{ subscriptionId: 's1', product: 'office365', billing: 'trial' }],
      administrators: [{ userId: 'u1', email: 'ada@contoso.example', displayName: 'Ada' }],
      readOnlyAccessAllowed: false,
      users: { total: 3, items: [{ userId: 'u1' }, { userId: 'u2' }] },
      devices: [
        { deviceId: 'd1', userId: 'u1' },
        { deviceId: 'd2', userId: 'u2' },
      ],
    });
    const next = await orgView(view, 'p1', 'o1', {
      limit: 2,
      cursor: first.users.nextCursor ?? undefined,
    });
    expect(next.users).toMatchObject({ total: 3, items: [{ userId: 'u3' }], nextCursor: null });
  });

  it('shows a user: status, last e-mail, licences, devices, features and suppression', async () => {
    expect(await userView(await viewOf(world), 'p1', 'u1')).toMatchObject({
      userId: 'u1',
      orgName: 'Contoso',
      status: 'active',
      lastEmail: { messageKind: 'welcome', status: 'suppressed' },
      devices: [{ deviceId: 'd1', model: 'Desk Pro' }],
      suppressed: true,
      suppression: { reason: 'complaint' },
    });
    expect(await userView(await viewOf(world), 'p1', 'u2')).toMatchObject({
      lastEmail: null,
      suppressed: false,
      suppression: null,
    });
  });

  it('answers 404 for an organisation or user the partner does not manage, or that is unknown', async () => {
    const view = await viewOf(world);
    await expect(orgView(view, 'p1', 'o2', { limit: 10 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(orgView(view, 'p1', 'nope', { limit: 10 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(userView(view, 'p1', 'u9')).rejects.toBeInstanceOf(NotFoundError);
    await expect(userView(view, 'p2', 'u1')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('knows agents only by the role granted in the hub, for the partner of their token', async () => {
    const view = await viewOf(world);
    await expect(agentPartnerOf(view, { userId: 'agent-1', orgId: 'p1' })).resolves.toBe('p1');
    await expect(agentPartnerOf(view, { userId: 'agent-1', orgId: 'p2' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(agentPartnerOf(view, { userId: 'agent-1' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});
