// The budget-category list of the Standard Financial Statement layout, as the server holds it in
// data/reference/budget-categories.json (version 1, in force from 2017-01-01). The API has no route for
// this reference data yet, so the app carries a copy for its choices and labels; the server still
// checks every category on save, and a budget's `categoriesVersion` says which list it was saved under.
import type { components } from '@/types/api';

export type BudgetSection = components['schemas']['BudgetSection'];
export type Category = { section: BudgetSection; id: string; label: string };

export const CATEGORIES_VERSION = "1";

export const categories: readonly Category[] = [
  { section: 'income', id: 'wages', label: "Wages and salary (take-home pay)" },
  { section: 'income', id: 'self_employment', label: "Self-employment income (after tax and National Insurance)" },
  { section: 'income', id: 'universal_credit', label: "Universal Credit" },
  { section: 'income', id: 'jobseekers_allowance', label: "Jobseeker's Allowance" },
  { section: 'income', id: 'employment_support_allowance', label: "Employment and Support Allowance" },
  { section: 'income', id: 'income_support', label: "Income Support" },
  { section: 'income', id: 'housing_benefit', label: "Housing Benefit" },
  { section: 'income', id: 'tax_credits', label: "Child Tax Credit and Working Tax Credit" },
  { section: 'income', id: 'child_benefit', label: "Child Benefit" },
  { section: 'income', id: 'pip_dla', label: "Personal Independence Payment / Disability Living Allowance" },
  { section: 'income', id: 'attendance_allowance', label: "Attendance Allowance" },
  { section: 'income', id: 'carers_allowance', label: "Carer's Allowance" },
  { section: 'income', id: 'state_pension', label: "State Pension" },
  { section: 'income', id: 'pension_credit', label: "Pension Credit" },
  { section: 'income', id: 'pension', label: "Private and workplace pensions" },
  { section: 'income', id: 'other_benefits', label: "Other benefits" },
  { section: 'income', id: 'maintenance', label: "Child maintenance and spousal maintenance received" },
  { section: 'income', id: 'household_contributions', label: "Contributions from other household members and lodgers" },
  { section: 'income', id: 'other_income', label: "Other income" },
  { section: 'fixed_costs', id: 'rent', label: "Rent" },
  { section: 'fixed_costs', id: 'mortgage', label: "Mortgage" },
  { section: 'fixed_costs', id: 'secured_loans', label: "Other secured loans" },
  { section: 'fixed_costs', id: 'ground_rent_service_charge', label: "Ground rent and service charges" },
  { section: 'fixed_costs', id: 'council_tax', label: "Council Tax / rates" },
  { section: 'fixed_costs', id: 'buildings_contents_insurance', label: "Buildings and contents insurance" },
  { section: 'fixed_costs', id: 'appliance_furniture_rental', label: "Appliance and furniture rental" },
  { section: 'fixed_costs', id: 'tv_licence', label: "TV licence" },
  { section: 'fixed_costs', id: 'electricity', label: "Electricity" },
  { section: 'fixed_costs', id: 'gas', label: "Gas" },
  { section: 'fixed_costs', id: 'other_fuel', label: "Other fuel (oil, LPG, coal, wood)" },
  { section: 'fixed_costs', id: 'water', label: "Water and sewerage" },
  { section: 'fixed_costs', id: 'childcare', label: "Childcare" },
  { section: 'fixed_costs', id: 'care_costs', label: "Adult care costs" },
  { section: 'fixed_costs', id: 'child_maintenance_paid', label: "Child maintenance paid" },
  { section: 'fixed_costs', id: 'public_transport', label: "Public transport" },
  { section: 'fixed_costs', id: 'car_finance', label: "Vehicle hire purchase or conditional sale payments" },
  { section: 'fixed_costs', id: 'car_costs', label: "Vehicle insurance, tax, MOT and maintenance" },
  { section: 'fixed_costs', id: 'fuel_and_parking', label: "Fuel, parking and tolls" },
  { section: 'fixed_costs', id: 'school_costs', label: "School costs (uniform, meals, trips)" },
  { section: 'fixed_costs', id: 'pension_contributions', label: "Pension contributions" },
  { section: 'fixed_costs', id: 'life_insurance', label: "Life and critical illness insurance" },
  { section: 'fixed_costs', id: 'other_insurance', label: "Other insurance" },
  { section: 'fixed_costs', id: 'professional_costs', label: "Professional fees and union subscriptions" },
  { section: 'fixed_costs', id: 'other_essential_costs', label: "Other essential costs" },
  { section: 'flexible_costs', id: 'communications_and_leisure', label: "Communications and leisure (phone, internet, TV, hobbies)" },
  { section: 'flexible_costs', id: 'food_and_housekeeping', label: "Food and housekeeping" },
  { section: 'flexible_costs', id: 'personal_costs', label: "Personal costs (clothing, toiletries, health, gifts)" },
  { section: 'priority_debt_payments', id: 'mortgage_arrears', label: "Mortgage and secured loan arrears" },
  { section: 'priority_debt_payments', id: 'rent_arrears', label: "Rent arrears" },
  { section: 'priority_debt_payments', id: 'council_tax_arrears', label: "Council Tax arrears" },
  { section: 'priority_debt_payments', id: 'energy_arrears', label: "Gas and electricity arrears" },
  { section: 'priority_debt_payments', id: 'magistrates_fines', label: "Magistrates' court fines" },
  { section: 'priority_debt_payments', id: 'hmrc_arrears', label: "Income tax, National Insurance and VAT arrears" },
  { section: 'priority_debt_payments', id: 'child_maintenance_arrears', label: "Child maintenance arrears" },
  { section: 'priority_debt_payments', id: 'hire_purchase_arrears', label: "Hire purchase arrears on essential goods" },
  { section: 'priority_debt_payments', id: 'other_priority', label: "Other priority debts" },
  { section: 'savings', id: 'savings', label: "Savings" },
];

export const sections: readonly { id: BudgetSection; label: string; expenditure: boolean }[] = [
  { id: 'income', label: 'Income', expenditure: false },
  { id: 'fixed_costs', label: 'Fixed costs', expenditure: true },
  { id: 'flexible_costs', label: 'Flexible costs', expenditure: true },
  { id: 'priority_debt_payments', label: 'Payments to priority creditors', expenditure: true },
  { id: 'savings', label: 'Savings', expenditure: true },
];

const byId = new Map(categories.map((c) => [c.id, c]));

// A category's label, or its id when the list here does not have it (a newer list on the server).
export function categoryLabel(id: string): string {
  return byId.get(id)?.label ?? id.replace(/_/g, ' ');
}
