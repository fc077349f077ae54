import { casesProjection } from './cases.projection';
import { findCase } from './cases.queries';
import { caseOpened, memoryView, scopeOf } from './cases.fixtures';
import { partnerCases } from './partner-cases.queries';

const onBehalfOf = (partnerId: string) => ({
  onBehalfOf: {
    partnerId,
    customerOrgId: 'org-1',
    partnerContact: { name: 'Pat', email: 'pat@partner.example', phone: '+1 555' },
    supportPlan: 'cloud-solution-provider',
  },
});
const now = new Date('2026-03-02T11:00:00.000Z');

describe('cases a partner filed (domain.md §6)', () => {
  const view = () =>
    memoryView(casesProjection, [
      caseOpened('c1', 'w1', onBehalfOf('p1')),
      caseOpened('c2', 'w1', { ...onBehalfOf('p2'), openedAt: '2026-03-02T10:30:00.000Z' }),
      caseOpened('c3', 'w1'),
    ]);
  const agentOf = (partnerId: string) => ({ ...scopeOf('agent', {}), partnerAgentOf: partnerId });

  it("lists only the cases the caller's partner filed", async () => {
    const answer = await partnerCases(await view(), agentOf('p1'), 'p1', { limit: 10 }, now);
    expect(answer.cases.map((c) => c.caseId)).toEqual(['c1']);
  });

  it("answers 404 for another partner's list", async () => {
    await expect(
      partnerCases(await view(), agentOf('p2'), 'p1', { limit: 10 }, now),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it("the filing partner's AdminAgent sees the case detail, and nothing else of the customer's", async () => {
    const readModel = await view();
    await expect(findCase(readModel, agentOf('p1'), 'c1', now)).resolves.toMatchObject({
      caseId: 'c1',
    });
    await expect(findCase(readModel, agentOf('p1'), 'c3', now)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(findCase(readModel, agentOf('p1'), 'c2', now)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it("a partner's case about its own subscription lives in its own record, seen by its AdminAgents only", async () => {
    const own = caseOpened('own', 'unused', {
      workspaceId: undefined,
      onBehalfOf: {
        partnerId: 'p1',
        partnerContact: { name: 'Pat', email: 'pat@partner.example', phone: '+1 555' },
        supportPlan: 'CPP-1234567',
      },
    });
    const readModel = await memoryView(casesProjection, [own]);
    const listed = await partnerCases(readModel, agentOf('p1'), 'p1', { limit: 10 }, now);
    expect(listed.cases).toEqual([
      expect.objectContaining({
        caseId: 'own',
        workspaceId: null,
        supportPlan: 'CPP-1234567',
        onBehalfOf: expect.objectContaining({ partnerId: 'p1', customerOrgId: null }),
      }),
    ]);
    await expect(findCase(readModel, agentOf('p1'), 'own', now)).resolves.toMatchObject({
      workspaceId: null,
    });
    // Nobody of any workspace, however privileged there, and no other partner sees it.
    const administrator = scopeOf('admin', {
      w1: ['WorkspaceAdministrator', 'CustomerAdministrator'],
    });
    for (const scope of [administrator, agentOf('p2')])
      await expect(findCase(readModel, scope, 'own', now)).rejects.toMatchObject({
        code: 'not_found',
      });
    await expect(findCase(readModel, scopeOf('csam', {}, true), 'own', now)).resolves.toBeDefined();
  });
});
