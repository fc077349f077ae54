import { formatDuration, formatters } from './format';

// Intl's narrow no-break space (U+202F) and no-break space (U+00A0) group French thousands.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('formatters (the page follows the browser locale)', () => {
  it('formats quantities with up to six decimals, trailing zeros trimmed, in English and French', () => {
    expect(formatters('en-US').number(1234.5)).toBe('1,234.5');
    expect(plain(formatters('fr-FR').number(1234.5))).toBe('1 234,5');
    expect(formatters('en-US').number(0.125)).toBe('0.125');
    expect(formatters('fr-FR').number(0.000001)).toBe('0,000001');
    expect(formatters('en-US').number(1_000_000)).toBe('1,000,000');
    expect(formatters('en-US').number(0.1 + 0.2)).toBe('0.3');
  });

  it('formats a derived rate with at most two decimals', () => {
    expect(formatters('en-US').rate(2 / 3)).toBe('0.67');
    expect(formatters('fr-FR').rate(2 / 3)).toBe('0,67');
  });

  it('shows a day as that calendar day whatever the time zone, in each language', () => {
    expect(formatters('en-US').day('2026-03-01')).toBe('Mar 1, 2026');
    expect(plain(formatters('fr-FR').day('2026-03-01'))).toBe('1 mars 2026');
  });

  it('writes durations with days, hours, minutes and seconds as they shrink', () => {
    expect(formatDuration(2 * 86400 + 3 * 3600 + 59)).toBe('2 d 03 h');
    expect(formatDuration(3600 + 5 * 60 + 9)).toBe('1 h 05 min 09 s');
    expect(formatDuration(270)).toBe('4 min 30 s');
    expect(formatDuration(-90)).toBe('1 min 30 s');
  });
});
