import type { ConferenceRecord } from '../../../domain/record/conference';
import { whitfieldRecord } from '../../../main/demo/scenarios';
import type { Harness } from '../../unit/store/helpers';

/** The Whitfield scenario entered through the API as the demo does: a conference that is ready to sign. */
export async function enterWhitfield(h: Harness): Promise<ConferenceRecord> {
  const record = whitfieldRecord();
  const children = record.sections['children'];
  const names = children?.kind === 'list' ? children.items.map((item) => ({ name: String(item.values['name']) })) : [];
  const meeting = record.sections['meeting'];
  const date = meeting?.kind === 'single' ? String(meeting.values['date']) : '2026-01-15';
  const created = await h.ok<ConferenceRecord>('conferences.create', { type: record.type, date, children: names });
  await h.ok('conferences.save', { id: created.id, baseRevision: created.revision, sections: record.sections });
  return (await h.ok<{ conference: ConferenceRecord }>('conferences.get', { id: created.id })).conference;
}

export const CHAIR = { name: 'Helen Marsh', role: 'Independent Child Protection Chair', council: 'Carrowby Borough Council' };
