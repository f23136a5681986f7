import { memo, useCallback, useMemo, useState } from 'react';
import type { ConferenceRecord, GroupItem, Values } from '../../../../domain/record/conference';
import { isVisible } from '../../../../domain/template/conditions';
import { countOf, pluralOf } from '../../../../domain/template/plural';
import type { FieldDef } from '../../../../domain/template/types';
import { useGuided } from '../context';
import { Heading } from '../Heading';
import { capitalise, itemTitle } from '../item-title';
import { enterItem, fieldDomId, refDomId, type FieldScope } from '../scope';
import { newId, updateItem, type Update, type Updater } from '../values';
import type { FieldsRenderer } from './types';

export interface ListProps {
  /** The section id (list sections) or field id (list fields): names items the domain's way. */
  listId: string;
  label: string;
  itemLabel: string;
  fields: readonly FieldDef[];
  minItems: number | undefined;
  items: GroupItem[];
  updateItems: Update<GroupItem[]>;
  /** The scope the list sits in; each item enters it as validate.ts does. */
  scope: FieldScope;
  /** The element id of the "Add" button: the ref of the list itself. */
  addId: string;
  record: ConferenceRecord;
  headingLevel: number;
  problems: ReadonlyMap<string, string>;
  /** Draws each item's fields (FieldsBlock, handed down: see FieldsRenderer). */
  Fields: FieldsRenderer;
}

/**
 * A new item's preset answers. Only for fields this conference shows, judged on an empty
 * item: "born or unborn" is preset to unborn in a pre-birth conference and absent elsewhere.
 */
export function defaults(fields: readonly FieldDef[], record?: ConferenceRecord): Values {
  const values: Values = {};
  for (const field of fields) {
    if (field.defaultValue === undefined) continue;
    if (record && !isVisible(field, { record, values: {} })) continue;
    values[field.id] = field.defaultValue;
  }
  return values;
}

/** Long lists (15 agencies) get a row of jump links so the chair need not scroll to find one. */
const INDEX_FROM = 4;

/**
 * A repeating group: each item a fieldset headed by its name, added and removed in place.
 * Removing is immediate and undoable; when other parts of the record cite the item (a
 * dissent naming an agency), the chair is told first, inline rather than in a modal.
 */
export const ListField = memo(function ListField(props: ListProps) {
  const { listId, label, itemLabel, fields, minItems, items, updateItems, scope, addId, record, headingLevel, problems, Fields } = props;
  const guided = useGuided();

  const add = () => {
    const id = newId();
    updateItems((prev) => [...prev, { id, values: defaults(fields, record) }]);
    const itemScope = enterItem(scope, id);
    guided.focusSoon(fields[0] ? fieldDomId(itemScope, fields[0].id) : refDomId(itemScope), refDomId(itemScope));
  };

  const titles = useMemo(
    () => items.map((item, index) => itemTitle(listId, itemLabel, item, index, fields, record)),
    [items, listId, itemLabel, fields, record],
  );

  return (
    <div className="g-list">
      {items.length >= INDEX_FROM && (
        <nav className="g-list__index" aria-label={`${capitalise(pluralOf(itemLabel))} in this list`}>
          <ul>
            {items.map((item, index) => (
              <li key={item.id}>
                <button type="button" className="g-link-button" onClick={() => guided.focusSoon(refDomId(enterItem(scope, item.id)))}>
                  {titles[index]?.prefix}
                  {titles[index]?.name && (
                    <>
                      : <bdi>{titles[index]?.name}</bdi>
                    </>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {items.length === 0 && <p className="g-empty">No {pluralOf(itemLabel)} yet.</p>}
      {items.map((item, index) => (
        <ListItem
          key={item.id}
          item={item}
          index={index}
          titlePrefix={titles[index]?.prefix ?? ''}
          titleName={titles[index]?.name ?? ''}
          itemLabel={itemLabel}
          fields={fields}
          updateItems={updateItems}
          scope={scope}
          record={record}
          headingLevel={headingLevel}
          problems={problems}
          Fields={Fields}
        />
      ))}
      {minItems !== undefined && items.length < minItems && (
        <p className="g-hint">
          “{label}” needs at least {minItems === 1 ? `one ${itemLabel}` : countOf(minItems, itemLabel)}.
        </p>
      )}
      <button type="button" id={addId} className="g-button g-button--secondary" onClick={add}>
        Add {itemLabel}
      </button>
    </div>
  );
});

interface ItemProps {
  item: GroupItem;
  index: number;
  titlePrefix: string;
  titleName: string;
  itemLabel: string;
  fields: readonly FieldDef[];
  updateItems: Update<GroupItem[]>;
  scope: FieldScope;
  record: ConferenceRecord;
  headingLevel: number;
  problems: ReadonlyMap<string, string>;
  Fields: FieldsRenderer;
}

const ListItem = memo(function ListItem({ item, index, titlePrefix, titleName, itemLabel, fields, updateItems, scope, record, headingLevel, problems, Fields }: ItemProps) {
  const guided = useGuided();
  const [warnings, setWarnings] = useState<string[] | null>(null);
  const itemScope = useMemo(() => enterItem(scope, item.id), [scope, item.id]);
  const headingId = refDomId(itemScope);
  const update = useCallback((updater: Updater<Values>) => updateItems((prev) => updateItem(prev, item.id, updater)), [updateItems, item.id]);
  const title = { prefix: titlePrefix, name: titleName };
  const fullTitle = title.name ? `${title.prefix}: ${title.name}` : title.prefix;

  const remove = () => {
    const removed = item;
    updateItems((prev) => prev.filter((i) => i.id !== item.id));
    guided.announceRemoval({
      message: `Removed ${fullTitle.charAt(0).toLocaleLowerCase('en-GB')}${fullTitle.slice(1)}.`,
      undoLabel: `Undo removing ${fullTitle}`,
      undo: () => {
        updateItems((prev) => (prev.some((i) => i.id === removed.id) ? prev : [...prev.slice(0, index), removed, ...prev.slice(index)]));
        guided.focusSoon(headingId);
      },
    });
  };

  const askToRemove = () => {
    const found = guided.removalWarnings(scope, item);
    if (found.length === 0) {
      remove();
      return;
    }
    setWarnings(found);
    guided.focusSoon(`${headingId}--warning`);
  };

  return (
    <fieldset className="g-item">
      <legend className="g-item__legend">
        <Heading level={headingLevel} id={headingId} tabIndex={-1} className="g-item__title">
          {title.prefix}
          {title.name && (
            <>
              : <bdi>{title.name}</bdi>
            </>
          )}
        </Heading>
      </legend>
      {warnings ? (
        <div className="g-warning" role="group" aria-labelledby={`${headingId}--warning`}>
          <p id={`${headingId}--warning`} tabIndex={-1}>
            <strong>
              <bdi>{title.name || title.prefix}</bdi> is cited in {joinPhrases(warnings)}.
            </strong>{' '}
            If you remove it, {warnings.length === 1 ? 'that will' : 'those will'} no longer say which {itemLabel} {warnings.length === 1 ? 'it means' : 'they mean'}. You can undo a removal straight afterwards.
          </p>
          <div className="g-button-row">
            <button type="button" className="g-button g-button--warning" onClick={remove}>
              Remove {itemLabel} anyway
            </button>
            <button
              type="button"
              className="g-button g-button--secondary"
              onClick={() => {
                setWarnings(null);
                guided.focusSoon(`${headingId}--remove`);
              }}
            >
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <button type="button" id={`${headingId}--remove`} className="g-link-button g-item__remove" onClick={askToRemove}>
          Remove<span className="visually-hidden"> {fullTitle}</span>
        </button>
      )}
      <Fields fields={fields} values={item.values} update={update} scope={itemScope} record={record} headingLevel={headingLevel + 1} problems={problems} />
    </fieldset>
  );
});

export function joinPhrases(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases[0] ?? '';
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}

