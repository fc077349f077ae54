import { extraCasesCsv } from './extra-cases.queries';

describe('the extra-cases CSV export (domain.md §4)', () => {
  it('writes one row per extra case; a case the caller may not see has its id and title empty', () => {
    const csv = extraCasesCsv([
      {
        caseId: 'c1',
        workspaceId: 'w1',
        title: 'Mail flow, "stuck"',
        rule: 'support_category',
        service: 'Exchange Online',
        openedAt: '2026-03-02T10:00:00.000Z',
      },
      {
        caseId: null,
        workspaceId: 'w1',
        title: null,
        rule: 'unmapped_contract',
        service: 'Problem Resolution Support',
        openedAt: '2026-03-01T10:00:00.000Z',
      },
    ]);
    expect(csv.split('\r\n').slice(0, 3)).toEqual([
      'openedAt,caseId,title,workspaceId,rule,service',
      '2026-03-02T10:00:00.000Z,c1,"Mail flow, ""stuck""",w1,support_category,Exchange Online',
      '2026-03-01T10:00:00.000Z,,,w1,unmapped_contract,Problem Resolution Support',
    ]);
  });
});
