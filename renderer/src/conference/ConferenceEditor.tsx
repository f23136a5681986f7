import { useCallback, useEffect, useMemo, useState } from 'react';
import { CHILDREN_SECTION, MEETING_SECTION, type ConferenceRecord, type SectionValue } from '../../../domain/record/conference';
import { SaveStatus, type HeldField } from '../autosave/SaveStatus';
import { useAutosave } from '../autosave/useAutosave';
import { inputId } from '../forms/fields';
import { SectionForm } from '../forms/SectionForm';
import { useSession } from '../session/SessionContext';
import {
  CHILD_FIELDS,
  childDrafts,
  childrenSection,
  draftsFor,
  fieldErrors,
  meetingSection,
  meetingValues,
  MEETING_FIELDS,
  type ChildDraft,
  type Drafts,
} from './basic-details';

const MEETING_PREFIX = 'meeting';
const childPrefix = (index: number) => `child-${index + 1}`;

/**
 * The basic details of one conference, saved as the chair types. Drafts are the source of what
 * is on screen; each change re-derives the section's stored value and either queues it for
 * saving or, while a date or time cannot be read, holds it back and says which field to fix.
 */
export function ConferenceEditor({ record }: { record: ConferenceRecord }) {
  const { client, setBeforeLock } = useSession();
  const meetingBase = useMemo(() => meetingValues(record), [record]);
  const [meeting, setMeeting] = useState<Drafts>(() => draftsFor(MEETING_FIELDS, meetingBase));
  const [children, setChildren] = useState<ChildDraft[]>(() => childDrafts(record));
  // Errors show once a field has been left, as GOV.UK inline validation does, never mid-word.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());

  const save = useCallback(
    (sections: Record<string, SectionValue>, baseRevision: number) =>
      client['conferences.save']({ id: record.id, baseRevision, sections }),
    [client, record.id],
  );
  const autosave = useAutosave({ revision: record.revision, savedAt: record.updatedAt, save });
  const { flush, queue, hold } = autosave;

  useEffect(() => {
    setBeforeLock(flush);
    return () => setBeforeLock(null);
  }, [flush, setBeforeLock]);

  function changeMeeting(fieldId: string, text: string) {
    const next = { ...meeting, [fieldId]: text };
    setMeeting(next);
    const value = meetingSection(meetingBase, next);
    if (value) queue(MEETING_SECTION, value);
    else hold(MEETING_SECTION);
  }

  function changeChildren(next: ChildDraft[]) {
    setChildren(next);
    const value = childrenSection(next);
    if (value) queue(CHILDREN_SECTION, value);
    else hold(CHILDREN_SECTION);
  }

  function addChild() {
    const index = children.length;
    changeChildren([...children, { id: crypto.randomUUID(), base: {}, drafts: draftsFor(CHILD_FIELDS, {}) }]);
    requestAnimationFrame(() => document.getElementById(inputId(childPrefix(index), 'name'))?.focus());
  }

  const touch = (id: string) => setTouched((current) => (current.has(id) ? current : new Set([...current, id])));

  const meetingErrors = fieldErrors(MEETING_FIELDS, meeting);
  const childErrors = children.map((child) => fieldErrors(CHILD_FIELDS, child.drafts));
  const visible = (prefix: string, errors: Record<string, string>) =>
    Object.fromEntries(Object.entries(errors).filter(([fieldId]) => touched.has(inputId(prefix, fieldId))));

  const held: HeldField[] = [
    ...MEETING_FIELDS.filter((f) => meetingErrors[f.id]).map((f) => ({ inputId: inputId(MEETING_PREFIX, f.id), label: f.label.toLowerCase() })),
    ...children.flatMap((_, index) =>
      CHILD_FIELDS.filter((f) => childErrors[index]?.[f.id]).map((f) => ({
        inputId: inputId(childPrefix(index), f.id),
        label: `child ${index + 1}’s ${f.label.toLowerCase()}`,
      })),
    ),
  ];

  return (
    <>
      <p className="body lead" dir="auto">
        {children.map((child) => child.drafts['name']).filter(Boolean).join(', ') || 'No children named yet'}
      </p>
      <SaveStatus status={autosave.status} held={held} onRetry={() => void flush()} />
      <p className="hint">Changes save automatically as you type.</p>

      <section className="section" aria-labelledby="meeting-heading">
        <h2 className="heading-l" id="meeting-heading">
          Meeting details
        </h2>
        <SectionForm
          idPrefix={MEETING_PREFIX}
          fields={MEETING_FIELDS}
          drafts={meeting}
          errors={visible(MEETING_PREFIX, meetingErrors)}
          onChange={changeMeeting}
          onBlur={(fieldId) => touch(inputId(MEETING_PREFIX, fieldId))}
        />
      </section>

      <section className="section" aria-labelledby="children-heading">
        <h2 className="heading-l" id="children-heading">
          Children
        </h2>
        {children.map((child, index) => (
          <fieldset className="fieldset child-card" key={child.id}>
            <legend className="fieldset__legend fieldset__legend--m">Child {index + 1}</legend>
            <SectionForm
              idPrefix={childPrefix(index)}
              fields={CHILD_FIELDS}
              drafts={child.drafts}
              errors={visible(childPrefix(index), childErrors[index] ?? {})}
              onChange={(fieldId, text) =>
                changeChildren(children.map((c, i) => (i === index ? { ...c, drafts: { ...c.drafts, [fieldId]: text } } : c)))
              }
              onBlur={(fieldId) => touch(inputId(childPrefix(index), fieldId))}
            />
          </fieldset>
        ))}
        <button type="button" className="button button--secondary" onClick={addChild}>
          Add another child
        </button>
      </section>
    </>
  );
}
