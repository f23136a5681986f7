import { randomUUID } from 'node:crypto';
import { DEFAULT_SETTINGS, type Settings, type VaultState } from '../../../domain/api/contract';
import { ApiFailure } from '../../../domain/api/result';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { cohortView } from '../../../domain/audit/view';
import { summarise } from '../../../main/services/store/summary';
import type { Handlers } from '../../../main/services/dispatch';

/**
 * A throwaway in-memory service set: enough behaviour to exercise the shell's transport
 * (the real encrypted store is tested by its own suite).
 */
export function createMemoryHandlers(): Handlers & { calls: string[] } {
  let state: VaultState = 'new';
  let passphrase = '';
  let settings: Settings = { ...DEFAULT_SETTINGS };
  const records = new Map<string, ConferenceRecord>();
  const calls: string[] = [];
  const requireUnlocked = () => {
    if (state !== 'unlocked') throw new ApiFailure('LOCKED', 'The store is locked.');
  };
  const find = (id: string): ConferenceRecord => {
    const record = records.get(id);
    if (!record) throw new ApiFailure('NOT_FOUND', 'That conference was not found.');
    return record;
  };

  return {
    calls,
    'vault.status': async () => ({ state }),
    'vault.create': async (input) => {
      calls.push('vault.create');
      if (state !== 'new') throw new ApiFailure('VAULT_EXISTS', 'A passphrase has already been set.');
      passphrase = input.passphrase;
      state = 'unlocked';
      return { state };
    },
    'vault.unlock': async (input) => {
      if (input.passphrase !== passphrase) throw new ApiFailure('WRONG_PASSPHRASE', 'That passphrase is not right.');
      state = 'unlocked';
      return { state, problems: [] };
    },
    'vault.lock': async () => {
      if (state === 'unlocked') state = 'locked';
      return { state };
    },
    'settings.get': async () => settings,
    'settings.update': async (input) => {
      settings = { ...settings, ...input };
      return settings;
    },
    'conferences.list': async () => {
      requireUnlocked();
      return { conferences: [...records.values()].map((record) => summarise(record)), problems: [] };
    },
    'conferences.create': async (input) => {
      requireUnlocked();
      const now = new Date().toISOString();
      const record: ConferenceRecord = {
        id: randomUUID(),
        schemaVersion: 1,
        type: input.type,
        revision: 0,
        createdAt: now,
        updatedAt: now,
        sections: {
          meeting: { kind: 'single', values: { date: input.date } },
          children: { kind: 'list', items: input.children.map((c) => ({ id: randomUUID(), values: { name: c.name } })) },
        },
      };
      records.set(record.id, record);
      return record;
    },
    'conferences.get': async (input) => {
      requireUnlocked();
      return { conference: find(input.id), problems: [] };
    },
    'conferences.save': async (input) => {
      requireUnlocked();
      const record = find(input.id);
      if (record.revision !== input.baseRevision) throw new ApiFailure('CONFLICT', 'Changed elsewhere.');
      const updated: ConferenceRecord = {
        ...record,
        revision: record.revision + 1,
        updatedAt: new Date().toISOString(),
        sections: { ...record.sections, ...input.sections },
      };
      records.set(updated.id, updated);
      return { revision: updated.revision, savedAt: updated.updatedAt };
    },
    'conferences.history': async () => ({ entries: [], intact: true }),
    // Signing and export are not part of the transport's tests: the real store's suite covers them.
    'profile.get': async () => ({ profile: null }),
    'profile.set': async () => {
      throw new ApiFailure('INTERNAL', 'Not in the memory handlers.');
    },
    'conferences.sign': async () => {
      throw new ApiFailure('INTERNAL', 'Not in the memory handlers.');
    },
    'conferences.addendum': async () => {
      throw new ApiFailure('INTERNAL', 'Not in the memory handlers.');
    },
    'conferences.signatures': async () => ({ versions: [], intact: true }),
    'conferences.export': async () => {
      throw new ApiFailure('INTERNAL', 'Not in the memory handlers.');
    },
    'conferences.exportChildLetter': async () => {
      throw new ApiFailure('INTERNAL', 'Not in the memory handlers.');
    },
    'exports.chooseFolder': async () => ({ available: false, chosen: false, folderName: null }),
    'exports.saveToFolder': async () => {
      throw new ApiFailure('INTERNAL', 'Not in the memory handlers.');
    },
    // pades
    'profile.importCertificate': async () => {
      throw new ApiFailure('INTERNAL', 'Not in the memory handlers.');
    },
    'files.verify': async () => {
      throw new ApiFailure('INTERNAL', 'Not in the memory handlers.');
    },
    // template7 (issue 6 leftovers): a memory store never goes back.
    'vault.acknowledgeRollback': async () => ({ problems: [] }),
    // accuracy review: not in the memory handlers
    ...Object.fromEntries(
      (['review.get', 'review.approveDraft', 'review.addRecipient', 'review.copy', 'review.noComments', 'review.import', 'review.decide', 'review.letter'] as const).map((name) => [
        name,
        async () => {
          throw new ApiFailure('INTERNAL', 'Not in the memory handlers.');
        },
      ]),
    ) as unknown as Pick<Handlers, 'review.get' | 'review.approveDraft' | 'review.addRecipient' | 'review.copy' | 'review.noComments' | 'review.import' | 'review.decide' | 'review.letter'>,
    // The audit is not part of the transport's tests either (test/integration/audit covers it).
    'audit.cohort': async () => ({ ...cohortView([], {}), total: 0, unreadable: 0, message: null }),
    'audit.child': async () => ({ row: null }),
    'audit.judge': async () => {
      throw new ApiFailure('INTERNAL', 'Not in the memory handlers.');
    },
    'audit.judgements': async () => ({ judgements: [], missing: 0 }),
    'audit.export': async () => {
      throw new ApiFailure('INTERNAL', 'Not in the memory handlers.');
    },
    'team.serverState': async () => ({ state: 'online', waiting: 0, kept: 0 }),
    'team.keptChanges': async () => ({ kept: [] }),
    'team.resolveKept': async () => ({ revision: null }),
    // lease9: one person in memory, so nobody else is ever editing.
    'conferences.editLease': async () => ({ others: [] }),
  };
}
