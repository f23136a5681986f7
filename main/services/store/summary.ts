import { summarise as summariseWith, type ConferenceSummary } from '../../../domain/record/summary';
import type { SignedBlock } from '../signing/signed-block';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { templateForRecord } from '../../../templates/conference-templates';

/**
 * The index entry for a record, read through the template it was written under. The domain's
 * summarise takes the template as an argument (domain/ must not import templates/); this binds it.
 */
export function summarise(record: ConferenceRecord, signed?: SignedBlock): ConferenceSummary {
  // The latest signed version names the conference as signed in the list; the exports' footers name the same one.
  const latest = signed?.versions.at(-1)?.statement;
  return summariseWith(record, templateForRecord(record), latest ? { version: latest.version, signedAt: latest.signedAt } : undefined);
}
