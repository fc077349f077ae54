import { amount, toCsv } from './csv';

describe('CSV exports', () => {
  it('exports a quantity exact to the millionth, as the JSON answer has it, with at least two decimals', () => {
    // Regression: two fixed decimals exported 0.125 as 0.13 and 0.000001 as 0.00.
    expect(amount(0.125)).toBe('0.125');
    expect(amount(0.000001)).toBe('0.000001');
    expect(amount(10.374999)).toBe('10.374999');
    expect(amount(2.5)).toBe('2.50');
    expect(amount(40)).toBe('40.00');
    expect(amount(1_000_000)).toBe('1000000.00');
  });

  it('writes RFC 4180 rows: CRLF line ends, quotes doubled inside quoted cells', () => {
    expect(toCsv(['a', 'b'], [[amount(0.5), 'say "hi", twice']])).toBe(
      'a,b\r\n0.50,"say ""hi"", twice"\r\n',
    );
  });
});
