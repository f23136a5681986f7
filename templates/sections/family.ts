import type { SectionDef } from '../../domain/template/types';
import { SECTION } from '../../domain/template/field-names';

export const familySection: SectionDef = {
  id: SECTION.family,
  title: 'Family',
  purpose: 'Parents, carers and other family members, and how they took part.',
  kind: 'list',
  itemLabel: 'family member',
  fields: [
    { id: 'name', type: 'text', label: 'Name', required: true },
    { id: 'relationship', type: 'text', label: 'Relationship to the children', required: true },
    { id: 'parentalResponsibility', type: 'yesno', label: 'Has parental responsibility' },
    {
      id: 'inHousehold',
      type: 'yesno',
      label: 'Lives in the household',
      hint: 'Include household members who are not subjects of the conference, such as an older brother or a lodger, with their age in the relationship.',
    },
    {
      id: 'attendance',
      type: 'select',
      label: 'Attendance',
      required: true,
      options: [
        { value: 'present', label: 'Present' },
        { value: 'part', label: 'Part of the meeting' },
        { value: 'separately', label: 'Attended separately' },
        { value: 'apologies', label: 'Apologies' },
        { value: 'did-not-attend', label: 'Did not attend' },
        { value: 'not-invited', label: 'Not invited (e.g. a child not subject to the conference)' },
        { value: 'excluded', label: 'Excluded' },
      ],
    },
    {
      id: 'attendanceNotes',
      type: 'longtext',
      label: 'Arrangements and reasons',
      hint: 'e.g. attended separately because of domestic abuse; supporter or interpreter present; grounds for exclusion.',
      required: { field: 'attendance', in: ['separately', 'excluded', 'part'] },
    },
  ],
};
