import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCAL_SETTINGS, LocalSettingsSchema } from '../../../domain/rules/local-settings';
import { overdueLines } from '../../../domain/review/list-overdue';

// The Osei conference, Tue 03/02/2026: draft minutes due 15 working days later, Tue 24/02/2026;
// copies sent Thu 19/02/2026 with comments due Thu 05/03/2026 (worked by hand on a calendar).
const osei = { conferenceDate: '2026-02-03' } as const;

describe('what the conference list says is overdue', () => {
  it('agencies late with their comments, counted against today, not when the list was saved', () => {
    const summary = { ...osei, review: { firstSentOn: '2026-02-19', commentsDueOn: ['2026-03-05', '2026-03-05', '2026-03-12'] } };
    expect(overdueLines(summary, DEFAULT_LOCAL_SETTINGS, '2026-03-05')).toEqual([]);
    expect(overdueLines(summary, DEFAULT_LOCAL_SETTINGS, '2026-03-06')).toEqual(['Accuracy comments overdue: 2 agencies']);
    expect(overdueLines(summary, DEFAULT_LOCAL_SETTINGS, '2026-03-13')).toEqual(['Accuracy comments overdue: 3 agencies']);
    expect(overdueLines({ ...summary, review: { firstSentOn: '2026-02-19', commentsDueOn: ['2026-03-05'] } }, DEFAULT_LOCAL_SETTINGS, '2026-03-06')).toEqual([
      'Accuracy comments overdue: 1 agency',
    ]);
  });

  it('draft minutes not sent to any agency by their due day, under the council’s timescale', () => {
    const unsent = { ...osei, review: { firstSentOn: null, commentsDueOn: [] } };
    expect(overdueLines(unsent, DEFAULT_LOCAL_SETTINGS, '2026-02-24')).toEqual([]);
    expect(overdueLines(unsent, DEFAULT_LOCAL_SETTINGS, '2026-02-25')).toEqual(['Draft minutes overdue: due by 24/02/2026']);
    // 20 working days: due Tue 03/03/2026.
    const twenty = LocalSettingsSchema.parse({ timescales: { minutesWorkingDays: 20 } });
    expect(overdueLines(unsent, twenty, '2026-02-25')).toEqual([]);
    expect(overdueLines(unsent, twenty, '2026-03-04')).toEqual(['Draft minutes overdue: due by 03/03/2026']);
    // Sent, even late: no longer overdue as draft minutes.
    expect(overdueLines({ ...osei, review: { firstSentOn: '2026-02-26', commentsDueOn: [] } }, DEFAULT_LOCAL_SETTINGS, '2026-02-27')).toEqual([]);
  });

  it('says nothing for signed minutes, an undated conference, or an entry from before due dates were kept', () => {
    const review = { firstSentOn: null, commentsDueOn: ['2026-03-05'] };
    expect(overdueLines({ ...osei, review, signed: { version: 1, signedAt: '2026-03-10T10:00:00.000Z' } }, DEFAULT_LOCAL_SETTINGS, '2026-04-01')).toEqual([]);
    expect(overdueLines({ conferenceDate: null, review }, DEFAULT_LOCAL_SETTINGS, '2026-04-01')).toEqual(['Accuracy comments overdue: 1 agency']);
    expect(overdueLines({ ...osei }, DEFAULT_LOCAL_SETTINGS, '2026-04-01')).toEqual([]);
  });
});
