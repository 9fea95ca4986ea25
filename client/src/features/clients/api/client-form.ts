import { z } from 'zod';
import type { components } from '@/types/api';

// The client form's fields as typed, and how they become a create or an update body.
export type ClientRecord = components['schemas']['Client'];
export type VulnerabilityFlag = components['schemas']['VulnerabilityFlag'];

export const vulnerabilityFlags = [
  'mental_health',
  'physical_health',
  'learning_difficulty',
  'low_literacy',
  'limited_english',
  'bereavement',
  'domestic_abuse',
  'addiction',
  'carer',
  'recent_job_loss',
  'serious_illness',
  'care_leaver',
  'other',
] as const satisfies readonly VulnerabilityFlag[];

export const maritalStatuses = ['single', 'married', 'civil_partnership', 'cohabiting', 'separated', 'divorced', 'widowed', 'other'] as const;
export const employmentStatuses = ['employed', 'self_employed', 'unemployed', 'retired', 'student', 'carer', 'unable_to_work', 'other'] as const;
export const housingTenures = ['owner', 'mortgage', 'private_rent', 'social_rent', 'living_with_family', 'other'] as const;
export const contactMethods = ['phone', 'mobile', 'email', 'letter', 'text', 'in_person'] as const;

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.union([z.enum(values), z.literal('')]);

export const clientFormSchema = z
  .object({
    title: z.string().trim().max(20, 'Use at most 20 characters'),
    firstName: z.string().trim().min(1, 'Enter a first name').max(100, 'Use at most 100 characters'),
    lastName: z.string().trim().min(1, 'Enter a last name').max(100, 'Use at most 100 characters'),
    dateOfBirth: z.string().trim(),
    niNumber: z.string().trim(),
    phone: z.string().trim(),
    mobile: z.string().trim(),
    email: z.union([z.literal(''), z.string().trim().email('Enter an e-mail address like name@example.org')]),
    addressLine1: z.string().trim().max(200, 'Use at most 200 characters'),
    addressLine2: z.string().trim().max(200, 'Use at most 200 characters'),
    town: z.string().trim().max(100, 'Use at most 100 characters'),
    postcode: z.string().trim(),
    adults: z.string().regex(/^([1-9]|1[0-9]|20)$/, 'Enter a number of adults from 1 to 20'),
    childrenAges: z
      .string()
      .regex(/^\s*(\d{1,2}\s*(,\s*\d{1,2}\s*)*)?$/, 'Enter the ages as whole numbers separated by commas, like 4, 9'),
    maritalStatus: choice(maritalStatuses),
    employmentStatus: choice(employmentStatuses),
    housingTenure: choice(housingTenures),
    preferredContact: choice(contactMethods),
    language: z.string().trim().max(50, 'Use at most 50 characters'),
    vulnerabilityConsent: z.boolean(),
    vulnerabilityFlags: z.array(z.enum(vulnerabilityFlags)),
    dataSharingConsent: z.boolean(),
  })
  .refine((v) => v.vulnerabilityConsent || v.vulnerabilityFlags.length === 0, {
    path: ['vulnerabilityFlags'],
    message: 'Vulnerabilities can be recorded only with the client’s consent',
  });
export type ClientFormValues = z.infer<typeof clientFormSchema>;

export const clientFormFields = [
  'title',
  'firstName',
  'lastName',
  'dateOfBirth',
  'niNumber',
  'phone',
  'mobile',
  'email',
  'addressLine1',
  'addressLine2',
  'town',
  'postcode',
  'adults',
  'childrenAges',
  'maritalStatus',
  'employmentStatus',
  'housingTenure',
  'preferredContact',
  'language',
  'vulnerabilityConsent',
  'vulnerabilityFlags',
  'dataSharingConsent',
] as const;

export function emptyClientForm(): ClientFormValues {
  return {
    title: '',
    firstName: '',
    lastName: '',
    dateOfBirth: '',
    niNumber: '',
    phone: '',
    mobile: '',
    email: '',
    addressLine1: '',
    addressLine2: '',
    town: '',
    postcode: '',
    adults: '1',
    childrenAges: '',
    maritalStatus: '',
    employmentStatus: '',
    housingTenure: '',
    preferredContact: '',
    language: '',
    vulnerabilityConsent: false,
    vulnerabilityFlags: [],
    dataSharingConsent: false,
  };
}

export function clientToForm(c: ClientRecord): ClientFormValues {
  return {
    title: c.title,
    firstName: c.firstName,
    lastName: c.lastName,
    dateOfBirth: c.dateOfBirth ?? '',
    niNumber: c.niNumber ?? '',
    phone: c.phone,
    mobile: c.mobile,
    email: c.email,
    addressLine1: c.addressLine1,
    addressLine2: c.addressLine2,
    town: c.town,
    postcode: c.postcode,
    adults: String(c.adults),
    childrenAges: c.childrenAges.join(', '),
    maritalStatus: c.maritalStatus ?? '',
    employmentStatus: c.employmentStatus ?? '',
    housingTenure: c.housingTenure ?? '',
    preferredContact: c.preferredContact ?? '',
    language: c.language,
    vulnerabilityConsent: c.vulnerabilityConsent,
    vulnerabilityFlags: c.vulnerabilityFlags,
    dataSharingConsent: c.dataSharingConsent,
  };
}

// Every field, "" for the ones left empty: on create "" leaves a field empty, on update it clears it.
export function formToBody(v: ClientFormValues) {
  const ages = v.childrenAges.trim() === '' ? [] : v.childrenAges.split(',').map((a) => Number(a.trim()));
  return {
    ...v,
    adults: Number(v.adults),
    childrenAges: ages,
    vulnerabilityFlags: v.vulnerabilityConsent ? v.vulnerabilityFlags : [],
  };
}
