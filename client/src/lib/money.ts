import { z } from 'zod';

// Money is typed and read as pounds and pence (£1,234.56) and travels as whole pence (a JSON
// integer), as docs/money.md describes. No amount is held as a floating-point number: the text is
// parsed digit by digit.

export const MAX_PENCE = 1_000_000_000_000; // £10bn, the contract's Pence maximum

export type ParsedMoney = { ok: true; pence: number } | { ok: false; message: string };

// "1234.56", "£1,234.56", "1234", ".5" → pence. Refuses more than two decimals, negatives (unless
// allowed), anything that is not an amount, and amounts over £10bn, each with its own message.
export function parseMoney(input: string, { allowNegative = false }: { allowNegative?: boolean } = {}): ParsedMoney {
  let text = input.trim().replace(/\s+/g, '');
  if (text === '') return { ok: false, message: 'Enter an amount' };
  let negative = false;
  if (text.startsWith('-') || text.startsWith('−')) {
    negative = true;
    text = text.slice(1);
  }
  if (text.startsWith('£')) text = text.slice(1);
  if (!negative && (text.startsWith('-') || text.startsWith('−'))) {
    negative = true;
    text = text.slice(1);
  }
  if (negative && !allowNegative) return { ok: false, message: 'Enter an amount of £0.00 or more' };
  // Thousands separators only in their places: 1,234.56 but not 12,34.
  if (text.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) {
    return { ok: false, message: 'Enter an amount in pounds and pence, like 1234.56' };
  }
  text = text.replace(/,/g, '');
  const m = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (m === null || (m[1] === '' && (m[2] ?? '') === '')) {
    return { ok: false, message: 'Enter an amount in pounds and pence, like 1234.56' };
  }
  const pounds = m[1] ?? '';
  const decimals = m[2] ?? '';
  if (decimals.length > 2) return { ok: false, message: 'Enter no more than 2 decimal places (pence)' };
  const wholePounds = pounds.replace(/^0+(?=\d)/, '');
  if (wholePounds.length > 11) return { ok: false, message: 'Enter an amount of £10bn or less' };
  const pence = Number(wholePounds === '' ? '0' : wholePounds) * 100 + Number(decimals.padEnd(2, '0'));
  if (pence > MAX_PENCE) return { ok: false, message: 'Enter an amount of £10bn or less' };
  return { ok: true, pence: negative && pence !== 0 ? -pence : pence };
}

const pounds = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

// 123456 → "£1,234.56"; -500 → "−£5.00". Pence are integers, so the division is exact to display.
export function formatPence(pence: number | null | undefined): string {
  if (pence === null || pence === undefined) return '—';
  const whole = Math.trunc(Math.abs(pence) / 100);
  const rest = Math.abs(pence) % 100;
  const text = `£${pounds.format(whole).replace(/\.00$/, '')}.${String(rest).padStart(2, '0')}`;
  return pence < 0 ? `−${text}` : text;
}

// Pence as the text of an input: 123456 → "1234.56", so an edit form starts from the saved value.
export function penceToInput(pence: number | null | undefined): string {
  if (pence === null || pence === undefined) return '';
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export type Frequency = 'weekly' | 'fortnightly' | 'four_weekly' | 'monthly' | 'quarterly' | 'annual';

const PER_MONTH: Record<Frequency, [number, number]> = {
  weekly: [52, 12],
  fortnightly: [26, 12],
  four_weekly: [13, 12],
  monthly: [1, 1],
  quarterly: [4, 12],
  annual: [1, 12],
};

// The monthly equivalent of an amount paid at `frequency`, as the server works it out: exact,
// then rounded once, to the penny, half away from zero (amounts are never negative, so half up).
export function monthlyPence(amount: number, frequency: Frequency): number {
  const [times, per] = PER_MONTH[frequency];
  const n = BigInt(amount) * BigInt(times);
  const d = BigInt(per);
  return Number((2n * n + d) / (2n * d));
}

// A form field holding an amount: its message when it is not one, null when it is.
export function moneyError(input: string, options: { allowNegative?: boolean; optional?: boolean } = {}): string | null {
  if (options.optional === true && input.trim() === '') return null;
  const parsed = parseMoney(input, options);
  return parsed.ok ? null : parsed.message;
}

// The pence of a field already checked with moneyError; 0 for an empty optional field.
export function toPence(input: string): number {
  const parsed = parseMoney(input, { allowNegative: true });
  return parsed.ok ? parsed.pence : 0;
}

// The zod schema of a money field in a form (the field holds the text typed).
export function moneySchema(options: { allowNegative?: boolean; optional?: boolean } = {}) {
  return z.string().superRefine((value, ctx) => {
    const message = moneyError(value, options);
    if (message !== null) ctx.addIssue({ code: z.ZodIssueCode.custom, message });
  });
}
