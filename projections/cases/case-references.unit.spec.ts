import { withholdUnseenCases } from './case-references';
import { casesProjection } from './cases.projection';
import { caseOpened, caseShared, memoryView, scopeOf } from './cases.fixtures';

const record = (id: string, reference: { kind: string; id: string } | null) => ({
  consumptionId: id,
  reference,
});
const records = [
  record('k1', { kind: 'case', id: 'c1' }),
  record('k2', { kind: 'case', id: 'c2' }),
  record('k3', { kind: 'case', id: 'not-a-hub-case' }),
  record('k4', { kind: 'engagement', id: 'c1' }),
  record('k5', null),
];

describe('case references inside Customer Activity (domain.md §4)', () => {
  const view = () =>
    memoryView(casesProjection, [
      caseOpened('c1', 'w1'),
      caseOpened('c2', 'w1'),
      caseShared('c2', 'ca'),
    ]);
  const referenced = async (scope: ReturnType<typeof scopeOf>) =>
    (await withholdUnseenCases(await view(), scope, records)).map((r) => r.reference?.id ?? null);

  it('withholds the ids of cases a Customer Activity holder may not see; the records stay', async () => {
    const holder = scopeOf('ca', { w1: ['Member', 'CustomerActivity'] });
    // c1 is not theirs to see; c2 was shared with them; unknown ids and other kinds stay.
    expect(await referenced(holder)).toEqual([null, 'c2', 'not-a-hub-case', 'c1', null]);
  });

  it('shows every case reference to the workspace administrators and provider staff', async () => {
    const all = ['c1', 'c2', 'not-a-hub-case', 'c1', null];
    expect(await referenced(scopeOf('wa', { w1: ['WorkspaceAdministrator'] }))).toEqual(all);
    expect(await referenced(scopeOf('csam', {}, true))).toEqual(all);
  });

  it('a share that came through an ended membership no longer shows the case', async () => {
    const rejoined = scopeOf('ca', { w1: ['Member', 'CustomerActivity'] });
    rejoined.workspaces.get('w1')!.memberSince = '2026-03-05T00:00:00.000Z';
    expect((await referenced(rejoined)).slice(0, 2)).toEqual([null, null]);
  });
});
