import { agencyLabel } from '../agencies/agency-label';
import { listItems } from '../record/access';
import type { ConferenceRecord } from '../record/conference';
import type { RuleFinding } from './finding';
import { AGENCY, SECTION } from '../template/field-names';

/**
 * Two agencies with the same name cannot be told apart in the collation, the dissent list or
 * the minutes, so one of them is a duplicate or needs its own name (e.g. "Police (exploitation team)").
 */
export function agencyFindings(record: ConferenceRecord): RuleFinding[] {
  const seen = new Map<string, string>();
  const findings: RuleFinding[] = [];
  listItems(record, SECTION.agencies).forEach((agency, index) => {
    if (agency.values['agency'] === undefined || agency.values['agency'] === '') return;
    const label = agencyLabel(agency, index);
    const key = label.trim().toLocaleLowerCase('en-GB');
    if (!seen.has(key)) {
      seen.set(key, agency.id);
      return;
    }
    findings.push({
      rule: 'agencies.duplicate',
      severity: 'blocking',
      message: `${label} is listed more than once in Agency contributions. Remove the duplicate, or give each its own name, such as “${label} (exploitation team)”.`,
      ref: { section: SECTION.agencies, field: AGENCY.agencyName, itemId: agency.id },
    });
  });
  return findings;
}
