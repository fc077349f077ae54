import { burnDown, lineForecast, trailingRate } from './forecast';

const record = (deliveredOn: string, quantity: number, reversed = false) => ({
  deliveredOn,
  quantity,
  reversed,
});

describe('forecast (the burn-down a line draws)', () => {
  it('rates the trailing 90 days only, reversed records netted out', () => {
    const records = [
      record('2026-06-30', 9), // the 90-day window to 2026-09-27 starts on 2026-06-30
      record('2026-06-29', 100), // outside the window
      record('2026-09-01', 18),
      record('2026-09-02', 50, true),
      record('2026-09-28', 40), // after today
    ];
    expect(trailingRate(records, '2026-09-27')).toBeCloseTo(27 / 90, 10);
  });

  it('computes exhaustion from the rate and says whether it falls before the end', () => {
    const records = [record('2026-09-01', 45), record('2026-08-01', 45)]; // 1 per day
    expect(lineForecast(records, 10, '2026-09-27', '2026-12-31')).toEqual({
      burnRatePerDay: 1,
      exhaustsOn: '2026-10-07',
      exhaustsBeforeEnd: true,
    });
    expect(lineForecast(records, 200, '2026-09-27', '2026-12-31').exhaustsBeforeEnd).toBe(false);
    expect(lineForecast([], 10, '2026-09-27', '2026-12-31')).toEqual({
      burnRatePerDay: 0,
      exhaustsOn: null,
      exhaustsBeforeEnd: false,
    });
  });

  it("takes the hub's forecast fields when the answer carries them", () => {
    const server = { burnRatePerDay: 2.5, exhaustsOn: '2027-02-01', exhaustsBeforeEnd: false };
    expect(
      lineForecast([record('2026-09-01', 90)], 10, '2026-09-27', '2026-12-31', server),
    ).toEqual(server);
    expect(
      lineForecast([], 10, '2026-09-27', '2026-12-31', {
        burnRatePerDay: 1,
        exhaustsOn: '2026-10-07',
      }).exhaustsBeforeEnd,
    ).toBe(true);
  });

  it('steps the balance down on each delivery day (into overage) and draws the forecast to the exhaustion day', () => {
    const drawn = burnDown({
      total: 10,
      startsOn: '2026-07-01',
      endsOn: '2026-12-31',
      today: '2026-09-29',
      records: [
        record('2026-07-10', 3),
        record('2026-07-10', 1.5),
        record('2026-08-01', 2, true),
        record('2026-09-01', 0.5),
      ],
    });
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    expect(drawn.actual).toEqual([
      { x: day('2026-07-01'), y: 10 },
      { x: day('2026-07-10'), y: 5.5 },
      { x: day('2026-09-01'), y: 5 },
      { x: day('2026-09-29'), y: 5 },
    ]);
    // 5 consumed in the 90 days to 2026-09-29 (window from 2026-07-02): 5 left lasts 90 days.
    expect(drawn.forecastFacts).toEqual({
      burnRatePerDay: 5 / 90,
      exhaustsOn: '2026-12-28',
      exhaustsBeforeEnd: true,
    });
    expect(drawn.forecast).toEqual([
      { x: day('2026-09-29'), y: 5 },
      { x: day('2026-12-28'), y: 0 },
    ]);
    expect(drawn.end).toBe(day('2026-12-31'));
  });

  it('draws no forecast once the balance is spent (overage shows below zero)', () => {
    const drawn = burnDown({
      total: 4,
      startsOn: '2026-07-01',
      endsOn: '2026-12-31',
      today: '2026-09-29',
      records: [record('2026-09-01', 6)],
    });
    expect(drawn.actual[1].y).toBe(-2);
    expect(drawn.forecast).toEqual([]);
    expect(drawn.forecastFacts.exhaustsBeforeEnd).toBe(true);
  });
});
