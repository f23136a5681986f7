import { formatUkDate, isValidIsoDate } from '../calendar/dates';
import { childName, childrenOf, isUnbornValues, meetingValues, textOf } from '../record/access';
import type { ConferenceRecord } from '../record/conference';
import type { RuleFinding } from './finding';

/**
 * Facts about each child that contradict each other: an unborn baby with a date of birth,
 * a pre-birth conference held after the baby was due. Nothing is cleared for the chair: the
 * sentence says which answer to check, and links to it.
 */
export function childFindings(record: ConferenceRecord): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const date = textOf(meetingValues(record)['date']);
  for (const child of childrenOf(record)) {
    if (!isUnbornValues(record.type, child.values)) continue;
    const name = childName(record, child.id);
    const born = textOf(child.values['dateOfBirth']);
    if (born.trim() !== '') {
      findings.push({
        rule: 'children.unborn-with-date-of-birth',
        severity: 'blocking',
        message: `${name} is recorded as unborn but has a date of birth (${isValidIsoDate(born) ? formatUkDate(born) : born}). Clear the date, or record the baby as born.`,
        ref: { section: 'children', itemId: child.id, field: 'dateOfBirth' },
      });
    }
    const due = textOf(child.values['expectedDeliveryDate']);
    if (isValidIsoDate(due) && isValidIsoDate(date) && date > due) {
      // A warning: a baby can be overdue. But a pre-birth conference after the due date is
      // more often a wrong date, or a baby already born who should be recorded as such.
      findings.push({
        rule: 'children.pre-birth-after-due-date',
        severity: 'warning',
        message: `The conference on ${formatUkDate(date)} is after ${name}’s expected date of delivery, ${formatUkDate(due)}. Check the date; if the baby has been born, record them as born.`,
        ref: { section: 'children', itemId: child.id, field: 'expectedDeliveryDate' },
      });
    }
  }
  return findings;
}
