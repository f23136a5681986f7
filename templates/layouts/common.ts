import { isValidIsoDate, MONTH_NAMES } from '../../domain/calendar/dates';
import type { Block, DocumentModel, SignatureInfo } from '../../domain/documents/model';
import { childrenOf, listItems, meetingValues, textOf } from '../../domain/record/access';
import { SECTION } from '../../domain/template/field-names';
import type { ConferenceRecord } from '../../domain/record/conference';
import { FAMILY_RATIONALE_FIELD, restrictionPredicate } from '../../domain/restricted/restricted-information';
import { templateFor } from '../conference-templates';

/**
 * What every layout shares: the options an export is made with, British dates, the page
 * header and footer, and how a conference is named in a document's title.
 */

/** Where a piece of text sits in the record, for asking whether it is restricted. */
export interface RestrictionQuery {
  sectionId: string;
  /** The field whose text it is (for a field inside a list item or a per-child group, that inner field). */
  fieldId: string;
  /** The child the text is about, for per-child answers. */
  childId?: string;
  /** The nearest list item holding the text (an agency, a danger statement…). */
  itemId?: string;
}

export type RestrictionPredicate = (query: RestrictionQuery) => boolean;

export interface LayoutOptions {
  /** The signed version's details; null or absent for an unsigned record, which exports only as a draft. */
  signature?: SignatureInfo | null;
  /**
   * Marks answers restricted beyond the template's own `restricted` fields. Default: the
   * record's own marks (domain/restricted), through `withRecordRestrictions`.
   */
  isRestricted?: RestrictionPredicate;
  /**
   * The family version of an answer, where the chair wrote one (default: a decision's
   * `familyRationale`). The family copy and the decision letter use it instead of the original.
   */
  familyVersion?: (query: RestrictionQuery, values: Readonly<Record<string, unknown>>) => string | undefined;
  /** How the family can comment or complain, in the council's words; a general sentence is used without it. */
  complaintsContact?: string;
}

export { FAMILY_RATIONALE_FIELD };

/**
 * The options a layout works with: what the record says is restricted (the chair's marks and
 * the template's flags) always is, so every export leaves marked answers out of what the
 * family receives without the caller asking. A caller's predicate can add to it, never
 * release a marked answer.
 */
export function withRecordRestrictions(record: ConferenceRecord, options: LayoutOptions): LayoutOptions {
  const own = restrictionPredicate(record, templateFor(record.type));
  const extra = options.isRestricted;
  return { ...options, isRestricted: extra ? (query) => own(query) || extra(query) : own };
}

export function defaultFamilyVersion(query: RestrictionQuery, values: Readonly<Record<string, unknown>>): string | undefined {
  if (query.sectionId !== 'decision' || query.fieldId !== 'rationale') return undefined;
  const version = values[FAMILY_RATIONALE_FIELD];
  return typeof version === 'string' && version.trim() !== '' ? version : undefined;
}

/** Documents write dates in words, British order: '2026-01-15' → '15 January 2026'. Unreadable dates show as typed. */
export function documentDate(value: string): string {
  if (!isValidIsoDate(value)) return value;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return `${String(day).padStart(2, '0')} ${MONTH_NAMES[month - 1]} ${year}`;
}

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A signing time in UK local time, e.g. '15 January 2026 at 16:20'. */
export function documentDateTime(iso: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const parts = Object.fromEntries(LONDON_TIME.formatToParts(when).map((p) => [p.type, p.value]));
  return `${documentDate(`${parts['year']}-${parts['month']}-${parts['day']}`)} at ${parts['hour']}:${parts['minute']}`;
}

export function signedLine(signature: SignatureInfo): string {
  return `Signed by ${signature.signer}, ${signature.role}, ${signature.council}, on ${documentDateTime(signature.signedAt)}. Version ${signature.version}. Verification code ${signature.verificationCode}.`;
}

export const DRAFT_LINE = 'DRAFT: not signed by the chair. Not for distribution.';

export function footerText(signature: SignatureInfo | null | undefined): string {
  return signature ? signedLine(signature) : DRAFT_LINE;
}

/**
 * The family's name as the documents use it: the children's surnames, e.g. 'Whitfield'. An
 * unborn baby is often not named, so with no named child the family members' surnames stand in.
 */
export function familyName(record: ConferenceRecord): string {
  const surnames = (items: readonly { values: Record<string, unknown> }[]) => [
    ...new Set(items.map((item) => (typeof item.values['name'] === 'string' ? item.values['name'] : '').trim().split(/\s+/).at(-1) ?? '').filter((name) => name !== '')),
  ];
  const children = surnames(childrenOf(record));
  return (children.length > 0 ? children : surnames(listItems(record, SECTION.family))).join(' and ') || 'Unnamed family';
}

export function conferenceDate(record: ConferenceRecord): string {
  return textOf(meetingValues(record)['date']);
}

export function conferenceTitle(record: ConferenceRecord): string {
  return templateFor(record.type).title;
}

export interface ModelParts {
  record: ConferenceRecord;
  options: LayoutOptions;
  /** e.g. 'Full minutes', 'Family copy'. */
  documentName: string;
  subject: string;
  blocks: Block[];
}

/** Wraps blocks in the metadata, header and footer every export carries. */
export function documentOf({ record, options, documentName, subject, blocks }: ModelParts): DocumentModel {
  const signature = options.signature ?? null;
  const date = conferenceDate(record);
  const name = familyName(record);
  const when = date ? `, ${documentDate(date)}` : '';
  return {
    metadata: {
      title: `${name}: ${conferenceTitle(record)}${when} — ${documentName}`,
      author: signature?.signer ?? (textOf(meetingValues(record)['chair']) || 'Conference chair'),
      subject,
      language: 'en-GB',
      keywords: 'child protection conference',
    },
    draft: signature === null,
    header: `OFFICIAL-SENSITIVE · ${name} · ${documentName}${signature ? '' : ' · DRAFT'}`,
    footer: footerText(signature),
    blocks,
  };
}
