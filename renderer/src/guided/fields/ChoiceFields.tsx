import { memo, type ChangeEvent } from 'react';
import { fieldDomId } from '../scope';
import { describedBy, FieldShell, GroupShell } from '../../components/FieldShell';
import type { FieldProps } from './types';

const optionId = (domId: string, index: number): string => (index === 0 ? domId : `${domId}--${index}`);

/** One of several. A stored choice that has since gone (a removed agency) stays visible so it can be fixed. */
export const SelectField = memo(function SelectField({ field, value, setField, scope, options, required, problem }: FieldProps) {
  const domId = fieldDomId(scope, field.id);
  const current = typeof value === 'string' ? value : '';
  const missing = current !== '' && !options.some((o) => o.value === current);
  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const next = event.target.value;
    setField(field.id, () => next);
  };
  return (
    <FieldShell domId={domId} label={field.label} hint={field.hint} required={required} error={problem}>
      <select
        id={domId}
        className="g-select"
        value={current}
        onChange={onChange}
        aria-describedby={describedBy(domId, field.hint, problem)}
        aria-required={required || undefined}
        aria-invalid={problem ? true : undefined}
      >
        <option value="">Choose…</option>
        {missing && <option value={current}>A choice that is no longer available</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
});

/** Several of several: checkboxes in a fieldset, stored as a list of values. */
export const MultiSelectField = memo(function MultiSelectField({ field, value, setField, scope, options, required, problem }: FieldProps) {
  const domId = fieldDomId(scope, field.id);
  const chosen = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const toggle = (option: string, on: boolean) => {
    setField(field.id, (prev) => {
      const list = Array.isArray(prev) ? prev.filter((v): v is string => typeof v === 'string') : [];
      const without = list.filter((v) => v !== option);
      // Keep the template's order so the stored list reads the same however it was ticked.
      return on ? options.map((o) => o.value).filter((v) => v === option || without.includes(v)) : without;
    });
  };
  return (
    <GroupShell domId={domId} label={field.label} hint={field.hint} required={required} error={problem}>
      {options.length === 0 && (
        <p className="g-hint" id={domId} tabIndex={-1}>
          There is nothing to choose yet.
        </p>
      )}
      <div className="g-checkboxes">
        {options.map((option, index) => (
          <div className="g-choice" key={option.value}>
            <input
              id={optionId(domId, index)}
              type="checkbox"
              checked={chosen.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <label htmlFor={optionId(domId, index)}>
              <bdi>{option.label}</bdi>
            </label>
          </div>
        ))}
      </div>
    </GroupShell>
  );
});

/** Yes or no, stored as true or false; radios so both answers are visible at once. */
export const YesNoField = memo(function YesNoField({ field, value, setField, scope, required, problem }: FieldProps) {
  const domId = fieldDomId(scope, field.id);
  const answers = [
    { value: true, label: 'Yes' },
    { value: false, label: 'No' },
  ];
  return (
    <GroupShell domId={domId} label={field.label} hint={field.hint} required={required} error={problem}>
      <div className="g-radios g-radios--inline">
        {answers.map((answer, index) => (
          <div className="g-choice" key={answer.label}>
            <input
              id={optionId(domId, index)}
              type="radio"
              name={domId}
              checked={value === answer.value}
              onChange={() => setField(field.id, () => answer.value)}
            />
            <label htmlFor={optionId(domId, index)}>{answer.label}</label>
          </div>
        ))}
      </div>
    </GroupShell>
  );
});

/** A select with a few fixed options, shown as radios: the stored value is the same as the menu's. */
export const ChoiceList = memo(function ChoiceList({ field, value, setField, scope, options, required, problem }: FieldProps) {
  const domId = fieldDomId(scope, field.id);
  const current = typeof value === 'string' ? value : '';
  const missing = current !== '' && !options.some((o) => o.value === current);
  return (
    <GroupShell domId={domId} label={field.label} hint={field.hint} required={required} error={problem}>
      {missing && <p className="g-note">The choice stored here is no longer available. Choose again.</p>}
      <div className={options.length <= 2 && options.every((o) => o.label.length < 12) ? 'g-radios g-radios--inline' : 'g-radios'}>
        {options.map((option, index) => (
          <div className="g-choice" key={option.value}>
            <input
              id={optionId(domId, index)}
              type="radio"
              name={domId}
              checked={current === option.value}
              onChange={() => setField(field.id, () => option.value)}
            />
            <label htmlFor={optionId(domId, index)}>{option.label}</label>
          </div>
        ))}
      </div>
    </GroupShell>
  );
});
