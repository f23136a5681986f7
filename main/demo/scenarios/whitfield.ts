import type { ConferenceRecord, Values } from '../../../domain/record/conference';
import { forChildren, items, RecordBuilder, scale } from '../record-builder';

/**
 * Whitfield — initial child protection conference (fictional; every name is invented).
 *
 * Two children, one of them pre-verbal; domestic abuse; agencies that disagree; a dissent
 * that is not escalated; a police report with restricted third-party information; a
 * conference held on the last permitted working day. Both children get a child protection
 * plan under emotional abuse.
 */

const SCALE =
  '0 = the children are not safe in their parents’ care; 10 = there is enough safety for the case to close.';

export function whitfieldRecord(): ConferenceRecord {
  const b = new RecordBuilder('initial', {
    createdAt: '2026-01-15T09:40:00.000Z',
    updatedAt: '2026-01-15T14:05:00.000Z',
    revision: 12,
  });

  b.single('meeting', {
    date: '2026-01-15',
    startTime: '10:00',
    endTime: '12:15',
    format: 'hybrid',
    venue: 'Riverside House, Room 3, with others joining by video',
    chair: 'Priya Natarajan (independent chair)',
    minuteTaker: 'Tom Ellery',
    // 15 working days before the conference once the weekends and the 25 and 26 December
    // and 1 January bank holidays are left out: held on the last permitted day.
    strategyDiscussionDate: '2025-12-22',
    scaleDefinition: SCALE,
    blindScaling: false,
  });

  const maya = b.addChild({
    name: 'Maya Whitfield',
    dateOfBirth: '2018-05-03',
    gender: 'Female',
    ethnicity: 'White British',
    language: 'English',
    setting: 'Hollin Lane Primary School (Year 2)',
  });
  const leo = b.addChild({
    name: 'Leo Whitfield',
    dateOfBirth: '2023-09-11',
    gender: 'Male',
    ethnicity: 'White British',
    language: 'English',
    setting: 'At home with his mother; not in a nursery',
  });

  b.addItem('family', {
    name: 'Kerry Whitfield',
    relationship: 'Mother',
    parentalResponsibility: true,
    attendance: 'present',
    attendanceNotes: 'Attended the whole conference with a supporter of her choosing.',
  });
  b.addItem('family', {
    name: 'Jason Whitfield',
    relationship: 'Father',
    parentalResponsibility: true,
    attendance: 'separately',
    attendanceNotes:
      'Because of the domestic abuse, the chair agreed beforehand that the parents would not be in the room together. Jason joined for the second half, after Kerry had left; the chair summarised the first half for him and he gave his views.',
  });

  b.single('attendance', {
    exclusions: [],
    reportsNotes:
      'Children’s social care shared its report with both parents three working days before the conference. The police report arrived on the morning of the conference and was not shared: it contains restricted information about a third party, which the chair heard in a closed part and which is left out of the family copy. The GP sent a report and did not attend.',
  });

  b.single('opening', {
    purposeExplained: true,
    confidentialityExplained: true,
    complaintsExplained: true,
    interpreter: 'None needed: the family speak English.',
    notes:
      'The chair confirmed the conference was quorate: children’s social care attended with the police, Hollin Lane Primary School and the health visiting service, all three with direct contact with the children. The chair explained the separate attendance arrangements to both parents before the meeting.',
  });

  b.single('reason', {
    primaryConcern: 'domestic-abuse',
    reasonForConference:
      'The police were called to the family home three times in eight weeks between October and December 2025 after Jason Whitfield was violent towards Kerry Whitfield; both children were in the home each time. A strategy discussion on 22/12/2025 started section 47 enquiries. The enquiries found that Maya hides with her brother during incidents and that Jason’s drinking has been getting worse.',
  });

  const scaleNote = (score: number) => scale(score, SCALE);

  b.addItem('agencies', {
    agency: 'social-care',
    representative: 'Sam Okafor, social worker, with his team manager',
    attendance: 'present',
    directContact: true,
    reportReceived: true,
    reportSharedWithFamily: true,
    reportSharedDate: '2026-01-12',
    informationShared:
      'Three police call-outs in eight weeks, each with both children in the home. Sam Okafor saw Maya alone at school and saw Leo at home twice. Jason’s drinking has increased over the autumn; he left the family home on 05/01/2026.',
    worries:
      'The children have been present at repeated violence between their parents. Maya has taken on the job of keeping Leo safe during incidents. Jason’s drinking is escalating and he disputes how serious the incidents were.',
    strengths:
      'Kerry gives the children warm and attentive care. Maya’s school is a safe place for her. The maternal grandmother lives nearby and is willing to help. Jason has agreed to stay away from the home.',
    scale: scaleNote(3),
    scaleReason:
      'Jason has only been out of the home for nine days and has not yet engaged with alcohol services; nothing protective has yet been shown over time.',
    recommendations: forChildren({
      [maya]: { recommendation: 'cp-plan', reasons: 'Emotional abuse: Maya has been present at three incidents of domestic abuse and has described hiding and protecting her brother.' },
      [leo]: { recommendation: 'cp-plan', reasons: 'Emotional abuse: Leo has been present at the same incidents, startles at raised voices and is too young to tell anyone what is happening.' },
    }),
    restricted: false,
  });

  b.addItem('agencies', {
    agency: 'police',
    representative: 'DC Hannah Briggs, public protection unit',
    attendance: 'present',
    directContact: true,
    reportReceived: true,
    reportSharedWithFamily: false,
    informationShared:
      'Officers attended three domestic abuse incidents at the address between October and December 2025; the children were present each time. Jason was arrested once and released with no further action. Kerry completed a DASH risk checklist with the police and a MARAC referral was made.',
    worries: 'The violence is repeated and the risk to Kerry is high, with the children in the home when it happens.',
    strengths: 'Kerry engaged with the DASH assessment and accepted the MARAC referral.',
    specialistTools: items({
      tool: 'dash',
      result: '16 “yes” answers: high risk; MARAC referral made',
    }),
    scale: scaleNote(2),
    scaleReason: 'High-risk DASH, three call-outs in eight weeks and an arrest; the risk to Kerry, and so to the children, remains high.',
    recommendations: forChildren({
      [maya]: { recommendation: 'cp-plan', reasons: 'The children were present at each incident and the DASH assessment shows high risk.' },
      [leo]: { recommendation: 'cp-plan', reasons: 'As for Maya: Leo was present at each incident and the risk is assessed as high.' },
    }),
    restricted: true,
    restrictedDetail:
      'Police hold information about Jason’s relationship with a previous partner. It concerns a third party, was heard in a closed part of the meeting, and must not appear in the family copy.',
  });

  b.addItem('agencies', {
    agency: 'education',
    agencyName: 'Hollin Lane Primary School',
    representative: 'Mrs Joanne Pike, designated safeguarding lead',
    attendance: 'present',
    directContact: true,
    reportReceived: true,
    reportSharedWithFamily: true,
    reportSharedDate: '2026-01-13',
    informationShared:
      'The school received two Operation Encompass notifications this term. On both mornings Maya came in tired and withdrawn. Her attendance is 91%.',
    worries: 'Maya arrives tired and withdrawn after incidents at home and is carrying worry about her brother.',
    strengths: 'Maya is settled at school, has trusted adults there and talks to them.',
    specialistTools: items({ tool: 'encompass', result: 'Two notifications this school term' }),
    scale: scaleNote(3),
    scaleReason: 'The school sees the effect of each incident on Maya the next morning, and the incidents have not stopped for long enough to be confident.',
    recommendations: forChildren({
      [maya]: { recommendation: 'cp-plan', reasons: 'Maya shows the emotional impact of the incidents at school, and the school wants the structure of a plan around her.' },
      [leo]: { recommendation: 'cp-plan', reasons: 'The school has no contact with Leo, but Maya’s account to school staff of shielding her brother during incidents shows that he is exposed to the same harm.' },
    }),
    restricted: false,
  });

  const healthVisiting = b.addItem('agencies', {
    agency: 'health-visiting',
    representative: 'Claire Dunn, health visitor',
    attendance: 'present',
    directContact: true,
    reportReceived: true,
    reportSharedWithFamily: true,
    reportSharedDate: '2026-01-13',
    informationShared:
      'Leo’s development is on track. He missed two reviews; both were rearranged and attended. Kerry is warm and attentive with him.',
    worries: 'The missed reviews, now made up, and the effect on Leo of the incidents his mother has described.',
    strengths: 'Leo is developing well and turns to his mother for comfort; Kerry engages with the health visiting service.',
    scale: scaleNote(5),
    scaleReason: 'Leo is thriving in his mother’s care and the missed reviews were made up; the worry is about the father, who has left.',
    recommendations: forChildren({
      [maya]: { recommendation: 'cin-plan', reasons: 'The health visitor’s view is that a child in need plan, with Kerry’s engagement, meets both children’s needs now that Jason has left.' },
      [leo]: { recommendation: 'cin-plan', reasons: 'Development on track, the missed reviews made up, and Kerry is warm and attentive: a child in need plan would support the family.' },
    }),
    restricted: false,
  });

  const idva = b.addItem('agencies', {
    agency: 'idva',
    representative: 'Nadia Rahman, independent domestic violence advocate',
    attendance: 'present',
    directContact: false,
    reportReceived: false,
    informationShared:
      'Kerry is engaging well with the IDVA service. A safety plan is in place and Jason has agreed to leave the home.',
    worries: 'Kerry remains at high risk while the MARAC process continues.',
    strengths: 'Kerry’s engagement with safety planning, and Jason agreeing to leave.',
    scale: scaleNote(6),
    scaleReason: 'The safety plan is working and Jason has left; the IDVA believes the mother can keep the children safe with support.',
    recommendations: forChildren({
      [maya]: { recommendation: 'cin-plan', reasons: 'The safety plan and Jason leaving the home give enough protection; a child protection plan risks discouraging Kerry from engaging.' },
      [leo]: { recommendation: 'cin-plan', reasons: 'As for Maya.' },
    }),
    restricted: false,
  });

  b.addItem('agencies', {
    agency: 'gp',
    representative: 'Dr Alan Shore, GP',
    attendance: 'report-only',
    directContact: false,
    reportReceived: true,
    reportSharedWithFamily: true,
    reportSharedDate: '2026-01-13',
    informationShared: 'Jason’s alcohol use was noted at two recent appointments.',
    recommendations: forChildren({
      [maya]: { recommendation: 'no-view' },
      [leo]: { recommendation: 'no-view' },
    }),
    restricted: false,
  });

  b.forChild('voice', maya, {
    visits: items({
      date: '2026-01-08',
      seenBy: 'Sam Okafor, social worker',
      seenAlone: true,
      where: 'Hollin Lane Primary School',
    }),
    methods: ['direct-work', 'letter-drawing'],
    ownWords:
      'Using Three Houses. House of worries: “I don’t like it when Daddy shouts. I go under my bed with Leo and put my hands on his ears.” House of good things: “Mummy does my hair and we have pancakes on Saturdays.” House of dreams: “I want Daddy to stop drinking the beer that makes him cross.”',
    conferenceParticipation: 'views-in-writing',
    informedDecision:
      'Maya’s account of hiding under her bed with Leo and covering his ears is the central evidence of emotional harm to both children. Her wish that her father stops drinking shapes the plan’s first action. Maya chose not to come to the conference; her drawing was shared with her agreement.',
    explainToChild:
      'Sam Okafor will explain the decision to Maya at school, with Mrs Pike nearby, using her Three Houses drawing to show what the grown-ups are going to do.',
  });

  b.forChild('voice', leo, {
    visits: items(
      {
        date: '2026-01-06',
        seenBy: 'Sam Okafor, social worker',
        seenAlone: false,
        whoPresent: 'His mother: Leo is two and pre-verbal, so he was observed with her at home.',
        where: 'The family home',
      },
      {
        date: '2026-01-12',
        seenBy: 'Sam Okafor, social worker',
        seenAlone: false,
        whoPresent: 'His mother and his sister: observed at home after school.',
        where: 'The family home',
      },
    ),
    methods: ['observation'],
    observations:
      'Leo turns to his mother for comfort. He startled when voices were raised during the video call. He babbles and plays happily with his sister.',
    conferenceParticipation: 'too-young',
    informedDecision:
      'Leo cannot say what he has seen, so his startle at raised voices and Maya’s account of covering his ears were weighed as the evidence of how the incidents affect him.',
  });

  b.single('familyViews', {
    parentsViews:
      'Kerry accepted that the children had seen the incidents and said that she wants them to grow up without the shouting. Jason said the incidents had been exaggerated, though he agreed that he drinks too much and said he would stay away from the home.',
    widerFamilyViews:
      'Kerry’s supporter told the conference that the maternal grandmother, who lives nearby, is ready to help with the children.',
    responseToDecision:
      'Kerry said she understood the decision and would work with the plan. Jason, told of the decision in the second half, said he disagreed but would attend the alcohol service assessment.',
  });

  b.single('risk', {
    harm:
      'Maya and Leo were in the home during three domestic abuse incidents between October and December 2025 (police). Maya describes hiding under her bed with Leo and covering his ears (Maya, to the social worker). On the mornings after incidents she has arrived at school tired and withdrawn (school). Leo startles at raised voices (social worker’s observation).',
    dangerStatements: items({
      statement:
        'Children’s social care, the police and the school are worried that if Jason keeps drinking and is violent towards Kerry, Maya and Leo will be hurt physically or emotionally, and Maya will go on carrying the job of keeping Leo safe.',
      safetyGoal:
        'Everyone, including the children’s grandmother, is confident that Maya and Leo are never around drinking or violence, shown over six months.',
    }),
    complicatingFactors:
      'Jason disputes how serious the incidents were. Kerry has played down incidents before. Jason’s housing is uncertain, which makes a return to the home more likely.',
    strengths: 'Kerry’s warm care of both children; Maya’s school is a safe place for her; the grandmother lives nearby.',
    existingSafety:
      'Jason has lived away from the home since 05/01/2026: nine days at the conference, not yet shown over time.',
    greyAreas: 'Whether Jason will engage with alcohol services.',
    chairScale: forChildren({
      [maya]: { scale: scaleNote(3), reason: 'The violence has stopped only because Jason left nine days ago; Maya is still carrying worry for her brother.' },
      [leo]: { scale: scaleNote(3), reason: 'As for Maya; Leo is more vulnerable because he cannot tell anyone what is happening.' },
    }),
  });

  const rationale = (child: string, own: string): string =>
    [
      `Both parts of the test are met for ${child}. ${own}`,
      'The existing safety is not yet enough. Jason left the home nine days before the conference; that has not been shown over time, his housing is uncertain, he disputes the seriousness of the incidents and he has not yet engaged with alcohol services. Kerry has played incidents down before.',
      'Children’s social care, the police and Hollin Lane Primary School recommended a child protection plan. The health visiting service (Claire Dunn) recommended a child in need plan, reasonably given Leo’s good development and Kerry’s warm care; but that evidence is about the care Kerry gives, not about the danger from the violence, which a child in need plan cannot manage with the same multi-agency grip. Claire Dunn accepts the decision.',
      'The IDVA service (Nadia Rahman) recommended a child in need plan because Kerry is engaging with safety planning and Jason has agreed to leave. The conference values that engagement and the plan builds on it, but an agreement nine days old is not demonstrated safety. The IDVA service’s dissent is recorded; it does not wish to escalate.',
      'The GP gave information but no recommendation.',
      'Maya’s own words — hiding under her bed with Leo and covering his ears — carried the most weight: they show the harm to both children, and her wish that her father stops drinking is the plan’s first aim.',
    ].join('\n\n');

  const decision = (own: string, child: string) => ({
    limbA: 'yes',
    limbB: 'yes',
    likelySignificantHarm: 'yes',
    outcome: 'cp-plan',
    categories: ['emotional-abuse'],
    rationale: rationale(child, own),
    // The IDVA service's differing view is answered by its recorded dissent; the health
    // visitor's, which she does not dispute, is weighed here.
    weighings: items({
      agency: healthVisiting,
      weighing:
        'Claire Dunn’s evidence of warm care and good development is accepted, but it is about the care Kerry gives, not the danger from the violence, which a child in need plan cannot manage with the same multi-agency grip.',
    }),
  });
  b.forChild(
    'decision',
    maya,
    decision(
      'Maya has suffered emotional harm from being present at repeated domestic abuse and from taking on the protection of her brother, and further harm is likely while the drinking and violence are not resolved.',
      'Maya',
    ),
  );
  b.forChild(
    'decision',
    leo,
    decision(
      'Leo has been present at the same incidents; he startles at raised voices and depends on his sister to shield him. At two he is the more vulnerable, and further harm is likely while the drinking and violence are not resolved.',
      'Leo',
    ),
  );

  b.addItem('dissent', {
    agency: idva,
    children: [maya, leo],
    reasons:
      'The IDVA service believes the safety plan with Kerry and Jason leaving the home are sufficient, and that a child protection plan is not needed; it would support a child in need plan.',
    escalation: 'not-escalating',
  });

  const coreGroup =
    'Sam Okafor (lead social worker); Mrs Joanne Pike (school DSL); Claire Dunn (health visitor); Nadia Rahman (IDVA); Kerry Whitfield; Jason Whitfield; the maternal grandmother.';
  const contingency =
    'If Jason returns to the home without the agreement of children’s social care, social care will convene a strategy discussion the same day.';
  // Each child's plan carries its own copies of the shared actions, so that completing one
  // child's action is recorded against that child.
  const sharedActions: Values[] = [
    { action: 'Attend an assessment with the alcohol service.', owner: 'Jason Whitfield', dueDate: '2026-01-30' },
    {
      action: 'Review Kerry’s safety plan with her every fortnight, the first review by this date.',
      owner: 'Nadia Rahman (IDVA)',
      dueDate: '2026-01-29',
    },
  ];

  b.forChild('plan', maya, {
    lead: 'Sam Okafor, social worker',
    outcomes:
      'Maya lives without drinking or violence at home and no longer feels she has to protect her brother; shown consistently over six months.',
    actions: items(...sharedActions, {
      action: 'Check in with Maya every week, the first check-in by this date, and tell the social worker of any worry the same day.',
      owner: 'Mrs Joanne Pike (school DSL)',
      dueDate: '2026-01-23',
    }),
    contingency,
    coreGroup,
    firstCoreGroupDate: '2026-01-29',
    reviewDate: '2026-04-15',
  });
  b.forChild('plan', leo, {
    lead: 'Sam Okafor, social worker',
    outcomes: 'Leo lives without drinking or violence at home and keeps developing well; shown consistently over six months.',
    actions: items(...sharedActions),
    contingency,
    coreGroup,
    firstCoreGroupDate: '2026-01-29',
    reviewDate: '2026-04-15',
  });

  b.addItem('distribution', {
    recipient: 'Kerry Whitfield',
    documents: ['family-copy', 'decision-letter'],
    presentFor: 'The whole conference',
  });
  b.addItem('distribution', {
    recipient: 'Jason Whitfield',
    documents: ['family-copy', 'decision-letter'],
    presentFor: 'The second half only',
  });
  b.addItem('distribution', {
    recipient: 'Agencies invited (social care, police, school, health visiting, IDVA service, GP)',
    documents: ['full-minutes', 'actions'],
    presentFor: 'The whole conference (the GP sent a report only)',
  });

  return b.build();
}
