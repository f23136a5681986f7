import { agencyLabel } from '../agencies/agency-label';
import { NO_VIEW, NO_VIEW_LABEL, OUTCOMES, outcomesFor } from '../decision/outcomes';
import { childName, childrenOf, listItems } from '../record/access';
import type { ConferenceRecord } from '../record/conference';
import type { FieldDef, Option } from './types';

/** The choices a select offers, fixed in the template or drawn from the record. */
export function optionsFor(field: FieldDef, record: ConferenceRecord): readonly Option[] {
  switch (field.optionsFrom) {
    case undefined:
      return field.options ?? [];
    case 'children':
      return childrenOf(record).map((child) => ({ value: child.id, label: childName(record, child.id) }));
    case 'agencies':
      return listItems(record, 'agencies').map((agency, index) => ({ value: agency.id, label: agencyLabel(agency, index) }));
    case 'outcomes':
      return outcomesFor(record.type).map((value) => ({ value, label: OUTCOMES[value].label }));
    case 'recommendations':
      return [
        ...outcomesFor(record.type).map((value) => ({ value, label: OUTCOMES[value].label })),
        { value: NO_VIEW, label: NO_VIEW_LABEL },
      ];
  }
}
