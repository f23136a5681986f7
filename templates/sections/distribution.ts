import type { SectionDef } from '../../domain/template/types';
import { SECTION } from '../../domain/template/field-names';

export const distributionSection: SectionDef = {
  id: SECTION.distribution,
  title: 'Distribution',
  purpose: 'Who receives which document. Family copies leave out restricted information.',
  kind: 'list',
  itemLabel: 'recipient',
  fields: [
    { id: 'recipient', type: 'text', label: 'Recipient', required: true },
    {
      id: 'documents',
      type: 'multiselect',
      label: 'Documents',
      required: true,
      options: [
        { value: 'full-minutes', label: 'Full minutes' },
        { value: 'family-copy', label: 'Family copy (restricted information removed)' },
        { value: 'decision-letter', label: 'Decision letter' },
        { value: 'actions', label: 'Actions list' },
      ],
    },
    { id: 'presentFor', type: 'text', label: 'Parts of the meeting they were present for', hint: 'Recipients only get the parts they were present for.' },
  ],
};
