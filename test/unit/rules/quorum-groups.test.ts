import { describe, expect, it } from 'vitest';
import { ConferenceRecordSchema, type ConferenceRecord } from '../../../domain/record/conference';
import { DEFAULT_LOCAL_SETTINGS, parseLocalSettings } from '../../../domain/rules/local-settings';
import { quorumRules } from '../../../domain/rules/quorum';
import { GROUPABLE_AGENCY_KINDS, quorumGroupProblems, toQuorumGroups } from '../../../domain/rules/quorum-groups';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** An initial conference whose agencies all attended with direct contact with the child. */
function attendedBy(kinds: readonly string[]): ConferenceRecord {
  return ConferenceRecordSchema.parse({
    id: uuid(99),
    schemaVersion: 1,
    type: 'initial',
    revision: 1,
    createdAt: '2026-02-03T09:00:00Z',
    updatedAt: '2026-02-03T09:00:00Z',
    sections: {
      agencies: { kind: 'list', items: kinds.map((agency, i) => ({ id: uuid(i + 1), values: { agency, attendance: 'present', directContact: true } })) },
    },
  });
}

const HEALTH = { name: 'health', agencies: ['health-visiting', 'school-nursing', 'gp', 'midwifery'] };
const withGroups = (groups: (typeof HEALTH)[]) => ({ ...DEFAULT_LOCAL_SETTINGS.quorum, groups });

describe('the quorum rule with groups: all health services count as one', () => {
  // Social care, the health visitor, the GP and the midwife: three other agencies, one group.
  const allHealth = attendedBy(['social-care', 'health-visiting', 'gp', 'midwifery']);

  it('without groups, three health services make a quorum of social care plus two others', () => {
    expect(quorumRules(DEFAULT_LOCAL_SETTINGS.quorum)(allHealth)).toEqual([]);
  });

  it('grouped as “health”, they are one agency: not quorate, with the sentence naming the group and its services', () => {
    const findings = quorumRules(withGroups([HEALTH]))(allHealth);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['quorum.inquorate-without-reason', 'blocking']]);
    expect(findings[0]?.message).toBe(
      'Not quorate: children’s social care attended; 1 other agency with direct contact with the child attended (health (Health visiting, GP, Midwifery)), and at least 2 are needed. Record why the conference went ahead without a quorum.',
    );
  });

  it('social care plus two other groups: health and the police make a quorum', () => {
    expect(quorumRules(withGroups([HEALTH]))(attendedBy(['social-care', 'health-visiting', 'gp', 'police']))).toEqual([]);
  });

  it('“social care plus one other group” (a local setting) is met by health alone', () => {
    expect(quorumRules({ ...withGroups([HEALTH]), minOtherAgencies: 1 })(allHealth)).toEqual([]);
  });
});

describe('quorum groups as the Settings editor checks them', () => {
  it('bad input: a group that names no agency gets a plain sentence pointing at its tick boxes', () => {
    expect(quorumGroupProblems([{ name: 'health', agencies: [] }])).toEqual([
      { index: 0, field: 'agencies', message: 'Quorum group “health” names no agency: tick the agencies that count as one, or remove the group' },
    ]);
  });

  it('a blank name, a repeated name and an agency ticked in two groups are each named, at the later group', () => {
    const problems = quorumGroupProblems([
      { name: 'Health', agencies: ['gp', 'midwifery'] },
      { name: '  ', agencies: ['camhs'] },
      { name: 'health ', agencies: ['gp'] },
    ]);
    expect(problems).toEqual([
      { index: 1, field: 'name', message: 'Give quorum group 2 a name, such as “health”' },
      { index: 2, field: 'name', message: 'Quorum group 3 has the same name as quorum group 1: give each group its own name' },
      { index: 2, field: 'agencies', agency: 'gp', message: 'GP is ticked in Quorum group “Health” and in Quorum group “health”: an agency counts towards one group only' },
    ]);
  });

  it('saves the groups trimmed, agencies in the list’s order, and the settings accept them', () => {
    const groups = toQuorumGroups([{ name: ' health ', agencies: ['midwifery', 'health-visiting'] }]);
    expect(groups).toEqual([{ name: 'health', agencies: ['health-visiting', 'midwifery'] }]);
    const parsed = parseLocalSettings({ quorum: { groups } });
    expect(parsed.ok && parsed.settings.quorum.groups).toEqual(groups);
  });

  it('never offers children’s social care or an “other” agency for a group', () => {
    const offered = GROUPABLE_AGENCY_KINDS.map((kind) => kind.value as string);
    expect(offered).not.toContain('social-care');
    expect(offered).not.toContain('other');
    expect(offered).toContain('health-visiting');
  });
});
