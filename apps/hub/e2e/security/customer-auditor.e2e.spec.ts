import { startedHub } from '../started-hub';

/**
 * An Auditor of a customer organisation reads only that organisation's history
 * (api.md "Auth, production"); a provider Auditor reads every tenant's.
 */
describe('customer Auditor: its own organisation only', () => {
  const { hub, f } = startedHub();
  const agreements: Record<string, { agreementId: string; defaultWorkspaceId: string }> = {};

  async function activate(orgId: string, admin: string) {
    const body = await f.ok('POST', '/v1/agreements', f.csam, {
      customer: { orgId, name: orgId },
      type: 'unified',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      serviceAdministrator: { email: `${admin}@${orgId}.example`, name: admin },
      namedContacts: [],
    });
    return { agreementId: body.agreementId, defaultWorkspaceId: body.defaultWorkspaceId };
  }

  const auditorOf = (org: string) =>
    hub.token({ sub: `auditor-${org}`, roles: ['Auditor'], orgKind: 'customer', org });

  beforeAll(async () => {
    agreements.a = await activate('org-a', 'sam');
    agreements.b = await activate('org-b', 'bob');
    await f.ok('POST', '/v1/workspaces', f.csam, {
      agreementId: agreements.b.agreementId,
      name: 'B projects',
      purpose: 'projects',
      administrator: { email: 'wsadmin@org-b.example', name: 'B admin' },
    });
  });

  it("reads its organisation's streams and answers 404 for another tenant's", async () => {
    const auditor = auditorOf('org-a');
    const own = await hub.call('GET', `/v1/audit/streams/agreement-${agreements.a.agreementId}`, {
      token: auditor,
    });
    expect(own.status).toBe(200);
    const ownWorkspace = await hub.call(
      'GET',
      `/v1/audit/streams/workspace-${agreements.a.defaultWorkspaceId}`,
      { token: auditor },
    );
    expect(ownWorkspace.status).toBe(200);
    for (const stream of [
      `agreement-${agreements.b.agreementId}`,
      `workspace-${agreements.b.defaultWorkspaceId}`,
    ]) {
      const other = await hub.call('GET', `/v1/audit/streams/${stream}`, { token: auditor });
      expect(other.status).toBe(404);
      expect(other.body.code).toBe('not_found');
    }
  });

  it("pages only its organisation's events through the global log", async () => {
    const seen = new Set<string>();
    let from = '0';
    for (;;) {
      const page = await hub.call('GET', `/v1/audit/events?fromPosition=${from}&limit=2`, {
        token: auditorOf('org-a'),
      });
      expect(page.status).toBe(200);
      for (const event of page.body.events) seen.add(event.streamName);
      if (!page.body.nextPosition) break;
      from = page.body.nextPosition;
    }
    expect(seen).toContain(`agreement-${agreements.a.agreementId}`);
    expect(seen).toContain(`workspace-${agreements.a.defaultWorkspaceId}`);
    for (const stream of seen) {
      expect(stream).not.toContain(agreements.b.agreementId);
      expect(stream).not.toContain(agreements.b.defaultWorkspaceId);
    }
    const provider = await hub.call('GET', '/v1/audit/events?limit=1000', {
      token: hub.token({ sub: 'auditor-p', roles: ['Auditor'], orgKind: 'provider' }),
    });
    const all = provider.body.events.map((e: { streamName: string }) => e.streamName);
    expect(all).toContain(`agreement-${agreements.b.agreementId}`);
    expect(all.length).toBeGreaterThan(seen.size);
  });

  it("answers as-of queries about its organisation's workspaces only", async () => {
    const bob = { sub: 'bob-1', email: 'bob@org-b.example', name: 'bob' };
    const accepted = await f.accept(agreements.b.defaultWorkspaceId, bob);
    const asOf = accepted.position as string;
    const provider = hub.token({ sub: 'auditor-p', roles: ['Auditor'], orgKind: 'provider' });
    const ask = (token: string, query: string) =>
      hub.call('GET', `/v1/audit/projections/${query}&asOf=${asOf}`, { token });
    const bobsAccess = await ask(provider, 'access?userId=bob-1');
    expect(bobsAccess.body.answer.workspaces).toHaveLength(2);
    const fromA = await ask(auditorOf('org-a'), 'access?userId=bob-1');
    expect(fromA.status).toBe(200);
    expect(fromA.body.answer.workspaces).toEqual([]);
    const fromB = await ask(auditorOf('org-b'), 'access?userId=bob-1');
    expect(fromB.body.answer.workspaces).toEqual(bobsAccess.body.answer.workspaces);
    const otherCases = await ask(
      auditorOf('org-a'),
      `cases?workspaceId=${agreements.b.defaultWorkspaceId}`,
    );
    expect(otherCases.status).toBe(404);
    const ownCases = await ask(
      auditorOf('org-a'),
      `cases?workspaceId=${agreements.a.defaultWorkspaceId}`,
    );
    expect(ownCases.status).toBe(200);
    expect(
      (await ask(provider, `cases?workspaceId=${agreements.b.defaultWorkspaceId}`)).status,
    ).toBe(200);
    // A valid search (q of 2 characters or more: a shorter one is a 400 before any scope).
    const helpdesk = await ask(auditorOf('org-a'), 'helpdesk?partnerId=p1&q=xy');
    expect(helpdesk.status).toBe(404);
  });
});
