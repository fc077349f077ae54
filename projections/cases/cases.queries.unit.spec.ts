import { NotFoundError, ValidationError } from '@hub/domain';
import { ProjectionView } from '@hub/projection/projection-runner';
import { casesProjection } from './cases.projection';
import { CaseListParams, findCase, listCases, readCaseListParams } from './cases.queries';
import {
  caseClosed,
  caseOpened,
  caseShared,
  firstResponse,
  groupAccessGranted,
  groupCreated,
  memoryView,
  scopeOf,
} from './cases.fixtures';

const at = (hour: number, caseId: string, workspaceId: string, extra: object = {}) =>
  caseOpened(caseId, workspaceId, {
    openedAt: `2026-03-02T${String(hour).padStart(2, '0')}:00:00.000Z`,
    initialResponseDueAt: `2026-03-02T${String(hour + 4).padStart(2, '0')}:00:00.000Z`,
    ...extra,
  });

const NOW = new Date('2026-03-02T12:30:00.000Z');
const params = (extra: Partial<CaseListParams> = {}): CaseListParams => ({
  workspaceId: 'all',
  limit: 50,
  ...extra,
});

describe('cases queries: who sees which case (domain.md §5)', () => {
  let view: ProjectionView;
  const ids = async (scope: ReturnType<typeof scopeOf>, workspaceId = 'all') =>
    (await listCases(view, scope, params({ workspaceId }), NOW)).cases.map((c) => c.caseId);

  beforeAll(async () => {
    view = await memoryView(casesProjection, [
      groupCreated('w1', 'ops', ['ann']),
      at(8, 'primary', 'w1', { primaryContactUserId: 'pc' }),
      at(9, 'shared', 'w1', { primaryContactUserId: 'other' }),
      caseShared('shared', 'sue'),
      at(10, 'grouped', 'w1', { primaryContactUserId: 'other' }),
      groupAccessGranted('grouped', 'ops'),
      at(11, 'unseen', 'w1', { primaryContactUserId: 'other' }),
      at(7, 'elsewhere', 'w2', { primaryContactUserId: 'pc' }),
    ]);
  });

  it('(a) a member of a granted group sees that case only', async () => {
    expect(await ids(scopeOf('ann', { w1: ['Member'] }))).toEqual(['grouped']);
  });

  it('(b) a member the case was shared with sees it', async () => {
    expect(await ids(scopeOf('sue', { w1: ['Member'] }), 'w1')).toEqual(['shared']);
  });

  it('(c) the primary contact sees it, only in the workspaces they belong to', async () => {
    expect(await ids(scopeOf('pc', { w1: ['Member'] }))).toEqual(['primary']);
    expect(await ids(scopeOf('pc', { w1: ['Member'], w2: ['Member'] }))).toEqual([
      'primary',
      'elsewhere',
    ]);
  });

  it('(d) ViewAllSupportRequests sees every case of that workspace and none of another', async () => {
    expect(await ids(scopeOf('val', { w1: ['Member', 'ViewAllSupportRequests'] }))).toEqual([
      'unseen',
      'grouped',
      'shared',
      'primary',
    ]);
  });

  it('administrators see every case of the workspace they administer; provider staff see all', async () => {
    expect(await ids(scopeOf('wa', { w1: ['WorkspaceAdministrator'] }))).toHaveLength(4);
    expect(await ids(scopeOf('ca', { w1: ['CustomerAdministrator'] }), 'w1')).toHaveLength(4);
    expect(await ids(scopeOf('csam', {}, true))).toHaveLength(5);
  });

  it('a member with none of the rules sees nothing, and GET one case is 404, not 403', async () => {
    const plain = scopeOf('plain', { w1: ['Member'] });
    expect(await ids(plain)).toEqual([]);
    await expect(findCase(view, plain, 'unseen', NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a non-member never sees a case, even one shared with them: 404 for the workspace and the case', async () => {
    const stranger = scopeOf('sue', { w2: ['WorkspaceAdministrator'] });
    expect(await ids(stranger)).toEqual(['elsewhere']);
    await expect(ids(stranger, 'w1')).rejects.toBeInstanceOf(NotFoundError);
    await expect(findCase(view, stranger, 'shared', NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(findCase(view, stranger, 'no-such-case', NOW)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('GET one case answers the cases each rule admits', async () => {
    const scope = scopeOf('ann', { w1: ['Member'] });
    expect((await findCase(view, scope, 'grouped', NOW)).caseId).toBe('grouped');
  });

  it('pages newest first across both sources with a cursor, and filters by status and severity', async () => {
    const mixed = scopeOf('pc', { w1: ['Member'], w2: ['ViewAllSupportRequests'] });
    const first = await listCases(view, mixed, params({ limit: 1 }), NOW);
    expect(first.cases.map((c) => c.caseId)).toEqual(['primary']);
    const cursor = first.nextCursor!;
    const second = await listCases(
      view,
      mixed,
      { ...readCaseListParams({ cursor, limit: '1' }) },
      NOW,
    );
    expect(second.cases.map((c) => c.caseId)).toEqual(['elsewhere']);
    expect(second.nextCursor).toBeNull();
    const admin = scopeOf('wa', { w1: ['WorkspaceAdministrator'] });
    expect((await listCases(view, admin, params({ severity: 'A' }), NOW)).cases).toEqual([]);
    expect((await listCases(view, admin, params({ status: 'closed' }), NOW)).cases).toEqual([]);
  });

  it('a member removed and invited again does not see through a share from the earlier membership', async () => {
    const sue = scopeOf('sue', { w1: ['Member'] });
    expect(await ids(sue)).toContain('shared');
    const rejoined = { ...sue, workspaces: new Map(sue.workspaces) };
    rejoined.workspaces.set('w1', {
      ...sue.workspaces.get('w1')!,
      memberSince: '2026-03-03T00:00:00.000Z',
    });
    expect(await ids(rejoined)).not.toContain('shared');
    await expect(findCase(view, rejoined, 'shared', NOW)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('cases queries: SLA fields', () => {
  const admin = scopeOf('wa', { w1: ['WorkspaceAdministrator'] });

  it('shows the time left before a breach, negative once breached, null once responded', async () => {
    const view = await memoryView(casesProjection, [
      at(10, 'running', 'w1'),
      at(6, 'late', 'w1'),
      at(9, 'met', 'w1'),
      firstResponse('met', '2026-03-02T10:00:00.000Z', true),
      at(5, 'missed', 'w1'),
      firstResponse('missed', '2026-03-02T11:00:00.000Z', false),
      at(4, 'closed', 'w1'),
      caseClosed('closed', '2026-03-02T07:00:00.000Z'),
    ]);
    const sla = async (caseId: string) => {
      const c = await findCase(view, admin, caseId, NOW);
      return [c.timeLeftBeforeBreachSeconds, c.breached, c.responseTargetMet, c.respondedAt];
    };
    expect(await sla('running')).toEqual([5400, false, null, null]);
    expect(await sla('late')).toEqual([-9000, true, null, null]);
    expect(await sla('met')).toEqual([null, false, true, '2026-03-02T10:00:00.000Z']);
    expect(await sla('missed')).toEqual([null, true, false, '2026-03-02T11:00:00.000Z']);
    expect(await sla('closed')).toEqual([null, false, null, null]);
    const running = await findCase(view, admin, 'running', NOW);
    expect(running.initialResponseDueAt).toBe('2026-03-02T14:00:00.000Z');
  });

  it('shows a partner-filed case with the partner, its contact and the support plan', async () => {
    const view = await memoryView(casesProjection, [
      at(8, 'csp', 'w1', {
        onBehalfOf: {
          partnerId: 'p1',
          customerOrgId: 'org-1',
          partnerContact: { name: 'Pat', email: 'pat@partner.example', phone: '+1 555' },
          supportPlan: 'cloud-solution-provider',
        },
      }),
    ]);
    const shown = await findCase(view, admin, 'csp', NOW);
    expect(shown.onBehalfOf).toEqual({
      partnerId: 'p1',
      customerOrgId: 'org-1',
      partnerContact: { name: 'Pat', email: 'pat@partner.example', phone: '+1 555' },
    });
    expect(shown.supportPlan).toBe('cloud-solution-provider');
  });
});

describe('cases query parameters', () => {
  it('answers 400 validation_failed naming each bad field', () => {
    try {
      readCaseListParams({
        limit: '500',
        status: 'pending',
        severity: 'Z',
        cursor: 'xx',
        colour: 'b',
      });
      throw new Error('expected a ValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).details ?? {}).sort()).toEqual([
        'colour',
        'cursor',
        'limit',
        'severity',
        'status',
      ]);
    }
  });

  it('defaults to every workspace of the caller and 50 per page; minPosition is read elsewhere', () => {
    expect(readCaseListParams({ minPosition: '12' })).toEqual({ workspaceId: 'all', limit: 50 });
  });
});
