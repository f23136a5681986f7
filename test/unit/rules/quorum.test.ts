import { describe, expect, it } from 'vitest';
import { ConferenceRecordSchema } from '../../../domain/record/conference';
import { DEFAULT_LOCAL_SETTINGS, parseLocalSettings, type QuorumSettings } from '../../../domain/rules/local-settings';
import {
  checkQuorum,
  quorumFactsFromRecord,
  quorumRules,
  type AgencyAttendance,
  type AttendanceStatus,
} from '../../../domain/rules/quorum';

let nextId = 0;
function agency(
  kind: string,
  status: AttendanceStatus,
  directContact: boolean | null,
  label?: string,
): AgencyAttendance {
  nextId += 1;
  return { id: `a${nextId}`, agency: kind, label: label ?? kind, status, directContact };
}

const socialCare = agency('social-care', 'present', true, "Children's social care");
// Whitfield: police, school and health visitor have direct contact; the IDVA works with the
// mother; the GP sent a report only.
const whitfield = [
  socialCare,
  agency('social-care', 'present', true, 'Team manager'),
  agency('police', 'present', true),
  agency('education', 'present', true),
  agency('health-visiting', 'present', true, 'health visiting'),
  agency('idva', 'present', false, 'IDVA service'),
  agency('gp', 'report-only', true, 'GP'),
];

const settings = (changes: Partial<QuorumSettings>): QuorumSettings => ({
  ...DEFAULT_LOCAL_SETTINGS.quorum,
  ...changes,
});

describe('checkQuorum', () => {
  it('finds Whitfield quorate and says which agencies counted', () => {
    const result = checkQuorum({ attendance: whitfield });
    expect(result.quorate).toBe(true);
    expect(result.counted).toEqual(['police', 'education', 'health visiting']);
    expect(result.explanation).toBe(
      "Quorate: children’s social care attended; 3 other agencies with direct contact with the child attended (police, education, health visiting), and at least 2 are needed.",
    );
    expect(result.findings).toEqual([]);
  });

  it('finds Osei quorate without the CAMHS report', () => {
    const result = checkQuorum({
      attendance: [
        socialCare,
        agency('police', 'present', true),
        agency('youth-justice', 'present', true, 'youth justice'),
        agency('education', 'present', true),
        agency('camhs', 'report-only', true, 'CAMHS'),
      ],
    });
    expect(result.quorate).toBe(true);
    expect(result.counted).not.toContain('CAMHS');
  });

  it('does not count a report alone, and blocks signing until a reason is recorded', () => {
    const result = checkQuorum({
      attendance: [socialCare, agency('police', 'present', true), agency('gp', 'report-only', true, 'GP')],
    });
    expect(result.quorate).toBe(false);
    expect(result.explanation).toBe(
      "Not quorate: children’s social care attended; 1 other agency with direct contact with the child attended (police), and at least 2 are needed. A report without attendance does not count (GP).",
    );
    expect(result.findings).toEqual([
      {
        rule: 'quorum.inquorate-without-reason',
        severity: 'blocking',
        message: `${result.explanation} Record why the conference went ahead without a quorum.`,
        ref: { section: 'attendance', field: 'inquorateReason' },
      },
    ]);
  });

  it('with a recorded reason, warns and suggests an early review', () => {
    const result = checkQuorum({
      attendance: [socialCare, agency('police', 'present', true)],
      inquorateReason: 'School closed for snow; proceeding protects the children from delay.',
    });
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['quorum.inquorate-consider-early-review', 'warning'],
    ]);
    expect(result.findings[0]?.message).toContain('consider an early review');
    expect(checkQuorum({ attendance: [socialCare], inquorateReason: '  ' }).findings[0]?.severity).toBe('blocking');
  });

  it('is not quorate without children’s social care, however many others attend', () => {
    const result = checkQuorum({
      attendance: whitfield.filter((entry) => entry.agency !== 'social-care'),
    });
    expect(result.quorate).toBe(false);
    expect(result.explanation).toMatch(/^Not quorate: children’s social care did not attend; 3 other agencies/);
    expect(checkQuorum({ attendance: [agency('social-care', 'apologies', true), ...whitfield.slice(2)] }).quorate).toBe(false);
  });

  it('counts an agency once however many of its staff attend', () => {
    const twoOfficers = [socialCare, agency('police', 'present', true), agency('police', 'present', true)];
    expect(checkQuorum({ attendance: twoOfficers }).quorate).toBe(false);
  });

  it('does not count apologies, agencies not invited, the excluded, or no direct contact', () => {
    const result = checkQuorum({
      attendance: [
        socialCare,
        agency('police', 'apologies', true),
        agency('education', 'not-invited', true),
        agency('housing', 'excluded', true),
        agency('idva', 'present', false),
        agency('probation', 'present', false),
      ],
    });
    expect(result.quorate).toBe(false);
    expect(result.counted).toEqual([]);
    expect(result.explanation).toContain('no other agencies with direct contact with the child attended, and');
  });

  it('asks for direct contact to be recorded when that could change the answer', () => {
    const result = checkQuorum({
      attendance: [socialCare, agency('police', 'present', true), agency('education', 'present', null)],
    });
    expect(result.quorate).toBe(false);
    expect(result.explanation).toContain('Record whether education has direct contact with the child.');
  });

  it('counts part attendance unless the council says otherwise', () => {
    const attendance = [socialCare, agency('police', 'present', true), agency('education', 'part', true)];
    expect(checkQuorum({ attendance }).quorate).toBe(true);
    expect(checkQuorum({ attendance }, settings({ countPartAttendance: false })).quorate).toBe(false);
  });

  it('follows a council that counts reports, needs more agencies or drops the contact test', () => {
    const withReport = [socialCare, agency('police', 'present', true), agency('gp', 'report-only', true)];
    expect(checkQuorum({ attendance: withReport }, settings({ countReportOnly: true })).quorate).toBe(true);
    expect(checkQuorum({ attendance: whitfield }, settings({ minOtherAgencies: 4 })).quorate).toBe(false);
    const noContact = checkQuorum({ attendance: whitfield }, settings({ requireDirectContact: false, minOtherAgencies: 4 }));
    expect(noContact.quorate).toBe(true);
    expect(noContact.explanation).toContain('4 other agencies attended (');
    expect(checkQuorum({ attendance: whitfield.slice(2) }, settings({ requireSocialCare: false })).quorate).toBe(true);
  });
});

describe('reading a record', () => {
  const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const item = (n: number, values: Record<string, string | boolean>) => ({ id: uuid(n), values });
  const record = (agencies: ReturnType<typeof item>[], inquorateReason = '') =>
    ConferenceRecordSchema.parse({
      id: uuid(99),
      schemaVersion: 1,
      type: 'initial',
      revision: 1,
      createdAt: '2026-02-03T09:00:00Z',
      updatedAt: '2026-02-03T09:00:00Z',
      sections: {
        agencies: { kind: 'list', items: agencies },
        attendance: { kind: 'single', values: { inquorateReason } },
      },
    });

  it('reads agencies by the template’s ids, naming them as the chair sees them', () => {
    const facts = quorumFactsFromRecord(
      record([
        item(1, { agency: 'social-care', attendance: 'present', directContact: true }),
        item(2, { agency: 'police', attendance: 'present', directContact: true }),
        item(3, { agency: 'education', agencyName: 'Castlegate Academy', attendance: 'present', directContact: true }),
        item(4, { agency: 'camhs', attendance: 'report-only' }),
        item(5, { agency: 'housing', attendance: '' }),
      ]),
    );
    expect(facts.attendance.map((a) => [a.agency, a.label, a.status, a.directContact])).toEqual([
      ['social-care', 'Children’s social care', 'present', true],
      ['police', 'Police', 'present', true],
      ['education', 'Castlegate Academy', 'present', true],
      ['camhs', 'CAMHS', 'report-only', null],
    ]);
    expect(checkQuorum(facts).counted).toEqual(['Police', 'Castlegate Academy']);
  });

  it('treats two "other" agencies as two agencies', () => {
    const findings = quorumRules()(
      record([
        item(1, { agency: 'social-care', attendance: 'present', directContact: true }),
        item(2, { agency: 'other', agencyName: 'Riverside Family Centre', attendance: 'present', directContact: true }),
        item(3, { agency: 'other', agencyName: 'Young Carers Project', attendance: 'part', directContact: true }),
      ]),
    );
    expect(findings).toEqual([]);
  });

  it('gives the blocking finding, then the warning once the reason is in the record', () => {
    const agencies = [
      item(1, { agency: 'social-care', attendance: 'present', directContact: true }),
      item(2, { agency: 'police', attendance: 'present', directContact: true }),
    ];
    expect(quorumRules()(record(agencies)).map((f) => f.rule)).toEqual(['quorum.inquorate-without-reason']);
    expect(quorumRules()(record(agencies, 'Health visitor ill on the day.')).map((f) => f.rule)).toEqual([
      'quorum.inquorate-consider-early-review',
    ]);
  });
});

describe('quorum groups, as councils write them', () => {
  const health = { name: 'health', agencies: ['health-visiting', 'school-nursing', 'gp', 'midwifery'] };
  // Social care, the health visitor and the school nurse attend, each with direct contact.
  const healthHeavy = [
    socialCare,
    agency('health-visiting', 'present', true, 'health visiting'),
    agency('school-nursing', 'present', true, 'school nursing'),
  ];

  it('two health services are two agencies without a group, so the conference is quorate', () => {
    expect(checkQuorum({ attendance: healthHeavy }).quorate).toBe(true);
  });

  it('grouped as “health”, they count once: not quorate, and the sentence says so', () => {
    const result = checkQuorum({ attendance: healthHeavy }, settings({ groups: [health] }));
    expect(result.quorate).toBe(false);
    expect(result.counted).toEqual(['health (health visiting, school nursing)']);
    expect(result.explanation).toBe(
      'Not quorate: children’s social care attended; 1 other agency with direct contact with the child attended (health (health visiting, school nursing)), and at least 2 are needed.',
    );
  });

  it('Whitfield with a health group still counts the police, the school and health', () => {
    const result = checkQuorum({ attendance: whitfield }, settings({ groups: [health] }));
    expect(result.counted).toEqual(['police', 'education', 'health (health visiting)']);
    expect(result.quorate).toBe(true);
  });

  it('bad input: a group that names no agency, or an agency in two groups, is refused in plain words', () => {
    const empty = parseLocalSettings({ quorum: { groups: [{ name: 'health', agencies: [] }] } });
    expect(!empty.ok && empty.message).toBe(
      'The local settings are not valid (quorum.groups.0.agencies): A quorum group must name at least one agency.',
    );
    const twice = parseLocalSettings({
      quorum: { groups: [health, { name: 'community health', agencies: ['school-nursing'] }] },
    });
    expect(!twice.ok && twice.message).toBe('The local settings are not valid (quorum.groups): An agency can count towards only one quorum group.');
    expect(DEFAULT_LOCAL_SETTINGS.quorum.groups).toEqual([]);
  });
});
