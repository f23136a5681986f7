import type { SectionDef } from '../../domain/template/types';
import { SECTION } from '../../domain/template/field-names';

export const openingSection: SectionDef = {
  id: SECTION.opening,
  title: 'Opening statements',
  purpose: 'What the chair explained at the start, so the family knew what the meeting was for.',
  kind: 'single',
  fields: [
    { id: 'purposeExplained', type: 'yesno', label: 'The purpose of the conference and the decision it must make were explained', required: true },
    { id: 'confidentialityExplained', type: 'yesno', label: 'Confidentiality and information sharing were explained', required: true },
    { id: 'complaintsExplained', type: 'yesno', label: 'The family were told how to complain about the conference', required: true },
    { id: 'interpreter', type: 'text', label: 'Interpreter or communication support used' },
    { id: 'notes', type: 'longtext', label: 'Other points from the opening' },
  ],
};
