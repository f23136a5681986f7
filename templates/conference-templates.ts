import type { ConferenceRecord, ConferenceType } from '../domain/record/conference';
import { templateVersionOf } from '../domain/record/template-version';
import type { ConferenceTemplate, SectionDef } from '../domain/template/types';
import { agenciesSection } from './sections/agencies';
import { attendanceSection } from './sections/attendance';
import { childrenSection } from './sections/children';
import { decisionSection } from './sections/decision';
import { dissentSection } from './sections/dissent';
import { distributionSection } from './sections/distribution';
import { familySection } from './sections/family';
import { familyViewsSection } from './sections/family-views';
import { meetingSection } from './sections/meeting';
import { openingSection } from './sections/opening';
import { planSection } from './sections/plan';
import { practiceAlertsSection } from './sections/practice-alerts';
import { reasonSection } from './sections/reason';
import { restrictedSection } from './sections/restricted';
import { riskSection } from './sections/risk';
import { voiceSection } from './sections/voice';

/**
 * The order follows the line the inspection asked to see: agency views → risk analysis →
 * decision → rationale → plan, with the child's voice before the analysis it informs.
 * The five conference types share sections; type-specific fields are conditions inside them.
 */
const SECTIONS: readonly SectionDef[] = [
  meetingSection,
  childrenSection,
  familySection,
  attendanceSection,
  restrictedSection,
  openingSection,
  reasonSection,
  agenciesSection,
  voiceSection,
  familyViewsSection,
  riskSection,
  decisionSection,
  dissentSection,
  planSection,
  practiceAlertsSection,
  distributionSection,
];

const TITLES: Record<ConferenceType, string> = {
  initial: 'Initial child protection conference',
  review: 'Review child protection conference',
  'pre-birth-initial': 'Pre-birth initial child protection conference',
  'pre-birth-review': 'Pre-birth review child protection conference',
  'transfer-in': 'Transfer-in child protection conference',
};

/**
 * Raised when the questions change in a way a reader of an old record should know about.
 * 2: each child's status, weighing of differing views, pre-birth and transfer-in clocks,
 * extra-familial harm. 3: restricted information (marks, closed parts, the family version of a
 * rationale) and the chair's practice alerts. 4: the chair's letter to each child old enough
 * (an added optional question: records of versions 1–3 read through today's sections unchanged,
 * so no store migration is needed). 5: the primary concern, in the reason section (an added
 * optional question, read the same way; the audit shows "Not recorded" for older records).
 */
export const TEMPLATE_VERSION = 5;

export function templateFor(type: ConferenceType): ConferenceTemplate {
  return { id: `cpc-${type}`, version: TEMPLATE_VERSION, conferenceType: type, title: TITLES[type], sections: SECTIONS };
}

/**
 * The template a stored record is read through: the version it was written under. Version 2
 * only added questions (version 1's answers are a subset of them, under the same ids), so both
 * read through today's sections with the record's own version number. A record written by a
 * newer app (a version this one does not know) is refused rather than read with the wrong questions.
 */
export function templateForRecord(record: Pick<ConferenceRecord, 'type' | 'templateVersion'>): ConferenceTemplate {
  const version = templateVersionOf(record);
  if (version > TEMPLATE_VERSION) {
    throw new Error(`This conference was written by a newer version of Conference Recorder (template ${version}); update the app to open it.`);
  }
  return { ...templateFor(record.type), version };
}
