import type { ConferenceRecord } from './conference';

/**
 * The template version a record was written under. Records saved before the version was
 * stored were all written under the first template, so they read as version 1.
 */
export const FIRST_TEMPLATE_VERSION = 1;

export function templateVersionOf(record: Pick<ConferenceRecord, 'templateVersion'>): number {
  return record.templateVersion ?? FIRST_TEMPLATE_VERSION;
}
