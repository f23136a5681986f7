import { CATEGORIES } from '../../domain/decision/outcomes';
import type { Block, DocumentModel } from '../../domain/documents/model';
import { heading, paragraph, paragraphsOf, plain, text } from '../../domain/documents/model';
import { redactRestricted } from '../../domain/documents/redact';
import { childName, childrenOf, childValues, itemsOf, listItems, stringsOf, textOf } from '../../domain/record/access';
import type { ConferenceRecord, Values } from '../../domain/record/conference';
import { conferenceDate, conferenceTitle, defaultFamilyVersion, documentDate, documentOf, type LayoutOptions, type RestrictionQuery, withRecordRestrictions } from './common';
import { outcomeLabel } from '../../domain/decision/outcomes';
import { restrictedBlock } from './fields';
import { signatureBlock } from './signature';

/**
 * The decision letter to the parents: for each child the outcome and the chair's reasons,
 * the outline plan, the lead social worker and the dates, and how to comment or complain.
 * Everything said about the children comes from the record; the only words added are the
 * fixed connecting sentences below. It goes to the family, so restricted answers are left
 * out the same way as in the family copy.
 */

export const DECISION_LETTER = 'Decision letter';

export function decisionLetter(record: ConferenceRecord, given: LayoutOptions = {}): DocumentModel {
  const options = withRecordRestrictions(record, given);
  const date = conferenceDate(record);
  const held = date ? documentDate(date) : 'the date of the conference';
  const blocks: Block[] = [
    { kind: 'paragraph', style: 'title', runs: [text(`${conferenceTitle(record)}: the decision`)] },
    plain(`${greeting(record)},`),
    plain(`This letter tells you what the child protection conference held on ${held} decided for each child, and why.`),
  ];
  if (!options.signature) {
    blocks.push({ kind: 'notice', title: 'Draft', runs: [text('This is a draft. The chair has not signed it yet.')] });
  }
  for (const child of childrenOf(record)) blocks.push(...childBlocks(record, child.id, options));
  blocks.push(
    heading(1, 'If you want to comment or complain'),
    plain(
      'If you think something in this letter or in the minutes is wrong, or you want to comment on the decision, please tell the chair or your lead social worker. You will receive a copy of the minutes, and you can ask for anything in them to be explained.',
    ),
    plain(
      options.complaintsContact ??
        'If you are unhappy with how the conference was run or with its decision, you can complain. Your lead social worker will give you the council’s complaints procedure and help you use it.',
    ),
    plain('Yours sincerely,'),
    signatureBlock(record, options),
  );
  return documentOf({
    record,
    options,
    documentName: DECISION_LETTER,
    subject: 'Letter to the parents about the decision of a child protection conference',
    blocks: redactRestricted(blocks).blocks,
  });
}

function greeting(record: ConferenceRecord): string {
  const parents = listItems(record, 'family')
    .filter((member) => member.values['parentalResponsibility'] === true)
    .map((member) => textOf(member.values['name']).trim())
    .filter((name) => name !== '');
  return parents.length > 0 ? `Dear ${parents.join(' and ')}` : 'Dear parents and carers';
}

function childBlocks(record: ConferenceRecord, childId: string, options: LayoutOptions): Block[] {
  const name = childName(record, childId);
  const decision = childValues(record, 'decision', childId);
  const plan = childValues(record, 'plan', childId);
  const restricted = (sectionId: string, fieldId: string) => options.isRestricted?.({ sectionId, fieldId, childId }) ?? false;
  const categories = stringsOf(decision['categories']).map((c) => (CATEGORIES.find((k) => k.value === c)?.label ?? c).toLowerCase());
  const outcome = outcomeLabel(decision['outcome']) || 'Not yet decided';
  const blocks: Block[] = [
    heading(1, name),
    paragraph(
      text('The conference decided: '),
      text(outcome, { bold: true }),
      text(categories.length > 0 ? `, under the category of ${categories.join(' and ')}.` : '.'),
    ),
    heading(2, 'Why'),
    ...reasons(decision, { sectionId: 'decision', fieldId: 'rationale', childId }, options),
  ];
  const safeguards = textOf(decision['sufficientSafeguards']);
  if (safeguards) blocks.push(...guarded(restricted('decision', 'sufficientSafeguards'), [heading(3, 'Why the plan keeps the child safe enough'), ...paragraphsOf(safeguards)]));

  blocks.push(heading(2, 'The plan in outline'));
  const aims = textOf(plan['outcomes']);
  if (aims) blocks.push(...guarded(restricted('plan', 'outcomes'), [paragraph(text('What the plan must achieve: ', { bold: true }), text(aims))]));
  const actions = itemsOf(plan['actions']).filter((a) => !(options.isRestricted?.({ sectionId: 'plan', fieldId: 'action', childId, itemId: a.id }) ?? false));
  if (actions.length > 0) {
    blocks.push({
      kind: 'list',
      ordered: false,
      items: actions.map((a) => {
        const due = textOf(a.values['dueDate']);
        return [text(textOf(a.values['action'])), text(` — ${textOf(a.values['owner']) || 'owner not recorded'}${due ? `, by ${documentDate(due)}` : ''}`, { italic: true })];
      }),
    });
  }
  const facts: [string, string][] = [
    ['Lead social worker or lead professional', textOf(plan['lead'])],
    ['Core group members', textOf(plan['coreGroup'])],
    ['First core group meeting by', textOf(plan['firstCoreGroupDate']) ? documentDate(textOf(plan['firstCoreGroupDate'])) : ''],
    ['Review by', textOf(plan['reviewDate']) ? documentDate(textOf(plan['reviewDate'])) : ''],
  ];
  const shown = facts.filter(([, value]) => value !== '');
  if (shown.length > 0) {
    blocks.push({
      kind: 'table',
      header: ['', ''],
      keyValue: true,
      widths: [2, 3],
      rows: shown.map(([label, value]) => [{ runs: [text(label)] }, { runs: [text(value)] }]),
    });
  } else {
    blocks.push(plain('The plan’s details have not been recorded yet.'));
  }
  return blocks;
}

function reasons(values: Values, query: RestrictionQuery, options: LayoutOptions): Block[] {
  const family = (options.familyVersion ?? defaultFamilyVersion)(query, values);
  if (family !== undefined) return paragraphsOf(family);
  const original = textOf(values[query.fieldId]);
  if (!original) return [plain('The reasons have not been recorded yet.')];
  const fallback = plain('Your lead social worker will explain the reasons for this decision to you.');
  return options.isRestricted?.(query) ? [restrictedBlock(paragraphsOf(original), [fallback])] : paragraphsOf(original);
}

function guarded(isRestricted: boolean, blocks: Block[]): Block[] {
  return isRestricted ? [restrictedBlock(blocks)] : blocks;
}
