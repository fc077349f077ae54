import { toCsv } from './csv';
import { recordsCsv } from './customer-activity.drilldown';
import { drilldownQuery, summaryQuery } from './customer-activity.params';

describe('customer-activity parameters', () => {
  it('defaults to all workspaces and today, and reads a given day', () => {
    expect(summaryQuery({})).toEqual({
      workspaceId: 'all',
      contractId: undefined,
      day: new Date().toISOString().slice(0, 10),
    });
    expect(summaryQuery({ workspaceId: 'w1', asOfDate: '2026-02-28', minPosition: '7' }).day).toBe(
      '2026-02-28',
    );
  });

  it('refuses a bad day, an unknown parameter, a bad view and an out-of-bounds limit, naming each field', () => {
    expect(() => summaryQuery({ asOfDate: '2026-02-30', colour: 'blue' })).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        details: { asOfDate: expect.any(Array), colour: expect.any(Array) },
      }),
    );
    expect(() => drilldownQuery({ limit: '501' }, 'reactive')).toThrow(
      expect.objectContaining({ details: { limit: expect.any(Array) } }),
    );
    expect(() => drilldownQuery({}, 'extra-cases')).toThrow(
      expect.objectContaining({ details: { category: expect.any(Array) } }),
    );
    expect(drilldownQuery({ limit: '500', unit: 'credits' }, 'proactive').page).toEqual({
      limit: 500,
      cursor: undefined,
      unit: 'credits',
    });
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and neutralises formulas', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['line\nbreak', '=SUM(A1)'],
          [null, 1.5],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\'=SUM(A1)\r\n,1.5\r\n');
  });

  it('writes a drill-down grid with two-decimal quantities and withheld origins left empty', () => {
    const csv = recordsCsv([
      {
        consumptionId: 'k1',
        contractId: 'c1',
        entitlementId: 'e1',
        service: 'Problem resolution, 24x7',
        deliveredOn: '2026-03-01',
        quantity: 1.5,
        unit: 'hours',
        reference: null,
        workspaceId: null,
        deliveredHours: 6,
        source: 'delivery-service',
        reversed: true,
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe(
      '2026-03-01,k1,c1,e1,"Problem resolution, 24x7",1.50,hours,,,,6.00,delivery-service,true',
    );
  });
});
