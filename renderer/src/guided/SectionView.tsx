import { memo, useCallback, useMemo, type ReactNode } from 'react';
import type { ConferenceRecord, GroupItem, SectionValue, Values } from '../../../domain/record/conference';
import type { RuleFinding } from '../../../domain/rules/finding';
import type { SectionDef } from '../../../domain/template/types';
import { FieldsBlock } from './FieldsBlock';
import { ListField } from './fields/ListField';
import { ChildBlocks } from './fields/PerChildField';
import { FindingsList } from './readiness/FindingsList';
import { refDomId, sectionHeadingId, type FieldScope } from './scope';
import { childOfSection, itemsOfSection, singleOf, withChild, withItems, withSingle, type Updater } from './values';

export type UpdateSection = (sectionId: string, updater: Updater<SectionValue | undefined>) => void;

interface Props {
  section: SectionDef;
  value: SectionValue | undefined;
  updateSection: UpdateSection;
  record: ConferenceRecord;
  findings: readonly RuleFinding[];
  problems: ReadonlyMap<string, string>;
  /** Extra content beside each child's block (the collation on the decision section). */
  extraFor?: (childId: string) => ReactNode;
}

/** One section of the template: its title and purpose, what still blocks signing, and its fields. */
export const SectionView = memo(function SectionView({ section, value, updateSection, record, findings, problems, extraFor }: Props) {
  const scope = useMemo<FieldScope>(() => ({ section: section.id }), [section.id]);
  const blocking = findings.filter((f) => f.severity === 'blocking');
  return (
    <section className="g-section" aria-labelledby={sectionHeadingId(section.id)}>
      <h2 id={sectionHeadingId(section.id)} tabIndex={-1} className="g-section__title">
        {section.title}
      </h2>
      <p className="g-section__purpose">{section.purpose}</p>
      {blocking.length > 0 && (
        <details className="g-section__findings">
          <summary>
            {blocking.length === 1 ? '1 item in this section blocks signing' : `${blocking.length} items in this section block signing`}
          </summary>
          <FindingsList findings={blocking} />
        </details>
      )}
      <SectionBody section={section} value={value} updateSection={updateSection} scope={scope} record={record} problems={problems} extraFor={extraFor} />
    </section>
  );
});

interface BodyProps {
  section: SectionDef;
  value: SectionValue | undefined;
  updateSection: UpdateSection;
  scope: FieldScope;
  record: ConferenceRecord;
  problems: ReadonlyMap<string, string>;
  extraFor?: (childId: string) => ReactNode;
}

function SectionBody({ section, value, updateSection, scope, record, problems, extraFor }: BodyProps) {
  const id = section.id;
  const updateSingle = useCallback((updater: Updater<Values>) => updateSection(id, (prev) => withSingle(prev, updater)), [updateSection, id]);
  const updateItems = useCallback((updater: Updater<GroupItem[]>) => updateSection(id, (prev) => withItems(prev, updater)), [updateSection, id]);
  const updateChild = useCallback(
    (childId: string, updater: Updater<Values>) => updateSection(id, (prev) => withChild(prev, childId, updater)),
    [updateSection, id],
  );
  switch (section.kind) {
    case 'single':
      return <FieldsBlock fields={section.fields} values={singleOf(value)} update={updateSingle} scope={scope} record={record} headingLevel={3} problems={problems} />;
    case 'perChild':
      return (
        <ChildBlocks
          fields={section.fields}
          valuesOf={(childId) => childOfSection(value, childId)}
          updateChild={updateChild}
          scope={scope}
          record={record}
          headingLevel={3}
          problems={problems}
          extraFor={extraFor}
          Fields={FieldsBlock}
        />
      );
    case 'list':
      return (
        <ListField
          listId={id}
          label={section.title}
          itemLabel={section.itemLabel ?? 'item'}
          fields={section.fields}
          minItems={section.minItems}
          items={itemsOfSection(value)}
          updateItems={updateItems}
          scope={scope}
          addId={refDomId(scope)}
          record={record}
          headingLevel={3}
          problems={problems}
          Fields={FieldsBlock}
        />
      );
  }
}
