import type { ConferenceRecord, GroupItem, SectionValue, Values } from '../../domain/record/conference';
import { brennanRecord } from '../../main/demo/scenarios/brennan';
import { oseiRecord } from '../../main/demo/scenarios/osei';
import { forChildren, items, RecordBuilder, scale } from '../../main/demo/record-builder';
import { DEFAULT_SCALE_DEFINITION } from '../../templates/sections/meeting';

/**
 * Fictional families for the journey specs (every name is invented). Each is a whole record
 * that is ready to sign; a spec enters the parts it is about through the form by label, and
 * the rest — the background a conference needs before it can be signed — through the guided
 * driver, from this record with those parts left out (see `withoutFields`).
 *
 * Two families are the demo's scenarios with a new family and new professionals written in,
 * so that the background is a coherent conference without repeating the demo's people.
 */

/** Renames people and places throughout a record (longest first, so full names go before first names). */
function renamed(record: ConferenceRecord, pairs: Record<string, string>): ConferenceRecord {
  let text = JSON.stringify(record);
  for (const [from, to] of Object.entries(pairs).sort((a, b) => b[0].length - a[0].length)) text = text.split(from).join(to);
  return JSON.parse(text) as ConferenceRecord;
}

const BRENNAN_TO_PEMBERTON = {
  'Ava Brennan': 'Isla Pemberton',
  'Shannon Brennan': 'Kerry Pemberton',
  Ava: 'Isla',
  Shannon: 'Kerry',
  Brennan: 'Pemberton',
  'Joel Marsh': 'Tom Reddy',
  'Anita Shah': 'Carys Evans',
  'Beth Taylor': 'Megan Doyle',
  'Owen Price': 'Sam Okoro',
  'Priya Natarajan': 'Helen Ashdown',
  'Little Acorns Nursery': 'Bluebell Nursery',
  'NS-204417': 'NS-318806',
};

function listOf(record: ConferenceRecord, sectionId: string): GroupItem[] {
  const section = record.sections[sectionId];
  if (section?.kind !== 'list') throw new Error(`No list section ${sectionId}`);
  return section.items;
}

function perChild(record: ConferenceRecord, sectionId: string): Record<string, Values> {
  const section = record.sections[sectionId];
  if (section?.kind !== 'perChild') throw new Error(`No per-child section ${sectionId}`);
  return section.perChild;
}

function child(record: ConferenceRecord, name: string): GroupItem {
  const found = listOf(record, 'children').find((c) => c.values['name'] === name);
  if (!found) throw new Error(`No child ${name}`);
  return found;
}

function setRecommendations(record: ConferenceRecord, byAgency: Record<string, Record<string, string>>): void {
  for (const agency of listOf(record, 'agencies')) {
    const wanted = byAgency[String(agency.values['agency'])];
    if (!wanted) continue;
    agency.values['recommendations'] = forChildren(
      Object.fromEntries(Object.entries(wanted).map(([childId, recommendation]) => [childId, { recommendation, reasons: REASONS[recommendation] ?? '' }])),
    );
  }
}

const REASONS: Record<string, string> = {
  'continue-plan': 'The change is recent and not yet sustained; the plan should continue so that it can be relied on.',
  'cp-plan': 'The baby is born into the same home conditions that put his sister on a plan, and is more vulnerable still.',
  'no-view': 'The nursery has not met Rory, who does not attend.',
  'end-plan-cin': 'Sustained change; the remaining need, home conditions, can be met by a child in need plan.',
};

/**
 * Pemberton — a review. Isla (4) has been on a plan for neglect since December and continues
 * on it; her brother Rory was born in January, after the initial conference, so he is new to
 * conference and the agencies recommend a plan for him too.
 */
export function pembertonReview(): { record: ConferenceRecord; isla: string; rory: string } {
  const record = renamed(brennanRecord(), BRENNAN_TO_PEMBERTON);
  const isla = child(record, 'Isla Pemberton').id;
  listOf(record, 'children').push({
    id: globalThis.crypto.randomUUID(),
    values: { name: 'Rory Pemberton', planStatus: 'new', dateOfBirth: '2026-01-20', gender: 'Male', language: 'English' },
  });
  const rory = child(record, 'Rory Pemberton').id;
  setRecommendations(record, {
    'social-care': { [isla]: 'continue-plan', [rory]: 'cp-plan' },
    'health-visiting': { [isla]: 'continue-plan', [rory]: 'cp-plan' },
    'early-years': { [isla]: 'continue-plan', [rory]: 'no-view' },
    'substance-misuse': { [isla]: 'continue-plan', [rory]: 'cp-plan' },
  });
  const voice = perChild(record, 'voice');
  voice[rory] = {
    visits: items({ date: '2026-03-04', seenBy: 'Tom Reddy, social worker', seenAlone: false, whoPresent: 'His mother, Kerry, and his sister Isla.', where: 'At home' }),
    methods: ['observation'],
    observations: 'Rory, seven weeks old, fed well and settled in his mother’s arms; his cot was clean and made up.',
    conferenceParticipation: 'too-young',
    informedDecision: 'Rory is too young to give a view; what was seen of his care at home was weighed with the agencies’ worries about the home.',
  };
  const risk = record.sections['risk'];
  if (risk?.kind === 'single') {
    risk.values['chairScale'] = forChildren({
      [isla]: { scale: scale(5, SCALE), reason: 'Real change, but only three months of it, and the home is not yet consistently safe.' },
      [rory]: { scale: scale(4, SCALE), reason: 'A newborn in a home whose conditions are not yet consistent.' },
    });
  }
  const decision = perChild(record, 'decision');
  decision[isla] = {
    limbA: 'yes',
    limbB: 'yes',
    likelySignificantHarm: 'yes',
    outcome: 'continue-plan',
    categories: ['neglect'],
    rationale:
      'Isla is still likely to suffer significant harm: the change is real but only three months old, and home conditions have not yet held. Every agency recommended continuing the plan.',
  };
  decision[rory] = {
    limbA: 'no',
    limbB: 'yes',
    likelySignificantHarm: 'yes',
    outcome: 'cp-plan',
    categories: ['neglect'],
    rationale:
      'Rory was born into the home where his sister is on a plan for neglect. He has not been harmed, but as a newborn he depends entirely on care that is not yet consistent, so harm is likely. The agencies recommended a plan.',
  };
  const plan = perChild(record, 'plan');
  const islaPlan = plan[isla] ?? {};
  plan[isla] = {
    lead: 'Tom Reddy, social worker (as before)',
    outcomes: islaPlan['outcomes'] ?? '',
    actions: islaPlan['actions'] ?? [],
    contingency: 'If home conditions slip or substance use returns, the lead social worker will hold a strategy discussion.',
    coreGroup: 'Kerry Pemberton; Tom Reddy; Carys Evans; Megan Doyle; Sam Okoro.',
    reviewDate: '2026-09-09',
  };
  plan[rory] = {
    lead: 'Tom Reddy, social worker',
    outcomes: 'Rory is fed, clean, warm and safe at home, and his development is checked.',
    actions: items({ action: 'Health visitor to see Rory at home every fortnight.', owner: 'Carys Evans (health visiting)', recurrence: 'fortnightly', dueDate: '2026-03-25' }),
    contingency: 'If Rory is not fed or kept safe at home, the lead social worker will hold a strategy discussion the same day.',
    coreGroup: 'Kerry Pemberton; Tom Reddy; Carys Evans; Sam Okoro.',
    firstCoreGroupDate: '2026-03-24',
    reviewDate: '2026-06-10',
  };
  return { record, isla, rory };
}

const SCALE = '0 = Isla is not safe in her mother’s care; 10 = there is enough safety for the case to close.';

/**
 * Harlow — a review where three of four agencies recommend continuing the plan and the chair
 * ends it with a child in need plan: each differing view must be weighed, not named.
 */
export function harlowReview(): { record: ConferenceRecord; poppy: string } {
  const record = renamed(brennanRecord(), {
    ...BRENNAN_TO_PEMBERTON,
    'Ava Brennan': 'Poppy Harlow',
    'Shannon Brennan': 'Gemma Harlow',
    Ava: 'Poppy',
    Shannon: 'Gemma',
    Brennan: 'Harlow',
    'NS-204417': 'NS-227150',
  });
  const poppy = child(record, 'Poppy Harlow').id;
  setRecommendations(record, {
    'social-care': { [poppy]: 'end-plan-cin' },
    'health-visiting': { [poppy]: 'continue-plan' },
    'early-years': { [poppy]: 'continue-plan' },
    'substance-misuse': { [poppy]: 'continue-plan' },
  });
  return { record, poppy };
}

/** Ashworth — an initial conference about criminal exploitation, ending in a contextual safeguarding plan. */
export function ashworthInitial(): ConferenceRecord {
  return renamed(oseiRecord(), {
    'Black British (Ghanaian heritage)': 'White British',
    'English and Twi (both spoken at home)': 'English',
    'Daniel Osei': 'Tyler Ashworth',
    'Grace Osei': 'Michelle Ashworth',
    'Kofi Osei': 'Dean Ashworth',
    'Grace and Kofi Osei': 'Michelle and Dean Ashworth',
    Daniel: 'Tyler',
    Grace: 'Michelle',
    Kofi: 'Dean',
    Esi: 'Lily',
    Osei: 'Ashworth',
    'Leah Carter': 'Nadia Brook',
    'Ryan Holt': 'Sean Doherty',
    'Jade Morris': 'Aisha Patel',
    'Fiona Grant': 'Rachel Venn',
    'Ruth Ellis': 'Imran Qureshi',
    'Amir Siddiqui': 'Gareth Lloyd',
    'Martin Lowe': 'Susan Whitcombe',
    'Castlegate Academy': 'Harbourside Academy',
    'Mill Road': 'Tanner Street',
    'Riverside House': 'Quayside House',
  });
}

/**
 * Marsden — a pre-birth initial conference for the unborn baby of Chloe Marsden, due on
 * 14/06/2026; the conference on 23/03/2026 is at 28+3 weeks. The agencies recommend a plan
 * because of domestic abuse by the baby's father, who has left the home.
 */
export function marsdenPreBirth(): { record: ConferenceRecord; baby: string } {
  const b = new RecordBuilder('pre-birth-initial', { createdAt: '2026-03-23T09:40:00.000Z' });
  b.single('meeting', {
    date: '2026-03-23',
    startTime: '10:00',
    endTime: '11:30',
    format: 'in-person',
    venue: 'Quayside House, Room 4',
    chair: 'Helen Ashdown (independent chair)',
    strategyDiscussionDate: '2026-03-09',
    scaleDefinition: DEFAULT_SCALE_DEFINITION,
    blindScaling: false,
  });
  const baby = b.addChild({ name: 'Unborn baby of Chloe Marsden', bornStatus: 'unborn', expectedDeliveryDate: '2026-06-14' });
  b.addItem('family', { name: 'Chloe Marsden', relationship: 'Mother (expectant)', parentalResponsibility: true, attendance: 'present' });
  b.single('attendance', { exclusions: [], reportsNotes: 'Every report was shared with Chloe before the conference.' });
  b.single('opening', {
    purposeExplained: true,
    confidentialityExplained: true,
    complaintsExplained: true,
    notes: 'Children’s social care attended with midwifery, the police and the domestic abuse service.',
  });
  b.single('reason', {
    harmSource: 'family',
    reasonForConference:
      'Chloe’s former partner, the baby’s father, assaulted her twice during the pregnancy. He has left the home but knows where she lives. A strategy discussion on 09/03/2026 started section 47 enquiries.',
  });
  const score = (n: number) => scale(n, DEFAULT_SCALE_DEFINITION);
  const agency = (values: Values) => b.addItem('agencies', { attendance: 'present', directContact: true, reportReceived: true, reportSharedWithFamily: true, reportSharedDate: '2026-03-19', restricted: false, ...values });
  agency({
    agency: 'social-care',
    representative: 'Nadia Brook, social worker',
    informationShared: 'Chloe is engaging and has moved the locks; the father has contacted her by phone since leaving.',
    worries: 'The father may return after the birth.',
    strengths: 'Chloe is honest about the abuse and wants the baby to be safe.',
    scale: score(4),
    scaleReason: 'Chloe is protective, but the father still contacts her.',
    recommendations: forChildren({ [baby]: { recommendation: 'cp-plan', reasons: 'Harm from the father is likely after the birth.' } }),
  });
  agency({
    agency: 'midwifery',
    representative: 'Joanne Hale, safeguarding midwife',
    informationShared: 'Chloe attends every antenatal appointment; the scans are normal.',
    strengths: 'Good antenatal care.',
    scale: score(5),
    scaleReason: 'Chloe looks after herself and the pregnancy.',
    recommendations: forChildren({ [baby]: { recommendation: 'cp-plan', reasons: 'A birth plan under a child protection plan keeps the baby safe on the ward.' } }),
  });
  agency({
    agency: 'police',
    representative: 'DC Owen Prior, domestic abuse unit',
    informationShared: 'Two reported assaults during the pregnancy; the father was bailed with conditions not to contact Chloe.',
    worries: 'He has broken bail conditions before.',
    scale: score(3),
    scaleReason: 'A history of breaking bail conditions.',
    recommendations: forChildren({ [baby]: { recommendation: 'cp-plan', reasons: 'The risk from the father after the birth is high.' } }),
  });
  b.forChild('voice', baby, { unbornFocus: 'The conference kept the baby’s safety on the ward and at home after the birth at the centre.' });
  b.single('familyViews', {
    parentsViews: 'Chloe said she has ended the relationship and wants help to keep herself and the baby safe.',
    responseToDecision: 'Chloe agreed with the plan and the birth plan.',
  });
  b.single('risk', {
    harm: 'Chloe was assaulted twice by the baby’s father during the pregnancy (police; social care).',
    dangerStatements: items({
      statement: 'Social care and the police are worried that if the baby’s father comes back after the birth, the baby could be hurt when he is violent to Chloe.',
      safetyGoal: 'The father has no unsupervised contact with the baby, and Chloe keeps to the safety plan, shown for three months after the birth.',
    }),
    strengths: 'Chloe ended the relationship, changed the locks and works with every agency.',
    existingSafety: 'Chloe has kept to the safety plan since the strategy discussion two weeks ago.',
    chairScale: forChildren({ [baby]: { scale: score(4), reason: 'Chloe is protective, but the father still contacts her and has broken bail before.' } }),
  });
  b.forChild('decision', baby, {
    limbB: 'yes',
    likelySignificantHarm: 'yes',
    outcome: 'cp-plan',
    categories: ['physical-abuse', 'emotional-abuse'],
    rationale:
      'The baby is likely to suffer significant harm after birth from the father’s violence: he has assaulted Chloe twice in the pregnancy and has broken bail conditions before. Every agency recommended a plan.',
  });
  b.emptyList('dissent');
  b.forChild('plan', baby, {
    lead: 'Nadia Brook, social worker',
    outcomes: 'The baby is born and goes home safe from the father’s violence.',
    actions: items({ action: 'Share the birth plan with the maternity safeguarding team.', owner: 'Joanne Hale (midwifery)', dueDate: '2026-04-06' }),
    contingency: 'If the father comes to the ward or the home, the police are called and a strategy discussion is held the same day.',
    coreGroup: 'Chloe Marsden; Nadia Brook; Joanne Hale; DC Owen Prior.',
    firstCoreGroupDate: '2026-04-02',
    reviewDate: '2026-06-19',
    birthPlan:
      'The ward is told of the father’s bail conditions; he may not visit. Chloe tells Nadia Brook when labour starts. Mother and baby go home together when the midwife and the social worker agree the home is safe.',
  });
  b.addItem('distribution', { recipient: 'Chloe Marsden', documents: ['family-copy', 'decision-letter'], presentFor: 'The whole conference' });
  return { record: b.build(), baby };
}

/**
 * The record with some answers left out: the background the driver enters, while the spec
 * enters the left-out answers by label. Ids stay the same, so the driver's map still fits.
 */
export function withoutFields(record: ConferenceRecord, omit: Record<string, readonly string[] | 'all'>): ConferenceRecord {
  const copy = structuredClone(record);
  for (const [sectionId, fields] of Object.entries(omit)) {
    const section: SectionValue | undefined = copy.sections[sectionId];
    if (!section) continue;
    if (fields === 'all') {
      delete copy.sections[sectionId];
      continue;
    }
    const strip = (values: Values) => fields.forEach((f) => delete values[f]);
    if (section.kind === 'single') strip(section.values);
    if (section.kind === 'perChild') Object.values(section.perChild).forEach(strip);
    if (section.kind === 'list') section.items.forEach((i) => strip(i.values));
  }
  return copy;
}
