import type { Block, Cell, DocumentModel } from '../../domain/documents/model';
import { cell, heading, plain, text } from '../../domain/documents/model';
import { childName, childrenOf, childValues, itemsOf, textOf } from '../../domain/record/access';
import type { ConferenceRecord } from '../../domain/record/conference';
import { conferenceDate, conferenceTitle, documentDate, documentOf, familyName, type LayoutOptions, withRecordRestrictions } from './common';

/**
 * The actions list for the core group: every action of every child's plan with who does
 * it, by when and how often, and the meetings that follow. Only what the plan says; the
 * core group are professionals and family alike, so it carries no restricted text.
 */

export const ACTIONS_LIST = 'Actions list';

/** `frequency` is read when the plan records it; the current template keeps it in the action's words. */
const FREQUENCY_FIELD = 'frequency';

export function actionsList(record: ConferenceRecord, given: LayoutOptions = {}): DocumentModel {
  const options = withRecordRestrictions(record, given);
  const date = conferenceDate(record);
  const blocks: Block[] = [
    { kind: 'paragraph', style: 'title', runs: [text(`Actions from the ${conferenceTitle(record).toLowerCase()}: ${familyName(record)}`)] },
    plain(`Agreed at the conference held on ${date ? documentDate(date) : 'a date not yet recorded'}.`),
  ];
  if (!options.signature) blocks.push({ kind: 'notice', title: 'Draft', runs: [text('This is a draft. The chair has not signed the plan yet.')] });

  const rows: Cell[][] = [];
  for (const child of childrenOf(record)) {
    const plan = childValues(record, 'plan', child.id);
    for (const action of itemsOf(plan['actions'])) {
      const restricted = options.isRestricted?.({ sectionId: 'plan', fieldId: 'action', childId: child.id, itemId: action.id }) ?? false;
      const due = textOf(action.values['dueDate']);
      rows.push([
        cell(childName(record, child.id)),
        cell(textOf(action.values['action']), restricted),
        cell(textOf(action.values['owner']) || 'Not recorded'),
        cell(due ? documentDate(due) : 'Not recorded'),
        cell(textOf(action.values[FREQUENCY_FIELD]) || 'As the action says'),
      ]);
    }
  }
  blocks.push(heading(1, 'Actions'));
  blocks.push(
    rows.length > 0
      ? { kind: 'table', caption: 'Every action in the plan', header: ['Child', 'Action', 'Who', 'By when', 'How often'], rows, widths: [2, 5, 3, 2, 2] }
      : plain('No actions have been recorded in the plan.'),
  );

  blocks.push(heading(1, 'Meetings and leads'));
  const meetings: Cell[][] = childrenOf(record).map((child) => {
    const plan = childValues(record, 'plan', child.id);
    const when = (id: string) => (textOf(plan[id]) ? documentDate(textOf(plan[id])) : '—');
    return [cell(childName(record, child.id)), cell(textOf(plan['lead']) || '—'), cell(when('firstCoreGroupDate')), cell(when('reviewDate'))];
  });
  blocks.push({ kind: 'table', header: ['Child', 'Lead professional', 'First core group by', 'Review by'], rows: meetings });

  return documentOf({ record, options, documentName: ACTIONS_LIST, subject: 'Actions agreed in a child protection plan, for the core group', blocks });
}
