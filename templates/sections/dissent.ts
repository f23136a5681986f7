import type { SectionDef } from '../../domain/template/types';
import { SECTION } from '../../domain/template/field-names';

export const dissentSection: SectionDef = {
  id: SECTION.dissent,
  title: 'Dissent',
  purpose: 'Any agency that disagrees with the decision: the precise nature of its disagreement and whether it will escalate.',
  kind: 'list',
  itemLabel: 'dissent',
  fields: [
    { id: 'agency', type: 'select', label: 'Agency', optionsFrom: 'agencies', required: true },
    {
      id: 'children',
      type: 'multiselect',
      label: 'About the decision for',
      optionsFrom: 'children',
      required: true,
    },
    { id: 'reasons', type: 'longtext', label: 'The agency’s reasons', required: true },
    {
      id: 'escalation',
      type: 'select',
      label: 'Escalation',
      required: true,
      options: [
        { value: 'will-escalate', label: 'Will escalate through the professional resolution process' },
        { value: 'not-escalating', label: 'Does not wish to escalate' },
      ],
    },
    {
      id: 'escalationDetail',
      type: 'longtext',
      label: 'How, by whom and by when',
      required: { field: 'escalation', equals: 'will-escalate' },
      visibleWhen: { field: 'escalation', equals: 'will-escalate' },
    },
  ],
};
