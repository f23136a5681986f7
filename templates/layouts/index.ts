import type { DocumentModel } from '../../domain/documents/model';
import type { ConferenceRecord } from '../../domain/record/conference';
import { actionsList } from './actions-list';
import type { LayoutOptions } from './common';
import { decisionLetter } from './decision-letter';
import { familyCopy } from './family-copy';
import { fullMinutes } from './full-minutes';

export type { LayoutOptions, RestrictionPredicate, RestrictionQuery } from './common';
export { actionsList, decisionLetter, familyCopy, fullMinutes };

/** The documents a conference exports, each a layout of the same record into the one document model. */
export const DOCUMENT_KINDS = ['full-minutes', 'family-copy', 'decision-letter', 'actions'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const LAYOUTS: Record<DocumentKind, (record: ConferenceRecord, options?: LayoutOptions) => DocumentModel> = {
  'full-minutes': fullMinutes,
  'family-copy': familyCopy,
  'decision-letter': decisionLetter,
  actions: actionsList,
};
