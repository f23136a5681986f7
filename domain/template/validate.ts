import { agencyLabel } from '../agencies/agency-label';
import { isValidIsoDate } from '../calendar/dates';
import { childName, childrenOf, isFilled, isScaleScore, itemsOf, meetingValues, perChildOf, stringsOf, textOf } from '../record/access';
import type { ConferenceRecord, FieldValue, GroupItem, Values } from '../record/conference';
import type { FieldRef, RuleFinding } from '../rules/finding';
import type { LocalSettings } from '../rules/local-settings';
import { isRequired, isVisible, presentField, type FieldContext } from './conditions';
import { optionsFor } from './options';
import { countOf } from './plural';
import type { ConferenceTemplate, FieldDef, SectionDef } from './types';
import { SECTION } from './field-names';

/**
 * Checks a record against its template: required fields (only where visible), minimum
 * numbers of items, choices that exist, real dates, texts within their limits. Each problem
 * is a blocking finding with a sentence that names the child or item and links to the field.
 */
export interface SectionProgress {
  requiredTotal: number;
  requiredFilled: number;
}

export interface TemplateCheck {
  findings: RuleFinding[];
  progress: Record<string, SectionProgress>;
}

export function validateAgainstTemplate(template: ConferenceTemplate, record: ConferenceRecord, settings?: LocalSettings): TemplateCheck {
  const findings: RuleFinding[] = [];
  const progress: Record<string, SectionProgress> = {};
  const children = childrenOf(record);
  const memo = {};
  for (const section of template.sections) {
    if (section.visibleWhen && !isVisible(section, { record, values: {}, memo })) continue;
    const base: FieldRef = { section: section.id };
    const tally: SectionProgress = { requiredTotal: 0, requiredFilled: 0 };
    progress[section.id] = tally;
    switch (section.kind) {
      case 'single': {
        const values = record.sections[section.id]?.kind === 'single' ? (record.sections[section.id] as { values: Values }).values : {};
        checkFields(section.fields, { record, values, settings, memo }, base, section.title, findings, tally);
        break;
      }
      case 'perChild':
        for (const child of children) {
          const section_ = record.sections[section.id];
          const values = section_?.kind === 'perChild' ? (section_.perChild[child.id] ?? {}) : {};
          const where = `${section.title}, ${childName(record, child.id)}`;
          checkFields(section.fields, { record, values, childId: child.id, settings, memo }, { ...base, childId: child.id }, where, findings, tally);
        }
        break;
      case 'list': {
        const section_ = record.sections[section.id];
        const items = section_?.kind === 'list' ? section_.items : [];
        checkMinItems(section, items.length, base, findings);
        items.forEach((item, index) => {
          const where = `${section.title}, ${itemName(section, item, index, record)}`;
          checkFields(section.fields, { record, values: item.values, settings, memo }, { ...base, itemId: item.id }, where, findings, tally);
        });
        break;
      }
    }
  }
  return { findings, progress };
}

function itemName(section: { id: string; itemLabel?: string }, item: GroupItem, index: number, record: ConferenceRecord): string {
  if (section.id === SECTION.agencies) return agencyLabel(item, index);
  if (section.id === 'children') return childName(record, item.id);
  return `${section.itemLabel ?? 'item'} ${index + 1}`;
}

function checkMinItems(
  def: Pick<SectionDef, 'minItems' | 'itemLabel' | 'title'> | FieldDef,
  count: number,
  ref: FieldRef,
  findings: RuleFinding[],
  where?: string,
): void {
  const min = def.minItems ?? 0;
  if (count >= min) return;
  const label = 'label' in def ? def.label : def.title;
  findings.push({
    rule: 'template.min-items',
    severity: 'blocking',
    // A section-level message has no place before it, so it starts the sentence itself.
    message: `${where ? `${where}: add` : 'Add'} at least ${min === 1 ? `one ${def.itemLabel ?? 'item'}` : countOf(min, def.itemLabel ?? 'item')} to “${label}”.`,
    ref,
  });
}

function checkFields(
  fields: readonly FieldDef[],
  ctx: FieldContext,
  ref: FieldRef,
  where: string,
  findings: RuleFinding[],
  tally: SectionProgress,
): void {
  for (const asked of fields) {
    if (!isVisible(asked, ctx)) continue;
    // As this child is asked it (an unborn baby's question is about harm after birth).
    const field = presentField(asked, ctx);
    const value = ctx.values[field.id];
    const fieldRef: FieldRef = { ...ref, field: field.id };
    const countsAsAnswer = field.type !== 'list' && field.type !== 'perChild' && field.type !== 'summary';
    if (countsAsAnswer && isRequired(field, ctx)) {
      tally.requiredTotal += 1;
      if (isFilled(value)) tally.requiredFilled += 1;
    }
    if (isRequired(field, ctx) && !isFilled(value) && countsAsAnswer) {
      findings.push({
        rule: 'template.required',
        severity: 'blocking',
        message: `${where}: ${askFor(field)}.`,
        ref: fieldRef,
      });
      continue;
    }
    const problem = valueProblem(field, value, ctx);
    if (problem) {
      findings.push({ rule: 'template.invalid', severity: 'blocking', message: `${where}: ${problem}`, ref: fieldRef });
    }
    if (field.type === 'list') {
      const items = itemsOf(value);
      if (field.minItems && isRequiredList(field, ctx)) checkMinItems(field, items.length, fieldRef, findings, where);
      items.forEach((item, index) => {
        checkFields(
          field.fields ?? [],
          { record: ctx.record, values: item.values, childId: ctx.childId, settings: ctx.settings, memo: ctx.memo },
          ref.itemId ? { ...fieldRef, subItemId: item.id } : { ...fieldRef, itemId: item.id },
          `${where}, ${field.itemLabel ?? 'item'} ${index + 1}`,
          findings,
          tally,
        );
      });
    }
    if (field.type === 'perChild') {
      for (const child of childrenOf(ctx.record)) {
        checkFields(
          field.fields ?? [],
          { record: ctx.record, values: perChildOf(value, child.id), childId: child.id, settings: ctx.settings, memo: ctx.memo },
          { ...fieldRef, childId: child.id },
          `${where}, ${field.label.toLowerCase()} — ${childName(ctx.record, child.id)}`,
          findings,
          tally,
        );
      }
    }
  }
}

/** A list with a minimum only needs it where it is shown (e.g. plan actions only with a plan). */
function isRequiredList(field: FieldDef, ctx: FieldContext): boolean {
  return field.required === undefined ? isVisible(field, ctx) : isRequired(field, ctx);
}

function askFor(field: FieldDef): string {
  const label = field.label.replace(/[?.]$/, '');
  switch (field.type) {
    case 'select':
    case 'yesno':
      return `answer “${label}”`;
    case 'multiselect':
      return `choose at least one “${label}”`;
    case 'scale':
      return `give a score for “${label}”`;
    default:
      return `enter “${label}”`;
  }
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function valueProblem(field: FieldDef, value: FieldValue | undefined, ctx: FieldContext): string | null {
  if (!isFilled(value)) return null;
  switch (field.type) {
    case 'text':
    case 'longtext': {
      if (typeof value !== 'string') return `“${field.label}” should be text.`;
      if (field.maxLength !== undefined && value.length > field.maxLength) {
        return `“${field.label}” is longer than ${field.maxLength.toLocaleString('en-GB')} characters.`;
      }
      return null;
    }
    case 'date': {
      const text = textOf(value);
      if (!isValidIsoDate(text)) return `“${field.label}” is not a real date.`;
      const conferenceDate = textOf(meetingValues(ctx.record)['date']);
      if (field.notAfterConference && isValidIsoDate(conferenceDate) && text > conferenceDate) {
        return `“${field.label}” is after the date of the conference.`;
      }
      return null;
    }
    case 'time':
      return TIME.test(textOf(value)) ? null : `“${field.label}” should be a time such as 09:30.`;
    case 'select': {
      const allowed = optionsFor(field, ctx.record, ctx.childId).map((o) => o.value);
      return typeof value === 'string' && allowed.includes(value) ? null : `“${field.label}” has a choice that is no longer available. Choose again.`;
    }
    case 'multiselect': {
      const allowed = optionsFor(field, ctx.record, ctx.childId).map((o) => o.value);
      const chosen = stringsOf(value);
      return chosen.every((v) => allowed.includes(v)) ? null : `“${field.label}” has a choice that is no longer available. Choose again.`;
    }
    case 'yesno':
      return typeof value === 'boolean' ? null : `“${field.label}” should be yes or no.`;
    case 'scale':
      if (!isScaleScore(value)) return `“${field.label}” should be a score from 0 to 10.`;
      return value.definition.trim() === '' ? `“${field.label}” is stored without the scale’s definition.` : null;
    case 'list':
    case 'perChild':
    case 'summary':
      return null;
  }
}
