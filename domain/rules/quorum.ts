import { agencyLabel } from '../agencies/agency-label';
import { listItems, singleValues, textOf } from '../record/access';
import type { ConferenceRecord } from '../record/conference';
import type { RuleFinding } from './finding';
import { DEFAULT_LOCAL_SETTINGS, type QuorumGroup, type QuorumSettings } from './local-settings';
import { SECTION } from '../template/field-names';

/**
 * Whether the conference was quorate. The common rule (a local setting): children's
 * social care plus at least two other agencies with direct contact with the child.
 * Quorum asks who was there to test each other's views, so by default an agency that
 * only sent a report does not count (`countReportOnly`), and neither do apologies,
 * agencies not invited, or people excluded. Agencies are counted once each, however
 * many of their staff attended (social worker and team manager are one agency).
 */

export const ATTENDANCE_STATUSES = [
  'present',
  'part',
  'report-only',
  'apologies',
  'not-invited',
  'excluded',
] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** The agency kind that stands for children's social care. */
export const SOCIAL_CARE = 'social-care';

/** The template keeps the inquorate reason with attendance, not with the meeting details. */
export const QUORUM_REASON_SECTION = 'attendance';

export interface AgencyAttendance {
  /** The attendance item's id, for the finding's ref. */
  id: string;
  /** The agency kind, e.g. `social-care`, `police`, `education`. */
  agency: string;
  /** How to name the agency in a sentence, e.g. "health visiting"; the kind if absent. */
  label?: string | null;
  status: AttendanceStatus;
  /** Whether the agency has direct contact with the child; null when not recorded. */
  directContact: boolean | null;
}

export interface QuorumFacts {
  attendance: readonly AgencyAttendance[];
  inquorateReason?: string | null;
}

export interface QuorumResult {
  quorate: boolean;
  /** One sentence saying why, for the chair and the minutes. */
  explanation: string;
  /** The agencies other than social care that counted, by label. */
  counted: string[];
  findings: RuleFinding[];
}

function attended(status: AttendanceStatus, settings: QuorumSettings): boolean {
  if (status === 'present') return true;
  if (status === 'part') return settings.countPartAttendance;
  if (status === 'report-only') return settings.countReportOnly;
  return false;
}

function labelOf(entry: AgencyAttendance): string {
  const label = entry.label?.trim();
  return label ? label : entry.agency.replace(/-/g, ' ');
}

/**
 * Distinct agencies (by kind) among `entries`, named by their first entry's label. Agencies
 * in one quorum group count once, named by the group: "health (health visiting, GP)".
 */
function distinctLabels(entries: readonly AgencyAttendance[], groups: readonly QuorumGroup[] = []): string[] {
  const byAgency = new Map<string, string[]>();
  const groupNames = new Map<string, string>();
  for (const entry of entries) {
    const group = groups.find((g) => g.agencies.includes(entry.agency));
    const key = group ? `group:${group.name}` : entry.agency;
    if (group) groupNames.set(key, group.name.trim());
    const labels = byAgency.get(key) ?? [];
    const label = labelOf(entry);
    // Several staff of one agency (social worker, team manager) are still one agency; a
    // group lists each of its agencies once.
    if (labels.length === 0 || (group && !labels.includes(label))) labels.push(label);
    byAgency.set(key, labels);
  }
  return [...byAgency.entries()].map(([key, labels]) => {
    const groupName = groupNames.get(key);
    return groupName ? `${groupName} (${labels.join(', ')})` : labels[0]!;
  });
}

function agencies(n: number): string {
  return n === 1 ? '1 other agency' : `${n === 0 ? 'no' : n} other agencies`;
}

export function checkQuorum(
  facts: QuorumFacts,
  settings: QuorumSettings = DEFAULT_LOCAL_SETTINGS.quorum,
): QuorumResult {
  const there = facts.attendance.filter((entry) => attended(entry.status, settings));
  const socialCare = there.some((entry) => entry.agency === SOCIAL_CARE);
  const others = there.filter((entry) => entry.agency !== SOCIAL_CARE);
  const counted = distinctLabels(
    others.filter((entry) => !settings.requireDirectContact || entry.directContact === true),
    settings.groups,
  );
  const quorate =
    (socialCare || !settings.requireSocialCare) && counted.length >= settings.minOtherAgencies;

  const clauses: string[] = [];
  if (settings.requireSocialCare) {
    clauses.push(`children’s social care ${socialCare ? 'attended' : 'did not attend'}`);
  }
  const contact = settings.requireDirectContact ? ' with direct contact with the child' : '';
  const names = counted.length > 0 ? ` (${counted.join(', ')})` : '';
  const needed = settings.minOtherAgencies === 1 ? 'is' : 'are';
  clauses.push(
    `${agencies(counted.length)}${contact} attended${names}, and at least ${settings.minOtherAgencies} ${needed} needed`,
  );
  let explanation = `${quorate ? 'Quorate' : 'Not quorate'}: ${clauses.join('; ')}.`;

  if (!quorate) {
    // Say what would not count and what is missing, so the chair can see whether the
    // record is wrong or the meeting really was inquorate.
    const reportsOnly = distinctLabels(
      facts.attendance.filter((e) => e.status === 'report-only' && !settings.countReportOnly),
    );
    if (reportsOnly.length > 0) {
      explanation += ` A report without attendance does not count (${reportsOnly.join(', ')}).`;
    }
    const unknown = settings.requireDirectContact
      ? distinctLabels(others.filter((entry) => entry.directContact === null))
      : [];
    if (unknown.length > 0) {
      explanation += ` Record whether ${unknown.join(', ')} ${unknown.length === 1 ? 'has' : 'have'} direct contact with the child.`;
    }
  }

  const findings: RuleFinding[] = [];
  if (!quorate) {
    const ref = { section: QUORUM_REASON_SECTION, field: 'inquorateReason' };
    const reason = facts.inquorateReason?.trim();
    findings.push(
      reason
        ? {
            rule: 'quorum.inquorate-consider-early-review',
            severity: 'warning',
            message: `${explanation} The reason for going ahead is recorded; consider an early review so that a quorate conference confirms the decisions.`,
            ref,
          }
        : {
            rule: 'quorum.inquorate-without-reason',
            severity: 'blocking',
            message: `${explanation} Record why the conference went ahead without a quorum.`,
            ref,
          },
    );
  }
  return { quorate, explanation, counted, findings };
}

function isAttendanceStatus(value: string): value is AttendanceStatus {
  return (ATTENDANCE_STATUSES as readonly string[]).includes(value);
}

/**
 * The facts above, read from a record's agency list. An agency whose attendance is not yet
 * chosen is left out (it cannot count). Two "other" agencies are different agencies, so
 * each is keyed by its own name rather than by the shared kind.
 */
export function quorumFactsFromRecord(record: ConferenceRecord): QuorumFacts {
  const attendance: AgencyAttendance[] = [];
  listItems(record, SECTION.agencies).forEach((item, index) => {
    const status = textOf(item.values['attendance']);
    if (!isAttendanceStatus(status)) return;
    const kind = textOf(item.values['agency']);
    const label = agencyLabel(item, index);
    const contact = item.values['directContact'];
    attendance.push({
      id: item.id,
      agency: kind === 'other' ? `other:${label}` : kind,
      label,
      status,
      directContact: typeof contact === 'boolean' ? contact : null,
    });
  });
  return {
    attendance,
    inquorateReason: textOf(singleValues(record, QUORUM_REASON_SECTION)['inquorateReason']),
  };
}

/**
 * Whether every listed agency's attendance is recorded. Until it is, the quorum cannot be
 * judged, and saying "not quorate" of a conference nobody has recorded yet is wrong: the
 * template already asks for each agency's attendance.
 */
export function attendanceRecorded(record: ConferenceRecord): boolean {
  const agencies = listItems(record, SECTION.agencies);
  return agencies.length > 0 && agencies.every((item) => isAttendanceStatus(textOf(item.values['attendance'])));
}

/** A rule set for `assessReadiness`: the quorum finding for a record, if any. */
export function quorumRules(
  settings: QuorumSettings = DEFAULT_LOCAL_SETTINGS.quorum,
): (record: ConferenceRecord) => RuleFinding[] {
  return (record) => (attendanceRecorded(record) ? checkQuorum(quorumFactsFromRecord(record), settings).findings : []);
}
