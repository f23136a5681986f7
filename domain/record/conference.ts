import { z } from 'zod';

/**
 * The conference record. Its shape is deliberately generic below the section level:
 * the templates (templates/) name the sections and fields, so adding a field is one
 * entry in a template, not a schema change here. The domain rules read the fields
 * they need by their template ids.
 */

export const CURRENT_SCHEMA_VERSION = 1;

export const CONFERENCE_TYPES = [
  'initial',
  'review',
  'pre-birth-initial',
  'pre-birth-review',
  'transfer-in',
] as const;
export const ConferenceTypeSchema = z.enum(CONFERENCE_TYPES);
export type ConferenceType = z.infer<typeof ConferenceTypeSchema>;

/** Conference types grouped as the templates and rules need them. */
export const INITIAL_TYPES = ['initial', 'pre-birth-initial'] as const satisfies readonly ConferenceType[];
export const REVIEW_TYPES = ['review', 'pre-birth-review'] as const satisfies readonly ConferenceType[];
export const PRE_BIRTH_TYPES = ['pre-birth-initial', 'pre-birth-review'] as const satisfies readonly ConferenceType[];
/** Types after which a new plan starts (its first core group is due within 10 working days). */
export const PLAN_STARTING_TYPES = ['initial', 'pre-birth-initial', 'transfer-in'] as const satisfies readonly ConferenceType[];

export const CONFERENCE_TYPE_LABELS: Record<ConferenceType, string> = {
  initial: 'Initial child protection conference',
  review: 'Review child protection conference',
  'pre-birth-initial': 'Pre-birth initial conference',
  'pre-birth-review': 'Pre-birth review conference',
  'transfer-in': 'Transfer-in conference',
};

/** Ids are UUIDs: they appear in file names, so they must never carry personal data. */
export const IdSchema = z.uuid();

/** Plain texts are capped generously (a long rationale is ~60,000 characters) but not unbounded. */
export const MAX_TEXT_LENGTH = 200_000;

export type FieldValue =
  | string
  | number
  | boolean
  | null
  | string[]
  | ScaleScore
  | GroupItem[]
  | PerChildValues;

/**
 * A safety-scale score is never stored without the scale's definition: councils define 0 and
 * 10 differently (some reverse them), so a bare number cannot be read safely later.
 */
export interface ScaleScore {
  score: number;
  definition: string;
}

/** An item of a repeating group (an agency, a child, a danger statement…) with a stable id. */
export interface GroupItem {
  id: string;
  values: Values;
}

/** Values kept separately for each child, keyed by the child's item id. */
export interface PerChildValues {
  perChild: Record<string, Values>;
}

export type Values = Record<string, FieldValue>;

const FieldKeySchema = z.string().min(1).max(100).regex(/^[A-Za-z][A-Za-z0-9_-]*$/);

export const FieldValueSchema: z.ZodType<FieldValue> = z.lazy(() =>
  z.union([
    z.string().max(MAX_TEXT_LENGTH),
    z.number().finite(),
    z.boolean(),
    z.null(),
    z.array(z.string().max(MAX_TEXT_LENGTH)).max(1000),
    ScaleScoreSchema,
    z.array(GroupItemSchema).max(1000),
    PerChildValuesSchema,
  ]),
);

export const ScaleScoreSchema = z.strictObject({
  score: z.number().int().min(0).max(10),
  definition: z.string().min(1).max(2000),
});

export const ValuesSchema: z.ZodType<Values> = z.lazy(() =>
  z.record(FieldKeySchema, FieldValueSchema),
);

export const GroupItemSchema: z.ZodType<GroupItem> = z.lazy(() =>
  z.strictObject({ id: IdSchema, values: ValuesSchema }),
);

export const PerChildValuesSchema: z.ZodType<PerChildValues> = z.lazy(() =>
  z.strictObject({ perChild: z.record(IdSchema, ValuesSchema) }),
);

/** A section holds plain values, one set of values per child, or a list of items. */
export const SectionValueSchema = z.union([
  z.strictObject({ kind: z.literal('single'), values: ValuesSchema }),
  z.strictObject({ kind: z.literal('perChild'), perChild: z.record(IdSchema, ValuesSchema) }),
  z.strictObject({ kind: z.literal('list'), items: z.array(GroupItemSchema).max(1000) }),
]);
export type SectionValue = z.infer<typeof SectionValueSchema>;

export const IsoDateTimeSchema = z.iso.datetime({ offset: true });
/** Calendar dates are stored as yyyy-mm-dd and shown as dd/mm/yyyy. */
export const IsoDateSchema = z.iso.date();

export const ConferenceRecordSchema = z.strictObject({
  id: IdSchema,
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  type: ConferenceTypeSchema,
  /**
   * The version of the conference template the record was created under, so a record can be
   * read against the questions it was asked. Optional: records from before it was stored.
   */
  templateVersion: z.number().int().positive().optional(),
  /** Increases by one on every save; a save names the revision it was based on. */
  revision: z.number().int().nonnegative(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  sections: z.record(FieldKeySchema, SectionValueSchema),
});
export type ConferenceRecord = z.infer<typeof ConferenceRecordSchema>;

/** Children are the `children` list section; every per-child value is keyed by a child's item id. */
export const CHILDREN_SECTION = 'children';
export const MEETING_SECTION = 'meeting';
