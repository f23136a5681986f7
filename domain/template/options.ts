import { agencyLabel } from '../agencies/agency-label';
import { NO_VIEW, NO_VIEW_LABEL, OUTCOMES, outcomesForChild } from '../decision/outcomes';
import { childName, childrenOf, listItems } from '../record/access';
import type { ConferenceRecord } from '../record/conference';
import type { FieldDef, Option } from './types';
import { SECTION } from './field-names';

/**
 * The choices a select offers, fixed in the template or drawn from the record. Outcomes and
 * agencies' recommendations follow the child (`childId`): a child new to conference at a
 * review is offered a plan, a child already on one its continuation or end.
 */
export function optionsFor(field: FieldDef, record: ConferenceRecord, childId?: string): readonly Option[] {
  switch (field.optionsFrom) {
    case undefined:
      return field.options ?? [];
    case 'children':
      return childrenOf(record).map((child) => ({ value: child.id, label: childName(record, child.id) }));
    case 'agencies':
      return listItems(record, SECTION.agencies).map((agency, index) => ({ value: agency.id, label: agencyLabel(agency, index) }));
    case 'outcomes':
      return outcomesForChild(record, childId).map((value) => ({ value, label: OUTCOMES[value].label }));
    case 'recommendations':
      return [
        ...outcomesForChild(record, childId).map((value) => ({ value, label: OUTCOMES[value].label })),
        { value: NO_VIEW, label: NO_VIEW_LABEL },
      ];
  }
}
