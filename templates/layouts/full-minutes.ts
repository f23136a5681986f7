import { PRACTICE_ALERTS_SECTION } from '../../domain/alerts/practice-alerts';
import { collate, type ChildCollation } from '../../domain/collation/collate';
import { agencyLabel } from '../../domain/agencies/agency-label';
import { CATEGORIES } from '../../domain/decision/outcomes';
import type { Block, Chart, Collation, DocumentModel } from '../../domain/documents/model';
import { cell, heading, label, paragraph, paragraphsOf, plain, text } from '../../domain/documents/model';
import { childName, childrenOf, childValues, listItems, meetingValues, singleValues, textOf } from '../../domain/record/access';
import type { ConferenceRecord, GroupItem } from '../../domain/record/conference';
import { evaluate } from '../../domain/template/conditions';
import type { SectionDef } from '../../domain/template/types';
import { templateFor } from '../conference-templates';
import { conferenceDate, conferenceTitle, defaultFamilyVersion, FAMILY_RATIONALE_FIELD, documentDate, documentOf, familyName, type LayoutOptions, withRecordRestrictions } from './common';
import { fieldBlocks, isRestrictedField, restrictedBlock, shortValue, type FieldOverride, type FieldScope } from './fields';
import { signatureBlocks } from './signature';

/**
 * The full minutes: every section of the template in the template's order, so the line the
 * inspection asked for — each agency's view, the risk analysis, the decision for each child,
 * the rationale, the plan — reads in the order it was reasoned. Each child's decision opens
 * with the collation of agency views and their scores beside it.
 */

export const FULL_MINUTES = 'Full minutes';

/**
 * Kept with the conference but not part of its minutes: the chair's practice alerts are an
 * escalation to managers about practice, listed by the manager's audit, not read by those at the meeting.
 */
const NOT_IN_MINUTES: ReadonlySet<string> = new Set([PRACTICE_ALERTS_SECTION]);

export function fullMinutes(record: ConferenceRecord, given: LayoutOptions = {}): DocumentModel {
  const options = withRecordRestrictions(record, given);
  return documentOf({
    record,
    options,
    documentName: FULL_MINUTES,
    subject: 'Minutes of a child protection conference, including restricted information',
    blocks: minutesBlocks(record, options),
  });
}

export function minutesBlocks(record: ConferenceRecord, options: LayoutOptions): Block[] {
  const template = templateFor(record.type);
  const blocks: Block[] = [...titleBlocks(record, options)];
  for (const section of template.sections) {
    if (NOT_IN_MINUTES.has(section.id)) continue;
    if (section.visibleWhen && !evaluate(section.visibleWhen, { record, values: {} })) continue;
    blocks.push(heading(1, section.title), ...sectionBlocks(section, record, options));
  }
  blocks.push(...signatureBlocks(record, options));
  return blocks;
}

export function titleBlocks(record: ConferenceRecord, options: LayoutOptions): Block[] {
  const meeting = meetingValues(record);
  const date = conferenceDate(record);
  const children = childrenOf(record).map((child) => childName(record, child.id));
  const blocks: Block[] = [
    { kind: 'paragraph', style: 'title', runs: [text(`${conferenceTitle(record)}: ${familyName(record)}`)] },
    paragraph(
      text('Held on '),
      text(date ? documentDate(date) : 'a date not yet recorded', { bold: true }),
      text(`. Chair: ${textOf(meeting['chair']) || 'not yet recorded'}. Children: ${children.join(', ') || 'none recorded'}.`),
    ),
  ];
  if (!options.signature) {
    blocks.push({
      kind: 'notice',
      title: 'Draft',
      runs: [text('This is a draft. The chair has not signed it, and it may change before it is signed.')],
    });
  }
  return blocks;
}

function sectionBlocks(section: SectionDef, record: ConferenceRecord, options: LayoutOptions): Block[] {
  const base: FieldScope = { record, options, sectionId: section.id };
  const override = overridesFor(section.id);
  switch (section.kind) {
    case 'single':
      return orNone(fieldBlocks(section.fields, singleValues(record, section.id), base, override));
    case 'perChild':
      return childrenOf(record).flatMap((child) => {
        const scope = { ...base, childId: child.id };
        const before = section.id === 'decision' ? collationBlocks(record, child.id, options) : [];
        const own = fieldBlocks(section.fields, childValues(record, section.id, child.id), scope, override);
        return [heading(2, childName(record, child.id)), ...before, ...orNone(own)];
      });
    case 'list': {
      const items = listItems(record, section.id);
      if (items.length === 0) return [plain(section.id === 'dissent' ? 'No agency dissented from the decision.' : 'None recorded.')];
      return items.flatMap((item, index) => [
        heading(2, itemTitle(section, record, item, index)),
        ...orNone(fieldBlocks(section.fields, item.values, { ...base, itemId: item.id }, override)),
      ]);
    }
  }
}

function orNone(blocks: Block[]): Block[] {
  return blocks.length > 0 ? blocks : [plain('Nothing recorded.', 'small')];
}

function itemTitle(section: SectionDef, record: ConferenceRecord, item: GroupItem, index: number): string {
  switch (section.id) {
    case 'agencies':
      return agencyLabel(item, index);
    case 'children':
      return childName(record, item.id);
    case 'dissent': {
      const agencyField = section.fields.find((f) => f.id === 'agency');
      const agency = agencyField ? shortValue(agencyField, item.values['agency'], record) : '';
      return `Dissent${agency ? `: ${agency}` : ` ${index + 1}`}`;
    }
    default: {
      const name = textOf(item.values['name']) || textOf(item.values['recipient']);
      const label = section.itemLabel ?? 'item';
      return name || `${label.charAt(0).toUpperCase()}${label.slice(1)} ${index + 1}`;
    }
  }
}

function overridesFor(sectionId: string): FieldOverride | undefined {
  if (sectionId === 'voice') {
    return (field, value, _values, scope) =>
      field.id === 'ownWords' && typeof value === 'string'
        ? [
            label(field.label),
            { kind: 'quotation', attribution: `${childName(scope.record, scope.childId ?? '')}, in their own words`, text: value },
          ]
        : undefined;
  }
  if (sectionId === 'decision') {
    return (field, value, values, scope) => {
      // The family version stands in for the rationale in the family copy (below), so it is not printed twice.
      if (field.id === FAMILY_RATIONALE_FIELD) return [];
      if (field.id !== 'rationale' || typeof value !== 'string') return undefined;
      const query = { sectionId: scope.sectionId, fieldId: field.id, ...(scope.childId ? { childId: scope.childId } : {}) };
      const family = (scope.options.familyVersion ?? defaultFamilyVersion)(query, values);
      const own: Block[] = [label(field.label), ...paragraphsOf(value)];
      if (family === undefined) return own;
      // The original is kept from the family; the chair's family version stands in its place.
      const replacement: Block[] = [label(`${field.label} (the version written for the family)`), ...paragraphsOf(family)];
      // Marked restricted or not, the original stays out of the family copy and the family version goes in.
      return isRestrictedField(field, scope)
        ? [restrictedBlock(own, replacement)]
        : [restrictedBlock(own, replacement, 'the chair has written the rationale again for the family, leaving out restricted information')];
    };
  }
  return undefined;
}

/** Each agency's view of the child beside the chair's decision, and the scores as a chart. */
export function collationBlocks(record: ConferenceRecord, childId: string, options: LayoutOptions): Block[] {
  const collation = collate(record).find((c) => c.childId === childId);
  if (!collation) return [];
  const decision = childValues(record, 'decision', childId);
  const categories = (Array.isArray(decision['categories']) ? decision['categories'] : []).filter((c): c is string => typeof c === 'string');
  const categoryText =
    categories.length > 0 ? ` (${categories.map((c) => (CATEGORIES.find((k) => k.value === c)?.label ?? c).toLowerCase()).join(', ')})` : '';
  const restricted = (fieldId: string, itemId: string) =>
    options.isRestricted?.({ sectionId: 'agencies', fieldId, itemId, childId }) ?? false;
  const block: Collation = {
    kind: 'collation',
    childName: collation.childName,
    decision: collation.outcomeLabel ? `${collation.outcomeLabel}${categoryText}` : 'Not yet decided',
    summary: spread(collation),
    rows: collation.views.map((view) => ({
      agency: view.agency,
      representative: view.representative,
      attendance: view.attendance,
      recommendation: view.recommendationLabel,
      reasons: cell(view.reasons, view.reasons !== '' && restricted('reasons', view.agencyId)),
      score: view.score,
      worries: cell(view.worries, view.worries !== '' && restricted('worries', view.agencyId)),
      strengths: cell(view.strengths, view.strengths !== '' && restricted('strengths', view.agencyId)),
      departs: view.departs,
    })),
  };
  const chart: Chart = {
    kind: 'chart',
    title: `Safety scale scores for ${collation.childName}`,
    scaleDefinition: collation.scaleDefinition || 'The scale’s definition was not recorded.',
    max: 10,
    bars: [
      ...collation.views.filter((v) => v.attendance !== 'not-invited').map((v) => ({ label: v.agency, score: v.score })),
      { label: 'Chair', score: collation.chairScore },
    ],
  };
  return [heading(3, `Agency views and the decision for ${collation.childName}`), block, chart];
}

function spread(collation: ChildCollation): string {
  const counts = collation.recommendations.map((r) => `${r.label}: ${r.count}`).join('; ');
  const { count, min, max, median } = collation.scores;
  const scores = collation.scoresHidden
    ? 'Scores are hidden until every agency present has scored (blind scaling).'
    : count > 0
      ? `Scores from ${count} ${count === 1 ? 'agency' : 'agencies'} ranged from ${min} to ${max} (median ${median}).`
      : 'No agency gave a score.';
  const departures = collation.departures.map((d) => d.agency);
  const differ = departures.length > 0 ? ` The decision differs from the recommendation of: ${departures.join(', ')}.` : '';
  return `Recommendations — ${counts}. ${scores}${differ}`;
}
