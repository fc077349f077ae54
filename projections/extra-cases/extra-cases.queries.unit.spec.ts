import { ForbiddenError, NotFoundError, ValidationError } from '@hub/domain';
import { ProjectionView } from '@hub/projection/projection-runner';
import { memoryView, scopeOf } from '../cases/cases.fixtures';
import { extraCasesProjection } from './extra-cases.projection';
import { extraCases, readExtraCasesParams } from './extra-cases.queries';
import {
  caseOpened,
  contractAdded,
  contractMapped,
  packageMapped,
  packagePurchased,
  workspaceCreated,
} from './extra-cases.fixtures';

// The hub clock's instant when a spec gives no asOfDate (queries never read the system time).
const NOW = new Date('2026-03-10T12:00:00.000Z');
const PRS = 'Problem Resolution Support';

describe('extra cases (domain.md §5): which cases, under which rule', () => {
  let view: ProjectionView;
  const admin = scopeOf('wa', { w1: ['WorkspaceAdministrator'], w2: ['WorkspaceAdministrator'] });
  const ask = (workspaceId: string, asOfDate = '2026-03-10', scope = admin) =>
    extraCases(view, scope, readExtraCasesParams({ workspaceId, asOfDate }, NOW));
  const rules = async (workspaceId: string, asOfDate?: string) =>
    Object.fromEntries(
      (await ask(workspaceId, asOfDate)).cases.map((c) => [c.caseId, [c.rule, c.service]]),
    );

  beforeAll(async () => {
    view = await memoryView(extraCasesProjection, [
      workspaceCreated('w1'),
      workspaceCreated('w2'),
      workspaceCreated('w9', 'a9'),
      contractAdded('k1', '2026-12-31'),
      contractAdded('old', '2026-02-28'),
      contractAdded('k9', '2026-12-31', 'a9'),
      packagePurchased('p1', 'k1'),
      contractMapped('w1', 'k1'),
      contractMapped('w1', 'old'),
      packageMapped('w2', 'p1'),
      caseOpened('covered', 'w1', { contractId: 'k1', entitlementId: 'prs' }, '01'),
      caseOpened('expired', 'w1', { contractId: 'old', entitlementId: 'prs' }, '02'),
      caseOpened('no-contract', 'w1', { contractId: 'ghost' }, '03'),
      caseOpened('no-service', 'w1', { contractId: 'k1', entitlementId: 'ghost' }, '04'),
      caseOpened('no-package', 'w1', { packageId: 'ghost' }, '05'),
      caseOpened('foreign', 'w1', { contractId: 'k9' }, '06'),
      caseOpened('category', 'w1', { category: 'X85' }, '07'),
      caseOpened('expired-and-su', 'w1', { contractId: 'old', category: 'SU' }, '08'),
      caseOpened('unmapped', 'w2', { contractId: 'k1', entitlementId: 'prs' }, '09'),
      caseOpened('via-package', 'w2', { packageId: 'p1', entitlementId: 'adv' }, '10'),
      caseOpened('other-customer', 'w9', { category: 'REC' }, '11'),
      // Opened while 'old' was active: its later expiry does not make it extra.
      caseOpened('before-expiry', 'w1', {
        contractId: 'old',
        entitlementId: 'prs',
        openedAt: '2026-02-20T10:00:00.000Z',
      }),
    ]);
  });

  it('lists each extra case of the workspace once, under the first rule that holds', async () => {
    expect(await rules('w1')).toEqual({
      expired: ['expired_contract', PRS],
      'no-contract': ['missing_reference', 'Exchange Online'],
      'no-service': ['missing_reference', 'Exchange Online'],
      'no-package': ['missing_reference', 'Exchange Online'],
      // A contract of another customer's agreement is unknown to this one (and never shown).
      foreign: ['missing_reference', 'Exchange Online'],
      category: ['support_category', 'Exchange Online'],
      'expired-and-su': ['expired_contract', 'Exchange Online'],
    });
  });

  it('judges "unmapped" for the workspace viewed: the same contract is fine where it is mapped', async () => {
    expect(await rules('w2')).toEqual({ unmapped: ['unmapped_contract', PRS] });
    expect(await rules('w1')).not.toHaveProperty('covered');
  });

  it('a case opened under an active contract does not become expired_contract once it ends', async () => {
    expect(await rules('w1', '2026-12-01')).not.toHaveProperty('before-expiry');
    // Opened after the contract ended, it is extra whatever the day viewed.
    expect((await rules('w1', '2026-12-01')).expired).toEqual(['expired_contract', PRS]);
  });

  it('a contract the hub learnt of only after the case was opened was missing then', async () => {
    const later = await memoryView(extraCasesProjection, [
      workspaceCreated('w1'),
      caseOpened('early', 'w1', { contractId: 'k-late' }, '02'),
      {
        ...contractAdded('k-late', '2026-12-31'),
        data: {
          ...contractAdded('k-late', '2026-12-31').data,
          addedAt: '2026-03-05T00:00:00.000Z',
        },
      },
      contractMapped('w1', 'k-late'),
    ]);
    const answer = await extraCases(
      later,
      admin,
      readExtraCasesParams({ workspaceId: 'w1', asOfDate: '2026-03-10' }, NOW),
    );
    expect(answer.cases.map((c) => [c.caseId, c.rule])).toEqual([['early', 'missing_reference']]);
  });

  it('a view as of an earlier day never lists cases opened after it', async () => {
    const before = await rules('w1', '2026-03-05');
    expect(Object.keys(before).sort()).toEqual([
      'expired',
      'no-contract',
      'no-package',
      'no-service',
    ]);
  });

  it('names a case to a Customer Activity holder only when they may see it; others are counted', async () => {
    const stranger = scopeOf('ca', { w1: ['Member', 'CustomerActivity'] });
    const answer = await ask('w1', '2026-03-10', stranger);
    expect(answer.cases).toHaveLength(7);
    expect(answer.cases.every((c) => c.caseId === null && c.title === null)).toBe(true);
    expect(answer.countsByService).toEqual((await ask('w1')).countsByService);
    // u1 is every case's primary contact (rule c): the same holder role now shows the names.
    const contact = scopeOf('u1', { w1: ['Member', 'CustomerActivity'] });
    const named = await ask('w1', '2026-03-10', contact);
    expect(named.cases.map((c) => c.caseId)).toContain('expired');
  });

  it('judges "unmapped" by the mappings as they stood on the evaluation day', async () => {
    const mappedLater = await memoryView(extraCasesProjection, [
      workspaceCreated('w3'),
      contractAdded('k1', '2026-12-31'),
      caseOpened('before-mapping', 'w3', { contractId: 'k1', entitlementId: 'prs' }, '05'),
      {
        ...contractMapped('w3', 'k1'),
        data: { workspaceId: 'w3', contractId: 'k1', mappedAt: '2026-03-08T09:00:00.000Z' },
      },
    ]);
    const on = async (asOfDate: string) =>
      (
        await extraCases(
          mappedLater,
          scopeOf('wa', { w3: ['WorkspaceAdministrator'] }),
          readExtraCasesParams({ workspaceId: 'w3', asOfDate }, NOW),
        )
      ).cases.map((c) => [c.caseId, c.rule]);
    expect(await on('2026-03-07')).toEqual([['before-mapping', 'unmapped_contract']]);
    // Mapped since: the same case is covered, viewed on any later day.
    expect(await on('2026-03-08')).toEqual([]);
    expect(await on('2026-03-10')).toEqual([]);
  });

  it('a case that names no contract is judged by the lines known on its opening day', async () => {
    const lateLine = await memoryView(extraCasesProjection, [
      workspaceCreated('w1'),
      caseOpened('early', 'w1', { entitlementId: 'prs' }, '02'),
      {
        ...contractAdded('k-late', '2026-12-31'),
        data: {
          ...contractAdded('k-late', '2026-12-31').data,
          addedAt: '2026-03-05T00:00:00.000Z',
        },
      },
    ]);
    const answer = await extraCases(
      lateLine,
      admin,
      readExtraCasesParams({ workspaceId: 'w1', asOfDate: '2026-03-10' }, NOW),
    );
    expect(answer.cases.map((c) => [c.caseId, c.rule])).toEqual([['early', 'missing_reference']]);
  });

  it('a member who left and re-joined is no longer named the cases shared with them before', async () => {
    const shared = await memoryView(extraCasesProjection, [
      workspaceCreated('w1'),
      caseOpened('su', 'w1', { category: 'SU' }, '02'),
      {
        type: 'CaseShared',
        streamName: 'case-su',
        data: { caseId: 'su', userId: 'sue', sharedBy: 'u1', sharedAt: '2026-03-02T12:00:00.000Z' },
      },
    ]);
    const holder = (memberSince: string) => {
      const scope = scopeOf('sue', { w1: ['Member', 'CustomerActivity'] });
      scope.workspaces.get('w1')!.memberSince = memberSince;
      return scope;
    };
    const params = readExtraCasesParams({ workspaceId: 'w1', asOfDate: '2026-03-10' }, NOW);
    const first = await extraCases(shared, holder('2026-03-01T00:00:00.000Z'), params);
    expect(first.cases.map((c) => [c.caseId, c.title])).toEqual([['su', 'Case su']]);
    // Removed on the 4th, re-joined on the 5th: the share came through the ended membership.
    const rejoined = await extraCases(shared, holder('2026-03-05T00:00:00.000Z'), params);
    expect(rejoined.cases.map((c) => [c.caseId, c.title, c.rule])).toEqual([
      [null, null, 'support_category'],
    ]);
    expect(rejoined.countsByService).toEqual(first.countsByService);
  });

  it('counts cases per service over the whole selection, newest first', async () => {
    const answer = await ask('all');
    expect(answer.cases.map((c) => c.caseId)).toEqual([
      'unmapped',
      'expired-and-su',
      'category',
      'foreign',
      'no-package',
      'no-service',
      'no-contract',
      'expired',
    ]);
    expect(answer.countsByService).toEqual([
      { service: 'Exchange Online', cases: 6 },
      { service: PRS, cases: 2 },
    ]);
  });

  it('pages with limit and cursor; counts stay those of the whole selection', async () => {
    const first = await extraCases(
      view,
      admin,
      readExtraCasesParams({ workspaceId: 'w1', limit: '5', asOfDate: '2026-03-10' }, NOW),
    );
    expect(first.cases).toHaveLength(5);
    const rest = await extraCases(
      view,
      admin,
      readExtraCasesParams(
        {
          workspaceId: 'w1',
          limit: '5',
          asOfDate: '2026-03-10',
          cursor: first.nextCursor!,
        },
        NOW,
      ),
    );
    expect(rest.cases.map((c) => c.caseId)).toEqual(['no-contract', 'expired']);
    expect(rest.nextCursor).toBeNull();
    expect(rest.countsByService).toEqual(first.countsByService);
  });

  it('is for administrators, the CustomerActivity role and provider staff only', async () => {
    const activity = scopeOf('ca', { w1: ['Member', 'CustomerActivity'], w2: ['Member'] });
    const covered = await extraCases(
      view,
      activity,
      readExtraCasesParams({ workspaceId: 'all', asOfDate: '2026-03-10' }, NOW),
    );
    expect(new Set(covered.cases.map((c) => c.workspaceId))).toEqual(new Set(['w1']));
    await expect(ask('w2', '2026-03-10', activity)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(ask('w9', '2026-03-10', activity)).rejects.toBeInstanceOf(NotFoundError);
    const provider = scopeOf('csam', {}, true);
    expect((await ask('all', '2026-03-11', provider)).cases.map((c) => c.caseId)).toContain(
      'other-customer',
    );
    await expect(ask('no-such', '2026-03-10', provider)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('answers 400 validation_failed naming each bad field', () => {
    expect(() => readExtraCasesParams({ asOfDate: '2026-02-30', limit: '0' }, NOW)).toThrow(
      ValidationError,
    );
    try {
      readExtraCasesParams({ asOfDate: '2026-02-30', limit: '0', contractId: 'x' }, NOW);
    } catch (error) {
      expect(Object.keys((error as ValidationError).details ?? {}).sort()).toEqual([
        'asOfDate',
        'contractId',
        'limit',
      ]);
    }
  });
});
