import type { Condition, SectionDef } from '../../domain/template/types';
import { SECTION } from '../../domain/template/field-names';
import { CHILD_LETTER_FIELD, OLD_ENOUGH_FOR_LETTER } from '../../domain/letters/child-letters';

const BORN: Condition = { childStatus: 'born' };
const UNBORN: Condition = { childStatus: 'unborn' };
/**
 * A baby or a child too young to put their views into words: observation answers for them.
 * Under two on the conference date, or said by the chair to be too young to take part.
 */
const PRE_VERBAL: Condition = { any: [{ childAgeUnder: 2 }, { field: 'conferenceParticipation', equals: 'too-young' }] };

export const voiceSection: SectionDef = {
  id: SECTION.voice,
  title: 'The voice of the child',
  purpose:
    'What each child said, showed or was observed to feel, in their own words, and how it informed the decision. Attendance is not participation.',
  kind: 'perChild',
  fields: [
    {
      id: 'unbornFocus',
      type: 'longtext',
      label: 'How the unborn baby was kept at the centre',
      hint: 'An unborn baby has no voice of their own, so nothing else is asked here. If it helps, say what is known of the baby’s needs and how the conference kept them in mind.',
      visibleWhen: UNBORN,
    },
    {
      id: 'visits',
      type: 'list',
      label: 'When the child was seen',
      itemLabel: 'visit',
      visibleWhen: BORN,
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
      visibleWhen: BORN,
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
      visibleWhen: BORN,
      // Words, observations or a reason why neither could be gathered: one of the three. A
      // baby or a child too young to speak for themselves is answered by observation instead.
      required: {
        all: [{ not: PRE_VERBAL }, { field: 'observations', filled: false }, { field: 'notSeenReason', filled: false }],
      },
    },
    {
      id: 'observations',
      type: 'longtext',
      label: 'Observations',
      hint: 'For a pre-verbal child, or alongside words: interactions, presentation, behaviour, who they turn to.',
      visibleWhen: BORN,
      required: {
        all: [PRE_VERBAL, { field: 'ownWords', filled: false }, { field: 'notSeenReason', filled: false }],
      },
    },
    {
      id: 'notSeenReason',
      type: 'longtext',
      label: 'If the child’s views could not be gathered, why',
      hint: 'Say what was tried and what will be done.',
      visibleWhen: BORN,
    },
    {
      id: 'conferenceParticipation',
      type: 'select',
      label: 'Participation in the conference',
      required: true,
      visibleWhen: BORN,
      options: [
        { value: 'attended', label: 'Attended' },
        { value: 'attended-part', label: 'Attended part' },
        { value: 'views-by-advocate', label: 'Views shared by an advocate' },
        { value: 'views-in-writing', label: 'Views shared in writing or a drawing' },
        { value: 'chose-not', label: 'Chose not to take part' },
        { value: 'too-young', label: 'Too young to take part' },
      ],
    },
    { id: 'advocateOffered', type: 'yesno', label: 'An independent advocate was offered', visibleWhen: { all: [BORN, { not: PRE_VERBAL }] } },
    {
      id: 'advocate',
      type: 'text',
      label: 'Advocate',
      visibleWhen: { all: [BORN, { field: 'advocateOffered', equals: true }] },
    },
    {
      id: 'informedDecision',
      type: 'longtext',
      label: 'How the child’s views informed the decision',
      hint: 'Say what weight they carried and why.',
      required: true,
      visibleWhen: BORN,
      variants: [
        {
          when: PRE_VERBAL,
          label: 'How what was seen of the child informed the decision',
          hint: 'What the observations showed of the child’s experience, and what weight it carried.',
        },
      ],
    },
    {
      id: 'explainToChild',
      type: 'longtext',
      label: 'How the decision will be explained to the child, and by whom',
      required: { not: PRE_VERBAL },
      visibleWhen: BORN,
    },
    {
      // Optional: some children will have the decision explained face to face instead. Exported
      // on its own, in large print, as the letter to this child (templates/layouts/child-letter.ts).
      id: CHILD_LETTER_FIELD,
      type: 'longtext',
      label: 'The chair’s letter to the child',
      hint: 'In your own words, for the child to keep: what the meeting was for, what was decided and why, and what happens next. Use short sentences and the words the child uses. It is exported as a large-print letter with the child’s name and yours.',
      visibleWhen: OLD_ENOUGH_FOR_LETTER,
    },
  ],
};
