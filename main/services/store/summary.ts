import { summarise as summariseWith, type ConferenceSummary } from '../../../domain/record/summary';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { templateForRecord } from '../../../templates/conference-templates';

/**
 * The index entry for a record, read through the template it was written under. The domain's
 * summarise takes the template as an argument (domain/ must not import templates/); this binds it.
 */
export function summarise(record: ConferenceRecord): ConferenceSummary {
  return summariseWith(record, templateForRecord(record));
}
