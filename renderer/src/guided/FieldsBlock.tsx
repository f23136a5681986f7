import { memo, useCallback, useMemo, type ComponentType } from 'react';
import { meetingValues, textOf } from '../../../domain/record/access';
import type { ConferenceRecord, Values } from '../../../domain/record/conference';
import { isRequired, isVisible, presentField, type FieldContext } from '../../../domain/template/conditions';
import { optionsFor } from '../../../domain/template/options';
import type { FieldDef, FieldType, Option } from '../../../domain/template/types';
import { ChoiceList, MultiSelectField, SelectField, YesNoField } from './fields/ChoiceFields';
import { DateField, TimeField } from './fields/FormattedTextField';
import { ListFieldAdapter } from './fields/ListFieldAdapter';
import { PerChildField } from './fields/PerChildField';
import { ScaleField } from './fields/ScaleField';
import { SummaryField } from './fields/SummaryField';
import { useLocalSettings } from './local-settings';
import { TextField } from './fields/TextField';
import { RestrictableLongText } from './restricted/RestrictableLongText';
import type { FieldProps, FieldsBlockProps } from './fields/types';
import { fieldDomId, type FieldScope } from './scope';
import { setIn, type SetField } from './values';

/** One renderer per field type: a new field in a template needs no change here, only a new type would. */
const RENDERERS: Record<FieldType, ComponentType<FieldProps>> = {
  text: TextField,
  // Every long answer can be marked restricted where it is written.
  longtext: RestrictableLongText,
  date: DateField,
  time: TimeField,
  select: SelectField,
  multiselect: MultiSelectField,
  yesno: YesNoField,
  scale: ScaleField,
  list: ListFieldAdapter,
  perChild: PerChildField,
  summary: SummaryField,
};


/**
 * The fields of one block, drawn from the template: hidden ones (visibleWhen) are left out
 * and required ones marked, by the same conditions the domain validates with.
 */
export const FieldsBlock = memo(function FieldsBlock({ fields, values, update, scope, record, headingLevel, problems }: FieldsBlockProps) {
  const setField = useCallback<SetField>((fieldId, updater) => update((prev) => setIn(prev, fieldId, updater)), [update]);
  const ownRecord = useMemo(() => withOwnValues(record, scope, values), [record, scope, values]);
  const settings = useLocalSettings();
  const ctx: FieldContext = { record: ownRecord, values, childId: scope.childId, settings };
  const scaleDefinition = textOf(meetingValues(record)['scaleDefinition']).trim();
  return (
    <>
      {fields.map((field) => {
        if (!isVisible(field, ctx)) return null;
        const Renderer = field.type === 'select' && preferRadios(field) ? ChoiceList : RENDERERS[field.type];
        return (
          <Renderer
            key={field.id}
            field={presentField(field, ctx)}
            value={values[field.id]}
            setField={setField}
            scope={scope}
            required={isRequired(field, ctx)}
            problem={problems.get(fieldDomId(scope, field.id))}
            options={stableOptions(field, record, scope.childId)}
            scaleDefinition={scaleDefinition}
            headingLevel={headingLevel}
            record={STRUCTURAL.has(field.type) ? record : undefined}
            problems={STRUCTURAL.has(field.type) ? problems : undefined}
            Fields={STRUCTURAL.has(field.type) ? FieldsBlock : undefined}
          />
        );
      })}
    </>
  );
});

/**
 * The record as this block's own conditions should see it: the deferred copy, but with this
 * block's values as they are now. A condition such as "the outcome for this child is a plan"
 * reads the record, and must not lag behind the outcome the chair has just chosen, or the
 * plan's category would appear after focus had already moved past where it belongs.
 */
function withOwnValues(record: ConferenceRecord, scope: FieldScope, values: Values): ConferenceRecord {
  if (scope.itemId || scope.subItemId) return record;
  const current = record.sections[scope.section];
  if (scope.childId) {
    const perChild = current?.kind === 'perChild' ? current.perChild : {};
    if (perChild[scope.childId] === values) return record;
    return { ...record, sections: { ...record.sections, [scope.section]: { kind: 'perChild', perChild: { ...perChild, [scope.childId]: values } } } };
  }
  if (current?.kind === 'single' && current.values === values) return record;
  return { ...record, sections: { ...record.sections, [scope.section]: { kind: 'single', values } } };
}

const STRUCTURAL: ReadonlySet<FieldType> = new Set(['list', 'perChild', 'summary']);
const NO_OPTIONS: readonly Option[] = [];
const lastOptions = new WeakMap<FieldDef, Map<string, readonly Option[]>>();

/**
 * A field's choices, as the same array for as long as they are the same choices: options
 * drawn from the record (agencies, children) are rebuilt on every pass, and a new array
 * would make every select re-render. Keyed by the template's field object, which all
 * items and children share.
 */
function stableOptions(field: FieldDef, record: ConferenceRecord, childId: string | undefined): readonly Option[] {
  if (field.type !== 'select' && field.type !== 'multiselect') return NO_OPTIONS;
  // Outcomes and recommendations follow the child, so each child keeps its own last choices.
  const fresh = optionsFor(field, record, childId);
  let byChild = lastOptions.get(field);
  if (!byChild) {
    byChild = new Map();
    lastOptions.set(field, byChild);
  }
  const previous = byChild.get(childId ?? '');
  if (previous && previous.length === fresh.length && previous.every((o, i) => o.value === fresh[i]?.value && o.label === fresh[i]?.label)) {
    return previous;
  }
  byChild.set(childId ?? '', fresh);
  return fresh;
}

/** Short fixed choices (yes / no, two or three options) read better as radios than as a menu. */
function preferRadios(field: FieldDef): boolean {
  return field.optionsFrom === undefined && (field.options?.length ?? 0) > 0 && (field.options?.length ?? 0) <= 3;
}
