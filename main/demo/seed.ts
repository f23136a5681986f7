import type { ConferenceRecord } from '../../domain/record/conference';
import { textOf } from '../../domain/record/access';
import type { Handlers } from '../services/dispatch';

/** Demo stores are throwaway and hold fictional families only, so a fixed passphrase is fine. */
export const DEMO_PASSPHRASE = 'fictional demo data only';

/**
 * Fills a new store with the fictional scenarios through the same operations the UI uses,
 * so the demo exercises the real store, history and index rather than a side door.
 */
export async function seedDemoStore(handlers: Handlers, records: readonly ConferenceRecord[]): Promise<void> {
  await handlers['vault.create']({ passphrase: DEMO_PASSPHRASE });
  for (const record of records) {
    const childrenSection = record.sections['children'];
    const children = childrenSection?.kind === 'list' ? childrenSection.items : [];
    const meeting = record.sections['meeting'];
    const date = meeting?.kind === 'single' ? textOf(meeting.values['date']) : '';
    const created = await handlers['conferences.create']({
      type: record.type,
      date,
      children: children.map((child) => ({ name: textOf(child.values['name']) || 'Unnamed child' })),
    });
    // The scenario's own sections (children included, with their ids) replace the new record's.
    await handlers['conferences.save']({ id: created.id, baseRevision: created.revision, sections: record.sections });
  }
}
