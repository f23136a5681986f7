/** The accountable agencies a conference usually hears from. "Other" takes a free name. */
export const AGENCY_KINDS = [
  { value: 'social-care', label: 'Children’s social care' },
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

/**
 * Everyday words a chair uses for an agency in a rationale ("the health visitor", "the DSL"),
 * so that engaging with an agency's view does not depend on typing its label exactly.
 */
export const AGENCY_ALIASES: Partial<Record<AgencyKind, readonly string[]>> = {
  'social-care': ['social care', 'social worker', 'children’s services', 'local authority'],
  police: ['police', 'detective', 'officer'],
  education: ['school', 'education', 'DSL', 'teacher', 'academy', 'college'],
  'early-years': ['nursery', 'early years', 'key worker'],
  'health-visiting': ['health visitor', 'health visiting'],
  'school-nursing': ['school nurse', 'school nursing'],
  gp: ['GP', 'general practitioner', 'doctor'],
  midwifery: ['midwife', 'midwifery'],
  paediatrics: ['paediatrician', 'paediatrics'],
  camhs: ['CAMHS'],
  'adult-mental-health': ['mental health'],
  'substance-misuse': ['substance misuse', 'drug', 'alcohol service'],
  idva: ['IDVA', 'domestic abuse advocate', 'domestic violence advocate'],
  probation: ['probation'],
  'youth-justice': ['youth justice', 'YOT', 'YJS'],
  housing: ['housing'],
};
