import { childName, childrenOf, childValues, isFilled, itemsOf } from '../record/access';
import type { ConferenceRecord } from '../record/conference';
import type { RuleFinding } from './finding';

/** Each child was seen (with dates) or the record says why not. Attendance is not participation. */
export function voiceFindings(record: ConferenceRecord): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const child of childrenOf(record)) {
    const voice = childValues(record, 'voice', child.id);
    if (itemsOf(voice['visits']).length === 0 && !isFilled(voice['notSeenReason'])) {
      findings.push({
        rule: 'voice.not-seen',
        severity: 'blocking',
        message: `${childName(record, child.id)}: record when the child was seen and by whom, or why they could not be seen.`,
        ref: { section: 'voice', field: 'visits', childId: child.id },
      });
    }
  }
  return findings;
}
