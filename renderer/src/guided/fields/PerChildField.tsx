import { memo, useCallback, useMemo, type ReactNode } from 'react';
import { childName, childrenOf } from '../../../../domain/record/access';
import type { ConferenceRecord, Values } from '../../../../domain/record/conference';
import type { FieldDef } from '../../../../domain/template/types';
import { Heading } from '../Heading';
import { enterChild, fieldDomId, hintId, refDomId, type FieldScope } from '../scope';
import { childOfValue, withChildValue, type Updater } from '../values';
import type { FieldProps, FieldsRenderer } from './types';

/** A set of fields for each child (an agency's recommendation for each child). */
export const PerChildField = memo(function PerChildField(props: FieldProps) {
  const { field, value, setField, scope, record, headingLevel, problems, Fields } = props;
  const domId = fieldDomId(scope, field.id);
  const updateChild = useCallback(
    (childId: string, updater: Updater<Values>) => setField(field.id, (prev) => withChildValue(prev, childId, updater)),
    [setField, field.id],
  );
  if (!record || !problems || !Fields) throw new Error('A per-child field needs the record, the problems map and the fields renderer.');
  return (
    <section className="g-subgroup" aria-labelledby={`${domId}--heading`} aria-describedby={field.hint ? hintId(domId) : undefined}>
      <Heading level={headingLevel} id={`${domId}--heading`} className="g-subgroup__title">
        {field.label}
      </Heading>
      {field.hint && (
        <p className="g-hint" id={hintId(domId)}>
          {field.hint}
        </p>
      )}
      <ChildBlocks
        fields={field.fields ?? []}
        valuesOf={(childId) => childOfValue(value, childId)}
        updateChild={updateChild}
        scope={scope}
        record={record}
        headingLevel={headingLevel + 1}
        problems={problems}
        Fields={Fields}
      />
    </section>
  );
});

interface BlocksProps {
  fields: readonly FieldDef[];
  valuesOf: (childId: string) => Values;
  updateChild: (childId: string, updater: Updater<Values>) => void;
  scope: FieldScope;
  record: ConferenceRecord;
  headingLevel: number;
  problems: ReadonlyMap<string, string>;
  /** Shown beside a child's fields (the collation next to the decision). */
  extraFor?: (childId: string) => ReactNode;
  /** Draws each child's fields (FieldsBlock, handed down: see FieldsRenderer). */
  Fields: FieldsRenderer;
}

/** One block per child, headed by the child's name, in the order the children were entered. */
export function ChildBlocks({ fields, valuesOf, updateChild, scope, record, headingLevel, problems, extraFor, Fields }: BlocksProps) {
  const children = childrenOf(record);
  if (children.length === 0) {
    return <p className="g-empty">Add the children first (in the Children section): each child gets their own answers here.</p>;
  }
  return (
    <>
      {children.map((child) => (
        <ChildBlock
          key={child.id}
          childId={child.id}
          name={childName(record, child.id)}
          fields={fields}
          values={valuesOf(child.id)}
          updateChild={updateChild}
          scope={scope}
          record={record}
          headingLevel={headingLevel}
          problems={problems}
          extra={extraFor?.(child.id)}
          Fields={Fields}
        />
      ))}
    </>
  );
}

interface BlockProps {
  childId: string;
  name: string;
  fields: readonly FieldDef[];
  values: Values;
  updateChild: (childId: string, updater: Updater<Values>) => void;
  scope: FieldScope;
  record: ConferenceRecord;
  headingLevel: number;
  problems: ReadonlyMap<string, string>;
  extra: ReactNode;
  Fields: FieldsRenderer;
}

const ChildBlock = memo(function ChildBlock({ childId, name, fields, values, updateChild, scope, record, headingLevel, problems, extra, Fields }: BlockProps) {
  const childScope = useMemo(() => enterChild(scope, childId), [scope, childId]);
  const update = useCallback((updater: Updater<Values>) => updateChild(childId, updater), [updateChild, childId]);
  const headingId = refDomId(childScope);
  return (
    <fieldset className="g-child">
      <legend className="g-child__legend">
        <Heading level={headingLevel} id={headingId} tabIndex={-1} className="g-child__title">
          <bdi>{name}</bdi>
        </Heading>
      </legend>
      {extra}
      <Fields fields={fields} values={values} update={update} scope={childScope} record={record} headingLevel={headingLevel + 1} problems={problems} />
    </fieldset>
  );
});
