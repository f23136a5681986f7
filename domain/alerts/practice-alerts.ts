import { SECTION } from '../template/field-names';
import { formatUkDate, isValidIsoDate, type IsoDate } from '../calendar/dates';
import { addWorkingDays } from '../calendar/working-days';
import { listItems, textOf } from '../record/access';
import type { ConferenceRecord, GroupItem } from '../record/conference';
import type { RuleFinding } from '../rules/finding';
import { DEFAULT_LOCAL_SETTINGS, holidayOptions, type LocalSettings } from '../rules/local-settings';

/**
 * The chair's practice alerts: a concern about practice (drift, reports not shared in time,
 * no social work visit, a decision the chair disagrees with) raised with a manager at a
 * stage of escalation, with a response due a number of working days later (a local
 * setting). They are kept in the record's `practiceAlerts` list so that a manager's audit
 * can list every alert raised and whether it was answered.
 */

export const PRACTICE_ALERTS_SECTION = SECTION.practiceAlerts;

export const ALERT_CONCERNS = [
  { value: 'drift', label: 'Drift or delay in the plan' },
  { value: 'reports-late', label: 'Reports not shared with the family in time' },
  { value: 'no-visit', label: 'No social work visit' },
  { value: 'decision-disagreement', label: 'A decision the chair disagrees with' },
  { value: 'other', label: 'Other' },
] as const;

/** The usual escalation ladder; each stage names whom the alert goes to. */
export const ALERT_STAGES = [
  { value: '1', label: 'Stage 1: team manager' },
  { value: '2', label: 'Stage 2: service manager' },
  { value: '3', label: 'Stage 3: head of service' },
] as const;

export interface PracticeAlert {
  id: string;
  concern: string;
  concernLabel: string;
  stage: string;
  stageLabel: string;
  raisedOn: IsoDate | null;
  raisedTo: string;
  /** Null until the date raised is a real date. */
  responseDue: IsoDate | null;
  responseReceived: boolean;
  responseDate: IsoDate | null;
}

export function practiceAlerts(record: ConferenceRecord, settings: LocalSettings = DEFAULT_LOCAL_SETTINGS): PracticeAlert[] {
  return listItems(record, PRACTICE_ALERTS_SECTION).map((item) => alertOf(item, settings));
}

function alertOf(item: GroupItem, settings: LocalSettings): PracticeAlert {
  const concern = textOf(item.values['concern']);
  const stage = textOf(item.values['stage']);
  const raised = textOf(item.values['raisedOn']);
  const raisedOn = isValidIsoDate(raised) ? raised : null;
  const answered = textOf(item.values['responseDate']);
  return {
    id: item.id,
    concern,
    concernLabel: ALERT_CONCERNS.find((c) => c.value === concern)?.label ?? 'Practice alert',
    stage,
    stageLabel: ALERT_STAGES.find((s) => s.value === stage)?.label ?? '',
    raisedOn,
    raisedTo: textOf(item.values['raisedTo']).trim(),
    responseDue: raisedOn ? responseDueDate(raisedOn, settings) : null,
    responseReceived: item.values['responseReceived'] === true,
    responseDate: isValidIsoDate(answered) ? answered : null,
  };
}

/** The response is due the set number of working days after the day raised (that day does not count). */
export function responseDueDate(raisedOn: IsoDate, settings: LocalSettings = DEFAULT_LOCAL_SETTINGS): IsoDate {
  return addWorkingDays(raisedOn, settings.practiceAlerts.responseWorkingDays, holidayOptions(settings));
}

/** Today's date in the UK, as yyyy-mm-dd: the day a chair reads the readiness panel. */
// Made once: building a formatter costs far more than using it, and readiness asks for today at every save.
const UK_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

export function todayInUk(now: Date = new Date()): IsoDate {
  const parts = UK_DAY.formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function nameOf(alert: PracticeAlert, index: number): string {
  return `Practice alert ${index + 1} (${alert.concernLabel.toLowerCase()})`;
}

/** Sentences shown in the alert itself: when the response is due, and whether it is overdue. */
export function alertLines(record: ConferenceRecord, itemId: string, settings: LocalSettings, today: IsoDate): string[] {
  const alert = practiceAlerts(record, settings).find((a) => a.id === itemId);
  if (!alert) return [];
  if (!alert.raisedOn) return ['Enter the date the alert was raised to see when a response is due.'];
  const days = settings.practiceAlerts.responseWorkingDays;
  const due = `Response due by ${formatUkDate(alert.responseDue!)}: ${days} working day${days === 1 ? '' : 's'} after it was raised on ${formatUkDate(alert.raisedOn)} (a local setting).`;
  if (alert.responseReceived) return [due, alert.responseDate ? `Response received on ${formatUkDate(alert.responseDate)}.` : 'Response received.'];
  if (today > alert.responseDue!) return [due, `Overdue: no response has been recorded by ${formatUkDate(today)}.`];
  return [due];
}

/**
 * Readiness: an alert whose response is overdue is a warning (signing the minutes does not
 * wait for a manager), and a response dated before the alert was raised is a date to check.
 */
export function practiceAlertFindings(record: ConferenceRecord, settings: LocalSettings, today: IsoDate): RuleFinding[] {
  const findings: RuleFinding[] = [];
  practiceAlerts(record, settings).forEach((alert, index) => {
    if (!alert.raisedOn || !alert.responseDue) return;
    const name = nameOf(alert, index);
    if (alert.responseReceived) {
      if (alert.responseDate && alert.responseDate < alert.raisedOn) {
        findings.push({
          rule: 'practice-alert.response-before-raised',
          severity: 'warning',
          message: `${name}: the response is dated ${formatUkDate(alert.responseDate)}, before the alert was raised on ${formatUkDate(alert.raisedOn)}. Check the dates.`,
          ref: { section: PRACTICE_ALERTS_SECTION, itemId: alert.id, field: 'responseDate' },
        });
      }
      return;
    }
    if (today <= alert.responseDue) return;
    const whom = alert.raisedTo ? ` with ${alert.raisedTo}` : '';
    const next = ALERT_STAGES.find((s) => Number(s.value) === Number(alert.stage) + 1);
    const escalate = next ? ` Chase it, or escalate to ${next.label.replace(/^Stage \d: /, 'the ')} (stage ${next.value}).` : ' Chase it.';
    findings.push({
      rule: 'practice-alert.response-overdue',
      severity: 'warning',
      message: `${name}, raised${whom} on ${formatUkDate(alert.raisedOn)}: a response was due by ${formatUkDate(alert.responseDue)} and none has been recorded.${escalate}`,
      ref: { section: PRACTICE_ALERTS_SECTION, itemId: alert.id, field: 'responseReceived' },
    });
  });
  return findings;
}

/** A rule set for `assessReadiness`; `today` is read on every check, so an alert becomes overdue without reopening. */
export function practiceAlertRules(settings: LocalSettings = DEFAULT_LOCAL_SETTINGS, today: () => IsoDate = () => todayInUk()) {
  return (record: ConferenceRecord): RuleFinding[] => practiceAlertFindings(record, settings, today());
}
