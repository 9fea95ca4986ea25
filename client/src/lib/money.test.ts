import { describe, expect, it } from 'vitest';
import { formatPence, moneyError, moneySchema, monthlyPence, parseMoney, penceToInput } from './money';

describe('parseMoney', () => {
  it.each([
    ['1234.56', 123456],
    ['£1,234.56', 123456],
    ['1234', 123400],
    ['1234.5', 123450],
    ['.5', 50],
    ['0', 0],
    ['  12.00 ', 1200],
    ['1,000,000', 100000000],
    ['10000000000', 1_000_000_000_000],
  ])('reads %s as %d pence', (input, pence) => {
    expect(parseMoney(input)).toEqual({ ok: true, pence });
  });

  it('refuses more than two decimals', () => {
    expect(parseMoney('1.234')).toEqual({ ok: false, message: 'Enter no more than 2 decimal places (pence)' });
  });

  it('refuses negatives unless allowed', () => {
    expect(parseMoney('-5')).toEqual({ ok: false, message: 'Enter an amount of £0.00 or more' });
    expect(parseMoney('-£5.10', { allowNegative: true })).toEqual({ ok: true, pence: -510 });
  });

  it.each(['abc', '12a', '1.2.3', '£', '.', '12,34', '1e5', 'NaN'])('refuses %s as not an amount', (input) => {
    const parsed = parseMoney(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toBe('Enter an amount in pounds and pence, like 1234.56');
  });

  it('refuses an empty field and amounts over £10bn', () => {
    expect(parseMoney('')).toEqual({ ok: false, message: 'Enter an amount' });
    expect(parseMoney('10000000000.01')).toEqual({ ok: false, message: 'Enter an amount of £10bn or less' });
  });

  it('leaves an optional field empty', () => {
    expect(moneyError('', { optional: true })).toBeNull();
    expect(moneyError('x', { optional: true })).not.toBeNull();
    expect(moneySchema().safeParse('1.999').success).toBe(false);
    expect(moneySchema().safeParse('1.99').success).toBe(true);
  });
});

describe('formatPence and penceToInput', () => {
  it('shows pounds and pence with thousands separators', () => {
    expect(formatPence(123456)).toBe('£1,234.56');
    expect(formatPence(5)).toBe('£0.05');
    expect(formatPence(0)).toBe('£0.00');
    expect(formatPence(100000000)).toBe('£1,000,000.00');
    expect(formatPence(-2550)).toBe('−£25.50');
    expect(formatPence(null)).toBe('—');
  });

  it('gives an input the saved value back', () => {
    expect(penceToInput(123456)).toBe('1234.56');
    expect(penceToInput(7)).toBe('0.07');
    expect(parseMoney(penceToInput(98765))).toEqual({ ok: true, pence: 98765 });
  });
});

describe('monthlyPence (docs/money.md)', () => {
  it.each([
    [30000, 'weekly', 130000],
    [10000, 'weekly', 43333],
    [42500, 'weekly', 184167],
    [5000, 'fortnightly', 10833],
    [10000, 'four_weekly', 10833],
    [95000, 'monthly', 95000],
    [25000, 'quarterly', 8333],
    [150000, 'annual', 12500],
    [10050, 'annual', 838], // 837.5 rounds half away from zero
    [1_000_000_000_000, 'weekly', 4_333_333_333_333],
  ] as const)('%d pence %s is %d a month', (amount, frequency, monthly) => {
    expect(monthlyPence(amount, frequency)).toBe(monthly);
  });
});
