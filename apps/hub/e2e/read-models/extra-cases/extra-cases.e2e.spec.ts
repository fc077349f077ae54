import { Person } from '../../hub.fixtures';
import { startedHub } from '../../started-hub';

/** GET /v1/customer-activity/extra-cases on the running hub, through the real command routes. */
describe('GET /v1/customer-activity/extra-cases (e2e)', () => {
  const { hub, f } = startedHub();
  let last = 0n;
  let wsA: string;
  let wsA2: string;
  let adminA: Person;
  let plain: Person;
  let adminB: Person;
  const ids: Record<string, string> = {};

  async function ok(url: string, token: string, body?: unknown) {
    const answer = await f.ok('POST', url, token, body);
    if (answer.position && BigInt(answer.position) > last) last = BigInt(answer.position);
    return answer;
  }
  const extra = (query: string, token: string) =>
    hub.call('GET', `/v1/customer-activity/extra-cases?${query}&minPosition=${last}`, { token });

  beforeAll(async () => {
    const customer = await f.customer();
    const a = await f.administeredWorkspace(customer.agreementId);
    const a2 = await f.administeredWorkspace(customer.agreementId);
    [wsA, adminA, wsA2] = [a.workspaceId, a.admin, a2.workspaceId];
    adminB = (await f.administeredWorkspace((await f.customer()).agreementId)).admin;
    plain = await f.member(wsA, f.tokenOf(adminA), 'plain');
    const contractId = await f.addContract(customer.agreementId, [
      {
        entitlementId: 'prs',
        category: 'reactive',
        service: 'Problem Resolution Support',
        unit: 'hours',
        quantity: 20,
        kind: 'consumable',
      },
    ]);
    await ok(`/v1/workspaces/${wsA}/mappings`, f.csam, { contractId });
    const open = async (label: string, workspaceId: string, admin: Person, extraFields: object) => {
      const body = await ok('/v1/cases', f.tokenOf(admin), {
        workspaceId,
        severity: 'C',
        type: 'advisory',
        product: 'Exchange Online',
        title: label,
        ...extraFields,
      });
      ids[label] = body.caseId;
    };
    await open('covered', wsA, adminA, { contractId, entitlementId: 'prs' });
    await open('category', wsA, adminA, { category: 'DSA' });
    await open('unmapped', wsA2, a2.admin, { contractId, entitlementId: 'prs' });
  });

  it('lists the extra cases of the workspace with their rule and counts per service', async () => {
    const answer = await extra(`workspaceId=${wsA}`, f.tokenOf(adminA));
    expect(answer.status).toBe(200);
    expect(answer.body.cases).toEqual([
      expect.objectContaining({
        caseId: ids.category,
        title: 'category',
        rule: 'support_category',
        service: 'Exchange Online',
      }),
    ]);
    expect(answer.body.countsByService).toEqual([{ service: 'Exchange Online', cases: 1 }]);
  });

  it('judges a contract not mapped into the workspace viewed as extra there only', async () => {
    const answer = await extra(`workspaceId=${wsA2}`, f.csam);
    expect(answer.body.cases).toEqual([
      expect.objectContaining({
        caseId: ids.unmapped,
        rule: 'unmapped_contract',
        service: 'Problem Resolution Support',
      }),
    ]);
  });

  it('a case opened under an active contract stays out once the contract has ended', async () => {
    // The contract ends 2026-12-31; the covered case was opened while it was active.
    const answer = await extra(`workspaceId=${wsA}&asOfDate=2027-01-01`, f.tokenOf(adminA));
    expect(answer.body.cases.map((c: { rule: string }) => c.rule)).toEqual(['support_category']);
  });

  it('a view as of an earlier day never lists cases opened after it', async () => {
    const answer = await extra(`workspaceId=${wsA}&asOfDate=2026-01-02`, f.tokenOf(adminA));
    expect(answer.body.cases).toEqual([]);
    expect(answer.body.countsByService).toEqual([]);
  });

  it('names cases to a Customer Activity holder only when they may see them', async () => {
    const holder = await f.member(wsA, f.tokenOf(adminA), 'holder');
    await ok(`/v1/workspaces/${wsA}/roles`, f.tokenOf(adminA), {
      userId: holder.sub,
      role: 'CustomerActivity',
    });
    const answer = await extra(`workspaceId=all`, f.tokenOf(holder));
    expect(answer.status).toBe(200);
    expect(answer.body.cases).toEqual([
      expect.objectContaining({ caseId: null, title: null, rule: 'support_category' }),
    ]);
    expect(answer.body.countsByService).toEqual([{ service: 'Exchange Online', cases: 1 }]);
  });

  it('judges "unmapped" by the workspace mappings as they stood on the evaluation day', async () => {
    hub.setNow('2026-06-01T10:00:00.000Z');
    try {
      const customer = await f.customer();
      const contractId = await f.addContract(customer.agreementId, [
        {
          entitlementId: 'prs',
          category: 'reactive',
          service: 'Problem Resolution Support',
          unit: 'hours',
          quantity: 5,
          kind: 'consumable',
        },
      ]);
      const { workspaceId, admin } = await f.administeredWorkspace(customer.agreementId);
      const opened = await ok('/v1/cases', f.tokenOf(admin), {
        workspaceId,
        severity: 'C',
        type: 'advisory',
        product: 'Exchange Online',
        title: 'opened before the mapping',
        contractId,
        entitlementId: 'prs',
      });
      hub.setNow('2026-06-03T10:00:00.000Z');
      await ok(`/v1/workspaces/${workspaceId}/mappings`, f.csam, { contractId });
      const on = async (day: string) =>
        (await extra(`workspaceId=${workspaceId}&asOfDate=${day}`, f.csam)).body.cases.map(
          (c: { caseId: string; rule: string }) => [c.caseId, c.rule],
        );
      expect(await on('2026-06-02')).toEqual([[opened.caseId, 'unmapped_contract']]);
      expect(await on('2026-06-03')).toEqual([]);
      // An as-of view of a day before the case opened does not list it.
      expect(await on('2026-05-31')).toEqual([]);
    } finally {
      hub.setNow(null);
    }
  });

  it('names a case to a Customer Activity holder who left and re-joined only if shared again', async () => {
    const adminToken = f.tokenOf(adminA);
    const sue = await f.member(wsA, adminToken, 'sue');
    const holds = () =>
      ok(`/v1/workspaces/${wsA}/roles`, adminToken, { userId: sue.sub, role: 'CustomerActivity' });
    await holds();
    await ok(`/v1/cases/${ids.category}/shares`, adminToken, { userId: sue.sub });
    const seen = async () => (await extra(`workspaceId=${wsA}`, f.tokenOf(sue))).body;
    const before = await seen();
    expect(before.cases).toEqual([
      expect.objectContaining({ caseId: ids.category, title: 'category' }),
    ]);
    await f.ok('DELETE', `/v1/workspaces/${wsA}/members/${sue.sub}`, adminToken);
    await ok(`/v1/workspaces/${wsA}/invitations`, adminToken, { email: sue.email });
    const rejoined = await f.accept(wsA, sue);
    last = BigInt(rejoined.position);
    await holds();
    const after = await seen();
    // The share came through the membership the removal ended: counted, no longer named.
    expect(after.cases).toEqual([
      expect.objectContaining({ caseId: null, title: null, rule: 'support_category' }),
    ]);
    expect(after.countsByService).toEqual(before.countsByService);
    await ok(`/v1/cases/${ids.category}/shares`, adminToken, { userId: sue.sub });
    expect((await seen()).cases[0]).toEqual(
      expect.objectContaining({ caseId: ids.category, title: 'category' }),
    );
  });

  it('is 403 to a member without Customer Activity access, 404 to another customer', async () => {
    const member = await extra(`workspaceId=${wsA}`, f.tokenOf(plain));
    expect(member.status).toBe(403);
    const stranger = await extra(`workspaceId=${wsA}`, f.tokenOf(adminB));
    expect(stranger.status).toBe(404);
    const all = await extra('workspaceId=all', f.tokenOf(adminB));
    expect(all.body.cases).toEqual([]);
  });

  it('answers 400 validation_failed naming the field', async () => {
    const bad = await extra('workspaceId=all&asOfDate=tomorrow', f.tokenOf(adminA));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details)).toEqual(['asOfDate']);
  });
});
