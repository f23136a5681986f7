import { describe, expect, it } from 'vitest';
import { citationsOfAgency, decisionFindings } from '../../../domain/rules/decision-rules';
import { brennanRecord, oseiRecord, whitfieldRecord } from '../../../main/demo/scenarios';
import type { ConferenceRecord, GroupItem, Values } from '../../../domain/record/conference';
import { agency, blocking, childId, childSection, describeFindings, listOf, readiness } from '../template/fixture-helpers';

const HINT_IDVA =
  ' The rationale mentions them (“The IDVA service (Nadia Rahman) recommended a child in need plan because Kerry is engaging with safety planning and Jas…”); naming an agency is not weighing its view.';
const unweighed = (child: string, agencyName: string, recommendation: string, hint = '') =>
  `${child}: ${agencyName} recommended “${recommendation}”, which differs from the decision. Record how their view was weighed, under “How each differing view was weighed”, or record their dissent.${hint}`;

function recommendationsOf(item: GroupItem): Record<string, Values> {
  const recommendations = item.values['recommendations'];
  if (typeof recommendations !== 'object' || recommendations === null || !('perChild' in recommendations)) throw new Error('no recommendations');
  return recommendations.perChild;
}

describe('agencies whose recommendation differs from the decision', () => {
  it('the scenarios weigh every differing view or record its dissent, so no decision finding', () => {
    for (const record of [whitfieldRecord(), oseiRecord(), brennanRecord()]) {
      const findings = decisionFindings(record);
      expect(findings, describeFindings(findings)).toEqual([]);
    }
  });

  it('Whitfield without the IDVA dissent: a rationale that names the IDVA does not weigh its view', () => {
    const record = whitfieldRecord();
    const maya = childId(record, 'Maya Whitfield');
    const leo = childId(record, 'Leo Whitfield');
    listOf(record, 'dissent').length = 0;
    expect(decisionFindings(record)).toEqual([
      {
        rule: 'decision.departure-not-weighed',
        severity: 'blocking',
        message: unweighed('Maya Whitfield', 'IDVA service', 'Child in need plan (section 17)', HINT_IDVA),
        ref: { section: 'decision', field: 'weighings', childId: maya },
      },
      {
        rule: 'decision.departure-not-weighed',
        severity: 'blocking',
        message: unweighed('Leo Whitfield', 'IDVA service', 'Child in need plan (section 17)', HINT_IDVA),
        ref: { section: 'decision', field: 'weighings', childId: leo },
      },
    ]);
  });

  it('Whitfield: either the recorded dissent or a weighing of the IDVA’s view is enough', () => {
    const record = whitfieldRecord();
    listOf(record, 'dissent').length = 0;
    for (const name of ['Maya Whitfield', 'Leo Whitfield']) {
      const weighings = childSection(record, 'decision', childId(record, name))['weighings'] as GroupItem[];
      weighings.push({
        id: globalThis.crypto.randomUUID(),
        values: { agency: agency(record, 'idva').id, weighing: 'Kerry’s engagement with safety planning is valued, but nine days is not demonstrated safety.' },
      });
    }
    expect(decisionFindings(record)).toEqual([]);
  });

  it('Whitfield: a dissent recorded for Maya only does not cover Leo', () => {
    const record = whitfieldRecord();
    const maya = childId(record, 'Maya Whitfield');
    const leo = childId(record, 'Leo Whitfield');
    listOf(record, 'dissent')[0]!.values['children'] = [maya];
    expect(decisionFindings(record).map((f) => [f.rule, f.ref.childId])).toEqual([['decision.departure-not-weighed', leo]]);
  });

  it('Osei: the police dissent answers the police view; without it, the police view needs weighing', () => {
    const record = oseiRecord();
    expect(decisionFindings(record)).toEqual([]);
    listOf(record, 'dissent').length = 0;
    expect(decisionFindings(record).map((f) => f.rule)).toEqual(['decision.departure-not-weighed']);
    expect(decisionFindings(record)[0]?.message).toMatch(/^Daniel Osei: Police recommended “Child protection plan”, which differs from the decision\. Record how their view was weighed/);
  });

  it('an agency giving no recommendation never needs weighing; the same agency differing does', () => {
    const record = whitfieldRecord();
    const gp = agency(record, 'gp');
    expect(decisionFindings(record)).toEqual([]);
    const maya = childId(record, 'Maya Whitfield');
    recommendationsOf(gp)[maya] = { recommendation: 'early-help', reasons: 'Family support would be enough.' };
    expect(decisionFindings(record).map((f) => [f.rule, f.ref.childId])).toEqual([['decision.departure-not-weighed', maya]]);
  });
});

describe('most agencies recommend a plan and the chair decides otherwise', () => {
  /** Whitfield, decided as a child in need plan against social care, the police and the school. */
  function decidedOtherwise(rationale: string) {
    const record = whitfieldRecord();
    listOf(record, 'dissent').length = 0;
    for (const name of ['Maya Whitfield', 'Leo Whitfield']) {
      const child = childId(record, name);
      const decision = childSection(record, 'decision', child);
      Object.assign(decision, {
        outcome: 'cin-plan',
        rationale,
        weighings: [],
        sufficientSafeguards: 'Kerry’s safety planning with the IDVA and a child in need plan with weekly visits keep the children safe enough.',
        reReferralTriggers: 'Any further incident, or Jason returning to the home.',
      });
      delete decision['categories'];
      Object.assign(childSection(record, 'plan', child), {
        outcomes: 'Kerry keeps the safety plan; the children are not present at any further incident.',
        stepDownCriteria: 'Three months without an incident.',
        actions: [{ id: globalThis.crypto.randomUUID(), values: { action: 'Weekly visit.', owner: 'Sam Okafor', dueDate: '2026-01-22' } }],
      });
      delete childSection(record, 'plan', child)['firstCoreGroupDate'];
      delete childSection(record, 'plan', child)['coreGroup'];
    }
    return record;
  }
  const departures = (record: ConferenceRecord) =>
    blocking(readiness(record)).filter((f) => f.rule.startsWith('decision.departure') || f.rule.startsWith('decision.weighing'));

  it('a rationale that only names the differing agencies does not reach ready to sign', () => {
    const record = decidedOtherwise('Children’s social care. Police. Hollin Lane Primary School.');
    const report = readiness(record);
    expect(report.ready).toBe(false);
    expect(departures(record).map((f) => f.message.split(':')[0] + ': ' + f.message.split(': ')[1]!.split(' recommended')[0])).toEqual([
      'Maya Whitfield: Children’s social care',
      'Maya Whitfield: Police',
      'Maya Whitfield: Hollin Lane Primary School',
      'Leo Whitfield: Children’s social care',
      'Leo Whitfield: Police',
      'Leo Whitfield: Hollin Lane Primary School',
    ]);
  });

  it('a weighing for each differing agency does, and the laziest one-word weighing does not', () => {
    const record = decidedOtherwise('Children’s social care. Police. Hollin Lane Primary School.');
    const weigh = (kind: string, text: string) => ({ id: globalThis.crypto.randomUUID(), values: { agency: agency(record, kind).id, weighing: text } });
    for (const name of ['Maya Whitfield', 'Leo Whitfield']) {
      childSection(record, 'decision', childId(record, name))['weighings'] = [
        weigh('social-care', 'Their worry about the violence is shared; the safety plan and Jason’s move answer it for now.'),
        weigh('police', 'Three incidents are serious, but Jason has left and the police bail conditions keep him away.'),
        weigh('education', 'Maya’s distress at school is real; a child in need plan gives her the same school support.'),
      ];
    }
    const report = readiness(record);
    expect(departures(record), describeFindings(report.findings)).toEqual([]);
    expect(report.ready, describeFindings(blocking(report))).toBe(true);

    const maya = childId(record, 'Maya Whitfield');
    const weighings = childSection(record, 'decision', maya)['weighings'] as GroupItem[];
    weighings[1]!.values['weighing'] = 'noted';
    expect(departures(record)).toEqual([
      {
        rule: 'decision.weighing-too-thin',
        severity: 'blocking',
        message:
          'Maya Whitfield: “noted” does not show how Police’s view was weighed. Say in at least 5 words, besides the agency’s name, what their view was and why the decision differs.',
        ref: { section: 'decision', childId: maya, itemId: weighings[1]!.id, field: 'weighing' },
      },
    ]);
    // Only the agency's name, however long, is not a weighing either.
    weighings[1]!.values['weighing'] = 'Police: noted, the police.';
    expect(departures(record).map((f) => f.rule)).toEqual(['decision.weighing-too-thin']);
    weighings[1]!.values['weighing'] = 'Police view weighed against bail conditions.';
    expect(departures(record)).toEqual([]);
  });
});

describe('the significant-harm test and the outcome agree', () => {
  it('likely harm with no multi-agency plan is refused; with a child in need plan it is allowed', () => {
    const record = whitfieldRecord();
    const maya = childId(record, 'Maya Whitfield');
    const decision = childSection(record, 'decision', maya);
    decision['outcome'] = 'no-further-action';
    expect(decisionFindings(record).map((f) => f.rule)).toContain('decision.risk-without-safeguards');
    decision['outcome'] = 'cin-plan';
    expect(decisionFindings(record).map((f) => f.rule)).not.toContain('decision.risk-without-safeguards');
  });

  it('a plan when harm is found not likely', () => {
    const record = whitfieldRecord();
    const leo = childId(record, 'Leo Whitfield');
    const decision = childSection(record, 'decision', leo);
    Object.assign(decision, { limbA: 'no', limbB: 'no', likelySignificantHarm: 'no' });
    expect(decisionFindings(record)).toEqual([
      {
        rule: 'decision.plan-without-risk',
        severity: 'blocking',
        message: 'Leo Whitfield: a child protection plan needs the conference to find the child likely to suffer significant harm.',
        ref: { section: 'decision', childId: leo, field: 'outcome' },
      },
    ]);
  });

  it('the conclusion contradicts both limbs, or either limb', () => {
    const record = whitfieldRecord();
    const maya = childId(record, 'Maya Whitfield');
    const decision = childSection(record, 'decision', maya);
    Object.assign(decision, { limbA: 'no', limbB: 'no' });
    expect(decisionFindings(record).map((f) => f.message)).toEqual([
      'Maya Whitfield: the conference found significant harm likely, but answered “no” to both parts of the test. Check the answers.',
    ]);
    // One limb is enough for "likely": yes to either part is consistent.
    decision['limbB'] = 'yes';
    expect(decisionFindings(record)).toEqual([]);
  });

  it('Brennan: ending the plan as no longer at risk while finding harm likely', () => {
    const record = brennanRecord();
    const ava = childId(record, 'Ava Brennan');
    childSection(record, 'decision', ava)['likelySignificantHarm'] = 'yes';
    const rules = decisionFindings(record).map((f) => f.rule);
    expect(rules).toContain('decision.end-reason-inconsistent');
    expect(rules).toContain('decision.test-inconsistent');
  });
});

describe('citationsOfAgency: what would lose its meaning if an agency were deleted', () => {
  it('Whitfield IDVA: the dissent record and both rationales', () => {
    const record = whitfieldRecord();
    expect(citationsOfAgency(record, agency(record, 'idva').id)).toEqual([
      'a dissent record',
      'the rationale for Maya Whitfield',
      'the rationale for Leo Whitfield',
    ]);
  });

  it('Whitfield health visiting: the weighing of its view and the rationale for each child, no dissent', () => {
    const record = whitfieldRecord();
    expect(citationsOfAgency(record, agency(record, 'health-visiting').id)).toEqual([
      'the weighing of their view for Maya Whitfield',
      'the rationale for Maya Whitfield',
      'the weighing of their view for Leo Whitfield',
      'the rationale for Leo Whitfield',
    ]);
  });

  it('Osei police: the dissent record and Daniel’s rationale', () => {
    const record = oseiRecord();
    expect(citationsOfAgency(record, agency(record, 'police').id)).toEqual(['a dissent record', 'the rationale for Daniel Osei']);
  });

  it('an agency nothing refers to, and an id that is no agency, have no citations', () => {
    const record = brennanRecord();
    expect(citationsOfAgency(record, agency(record, 'substance-misuse').id)).toEqual([]);
    expect(citationsOfAgency(record, globalThis.crypto.randomUUID())).toEqual([]);
  });
});

describe('the rationale’s mention of an agency is a hint, never the check', () => {
  /** The hint quoted for the IDVA service when its view is unweighed and its dissent gone. */
  const idvaHint = (rationale: string) => {
    const record = whitfieldRecord();
    listOf(record, 'dissent').length = 0;
    for (const child of [childId(record, 'Maya Whitfield'), childId(record, 'Leo Whitfield')]) {
      childSection(record, 'decision', child)['rationale'] = rationale;
    }
    const found = decisionFindings(record).filter((f) => f.message.includes('IDVA service'));
    expect(found.map((f) => f.rule)).toEqual(['decision.departure-not-weighed', 'decision.departure-not-weighed']);
    return found[0]!.message.match(/The rationale mentions them \(“(.*)”\)/)?.[1] ?? null;
  };

  it('quotes the sentence that names the agency in everyday words, in any case', () => {
    expect(idvaHint('Both parts of the test are met. The idva’s view was weighed carefully. The plan follows.')).toBe('The idva’s view was weighed carefully.');
  });

  it('does not count a word that merely contains the name', () => {
    // "Rigidvalue" contains "idva" but names no agency.
    expect(idvaHint('Rigidvalues aside, the plan is needed.')).toBeNull();
  });

  it('treats curly and straight apostrophes alike', () => {
    expect(idvaHint("The domestic abuse advocate's view was heard.")).toBe("The domestic abuse advocate's view was heard.");
  });
});
