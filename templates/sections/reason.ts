import { REVIEW_TYPES } from '../../domain/record/conference';
import type { Condition, SectionDef } from '../../domain/template/types';
import { REASON, SECTION } from '../../domain/template/field-names';

export const HARM_SOURCES = [
  { value: 'family', label: 'Within the family or household' },
  { value: 'outside', label: 'Outside the family (extra-familial harm)' },
  { value: 'both', label: 'Both within and outside the family' },
] as const;

/**
 * The primary concern, as councils record it for a conference and report it to the
 * Department for Education: the one concern that most brought the children here. Asked from
 * template 5; older records are "Not recorded" in the audit, never guessed from other answers.
 */
export const PRIMARY_CONCERNS = [
  { value: 'neglect', label: 'Neglect' },
  { value: 'domestic-abuse', label: 'Domestic abuse' },
  { value: 'parental-mental-health', label: 'Parental mental health' },
  { value: 'parental-substance-misuse', label: 'Parental substance misuse' },
  { value: 'sexual-abuse', label: 'Sexual abuse' },
  { value: 'physical-abuse', label: 'Physical abuse' },
  { value: 'emotional-abuse', label: 'Emotional abuse' },
  { value: 'exploitation', label: 'Child sexual or criminal exploitation' },
  { value: 'other', label: 'Other' },
] as const;

/** The conference is (also) about harm outside the family. */
export const EXTRA_FAMILIAL: Condition = { section: 'reason', field: 'harmSource', in: ['outside', 'both'] };


export const reasonSection: SectionDef = {
  id: SECTION.reason,
  title: 'Reason for the conference or progress since the last',
  purpose: 'Why the children are here today: the enquiries that led to an initial conference, or how the plan has gone since the last one.',
  kind: 'single',
  fields: [
    {
      id: REASON.primaryConcern,
      type: 'select',
      label: 'Primary concern',
      hint: 'The one concern that most brought the children here, as your council records it. Several may apply: choose the main one, and say the rest in the reason below.',
      options: PRIMARY_CONCERNS,
    },
    {
      id: REASON.harmSource,
      type: 'select',
      label: 'Where the harm comes from',
      hint: 'Harm outside the family (exploitation, harm from peers, online harm) changes the risk analysis: the places and people around the child, and the parents as partners in protecting them.',
      options: HARM_SOURCES,
    },
    {
      id: 'reasonForConference',
      type: 'longtext',
      label: 'Reason for the conference',
      hint: 'The concerns and the section 47 enquiries that led to it, in brief.',
      required: { not: { conferenceType: REVIEW_TYPES } },
      visibleWhen: { not: { conferenceType: REVIEW_TYPES } },
    },
    {
      id: 'progressSinceLast',
      type: 'longtext',
      label: 'Progress since the last conference',
      hint: 'What has changed for the children, and how we know.',
      required: { conferenceType: REVIEW_TYPES },
      visibleWhen: { conferenceType: REVIEW_TYPES },
    },
    {
      id: 'previousPlanActions',
      type: 'list',
      label: 'Progress against the previous plan',
      itemLabel: 'action',
      visibleWhen: { conferenceType: REVIEW_TYPES },
      minItems: 1,
      fields: [
        { id: 'action', type: 'text', label: 'Action from the plan', required: true },
        {
          id: 'status',
          type: 'select',
          label: 'Progress',
          required: true,
          options: [
            { value: 'met', label: 'Met' },
            { value: 'partly-met', label: 'Partly met' },
            { value: 'not-met', label: 'Not met' },
          ],
        },
        { id: 'evidence', type: 'longtext', label: 'Evidence', hint: 'What shows it, and who says so.' },
      ],
    },
  ],
};
