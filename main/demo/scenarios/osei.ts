import type { ConferenceRecord } from '../../../domain/record/conference';
import { DEFAULT_SCALE_DEFINITION } from '../../../templates/sections/meeting';
import { forChildren, items, RecordBuilder, scale } from '../record-builder';

/**
 * Osei — initial child protection conference about harm outside the home (fictional; every
 * name is invented).
 *
 * One 15-year-old who is being criminally exploited. He is likely to suffer significant
 * harm, but the conference decides on a contextual safeguarding plan rather than a child
 * protection plan, because his parents protect him and the harm comes from outside the
 * home. This is the non-plan outcome a manager's audit must be able to find and judge: the
 * record carries why the alternative gives sufficient safeguards, what would bring the
 * conference back, and the police's escalated dissent.
 */

export function oseiRecord(): ConferenceRecord {
  const b = new RecordBuilder('initial', {
    createdAt: '2026-02-03T13:50:00.000Z',
    updatedAt: '2026-02-03T17:20:00.000Z',
    revision: 9,
  });

  b.single('meeting', {
    date: '2026-02-03',
    startTime: '14:00',
    endTime: '15:45',
    format: 'in-person',
    venue: 'Riverside House, Room 2',
    chair: 'Martin Lowe (independent chair)',
    // Nine working days before the conference: within the 15-working-day limit.
    strategyDiscussionDate: '2026-01-21',
    scaleDefinition: DEFAULT_SCALE_DEFINITION,
    blindScaling: false,
  });

  const daniel = b.addChild({
    name: 'Daniel Osei',
    dateOfBirth: '2010-06-19',
    gender: 'Male',
    ethnicity: 'Black British (Ghanaian heritage)',
    language: 'English and Twi (both spoken at home)',
    setting: 'Castlegate Academy (Year 11)',
    needs: 'Low mood and poor sleep, known to CAMHS.',
  });

  b.addItem('family', {
    name: 'Grace Osei',
    relationship: 'Mother',
    parentalResponsibility: true,
    attendance: 'present',
  });
  b.addItem('family', {
    name: 'Kofi Osei',
    relationship: 'Father',
    parentalResponsibility: true,
    attendance: 'present',
  });

  b.single('attendance', {
    exclusions: [],
    reportsNotes:
      'The police gave their information verbally at the conference and did not send a written report. Every written report was shared with Grace and Kofi before the conference.',
  });

  b.single('opening', {
    purposeExplained: true,
    confidentialityExplained: true,
    complaintsExplained: true,
    interpreter: 'Not needed: the family chose to use English.',
    notes:
      'The chair confirmed the conference was quorate: children’s social care attended with the police, the youth justice service and Castlegate Academy, all with direct contact with Daniel. The chair agreed with Daniel and his advocate that he would attend the first 30 minutes.',
  });

  b.single('reason', {
    primaryConcern: 'exploitation',
    harmSource: 'outside',
    reasonForConference:
      'Daniel was found 40 miles from home with cash and two mobile phones, and police intelligence links him to a county line. He has had missing episodes, which his parents reported promptly. A strategy discussion on 21/01/2026 started section 47 enquiries. Daniel’s sister Esi, who is 9, lives at home and is not subject to this conference.',
  });

  const score = (n: number) => scale(n, DEFAULT_SCALE_DEFINITION);

  b.addItem('agencies', {
    agency: 'social-care',
    agencyName: 'Children’s social care (adolescent safeguarding team)',
    representative: 'Leah Carter, social worker',
    attendance: 'present',
    directContact: true,
    reportReceived: true,
    reportSharedWithFamily: true,
    reportSharedDate: '2026-01-29',
    informationShared:
      'Leah Carter saw Daniel alone on 27/01/2026. Both parents reported each missing episode promptly and are working with the adolescent safeguarding team. Daniel has been referred to the exploitation panel.',
    worries: 'Daniel is being criminally exploited by people outside the family, who know where he lives and how to contact him.',
    strengths: 'Grace and Kofi are protective: they report missing episodes at once, work with the team and keep Daniel close.',
    specialistTools: items({
      tool: 'exploitation',
      result: 'Criminal exploitation screening: high risk; referred to the exploitation panel',
      date: '2026-01-26',
    }),
    scale: score(4),
    scaleReason: 'The danger is real and outside the home; the parents are doing everything asked of them.',
    recommendations: forChildren({
      [daniel]: {
        recommendation: 'contextual-plan',
        reasons: 'The harm is outside the home and the parents are protective, so a contextual safeguarding plan aimed at the places and people involved fits the risk.',
      },
    }),
    restricted: false,
  });

  const police = b.addItem('agencies', {
    agency: 'police',
    representative: 'PC Ryan Holt, exploitation team',
    attendance: 'present',
    directContact: true,
    reportReceived: false,
    informationShared:
      'Daniel was found 40 miles from home carrying cash and two phones. Police intelligence links him to a county line operating between the two towns.',
    worries: 'Daniel is at serious risk of violence, of carrying weapons and of being arrested while he is used by the line.',
    strengths: 'The parents reported every missing episode quickly, which helped officers find him.',
    scale: score(2),
    scaleReason: 'The line still has contact with Daniel and the risk of serious violence is high.',
    recommendations: forChildren({
      [daniel]: {
        recommendation: 'cp-plan',
        reasons: 'A child protection plan would give stronger multi-agency grip on the risk of exploitation.',
      },
    }),
    restricted: false,
  });

  b.addItem('agencies', {
    agency: 'youth-justice',
    representative: 'Amir Siddiqui, youth justice worker',
    attendance: 'present',
    directContact: true,
    reportReceived: true,
    reportSharedWithFamily: true,
    reportSharedDate: '2026-01-30',
    informationShared: 'Daniel is engaging with the youth justice service on a voluntary basis and keeps his appointments.',
    worries: 'That Daniel is drawn further into offending by the people exploiting him.',
    strengths: 'Daniel turns up and talks openly with his worker.',
    scale: score(4),
    scaleReason: 'Daniel is engaging, but the exploitation has not stopped.',
    recommendations: forChildren({
      [daniel]: { recommendation: 'contextual-plan', reasons: 'The risk is in the community and needs a response aimed there.' },
    }),
    restricted: false,
  });

  b.addItem('agencies', {
    agency: 'education',
    agencyName: 'Castlegate Academy',
    representative: 'Ms Fiona Grant, designated safeguarding lead',
    attendance: 'present',
    directContact: true,
    reportReceived: true,
    reportSharedWithFamily: true,
    reportSharedDate: '2026-01-30',
    informationShared: 'Daniel’s attendance has fallen to 68%. He has asked about moving to a different college course.',
    worries: 'Falling attendance leaves Daniel unsupervised in the day and open to exploitation.',
    strengths: 'Daniel is able when he attends, and has a good relationship with his tutor.',
    scale: score(4),
    scaleReason: 'His parents and the school are working together; his attendance is the worry.',
    recommendations: forChildren({
      [daniel]: { recommendation: 'contextual-plan', reasons: 'A contextual safeguarding plan can include a safe route to the new course.' },
    }),
    restricted: false,
  });

  b.addItem('agencies', {
    agency: 'camhs',
    representative: 'Dr Ruth Ellis, clinical psychologist',
    attendance: 'report-only',
    directContact: true,
    reportReceived: true,
    reportSharedWithFamily: true,
    reportSharedDate: '2026-01-30',
    informationShared: 'Daniel has low mood and problems sleeping; he attends CAMHS appointments.',
    recommendations: forChildren({ [daniel]: { recommendation: 'no-view' } }),
    restricted: false,
  });

  b.forChild('voice', daniel, {
    visits: items({
      date: '2026-01-27',
      seenBy: 'Leah Carter, social worker',
      seenAlone: true,
    }),
    methods: ['conversation', 'advocate'],
    ownWords:
      '“My mum and dad aren’t the problem. If you put me on a plan it’s like saying they did something wrong.” He asked for help to move to a different college course and to change his phone number.',
    conferenceParticipation: 'attended-part',
    advocateOffered: true,
    advocate: 'Jade Morris, independent advocate (offered and accepted); with Daniel for the first 30 minutes',
    informedDecision:
      'Daniel’s view that his parents are protective agrees with every agency’s account and weighed in favour of a contextual safeguarding plan. His requests — a different college course and a new phone number — are actions in the plan.',
    explainToChild:
      'Leah Carter and Jade Morris will meet Daniel after the conference to explain the decision, the plan and the police’s disagreement with it.',
  });

  b.single('familyViews', {
    parentsViews:
      'Grace and Kofi said they are frightened for Daniel and will do whatever is needed. They agreed with Daniel that the danger comes from people outside the family, and asked for help to keep him away from them.',
    responseToDecision: 'Both parents agreed with the contextual safeguarding plan and said they would keep working with Leah Carter.',
  });

  b.single('risk', {
    harm:
      'Daniel was found 40 miles from home with cash and two phones, and is linked to a county line (police). He has had missing episodes (parents, police). His attendance has fallen to 68% (school). He has low mood and problems sleeping (CAMHS).',
    places:
      'The takeaway on Mill Road and the underpass by the retail park, after school and late in the evening (police, youth justice); the train line to the coast, where Daniel was found.',
    peersAssociates:
      'Two older young men known to the police as runners for the line recruited Daniel; a classmate introduced them. His friends from football are a protective group he has drifted away from.',
    missingEpisodes:
      'Three, in December and January, of 6 to 30 hours; each reported by his parents within hours. Return home interviews were offered after all three and Daniel took up two.',
    onlineHarm: 'The line contacted Daniel through a messaging app on a second phone; the police hold the phone.',
    parentsAsPartners:
      'Grace and Kofi report every missing episode at once, check Daniel’s whereabouts, and have agreed to a new phone number. They need from agencies the panel’s disruption of the line and a safe route to a new course.',
    dangerStatements: items(
      {
        statement:
          'The police, social care and the youth justice service are worried that if the people running the county line keep their hold on Daniel, he will be seriously hurt, made to carry weapons or drugs, or arrested.',
        safetyGoal:
          'Daniel has no contact with the line, no missing episodes and a safe daily routine at his new course, shown for three months.',
      },
      {
        statement:
          'The school is worried that if Daniel stays out of education, he will have long unsupervised days in which he can be drawn back in.',
        safetyGoal: 'Daniel attends his new course at least 90% of the time for a full term.',
      },
    ),
    complicatingFactors: 'Daniel’s low mood and poor sleep; the line has his phone number.',
    strengths: 'Both parents are protective and report missing episodes promptly; Daniel engages with youth justice and with his social worker.',
    existingSafety: 'Every missing episode has been reported within hours, throughout the enquiries.',
    greyAreas: 'How strong a hold the line has over Daniel, and whether he owes it money.',
    chairScale: forChildren({
      [daniel]: {
        scale: score(4),
        reason: 'The danger is serious, but it is outside the home and the parents are working hard to protect him.',
      },
    }),
  });

  b.forChild('decision', daniel, {
    limbA: 'yes',
    limbB: 'yes',
    likelySignificantHarm: 'yes',
    outcome: 'contextual-plan',
    rationale: [
      'Daniel has suffered harm through criminal exploitation and further harm is likely: both parts of the test are met.',
      'The harm comes from outside the home. Both parents protect him: they reported every missing episode promptly and work with the adolescent safeguarding team. A child protection plan addresses what parents do or fail to do; here it would aim at the wrong people.',
      'Children’s social care, the youth justice service and Castlegate Academy recommended a contextual safeguarding plan. The police (PC Ryan Holt) recommended a child protection plan for stronger multi-agency grip. The conference weighed that view seriously and answered it in the plan: the exploitation panel gives the police and partners a formal route to disrupt the line, with the same review discipline. The police dissent is recorded and will be escalated.',
      'CAMHS gave information about Daniel’s mood and sleep but no recommendation.',
      'Daniel’s view that his parents are not the problem agrees with every agency’s account and weighed in favour of the contextual plan.',
    ].join('\n\n'),
    sufficientSafeguards:
      'The contextual safeguarding plan targets the places and the peers involved: the exploitation panel will disrupt the county line, and the plan gives Daniel a safe route to a new college course and a new phone number. His parents protect him and will report any missing episode at once. The lead professional is Leah Carter and the plan is reviewed by 03/03/2026, so the conference’s worries are checked within a month.',
    reReferralTriggers:
      'A missing episode of more than 24 hours; evidence that a parent cannot protect Daniel; new intelligence that he has access to weapons. Any of these leads to a strategy discussion and a reconvened conference.',
  });

  b.addItem('dissent', {
    agency: police,
    children: [daniel],
    reasons:
      'The police believe a child protection plan gives stronger multi-agency grip on the risk from the county line than a contextual safeguarding plan.',
    escalation: 'will-escalate',
    escalationDetail:
      'The police designated safeguarding lead will write to the safeguarding manager under the professional resolution process within 5 working days (by 10/02/2026).',
  });

  b.forChild('plan', daniel, {
    lead: 'Leah Carter, social worker (adolescent safeguarding team)',
    forum: 'Northshire exploitation (MACE) panel',
    outcomes:
      'Daniel is safe from the county line: no contact with it, no missing episodes, and a settled place on a new college course with good attendance.',
    actions: items(
      { action: 'Present Daniel’s case to the exploitation panel and agree a disruption plan for the line.', owner: 'Leah Carter with PC Ryan Holt', dueDate: '2026-02-13' },
      { action: 'Arrange a new phone number for Daniel.', owner: 'Grace and Kofi Osei, with Leah Carter', dueDate: '2026-02-06' },
      { action: 'Agree a move to the college course Daniel wants and a safe route to it.', owner: 'Ms Fiona Grant (Castlegate Academy)', dueDate: '2026-02-20' },
      { action: 'Offer Daniel CAMHS support with his sleep and mood.', owner: 'Dr Ruth Ellis (CAMHS)', dueDate: '2026-02-27' },
    ),
    contingency: 'Any re-referral trigger in the decision leads to a strategy discussion the same day and a reconvened conference.',
    reviewDate: '2026-03-03',
    stepDownCriteria:
      'No missing episodes and no new intelligence of contact with the line for three months, with Daniel attending his new course: the plan can then step down to youth justice and early help support.',
  });

  b.addItem('distribution', { recipient: 'Grace and Kofi Osei', documents: ['family-copy', 'decision-letter'], presentFor: 'The whole conference' });
  b.addItem('distribution', {
    recipient: 'Daniel Osei, through Jade Morris',
    documents: ['decision-letter'],
    presentFor: 'The first 30 minutes',
  });
  b.addItem('distribution', {
    recipient: 'Agencies invited (social care, police, youth justice, Castlegate Academy, CAMHS)',
    documents: ['full-minutes', 'actions'],
    presentFor: 'The whole conference (CAMHS sent a report only)',
  });

  return b.build();
}
