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
