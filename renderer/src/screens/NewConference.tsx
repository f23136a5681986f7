import { useRef, useState, type FormEvent } from 'react';
import { CONFERENCE_TYPE_LABELS, CONFERENCE_TYPES, PRE_BIRTH_TYPES, type ConferenceType } from '../../../domain/record/conference';
import type { NewChild } from '../../../domain/record/new-conference';
import { errorMessage } from '../api';
import { ErrorSummary, type ErrorItem } from '../components/ErrorSummary';
import { PageHeading } from '../components/PageHeading';
import { TextField } from '../components/TextField';
import { usePageTitle } from '../components/usePageTitle';
import { parseUkDate } from '../../../domain/calendar/dates';
import { DATE_HINT } from '../format/dates';
import { useSession } from '../session/SessionContext';
import { routeHref } from '../session/routes';

const TYPE_ID = 'conference-type';
const DATE_ID = 'conference-date';
const childInputId = (index: number) => `child-name-${index + 1}`;
const bornId = (index: number) => `child-born-${index + 1}`;
const dueId = (index: number) => `child-due-${index + 1}`;
const MAX_CHILDREN = 20;
const UNBORN_NAME_HINT = 'An unborn baby need not be named. You may write, for example, “Unborn baby of Jade Osei”; left blank, the baby is called “Unborn baby”.';

interface ChildRow {
  /** A stable React key: rows can be removed from the middle. */
  key: number;
  name: string;
  /** Asked only at a pre-birth conference, where a baby is unborn unless the chair says otherwise. */
  bornStatus: 'born' | 'unborn';
  /** The expected date of delivery as typed (dd/mm/yyyy); an unborn baby's only date. */
  due: string;
}

const newRow = (key: number): ChildRow => ({ key, name: '', bornStatus: 'unborn', due: '' });

/** A pre-birth conference asks whether each child is born; an unborn baby has no name or date of birth to give. */
function isUnbornRow(type: string, child: ChildRow): boolean {
  return isPreBirthType(type) && child.bornStatus === 'unborn';
}

function isPreBirthType(type: string): boolean {
  return (PRE_BIRTH_TYPES as readonly string[]).includes(type);
}

function validate(type: string, date: string, children: readonly ChildRow[]): ErrorItem[] {
  const errors: ErrorItem[] = [];
  if (type === '') errors.push({ fieldId: TYPE_ID, message: 'Select the type of conference' });
  if (date.trim() === '') errors.push({ fieldId: DATE_ID, message: 'Enter the conference date' });
  else {
    // The calendar's own sentence says what is wrong ("February 2025 has 28 days").
    const parsed = parseUkDate(date);
    if (!parsed.ok) errors.push({ fieldId: DATE_ID, message: `Conference date: ${parsed.message}` });
  }
  children.forEach((child, index) => {
    if (isUnbornRow(type, child)) {
      if (child.name.length > 500) errors.push({ fieldId: childInputId(index), message: `The name of child ${index + 1} must be 500 characters or fewer` });
      if (child.due.trim() !== '') {
        const due = parseUkDate(child.due);
        if (!due.ok) errors.push({ fieldId: dueId(index), message: `Expected date of delivery of child ${index + 1}: ${due.message}` });
      }
      return;
    }
    if (child.name.trim() === '') errors.push({ fieldId: childInputId(index), message: `Enter the name of child ${index + 1}` });
    else if (child.name.length > 500) errors.push({ fieldId: childInputId(index), message: `The name of child ${index + 1} must be 500 characters or fewer` });
  });
  return errors;
}

/** What the API is given for a row: born or unborn only at a pre-birth conference, a due date only for an unborn baby. */
function newChild(type: string, child: ChildRow): NewChild {
  if (!isPreBirthType(type)) return { name: child.name.trim() };
  if (child.bornStatus === 'born') return { name: child.name.trim(), bornStatus: 'born' };
  const due = child.due.trim() === '' ? null : parseUkDate(child.due);
  return { name: child.name.trim(), bornStatus: 'unborn', ...(due?.ok ? { expectedDeliveryDate: due.date } : {}) };
}

export function NewConference() {
  const { client, navigate } = useSession();
  const [type, setType] = useState('');
  const [date, setDate] = useState('');
  const [children, setChildren] = useState<ChildRow[]>([newRow(0)]);
  const [errors, setErrors] = useState<ErrorItem[]>([]);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  const nextKey = useRef(1);
  const addButton = useRef<HTMLButtonElement>(null);
  usePageTitle('Create a conference', errors.length > 0);

  const errorFor = (id: string) => errors.find((error) => error.fieldId === id)?.message;

  function addChild() {
    const index = children.length;
    setChildren([...children, newRow(nextKey.current++)]);
    // Focus follows the new row so keyboard users can type straight away.
    requestAnimationFrame(() => document.getElementById(childInputId(index))?.focus());
  }

  function removeChild(index: number) {
    setChildren(children.filter((_, i) => i !== index));
    setErrors([]);
    requestAnimationFrame(() => (document.getElementById(childInputId(Math.max(0, index - 1))) ?? addButton.current)?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = validate(type, date, children);
    setErrors(found);
    setSubmits((n) => n + 1);
    const parsed = parseUkDate(date);
    if (found.length > 0 || !parsed.ok) return;
    setBusy(true);
    try {
      const record = await client['conferences.create']({
        type: type as ConferenceType,
        date: parsed.date,
        children: children.map((child) => newChild(type, child)),
      });
      navigate({ name: 'conference', id: record.id });
    } catch (error) {
      setBusy(false);
      setErrors([{ message: `The conference was not created. ${errorMessage(error)}` }]);
      setSubmits((n) => n + 1);
    }
  }

  const typeError = errorFor(TYPE_ID);
  const preBirth = isPreBirthType(type);
  return (
    <div className="narrow">
      <a className="back-link" href={routeHref({ name: 'list' })}>
        Back to conferences
      </a>
      <ErrorSummary errors={errors} focusKey={submits} />
      <PageHeading>Create a conference</PageHeading>
      <form noValidate onSubmit={submit}>
        <div className={`form-group${typeError ? ' form-group--error' : ''}`}>
          <label className="label" htmlFor={TYPE_ID}>
            Type of conference
          </label>
          {typeError && (
            <p id={`${TYPE_ID}-error`} className="error-message">
              <span className="visually-hidden">Error: </span>
              {typeError}
            </p>
          )}
          <select
            id={TYPE_ID}
            className={`select${typeError ? ' input--error' : ''}`}
            value={type}
            onChange={(event) => setType(event.target.value)}
            aria-describedby={typeError ? `${TYPE_ID}-error` : undefined}
            aria-invalid={typeError ? true : undefined}
          >
            <option value="">Choose a type</option>
            {CONFERENCE_TYPES.map((value) => (
              <option key={value} value={value}>
                {CONFERENCE_TYPE_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <TextField id={DATE_ID} label="Conference date" hint={DATE_HINT} error={errorFor(DATE_ID)} value={date} onChange={setDate} width="short" inputMode="numeric" />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">Children</legend>
          <div className="hint" id="children-hint">
            Add every child in the household the conference is about. Each child gets their own decision.
            {preBirth && ' An unborn baby has no name or date of birth to give: the expected date of delivery stands in for the date of birth.'}
          </div>
          {children.map((child, index) => {
            const update = (change: Partial<ChildRow>) => setChildren(children.map((row, i) => (i === index ? { ...row, ...change } : row)));
            const unborn = isUnbornRow(type, child);
            return (
              <div className={preBirth ? 'repeat-row repeat-row--stacked' : 'repeat-row'} key={child.key}>
                {preBirth && (
                  <fieldset className="g-field g-group">
                    <legend className="g-label">Is child {index + 1} born or unborn?</legend>
                    <div className="g-radios g-radios--inline">
                      {(['unborn', 'born'] as const).map((status, option) => (
                        <div className="g-choice" key={status}>
                          <input
                            id={option === 0 ? bornId(index) : `${bornId(index)}--${option}`}
                            type="radio"
                            name={bornId(index)}
                            checked={child.bornStatus === status}
                            onChange={() => update({ bornStatus: status })}
                          />
                          <label htmlFor={option === 0 ? bornId(index) : `${bornId(index)}--${option}`}>{status === 'unborn' ? 'Unborn' : 'Born'}</label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                )}
                <TextField
                  id={childInputId(index)}
                  label={unborn ? `Name of child ${index + 1}, if you want to give one` : `Name of child ${index + 1}`}
                  hint={unborn ? UNBORN_NAME_HINT : undefined}
                  error={errorFor(childInputId(index))}
                  value={child.name}
                  onChange={(name) => update({ name })}
                  width="medium"
                  spellCheck={false}
                />
                {unborn && (
                  <TextField
                    id={dueId(index)}
                    label={`Expected date of delivery of child ${index + 1}`}
                    hint={`${DATE_HINT}. You can add it later, under Children.`}
                    error={errorFor(dueId(index))}
                    value={child.due}
                    onChange={(due) => update({ due })}
                    width="short"
                    inputMode="numeric"
                  />
                )}
                {children.length > 1 && (
                  <button type="button" className="button button--secondary button--small" onClick={() => removeChild(index)}>
                    Remove<span className="visually-hidden"> child {index + 1}</span>
                  </button>
                )}
              </div>
            );
          })}
          {children.length < MAX_CHILDREN && (
            <button type="button" ref={addButton} className="button button--secondary" onClick={addChild}>
              Add another child
            </button>
          )}
        </fieldset>
        <button type="submit" className="button">
          Create conference
        </button>
        <p className="hint" role="status">
          {busy ? 'Creating the conference…' : ''}
        </p>
      </form>
    </div>
  );
}
