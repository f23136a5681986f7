import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConferenceRecord } from '../../domain/record/conference';
import { scenarioRecords, whitfieldRecord } from '../../main/demo/scenarios';
import { seedDemoStore } from '../../main/demo/seed';
import { handlersFor } from '../../main/services/app-services';
import { ConferenceStore } from '../../main/services/store/store';

export const DEMO_PASSPHRASE = 'fictional demo data only';

/**
 * The demo's three fictional conferences, seeded exactly as `npm run demo` seeds them, plus one
 * more fictional conference the audit needs: the Whitfield children at an EARLIER initial
 * conference (10/12/2025) where the chair chose a child in need plan although three of the
 * five agencies giving a view recommended a plan. They then came back at the demo's initial
 * conference of 15/01/2026 and were given plans, which the audit finds by name and date of
 * birth (the records carry no case number) as a possible match.
 */
export function whitfieldEarlierChildInNeed(): ConferenceRecord {
  const record = whitfieldRecord();
  const meeting = record.sections['meeting'];
  if (meeting?.kind === 'single') Object.assign(meeting.values, { date: '2025-12-10', strategyDiscussionDate: '2025-12-01' });
  const decision = record.sections['decision'];
  if (decision?.kind === 'perChild') for (const values of Object.values(decision.perChild)) values['outcome'] = 'cin-plan';
  return record;
}

export async function prepareAuditStore(): Promise<{ dataDir: string; remove: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cpc-e2e-audit-'));
  const store = new ConferenceStore({ dataDir });
  await seedDemoStore(handlersFor(store), [...scenarioRecords(), whitfieldEarlierChildInNeed()]);
  await store.lock();
  return { dataDir, remove: () => rm(dataDir, { recursive: true, force: true }) };
}
