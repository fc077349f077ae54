import { initialResponseDueAt } from '../cases/response-target';
import { addBusinessHours, isTimeZone, nextBusinessDay } from './business-calendar';

const LA = { timeZone: 'America/Los_Angeles', holidays: [] };
const iso = (ms: number) => new Date(ms).toISOString();

describe('business calendar', () => {
  it('an advisory case opened Friday 17:00 in Los Angeles is due Monday 17:00 there', () => {
    // Friday 2025-03-07 17:00 PST = 2025-03-08T01:00Z (a Saturday in UTC).
    expect(
      initialResponseDueAt('advisory', 'B', '2025-03-08T01:00:00.000Z', { calendar: LA }),
    ).toBe('2025-03-11T00:00:00.000Z'); // Monday 17:00 PDT (the clocks moved on Sunday)
  });

  it('one business day skips the agreement holidays', () => {
    const calendar = { timeZone: 'UTC', holidays: ['2025-03-04'] };
    expect(iso(nextBusinessDay(Date.parse('2025-03-03T10:00:00Z'), calendar))).toBe(
      '2025-03-05T10:00:00.000Z',
    );
  });

  it('a non-English case counts its hours in local business hours only', () => {
    // Severity A (2 h), opened Friday 16:00 in Berlin: one hour on Friday, one on Monday.
    const berlin = { timeZone: 'Europe/Berlin', holidays: [] };
    expect(
      initialResponseDueAt('problem-resolution', 'A', '2025-03-07T15:00:00.000Z', {
        calendar: berlin,
        language: 'de',
      }),
    ).toBe('2025-03-10T09:00:00.000Z'); // Monday 10:00 CET
  });

  it('an English case keeps its 2/4/8 hours around the clock, whatever the calendar', () => {
    expect(
      initialResponseDueAt('problem-resolution', 'B', '2025-03-08T22:00:00.000Z', {
        calendar: LA,
        language: 'en-GB',
      }),
    ).toBe('2025-03-09T02:00:00.000Z');
  });

  it('business hours start at opening time when counted from the night before', () => {
    const start = Date.parse('2025-03-03T05:00:00Z'); // Monday before 09:00 UTC
    expect(iso(addBusinessHours(start, 8, { timeZone: 'UTC', holidays: [] }))).toBe(
      '2025-03-03T17:00:00.000Z',
    );
  });

  it('knows IANA names and refuses others', () => {
    expect(isTimeZone('America/Los_Angeles')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
