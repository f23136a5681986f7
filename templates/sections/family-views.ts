import type { SectionDef } from '../../domain/template/types';
import { SECTION } from '../../domain/template/field-names';

export const familyViewsSection: SectionDef = {
  id: SECTION.familyViews,
  title: 'Family views',
  purpose: 'What the parents, carers and wider family said about the worries, the strengths and what should happen.',
  kind: 'single',
  fields: [
    {
      id: 'viewsByParent',
      type: 'list',
      label: 'Each parent’s or carer’s views',
      hint: 'One entry for each parent or carer, so that one parent’s view is never recorded as both.',
      itemLabel: 'parent or carer',
      fields: [
        { id: 'who', type: 'text', label: 'Parent or carer', required: true },
        {
          id: 'views',
          type: 'longtext',
          label: 'Their views',
          hint: 'In their words where possible: the worries, the strengths, and what should happen.',
          required: true,
        },
        { id: 'disagreements', type: 'longtext', label: 'Where they disagree with agencies’ accounts' },
      ],
    },
    {
      id: 'parentsViews',
      type: 'longtext',
      label: 'Parents’ and carers’ views together',
      hint: 'Where the parents spoke together, or to add to each one’s views. In their words where possible. Note where they disagree with agencies’ accounts.',
      // Either each parent's views or these together: one of the two.
      required: { field: 'viewsByParent', filled: false },
    },
    { id: 'widerFamilyViews', type: 'longtext', label: 'Wider family and supporters’ views' },
    { id: 'responseToDecision', type: 'longtext', label: 'Their response to the decision' },
  ],
};
