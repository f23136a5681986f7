import { validateAgainstTemplate, type SectionProgress } from '../template/validate';
import type { ConferenceTemplate } from '../template/types';
import type { ConferenceRecord } from '../record/conference';
import { agencyFindings } from './agency-rules';
import { childFindings } from './child-rules';
import { decisionFindings } from './decision-rules';
import type { RuleFinding } from './finding';
import { DEFAULT_LOCAL_SETTINGS, type LocalSettings } from './local-settings';
import { quorumRules } from './quorum';
import { reportRules } from './report-rules';
import { timescaleRules } from './timescales';
import { voiceFindings } from './voice-rules';
import { practiceAlertRules } from '../alerts/practice-alerts';
import { restrictedRationaleFindings } from '../restricted/restricted-information';

export interface ReadinessReport {
  /** True only when no blocking finding remains: the minutes may then be signed. */
  ready: boolean;
  findings: RuleFinding[];
  progress: Record<string, SectionProgress>;
}

/** Extra rule sets (timescales, quorum) plug in here so readiness stays one call. */
export type RuleSet = (record: ConferenceRecord) => RuleFinding[];

/** The local (council) rule sets every conference is checked against. */
export function localRuleSets(settings: LocalSettings = DEFAULT_LOCAL_SETTINGS): RuleSet[] {
  return [timescaleRules(settings), quorumRules(settings.quorum), reportRules(settings), practiceAlertRules(settings)];
}

/**
 * "Ready to sign" is the conjunction of every rule: the template's required fields, a
 * coherent decision and rationale for each child, agencies' departures engaged with, the
 * child's voice, and whatever local rule sets the caller adds.
 */
export function assessReadiness(
  template: ConferenceTemplate,
  record: ConferenceRecord,
  extraRules?: readonly RuleSet[],
  /** The council's settings, for template conditions that depend on them (a late conference). */
  settings: LocalSettings = DEFAULT_LOCAL_SETTINGS,
): ReadinessReport {
  const check = validateAgainstTemplate(template, record, settings);
  const local = withoutRepeats((extraRules ?? localRuleSets(settings)).flatMap((rules) => rules(record)), check.findings);
  // A local rule's sentence says why a field is needed ("17 working days after…; record why
  // it is late"), so the template's bare "enter …" for the same field is not listed as well.
  const explained = new Set(local.map(key));
  const findings = [
    ...check.findings.filter((f) => !(f.rule === 'template.required' && explained.has(key(f)))),
    ...agencyFindings(record),
    ...decisionFindings(record),
    ...voiceFindings(record),
    ...childFindings(record),
    ...restrictedRationaleFindings(record, template),
    ...local,
  ];
  const order = new Map(template.sections.map((section, index) => [section.id, index]));
  findings.sort((a, b) => (order.get(a.ref.section) ?? 99) - (order.get(b.ref.section) ?? 99));
  return { ready: !findings.some((f) => f.severity === 'blocking'), findings, progress: check.progress };
}

/** A field the template already reports as invalid is not reported again by a local rule. */
const key = (f: RuleFinding) => `${f.ref.section}|${f.ref.field ?? ''}|${f.ref.childId ?? ''}|${f.ref.itemId ?? ''}`;

function withoutRepeats(findings: RuleFinding[], templateFindings: RuleFinding[]): RuleFinding[] {
  const reported = new Set(templateFindings.map(key));
  return findings.filter((f) => !(f.rule.endsWith('invalid-date') && reported.has(key(f))));
}
