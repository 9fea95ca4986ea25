import { z } from 'zod';
import { moneySchema, penceToInput, toPence } from '@/lib/money';
import type { components } from '@/types/api';
import type { Debt } from './list-debts';

export type DebtType = components['schemas']['DebtType'];

// The types in the contract's order: priority first, then non-priority.
export const debtTypes = [
  'mortgage_arrears',
  'secured_loan_arrears',
  'rent_arrears',
  'council_tax_arrears',
  'gas_arrears',
  'electricity_arrears',
  'magistrates_court_fine',
  'court_order_enforced',
  'hmrc_income_tax',
  'hmrc_national_insurance',
  'hmrc_vat',
  'child_maintenance_arrears',
  'tv_licence',
  'hire_purchase_essential',
  'credit_card',
  'store_card',
  'overdraft',
  'personal_loan',
  'payday_loan',
  'catalogue',
  'buy_now_pay_later',
  'water_arrears',
  'benefit_overpayment',
  'parking_charge_notice',
  'friends_and_family',
  'hire_purchase',
  'other',
] as const satisfies readonly DebtType[];

export const debtStatuses = ['active', 'disputed', 'paid', 'written_off'] as const;

export const debtFormSchema = z
  .object({
    creditor: z.string().trim().min(1, 'Enter the creditor').max(200, 'Use at most 200 characters'),
    debtType: z.enum(debtTypes, { message: 'Choose the kind of debt' }),
    accountReference: z
      .string()
      .trim()
      .max(50, 'Use at most 50 characters')
      .regex(/^[0-9A-Za-z /.-]*$/, 'Use only letters, digits, spaces, - / and .'),
    balance: moneySchema(),
    arrears: moneySchema({ optional: true }),
    contractualPayment: moneySchema({ optional: true }),
    offeredPayment: moneySchema({ optional: true }),
    interestFrozen: z.boolean(),
    status: z.enum(debtStatuses),
    priorityOverride: z.enum(['', 'priority', 'non_priority']),
    priorityReason: z.string().trim().max(500, 'Use at most 500 characters'),
  })
  .refine((v) => v.priorityOverride === '' || v.priorityReason !== '', {
    path: ['priorityReason'],
    message: 'Give the reason for overriding the priority',
  });
export type DebtFormValues = z.infer<typeof debtFormSchema>;
export const debtFormFields = Object.keys(debtFormSchema.innerType().shape) as (keyof DebtFormValues)[];

export function emptyDebtForm(): DebtFormValues {
  return {
    creditor: '',
    debtType: 'credit_card',
    accountReference: '',
    balance: '',
    arrears: '',
    contractualPayment: '',
    offeredPayment: '',
    interestFrozen: false,
    status: 'active',
    priorityOverride: '',
    priorityReason: '',
  };
}

export function debtToForm(d: Debt): DebtFormValues {
  return {
    creditor: d.creditor,
    debtType: d.debtType,
    accountReference: d.accountReference,
    balance: penceToInput(d.balance),
    arrears: penceToInput(d.arrears),
    contractualPayment: penceToInput(d.contractualPayment),
    offeredPayment: penceToInput(d.offeredPayment),
    interestFrozen: d.interestFrozen,
    status: d.status === 'removed' ? 'active' : d.status,
    priorityOverride: d.priorityOverride ?? '',
    priorityReason: d.priorityReason ?? '',
  };
}

export function formToBody(v: DebtFormValues) {
  return {
    ...v,
    balance: toPence(v.balance),
    arrears: toPence(v.arrears),
    contractualPayment: toPence(v.contractualPayment),
    offeredPayment: toPence(v.offeredPayment),
    priorityReason: v.priorityOverride === '' ? undefined : v.priorityReason,
  };
}
