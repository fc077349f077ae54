import { initialResponseDueAt, responseTargetMet } from './response-target';

describe('initial response target', () => {
  it.each([
    ['A', '2025-03-07T23:30:00.000Z', '2025-03-08T01:30:00.000Z'],
    ['B', '2025-03-07T10:00:00.000Z', '2025-03-07T14:00:00.000Z'],
    ['C', '2025-03-08T20:15:00.000Z', '2025-03-09T04:15:00.000Z'],
  ] as const)('problem resolution severity %s runs 24x7', (severity, from, due) => {
    expect(initialResponseDueAt('problem-resolution', severity, from)).toBe(due);
  });

  it.each([
    ['Monday', '2025-03-03T09:15:00.000Z', '2025-03-04T09:15:00.000Z'],
    ['Thursday', '2025-03-06T17:00:00.000Z', '2025-03-07T17:00:00.000Z'],
    ['Friday', '2025-03-07T09:15:00.000Z', '2025-03-10T09:15:00.000Z'],
    ['Saturday', '2025-03-08T23:59:59.000Z', '2025-03-10T23:59:59.000Z'],
    ['Sunday', '2025-03-09T00:00:00.000Z', '2025-03-10T00:00:00.000Z'],
  ])('advisory opened on a %s is due the same time on the next weekday', (_day, from, due) => {
    expect(initialResponseDueAt('advisory', 'A', from)).toBe(due);
  });

  it('ignores daylight saving: advisory across the EU switch keeps the UTC time', () => {
    expect(initialResponseDueAt('advisory', 'C', '2025-03-28T08:00:00.000Z')).toBe(
      '2025-03-31T08:00:00.000Z',
    );
  });

  it('accepts an offset instant and answers in UTC', () => {
    expect(initialResponseDueAt('problem-resolution', 'A', '2025-03-03T10:00:00+02:00')).toBe(
      '2025-03-03T10:00:00.000Z',
    );
  });

  it('refuses a malformed instant', () => {
    expect(() => initialResponseDueAt('advisory', 'A', 'yesterday')).toThrow(RangeError);
  });

  it('counts a response on the dot as met', () => {
    expect(responseTargetMet('2025-03-03T12:00:00.000Z', '2025-03-03T12:00:00.000Z')).toBe(true);
    expect(responseTargetMet('2025-03-03T12:00:00.001Z', '2025-03-03T12:00:00.000Z')).toBe(false);
  });
});
