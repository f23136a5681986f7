import { PRE_BIRTH_TYPES } from '../../domain/record/conference';
import type { Condition, SectionDef } from '../../domain/template/types';

/** Only a pre-birth conference asks whether a child is born, so only there can the answer count. */
const UNBORN: Condition = { all: [{ conferenceType: PRE_BIRTH_TYPES }, { field: 'bornStatus', equals: 'unborn' }] };

export const childrenSection: SectionDef = {
  id: 'children',
  title: 'Children',
  purpose: 'Every child in the household the conference is about. Each child gets their own decision.',
  kind: 'list',
  itemLabel: 'child',
  minItems: 1,
  fields: [
    { id: 'name', type: 'text', label: 'Name', required: true, maxLength: 500 },
    {
      id: 'bornStatus',
      type: 'select',
      label: 'Born or unborn',
      options: [
        { value: 'born', label: 'Born' },
        { value: 'unborn', label: 'Unborn' },
      ],
      required: { conferenceType: PRE_BIRTH_TYPES },
      visibleWhen: { conferenceType: PRE_BIRTH_TYPES },
    },
    {
      id: 'dateOfBirth',
      type: 'date',
      label: 'Date of birth',
      required: { not: UNBORN },
      visibleWhen: { not: UNBORN },
      notAfterConference: true,
    },
    {
      id: 'expectedDeliveryDate',
      type: 'date',
      label: 'Expected date of delivery',
      required: UNBORN,
      visibleWhen: UNBORN,
    },
    { id: 'gender', type: 'text', label: 'Gender' },
    { id: 'ethnicity', type: 'text', label: 'Ethnicity' },
    { id: 'language', type: 'text', label: 'First language(s)' },
    { id: 'setting', type: 'text', label: 'School, nursery or early years setting' },
    {
      id: 'needs',
      type: 'longtext',
      label: 'Disability, health or communication needs',
      hint: 'Anything the conference and the plan must take into account.',
    },
  ],
};
