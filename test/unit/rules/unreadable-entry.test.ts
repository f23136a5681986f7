import { describe, expect, it } from 'vitest';
import { childrenOf } from '../../../domain/record/access';
import { assessReadiness } from '../../../domain/rules/readiness';
import { UNREADABLE_ENTRY_RULE, withUnreadableEntries } from '../../../domain/rules/unreadable-entry';
import { DATE_ENTRY, parseTime, TIME_ENTRY, typedEntryFormat } from '../../../domain/template/typed-entry';
import { whitfieldRecord } from '../../../main/demo/scenarios';
import { templateFor } from '../../../templates/conference-templates';

describe('times typed as text (read by the domain, not the form)', () => {
  it.each([
    ['9:30', '09:30'],
    ['09.30', '09:30'],
    ['0930', '09:30'],
    [' 14:15 ', '14:15'],
    ['23:59', '23:59'],
  ])('reads “%s” as %s', (typed, time) => {
    expect(parseTime(typed)).toEqual({ ok: true, time });
  });

  it.each(['24:00', '12:60', 'half nine', '9', ''])('explains why “%s” is not a time', (typed) => {
    const result = parseTime(typed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/is not a time on the 24-hour clock, for example 09:30/);
  });

  it('gives dates and times their format, and no other field type', () => {
    expect(typedEntryFormat('date')).toBe(DATE_ENTRY);
    expect(typedEntryFormat('time')).toBe(TIME_ENTRY);
    expect(typedEntryFormat('text')).toBeUndefined();
    expect(DATE_ENTRY.parse('29/02/2026').ok).toBe(false);
    expect(DATE_ENTRY.parse('15/01/2026')).toEqual({ ok: true, value: '2026-01-15' });
    expect(DATE_ENTRY.show('2026-01-15')).toBe('15/01/2026');
    expect(DATE_ENTRY.show('31/02/2026')).toBe('31/02/2026');
  });
});

describe('unreadable entries in readiness, keyed by field reference', () => {
  const template = templateFor('initial');

  it('adds a blocking finding naming the section, child and field, in template order, and replaces the template’s vaguer one for that field', () => {
    const record = structuredClone(whitfieldRecord());
    const child = childrenOf(record)[0];
    if (!child) throw new Error('The scenario has children.');
    const meeting = record.sections['meeting'];
    if (meeting?.kind !== 'single') throw new Error('The scenario has a meeting section.');
    meeting.values['startTime'] = 'half nine';
    child.values['dateOfBirth'] = '29/02/2026';
    const report = assessReadiness(template, record);
    const vague = report.findings.filter((f) => f.rule === 'template.invalid');
    expect(vague.map((f) => f.ref.field)).toEqual(expect.arrayContaining(['startTime', 'dateOfBirth']));

    // The form's ref is written in another order, with an explicit undefined: the same field.
    const entries = [
      { ref: { field: 'dateOfBirth', itemId: child.id, section: 'children', childId: undefined }, label: 'Date of birth', message: '2026 is not a leap year.' },
      { ref: { section: 'meeting', field: 'startTime' }, label: 'Start time', message: '"half nine" is not a time.' },
    ];
    const findings = withUnreadableEntries(template, record, report.findings, entries);
    const unreadable = findings.filter((f) => f.rule === UNREADABLE_ENTRY_RULE);
    const title = (id: string) => template.sections.find((s) => s.id === id)?.title;
    expect(unreadable.map((f) => f.message)).toEqual([
      `${title('meeting')}, “Start time”: "half nine" is not a time.`,
      `${title('children')}, “Date of birth”: 2026 is not a leap year.`,
    ]);
    expect(unreadable.every((f) => f.severity === 'blocking')).toBe(true);
    expect(findings.filter((f) => f.rule === 'template.invalid' && (f.ref.field === 'startTime' || f.ref.field === 'dateOfBirth'))).toEqual([]);
    expect(findings.length).toBe(report.findings.length);
    const sections = findings.map((f) => template.sections.findIndex((s) => s.id === f.ref.section));
    expect(sections).toEqual([...sections].sort((a, b) => a - b));
  });
});
