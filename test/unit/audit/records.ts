import type { ConferenceRecord, GroupItem, SectionValue, Values } from '../../../domain/record/conference';
import { oseiRecord, whitfieldRecord } from '../../../main/demo/scenarios';
import { auditChild } from '../../../domain/audit/indicators';
import type { AuditRow } from '../../../domain/audit/types';
import { templateForRecord } from '../../../templates/conference-templates';

/** Helpers that change one thing in a fictional scenario record, so each test says what it varies. */

export function osei(): { record: ConferenceRecord; daniel: string } {
  const record = oseiRecord();
  return { record, daniel: childIds(record)[0]! };
}

export function whitfield(): { record: ConferenceRecord; maya: string; leo: string } {
  const record = whitfieldRecord();
  const [maya, leo] = childIds(record) as [string, string];
  return { record, maya, leo };
}

export function childIds(record: ConferenceRecord): string[] {
  const section = record.sections['children'];
  return section?.kind === 'list' ? section.items.map((item) => item.id) : [];
}

export function setSingle(record: ConferenceRecord, section: string, values: Values): void {
  const current = record.sections[section];
  const before = current?.kind === 'single' ? current.values : {};
  record.sections[section] = { kind: 'single', values: { ...before, ...values } };
}

export function setChild(record: ConferenceRecord, section: string, childId: string, values: Values): void {
  const current = record.sections[section];
  const perChild = current?.kind === 'perChild' ? current.perChild : {};
  record.sections[section] = { kind: 'perChild', perChild: { ...perChild, [childId]: { ...perChild[childId], ...values } } };
}

export function removeFromChild(record: ConferenceRecord, section: string, childId: string, ...fields: string[]): void {
  const current = record.sections[section] as Extract<SectionValue, { kind: 'perChild' }>;
  const values = { ...current.perChild[childId] };
  for (const field of fields) delete values[field];
  current.perChild[childId] = values;
}

export function items(record: ConferenceRecord, section: string): GroupItem[] {
  const current = record.sections[section];
  return current?.kind === 'list' ? current.items : [];
}

export function setItems(record: ConferenceRecord, section: string, list: GroupItem[]): void {
  record.sections[section] = { kind: 'list', items: list };
}

export function updateChildItem(record: ConferenceRecord, childId: string, values: Values): void {
  setItems(
    record,
    'children',
    items(record, 'children').map((child) => (child.id === childId ? { ...child, values: { ...child.values, ...values } } : child)),
  );
}

/**
 * Three cohort rows: Daniel Osei (did not come back), and the Whitfield children on a child in
 * need plan against most agencies (Maya a possible match, Leo came back), in that order.
 */
export function cohortRows(): AuditRow[] {
  const o = osei();
  const w = whitfield();
  setChild(w.record, 'decision', w.maya, { outcome: 'cin-plan' });
  setChild(w.record, 'decision', w.leo, { outcome: 'cin-plan' });
  const ctx = (r: ConferenceRecord) => ({ template: templateForRecord(r), signOff: { signedAt: null, intact: true }, today: '2026-02-04' });
  const row = (r: ConferenceRecord, id: string, status: AuditRow['cameBack']['status']): AuditRow => ({
    ...auditChild(r, id, ctx(r)),
    cameBack: { status, matches: [], explanation: '' },
    judgements: [],
    judgementsMissing: 0,
  });
  return [row(o.record, o.daniel, 'not-back'), row(w.record, w.maya, 'possible-match'), row(w.record, w.leo, 'came-back')];
}
