import type { SectionDef } from '../../domain/template/types';
import { SECTION } from '../../domain/template/field-names';

export const planSection: SectionDef = {
  id: SECTION.plan,
  title: 'Plan',
  purpose: 'The child protection plan, or the alternative plan, for each child: who does what by when, and what happens if it fails.',
  kind: 'perChild',
  fields: [
    {
      id: 'lead',
      type: 'text',
      label: 'Lead social worker or lead professional',
      // No further action leaves no plan to lead; early help may have a lead professional.
      required: { any: [{ outcomeIs: 'plan' }, { outcomeIs: 'alternative-plan' }] },
      visibleWhen: { not: { outcomeIs: 'no-further-action' } },
    },
    {
      id: 'forum',
      type: 'text',
      label: 'Forum that oversees the contextual safeguarding plan',
      hint: 'e.g. the exploitation (MACE) panel or the contextual safeguarding meeting, which reviews the places and peers as well as the child.',
      required: { outcomeIs: 'contextual-plan' },
      visibleWhen: { outcomeIs: 'contextual-plan' },
    },
    {
      id: 'outcomes',
      type: 'longtext',
      label: 'What the plan must achieve for the child',
      hint: 'The outcomes, and how much improvement is needed by when.',
      required: { any: [{ outcomeIs: 'plan' }, { outcomeIs: 'alternative-plan' }] },
    },
    {
      id: 'actions',
      type: 'list',
      label: 'Actions',
      itemLabel: 'action',
      minItems: 1,
      visibleWhen: { any: [{ outcomeIs: 'plan' }, { outcomeIs: 'alternative-plan' }] },
      fields: [
        { id: 'action', type: 'longtext', label: 'What', required: true },
        { id: 'owner', type: 'text', label: 'Who', required: true },
        {
          id: 'recurrence',
          type: 'select',
          label: 'How often',
          options: [
            { value: 'once', label: 'Once' },
            { value: 'weekly', label: 'Weekly' },
            { value: 'fortnightly', label: 'Fortnightly' },
            { value: 'monthly', label: 'Monthly' },
          ],
        },
        {
          id: 'dueDate',
          type: 'date',
          label: 'By when',
          required: true,
          variants: [{ when: { field: 'recurrence', in: ['weekly', 'fortnightly', 'monthly'] }, label: 'First by' }],
        },
      ],
    },
    {
      id: 'contingency',
      type: 'longtext',
      label: 'Contingency plan',
      hint: 'What will happen if the plan is not followed or the risk rises.',
      required: { outcomeIs: 'plan' },
      visibleWhen: { any: [{ outcomeIs: 'plan' }, { outcomeIs: 'alternative-plan' }] },
    },
    {
      id: 'coreGroup',
      type: 'longtext',
      label: 'Core group members',
      required: { outcomeIs: 'plan' },
      visibleWhen: { outcomeIs: 'plan' },
    },
    {
      id: 'firstCoreGroupDate',
      type: 'date',
      label: 'First core group meeting by',
      hint: 'Within 10 working days of the conference, for a child whose plan starts here.',
      // A plan starts for every child new to conference, at a review too (a newborn sibling).
      required: { all: [{ outcomeIs: 'plan' }, { childStatus: 'new' }] },
      visibleWhen: { outcomeIs: 'plan' },
    },
    {
      id: 'reviewDate',
      type: 'date',
      label: 'Review by',
      hint: 'A first review conference within 3 months; later ones within 6 months. For another plan, its own review.',
      variants: [
        {
          when: { childStatus: 'unborn' },
          hint: 'Within 3 months, and a review soon after the birth (within 20 working days of it by default; the date is shown with the baby in Children).',
        },
      ],
      required: { any: [{ outcomeIs: 'plan' }, { outcomeIs: 'alternative-plan' }] },
    },
    {
      id: 'birthPlan',
      type: 'longtext',
      label: 'Birth plan',
      hint: 'Who tells whom of the labour and birth, and how; where the baby and parents go after the birth and who may visit; contact; what happens if the plan is not followed. Shared with the maternity safeguarding team.',
      required: { all: [{ childStatus: 'unborn' }, { any: [{ outcomeIs: 'plan' }, { outcomeIs: 'alternative-plan' }] }] },
      visibleWhen: { childStatus: 'unborn' },
    },
    {
      id: 'stepDownCriteria',
      type: 'longtext',
      label: 'When the plan can step down',
      required: { outcomeIs: 'alternative-plan' },
      visibleWhen: { outcomeIs: 'alternative-plan' },
    },
  ],
};
