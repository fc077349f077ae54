import { toCsv } from './csv';
import { recordsCsv } from './customer-activity.drilldown';
import { drilldownQuery, summaryQuery } from './customer-activity.params';

// The hub clock's instant (a query never reads the system time): late on 1 April, UTC.
const NOW = new Date('2026-04-01T23:59:00.000Z');

describe('customer-activity parameters', () => {
  it("defaults to all workspaces and the clock's day, and reads a given day", () => {
    expect(summaryQuery({}, NOW)).toEqual({
      workspaceId: 'all',
      contractId: undefined,
      day: '2026-04-01',
    });
    expect(
      summaryQuery({ workspaceId: 'w1', asOfDate: '2026-02-28', minPosition: '7' }, NOW).day,
    ).toBe('2026-02-28');
  });

  it('refuses a bad day, an unknown parameter, a bad view and an out-of-bounds limit, naming each field', () => {
    expect(() => summaryQuery({ asOfDate: '2026-02-30', colour: 'blue' }, NOW)).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        details: { asOfDate: expect.any(Array), colour: expect.any(Array) },
      }),
    );
    expect(() => drilldownQuery({ limit: '501' }, 'reactive', NOW)).toThrow(
      expect.objectContaining({ details: { limit: expect.any(Array) } }),
    );
    expect(() => drilldownQuery({}, 'extra-cases', NOW)).toThrow(
      expect.objectContaining({ details: { category: expect.any(Array) } }),
    );
    expect(drilldownQuery({ limit: '500', unit: 'credits' }, 'proactive', NOW).page).toEqual({
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
