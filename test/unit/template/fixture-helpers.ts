import type { ConferenceRecord, GroupItem, Values } from '../../../domain/record/conference';
import type { RuleFinding } from '../../../domain/rules/finding';
import { assessReadiness, type ReadinessReport } from '../../../domain/rules/readiness';
import { templateFor } from '../../../templates/conference-templates';

/**
 * Helpers for tests that take a complete fixture and change one fact. They hand back the
 * record's own (mutable) values so that a test reads "remove this, expect that", and they
 * throw when the fixture does not hold what the test expects, so a test can never pass by
 * editing something that is not there.
 */

export function readiness(record: ConferenceRecord): ReadinessReport {
  return assessReadiness(templateFor(record.type), record);
}

export function blocking(report: ReadinessReport): RuleFinding[] {
  return report.findings.filter((f) => f.severity === 'blocking');
}

/** For assertion messages: every finding on its own line. */
export function describeFindings(findings: readonly RuleFinding[]): string {
  return findings.length === 0
    ? '(no findings)'
    : findings.map((f) => `[${f.severity}] ${f.rule} @ ${JSON.stringify(f.ref)}: ${f.message}`).join('\n');
}

export function listOf(record: ConferenceRecord, sectionId: string): GroupItem[] {
  const section = record.sections[sectionId];
  if (section?.kind !== 'list') throw new Error(`The record has no list section “${sectionId}”.`);
  return section.items;
}

export function singleOf(record: ConferenceRecord, sectionId: string): Values {
  const section = record.sections[sectionId];
  if (section?.kind !== 'single') throw new Error(`The record has no single section “${sectionId}”.`);
  return section.values;
}

export function childSection(record: ConferenceRecord, sectionId: string, childId: string): Values {
  const section = record.sections[sectionId];
  const values = section?.kind === 'perChild' ? section.perChild[childId] : undefined;
  if (!values) throw new Error(`The record has no “${sectionId}” values for child ${childId}.`);
  return values;
}

export function childId(record: ConferenceRecord, name: string): string {
  const child = listOf(record, 'children').find((c) => c.values['name'] === name);
  if (!child) throw new Error(`The record has no child called “${name}”.`);
  return child.id;
}

export function agency(record: ConferenceRecord, kind: string): GroupItem {
  const found = listOf(record, 'agencies').filter((a) => a.values['agency'] === kind);
  if (found.length !== 1) throw new Error(`Expected one agency of kind “${kind}”, found ${found.length}.`);
  return found[0]!;
}

export function findingsFor(report: ReadinessReport, rule: string): RuleFinding[] {
  return report.findings.filter((f) => f.rule === rule);
}
