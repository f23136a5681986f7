import type { SectionDef } from '../../domain/template/types';

export const voiceSection: SectionDef = {
  id: 'voice',
  title: 'The voice of the child',
  purpose:
    'What each child said, showed or was observed to feel, in their own words, and how it informed the decision. Attendance is not participation.',
  kind: 'perChild',
  fields: [
    {
      id: 'visits',
      type: 'list',
      label: 'When the child was seen',
      itemLabel: 'visit',
      fields: [
        { id: 'date', type: 'date', label: 'Date seen', required: true, notAfterConference: true },
        { id: 'seenBy', type: 'text', label: 'Seen by', required: true },
        { id: 'seenAlone', type: 'yesno', label: 'Seen alone' },
        {
          id: 'whoPresent',
          type: 'text',
          label: 'Who else was present, and why',
          required: { not: { field: 'seenAlone', equals: true } },
          visibleWhen: { not: { field: 'seenAlone', equals: true } },
        },
        { id: 'where', type: 'text', label: 'Where' },
      ],
    },
    {
      id: 'methods',
      type: 'multiselect',
      label: 'How the child’s views were gathered',
      options: [
        { value: 'direct-work', label: 'Direct work (e.g. Three Houses, Wizards and Fairies, Words and Pictures)' },
        { value: 'conversation', label: 'Conversation' },
        { value: 'advocate', label: 'Through an advocate' },
        { value: 'letter-drawing', label: 'A letter or drawing' },
        { value: 'app', label: 'A child’s-voice app statement' },
        { value: 'observation', label: 'Observation (for a pre-verbal child)' },
      ],
    },
    {
      id: 'ownWords',
      type: 'longtext',
      label: 'The child’s own words',
      hint: 'Quote them. Keep the child’s own phrasing, spelling and emphasis.',
      // Words, observations or a reason why neither could be gathered: one of the three.
      required: { all: [{ field: 'observations', filled: false }, { field: 'notSeenReason', filled: false }] },
    },
    {
      id: 'observations',
      type: 'longtext',
      label: 'Observations',
      hint: 'For a pre-verbal child, or alongside words: interactions, presentation, behaviour, who they turn to.',
    },
    {
      id: 'notSeenReason',
      type: 'longtext',
      label: 'If the child’s views could not be gathered, why',
      hint: 'Say what was tried and what will be done.',
    },
    {
      id: 'conferenceParticipation',
      type: 'select',
      label: 'Participation in the conference',
      required: true,
      options: [
        { value: 'attended', label: 'Attended' },
        { value: 'attended-part', label: 'Attended part' },
        { value: 'views-by-advocate', label: 'Views shared by an advocate' },
        { value: 'views-in-writing', label: 'Views shared in writing or a drawing' },
        { value: 'chose-not', label: 'Chose not to take part' },
        { value: 'too-young', label: 'Too young to take part' },
      ],
    },
    { id: 'advocateOffered', type: 'yesno', label: 'An independent advocate was offered' },
    {
      id: 'advocate',
      type: 'text',
      label: 'Advocate',
      visibleWhen: { field: 'advocateOffered', equals: true },
    },
    {
      id: 'informedDecision',
      type: 'longtext',
      label: 'How the child’s views informed the decision',
      hint: 'Say what weight they carried and why.',
      required: true,
    },
    {
      id: 'explainToChild',
      type: 'longtext',
      label: 'How the decision will be explained to the child, and by whom',
      required: { not: { field: 'conferenceParticipation', equals: 'too-young' } },
    },
  ],
};
