import { fromMillionths, isIsoDate, toMillionths } from './entitlement';

describe('entitlement arithmetic', () => {
  it.each([
    [1, 100],
    [0.1, 10],
    [40.25, 4025],
    [1.1, 110],
    [0.29, 29],
  ])('%p is %p millionths', (quantity, millionths) => {
    expect(toMillionths(quantity)).toBe(millionths);
  });

  it.each([1.001, 0.125, Number.POSITIVE_INFINITY, Number.NaN])('%p is not in millionths', (q) => {
    expect(toMillionths(q)).toBeNull();
  });

  it('sums 0.1 + 0.2 without drift', () => {
    expect(fromMillionths((toMillionths(0.1) ?? 0) + (toMillionths(0.2) ?? 0))).toBe(0.3);
  });

  it.each([
    ['2025-02-28', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-2-1', false],
    ['2025-01-01T00:00:00Z', false],
  ])('isIsoDate(%p) is %p', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});
