import { fromMillionths, isIsoDate, isQuantity, toMillionths } from './entitlement';

describe('entitlement arithmetic', () => {
  it.each([
    [1, 1_000_000],
    [0.1, 100_000],
    [40.25, 40_250_000],
    [1.1, 1_100_000],
    [0.29, 290_000],
    [0.125, 125_000],
    [0.000001, 1],
    [1e-6, 1],
    [999_999.999999, 999_999_999_999],
    [1_000_000, 1_000_000_000_000],
  ])('%p is %p millionths', (quantity, millionths) => {
    expect(toMillionths(quantity)).toBe(millionths);
  });

  // However written: 1e-7 has no decimal point in its text, yet seven decimal places.
  it.each([1e-7, 0.0000001, 1.0000001, 5e-324, 0.1 + 0.2, 1e300, Infinity, Number.NaN])(
    'refuses %p, which is not a whole number of millionths',
    (q) => {
      expect(toMillionths(q)).toBeNull();
    },
  );

  it('sums 0.1 + 0.2 without drift', () => {
    expect(fromMillionths((toMillionths(0.1) ?? 0) + (toMillionths(0.2) ?? 0))).toBe(0.3);
  });

  it('sums six-decimal quantities exactly', () => {
    const sum = [0.125, 0.000001, 0.333333].reduce((total, q) => total + (toMillionths(q) ?? 0), 0);
    expect(fromMillionths(sum)).toBe(0.458334);
  });

  it('reads a positive quantity within its bound as one, else not', () => {
    expect(isQuantity(0.000001, 1_000_000)).toBe(true);
    expect(isQuantity(1_000_000, 1_000_000)).toBe(true);
    for (const q of [0, -0.5, 1_000_000.000001, 1e-7, '2', null]) {
      expect(isQuantity(q, 1_000_000)).toBe(false);
    }
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
