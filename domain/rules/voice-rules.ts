import { childName, childrenOf, childValues, isFilled, itemsOf } from '../record/access';
import type { ConferenceRecord } from '../record/conference';
import { isUnborn } from '../decision/child-status';
import type { RuleFinding } from './finding';

/** Each child was seen (with dates) or the record says why not. Attendance is not participation. */
export function voiceFindings(record: ConferenceRecord): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const child of childrenOf(record)) {
    // An unborn baby cannot be seen or heard; the voice section asks nothing of them.
    if (isUnborn(record, child.id)) continue;
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
