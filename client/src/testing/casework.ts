import type { components } from '@/types/api';

type S = components['schemas'];

export const CASE_ID = '01900000-0000-7000-8000-00000000ca01';
export const CLIENT_ID = '01900000-0000-7000-8000-00000000c101';
export const CENTRE_ID = '01900000-0000-7000-8000-0000000000c1';
const T = '2026-03-02T10:00:00.000000Z';

export function makeClient(overrides: Partial<S['Client']> = {}): S['Client'] {
  return {
    id: CLIENT_ID,
    centreId: CENTRE_ID,
    reference: 'MAN-C-00042',
    title: '',
    firstName: 'Ada',
    lastName: 'Smith',
    dateOfBirth: '1980-04-12',
    niNumber: 'AB123456C',
    phone: '',
    mobile: '07700 900123',
    email: '',
    addressLine1: '1 High Street',
    addressLine2: '',
    town: 'Manchester',
    postcode: 'M1 1AA',
    adults: 2,
    childrenAges: [4, 9],
    maritalStatus: null,
    employmentStatus: 'employed',
    housingTenure: 'private_rent',
    vulnerabilityFlags: [],
    vulnerabilityConsent: false,
    vulnerabilityConsentAt: null,
    dataSharingConsent: false,
    dataSharingConsentAt: null,
    preferredContact: null,
    language: '',
    status: 'active',
    createdAt: T,
    updatedAt: T,
    ...overrides,
  };
}

export function makeCase(overrides: Partial<S['CaseDetail']> = {}): S['CaseDetail'] {
  return {
    id: CASE_ID,
    centreId: CENTRE_ID,
    clientId: CLIENT_ID,
    clientName: 'Ada Smith',
    reference: 'MAN-2026-00042',
    status: 'in_progress',
    priority: 'normal',
    adviserId: '01900000-0000-7000-8000-000000000001',
    summary: '',
    outcome: null,
    closureReason: null,
    complianceOverride: null,
    nextReviewDate: '2026-12-01',
    assets: 0,
    vehicleValue: 0,
    vehicleAdapted: false,
    homeowner: false,
    connectedToEnglandOrWales: true,
    droInLastSixYears: false,
    bankruptInLastFiveYears: false,
    breathingSpaceInLastYear: false,
    mentalHealthCrisis: false,
    openedAt: T,
    closedAt: null,
    createdAt: T,
    updatedAt: T,
    figures: { totalDebt: 600000, priorityDebt: 124000, priorityArrears: 124000, nonPriorityDebt: 476000, debts: 3, monthlySurplus: 15000 },
    allowedTransitions: ['closed', 'referred', 'cancelled'],
    ...overrides,
  };
}

export function makeDebt(overrides: Partial<S['Debt']> = {}): S['Debt'] {
  return {
    id: '01900000-0000-7000-8000-00000000d001',
    caseId: CASE_ID,
    creditor: 'Big Bank',
    debtType: 'credit_card',
    accountReference: '****7781',
    balance: 300000,
    arrears: 0,
    contractualPayment: 9000,
    offeredPayment: 0,
    interestFrozen: false,
    derivedPriority: 'non_priority',
    priorityOverride: null,
    priorityReason: null,
    effectivePriority: 'non_priority',
    status: 'active',
    createdAt: T,
    updatedAt: T,
    ...overrides,
  };
}

export function makeBudget(overrides: Partial<S['Budget']> = {}): S['Budget'] {
  return {
    id: '01900000-0000-7000-8000-00000000b001',
    caseId: CASE_ID,
    version: 1,
    kind: 'initial',
    adults: 1,
    children: 0,
    notes: '',
    createdBy: '01900000-0000-7000-8000-000000000001',
    createdAt: T,
    lines: [
      { section: 'income', category: 'wages', label: '', amount: 150000, frequency: 'monthly', monthly: 150000 },
      { section: 'flexible_costs', category: 'food_and_housekeeping', label: '', amount: 10000, frequency: 'weekly', monthly: 43333 },
    ],
    totals: {
      income: 150000,
      fixedCosts: 0,
      flexibleCosts: 43333,
      priorityDebtPayments: 0,
      savings: 0,
      expenditure: 43333,
      surplus: 106667,
      availableForNonPriority: 106667,
    },
    guidelineFlags: [{ category: 'food_and_housekeeping', monthlySpent: 43333, guideline: 30000, overBy: 13333 }],
    guidelines: { version: '2025-illustrative', illustrative: true },
    categoriesVersion: '1',
    ...overrides,
  };
}

export function makeOfferSet(overrides: Partial<S['OfferSet']> = {}): S['OfferSet'] {
  return {
    id: null,
    caseId: CASE_ID,
    budgetId: '01900000-0000-7000-8000-00000000b001',
    budgetVersion: 1,
    available: 10000,
    token: false,
    totalMonthly: 10000,
    lines: [
      { debtId: '01900000-0000-7000-8000-00000000d001', creditor: 'Big Bank', balance: 300000, monthly: 5001, token: false },
      { debtId: '01900000-0000-7000-8000-00000000d002', creditor: 'Store Card Co', balance: 200000, monthly: 3333, token: false },
      { debtId: '01900000-0000-7000-8000-00000000d003', creditor: 'Catalogue Ltd', balance: 100000, monthly: 1666, token: false },
    ],
    createdBy: null,
    createdAt: null,
    appliedAt: null,
    ...overrides,
  };
}

// A case as lists and changes answer it: without the detail's figures and allowed transitions.
export function asCase(detail: S['CaseDetail']): S['Case'] {
  const c: Partial<S['CaseDetail']> = { ...detail };
  delete c.figures;
  delete c.allowedTransitions;
  return c as S['Case'];
}

// A budget as its versions are listed: without lines or figures.
export function asVersion(budget: S['Budget']): S['BudgetVersion'] {
  const { id, caseId, version, kind, adults, children, notes, createdBy, createdAt } = budget;
  return { id, caseId, version, kind, adults, children, notes, createdBy, createdAt };
}

export const NOTE_ID = '01900000-0000-7000-8000-0000000000e1';
const ADVISER_ID = '01900000-0000-7000-8000-000000000001';

export function makeNote(overrides: Partial<S['Note']> = {}): S['Note'] {
  return {
    id: NOTE_ID,
    caseId: CASE_ID,
    type: 'call',
    body: 'Client rang about the council tax summons.',
    pinned: false,
    authorId: ADVISER_ID,
    revision: 1,
    editedBy: ADVISER_ID,
    createdAt: T,
    updatedAt: T,
    ...overrides,
  };
}

type ComplianceItem = S['CaseCompliance']['items'][number];
export function makeCompliance(items: ComplianceItem[], overrides: Partial<S['CaseCompliance']> = {}): S['CaseCompliance'] {
  return {
    caseId: CASE_ID,
    status: items.every((i) => i.satisfied) ? 'compliant' : 'incomplete',
    items,
    missing: items.filter((i) => !i.satisfied).map((i) => i.item),
    ...overrides,
  };
}

export function makeTask(overrides: Partial<S['Task']> = {}): S['Task'] {
  return {
    id: '01900000-0000-7000-8000-0000000000f1',
    centreId: CENTRE_ID,
    caseId: CASE_ID,
    title: 'Ask the council to hold enforcement',
    details: '',
    assigneeId: ADVISER_ID,
    dueDate: '2026-12-03',
    priority: 'normal',
    status: 'open',
    createdBy: ADVISER_ID,
    completedBy: null,
    completedAt: null,
    createdAt: T,
    updatedAt: T,
    ...overrides,
  };
}

export function makeAppointment(overrides: Partial<S['Appointment']> = {}): S['Appointment'] {
  return {
    id: '01900000-0000-7000-8000-0000000000a1',
    centreId: CENTRE_ID,
    clientId: CLIENT_ID,
    caseId: null,
    adviserId: ADVISER_ID,
    start: '2026-12-07T10:00:00.000000Z',
    end: '2026-12-07T11:00:00.000000Z',
    startLocal: '2026-12-07T10:00:00+00:00',
    endLocal: '2026-12-07T11:00:00+00:00',
    durationMinutes: 60,
    mode: 'in_person',
    location: 'Interview room 2',
    preparation: '',
    status: 'scheduled',
    outcome: '',
    followUpDate: null,
    createdBy: ADVISER_ID,
    createdAt: T,
    updatedAt: T,
    ...overrides,
  };
}

export function makeDashboard(overrides: Partial<S['Dashboard']> = {}): S['Dashboard'] {
  const months = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
  return {
    centreId: CENTRE_ID,
    adviserId: null,
    today: '2026-11-30',
    figures: {
      casesByStatus: { open: 4, in_progress: 6, closed: 10, referred: 1, cancelled: 0 },
      openedPerMonth: months.map((month, i) => ({ month, count: i % 3 })),
      closedPerMonth: months.map((month, i) => ({ month, count: i % 2 })),
      medianDaysToClose: 21,
      debtUnderAdvice: 4512300,
      priorityArrears: 320000,
      writtenOff: 0,
      repaid: 0,
      closedCases: 10,
      closedCompliant: 8,
      complianceRatePercent: 80,
    },
    overdueTasks: 2,
    appointmentsToday: 3,
    centres: [],
    ...overrides,
  };
}

export function makeCentre(overrides: Partial<S['Centre']> = {}): S['Centre'] {
  return {
    id: CENTRE_ID,
    name: 'Manchester',
    code: 'MAN',
    address: '',
    contactEmail: '',
    contactPhone: '',
    status: 'active',
    settings: {},
    createdAt: T,
    updatedAt: T,
    ...overrides,
  };
}

export const DOCUMENT_ID = '01900000-0000-7000-8000-0000000000d1';

export function makeDocumentVersion(overrides: Partial<S['DocumentVersion']> = {}): S['DocumentVersion'] {
  return {
    version: 1,
    fileName: 'statement.pdf',
    contentType: 'application/pdf',
    sizeBytes: 24_576,
    sha256: 'a'.repeat(64),
    uploadedBy: '01900000-0000-7000-8000-000000000001',
    createdAt: T,
    extractionStatus: 'done',
    ...overrides,
  };
}

export function makeDocument(overrides: Partial<S['Document']> = {}): S['Document'] {
  return {
    id: DOCUMENT_ID,
    caseId: CASE_ID,
    documentType: 'bank_statement',
    name: 'statement.pdf',
    status: 'available',
    uploadedBy: '01900000-0000-7000-8000-000000000001',
    currentVersion: 1,
    contentType: 'application/pdf',
    sizeBytes: 24_576,
    sha256: 'a'.repeat(64),
    extractionStatus: 'done',
    extractionError: null,
    extractionConfidence: null,
    extractedText: null,
    createdAt: T,
    updatedAt: T,
    ...overrides,
  };
}
