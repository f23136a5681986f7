import { describe, expect, it } from 'vitest';
import { CONFERENCE_TYPES, type ConferenceRecord, type ConferenceType } from '../../../domain/record/conference';
import type { FieldRef, RuleFinding } from '../../../domain/rules/finding';
import { assessReadiness } from '../../../domain/rules/readiness';
import { RULE_FIELDS, SECTION } from '../../../domain/template/field-names';
import type { ConferenceTemplate, FieldDef } from '../../../domain/template/types';
import { RecordBuilder } from '../../../main/demo/record-builder';
import { brennanRecord, oseiRecord, whitfieldRecord } from '../../../main/demo/scenarios';
import { templateFor } from '../../../templates/conference-templates';

/**
 * Field ids are strings shared by the templates and the rules: a rename in one place would
 * compile and silently leave a rule pointing at nothing. Every finding any rule can give, on
 * a wide spread of records of every conference type, must name a section and field the
 * template for that type really has.
 */

function allFields(fields: readonly FieldDef[]): FieldDef[] {
  return fields.flatMap((field) => [field, ...allFields(field.fields ?? [])]);
}

function resolves(template: ConferenceTemplate, ref: FieldRef): boolean {
  const section = template.sections.find((s) => s.id === ref.section);
  if (!section) return false;
  return ref.field === undefined || allFields(section.fields).some((f) => f.id === ref.field);
}

/** The scenarios as every type, and each broken in the ways the rules look for. */
function spread(type: ConferenceType): ConferenceRecord[] {
  const records: ConferenceRecord[] = [new RecordBuilder(type, { createdAt: '2026-01-01T09:00:00.000Z' }).build()];
  for (const make of [whitfieldRecord, oseiRecord, brennanRecord]) {
    const base = { ...make(), type };
    records.push(base);
    for (const sectionId of Object.keys(base.sections)) {
      const without = structuredClone(base);
      delete without.sections[sectionId];
      records.push(without);
    }
    const late = structuredClone(base);
    const meeting = late.sections['meeting'];
    if (meeting?.kind === 'single') {
      Object.assign(meeting.values, {
        date: '2027-06-30',
        lateReason: '',
        strategyDiscussionDate: '2027-07-01',
        previousConferenceDate: '2027-07-01',
        transferNotifiedDate: '2027-07-01',
      });
    }
    records.push(late);
    const dissentless = structuredClone(base);
    delete dissentless.sections['dissent'];
    const children = dissentless.sections['children'];
    if (children?.kind === 'list') {
      for (const child of children.items) Object.assign(child.values, { bornStatus: 'unborn', dateOfBirth: '2026-01-01', expectedDeliveryDate: '2026-01-02' });
    }
    records.push(dissentless);
    records.push(contradicted(base));
  }
  return records;
}

/** Every answer the rules look across contradicted at once. */
function contradicted(base: ConferenceRecord): ConferenceRecord {
  const record = structuredClone(base);
  const agencies = record.sections['agencies'];
  const first = agencies?.kind === 'list' ? agencies.items[0] : undefined;
  if (agencies?.kind === 'list' && first) {
    for (const item of agencies.items) item.values['attendance'] = 'report-only';
    Object.assign(first.values, { reportSharedWithFamily: true, reportSharedDate: '2099-01-01' });
    agencies.items.push({ id: globalThis.crypto.randomUUID(), values: structuredClone(first.values) });
  }
  for (const [sectionId, values] of [
    ['decision', { limbA: 'no', limbB: 'no', likelySignificantHarm: 'yes', endReason: 'no-longer-at-risk', weighings: first ? [{ id: globalThis.crypto.randomUUID(), values: { agency: first.id, weighing: 'noted' } }] : [] }],
    ['plan', { firstCoreGroupDate: '2020-01-01', reviewDate: '2020-01-02' }],
  ] as const) {
    const section = record.sections[sectionId];
    if (section?.kind !== 'perChild') continue;
    for (const childValues of Object.values(section.perChild)) Object.assign(childValues, structuredClone(values));
  }
  return record;
}

describe('every finding points at a real field of its conference type’s template', () => {
  const seen = new Set<string>();
  it.each(CONFERENCE_TYPES)('%s', (type) => {
    const template = templateFor(type);
    const dangling: RuleFinding[] = [];
    for (const record of spread(type)) {
      for (const finding of assessReadiness(template, record).findings) {
        seen.add(finding.rule);
        if (!resolves(template, finding.ref)) dangling.push(finding);
      }
    }
    expect(dangling.map((f) => `${f.rule} → ${f.ref.section}.${f.ref.field ?? ''}`)).toEqual([]);
  });

  it('and the spread is wide enough to mean something: many different rules fired', () => {
    // Guards the test above against passing because nothing fired.
    expect(seen.size).toBeGreaterThanOrEqual(20);
    for (const rule of ['template.required', 'decision.departure-not-weighed', 'children.unborn-with-date-of-birth', 'timescale.transfer-notified-after-conference']) {
      expect(seen, rule).toContain(rule);
    }
  });

  it('would catch a rule pointing at a field the template does not have', () => {
    const template = templateFor('initial');
    expect(resolves(template, { section: 'decision', field: 'rationale' })).toBe(true);
    expect(resolves(template, { section: 'decision', field: 'rationalle' })).toBe(false);
    expect(resolves(template, { section: 'decisions', field: 'rationale' })).toBe(false);
  });
});

describe('the names the rules read by (domain/template/field-names.ts) are the template’s', () => {
  it.each(CONFERENCE_TYPES)('%s: every section the domain names is a section of the template, and every template section is named', (type) => {
    const template = templateFor(type);
    expect(template.sections.map((s) => s.id).sort()).toEqual(Object.values(SECTION).sort());
  });

  it.each(CONFERENCE_TYPES)('%s: every field a rule declares it reads is a field of that section', (type) => {
    const template = templateFor(type);
    const missing = Object.entries(RULE_FIELDS).flatMap(([section, fields]) =>
      Object.values(fields)
        .filter((field) => !resolves(template, { section, field }))
        .map((field) => `${section}.${field}`),
    );
    expect(missing).toEqual([]);
  });

  it('would catch a declared field the template does not have', () => {
    const template = templateFor('initial');
    expect(resolves(template, { section: SECTION.decision, field: RULE_FIELDS.decision.likelySignificantHarm })).toBe(true);
    expect(resolves(template, { section: SECTION.decision, field: 'likelySignificantHarms' })).toBe(false);
  });
});
