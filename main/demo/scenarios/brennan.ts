import type { ConferenceRecord } from '../../../domain/record/conference';
import { forChildren, items, RecordBuilder, scale } from '../record-builder';

/**
 * Brennan — first review child protection conference (fictional; every name is invented).
 *
 * One four-year-old on a plan for neglect. Every agency has seen sustained change, the plan
 * ends and steps down to a child in need plan. The review is a day late, and the record
 * says why. Scores are given on the same scale as at the initial conference so that the
 * change can be read; the scores then are in each agency's reason.
 */

const SCALE = '0 = Ava is not safe in her mother’s care; 10 = there is enough safety for the case to close.';

export function brennanRecord(): ConferenceRecord {
  const b = new RecordBuilder('review', {
    createdAt: '2026-03-11T09:20:00.000Z',
    updatedAt: '2026-03-11T12:10:00.000Z',
    revision: 7,
  });

  b.single('meeting', {
    date: '2026-03-11',
    startTime: '09:30',
    endTime: '10:45',
    format: 'video',
    chair: 'Priya Natarajan (independent chair)',
    previousConferenceDate: '2025-12-10',
    previousConferenceType: 'initial',
    // The first review was due by 10/03/2026, three months after the initial conference.
    lateReason:
      'One day late. The chair was ill on 10/03/2026, the day the review was due; the family and the agencies agreed to hold it the next day rather than change chair at short notice.',
    scaleDefinition: SCALE,
    blindScaling: false,
  });

  const ava = b.addChild({
    name: 'Ava Brennan',
    planStatus: 'on-plan',
    caseNumber: 'NS-204417',
    dateOfBirth: '2022-02-27',
    gender: 'Female',
    language: 'English',
    setting: 'Little Acorns Nursery',
  });

  b.addItem('family', {
    name: 'Shannon Brennan',
    relationship: 'Mother',
    parentalResponsibility: true,
    attendance: 'present',
  });

  b.single('attendance', {
    exclusions: [],
    reportsNotes: 'None: every report was shared with Shannon before the conference.',
  });

  b.single('opening', {
    purposeExplained: true,
    confidentialityExplained: true,
    complaintsExplained: true,
    notes:
      'The chair explained why the review was a day late. The conference was quorate: children’s social care attended with the health visiting service, Little Acorns Nursery and the substance misuse service, all with direct contact with Ava or her mother.',
  });

  b.single('reason', {
    progressSinceLast:
      'Ava was made subject to a child protection plan for neglect at the initial conference on 10/12/2025. Over the three months since, every agency has seen sustained change: Ava attends nursery 96% of the time and arrives clean, fed and dressed for the weather; the Graded Care Profile 2 grade has improved from 4 to 2; Shannon has engaged with the substance misuse service and has had ten weeks of negative tests. Home conditions have improved but the follow-up is not yet complete.',
    previousPlanActions: items(
      {
        action: 'Shannon to engage with the substance misuse service and take regular tests.',
        status: 'met',
        evidence: 'Substance misuse service: engaged throughout; ten weeks of negative tests.',
      },
      {
        action: 'Ava to attend nursery every day she is booked in.',
        status: 'met',
        evidence: 'Little Acorns Nursery: attendance 96%; Ava arrives clean, fed and dressed for the weather.',
      },
      {
        action: 'Health visitor to repeat the Graded Care Profile 2 before the review.',
        status: 'met',
        evidence: 'Health visiting: repeated on 02/03/2026; overall grade 2, from 4.',
      },
      {
        action: 'Social worker to follow up home conditions with Shannon.',
        status: 'partly-met',
        evidence: 'Children’s social care: conditions have improved at each visit, but the follow-up of the kitchen and Ava’s bedroom is not finished.',
      },
    ),
  });

  const score = (n: number) => scale(n, SCALE);

  b.addItem('agencies', {
    agency: 'social-care',
    representative: 'Joel Marsh, social worker',
    attendance: 'present',
    directContact: true,
    reportReceived: true,
    reportSharedWithFamily: true,
    reportSharedDate: '2026-03-04',
    informationShared:
      'Visits every two weeks, announced and unannounced, have found Ava well cared for. Home conditions are better but not yet consistent.',
    worries: 'Home conditions could slip back without continued support.',
    strengths: 'Shannon has made and kept the changes asked of her for three months.',
    scale: score(7),
    scaleReason: '3 at the initial conference; 7 now, because the changes have lasted three months.',
    recommendations: forChildren({
      [ava]: { recommendation: 'end-plan-cin', reasons: 'Sustained change; the remaining need, home conditions, can be met by a child in need plan.' },
    }),
    restricted: false,
  });

  b.addItem('agencies', {
    agency: 'health-visiting',
    representative: 'Anita Shah, health visitor',
    attendance: 'present',
    directContact: true,
    reportReceived: true,
    reportSharedWithFamily: true,
    reportSharedDate: '2026-03-04',
    informationShared: 'The Graded Care Profile 2 overall grade has improved from 4 to 2. Ava’s development is on track.',
    strengths: 'Shannon responds to Ava’s needs and keeps health appointments.',
    specialistTools: items(
      { tool: 'gcp2', result: 'Overall grade 4', date: '2025-11-28' },
      { tool: 'gcp2', result: 'Overall grade 2', date: '2026-03-02' },
    ),
    scale: score(7),
    scaleReason: '3 at the initial conference; 7 now, in line with the improved GCP2 grade.',
    recommendations: forChildren({
      [ava]: { recommendation: 'end-plan-cin', reasons: 'The Graded Care Profile 2 overall grade has improved from 4 to 2.' },
    }),
    restricted: false,
  });

  b.addItem('agencies', {
    agency: 'early-years',
    agencyName: 'Little Acorns Nursery',
    representative: 'Beth Taylor, Ava’s key worker',
    attendance: 'present',
    directContact: true,
    reportReceived: true,
    reportSharedWithFamily: true,
    reportSharedDate: '2026-03-04',
    informationShared: 'Attendance 96%. Ava arrives clean, fed and dressed for the weather, and is settled and chatty.',
    strengths: 'Ava is happy at nursery and Shannon talks openly with staff.',
    scale: score(8),
    scaleReason: '4 at the initial conference; 8 now: nursery sees Ava every day and the change has been consistent.',
    recommendations: forChildren({
      [ava]: { recommendation: 'end-plan-cin', reasons: 'Attendance 96% and Ava consistently well cared for.' },
    }),
    restricted: false,
  });

  b.addItem('agencies', {
    agency: 'substance-misuse',
    representative: 'Owen Price, recovery worker',
    attendance: 'present',
    directContact: false,
    reportReceived: true,
    reportSharedWithFamily: true,
    reportSharedDate: '2026-03-04',
    informationShared: 'Shannon has engaged fully and has had ten weeks of negative tests.',
    strengths: 'Shannon’s engagement and honesty about her recovery.',
    specialistTools: items({ tool: 'other', result: 'Ten consecutive weeks of negative drug tests', date: '2026-03-09' }),
    scale: score(7),
    scaleReason: '3 at the initial conference; 7 now, on the strength of ten weeks of negative tests.',
    recommendations: forChildren({
      [ava]: { recommendation: 'end-plan-cin', reasons: 'Shannon is engaged and her tests have been negative for ten weeks.' },
    }),
    restricted: false,
  });

  b.forChild('voice', ava, {
    visits: items({
      date: '2026-03-04',
      seenBy: 'Joel Marsh, social worker',
      seenAlone: false,
      whoPresent: 'Her mother, Shannon: Ava would not separate from her.',
      where: 'At home',
    }),
    methods: ['conversation', 'observation'],
    ownWords: '“Mummy reads me the bear book every night.”',
    observations: 'Her nursery key worker describes Ava as settled and chatty.',
    conferenceParticipation: 'too-young',
    informedDecision:
      'Ava’s words about her bedtime story show a settled routine with her mother, in line with what every agency has seen, and supported ending the plan.',
    explainToChild: 'Shannon will tell Ava, with Joel Marsh’s help, in words suited to a four-year-old.',
  });

  b.single('familyViews', {
    parentsViews:
      'Shannon said the plan had helped her turn things round and that she wants to keep working with the social worker on the house.',
    responseToDecision: 'Shannon welcomed the decision and agreed to the child in need plan.',
  });

  b.single('risk', {
    harm:
      'Before the initial conference Ava was neglected: she was often hungry, not clean and not dressed for the weather, while her mother was misusing substances (initial conference; health visiting; nursery).',
    dangerStatements: items({
      statement:
        'Social care and health visiting are worried that if Shannon’s substance use returns and home conditions slip, Ava will again be hungry, unclean and unsafe at home.',
      safetyGoal: 'Shannon keeps Ava fed, clean and safe in a home in good condition, with no return to substance use, shown for a further three months.',
    }),
    complicatingFactors: 'Home conditions have improved but are not yet consistent.',
    strengths: 'Shannon’s recovery, her routines with Ava, and Ava’s good attendance at nursery.',
    existingSafety: 'Three months of sustained change evidenced by every agency: negative tests for ten weeks, GCP2 grade 2, nursery attendance 96%.',
    greyAreas: 'Whether home conditions will hold without the structure of a plan.',
    chairScale: forChildren({
      [ava]: { scale: score(7), reason: 'Sustained change over three months; home conditions are the remaining need.' },
    }),
  });

  b.forChild('decision', ava, {
    limbA: 'no',
    limbB: 'no',
    likelySignificantHarm: 'no',
    outcome: 'end-plan-cin',
    endReason: 'no-longer-at-risk',
    rationale:
      'Ava is no longer likely to suffer significant harm. The change has lasted three months and is evidenced by every agency and by the improvement in the Graded Care Profile 2 from grade 4 to grade 2. All four agencies recommended ending the plan with a child in need plan, and their scores rose from 3 or 4 to 7 or 8. The remaining need, home conditions, is met by the child in need plan. Ava’s own words about her bedtime story fit what the agencies see.',
    reReferralTriggers:
      'A return to substance use, a positive test, a fall in nursery attendance or home conditions slipping: the lead social worker would then consider a strategy discussion.',
  });

  b.emptyList('dissent');

  b.forChild('plan', ava, {
    lead: 'Joel Marsh, social worker (as before)',
    outcomes: 'Home conditions are good and stay good, and the changes Shannon has made continue.',
    actions: items(
      { action: 'Finish the home-conditions follow-up with Shannon.', owner: 'Joel Marsh', dueDate: '2026-04-08' },
      { action: 'Continue testing and recovery support.', owner: 'Owen Price (substance misuse service)', dueDate: '2026-04-22' },
      { action: 'Tell the social worker the same day of any fall in attendance or in Ava’s presentation.', owner: 'Beth Taylor (Little Acorns Nursery)', dueDate: '2026-04-22' },
    ),
    contingency: 'If Shannon’s substance use returns or home conditions slip, the lead social worker will consider a strategy discussion.',
    reviewDate: '2026-04-22',
    stepDownCriteria: 'Step down to early help when home conditions have been kept up for three months.',
  });

  b.addItem('distribution', { recipient: 'Shannon Brennan', documents: ['family-copy', 'decision-letter'], presentFor: 'The whole conference' });
  b.addItem('distribution', {
    recipient: 'Agencies invited (social care, health visiting, Little Acorns Nursery, substance misuse service)',
    documents: ['full-minutes', 'actions'],
    presentFor: 'The whole conference',
  });

  return b.build();
}
