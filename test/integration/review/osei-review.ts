import type { ConferenceRecord } from '../../../domain/record/conference';
import type { ReviewState } from '../../../domain/review/state';
import { oseiRecord } from '../../../main/demo/scenarios/osei';
import { whitfieldRecord } from '../../../main/demo/scenarios';
import type { Harness } from '../../unit/store/helpers';

/** A demo scenario entered through the API as the demo does. */
export async function enterScenario(h: Harness, which: 'osei' | 'whitfield' = 'osei'): Promise<ConferenceRecord> {
  const record = which === 'osei' ? oseiRecord() : whitfieldRecord();
  const children = record.sections['children'];
  const names = children?.kind === 'list' ? children.items.map((item) => ({ name: String(item.values['name']) })) : [];
  const meeting = record.sections['meeting'];
  const date = meeting?.kind === 'single' ? String(meeting.values['date']) : '2026-02-03';
  const created = await h.ok<ConferenceRecord>('conferences.create', { type: record.type, date, children: names });
  await h.ok('conferences.save', { id: created.id, baseRevision: created.revision, sections: record.sections });
  return (await h.ok<{ conference: ConferenceRecord }>('conferences.get', { id: created.id })).conference;
}

export interface CopyFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

export async function send(h: Harness, id: string, recipient: { name: string; organisation: string; email: string; document: 'full-minutes' | 'family-copy'; sentOn: string }) {
  const out = await h.ok<{ state: ReviewState; copy: CopyFile }>('review.addRecipient', { id, recipient });
  const added = out.state.recipients.at(-1)!;
  return { recipient: added, copy: Buffer.from(out.copy.base64, 'base64'), fileName: out.copy.fileName, state: out.state };
}

export const POLICE = { name: 'PC Ryan Holt', organisation: 'Police', email: 'ryan.holt@police.example.gov.uk', document: 'full-minutes', sentOn: '2026-02-19' } as const;
export const SCHOOL = { name: 'Ms Fiona Grant', organisation: 'Castlegate Academy', email: 'dsl@castlegate.example.sch.uk', document: 'family-copy', sentOn: '2026-02-19' } as const;
export const HEALTH = { name: 'Dr Ruth Ellis', organisation: 'CAMHS', email: 'ruth.ellis@nhs.example.net', document: 'full-minutes', sentOn: '2026-02-19' } as const;
