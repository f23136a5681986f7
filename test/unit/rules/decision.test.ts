import { describe, expect, it } from 'vitest';
import { citationsOfAgency, decisionFindings } from '../../../domain/rules/decision-rules';
import { brennanRecord, oseiRecord, whitfieldRecord } from '../../../main/demo/scenarios';
import { agency, childId, childSection, describeFindings, listOf } from '../template/fixture-helpers';

/** A Whitfield rationale that engages with the health visitor but never names the IDVA service. */
const RATIONALE_WITHOUT_IDVA =
  'Both parts of the test are met. The existing safety is nine days old and not yet shown over time. The health visiting service (Claire Dunn) recommended a child in need plan; that evidence is about Kerry’s care, not the danger from the violence.';

describe('agencies whose recommendation differs from the decision', () => {
  it('the scenarios engage with every differing agency, so no decision finding', () => {
    for (const record of [whitfieldRecord(), oseiRecord(), brennanRecord()]) {
      const findings = decisionFindings(record);
      expect(findings, describeFindings(findings)).toEqual([]);
    }
  });

  it('Whitfield: without the IDVA dissent and with a rationale that does not name the IDVA', () => {
    const record = whitfieldRecord();
    const maya = childId(record, 'Maya Whitfield');
    const leo = childId(record, 'Leo Whitfield');
    listOf(record, 'dissent').length = 0;
    for (const child of [maya, leo]) childSection(record, 'decision', child)['rationale'] = RATIONALE_WITHOUT_IDVA;
    expect(decisionFindings(record)).toEqual([
      {
        rule: 'decision.departure-not-engaged',
        severity: 'blocking',
        message:
          'Maya Whitfield: IDVA service recommended “Child in need plan (section 17)”, which differs from the decision. Say in the rationale how their view was weighed, or record their dissent.',
        ref: { section: 'decision', field: 'rationale', childId: maya },
      },
      {
        rule: 'decision.departure-not-engaged',
        severity: 'blocking',
        message:
          'Leo Whitfield: IDVA service recommended “Child in need plan (section 17)”, which differs from the decision. Say in the rationale how their view was weighed, or record their dissent.',
        ref: { section: 'decision', field: 'rationale', childId: leo },
      },
    ]);
  });

  it('Whitfield: either the recorded dissent or a rationale naming the IDVA’s representative is enough', () => {
    const dissentOnly = whitfieldRecord();
    for (const name of ['Maya Whitfield', 'Leo Whitfield']) {
      childSection(dissentOnly, 'decision', childId(dissentOnly, name))['rationale'] = RATIONALE_WITHOUT_IDVA;
    }
    expect(decisionFindings(dissentOnly)).toEqual([]);

    const rationaleOnly = whitfieldRecord();
    listOf(rationaleOnly, 'dissent').length = 0;
    expect(decisionFindings(rationaleOnly)).toEqual([]);
  });

  it('Whitfield: a dissent recorded for Maya only does not cover Leo', () => {
    const record = whitfieldRecord();
    const maya = childId(record, 'Maya Whitfield');
    const leo = childId(record, 'Leo Whitfield');
    listOf(record, 'dissent')[0]!.values['children'] = [maya];
    childSection(record, 'decision', leo)['rationale'] = RATIONALE_WITHOUT_IDVA;
    const findings = decisionFindings(record);
    expect(findings.map((f) => [f.rule, f.ref.childId])).toEqual([['decision.departure-not-engaged', leo]]);
  });

  it('Whitfield: the health visitor accepts the decision, so the rationale must name health visiting', () => {
    const record = whitfieldRecord();
    const leo = childId(record, 'Leo Whitfield');
    childSection(record, 'decision', leo)['rationale'] = 'Both parts of the test are met. The IDVA service’s dissent is recorded.';
    expect(decisionFindings(record).map((f) => f.message)).toEqual([
      'Leo Whitfield: Health visiting recommended “Child in need plan (section 17)”, which differs from the decision. Say in the rationale how their view was weighed, or record their dissent.',
    ]);
  });

  it('Osei: the police dissent is what engages the police view when the rationale does not', () => {
    const record = oseiRecord();
    const daniel = childId(record, 'Daniel Osei');
    childSection(record, 'decision', daniel)['rationale'] = 'The harm comes from outside the home and both parents protect Daniel.';
    expect(decisionFindings(record)).toEqual([]);
    listOf(record, 'dissent').length = 0;
    expect(decisionFindings(record).map((f) => f.message)).toEqual([
      'Daniel Osei: Police recommended “Child protection plan”, which differs from the decision. Say in the rationale how their view was weighed, or record their dissent.',
    ]);
  });

  it('an agency giving no recommendation never needs engaging with', () => {
    const record = whitfieldRecord();
    const gp = agency(record, 'gp');
    expect(decisionFindings(record)).toEqual([]);
    // The same agency recommending a different outcome would need it.
    const maya = childId(record, 'Maya Whitfield');
    const recommendations = gp.values['recommendations'];
    if (typeof recommendations !== 'object' || recommendations === null || !('perChild' in recommendations)) throw new Error('GP has no recommendations');
    recommendations.perChild[maya] = { recommendation: 'early-help', reasons: 'Family support would be enough.' };
    // The scenario's rationale mentions the GP in passing; take that sentence out so nothing names it.
    const decision = childSection(record, 'decision', maya);
    decision['rationale'] = String(decision['rationale']).replace('The GP gave information but no recommendation.', '');
    expect(decisionFindings(record).map((f) => [f.rule, f.ref.childId])).toEqual([['decision.departure-not-engaged', maya]]);
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

  it('Whitfield health visiting: both rationales, no dissent', () => {
    const record = whitfieldRecord();
    expect(citationsOfAgency(record, agency(record, 'health-visiting').id)).toEqual([
      'the rationale for Maya Whitfield',
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

describe('how a rationale names an agency', () => {
  const idvaDeparture = (rationale: string) => {
    const record = whitfieldRecord();
    listOf(record, 'dissent').length = 0;
    const leo = childId(record, 'Leo Whitfield');
    for (const child of [childId(record, 'Maya Whitfield'), leo]) {
      childSection(record, 'decision', child)['rationale'] = rationale;
    }
    return decisionFindings(record).filter((f) => f.message.includes('IDVA service')).length;
  };
  const healthVisitingDeparture = (rationale: string) => {
    const record = whitfieldRecord();
    for (const child of [childId(record, 'Maya Whitfield'), childId(record, 'Leo Whitfield')]) {
      childSection(record, 'decision', child)['rationale'] = `${rationale} The IDVA service dissents.`;
    }
    return decisionFindings(record).filter((f) => f.message.includes('Health visiting')).length;
  };

  it('accepts everyday words for the agency, in any case', () => {
    expect(idvaDeparture('The idva’s view was weighed carefully.')).toBe(0);
    expect(healthVisitingDeparture('The health visitor’s account of warm care was weighed.')).toBe(0);
  });

  it('does not count a word that merely contains the name', () => {
    // "Rigidvalue" contains "idva" but names no agency.
    expect(idvaDeparture('Rigidvalues aside, the plan is needed.')).toBe(2);
  });

  it('treats curly and straight apostrophes alike', () => {
    const record = whitfieldRecord();
    const social = listOf(record, 'agencies').find((a) => a.values['agency'] === 'social-care');
    if (!social) throw new Error('no social care agency');
    social.values['representative'] = '';
    const maya = childId(record, 'Maya Whitfield');
    const recommendations = social.values['recommendations'];
    if (typeof recommendations !== 'object' || recommendations === null || !('perChild' in recommendations)) throw new Error('no recommendations');
    recommendations.perChild[maya] = { recommendation: 'cin-plan', reasons: 'Fictional test reasons.' };
    childSection(record, 'decision', maya)['rationale'] = 'Children’s social care recommended otherwise; IDVA dissent recorded; health visiting weighed.';
    expect(decisionFindings(record).filter((f) => f.ref.childId === maya)).toEqual([]);
  });
});
