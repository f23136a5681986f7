import { childName, childrenOf, isFilled, itemsOf, perChildOf, textOf } from '../record/access';
import type { ConferenceRecord, FieldValue, Values } from '../record/conference';
import type { FieldRef, RuleFinding } from '../rules/finding';
import { isVisible } from '../template/conditions';
import type { ConferenceTemplate, FieldDef } from '../template/types';
import { marksOf, sameAnswer, type RestrictedMark } from './marks';

/**
 * What in a conference record is restricted, worked out once for the exports and for
 * readiness: answers the chair marked (marks.ts) and answers to fields the template always
 * treats as restricted (`restricted: true`, e.g. what was shared in a closed part).
 */

/** Where a piece of text sits, as the export layouts ask (templates/layouts/common.ts). */
export interface RestrictionQuery {
  sectionId: string;
  fieldId: string;
  childId?: string;
  /** The nearest list item holding the text. */
  itemId?: string;
}

export const FAMILY_RATIONALE_FIELD = 'familyRationale';
const DECISION = 'decision';
const RATIONALE = 'rationale';

/**
 * The predicate the export layouts take: true for a marked answer, or for any answer to a
 * field the template flags restricted in that section. The layouts name a nested answer by
 * its nearest item only, so a mark matches on its innermost item (ids are unique uuids).
 */
export function restrictionPredicate(record: ConferenceRecord, template: ConferenceTemplate): (query: RestrictionQuery) => boolean {
  const flagged = flaggedFields(template);
  const marks = marksOf(record);
  return (query) =>
    flagged.has(`${query.sectionId}/${query.fieldId}`) ||
    marks.some(
      (mark) =>
        mark.section === query.sectionId &&
        mark.field === query.fieldId &&
        (mark.childId ?? '') === (query.childId ?? '') &&
        (mark.subItemId ?? mark.itemId ?? '') === (query.itemId ?? ''),
    );
}

/** "section/field" for every field the template flags restricted, at any depth. */
function flaggedFields(template: ConferenceTemplate): Set<string> {
  const found = new Set<string>();
  const visit = (sectionId: string, fields: readonly FieldDef[]) => {
    for (const field of fields) {
      if (field.restricted) found.add(`${sectionId}/${field.id}`);
      if (field.fields) visit(sectionId, field.fields);
    }
  };
  for (const section of template.sections) visit(section.id, section.fields);
  return found;
}

/** A restricted answer that has been given: where it is, and the child it is about (none: the whole family). */
export interface RestrictedAnswer {
  ref: FieldRef;
  label: string;
  sectionTitle: string;
}

/**
 * Every filled, visible answer that is restricted, walking the record as the template lays
 * it out (a hidden answer is not exported, so it cannot reach anyone and is not counted).
 */
export function restrictedAnswers(record: ConferenceRecord, template: ConferenceTemplate): RestrictedAnswer[] {
  const marks = marksOf(record);
  const found: RestrictedAnswer[] = [];
  for (const section of template.sections) {
    const stored = Object.hasOwn(record.sections, section.id) ? record.sections[section.id] : undefined;
    const walk = (fields: readonly FieldDef[], values: Values, ref: FieldRef) => {
      for (const field of fields) {
        if (!isVisible(field, { record, values, ...(ref.childId ? { childId: ref.childId } : {}) })) continue;
        const value: FieldValue | undefined = Object.hasOwn(values, field.id) ? values[field.id] : undefined;
        if (field.type === 'list') {
          for (const item of itemsOf(value)) walk(field.fields ?? [], item.values, ref.itemId ? { ...ref, subItemId: item.id } : { ...ref, itemId: item.id });
          continue;
        }
        if (field.type === 'perChild') {
          for (const child of childrenOf(record)) walk(field.fields ?? [], perChildOf(value, child.id), { ...ref, childId: child.id });
          continue;
        }
        const here: FieldRef = { ...ref, field: field.id };
        if (!isFilled(value)) continue;
        if (field.restricted || marks.some((mark: RestrictedMark) => sameAnswer(mark, here))) {
          found.push({ ref: here, label: field.label, sectionTitle: section.title });
        }
      }
    };
    if (section.kind === 'single' && stored?.kind === 'single') walk(section.fields, stored.values, { section: section.id });
    if (section.kind === 'list' && stored?.kind === 'list') for (const item of stored.items) walk(section.fields, item.values, { section: section.id, itemId: item.id });
    if (section.kind === 'perChild' && stored?.kind === 'perChild') {
      for (const child of childrenOf(record)) {
        const values = Object.hasOwn(stored.perChild, child.id) ? stored.perChild[child.id]! : {};
        walk(section.fields, values, { section: section.id, childId: child.id });
      }
    }
  }
  return found;
}

/**
 * Readiness: a rationale that may rely on restricted information needs a family version.
 * Whether a rationale "cites" restricted material cannot be read from its words, so the rule
 * is the plain one a chair can check: restricted answers were recorded about this child or
 * the whole family (anything not kept for one child), and the child's decision has no family
 * version. That is a warning, since the rationale may not rely on them. A rationale that is
 * itself marked restricted is blocking: the family copy and the letter would give no reasons.
 */
export function restrictedRationaleFindings(record: ConferenceRecord, template: ConferenceTemplate): RuleFinding[] {
  const answers = restrictedAnswers(record, template);
  const findings: RuleFinding[] = [];
  for (const child of childrenOf(record)) {
    const decision = record.sections[DECISION];
    const values = decision?.kind === 'perChild' && Object.hasOwn(decision.perChild, child.id) ? decision.perChild[child.id]! : {};
    if (!isFilled(values[RATIONALE]) || textOf(values[FAMILY_RATIONALE_FIELD]).trim() !== '') continue;
    const name = childName(record, child.id);
    const ref: FieldRef = { section: DECISION, childId: child.id, field: FAMILY_RATIONALE_FIELD };
    const isRationale = (a: RestrictedAnswer) => a.ref.section === DECISION && (a.ref.field === RATIONALE || a.ref.field === FAMILY_RATIONALE_FIELD);
    if (answers.some((a) => isRationale(a) && a.ref.childId === child.id)) {
      findings.push({
        rule: 'restricted.rationale-marked-without-family-version',
        severity: 'blocking',
        message: `${name}’s rationale is marked restricted, so the family copy and the decision letter would give the family no reasons. Write a family version of the rationale that leaves out the restricted information.`,
        ref,
      });
      continue;
    }
    const about = answers.filter((a) => !isRationale(a) && (a.ref.childId === undefined || a.ref.childId === child.id));
    if (about.length === 0) continue;
    const first = about[0]!;
    const where = `“${first.label}” in ${first.sectionTitle}`;
    const count = about.length === 1 ? `one restricted answer (${where})` : `${about.length} restricted answers (the first: ${where})`;
    findings.push({
      rule: 'restricted.rationale-without-family-version',
      severity: 'warning',
      message: `The conference recorded ${count} about ${name} or the family, and ${name}’s rationale has no family version. If the rationale relies on restricted information, write a family version that leaves it out: the family copy and the decision letter use it instead of the rationale.`,
      ref,
    });
  }
  return findings;
}
