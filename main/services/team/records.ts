import { randomUUID } from 'node:crypto';
import type { NewConference } from '../../../domain/api/contract';
import { ApiFailure } from '../../../domain/api/result';
import { CURRENT_SCHEMA_VERSION, ConferenceRecordSchema, type ConferenceRecord, type SectionValue } from '../../../domain/record/conference';
import { missingDefaults } from '../../../domain/template/defaults';
import { refuseNamesOutsideTemplate } from '../../../domain/template/template-names';
import { TEMPLATE_VERSION, templateFor } from '../../../templates/conference-templates';
import { canonicalJson } from '../store/canonical';

/**
 * What a new conference and a save make of a record, independent of where it is kept. The same
 * rules as the local store's (../store/conferences.ts create and save), so the contract suite
 * can hold both stores to one behaviour. (Kept apart rather than extracted from conferences.ts
 * so the local store's crash-argued code is untouched; a later change can make both use this.)
 */

export function newRecord(input: NewConference, at: string): ConferenceRecord {
  const bare = ConferenceRecordSchema.parse({
    id: randomUUID(),
    schemaVersion: CURRENT_SCHEMA_VERSION,
    type: input.type,
    templateVersion: TEMPLATE_VERSION,
    revision: 1,
    createdAt: at,
    updatedAt: at,
    sections: {
      meeting: { kind: 'single', values: { date: input.date } },
      children: { kind: 'list', items: input.children.map((child) => ({ id: randomUUID(), values: { name: child.name } })) },
    },
  });
  const record = { ...bare, sections: { ...bare.sections, ...missingDefaults(templateFor(input.type), bare) } };
  refuseNamesOutsideTemplate(templateFor(input.type), record.sections);
  return record;
}

export const CONFLICT_MESSAGE =
  'This conference was changed elsewhere since you opened it. Reload to see the latest version; your unsaved text is still on screen.';

export type SaveOutcome =
  | { kind: 'unchanged'; revision: number; savedAt: string }
  | { kind: 'changed'; next: ConferenceRecord; changed: string[] };

/** The save's decision: a retried save that already landed is answered as saved, not a conflict. */
export function applySave(record: ConferenceRecord, baseRevision: number, sections: Record<string, SectionValue>, at: string): SaveOutcome {
  refuseNamesOutsideTemplate(templateFor(record.type), sections);
  const changed = Object.keys(sections)
    .filter((key) => {
      const before = record.sections[key];
      return before === undefined || canonicalJson(before) !== canonicalJson(sections[key]);
    })
    .sort();
  if (changed.length === 0) return { kind: 'unchanged', revision: record.revision, savedAt: record.updatedAt };
  if (baseRevision !== record.revision) throw new ApiFailure('CONFLICT', CONFLICT_MESSAGE);
  const parsed = ConferenceRecordSchema.safeParse({
    ...record,
    sections: { ...record.sections, ...sections },
    templateVersion: TEMPLATE_VERSION,
    revision: record.revision + 1,
    updatedAt: at,
  });
  if (!parsed.success) {
    throw new ApiFailure('INVALID_INPUT', 'The changes could not be saved because a section is not in the expected form. Nothing was changed.');
  }
  return { kind: 'changed', next: parsed.data, changed };
}
