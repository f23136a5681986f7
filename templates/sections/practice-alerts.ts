import { ALERT_CONCERNS, ALERT_STAGES, PRACTICE_ALERTS_SECTION } from '../../domain/alerts/practice-alerts';
import type { SectionDef } from '../../domain/template/types';

/** The chair's practice alerts, kept with the conference so a manager's audit can list them. */
export const practiceAlertsSection: SectionDef = {
  id: PRACTICE_ALERTS_SECTION,
  title: 'Practice alerts',
  purpose:
    'A concern about practice the chair raises with a manager (drift, reports not shared in time, no social work visit, a decision the chair disagrees with), its stage and the response.',
  kind: 'list',
  itemLabel: 'practice alert',
  fields: [
    { id: 'concern', type: 'select', label: 'Concern', options: ALERT_CONCERNS, required: true },
    { id: 'detail', type: 'longtext', label: 'What the concern is', required: true },
    { id: 'stage', type: 'select', label: 'Stage', options: ALERT_STAGES, required: true },
    { id: 'raisedOn', type: 'date', label: 'Date raised', required: true },
    { id: 'raisedTo', type: 'text', label: 'Raised with (name and role)', required: true },
    { id: 'responseDue', type: 'summary', label: 'Response', summary: 'practiceAlert' },
    { id: 'responseReceived', type: 'yesno', label: 'Response received' },
    {
      id: 'responseDate',
      type: 'date',
      label: 'Date of the response',
      required: { field: 'responseReceived', equals: true },
      visibleWhen: { field: 'responseReceived', equals: true },
    },
    {
      id: 'response',
      type: 'longtext',
      label: 'The response',
      visibleWhen: { field: 'responseReceived', equals: true },
    },
  ],
};
