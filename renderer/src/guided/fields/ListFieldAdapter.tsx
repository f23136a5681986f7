import { memo, useCallback } from 'react';
import type { GroupItem } from '../../../../domain/record/conference';
import { Heading } from '../Heading';
import { fieldDomId, hintId } from '../scope';
import { itemsOfValue, type Updater } from '../values';
import { ListField } from './ListField';
import { RequiredMark } from '../../components/FieldShell';
import type { FieldProps } from './types';

/** A list inside a block (danger statements, visits, actions): a headed group around ListField. */
export const ListFieldAdapter = memo(function ListFieldAdapter(props: FieldProps) {
  const { field, value, setField, scope, record, headingLevel, problems, required, problem, Fields } = props;
  const addId = fieldDomId(scope, field.id);
  const headingId = `${addId}--heading`;
  const updateItems = useCallback(
    (updater: Updater<GroupItem[]>) => setField(field.id, (prev) => updater(itemsOfValue(prev))),
    [setField, field.id],
  );
  if (!record || !problems || !Fields) throw new Error('A list field needs the record, the problems map and the fields renderer.');
  return (
    <section className="g-subgroup" aria-labelledby={headingId} aria-describedby={field.hint ? hintId(addId) : undefined}>
      <Heading level={headingLevel} id={headingId} className="g-subgroup__title">
        {field.label}
        <RequiredMark required={required || (field.minItems ?? 0) > 0} />
      </Heading>
      {field.hint && (
        <p className="g-hint" id={hintId(addId)}>
          {field.hint}
        </p>
      )}
      {problem && <p className="g-error">{problem}</p>}
      <ListField
        listId={field.id}
        label={field.label}
        itemLabel={field.itemLabel ?? 'item'}
        fields={field.fields ?? []}
        minItems={field.minItems}
        items={itemsOfValue(value)}
        updateItems={updateItems}
        scope={scope}
        addId={addId}
        record={record}
        headingLevel={headingLevel + 1}
        problems={problems}
        Fields={Fields}
      />
    </section>
  );
});
