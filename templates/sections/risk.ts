import type { SectionDef } from '../../domain/template/types';
import { EXTRA_FAMILIAL } from './reason';
import { SECTION } from '../../domain/template/field-names';

/** Signs of Safety: what are we worried about, what is working well, what needs to happen. */
export const riskSection: SectionDef = {
  id: SECTION.risk,
  title: 'Risk analysis',
  purpose:
    'The agencies’ views brought together: what has happened, what is likely if nothing changes, what is working well, and what must happen.',
  kind: 'single',
  fields: [
    {
      id: 'harm',
      type: 'longtext',
      label: 'Harm',
      hint: 'What has happened to the children, and its impact. Facts, with their source.',
      required: true,
    },
    {
      id: 'dangerStatements',
      type: 'list',
      label: 'Danger statements and safety goals',
      itemLabel: 'danger statement',
      minItems: 1,
      fields: [
        {
          id: 'statement',
          type: 'longtext',
          label: 'Danger statement',
          hint: 'Who is worried, about what the adults might do, and the impact on the child if nothing changes. Plain words the family can understand. About three at most.',
          required: true,
          variants: [
            {
              when: EXTRA_FAMILIAL,
              hint: 'Who is worried, about what might happen to the child outside the family (the places, the people, online), and the impact if nothing changes. The parents are partners in keeping the child safe, not the source of this danger. Plain words; about three at most.',
            },
          ],
        },
        {
          id: 'safetyGoal',
          type: 'longtext',
          label: 'Safety goal',
          hint: 'What everyone needs to see the adults doing, instead, and for how long, to be confident the child is safe.',
          required: true,
        },
        {
          id: 'scale',
          type: 'scale',
          label: 'Safety scale for this danger statement',
          hint: 'Optional: where the conference would place the safety against this danger alone, beside the overall score for each child.',
        },
      ],
    },
    {
      id: 'places',
      type: 'longtext',
      label: 'Places and spaces where the child is at risk',
      hint: 'e.g. a park, a takeaway, a stairwell, a route to school; who is there and when.',
      required: EXTRA_FAMILIAL,
      visibleWhen: EXTRA_FAMILIAL,
    },
    {
      id: 'peersAssociates',
      type: 'longtext',
      label: 'Peers and associates',
      hint: 'Who the child spends time with, who exploits or harms them, and who keeps them safe. Name others only as the restricted-information rules allow.',
      required: EXTRA_FAMILIAL,
      visibleWhen: EXTRA_FAMILIAL,
    },
    {
      id: 'missingEpisodes',
      type: 'longtext',
      label: 'Missing episodes',
      hint: 'When, for how long, where the child was found, and whether a return home interview was offered and taken up.',
      visibleWhen: EXTRA_FAMILIAL,
    },
    {
      id: 'onlineHarm',
      type: 'longtext',
      label: 'Online harm',
      hint: 'Contact, grooming, sharing of images, or recruitment through phones, apps or games.',
      visibleWhen: EXTRA_FAMILIAL,
    },
    {
      id: 'parentsAsPartners',
      type: 'longtext',
      label: 'The parents as partners in protection',
      hint: 'What the parents or carers do to keep the child safe, and what they need from agencies to do more. They are not the source of this harm.',
      required: EXTRA_FAMILIAL,
      visibleWhen: EXTRA_FAMILIAL,
    },
    { id: 'complicatingFactors', type: 'longtext', label: 'Complicating factors', hint: 'What makes the situation harder to change, but is not itself harm.' },
    { id: 'strengths', type: 'longtext', label: 'Existing strengths', required: true },
    {
      id: 'existingSafety',
      type: 'longtext',
      label: 'Existing safety',
      hint: 'Strengths shown over time that protect the child from the dangers. Say for how long.',
    },
    { id: 'greyAreas', type: 'longtext', label: 'Grey areas', hint: 'What is not known, or disputed.' },
    {
      id: 'chairScale',
      type: 'perChild',
      label: 'The chair’s safety scale for each child',
      fields: [
        { id: 'scale', type: 'scale', label: 'Score', required: true },
        { id: 'reason', type: 'longtext', label: 'Why that score', required: true },
      ],
    },
  ],
};
