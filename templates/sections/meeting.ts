import { INITIAL_TYPES, REVIEW_TYPES } from '../../domain/record/conference';
import type { SectionDef } from '../../domain/template/types';
import { SECTION } from '../../domain/template/field-names';


export const DEFAULT_SCALE_DEFINITION =
  '0 = the children are not safe in their carers’ care; 10 = there is enough safety for the case to close.';

export const meetingSection: SectionDef = {
  id: SECTION.meeting,
  title: 'Meeting details and timescales',
  purpose: 'When and how the conference met, and whether it was held in time.',
  kind: 'single',
  fields: [
    { id: 'date', type: 'date', label: 'Date of the conference', required: true },
    { id: 'startTime', type: 'time', label: 'Start time', required: true },
    { id: 'endTime', type: 'time', label: 'End time' },
    {
      id: 'format',
      type: 'select',
      label: 'How the conference met',
      options: [
        { value: 'in-person', label: 'In person' },
        { value: 'video', label: 'Video' },
        { value: 'hybrid', label: 'Hybrid (in person and video)' },
      ],
      required: true,
    },
    { id: 'venue', type: 'text', label: 'Venue', visibleWhen: { field: 'format', in: ['in-person', 'hybrid'] } },
    { id: 'chair', type: 'text', label: 'Chair', required: true },
    { id: 'minuteTaker', type: 'text', label: 'Minute-taker' },
    {
      id: 'strategyDiscussionDate',
      type: 'date',
      label: 'Date of the strategy discussion that started section 47 enquiries',
      hint: 'The conference should be held within 15 working days of this date.',
      required: { conferenceType: INITIAL_TYPES },
      visibleWhen: { conferenceType: INITIAL_TYPES },
    },
    {
      id: 'previousConferenceDate',
      type: 'date',
      label: 'Date of the previous conference',
      hint: 'The first review is due within 3 months of the initial conference; later reviews within 6 months.',
      required: { conferenceType: REVIEW_TYPES },
      visibleWhen: { conferenceType: REVIEW_TYPES },
    },
    {
      id: 'previousConferenceType',
      type: 'select',
      label: 'The previous conference was',
      options: [
        { value: 'initial', label: 'The initial conference (this is the first review)' },
        { value: 'review', label: 'A review conference' },
      ],
      required: { conferenceType: REVIEW_TYPES },
      visibleWhen: { conferenceType: REVIEW_TYPES },
    },
    {
      id: 'transferringAuthority',
      type: 'text',
      label: 'Local authority transferring the plan',
      required: { conferenceType: ['transfer-in'] },
      visibleWhen: { conferenceType: ['transfer-in'] },
    },
    {
      id: 'transferNotifiedDate',
      type: 'date',
      label: 'Date this authority was notified of the transfer',
      hint: 'The transfer-in conference should be held within 15 working days of this date (a local setting).',
      required: { conferenceType: ['transfer-in'] },
      // A notification after the conference is reported by the transfer-in clock, in its own words.
      visibleWhen: { conferenceType: ['transfer-in'] },
    },
    {
      id: 'timescales',
      type: 'summary',
      label: 'Timescales',
      summary: 'timescales',
    },
    {
      id: 'lateReason',
      type: 'longtext',
      label: 'If the conference is late, why',
      hint: 'Required when the conference is outside its timescale. Say what caused the delay and who agreed it.',
      required: { conferenceLate: true },
    },
    {
      id: 'scaleDefinition',
      type: 'longtext',
      label: 'Safety scale used at this conference',
      hint: 'Say what 0 and 10 mean. It is stored with every score so that scores can be read correctly later.',
      required: true,
      defaultValue: DEFAULT_SCALE_DEFINITION,
      restrictable: false,
    },
    {
      id: 'blindScaling',
      type: 'yesno',
      label: 'Collect agencies’ scores “blind”',
      hint: 'Scores stay hidden in the collation until every agency present has given one, so that no one follows another.',
      defaultValue: false,
    },
  ],
};
