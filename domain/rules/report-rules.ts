import { agencyLabel } from '../agencies/agency-label';
import { formatUkDate, isValidIsoDate } from '../calendar/dates';
import { workingDaysBetween } from '../calendar/working-days';
import { isReviewConference } from '../decision/child-status';
import { listItems, meetingValues, textOf } from '../record/access';
import type { ConferenceRecord } from '../record/conference';
import type { RuleFinding } from './finding';
import { DEFAULT_LOCAL_SETTINGS, holidayOptions, type LocalSettings } from './local-settings';
import { AGENCY, SECTION } from '../template/field-names';

/**
 * Each agency's report should reach the family in time to read it: a local notice, in working
 * days before the conference (commonly 2 before an initial conference, 5 before a review).
 * Late sharing is a warning the chair may need to act on (a practice alert, a shorter
 * discussion); a date after the conference contradicts "shared before the conference".
 */
export function reportFindings(record: ConferenceRecord, settings: LocalSettings = DEFAULT_LOCAL_SETTINGS): RuleFinding[] {
  const date = textOf(meetingValues(record)['date']);
  if (!isValidIsoDate(date)) return [];
  const review = isReviewConference(record.type);
  const notice = review ? settings.timescales.reportNoticeReviewWorkingDays : settings.timescales.reportNoticeInitialWorkingDays;
  const kind = review ? 'a review' : 'an initial conference';
  const holidays = holidayOptions(settings);
  const findings: RuleFinding[] = [];
  listItems(record, SECTION.agencies).forEach((agency, index) => {
    if (agency.values[AGENCY.reportSharedWithFamily] !== true) return;
    const shared = textOf(agency.values[AGENCY.reportSharedDate]);
    if (!isValidIsoDate(shared)) return;
    const label = agencyLabel(agency, index);
    const ref = { section: SECTION.agencies, itemId: agency.id, field: AGENCY.reportSharedDate };
    if (shared > date) {
      findings.push({
        rule: 'reports.shared-after-conference',
        severity: 'blocking',
        message: `${label}’s report is recorded as shared with the family on ${formatUkDate(shared)}, after the conference on ${formatUkDate(date)}. Check the date.`,
        ref,
      });
      return;
    }
    const before = workingDaysBetween(shared, date, holidays);
    if (before < notice) {
      findings.push({
        rule: 'reports.shared-late',
        severity: 'warning',
        message: `${label}’s report reached the family on ${formatUkDate(shared)}, ${before === 0 ? 'the day of the conference' : `${before} working day${before === 1 ? '' : 's'} before it`}; the local notice is ${notice} working day${notice === 1 ? '' : 's'} before ${kind}.`,
        ref,
      });
    }
  });
  return findings;
}

/** A rule set for `assessReadiness`. */
export function reportRules(settings: LocalSettings = DEFAULT_LOCAL_SETTINGS): (record: ConferenceRecord) => RuleFinding[] {
  return (record) => reportFindings(record, settings);
}
