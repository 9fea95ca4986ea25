// London calendar dates as the diary works with them: YYYY-MM-DD strings, with date arithmetic
// done on the calendar (UTC noon), never on the clock, so a change of the clocks moves nothing.
// Assembled from the parts, never from a locale's pattern: en-CA's numeric date was Y-M-D in CLDR
// before 42 and after 43, but M/D/Y in 42 (ICU 72: Debian 12's Node.js, Chrome 110).
const londonDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

export function todayInLondon(now: Date = new Date()): string {
  const part = (type: Intl.DateTimeFormatPartTypes) => londonDate.formatToParts(now).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function toDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

export function addDays(day: string, days: number): string {
  const d = toDate(day);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// The Monday of the London week holding `day`.
export function weekStart(day: string): string {
  const weekday = (toDate(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

export function isDate(value: string | undefined): value is string {
  return value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toDate(value).getTime());
}

// "10:00" from the appointment's London time with its offset ("2026-03-29T10:00:00+01:00").
export function localTime(startLocal: string): string {
  return startLocal.slice(11, 16);
}

// "2026-03-29" from the same.
export function localDay(startLocal: string): string {
  return startLocal.slice(0, 10);
}

// "2026-03-29T10:00": what a datetime-local input holds, and what the API reads as London time.
export function localInput(startLocal: string): string {
  return startLocal.slice(0, 16);
}

// "Mon 7 Dec", assembled from the parts too: CLDR 42 (ICU 72) puts a comma after the weekday.
const dayLabel = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
export function formatDay(day: string): string {
  const parts = dayLabel.formatToParts(toDate(day));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')}`;
}
