import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConferenceRecord, GroupItem, Values } from '../../domain/record/conference';
import type { ConferenceSummary } from '../../domain/record/summary';
import { scenarioRecords } from '../../main/demo/scenarios';
import { handlersFor } from '../../main/services/app-services';
import { dispatch } from '../../main/services/dispatch';
import { ConferenceStore } from '../../main/services/store/store';
import { PASSPHRASE } from './app';

/**
 * A data folder prepared through the services (not the UI, which would take minutes): one
 * conference with six children and nine agencies with long names and scores for every child,
 * one with every child's outcome decided, and the demo's three finished conferences. All names
 * are fictional.
 */
export const LONG_AGENCIES = [
  'Northshire Police Public Protection Unit',
  'Hollin Lane Primary School',
  'Northshire Community Health Visiting Service',
  'Carrowby Children’s Social Care Assessment Team',
  'Northshire Child and Adolescent Mental Health Service',
  'Carrowby Women’s Aid Independent Domestic Violence Advisers',
  'Northshire Substance Misuse Recovery Service',
  'Carrowby General Practice Partnership',
  'Northshire Youth Justice Service',
];

export const SIX_CHILDREN = ['Ruby Ashdown', 'Tobias Ashdown', 'Maisie Ashdown', 'Felix Ashdown', 'Poppy Ashdown', 'Arlo Ashdown'];

export interface PreparedStore {
  dataDir: string;
  manyAgencies: ConferenceRecord;
  decided: ConferenceRecord;
  /** The list as the services answered it before the shell started. */
  summaries: ConferenceSummary[];
  remove: () => Promise<void>;
}

export async function prepareStore(): Promise<PreparedStore> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cpc-e2e-contract-'));
  const store = new ConferenceStore({ dataDir });
  const handlers = handlersFor(store);
  const call = async <T>(operation: string, input: unknown): Promise<T> => {
    const result = await dispatch(handlers, operation, input);
    if (!result.ok) throw new Error(`${operation}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  try {
    await call('vault.create', { passphrase: PASSPHRASE });
    const manyAgencies = await call<ConferenceRecord>('conferences.create', {
      type: 'initial',
      date: '2025-05-14',
      children: SIX_CHILDREN.map((name) => ({ name })),
    });
    const childIds = childIdsOf(manyAgencies);
    const agencies: GroupItem[] = LONG_AGENCIES.map((name, index) => ({
      id: randomUUID(),
      values: {
        agency: 'other',
        agencyName: name,
        representative: `Representative ${index + 1}`,
        attendance: 'present',
        informationShared: 'Fictional information for the chart test.',
        scale: { score: (index * 3) % 11, definition: '0: the child will be harmed again; 10: the child is safe enough to close.' },
        scaleReason: 'Fictional reason.',
        recommendations: {
          perChild: Object.fromEntries(childIds.map((id) => [id, { recommendation: index % 3 === 0 ? 'cp-plan' : 'cin-plan', reasons: 'Fictional.' } satisfies Values])),
        },
      },
    }));
    await call('conferences.save', {
      id: manyAgencies.id,
      baseRevision: manyAgencies.revision,
      sections: { agencies: { kind: 'list', items: agencies } },
    });

    const decided = await call<ConferenceRecord>('conferences.create', {
      type: 'review',
      date: '2025-03-02',
      children: [{ name: 'Idris Calloway' }, { name: 'Nell Calloway' }],
    });
    const [idris = '', nell = ''] = childIdsOf(decided);
    await call('conferences.save', {
      id: decided.id,
      baseRevision: decided.revision,
      sections: {
        decision: {
          kind: 'perChild',
          perChild: { [idris]: { outcome: 'continue-plan' }, [nell]: { outcome: 'end-plan-cin' } },
        },
      },
    });
    // The demo's three finished conferences, which the rules find ready to sign.
    // (As the demo seeds them: created, then its sections saved over the new record's.)
    for (const record of scenarioRecords()) {
      const created = await call<ConferenceRecord>('conferences.create', {
        type: record.type,
        date: dateOf(record),
        children: childNamesOf(record).map((name) => ({ name })),
      });
      await call('conferences.save', { id: created.id, baseRevision: created.revision, sections: record.sections });
    }
    const { conferences: summaries } = await call<{ conferences: ConferenceSummary[] }>('conferences.list', {});
    return { dataDir, manyAgencies, decided, summaries, remove: () => rm(dataDir, { recursive: true, force: true }) };
  } finally {
    await store.lock();
  }
}

function childIdsOf(record: ConferenceRecord): string[] {
  const section = record.sections['children'];
  return section?.kind === 'list' ? section.items.map((item) => item.id) : [];
}

function dateOf(record: ConferenceRecord): string {
  const meeting = record.sections['meeting'];
  const date = meeting?.kind === 'single' ? meeting.values['date'] : undefined;
  return typeof date === 'string' ? date : '';
}

function childNamesOf(record: ConferenceRecord): string[] {
  const section = record.sections['children'];
  return section?.kind === 'list' ? section.items.map((item) => (typeof item.values['name'] === 'string' ? item.values['name'] : 'Unnamed child')) : [];
}
