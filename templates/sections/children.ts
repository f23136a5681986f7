import { PLAN_STATUS_FIELD, PLAN_STATUS_OPTIONS } from '../../domain/decision/child-status';
import { PRE_BIRTH_TYPES, REVIEW_TYPES } from '../../domain/record/conference';
import type { Condition, SectionDef } from '../../domain/template/types';
import { SECTION } from '../../domain/template/field-names';

/** Only a pre-birth conference asks whether a child is born, so only there can the answer count. */
export const UNBORN_ITEM: Condition = { all: [{ conferenceType: PRE_BIRTH_TYPES }, { field: 'bornStatus', equals: 'unborn' }] };

export const childrenSection: SectionDef = {
  id: SECTION.children,
  title: 'Children',
  purpose: 'Every child in the household the conference is about. Each child gets their own decision.',
  kind: 'list',
  itemLabel: 'child',
  minItems: 1,
  fields: [
    {
      id: 'name',
      type: 'text',
      label: 'Name',
      required: { not: UNBORN_ITEM },
      maxLength: 500,
      variants: [
        {
          when: UNBORN_ITEM,
          label: 'Name, if you want to give one',
          hint: 'An unborn baby need not be named. You may write, for example, “Unborn baby of Jade Osei”; left blank, the baby is called “Unborn baby”.',
        },
      ],
    },
    {
      id: 'bornStatus',
      type: 'select',
      label: 'Born or unborn',
      options: [
        { value: 'born', label: 'Born' },
        { value: 'unborn', label: 'Unborn' },
      ],
      // A pre-birth conference is about an unborn baby first; a born sibling is the exception.
      defaultValue: 'unborn',
      required: { conferenceType: PRE_BIRTH_TYPES },
      visibleWhen: { conferenceType: PRE_BIRTH_TYPES },
    },
    {
      id: PLAN_STATUS_FIELD,
      type: 'select',
      label: 'Status at this conference',
      hint: 'A baby born since the last conference, or a brother or sister considered for the first time, is new to conference: the decision for them is whether to make a plan.',
      options: PLAN_STATUS_OPTIONS,
      required: { conferenceType: REVIEW_TYPES },
      visibleWhen: { conferenceType: REVIEW_TYPES },
    },
    {
      id: 'caseNumber',
      type: 'text',
      label: 'Council case number',
      hint: 'The child’s identifier in the council’s case record, so that the child can be matched across conferences.',
      maxLength: 100,
    },
    {
      id: 'dateOfBirth',
      type: 'date',
      label: 'Date of birth',
      required: { not: UNBORN_ITEM },
      // Shown for an unborn baby only when a date was entered before, so that it can be cleared.
      visibleWhen: { any: [{ not: UNBORN_ITEM }, { field: 'dateOfBirth', filled: true }] },
      notAfterConference: true,
    },
    {
      id: 'expectedDeliveryDate',
      type: 'date',
      label: 'Expected date of delivery',
      required: UNBORN_ITEM,
      visibleWhen: UNBORN_ITEM,
    },
    {
      id: 'gestation',
      type: 'summary',
      label: 'Pregnancy at the conference',
      summary: 'gestation',
      visibleWhen: UNBORN_ITEM,
    },
    { id: 'gender', type: 'text', label: 'Gender' },
    { id: 'ethnicity', type: 'text', label: 'Ethnicity' },
    { id: 'language', type: 'text', label: 'First language(s)', visibleWhen: { not: UNBORN_ITEM } },
    { id: 'setting', type: 'text', label: 'School, nursery or early years setting', visibleWhen: { not: UNBORN_ITEM } },
    {
      id: 'needs',
      type: 'longtext',
      label: 'Disability, health or communication needs',
      hint: 'Anything the conference and the plan must take into account.',
      variants: [
        {
          when: UNBORN_ITEM,
          label: 'What is known of the baby’s health and needs',
          hint: 'e.g. antenatal care, scans, exposure to substances, anything the birth plan must allow for.',
        },
      ],
    },
  ],
};
