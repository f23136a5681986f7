import { describe, expect, it } from 'vitest';
import { scenarioRecords } from '../../../main/demo/scenarios';
import { summarise } from '../../../main/services/store/summary';
import { assessReadiness } from '../../../domain/rules/readiness';
import { templateFor } from '../../../templates/conference-templates';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { localRulesKey } from '../../../domain/record/summary';
import { DEFAULT_LOCAL_SETTINGS } from '../../../domain/rules/local-settings';

/** The list's readiness is the domain's: the same count of blocking findings the page shows. */
describe('the readiness carried in the conference summary', () => {
  it('counts the blocking findings the readiness rules give, and is 0 for a finished conference', () => {
    const [finished] = scenarioRecords();
    expect(finished).toBeDefined();
    const done = finished as ConferenceRecord;
    expect(summarise(done).readiness).toEqual({ toFinish: 0, rules: localRulesKey(DEFAULT_LOCAL_SETTINGS) });
    // Remove the decisions: the conference is no longer ready, by exactly the rules' count.
    const { decision: _removed, ...rest } = done.sections;
    const undecided: ConferenceRecord = { ...done, sections: rest };
    const blocking = assessReadiness(templateFor(undecided.type), undecided).findings.filter((f) => f.severity === 'blocking').length;
    expect(blocking).toBeGreaterThan(0);
    expect(summarise(undecided).readiness).toEqual({ toFinish: blocking, rules: localRulesKey(DEFAULT_LOCAL_SETTINGS) });
  });
});
