import { Person } from '../../hub.fixtures';
import { startedHub } from '../../started-hub';

/**
 * GET /v1/cases and /v1/cases/{caseId} on the running hub: the visibility rules of domain.md §5
 * and information separation between workspaces (§3), through the real command routes.
 */
describe('GET /v1/cases (e2e)', () => {
  const { hub, f } = startedHub();
  let last = 0n;
  let wsA: string;
  let wsB: string;
  let adminA: Person;
  let adminB: Person;
  const people: Record<string, Person> = {};
  const cases: Record<string, string> = {};

  /** Sends a command that must succeed and remembers the highest position for minPosition. */
  async function ok(method: 'POST' | 'DELETE', url: string, token: string, body?: unknown) {
    const answer = await f.ok(method, url, token, body);
    if (answer.position && BigInt(answer.position) > last) last = BigInt(answer.position);
    return answer;
  }

  const get = (url: string, token: string) =>
    hub.call('GET', `${url}${url.includes('?') ? '&' : '?'}minPosition=${last}`, { token });
  const seen = async (person: Person, workspaceId = 'all') => {
    const answer = await get(`/v1/cases?workspaceId=${workspaceId}`, f.tokenOf(person));
    expect(answer.status).toBe(200);
    return answer.body.cases.map((c: { caseId: string }) => c.caseId).sort();
  };
  const openCase = async (label: string, workspaceId: string, opener: Person, extra = {}) => {
    const body = await ok('POST', '/v1/cases', f.tokenOf(opener), {
      workspaceId,
      severity: 'B',
      type: 'problem-resolution',
      product: 'Azure Virtual Machines',
      title: label,
      ...extra,
    });
    cases[label] = body.caseId;
  };

  beforeAll(async () => {
    // Two customers, so no Customer Administrator administers both workspaces.
    const a = await f.administeredWorkspace((await f.customer()).agreementId);
    const b = await f.administeredWorkspace((await f.customer()).agreementId);
    [wsA, adminA, wsB, adminB] = [a.workspaceId, a.admin, b.workspaceId, b.admin];
    const tokenA = f.tokenOf(adminA);
    for (const label of ['contact', 'sue', 'ann', 'val', 'plain'])
      people[label] = await f.member(wsA, tokenA, label);
    people.bob = await f.member(wsB, f.tokenOf(adminB), 'bob');
    const group = await ok('POST', `/v1/workspaces/${wsA}/groups`, tokenA, {
      name: 'Ops',
      memberUserIds: [people.ann.sub],
    });
    await openCase('mine', wsA, people.contact);
    await openCase('byAdmin', wsA, adminA);
    await openCase('inB', wsB, people.bob);
    await ok('POST', `/v1/cases/${cases.mine}/shares`, f.tokenOf(people.contact), {
      userId: people.sue.sub,
    });
    await ok('POST', `/v1/cases/${cases.byAdmin}/group-access`, tokenA, { groupId: group.groupId });
    await ok('POST', `/v1/workspaces/${wsA}/roles`, tokenA, {
      userId: people.val.sub,
      role: 'ViewAllSupportRequests',
    });
  });

  it('admits each member by the rule that applies to them, and administrators to all', async () => {
    const both = [cases.byAdmin, cases.mine].sort();
    expect(await seen(people.contact)).toEqual([cases.mine]);
    expect(await seen(people.sue)).toEqual([cases.mine]);
    expect(await seen(people.ann)).toEqual([cases.byAdmin]);
    expect(await seen(people.val, wsA)).toEqual(both);
    expect(await seen(adminA)).toEqual(both);
    expect(await seen(people.plain)).toEqual([]);
  });

  it('answers one case with its SLA fields, and 404 (never 403) to a member not admitted', async () => {
    const one = await get(`/v1/cases/${cases.mine}`, f.tokenOf(people.sue));
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      caseId: cases.mine,
      workspaceId: wsA,
      respondedAt: null,
      responseTargetMet: null,
      breached: false,
      initialResponseDueAt: expect.any(String),
    });
    expect(one.body.timeLeftBeforeBreachSeconds).toBeGreaterThan(3 * 3600);
    const hidden = await get(`/v1/cases/${cases.mine}`, f.tokenOf(people.plain));
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('not_found');
  });

  it('never shows workspace B cases to anyone of workspace A, through any route', async () => {
    for (const person of [adminA, ...Object.values(people).filter((p) => p !== people.bob)]) {
      expect(await seen(person)).not.toContain(cases.inB);
      expect((await get(`/v1/cases?workspaceId=${wsB}`, f.tokenOf(person))).status).toBe(404);
      expect((await get(`/v1/cases/${cases.inB}`, f.tokenOf(person))).status).toBe(404);
    }
    expect(await seen(people.bob)).toEqual([cases.inB]);
    expect((await get(`/v1/cases?workspaceId=${wsA}`, f.tokenOf(adminB))).status).toBe(404);
  });

  it('records the first response: target met, no clock left', async () => {
    await ok('POST', `/v1/cases/${cases.mine}/responses`, f.service, {
      respondedAt: new Date().toISOString(),
    });
    const one = await get(`/v1/cases/${cases.mine}`, f.tokenOf(people.contact));
    expect(one.body).toMatchObject({
      responseTargetMet: true,
      timeLeftBeforeBreachSeconds: null,
      breached: false,
    });
  });

  it('a revoked ViewAllSupportRequests role stops admitting at the revoke position', async () => {
    await ok(
      'DELETE',
      `/v1/workspaces/${wsA}/roles/ViewAllSupportRequests/users/${people.val.sub}`,
      f.tokenOf(adminA),
    );
    expect(await seen(people.val)).toEqual([]);
    expect((await get(`/v1/cases/${cases.byAdmin}`, f.tokenOf(people.val))).status).toBe(404);
  });

  it('answers 400 validation_failed for bad parameters', async () => {
    const bad = await get('/v1/cases?limit=201&status=pending', f.tokenOf(adminA));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(Object.keys(bad.body.details).sort()).toEqual(['limit', 'status']);
  });

  it('answers auditors as of a past instant exactly as the live route answered then', async () => {
    const auditor = hub.token({ sub: 'auditor-1', roles: ['Auditor'], orgKind: 'provider' });
    const live = await get(`/v1/cases?workspaceId=${wsA}`, auditor);
    expect(live.status).toBe(200);
    const instant = new Date().toISOString();
    // The next event must be recorded after `instant`, not within its millisecond.
    while (Date.now() <= Date.parse(instant));
    // A later change must not show in the answer as of `instant`.
    await ok('POST', `/v1/cases/${cases.byAdmin}/close`, f.tokenOf(adminA), { resolution: 'done' });
    const asOf = await hub.call(
      'GET',
      `/v1/audit/projections/cases?asOf=${instant}&workspaceId=${wsA}`,
      { token: auditor },
    );
    expect(asOf.status).toBe(200);
    const withoutClock = (list: Record<string, unknown>[]) =>
      list.map(({ timeLeftBeforeBreachSeconds: _clock, ...rest }) => rest);
    expect(withoutClock(asOf.body.answer.cases)).toEqual(withoutClock(live.body.cases));
    // The clock is read at the asOf instant, within the second the live call was made.
    const clocks = (list: { timeLeftBeforeBreachSeconds: number | null }[]) =>
      list.map((c) => c.timeLeftBeforeBreachSeconds ?? 0);
    clocks(asOf.body.answer.cases).forEach((clock, i) =>
      expect(Math.abs(clock - clocks(live.body.cases)[i])).toBeLessThanOrEqual(1),
    );
    const now = await get(`/v1/cases/${cases.byAdmin}`, auditor);
    expect(now.body.status).toBe('closed');
  });
});
