/** The accountable agencies a conference usually hears from. "Other" takes a free name. */
export const AGENCY_KINDS = [
  { value: 'social-care', label: "Children's social care" },
  { value: 'police', label: 'Police' },
  { value: 'education', label: 'Education' },
  { value: 'early-years', label: 'Early years / nursery' },
  { value: 'health-visiting', label: 'Health visiting' },
  { value: 'school-nursing', label: 'School nursing' },
  { value: 'gp', label: 'GP' },
  { value: 'midwifery', label: 'Midwifery' },
  { value: 'paediatrics', label: 'Paediatrics' },
  { value: 'camhs', label: 'CAMHS' },
  { value: 'adult-mental-health', label: 'Adult mental health' },
  { value: 'substance-misuse', label: 'Substance misuse service' },
  { value: 'idva', label: 'IDVA service' },
  { value: 'probation', label: 'Probation' },
  { value: 'youth-justice', label: 'Youth justice service' },
  { value: 'housing', label: 'Housing' },
  { value: 'other', label: 'Other agency' },
] as const;

export type AgencyKind = (typeof AGENCY_KINDS)[number]['value'];

export function agencyKindLabel(value: unknown): string {
  return AGENCY_KINDS.find((kind) => kind.value === value)?.label ?? '';
}
