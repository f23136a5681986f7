import { CLOSED_PARTS_FIELD, MARKS_FIELD, RESTRICTED_SECTION } from '../../domain/restricted/marks';
import type { SectionDef } from '../../domain/template/types';

/**
 * Restricted information: the closed parts of the meeting, and the marks the chair puts on
 * any long answer elsewhere (kept here, not beside each answer: see domain/restricted/marks.ts).
 */
export const restrictedSection: SectionDef = {
  id: RESTRICTED_SECTION,
  title: 'Restricted information',
  purpose:
    'Closed parts of the meeting and who was present for them. Any long answer in the minutes can be marked restricted where it is written; restricted information is left out of the family copy.',
  kind: 'single',
  fields: [
    {
      id: MARKS_FIELD,
      type: 'list',
      label: 'Answers marked restricted',
      itemLabel: 'mark',
      // Never shown as a form or printed: it is set by the "restricted" tick beside each long answer.
      visibleWhen: { conferenceType: [] },
      fields: [
        { id: 'section', type: 'text', label: 'Section' },
        { id: 'field', type: 'text', label: 'Field' },
        { id: 'childId', type: 'text', label: 'Child' },
        { id: 'itemId', type: 'text', label: 'Item' },
        { id: 'subItemId', type: 'text', label: 'Item within the item' },
      ],
    },
    {
      id: CLOSED_PARTS_FIELD,
      type: 'list',
      label: 'Closed parts of the meeting',
      hint: 'A part of the meeting held without the family (or others), e.g. to hear confidential police information. Who was present is shared; what was said is not.',
      itemLabel: 'closed part',
      fields: [
        { id: 'topic', type: 'text', label: 'What the closed part was for', hint: 'e.g. Confidential police information, 10:40 to 10:55', required: true },
        { id: 'present', type: 'longtext', label: 'Who was present for it', required: true },
        { id: 'excluded', type: 'longtext', label: 'Who was asked to leave, and why', required: true },
        {
          id: 'shared',
          type: 'longtext',
          label: 'What was shared in the closed part',
          required: true,
          restricted: true,
        },
      ],
    },
  ],
};
