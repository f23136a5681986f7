import { REVIEW_TYPES } from '../../domain/record/conference';
import type { Condition, SectionDef } from '../../domain/template/types';
import { CATEGORIES } from '../../domain/decision/outcomes';
import { SECTION } from '../../domain/template/field-names';

const YES_OR_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** A child found likely to suffer significant harm who is not given a plan. */
const atRiskWithoutPlan: Condition = {
  all: [{ field: 'likelySignificantHarm', equals: 'yes' }, { outcomeIs: 'non-plan' }],
};

const UNBORN: Condition = { childStatus: 'unborn' };
const ON_PLAN: Condition = { childStatus: 'on-plan' };
/** A child first considered for a plan at a review (a newborn, or a sibling). */
const NEW_AT_REVIEW: Condition = { all: [{ childStatus: 'new' }, { conferenceType: REVIEW_TYPES }] };

export const decisionSection: SectionDef = {
  id: SECTION.decision,
  title: 'Decision for each child',
  purpose:
    'The chair’s decision for each child on the views of all agencies, with a rationale a reader can follow from the risk analysis to the plan.',
  kind: 'perChild',
  fields: [
    {
      id: 'limbA',
      type: 'select',
      label: 'Has the child suffered ill-treatment or impaired health or development, with further harm likely?',
      hint: 'The first limb of the test: harm from physical, emotional or sexual abuse or neglect, and more is likely.',
      options: YES_OR_NO,
      required: true,
      // An unborn baby cannot yet have suffered harm as a child: only the second limb applies.
      visibleWhen: { not: UNBORN },
      variants: [
        {
          when: ON_PLAN,
          hint: 'The first limb of the test, asked again at a review: has harm continued, or happened since the plan began, with more likely?',
        },
      ],
    },
    {
      id: 'limbB',
      type: 'select',
      label: 'Is it the professional judgement, backed by the enquiries or research, that such harm is likely?',
      hint: 'The second limb: harm is likely even if it has not yet happened.',
      options: YES_OR_NO,
      required: true,
      variants: [
        {
          when: UNBORN,
          label: 'Is it the professional judgement, backed by the assessment, that the baby is likely to suffer significant harm after birth?',
          hint: 'For an unborn baby this is the test: harm likely once the baby is born.',
        },
      ],
    },
    {
      id: 'likelySignificantHarm',
      type: 'select',
      label: 'Is the child likely to suffer significant harm?',
      options: YES_OR_NO,
      required: true,
      variants: [
        { when: UNBORN, label: 'Is the baby likely to suffer significant harm after birth?' },
        {
          when: ON_PLAN,
          label: 'Is the child still likely to suffer significant harm?',
          hint: 'The child is already subject to a plan. If harm is no longer likely, the plan ends.',
        },
      ],
    },
    {
      id: 'outcome',
      type: 'select',
      label: 'Outcome',
      optionsFrom: 'outcomes',
      required: true,
      variants: [
        {
          when: ON_PLAN,
          hint: 'The child is already subject to a child protection plan: continue it, or end it and say what follows.',
        },
        {
          when: NEW_AT_REVIEW,
          hint: 'This child is new to conference (see Children): the decision is whether to make a child protection plan.',
        },
      ],
    },
    {
      id: 'categories',
      type: 'multiselect',
      label: 'Category of the plan',
      hint: 'Choose each that applies.',
      options: CATEGORIES,
      required: { outcomeIs: 'plan' },
      visibleWhen: { outcomeIs: 'plan' },
    },
    {
      id: 'endReason',
      type: 'select',
      label: 'Why the plan ends',
      options: [
        { value: 'no-longer-at-risk', label: 'No longer likely to suffer significant harm' },
        { value: 'moved', label: 'Moved permanently to another local authority' },
        { value: 'turned-18', label: 'Turned 18' },
        { value: 'left-uk', label: 'Left the UK' },
        { value: 'died', label: 'Died' },
      ],
      required: { outcomeIs: 'ends-plan' },
      visibleWhen: { outcomeIs: 'ends-plan' },
    },
    {
      id: 'rationale',
      type: 'longtext',
      label: 'Rationale',
      hint: 'Why this decision: how the risk analysis and the agencies’ views were weighed, and how the child’s views counted. Each view that differs from the decision is weighed below.',
      required: true,
    },
    {
      id: 'familyRationale',
      type: 'longtext',
      label: 'Rationale for the family',
      hint: 'Needed when the rationale relies on restricted information (marked restricted, or heard in a closed part): the same reasons without it. The family copy and the decision letter use this version instead; the full minutes keep the rationale.',
    },
    {
      id: 'weighings',
      type: 'list',
      label: 'How each differing view was weighed',
      hint: 'For each agency whose recommendation differs from this decision (the collation shows which): what their view was and why the decision differs, in a few sentences of your own. An agency that wants its disagreement recorded goes under Dissent instead.',
      itemLabel: 'weighing',
      visibleWhen: { viewsDiffer: true },
      fields: [
        { id: 'agency', type: 'select', label: 'Agency', optionsFrom: 'agencies', required: true },
        {
          id: 'weighing',
          type: 'longtext',
          label: 'How their view was weighed',
          hint: 'At least five words besides the agency’s name: “noted” is not a weighing.',
          required: true,
        },
      ],
    },
    {
      id: 'sufficientSafeguards',
      type: 'longtext',
      label: 'Why the alternative plan gives sufficient safeguards',
      hint: 'A child at continuing risk gets a child protection plan unless the conference is satisfied that another multi-agency plan keeps them safe. Say why it does. The plan’s lead and first review date are recorded in the Plan section.',
      required: atRiskWithoutPlan,
      visibleWhen: atRiskWithoutPlan,
    },
    {
      id: 'reReferralTriggers',
      type: 'longtext',
      label: 'What would lead to a re-referral or a reconvened conference',
      hint: 'Concrete events, e.g. a missing episode of more than 24 hours.',
      required: atRiskWithoutPlan,
      visibleWhen: { outcomeIs: 'non-plan' },
    },
  ],
};
