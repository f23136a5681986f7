/**
 * The names the domain reads records by, declared once. Templates take their section ids from
 * SECTION (so renaming a section is one edit that every rule follows), and each rule family's
 * fields are listed in RULE_FIELDS; test/unit/template/field-references.test.ts checks that every
 * one of them is a real field of that section in every conference type's template, so a field
 * renamed in a template fails a test instead of silently leaving a rule reading nothing.
 */
export const SECTION = {
  meeting: 'meeting',
  children: 'children',
  family: 'family',
  attendance: 'attendance',
  opening: 'opening',
  reason: 'reason',
  agencies: 'agencies',
  voice: 'voice',
  familyViews: 'familyViews',
  restricted: 'restricted',
  risk: 'risk',
  decision: 'decision',
  dissent: 'dissent',
  plan: 'plan',
  distribution: 'distribution',
  practiceAlerts: 'practiceAlerts',
} as const;

export type SectionId = (typeof SECTION)[keyof typeof SECTION];

/** Fields the rules read, by section: nested fields (an agency's recommendation per child) included. */
export const RULE_FIELDS = {
  agencies: {
    agency: 'agency',
    agencyName: 'agencyName',
    representative: 'representative',
    attendance: 'attendance',
    recommendations: 'recommendations',
    recommendation: 'recommendation',
    reportSharedWithFamily: 'reportSharedWithFamily',
    reportSharedDate: 'reportSharedDate',
  },
  reason: {
    harmSource: 'harmSource',
    primaryConcern: 'primaryConcern',
  },
  decision: {
    outcome: 'outcome',
    limbA: 'limbA',
    limbB: 'limbB',
    likelySignificantHarm: 'likelySignificantHarm',
    endReason: 'endReason',
    rationale: 'rationale',
    weighings: 'weighings',
    weighingAgency: 'agency',
    weighing: 'weighing',
  },
} as const satisfies Partial<Record<SectionId, Record<string, string>>>;

/** The decision section's fields, as the decision rules read them. */
export const DECISION = RULE_FIELDS.decision;
/** The reason section's fields the audit reads (its concern columns and filters). */
export const REASON = RULE_FIELDS.reason;
/** The agencies section's fields, as the agency, report and departure rules read them. */
export const AGENCY = RULE_FIELDS.agencies;
