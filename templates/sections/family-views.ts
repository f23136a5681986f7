import type { SectionDef } from '../../domain/template/types';

export const familyViewsSection: SectionDef = {
  id: 'familyViews',
  title: 'Family views',
  purpose: 'What the parents, carers and wider family said about the worries, the strengths and what should happen.',
  kind: 'single',
  fields: [
    {
      id: 'parentsViews',
      type: 'longtext',
      label: 'Parents’ and carers’ views',
      hint: 'In their words where possible. Note where they disagree with agencies’ accounts.',
      required: true,
    },
    { id: 'widerFamilyViews', type: 'longtext', label: 'Wider family and supporters’ views' },
    { id: 'responseToDecision', type: 'longtext', label: 'Their response to the decision' },
  ],
};
