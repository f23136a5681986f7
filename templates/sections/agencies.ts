import { REVIEW_TYPES } from '../../domain/record/conference';
import type { SectionDef } from '../../domain/template/types';
import { AGENCY_KINDS } from '../../domain/agencies/agency-kinds';
import { SECTION } from '../../domain/template/field-names';

export const AGENCY_ATTENDANCE = [
  { value: 'present', label: 'Present' },
  { value: 'part', label: 'Part of the meeting' },
  { value: 'report-only', label: 'Report only' },
  { value: 'apologies', label: 'Apologies' },
  { value: 'not-invited', label: 'Not invited' },
] as const;

export const agenciesSection: SectionDef = {
  id: SECTION.agencies,
  title: 'Agency contributions',
  purpose:
    'Each accountable agency’s information, worries, strengths, score and recommendation for each child. These are collated into the risk analysis.',
  kind: 'list',
  itemLabel: 'agency',
  minItems: 1,
  fields: [
    { id: 'agency', type: 'select', label: 'Agency', options: AGENCY_KINDS, required: true },
    {
      id: 'agencyName',
      type: 'text',
      label: 'Name of the agency',
      hint: 'e.g. Hollin Lane Primary School, or the service’s own name.',
      required: { field: 'agency', equals: 'other' },
    },
    { id: 'representative', type: 'text', label: 'Representative and role', required: true },
    { id: 'attendance', type: 'select', label: 'Attendance', options: AGENCY_ATTENDANCE, required: true },
    {
      id: 'directContact',
      type: 'yesno',
      label: 'Has direct contact with the child or children',
      hint: 'Counts towards the quorum.',
    },
    { id: 'reportReceived', type: 'yesno', label: 'Written report received' },
    {
      id: 'reportSharedWithFamily',
      type: 'yesno',
      label: 'Report shared with the family before the conference',
      visibleWhen: { field: 'reportReceived', equals: true },
    },
    {
      id: 'reportSharedDate',
      type: 'date',
      label: 'Date the report was shared',
      visibleWhen: { field: 'reportSharedWithFamily', equals: true },
    },
    { id: 'informationShared', type: 'longtext', label: 'Information shared', required: true },
    {
      id: 'worries',
      type: 'longtext',
      label: 'What they are worried about',
      hint: 'Harm that has happened and what may happen if nothing changes.',
    },
    { id: 'strengths', type: 'longtext', label: 'Strengths and existing safety they see' },
    {
      id: 'specialistTools',
      type: 'list',
      label: 'Specialist assessment results',
      itemLabel: 'assessment',
      fields: [
        {
          id: 'tool',
          type: 'select',
          label: 'Tool',
          required: true,
          options: [
            { value: 'dash', label: 'SafeLives DASH risk checklist' },
            { value: 'gcp2', label: 'Graded Care Profile 2' },
            { value: 'exploitation', label: 'Exploitation screening' },
            { value: 'encompass', label: 'Operation Encompass notifications' },
            { value: 'other', label: 'Other' },
          ],
        },
        {
          id: 'result',
          type: 'text',
          label: 'Result',
          hint: 'e.g. DASH 16 “yes” answers (high risk, MARAC referral); GCP2 overall grade 4.',
          required: true,
        },
        { id: 'date', type: 'date', label: 'Date completed' },
      ],
    },
    {
      id: 'scale',
      type: 'scale',
      label: 'Safety scale score',
      hint: 'Leave empty if the agency did not give one.',
    },
    {
      id: 'previousScale',
      type: 'scale',
      label: 'Their score at the previous conference',
      hint: 'So the change over time is visible.',
      visibleWhen: { conferenceType: REVIEW_TYPES },
    },
    {
      id: 'scaleReason',
      type: 'longtext',
      label: 'Why that score',
      required: { field: 'scale', filled: true },
    },
    {
      id: 'recommendations',
      type: 'perChild',
      label: 'Recommendation for each child',
      hint: 'A view and recommendation, not a vote: the chair decides.',
      fields: [
        { id: 'recommendation', type: 'select', label: 'Recommendation', optionsFrom: 'recommendations', required: true },
        {
          id: 'reasons',
          type: 'longtext',
          label: 'Reasons',
          required: { not: { field: 'recommendation', equals: 'no-view' } },
        },
      ],
    },
    {
      id: 'restricted',
      type: 'yesno',
      label: 'Includes restricted information not to be shared with the family',
    },
    {
      id: 'restrictedDetail',
      type: 'longtext',
      label: 'Restricted information',
      hint: 'Third-party or confidential police information heard in a closed part. It is left out of the family copy.',
      required: { field: 'restricted', equals: true },
      visibleWhen: { field: 'restricted', equals: true },
      restricted: true,
    },
  ],
};
