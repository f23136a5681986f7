import { describe, expect, it } from 'vitest';
import type { ConferenceRecord, SectionValue } from '../../../domain/record/conference';
import { whitfieldRecord } from '../../../main/demo/scenarios/whitfield';
import { answerLines, differingAnswers } from '../../../renderer/src/team/conflict-lines';
import { templateForRecord } from '../../../templates/conference-templates';

/**
 * lease9: the two versions of a section a save conflict sets side by side. Only what differs is
 * listed, labelled as the form labels it, with children named as the record names them.
 */

const record = whitfieldRecord();
const template = templateForRecord(record);
const section = (id: string) => {
  const found = template.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
};

function withValue(value: SectionValue, field: string, to: unknown): SectionValue {
  if (value.kind !== 'single') throw new Error('single sections only here');
  return { kind: 'single', values: { ...value.values, [field]: to as string } };
}

describe('both versions of a conflicting section', () => {
  it('lists only the answers that differ, by their labels', () => {
    const meeting = record.sections['meeting'] as SectionValue;
    const mine = withValue(meeting, 'minuteTaker', 'Bea Lorimer');
    const theirs = withValue(meeting, 'minuteTaker', 'Alex Penrose');
    const rows = differingAnswers(answerLines(section('meeting'), mine, record), answerLines(section('meeting'), theirs, record));
    expect(rows).toEqual([{ label: 'Minute-taker', mine: 'Bea Lorimer', theirs: 'Alex Penrose' }]);
  });

  it('shows a choice by its label and an emptied answer as blank', () => {
    const meeting = record.sections['meeting'] as SectionValue;
    const mine = withValue(withValue(meeting, 'format', 'video'), 'endTime', '');
    const rows = differingAnswers(answerLines(section('meeting'), mine, record), answerLines(section('meeting'), meeting, record));
    expect(rows.find((r) => r.label === 'How the conference met')?.mine).toBe('Video');
    expect(rows.find((r) => r.label === 'End time')?.mine).toBe('(blank)');
  });

  it('names the child in a per-child section, and an unchanged section has nothing to show', () => {
    const decision = record.sections['decision'];
    if (decision?.kind !== 'perChild') throw new Error('the decision is per child');
    const [childId, values] = Object.entries(decision.perChild)[0] as [string, Record<string, unknown>];
    const changed: SectionValue = { kind: 'perChild', perChild: { ...decision.perChild, [childId]: { ...(values as object), rationale: 'A different rationale.' } as never } };
    const rows = differingAnswers(answerLines(section('decision'), changed, record), answerLines(section('decision'), decision, record));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.label).toMatch(/^Maya Whitfield: |^Leo Whitfield: /);
    expect(rows[0]?.mine).toBe('A different rationale.');
    expect(differingAnswers(answerLines(section('decision'), decision, record), answerLines(section('decision'), decision, record as ConferenceRecord))).toEqual([]);
  });
});
