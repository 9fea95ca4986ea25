import { describe, expect, it } from 'vitest';
import { addDays, formatDay, todayInLondon, weekStart } from './london';

describe('London calendar dates', () => {
  it('gives today in London as YYYY-MM-DD, across the change of the clocks', () => {
    expect(todayInLondon(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01'); // 00:30 BST
    expect(todayInLondon(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31'); // 23:30 GMT
    expect(todayInLondon(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29');
  });

  it('counts days on the calendar, and finds the Monday of the week', () => {
    expect(addDays(todayInLondon(new Date('2026-03-28T12:00:00Z')), 1)).toBe('2026-03-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(weekStart('2026-03-29')).toBe('2026-03-23');
  });

  it('names a day as "Mon 7 Dec" with whichever CLDR the runtime has (42 writes "Mon, 7 Dec")', () => {
    expect(formatDay('2026-12-07')).toBe('Mon 7 Dec');
    expect(formatDay('2026-03-29')).toBe('Sun 29 Mar');
  });
});
