import type { SectionDef } from '../../domain/template/types';

/** Signs of Safety: what are we worried about, what is working well, what needs to happen. */
export const riskSection: SectionDef = {
  id: 'risk',
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
        },
        {
          id: 'safetyGoal',
          type: 'longtext',
          label: 'Safety goal',
          hint: 'What everyone needs to see the adults doing, instead, and for how long, to be confident the child is safe.',
          required: true,
        },
      ],
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
