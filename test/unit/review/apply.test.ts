import { describe, expect, it } from 'vitest';
import { applyCorrection, placementNow } from '../../../domain/review/apply';
import { oseiRecord } from '../../../main/demo/scenarios/osei';

describe('writing an accepted correction into the draft', () => {
  it('replaces the one line of the one answer that reads as the paragraph sent, and nothing else', () => {
    const record = oseiRecord();
    const before = 'Daniel has low mood and problems sleeping; he attends CAMHS appointments.';
    const result = applyCorrection(record, before, 'Daniel has low mood and difficulty sleeping; he attends CAMHS appointments weekly.');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.sections).toEqual(['agencies']);
    const text = JSON.stringify(result.record.sections);
    expect(text).toContain('difficulty sleeping; he attends CAMHS appointments weekly.');
    expect(text).not.toContain(before);
    // Only that answer changed.
    expect(JSON.stringify({ ...result.record.sections, agencies: null })).toBe(JSON.stringify({ ...record.sections, agencies: null }));
  });

  it('one line of a long answer: the other paragraphs of the answer stay as they were', () => {
    const record = oseiRecord();
    const result = applyCorrection(record, 'CAMHS gave information about Daniel’s mood and sleep but no recommendation.', 'CAMHS gave information about Daniel’s mood and sleep and made no recommendation.');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const decision = JSON.stringify(result.record.sections['decision']);
    expect(decision).toContain('and made no recommendation.');
    expect(decision).toContain('Daniel has suffered harm through criminal exploitation');
  });

  it('guesses nothing: words in no answer, or in several, are left for the chair to change by hand', () => {
    const record = oseiRecord();
    expect(applyCorrection(record, 'Words nowhere in these minutes.', 'x')).toEqual({ ok: false, problem: placementNow(record, 'Words nowhere in these minutes.') });
    expect(placementNow(record, 'Male')).toBeNull();
    expect(placementNow(record, 'present')).toBe('These words appear in more than one answer, so the app cannot tell which one is meant.');
    expect(placementNow(record, '')).toContain('adds a new paragraph');
  });
});
