import { alertLines, todayInUk } from '../alerts/practice-alerts';
import { agencyLabel } from '../agencies/agency-label';
import { formatUkDate, isValidIsoDate } from '../calendar/dates';
import { formatGestation, gestationOn } from '../calendar/gestation';
import { childrenOf, isUnbornValues, listItems, meetingValues, textOf } from '../record/access';
import type { ConferenceRecord } from '../record/conference';
import type { SummaryKind } from '../template/types';
import { DEFAULT_LOCAL_SETTINGS, type LocalSettings } from './local-settings';
import { attendanceRecorded, checkQuorum, quorumFactsFromRecord } from './quorum';
import { checkTimescales, timescaleFactsFromRecord } from './timescales';
import { SECTION } from '../template/field-names';

/**
 * Sentences the form shows beside the fields they follow from, worked out by the same rules
 * readiness uses, so what the chair reads while typing and what readiness says agree.
 */
export function summaryLines(
  kind: SummaryKind,
  record: ConferenceRecord,
  settings: LocalSettings = DEFAULT_LOCAL_SETTINGS,
  /** Where the summary sits: a child's item, for the gestation of that child. */
  where: { itemId?: string } = {},
): string[] {
  switch (kind) {
    case 'timescales':
      return timescaleLines(record, settings);
    case 'attendance':
      return attendanceLines(record, settings);
    case 'gestation':
      return where.itemId ? gestationLines(record, where.itemId, settings) : [];
    case 'practiceAlert':
      return where.itemId ? alertLines(record, where.itemId, settings, todayInUk()) : [];
  }
}

/** For an unborn baby: weeks of pregnancy at the conference, the local target, the review after birth. */
function gestationLines(record: ConferenceRecord, childId: string, settings: LocalSettings): string[] {
  const child = childrenOf(record).find((c) => c.id === childId);
  if (!child || !isUnbornValues(record.type, child.values)) return [];
  const due = textOf(child.values['expectedDeliveryDate']);
  const date = textOf(meetingValues(record)['date']);
  if (!isValidIsoDate(due)) return ['Enter the expected date of delivery to see the weeks of pregnancy at the conference.'];
  if (!isValidIsoDate(date)) return ['Enter the date of the conference (Meeting details) to see the weeks of pregnancy on that day.'];
  if (date > due) return [`The conference date, ${formatUkDate(date)}, is after the expected date of delivery, ${formatUkDate(due)}.`];
  const lines = [`${formatGestation(gestationOn(date, due))} of pregnancy on the day of the conference, ${formatUkDate(date)}.`];
  const { deadlines } = checkTimescales({ ...timescaleFactsFromRecord(record), expectedDelivery: { date: due, childId } }, settings);
  if (deadlines.preBirthTarget) {
    lines.push(
      `Local target: ${deadlines.preBirthTarget.basis.split(',')[0]}, ${formatUkDate(deadlines.preBirthTarget.due)}, so the conference is ${deadlines.preBirthTarget.held?.late ? 'late' : 'on time'}.`,
    );
  }
  if (deadlines.reviewAfterBirth) {
    lines.push(
      `Review after the birth: within ${settings.preBirth.reviewAfterBirthWorkingDays} working days of it, so by ${formatUkDate(deadlines.reviewAfterBirth.due)} if the baby is born on ${formatUkDate(due)}.`,
    );
  }
  return lines;
}

const ATTENDANCE_WORDS: Record<string, string> = {
  present: 'present',
  part: 'present for part of the meeting',
  'report-only': 'report only',
  apologies: 'apologies',
  'not-invited': 'not invited',
  excluded: 'excluded',
};

function attendanceLines(record: ConferenceRecord, settings: LocalSettings): string[] {
  const agencies = listItems(record, SECTION.agencies);
  if (agencies.length === 0) return ['No agencies yet. Add each agency and its attendance in Agency contributions; the quorum is worked out from them.'];
  const lines = agencies.map((agency, index) => {
    const status = ATTENDANCE_WORDS[textOf(agency.values['attendance'])] ?? 'attendance not yet recorded';
    const contact = agency.values['directContact'];
    const contactWords = contact === true ? ', direct contact with the child' : contact === false ? ', no direct contact' : '';
    return `${agencyLabel(agency, index)}: ${status}${contactWords}.`;
  });
  lines.push(
    attendanceRecorded(record)
      ? checkQuorum(quorumFactsFromRecord(record), settings.quorum).explanation
      : 'The quorum is worked out once every agency’s attendance is recorded in Agency contributions.',
  );
  return lines;
}

function timescaleLines(record: ConferenceRecord, settings: LocalSettings): string[] {
  const date = textOf(meetingValues(record)['date']);
  if (!isValidIsoDate(date)) return ['Enter the date of the conference to see its timescales and the dates that follow from it.'];
  const { deadlines } = checkTimescales(timescaleFactsFromRecord(record), settings);
  const lines: string[] = [];
  if (deadlines.conference?.held) lines.push(deadlines.conference.held.sentence);
  else lines.push(missingStart(record));
  if (deadlines.preBirthTarget?.held) lines.push(deadlines.preBirthTarget.held.sentence);
  if (deadlines.reviewAfterBirth) {
    lines.push(`Review after the birth by ${formatUkDate(deadlines.reviewAfterBirth.due)} (${deadlines.reviewAfterBirth.basis}).`);
  }
  if (deadlines.decisionLetter) lines.push(`Decision letter to the family by ${formatUkDate(deadlines.decisionLetter.due)} (${deadlines.decisionLetter.basis}).`);
  if (deadlines.minutes) lines.push(`Minutes to everyone invited by ${formatUkDate(deadlines.minutes.due)} (${deadlines.minutes.basis}).`);
  if (deadlines.accuracyComments) {
    lines.push(`Agencies’ comments on accuracy by ${formatUkDate(deadlines.accuracyComments.due)} (${deadlines.accuracyComments.basis}).`);
  }
  return lines;
}

function missingStart(record: ConferenceRecord): string {
  switch (record.type) {
    case 'initial':
    case 'pre-birth-initial':
      return 'Enter the date of the strategy discussion to see whether the conference is on time.';
    case 'review':
    case 'pre-birth-review':
      return 'Enter the date of the previous conference to see whether the review is on time.';
    case 'transfer-in':
      return 'Enter the date this authority was notified of the transfer to see whether the conference is on time.';
  }
}
