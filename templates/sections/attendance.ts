import type { SectionDef } from '../../domain/template/types';
import { SECTION } from '../../domain/template/field-names';

/** Agencies' own attendance and reports are recorded with their contributions; this is the whole. */
export const attendanceSection: SectionDef = {
  id: SECTION.attendance,
  title: 'Attendance, quorum and reports',
  purpose: 'Whether the conference was quorate, who was excluded and why, and which reports the family saw.',
  kind: 'single',
  fields: [
    {
      id: 'agencyAttendance',
      type: 'summary',
      label: 'Agencies’ attendance, as recorded in Agency contributions',
      summary: 'attendance',
    },
    {
      id: 'inquorateReason',
      type: 'longtext',
      label: 'If the conference went ahead without a quorum, why',
      hint: 'Required when it is inquorate. Consider an early review.',
    },
    {
      id: 'exclusions',
      type: 'list',
      label: 'Exclusions',
      itemLabel: 'exclusion',
      fields: [
        { id: 'who', type: 'text', label: 'Who was excluded', required: true },
        {
          id: 'grounds',
          type: 'select',
          label: 'Grounds',
          required: true,
          options: [
            { value: 'violence', label: 'Risk of violence' },
            { value: 'child-welfare', label: 'The child’s welfare' },
            { value: 'police-information', label: 'Confidential police information' },
            { value: 'other', label: 'Other' },
          ],
        },
        { id: 'detail', type: 'longtext', label: 'Detail and how their views were heard', required: true, restricted: true },
      ],
    },
    {
      id: 'reportsNotes',
      type: 'longtext',
      label: 'Reports not shared with the family beforehand, and why',
      hint: 'Each agency’s report is recorded with its contribution; note here anything the family has not seen.',
    },
  ],
};
