import { describe, expect, it } from 'vitest';
import { dateFromFileName, isIsoDate, toIsoDate } from '../../src/dates.js';

describe('dates', () => {
  it('accepts ISO dates of real days only', () => {
    expect(isIsoDate('2026-03-06')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-3-6')).toBe(false);
    expect(isIsoDate('06.03.2026')).toBe(false);
  });

  it('reads the forms journals write', () => {
    expect(toIsoDate('2026-3-6')).toBe('2026-03-06');
    expect(toIsoDate('06.03.2026')).toBe('2026-03-06');
    expect(toIsoDate('15.01.2026')).toBe('2026-01-15');
    expect(toIsoDate('20. Jänner 2026')).toBe('2026-01-20');
    expect(toIsoDate('3. März 2026')).toBe('2026-03-03');
    expect(toIsoDate('6 March 2026')).toBe('2026-03-06');
    expect(toIsoDate('March 6, 2026')).toBe('2026-03-06');
    expect(toIsoDate('31.02.2026')).toBeUndefined();
    expect(toIsoDate('yesterday')).toBeUndefined();
  });

  it('takes the date from a file name', () => {
    expect(dateFromFileName('2026-01-13_backend.md')).toBe('2026-01-13');
    expect(dateFromFileName('2026-01.md')).toBeUndefined();
    expect(dateFromFileName('2026-02-30_x.md')).toBeUndefined();
  });
});
