import { describe, expect, it } from 'vitest';
import { alertLines, practiceAlertFindings, practiceAlerts, responseDueDate, todayInUk } from '../../../domain/alerts/practice-alerts';
import type { ConferenceRecord, Values } from '../../../domain/record/conference';
import { DEFAULT_LOCAL_SETTINGS, LocalSettingsSchema, parseLocalSettings } from '../../../domain/rules/local-settings';
import { assessReadiness } from '../../../domain/rules/readiness';
import { summaryLines } from '../../../domain/rules/summaries';
import { oseiRecord } from '../../../main/demo/scenarios';
import { templateFor } from '../../../templates/conference-templates';

/** Deadlines worked by hand from a calendar (England and Wales bank holidays). */

const ALERT_ID = '00000000-0000-4000-8000-00000000a1e7';

function withAlert(values: Values): ConferenceRecord {
  const record = oseiRecord();
  record.sections['practiceAlerts'] = { kind: 'list', items: [{ id: ALERT_ID, values }] };
  return record;
}

const drift = (raisedOn: string, extra: Values = {}): Values => ({
  concern: 'drift',
  detail: 'No core group has met since the last conference and the plan’s actions are unchanged.',
  stage: '1',
  raisedOn,
  raisedTo: 'Sam Okafor, team manager',
  ...extra,
});

describe('the response deadline', () => {
  it('is 5 working days after the day raised by default: Monday 12 January 2026 → Monday 19 January', () => {
    // Tue 13 (1), Wed 14 (2), Thu 15 (3), Fri 16 (4), [weekend], Mon 19 (5).
    expect(responseDueDate('2026-01-12')).toBe('2026-01-19');
  });

  it('skips Easter: raised Thursday 2 April 2026 → Monday 13 April', () => {
    // Good Friday 3 April and Easter Monday 6 April are bank holidays: Tue 7 (1), Wed 8 (2), Thu 9 (3), Fri 10 (4), Mon 13 (5).
    expect(responseDueDate('2026-04-02')).toBe('2026-04-13');
  });

  it('skips Christmas and the substitute Boxing Day: raised Monday 21 December 2026 → Wednesday 30 December', () => {
    // Tue 22 (1), Wed 23 (2), Thu 24 (3), Fri 25 Christmas, Boxing Day is a Saturday so Mon 28 is the holiday, Tue 29 (4), Wed 30 (5).
    expect(responseDueDate('2026-12-21')).toBe('2026-12-30');
  });

  it('follows the local setting: 10 working days from Monday 12 January 2026 → Monday 26 January', () => {
    const settings = LocalSettingsSchema.parse({ practiceAlerts: { responseWorkingDays: 10 } });
    expect(responseDueDate('2026-01-12', settings)).toBe('2026-01-26');
  });

  it('settings stored before practice alerts existed still read, with the default of 5', () => {
    const parsed = parseLocalSettings({ timescales: {}, quorum: {} });
    expect(parsed.ok && parsed.settings.practiceAlerts.responseWorkingDays).toBe(5);
    expect(parseLocalSettings({ practiceAlerts: { responseWorkingDays: 0 } }).ok).toBe(false);
  });
});

describe('an overdue response', () => {
  it('is not overdue on the day it is due, and is a warning (not blocking) the day after', () => {
    const record = withAlert(drift('2026-01-12'));
    expect(practiceAlertFindings(record, DEFAULT_LOCAL_SETTINGS, '2026-01-19')).toEqual([]);
    const [finding, ...rest] = practiceAlertFindings(record, DEFAULT_LOCAL_SETTINGS, '2026-01-20');
    expect(rest).toEqual([]);
    expect(finding).toEqual({
      rule: 'practice-alert.response-overdue',
      severity: 'warning',
      message:
        'Practice alert 1 (drift or delay in the plan), raised with Sam Okafor, team manager on 12/01/2026: a response was due by 19/01/2026 and none has been recorded. Chase it, or escalate to the service manager (stage 2).',
      ref: { section: 'practiceAlerts', itemId: ALERT_ID, field: 'responseReceived' },
    });
  });

  it('at stage 3 there is no one further to escalate to', () => {
    const [finding] = practiceAlertFindings(withAlert(drift('2026-01-12', { stage: '3' })), DEFAULT_LOCAL_SETTINGS, '2026-02-01');
    expect(finding?.message.endsWith('none has been recorded. Chase it.')).toBe(true);
  });

  it('a response received clears it; a response dated before the alert is a date to check', () => {
    expect(practiceAlertFindings(withAlert(drift('2026-01-12', { responseReceived: true, responseDate: '2026-01-16' })), DEFAULT_LOCAL_SETTINGS, '2026-03-01')).toEqual([]);
    const [wrong] = practiceAlertFindings(withAlert(drift('2026-01-12', { responseReceived: true, responseDate: '2026-01-02' })), DEFAULT_LOCAL_SETTINGS, '2026-03-01');
    expect(wrong?.message).toBe('Practice alert 1 (drift or delay in the plan): the response is dated 02/01/2026, before the alert was raised on 12/01/2026. Check the dates.');
  });

  it('an alert with no date raised yet, or an unreadable one, gives no deadline and no finding', () => {
    expect(practiceAlertFindings(withAlert(drift('')), DEFAULT_LOCAL_SETTINGS, '2026-03-01')).toEqual([]);
    expect(practiceAlerts(withAlert(drift('2026-02-30')))[0]?.responseDue).toBeNull();
  });

  it('readiness lists the overdue alert but the minutes stay signable for it', () => {
    const record = withAlert(drift('2020-01-06'));
    const report = assessReadiness(templateFor(record.type), record);
    const found = report.findings.filter((f) => f.rule === 'practice-alert.response-overdue');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('warning');
    // The alert section itself asks for nothing more: its required answers are all given.
    expect(report.findings.filter((f) => f.ref.section === 'practiceAlerts' && f.severity === 'blocking')).toEqual([]);
  });
});

describe('what the alert shows', () => {
  it('the due date and, once passed, that it is overdue', () => {
    const record = withAlert(drift('2026-01-12'));
    expect(alertLines(record, ALERT_ID, DEFAULT_LOCAL_SETTINGS, '2026-01-15')).toEqual([
      'Response due by 19/01/2026: 5 working days after it was raised on 12/01/2026 (a local setting).',
    ]);
    expect(alertLines(record, ALERT_ID, DEFAULT_LOCAL_SETTINGS, '2026-01-21')[1]).toBe('Overdue: no response has been recorded by 21/01/2026.');
    expect(summaryLines('practiceAlert', record, DEFAULT_LOCAL_SETTINGS, { itemId: ALERT_ID })[0]).toContain('Response due by 19/01/2026');
  });

  it('today is the UK date, not UTC: 23:30 UTC on 30 June is already 1 July in London', () => {
    expect(todayInUk(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(todayInUk(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
